import { createHash } from 'node:crypto';
import { setImmediate as giveWay } from 'node:timers/promises';
import { canKeepRegistry, type Actor } from '../../domain/access/policy.js';
import {
  decodeCsv,
  errorReportCsv,
  parseCsv,
  rejectedRowsCsv,
  suggestMapping,
  validateRowsInSteps,
  type ColumnMapping,
  type CsvEncoding,
  type CsvLocale,
  type EncodedCsv,
  type MemberCsvError,
  type MemberImportRow,
  type ValidatedMemberRow,
} from '../../domain/members/csv/index.js';
import { memberNumberSortKey } from '../../domain/members/member-number.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { BulkWriter } from '../../db/bulk-insert.js';
import type { MembershipTable, PersonTable } from '../../db/schema.js';
import { refreshStatistics } from '../../db/refresh-statistics.js';
import { recordAudit } from '../audit/record-audit.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, isoNow, newId, type AppContext } from '../shared/context.js';
import { kindCodesOf } from './member-kinds.js';

export interface ImportFile {
  bytes: Uint8Array;
  encoding: 'auto' | CsvEncoding;
  /** Column index → field, as the user confirmed it in the preview; the suggested mapping when absent. */
  mapping?: ColumnMapping;
}

/** The file read, mapped and checked row by row; nothing written. */
export interface ImportAnalysis {
  encoding: CsvEncoding;
  headers: string[];
  records: string[][];
  mapping: ColumnMapping;
  rows: ValidatedMemberRow[];
  errors: MemberCsvError[];
  sha256: string;
}

/** Decodes, parses and validates a file; adds the checks that need the organization (its member kinds). */
export async function analyzeMemberFile(file: ImportFile, knownKinds: ReadonlySet<string>): Promise<ImportAnalysis> {
  // A file of 65,000 rows takes about half a second to read and check: other requests get turns between the steps
  // and between slices of 2,000 rows.
  const decoded = decodeCsv(file.bytes, file.encoding);
  await giveWay();
  const { headers, records } = parseCsv(decoded.text);
  await giveWay();
  const mapping = file.mapping ?? suggestMapping(headers);
  const steps = validateRowsInSteps(records, mapping, { headers });
  let step = steps.next();
  while (!step.done) {
    await giveWay();
    step = steps.next();
  }
  const validation = step.value;
  const kindColumn = Object.entries(mapping).find(([, field]) => field === 'kind')?.[0];
  const rows: ValidatedMemberRow[] = [];
  const errors = [...validation.errors];
  for (const validated of validation.rows) {
    if (knownKinds.has(validated.row.kind)) {
      rows.push(validated);
    } else {
      errors.push({ line: validated.line, column: headers[Number(kindColumn)] ?? '', field: 'kind', code: 'unknown_kind', value: validated.row.kind });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { encoding: decoded.encoding, headers, records, mapping, rows, errors, sha256: createHash('sha256').update(file.bytes).digest('hex') };
}

export type ImportMode = 'all-or-nothing' | 'good-rows';

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows refused (good-rows mode); their lines are in `errors`. */
  rejected: number;
  errors: MemberCsvError[];
}

/** Checks access and returns the member kinds the organization knows. */
async function authorize(ctx: AppContext, actor: Actor, organizationId: string): Promise<ReadonlySet<string>> {
  if (!canKeepRegistry(actor, organizationId)) throw forbidden();
  if (!(await findOrganization(ctx.db, organizationId))) throw notFound('organization');
  return kindCodesOf(ctx.db, organizationId);
}

/** What the preview step shows: the mapping, the first rows as read, and every problem found. */
export async function previewMemberImport(ctx: AppContext, actor: Actor, organizationId: string, file: ImportFile) {
  const kinds = await authorize(ctx, actor, organizationId);
  const analysis = await analyzeMemberFile(file, kinds);
  const numbers = analysis.rows.map((r) => r.row.memberNumber);
  const existing = new Set((await ctx.db.selectFrom('memberships').select('member_number').where('organization_id', '=', organizationId).execute()).map((r) => r.member_number));
  return {
    encoding: analysis.encoding,
    headers: analysis.headers,
    mapping: analysis.mapping,
    rowCount: analysis.records.length,
    validRows: analysis.rows.length,
    alreadyRegistered: numbers.filter((n) => existing.has(n)).length,
    sample: analysis.rows.slice(0, 5),
    errors: analysis.errors,
  };
}

/** Rows written so far out of all the import writes; the first report comes once the file is checked. */
export interface ImportProgress {
  written: number;
  total: number;
}

/**
 * Hears of the import's progress. It is awaited: a listener that streams the progress to the caller lets the
 * event loop send it (and serve other requests) between batches.
 */
export type ImportProgressListener = (progress: ImportProgress) => Promise<void> | void;

class WriteProgress {
  private written = 0;
  constructor(private readonly total: number, private readonly listener: ImportProgressListener | undefined) {}

  readonly report = async (rows: number): Promise<void> => {
    this.written += rows;
    await this.listener?.({ written: this.written, total: this.total });
  };
}

/** A membership already in the registry, with the person's fields an import may change. */
type ExistingMember = Pick<MembershipTable, 'id' | 'member_number' | 'kind'> & { person_id: string } & Omit<PersonTable, 'id' | 'version' | 'created_at' | 'updated_at'>;

/** A member who works in the co-operative (従事) or has a labour contract gets an engagement. */
const isEngaged = (row: MemberImportRow): boolean => Boolean(row.engagedInWork || row.labourContractFrom);

const personChanged = (row: MemberImportRow, current: ExistingMember): boolean => {
  const columns = personColumns(row);
  return (Object.keys(columns) as (keyof typeof columns)[]).some((k) => columns[k] !== current[k]) || current.kind !== row.kind;
};

const personColumns = (row: MemberImportRow) => ({
  family_name: row.familyName, given_name: row.givenName, family_kana: row.familyKana, given_kana: row.givenKana, birth_date: row.birthDate,
  email: row.email, phone: row.phone, postal_code: row.postalCode, prefecture_code: row.prefectureCode, address: row.address,
});

/**
 * Imports members in one transaction. With errors, `all-or-nothing` writes nothing and refuses the file with
 * every row's problems; `good-rows` writes the valid rows and hands back the rest. A member number already
 * registered updates that person (or leaves them as they are), so importing the same file twice adds nobody.
 */
export async function importMembers(
  ctx: AppContext,
  actor: Actor,
  organizationId: string,
  file: ImportFile,
  mode: ImportMode,
  options: { onProgress?: ImportProgressListener } = {},
): Promise<ImportResult> {
  const kinds = await authorize(ctx, actor, organizationId);
  const analysis = await analyzeMemberFile(file, kinds);
  if (analysis.errors.length > 0 && mode === 'all-or-nothing') {
    throw new DomainError('rule_violation', 'import_rejected', `${analysis.errors.length} problem(s) in ${new Set(analysis.errors.map((e) => e.line)).size} row(s); nothing was imported`,
      analysis.errors.map((e) => ({ field: `rows.${e.line}.${e.field ?? 'row'}`, code: e.code, message: `${e.column}: ${e.value}` })));
  }
  const rejectedLines = new Set(analysis.errors.map((e) => e.line));
  const rows = analysis.rows.filter((r) => !rejectedLines.has(r.line)).map((r) => r.row);
  const result = await inTransaction(ctx, async (trx) => {
    const at = isoNow(ctx);
    const existing = new Map<string, ExistingMember>(
      (await trx.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
        .select(['m.id', 'm.member_number', 'm.kind', 'p.id as person_id', 'p.family_name', 'p.given_name', 'p.family_kana', 'p.given_kana', 'p.birth_date', 'p.email', 'p.phone', 'p.postal_code', 'p.prefecture_code', 'p.address'])
        .where('m.organization_id', '=', organizationId).execute()).map((r) => [r.member_number, r]),
    );
    // First the plan: who is new (with new ids), who changed, and every search token; then the writes.
    const additions: { row: MemberImportRow; personId: string; membershipId: string }[] = [];
    const changes: { row: MemberImportRow; current: ExistingMember }[] = [];
    let unchanged = 0;
    let engaged = 0;
    for (const row of rows) {
      const current = existing.get(row.memberNumber);
      if (!current) {
        const membershipId = newId();
        additions.push({ row, personId: newId(), membershipId });
        if (isEngaged(row)) engaged += 1;
      } else if (personChanged(row, current)) {
        changes.push({ row, current });
      } else {
        unchanged += 1;
      }
    }

    // Progress counts rows written, whatever their table: a changed member is two writes, a new one three or four.
    const progress = new WriteProgress(changes.length * 2 + additions.length * 3 + engaged, options.onProgress);
    await progress.report(0);
    for (const { row, current } of changes) {
      await trx.updateTable('people').set({ ...personColumns(row), updated_at: at }).where('id', '=', current.person_id).execute();
      await trx.updateTable('memberships').set({ kind: row.kind, updated_at: at }).where('id', '=', current.id).execute();
      await progress.report(2);
    }
    // Rows go out a batch at a time as they are made, each table after the one its foreign keys point to. What is the
    // same in every row (the organization, the time, who imported) is given once per writer, not bound per row.
    const people = new BulkWriter(trx, ctx.dialect, 'people', [
      'id', 'family_name', 'given_name', 'family_kana', 'given_kana', 'birth_date', 'email', 'phone', 'postal_code', 'prefecture_code', 'address',
    ], { onBatch: progress.report, shared: { version: 1, created_at: at, updated_at: at } });
    const memberships = new BulkWriter(trx, ctx.dialect, 'memberships', [
      'id', 'person_id', 'member_number', 'member_number_key', 'kind', 'admitted_on', 'last_event_on',
    ], {
      onBatch: progress.report, after: [people],
      shared: { organization_id: organizationId, status: 'admitted', ended_on: null, version: 1, created_at: at, updated_at: at },
    });
    const events = new BulkWriter(trx, ctx.dialect, 'membership_events', ['id', 'membership_id', 'effective_date'], {
      onBatch: progress.report, after: [memberships],
      shared: { seq: 1, type: 'admit', reason: 'CSV import', recorded_at: at, recorded_by: actor.email },
    });
    const engagements = new BulkWriter(trx, ctx.dialect, 'engagements', [
      'id', 'person_id', 'started_on', 'labour_contract_from', 'labour_contract_until',
    ], {
      onBatch: progress.report, after: [people],
      shared: { organization_id: organizationId, site: null, ended_on: null, exemption: null, version: 1, created_at: at, updated_at: at },
    });
    // `add` gives a promise only when its row filled a batch: awaiting every row would cost a microtask turn each.
    for (const { row, personId, membershipId } of additions) {
      const person = people.add(personId, row.familyName, row.givenName, row.familyKana, row.givenKana, row.birthDate, row.email, row.phone, row.postalCode,
        row.prefectureCode, row.address);
      if (person) await person;
      const membership = memberships.add(membershipId, personId, row.memberNumber, memberNumberSortKey(row.memberNumber), row.kind, row.admittedOn, row.admittedOn);
      if (membership) await membership;
      const event = events.add(newId(), membershipId, row.admittedOn);
      if (event) await event;
      if (isEngaged(row)) {
        const engagement = engagements.add(newId(), personId, row.labourContractFrom ?? row.admittedOn, row.labourContractFrom, row.labourContractUntil);
        if (engagement) await engagement;
      }
    }
    await events.flush();
    await engagements.flush();
    const updated = changes.length;
    const result = { created: additions.length, updated, unchanged, rejected: rejectedLines.size, errors: analysis.errors };
    // One entry for the whole import: the file's hash identifies exactly what was read.
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId, entityType: 'membership', entityId: organizationId, action: 'import', before: null,
      after: { file: analysis.sha256, encoding: analysis.encoding, rows: analysis.records.length, created: result.created, updated, unchanged, rejected: result.rejected },
    }, at);
    return result;
  });
  if (result.created > 1000) refreshStatisticsSoon(ctx);
  return result;
}

/**
 * After a large import the planner's statistics are refreshed, so that the reads that join the registry (counts,
 * capital, ballots) keep their plans as it grows. That is upkeep, not part of the import: it runs once the answer is
 * on its way (ANALYZE takes longer as the registry grows).
 */
function refreshStatisticsSoon(ctx: AppContext): void {
  setImmediate(() => {
    refreshStatistics(ctx.db, ctx.dialect, registryTables).catch((error: unknown) => {
      console.warn(`kyodo: refreshing planner statistics after an import failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}

/** The tables a bulk load grows, whose planner statistics are refreshed after it. */
export const registryTables = ['people', 'memberships', 'membership_events', 'engagements'] as const;

/**
 * A CSV to download about a file: its problems (`errors`: row, column, reason, value) or its refused rows under
 * the file's own header with what to fix (`rejected`), in the file's encoding unless another is asked.
 */
export async function memberImportReport(
  ctx: AppContext,
  actor: Actor,
  organizationId: string,
  file: ImportFile,
  report: 'errors' | 'rejected',
  options: { encoding?: CsvEncoding | undefined; locale: CsvLocale },
): Promise<EncodedCsv & { encoding: CsvEncoding }> {
  const kinds = await authorize(ctx, actor, organizationId);
  const analysis = await analyzeMemberFile(file, kinds);
  const encoding = options.encoding ?? analysis.encoding;
  const csv = report === 'errors'
    ? errorReportCsv(analysis.errors, { encoding, locale: options.locale })
    : rejectedRowsCsv({ headers: analysis.headers, records: analysis.records, errors: analysis.errors }, { encoding, locale: options.locale });
  return { ...csv, encoding };
}
