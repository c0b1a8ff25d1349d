// An organization as the API sends it and the fields a person edits: one definition for the server and the web app.
// Types only, so the web bundle can read it.
import type { Organization, OrganizationFields } from './organization.js';

/** An organization as presented: with the number of organizations that are its members. */
export interface OrganizationView extends Organization {
  memberOrganizationCount: number;
}

/** The fields a person edits on an existing organization; `code`, `kind` and `parentId` are set when it is made. */
export type EditableOrganizationFields = Omit<OrganizationFields, 'code' | 'kind' | 'parentId'>;
