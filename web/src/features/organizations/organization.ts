import { api } from '../../api';

export interface Organization {
  id: string;
  code: string;
  kind: 'federation' | 'organization';
  parentId: string | null;
  nameJa: string;
  nameEn: string | null;
  legalForm: string;
  lawProfile: string;
  registrationDate: string | null;
  fiscalYearStartMonth: number;
  prefectureCode: string | null;
  postalCode: string | null;
  address: string | null;
  businessLines: string[];
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  memberOrganizationCount: number;
}

/** The fields a person edits; `code` and `parentId` are set only when creating. */
export interface OrganizationInput {
  nameJa: string;
  nameEn: string | null;
  legalForm: string;
  lawProfile: string;
  registrationDate: string | null;
  fiscalYearStartMonth: number;
  prefectureCode: string | null;
  postalCode: string | null;
  address: string | null;
  businessLines: string[];
  status: string;
}

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
