import { api } from '../../api';
import type { Locale } from '../../i18n';

export type Role = 'federation-admin' | 'org-admin' | 'clerk' | 'member';

/** The signed-in user as the server describes them. */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string | null;
  /** For a member's own account: the person they are, who votes. */
  personId: string | null;
  locale: Locale;
}

export interface SessionPayload {
  user: Me;
  csrfToken: string;
}

export interface MeChanges {
  displayName?: string;
  locale?: Locale;
}

export const sessionApi = {
  current: () => api.get<SessionPayload>('/auth/session'),
  // `login` takes an e-mail address or a member's login id (chiba-00123), as a letter gives it.
  signIn: (login: string, password: string) => api.post<SessionPayload>('/auth/sign-in', { login, password }),
  signOut: () => api.postNoContent('/auth/sign-out'),
  updateMe: (changes: MeChanges) => api.patch<Me>('/me', changes),
};
