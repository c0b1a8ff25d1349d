import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { BulkWriter } from '../../db/bulk-insert.js';
import type { Schema } from '../../db/schema.js';
import type { Actor } from '../../domain/access/policy.js';
import { planTargetImport, type ImportTarget, type TargetChange } from '../../domain/advocacy/target-csv.js';
import { decodeCsv, parseCsv, type CsvEncoding } from '../../domain/members/csv/index.js';
import { DomainError } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, newId, type AppContext } from '../shared/context.js';
import { asStage, asTargetKind, campaignInReach } from './campaign-access.js';
import { stageOnOf } from './targets.js';

export interface TargetFile {
  bytes: Uint8Array;
  encoding: 'auto' | CsvEncoding;
}

export interface TargetImportResult {
  /** Targets whose stage, person responsible or notes the file changed. */
  updated: number;
  /** Rows that say what the campaign says already. */
  unchanged: number;
}

/** Targets per update statement: six values each, far below either database's limit on parameters. */
const updateBatch = 300;

/**
 * Writes changed targets a batch at a time: one `update … from (values …)` (both databases name the columns of a
 * VALUES list column1, column2 …) instead of a statement per target. Each row carries the version it was read at: a
 * target another writer changed in between is not updated, and the import fails whole.
 */
async function updateTargets(trx: Transaction<Schema>, changes: readonly TargetChange[], at: string): Promise<void> {
  const rows = changes.map(({ target, stage, responsiblePerson, notes }) => sql`(${target.id}, cast(${target.version} as integer), ${stage?.stage ?? target.stage},
    ${stage === null ? target.stageOn : stageOnOf(stage.stage, stage.on)}, ${responsiblePerson ?? target.responsiblePerson}, ${notes ?? target.notes})`);
  // "+ 0" keeps SQLite from indexing the list by version (the same for most rows) instead of finding each target by id.
  const result = await sql`update campaign_targets set stage = v.column3, stage_on = v.column4, responsible_person = v.column5, notes = v.column6,
    version = v.column2 + 1, updated_at = ${at}
    from (values ${sql.join(rows)}) as v where campaign_targets.id = v.column1 and campaign_targets.version + 0 = v.column2 + 0`.execute(trx);
  // Read in this transaction, but PostgreSQL's read committed lets another writer in between: its change wins.
  if (Number(result.numAffectedRows) !== changes.length) throw new DomainError('conflict', 'version_conflict', 'a target was changed by someone else during the import; nothing was imported');
}

/**
 * Imports targets' stages from CSV (UTF-8 with or without BOM, or CP932, told apart by the member import's decoder)
 * in one transaction, all or nothing: a file with any problem is refused whole (400 import_rejected) with every
 * problem by row and column, and nothing is written. Each changed stage is an entry of the target's history like
 * one recorded by hand; importing the same file again changes nothing. The import is one audit entry.
 */
export async function importTargetStatuses(ctx: AppContext, actor: Actor, campaignId: string, file: TargetFile): Promise<TargetImportResult> {
  await campaignInReach(ctx.db, actor, campaignId);
  const decoded = decodeCsv(file.bytes, file.encoding);
  const { headers, records } = parseCsv(decoded.text);
  return inTransaction(ctx, async (trx) => {
    const campaign = await campaignInReach(trx, actor, campaignId);
    const rows = await trx.selectFrom('campaign_targets').selectAll().where('campaign_id', '=', campaignId).execute();
    const targets = rows.map((t): ImportTarget => ({
      id: t.id, kind: asTargetKind(t.kind), localGovernmentCode: t.local_government_code, prefectureCode: t.prefecture_code, nameJa: t.name_ja, nameEn: t.name_en,
      stage: asStage(t.stage), stageOn: t.stage_on, responsiblePerson: t.responsible_person, notes: t.notes, version: Number(t.version),
    }));
    const plan = planTargetImport(headers, records, targets);
    if (plan.errors.length > 0) {
      throw new DomainError('invalid', 'import_rejected', `${plan.errors.length} problem(s) in ${new Set(plan.errors.map((e) => e.row)).size} row(s); nothing was imported`,
        plan.errors.map((e) => ({ field: `rows.${e.row}.${e.column || 'row'}`, code: e.code, message: e.message, row: e.row, column: e.column })));
    }
    const at = isoNow(ctx);
    const events = new BulkWriter(trx, ctx.dialect, 'campaign_target_events', ['id', 'target_id', 'campaign_id', 'stage', 'on_date', 'correction', 'note', 'recorded_by', 'created_at']);
    for (const { target, stage } of plan.changes) {
      if (stage !== null) await events.add(newId(), target.id, campaignId, stage.stage, stage.on, stage.correction ? 1 : 0, null, actor.email, at);
    }
    await events.flush();
    for (let i = 0; i < plan.changes.length; i += updateBatch) await updateTargets(trx, plan.changes.slice(i, i + updateBatch), at);
    const result = { updated: plan.changes.length, unchanged: plan.unchanged };
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: campaign.organization_id, entityType: 'campaign', entityId: campaignId, action: 'import-targets', before: null,
      after: {
        file: createHash('sha256').update(file.bytes).digest('hex'), encoding: decoded.encoding, rows: records.length, ...result,
        stages: plan.changes.filter((c) => c.stage !== null).length, corrections: plan.changes.filter((c) => c.stage?.correction).length,
      },
    }, at);
    return result;
  });
}
