import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setCsrfToken, setUnauthenticatedHandler } from '../../api';
import { applyLocale, storedLocale, type Locale } from '../../i18n';
import { sessionApi, type Me, type MeChanges, type SessionPayload } from './me';
import { SessionContext, type Session, type SessionState } from './session-context';

/**
 * A language chosen on this device wins and is saved to the account;
 * on a device where none was chosen, the account's language is used.
 */
async function reconcileLocale(me: Me): Promise<Me> {
  const local = storedLocale();
  if (local === null) {
    await applyLocale(me.locale);
    return me;
  }
  if (local === me.locale) return me;
  return sessionApi.updateMe({ locale: local }).catch(() => me);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const start = useCallback(async (payload: SessionPayload) => {
    setCsrfToken(payload.csrfToken);
    const me = await reconcileLocale(payload.user);
    setState({ status: 'signed-in', me });
  }, []);

  const end = useCallback(() => {
    setCsrfToken(null);
    setState({ status: 'signed-out' });
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(end);
    sessionApi.current().then(start, end);
    return () => setUnauthenticatedHandler(null);
  }, [start, end]);

  const signIn = useCallback(
    async (email: string, password: string) => start(await sessionApi.signIn(email, password)),
    [start],
  );

  const signOut = useCallback(async () => {
    await sessionApi.signOut();
    end();
  }, [end]);

  const updateMe = useCallback(async (changes: MeChanges) => {
    const me = await sessionApi.updateMe(changes);
    setState({ status: 'signed-in', me });
  }, []);

  const signedIn = state.status === 'signed-in';
  const changeLocale = useCallback(
    async (locale: Locale) => {
      await applyLocale(locale);
      if (signedIn) await updateMe({ locale });
    },
    [signedIn, updateMe],
  );

  const session = useMemo<Session>(
    () => ({ state, signIn, signOut, updateMe, changeLocale }),
    [state, signIn, signOut, updateMe, changeLocale],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
