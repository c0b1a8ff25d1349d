// Passkeys (パスキー) in the browser: the two WebAuthn ceremonies with @simplewebauthn/browser, between the server's
// options and its check. The browser's own refusals (the member cancelled, the dialog timed out) come back as the
// library's WebAuthnError, not as an ApiError, so a page can treat them as "not done" rather than as a failure.

import {
  startAuthentication,
  startRegistration,
  WebAuthnError,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { api, ApiError } from '../../api';
import type { SessionPayload } from '../session/me';

/** One of the signed-in user's passkeys, as GET /me/passkeys lists them. */
export interface Passkey {
  id: string;
  /** The label given when it was added; null when none was. */
  name: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

export const passkeyPaths = { list: '/me/passkeys' };

/**
 * Adds a passkey of this device to the signed-in account: asks the server for options, lets the device make the key
 * (fingerprint, face, screen lock) and hands the answer back. A device that holds a passkey for this account already
 * is answered as the server would (`passkey_exists`).
 */
export async function register(name?: string): Promise<Passkey> {
  const optionsJSON = await api.post<PublicKeyCredentialCreationOptionsJSON>('/me/passkeys/registration-options');
  let response;
  try {
    response = await startRegistration({ optionsJSON });
  } catch (error) {
    if (error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') throw new ApiError({ status: 409, code: 'passkey_exists' });
    throw error;
  }
  return api.post<Passkey>('/me/passkeys', name ? { response, name } : { response });
}

/**
 * Signs in with a passkey alone: the device offers the passkeys it holds for this site and the server opens a
 * session (the cookie is set; the payload carries the CSRF token, as password sign-in does).
 */
export async function signIn(): Promise<SessionPayload> {
  const optionsJSON = await api.post<PublicKeyCredentialRequestOptionsJSON>('/auth/passkey/options');
  const response = await startAuthentication({ optionsJSON });
  return api.post<SessionPayload>('/auth/passkey/sign-in', { response });
}

export const removePasskey = (id: string) => api.delete(`${passkeyPaths.list}/${encodeURIComponent(id)}`);
