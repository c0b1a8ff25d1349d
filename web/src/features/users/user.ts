import { api, withQuery } from '../../api';
import type { Locale } from '../../i18n';
import type { Role } from '../session/me';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string | null;
  locale: Locale;
  disabled: boolean;
  createdAt: string;
}

export interface NewUserInput {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  organizationId: string | null;
}

export const userPaths = {
  list: (organizationId: string | null) => withQuery('/users', { organizationId }),
};

export const userApi = {
  create: (input: NewUserInput) => api.post<User>('/users', input),
  setDisabled: (id: string, disabled: boolean) => api.patch<User>(`/users/${encodeURIComponent(id)}`, { disabled }),
};
