import { canReadCompliance, canReadFederationCompliance, type Actor } from '../../domain/access/policy.js';
import { federationBoard, organizationBoard, type FederationBoard, type OrganizationBoard, type OrganizationFacts } from '../../domain/compliance/board.js';
import { isIsoDate } from '../../domain/compliance/calendar.js';
import { trendDates } from '../../domain/compliance/trend.js';
import { lawProfiles, type LawProfile } from '../../domain/law-profiles/profiles.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { today, type AppContext } from '../shared/context.js';
import { keptPerOrganization } from '../shared/kept-until-change.js';
import { loadComplianceFacts, type BoardOrganization } from './compliance-facts.js';

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

/**
 * The facts of a board are reads of the whole window for every organization, a few hundred milliseconds at the
 * federation's scale. Each organization's are kept until its records change (or a change names no organization, or
 * the federation): looking at a board again costs the sweep alone, and after a member joins one co-op, or a day's
 * work is entered there, only that co-op's facts are read again. The key adds the law profile and the trend's date.
 */
const factsKept = keptPerOrganization<OrganizationFacts>();

async function boardFacts(ctx: AppContext, organizations: BoardOrganization[], dates: string[]): Promise<Map<string, OrganizationFacts>> {
  const byId = new Map(organizations.map((o) => [o.id, o]));
  // The profile is part of the key: an organization whose profile changed is looked up under a new one.
  return factsKept(ctx, organizations.map((o) => o.id), (id) => `${id} ${byId.get(id)!.profile.id} ${dates.at(-1)}`,
    (ids) => loadComplianceFacts(ctx.db, ids.map((id) => byId.get(id)!), dates));
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
  const facts = await boardFacts(ctx, [{ id: organization.id, profile: profileOf(organization.law_profile) }], dates);
  return { organizationId, lawProfile: organization.law_profile, ...organizationBoard(facts.get(organizationId)!) };
}

/** Every member organization of the federation (dissolved ones aside) on one date, and the federation as their sum. */
export async function federationComplianceBoard(ctx: AppContext, actor: Actor, date?: string): Promise<FederationComplianceBoard> {
  if (!canReadFederationCompliance(actor)) throw forbidden();
  const on = boardDate(ctx, date);
  const rows = await ctx.db.selectFrom('organizations').select(['id', 'code', 'name_ja', 'name_en', 'law_profile'])
    .where('kind', '=', 'organization').where('status', '!=', 'dissolved').orderBy('code').execute();
  const dates = trendDates(on);
  const facts = await boardFacts(ctx, rows.map((r) => ({ id: r.id, profile: profileOf(r.law_profile) })), dates);
  const boards = rows.map((r) => ({ organizationId: r.id, board: organizationBoard(facts.get(r.id)!) }));
  return {
    ...federationBoard(dates, boards),
    organizations: rows.map((r) => ({ id: r.id, code: r.code, nameJa: r.name_ja, nameEn: r.name_en, lawProfile: r.law_profile })),
  };
}
