import type { Selectable } from 'kysely';
import type { SiteTable } from '../../db/schema.js';
import { notFound } from '../../domain/shared/errors.js';
import type { Tx } from '../shared/context.js';

// When a site is open and which months its organization's fiscal years cover: what results are checked against.

/** The month the organization's fiscal year starts in (its bylaws'); an unknown organization is not found. */
export const startMonthOf = async (db: Tx, organizationId: string): Promise<number> => {
  const org = await db.selectFrom('organizations').select('fiscal_year_start_month').where('id', '=', organizationId).executeTakeFirst();
  if (!org) throw notFound('organization');
  return Number(org.fiscal_year_start_month);
};

/** A site is open in a fiscal year when it opened before the year ended and did not close before it began. */
export const openIn = (site: Pick<Selectable<SiteTable>, 'opened_on' | 'closed_on'>, period: { from: string; until: string }): boolean =>
  (site.opened_on === null || site.opened_on <= period.until) && (site.closed_on === null || site.closed_on >= period.from);
