import { sql, type Selectable } from 'kysely';
import type { CampaignTargetTable } from '../../db/schema.js';
import type { Actor } from '../../domain/access/policy.js';
import { campaignTextLimits, checkTransition, isWebUrl, type Stage, type TargetKind } from '../../domain/advocacy/campaign.js';
import { campaignLocalGovernments } from '../../domain/advocacy/local-targets.js';
import { localGovernment } from '../../domain/programmes/local-governments.js';
import { DomainError, invalid, notFound, type FieldError } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, newId, type AppContext, type Tx } from '../shared/context.js';
import { asStage, asTargetKind, campaignInReach, targetInReach } from './campaign-access.js';
import { targetDocuments } from './target-documents.js';
import type { StageEventView, TargetDetail, TargetLinkView, TargetView } from '../../domain/advocacy/views.js';

export type { StageEventView, TargetDetail, TargetLinkView, TargetView };

export const targetViewOf = (row: Selectable<CampaignTargetTable>): TargetView => ({
  id: row.id, campaignId: row.campaign_id, kind: asTargetKind(row.kind), localGovernmentCode: row.local_government_code, prefectureCode: row.prefecture_code,
  nameJa: row.name_ja, nameEn: row.name_en, kana: row.local_government_code === null ? null : (localGovernment(row.local_government_code)?.kana ?? null),
  stage: asStage(row.stage), stageOn: row.stage_on, responsibleOrganizationId: row.responsible_organization_id, responsiblePerson: row.responsible_person,
  notes: row.notes, version: Number(row.version), updatedAt: row.updated_at,
});

export interface TargetFilter {
  prefecture?: string | undefined;
  stage?: Stage | undefined;
  kind?: TargetKind | undefined;
  /** Part of a name (kanji, hiragana or katakana reading, English) or the start of a code. */
  q?: string | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

const katakanaToHiragana = (text: string) => text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The codes of the local governments whose name or reading contains the query, or whose code starts with it: the
 * readings are the official list's, not columns of the table.
 */
function matchingCodes(query: string): string[] {
  const kana = katakanaToHiragana(query);
  return campaignLocalGovernments().filter((g) => g.code.startsWith(query) || g.nameJa.includes(query) || g.kana.includes(kana)).map((g) => g.code);
}

/** A campaign's targets, filtered and a page at a time: local governments in code order, then other bodies by name. */
export async function listTargets(ctx: AppContext, actor: Actor, campaignId: string, filter: TargetFilter): Promise<{ items: TargetView[]; total: number }> {
  await campaignInReach(ctx.db, actor, campaignId);
  let query = ctx.db.selectFrom('campaign_targets').where('campaign_id', '=', campaignId);
  if (filter.prefecture !== undefined) query = query.where('prefecture_code', '=', filter.prefecture);
  if (filter.stage !== undefined) query = query.where('stage', '=', filter.stage);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  const q = filter.q?.normalize('NFKC').trim() ?? '';
  if (q !== '') {
    const codes = matchingCodes(q);
    const pattern = `%${likeEscaped(q.toLowerCase())}%`;
    query = query.where((eb) => eb.or([
      ...(codes.length > 0 ? [eb('local_government_code', 'in', codes)] : []),
      sql<boolean>`lower(name_ja) like ${pattern} escape '\\'`,
      sql<boolean>`lower(coalesce(name_en, '')) like ${pattern} escape '\\'`,
    ]));
  }
  const [{ total }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy(sql`case when local_government_code is null then 1 else 0 end`).orderBy('local_government_code').orderBy('name_ja').orderBy('id')
      .offset(filter.offset ?? 0).limit(filter.limit ?? 100).execute(),
  ]);
  return { items: rows.map(targetViewOf), total: Number(total) };
}

/** Adds a body that is not a local government: a parliamentary group, a party, a ministry. */
export async function createTarget(ctx: AppContext, actor: Actor, campaignId: string, input: { kind: TargetKind; nameJa: string; nameEn: string | null }): Promise<TargetView> {
  const nameJa = input.nameJa.trim();
  const nameEn = input.nameEn?.trim() || null;
  const errors: FieldError[] = [];
  // Local governments come from the official list when the campaign starts, each once.
  if (input.kind === 'local-government') errors.push({ field: 'kind', code: 'invalid_value', message: 'local governments come from the official list' });
  if (nameJa === '') errors.push({ field: 'nameJa', code: 'required', message: 'the body needs a name' });
  if ([...nameJa].length > campaignTextLimits.name) errors.push({ field: 'nameJa', code: 'too_long', message: `at most ${campaignTextLimits.name} characters` });
  if (errors.length > 0) throw invalid(errors);
  return inTransaction(ctx, async (trx) => {
    const campaign = await campaignInReach(trx, actor, campaignId);
    const same = await trx.selectFrom('campaign_targets').select('id').where('campaign_id', '=', campaignId).where('kind', '=', input.kind).where('name_ja', '=', nameJa).executeTakeFirst();
    if (same) throw invalid([{ field: 'nameJa', code: 'duplicate_name', message: `${nameJa} is a target already` }]);
    const at = isoNow(ctx);
    const id = newId();
    await trx.insertInto('campaign_targets').values({
      id, campaign_id: campaignId, kind: input.kind, local_government_code: null, prefecture_code: null, name_ja: nameJa, name_en: nameEn, stage: 'not-contacted',
      stage_on: null, responsible_organization_id: null, responsible_person: null, notes: null, version: 1, updated_at: at,
    }).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: campaign.organization_id, entityType: 'campaign-target', entityId: id, action: 'create', before: null, after: { campaignId, kind: input.kind, nameJa, nameEn },
    }, at);
    return targetViewOf(await readTarget(trx, id));
  });
}

const readTarget = (db: Tx, id: string) => db.selectFrom('campaign_targets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export async function getTarget(ctx: AppContext, actor: Actor, id: string): Promise<TargetDetail> {
  const { organization_id: _organizationId, ...target } = await targetInReach(ctx.db, actor, id);
  const [events, links, documents] = await Promise.all([
    ctx.db.selectFrom('campaign_target_events').selectAll().where('target_id', '=', id).orderBy('on_date').orderBy('created_at').orderBy('id').execute(),
    ctx.db.selectFrom('campaign_target_links').select(['id', 'title', 'url']).where('target_id', '=', id).orderBy('created_at').orderBy('id').execute(),
    targetDocuments(ctx.db, id),
  ]);
  return {
    ...targetViewOf(target),
    events: events.map((e) => ({ id: e.id, stage: asStage(e.stage), on: e.on_date, correction: Number(e.correction) === 1, note: e.note, recordedBy: e.recorded_by })),
    links,
    documents,
  };
}

const versionConflict = (version: number | string) => new DomainError('conflict', 'version_conflict', `the target was changed by someone else (now version ${version})`);

/**
 * Records a target's new stage: an ordinary step forward, or a correction the user says is one (a step back, an
 * earlier date). Each is an entry of the target's history; the target shows the latest.
 */
export async function recordStage(
  ctx: AppContext, actor: Actor, id: string, input: { stage: Stage; on: string; note: string | null; correction: boolean; version: number },
): Promise<TargetView> {
  const note = input.note?.trim() || null;
  if (note !== null && [...note].length > campaignTextLimits.note) throw invalid([{ field: 'note', code: 'too_long', message: `at most ${campaignTextLimits.note} characters` }]);
  return inTransaction(ctx, async (trx) => {
    const target = await targetInReach(trx, actor, id);
    if (Number(target.version) !== input.version) throw versionConflict(target.version);
    const from = asStage(target.stage);
    checkTransition(from, input.stage, input.on, target.stage_on, input.correction);
    const at = isoNow(ctx);
    await trx.insertInto('campaign_target_events').values({
      id: newId(), target_id: id, campaign_id: target.campaign_id, stage: input.stage, on_date: input.on, correction: input.correction ? 1 : 0, note,
      recorded_by: actor.email, created_at: at,
    }).execute();
    await trx.updateTable('campaign_targets').set({ stage: input.stage, stage_on: stageOnOf(input.stage, input.on), version: input.version + 1, updated_at: at }).where('id', '=', id).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: target.organization_id, entityType: 'campaign-target', entityId: id, action: input.correction ? 'correct-stage' : 'stage',
      before: { stage: from, stageOn: target.stage_on }, after: { stage: input.stage, stageOn: stageOnOf(input.stage, input.on), correction: input.correction, note },
    }, at);
    return targetViewOf(await readTarget(trx, id));
  });
}

/** The date a target shows for its stage: none while not contacted (a correction back to the start clears it). */
export const stageOnOf = (stage: Stage, on: string): string | null => (stage === 'not-contacted' ? null : on);

/** Who is responsible for a target and its notes, at the version the editor saw. */
export async function updateTarget(
  ctx: AppContext, actor: Actor, id: string,
  input: { version: number; responsibleOrganizationId: string | null; responsiblePerson: string | null; notes: string | null },
): Promise<TargetView> {
  const fields = { responsibleOrganizationId: input.responsibleOrganizationId, responsiblePerson: input.responsiblePerson?.trim() || null, notes: input.notes?.trim() || null };
  const errors: FieldError[] = [];
  if (fields.responsiblePerson !== null && [...fields.responsiblePerson].length > campaignTextLimits.person) errors.push({ field: 'responsiblePerson', code: 'too_long', message: `at most ${campaignTextLimits.person} characters` });
  if (fields.notes !== null && [...fields.notes].length > campaignTextLimits.note) errors.push({ field: 'notes', code: 'too_long', message: `at most ${campaignTextLimits.note} characters` });
  if (errors.length > 0) throw invalid(errors);
  return inTransaction(ctx, async (trx) => {
    const target = await targetInReach(trx, actor, id);
    if (Number(target.version) !== input.version) throw versionConflict(target.version);
    if (fields.responsibleOrganizationId !== null && !(await trx.selectFrom('organizations').select('id').where('id', '=', fields.responsibleOrganizationId).executeTakeFirst())) {
      throw invalid([{ field: 'responsibleOrganizationId', code: 'unknown_organization', message: 'no such organization' }]);
    }
    const at = isoNow(ctx);
    await trx.updateTable('campaign_targets').set({
      responsible_organization_id: fields.responsibleOrganizationId, responsible_person: fields.responsiblePerson, notes: fields.notes, version: input.version + 1, updated_at: at,
    }).where('id', '=', id).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: target.organization_id, entityType: 'campaign-target', entityId: id, action: 'update',
      before: { responsibleOrganizationId: target.responsible_organization_id, responsiblePerson: target.responsible_person, notes: target.notes }, after: fields,
    }, at);
    return targetViewOf(await readTarget(trx, id));
  });
}

/** Adds a document or link to a target: the petition, the adopted letter (意見書) on the assembly's site, minutes. */
export async function addTargetLink(ctx: AppContext, actor: Actor, targetId: string, input: { title: string; url: string }): Promise<TargetLinkView> {
  const link = { title: input.title.trim(), url: input.url.trim() };
  const errors: FieldError[] = [];
  if (link.title === '') errors.push({ field: 'title', code: 'required', message: 'the link needs a title' });
  if ([...link.title].length > campaignTextLimits.title) errors.push({ field: 'title', code: 'too_long', message: `at most ${campaignTextLimits.title} characters` });
  if (!isWebUrl(link.url)) errors.push({ field: 'url', code: 'invalid_url', message: 'a web address starting with http:// or https://' });
  if (errors.length > 0) throw invalid(errors);
  return inTransaction(ctx, async (trx) => {
    const target = await targetInReach(trx, actor, targetId);
    const at = isoNow(ctx);
    const id = newId();
    await trx.insertInto('campaign_target_links').values({ id, target_id: targetId, title: link.title, url: link.url, created_at: at }).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: target.organization_id, entityType: 'campaign-target', entityId: targetId, action: 'add-link', before: null, after: { id, ...link },
    }, at);
    return { id, ...link };
  });
}

export async function deleteTargetLink(ctx: AppContext, actor: Actor, targetId: string, linkId: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const target = await targetInReach(trx, actor, targetId);
    const link = await trx.selectFrom('campaign_target_links').select(['id', 'title', 'url']).where('id', '=', linkId).where('target_id', '=', targetId).executeTakeFirst();
    if (!link) throw notFound('link');
    await trx.deleteFrom('campaign_target_links').where('id', '=', linkId).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: target.organization_id, entityType: 'campaign-target', entityId: targetId, action: 'remove-link', before: link, after: null,
    }, isoNow(ctx));
  });
}
