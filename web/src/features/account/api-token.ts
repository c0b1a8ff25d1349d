import { api } from '../../api';

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Returned once, at creation: the secret is never shown again. */
export interface IssuedApiToken {
  id: string;
  name: string;
  createdAt: string;
  token: string;
}

export const tokenPaths = { list: '/tokens' };

export const tokenApi = {
  create: (name: string) => api.post<IssuedApiToken>('/tokens', { name }),
  revoke: (id: string) => api.delete(`/tokens/${encodeURIComponent(id)}`),
};
