import type { Selectable } from 'kysely';
import type { CampaignTable, CampaignTargetTable } from '../../db/schema.js';
import { canRunCampaigns, type Actor } from '../../domain/access/policy.js';
import { stages, targetKinds, type Stage, type TargetKind } from '../../domain/advocacy/campaign.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import type { Tx } from '../shared/context.js';

/**
 * Who reaches a campaign: its organization's staff and the federation administrator. A member of that organization
 * is told no; anyone else does not learn that the campaign exists.
 */
function refuse(actor: Actor, organizationId: string | undefined, entity: string): never {
  if (organizationId !== undefined && actor.organizationId === organizationId) throw forbidden();
  throw notFound(entity);
}

export async function campaignInReach(db: Tx, actor: Actor, id: string): Promise<Selectable<CampaignTable>> {
  const campaign = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!campaign || !canRunCampaigns(actor, campaign.organization_id)) refuse(actor, campaign?.organization_id, 'campaign');
  return campaign;
}

/** A target with its campaign's organization, when the actor reaches that campaign. */
export async function targetInReach(db: Tx, actor: Actor, id: string): Promise<Selectable<CampaignTargetTable> & { organization_id: string }> {
  const target = await db.selectFrom('campaign_targets as t').innerJoin('campaigns as c', 'c.id', 't.campaign_id')
    .selectAll('t').select('c.organization_id').where('t.id', '=', id).executeTakeFirst();
  if (!target || !canRunCampaigns(actor, target.organization_id)) refuse(actor, target?.organization_id, 'target');
  return target;
}

/** A stage read back from the database (written only through the checked paths). */
export function asStage(value: string): Stage {
  if (!(stages as readonly string[]).includes(value)) throw new Error(`unknown campaign stage in the database: ${value}`);
  return value as Stage;
}

export function asTargetKind(value: string): TargetKind {
  if (!(targetKinds as readonly string[]).includes(value)) throw new Error(`unknown campaign target kind in the database: ${value}`);
  return value as TargetKind;
}
