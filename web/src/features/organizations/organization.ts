import type { EditableOrganizationFields, OrganizationView } from '../../../../src/domain/organizations/views';
import { api } from '../../api';

/** An organization as the API sends it (the server's own definition). */
export type Organization = OrganizationView;

/** The fields a person edits; `code` and `parentId` are set only when creating. */
export type OrganizationInput = EditableOrganizationFields;

export interface NewOrganizationInput extends OrganizationInput {
  code: string;
  parentId: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorEmail: string | null;
  entityType: string;
  entityId: string;
  action: string;
  /** The entity as it was and as it became; null before a creation and after a deletion. */
  before: unknown;
  after: unknown;
}

export const organizationPaths = {
  list: '/organizations',
  one: (id: string) => `/organizations/${encodeURIComponent(id)}`,
  history: (id: string) => `/organizations/${encodeURIComponent(id)}/history`,
};

export const organizationApi = {
  create: (input: NewOrganizationInput) => api.post<Organization>('/organizations', { ...input, kind: 'organization' }),
  update: (id: string, version: number, input: OrganizationInput) =>
    api.patch<Organization>(organizationPaths.one(id), { ...input, version }),
};
