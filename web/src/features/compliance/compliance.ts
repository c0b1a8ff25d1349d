import { withQuery } from '../../api';
import type { FederationBoard, OrganizationBoard } from '../../../../src/domain/compliance/board';

// The compliance board as the server describes it. The shapes and vocabularies are the server's own domain modules,
// so the page and the server can never disagree.

export { complianceStatuses } from '../../../../src/domain/compliance/checks';
export type { ComplianceCheckCode, ComplianceStatus } from '../../../../src/domain/compliance/checks';
export type { CheckResult, FederationCheck, OrganizationAttention, Projection } from '../../../../src/domain/compliance/board';
export type { TrendPoint } from '../../../../src/domain/compliance/trend';

/** One organization's board on a date. */
export interface OrganizationComplianceBoard extends OrganizationBoard {
  organizationId: string;
  lawProfile: string;
}

/** The federation's board: its member organizations added up, and which of them need attention. */
export interface FederationComplianceBoard extends FederationBoard {
  organizations: { id: string; code: string; nameJa: string; nameEn: string | null; lawProfile: string }[];
}

export const compliancePaths = {
  organization: (organizationId: string, date: string) => withQuery(`/organizations/${organizationId}/compliance`, { date }),
  federation: (date: string) => withQuery('/compliance', { date }),
};
