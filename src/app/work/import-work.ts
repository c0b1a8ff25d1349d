import { createHash } from 'node:crypto';
import { canRecordWork, type Actor } from '../../domain/access/policy.js';
import { decodeCsv, parseCsv, type CsvEncoding, type CsvLocale, type EncodedCsv } from '../../domain/members/csv/index.js';
import { DomainError, forbidden } from '../../domain/shared/errors.js';
import { checkWorkImport, type CheckedWorkRow, type ExistingWork, type WorkImportFacts } from '../../domain/work/import-check.js';
import type { WorkImportResult } from '../../domain/work/views.js';
import { workErrorReportCsv } from '../../domain/work/work-csv-report.js';
import { readWorkCsv, workCsvFields, type WorkCsvError, type WorkCsvField } from '../../domain/work/work-csv.js';
import { workKey } from '../../domain/work/work-record.js';
import { BulkWriter } from '../../db/bulk-insert.js';
import { recordAudit } from '../audit/record-audit.js';
import { listBusinessLines } from '../business/business-lines.js';
import type { ImportProgressListener } from '../members/import-members.js';
import { inTransaction, isoNow, newId, type AppContext, type Tx } from '../shared/context.js';
import { lockWork, workRulesOf } from './work-rows.js';

export type { WorkImportResult } from '../../domain/work/views.js';

/** A time-clock file as uploaded, and what its rows do to work recorded already (see ExistingWork). */
export interface WorkImportFile {
  bytes: Uint8Array;
  encoding: 'auto' | CsvEncoding;
  existing: ExistingWork;
}

interface WorkImportAnalysis {
  encoding: CsvEncoding;
  headers: string[];
  rowCount: number;
  columns: Record<WorkCsvField, string | null>;
  rows: CheckedWorkRow[];
  errors: WorkCsvError[];
  sha256: string;
}

/**
 * Days a person is a member or a worker. A membership is current until the day before it ended (`until` not
 * included, as the registry's memberOn reads it); an engagement runs through its last day (`until` included).
 */
interface Interval {
  from: string;
  until: string | null;
  untilIncluded: boolean;
}

const covers = (interval: Interval, date: string): boolean =>
  interval.from <= date && (interval.until === null || (interval.untilIncluded ? date <= interval.until : date < interval.until));

const dayKey = (personId: string, date: string): string => `${personId}\u0000${date}`;

/** Replaced records the import's audit entry lists one by one; beyond, it gives their number. */
const auditRecordsKept = 500;

/**
 * What the organization knows about the file's people and days, in a handful of queries whatever the file's size:
 * its memberships and engagements, closed months, and the work recorded already on the file's days.
 */
async function importFacts(db: Tx, organizationId: string, dates: readonly string[]): Promise<WorkImportFacts> {
  const [memberships, engagements, closes] = await Promise.all([
    db.selectFrom('memberships').select(['person_id', 'member_number', 'admitted_on', 'ended_on']).where('organization_id', '=', organizationId).execute(),
    db.selectFrom('engagements').select(['person_id', 'started_on', 'ended_on']).where('organization_id', '=', organizationId).execute(),
    db.selectFrom('work_period_closes').select('period').where('organization_id', '=', organizationId).execute(),
  ]);
  const personByNumber = new Map<string, string>();
  const intervals = new Map<string, Interval[]>();
  const add = (personId: string, interval: Interval | null) => {
    const list = intervals.get(personId) ?? [];
    if (interval) list.push(interval);
    intervals.set(personId, list);
  };
  for (const m of memberships) {
    personByNumber.set(m.member_number, m.person_id);
    add(m.person_id, m.admitted_on === null ? null : { from: m.admitted_on, until: m.ended_on, untilIncluded: false });
  }
  for (const e of engagements) add(e.person_id, { from: e.started_on, until: e.ended_on, untilIncluded: true });

  const existing = new Map<string, { id: string; minutes: number; status: string }>();
  const dayMinutes = new Map<string, number>();
  if (dates.length > 0) {
    let from = dates[0]!;
    let until = dates[0]!;
    for (const date of dates) {
      if (date < from) from = date;
      if (date > until) until = date;
    }
    const recorded = await db.selectFrom('work_records').select(['id', 'person_id', 'work_date', 'site', 'business_line', 'minutes', 'status'])
      .where('organization_id', '=', organizationId).where('work_date', '>=', from).where('work_date', '<=', until).execute();
    for (const r of recorded) {
      const minutes = Number(r.minutes);
      existing.set(workKey(r.person_id, r.work_date, r.site, r.business_line), { id: r.id, minutes, status: r.status });
      const day = dayKey(r.person_id, r.work_date);
      dayMinutes.set(day, (dayMinutes.get(day) ?? 0) + minutes);
    }
  }
  return {
    personOfMemberNumber: (memberNumber) => personByNumber.get(memberNumber),
    isKnownPerson: (personId) => intervals.has(personId),
    worksOn: (personId, date) => (intervals.get(personId) ?? []).some((interval) => covers(interval, date)),
    closedMonths: new Set(closes.map((c) => c.period)),
    existing,
    dayMinutes,
  };
}

/** Decodes, reads and checks a file against the organization; writes nothing. */
async function analyzeWorkFile(ctx: AppContext, db: Tx, organizationId: string, file: WorkImportFile): Promise<WorkImportAnalysis> {
  const rules = await workRulesOf(ctx, db, organizationId);
  const decoded = decodeCsv(file.bytes, file.encoding);
  const { headers, records } = parseCsv(decoded.text);
  const reading = readWorkCsv(headers, records, rules, await listBusinessLines(db));
  const facts = await importFacts(db, organizationId, reading.rows.map((r) => r.date));
  const check = checkWorkImport(reading, headers, facts, file.existing);
  const columns = Object.fromEntries(workCsvFields.map((field) => {
    const index = reading.columns[field];
    return [field, index === undefined ? null : (headers[index] ?? '')];
  })) as Record<WorkCsvField, string | null>;
  return {
    encoding: decoded.encoding, headers, rowCount: records.length, columns, rows: check.rows, errors: check.errors,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
  };
}

/** The work a set of rows adds up to: minutes, people, days (each person's distinct days) and the period. */
function totalsOf(rows: readonly CheckedWorkRow[]) {
  const people = new Set<string>();
  const days = new Set<string>();
  let minutes = 0;
  let from: string | null = null;
  let until: string | null = null;
  for (const row of rows) {
    minutes += row.minutes;
    people.add(row.personId);
    days.add(dayKey(row.personId, row.date));
    if (from === null || row.date < from) from = row.date;
    if (until === null || row.date > until) until = row.date;
  }
  return { minutes, people: people.size, days: days.size, from, until };
}

const authorize = (actor: Actor, organizationId: string): void => {
  if (!canRecordWork(actor, organizationId)) throw forbidden();
};

/** The dry run: how the file is read (encoding, columns), what it adds up to, its first rows and every problem. */
export async function previewWorkImport(ctx: AppContext, actor: Actor, organizationId: string, file: WorkImportFile) {
  authorize(actor, organizationId);
  const analysis = await analyzeWorkFile(ctx, ctx.db, organizationId, file);
  return {
    encoding: analysis.encoding,
    headers: analysis.headers,
    columns: analysis.columns,
    rowCount: analysis.rowCount,
    validRows: analysis.rows.length,
    replacing: analysis.rows.filter((r) => r.replaces !== null).length,
    totals: totalsOf(analysis.rows),
    sample: analysis.rows.slice(0, 5).map(({ replaces, ...row }) => ({ ...row, replaces: replaces !== null })),
    errors: analysis.errors,
  };
}

/**
 * Imports a time clock's records in one transaction, all or nothing: a file with any problem is refused whole with
 * every row's problems (row, column, reason) and nothing is written. The records come in as `entered`, from the
 * import (with its batch id), for a coordinator to approve; replaced records go and their rows take their place.
 * Rows go out in multi-row statements (100,000 rows take a few seconds), each batch reported to `onProgress`.
 */
export async function importWork(
  ctx: AppContext, actor: Actor, organizationId: string, file: WorkImportFile, options: { onProgress?: ImportProgressListener } = {},
): Promise<WorkImportResult> {
  authorize(actor, organizationId);
  return inTransaction(ctx, async (trx) => {
    await lockWork(trx, ctx, organizationId, 'write');
    // Checked inside the transaction, under the lock: what was read is what the rows are written against.
    const analysis = await analyzeWorkFile(ctx, trx, organizationId, file);
    if (analysis.errors.length > 0) {
      throw new DomainError('rule_violation', 'import_rejected',
        `${analysis.errors.length} problem(s) in ${new Set(analysis.errors.map((e) => e.line)).size} row(s); nothing was imported`,
        analysis.errors.map((e) => ({ field: `rows.${e.line}.${e.field ?? 'row'}`, code: e.code, message: `${e.column}: ${e.value}` })));
    }
    if (analysis.rows.length === 0) throw new DomainError('invalid', 'empty_file', 'the file has no work records');
    const at = isoNow(ctx);
    const batchId = newId();
    const replaced = analysis.rows.flatMap((r) => (r.replaces === null ? [] : [{ ...r.replaces, personId: r.personId, date: r.date, site: r.site, businessLine: r.businessLine }]));
    const replacedIds = replaced.map((r) => r.id);
    // Progress counts the records deleted and written; the first report says the file is checked.
    let written = 0;
    const report = async (rows: number) => {
      written += rows;
      await options.onProgress?.({ written, total: replacedIds.length + analysis.rows.length });
    };
    await report(0);
    for (let i = 0; i < replacedIds.length; i += 500) {
      const batch = replacedIds.slice(i, i + 500);
      await trx.deleteFrom('work_records').where('id', 'in', batch).execute();
      await report(batch.length);
    }
    const writer = new BulkWriter(trx, ctx.dialect, 'work_records', [
      'id', 'organization_id', 'person_id', 'work_date', 'site', 'business_line', 'role', 'minutes', 'status', 'source', 'import_batch_id', 'note',
      'approved_at', 'approved_by', 'version', 'created_at', 'updated_at', 'recorded_by',
    ], { onBatch: report });
    for (const row of analysis.rows) {
      await writer.add(newId(), organizationId, row.personId, row.date, row.site, row.businessLine, row.role, row.minutes, 'entered', 'import', batchId,
        row.note, null, null, 1, at, at, actor.email);
    }
    await writer.flush();
    const result: WorkImportResult = { batchId, created: analysis.rows.length - replaced.length, replaced: replaced.length, ...totalsOf(analysis.rows) };
    // One entry for the whole import: the file's hash identifies exactly what was read.
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId, entityType: 'work_import', entityId: batchId, action: 'import',
      // The records replaced go from the table: the entry keeps what they were (all of them, up to a few hundred).
      before: replaced.length === 0 ? null : { replaced: replaced.length <= auditRecordsKept ? replaced : `${replaced.length} records` },
      after: { file: analysis.sha256, encoding: analysis.encoding, rows: analysis.rowCount, existing: file.existing, ...result },
    }, at);
    return result;
  });
}

/** The problems of a file as a CSV to download (row, column, reason, value), in the file's encoding unless another is asked. */
export async function workImportReport(
  ctx: AppContext, actor: Actor, organizationId: string, file: WorkImportFile, options: { encoding?: CsvEncoding | undefined; locale: CsvLocale },
): Promise<EncodedCsv & { encoding: CsvEncoding }> {
  authorize(actor, organizationId);
  const analysis = await analyzeWorkFile(ctx, ctx.db, organizationId, file);
  const encoding = options.encoding ?? analysis.encoding;
  return { ...workErrorReportCsv(analysis.errors, { encoding, locale: options.locale }), encoding };
}
