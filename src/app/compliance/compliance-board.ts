import { canReadCompliance, canReadFederationCompliance, type Actor } from '../../domain/access/policy.js';
import { federationBoard, organizationBoard, type FederationBoard, type OrganizationBoard } from '../../domain/compliance/board.js';
import { isIsoDate } from '../../domain/compliance/calendar.js';
import { trendDates } from '../../domain/compliance/trend.js';
import { lawProfiles, type LawProfile } from '../../domain/law-profiles/profiles.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { today, type AppContext } from '../shared/context.js';
import { loadComplianceFacts } from './compliance-facts.js';

/**
 * The live compliance board (法令遵守状況): the Worker Cooperatives Act's standing requirements for one organization
 * or for the whole federation on a date (default today), each with its figure, floor, two years of month-end trend
 * and the date it is projected to break, straight from the registry, the board's seats, the bylaws and the ledger.
 */
export interface OrganizationComplianceBoard extends OrganizationBoard {
  organizationId: string;
  lawProfile: string;
}

export interface FederationComplianceBoard extends FederationBoard {
  /** The member organizations the board covers. */
  organizations: { id: string; code: string; nameJa: string; nameEn: string | null; lawProfile: string }[];
}

function boardDate(ctx: AppContext, date: string | undefined): string {
  const value = date ?? today(ctx);
  if (!isIsoDate(value)) {
    throw new DomainError('invalid', 'validation_failed', `"${value}" is not a calendar date (YYYY-MM-DD)`, [{ field: 'date', code: 'invalid_format', message: 'a calendar date, YYYY-MM-DD' }]);
  }
  return value;
}

/** The organization's law profile; an unknown one is checked by the default, as everywhere else (lawProfileOf). */
const profileOf = (id: string): LawProfile => lawProfiles.find((p) => p.id === id) ?? lawProfiles[0]!;

export async function organizationComplianceBoard(ctx: AppContext, actor: Actor, organizationId: string, date?: string): Promise<OrganizationComplianceBoard> {
  if (!canReadCompliance(actor, organizationId)) throw forbidden();
  const on = boardDate(ctx, date);
  const organization = await ctx.db.selectFrom('organizations').select(['id', 'kind', 'law_profile']).where('id', '=', organizationId).executeTakeFirst();
  if (!organization) throw notFound('organization');
  if (organization.kind === 'federation') {
    // A federation's members are organizations, not people: its board is the sum of theirs.
    throw new DomainError('rule_violation', 'federation_board', 'a federation has no members of its own to check; its board is GET /compliance');
  }
  const dates = trendDates(on);
  const facts = await loadComplianceFacts(ctx.db, [{ id: organization.id, profile: profileOf(organization.law_profile) }], dates);
  return { organizationId, lawProfile: organization.law_profile, ...organizationBoard(facts.get(organizationId)!) };
}

/** Every member organization of the federation (dissolved ones aside) on one date, and the federation as their sum. */
export async function federationComplianceBoard(ctx: AppContext, actor: Actor, date?: string): Promise<FederationComplianceBoard> {
  if (!canReadFederationCompliance(actor)) throw forbidden();
  const on = boardDate(ctx, date);
  const rows = await ctx.db.selectFrom('organizations').select(['id', 'code', 'name_ja', 'name_en', 'law_profile'])
    .where('kind', '=', 'organization').where('status', '!=', 'dissolved').orderBy('code').execute();
  const dates = trendDates(on);
  const facts = await loadComplianceFacts(ctx.db, rows.map((r) => ({ id: r.id, profile: profileOf(r.law_profile) })), dates);
  const boards = rows.map((r) => ({ organizationId: r.id, board: organizationBoard(facts.get(r.id)!) }));
  return {
    ...federationBoard(dates, boards),
    organizations: rows.map((r) => ({ id: r.id, code: r.code, nameJa: r.name_ja, nameEn: r.name_en, lawProfile: r.law_profile })),
  };
}
