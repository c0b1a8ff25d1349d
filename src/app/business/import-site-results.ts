import { canKeepBusinesses, type Actor } from '../../domain/access/policy.js';
import { readResultCsv, resultColumnsOf, type ResultCsvError, type ResultCsvRow } from '../../domain/business/result-csv.js';
import { decodeCsv, parseCsv, type CsvEncoding } from '../../domain/members/csv/index.js';
import { DomainError, forbidden } from '../../domain/shared/errors.js';
import { fiscalYearPeriod } from '../../domain/shared/fiscal-year.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, newId, type AppContext, type Tx } from '../shared/context.js';
import { openIn, startMonthOf } from './site-periods.js';
import { writeResult } from './site-results.js';

export interface ResultFile {
  bytes: Uint8Array;
  encoding: 'auto' | CsvEncoding;
}

export interface ResultImport {
  batchId: string;
  created: number;
  replaced: number;
  fiscalYears: number[];
}

/**
 * The file's rows matched to the organization's sites (by Japanese or English name) and checked against them:
 * a site that does not exist, or a year it was not open in, is a problem of its row.
 */
async function analyze(db: Tx, organizationId: string, file: ResultFile): Promise<{ rows: (ResultCsvRow & { siteId: string })[]; errors: ResultCsvError[] }> {
  const { headers, records } = parseCsv(decodeCsv(file.bytes, file.encoding).text);
  const reading = readResultCsv(headers, records);
  const sites = await db.selectFrom('sites').select(['id', 'name_ja', 'name_en', 'opened_on', 'closed_on']).where('organization_id', '=', organizationId).execute();
  // English names first, so that a Japanese name (unique in the organization) wins over another site's English one.
  const byName = new Map([...sites.flatMap((s) => (s.name_en ? [[s.name_en, s] as const] : [])), ...sites.map((s) => [s.name_ja, s] as const)]);
  const startMonth = await startMonthOf(db, organizationId);
  const columns = resultColumnsOf(headers);
  const headerOf = (field: 'site' | 'fiscalYear'): string => headers[columns[field]!] ?? '';
  const errors = [...reading.errors];
  const rows: (ResultCsvRow & { siteId: string })[] = [];
  for (const row of reading.rows) {
    const site = byName.get(row.site);
    if (!site) errors.push({ line: row.line, column: headerOf('site'), field: 'site', code: 'unknown_site', value: row.site });
    else if (!openIn(site, fiscalYearPeriod(row.fiscalYear, startMonth))) errors.push({ line: row.line, column: headerOf('fiscalYear'), field: 'fiscalYear', code: 'site_not_open', value: String(row.fiscalYear) });
    else rows.push({ ...row, siteId: site.id });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}

/**
 * Imports sites' fiscal-year results from CSV (UTF-8 or CP932) in one transaction, all or nothing: a file with
 * any problem is refused whole with every problem by row and column. A year already recorded for a site is
 * replaced by the file's figures — the file is that year's accounts — and the import is one audit entry.
 */
export async function importSiteResults(ctx: AppContext, actor: Actor, organizationId: string, file: ResultFile): Promise<ResultImport> {
  if (!canKeepBusinesses(actor, organizationId)) throw forbidden();
  return inTransaction(ctx, async (trx) => {
    const { rows, errors } = await analyze(trx, organizationId, file);
    if (errors.length > 0) {
      throw new DomainError('rule_violation', 'import_rejected',
        `${errors.length} problem(s) in ${new Set(errors.map((e) => e.line)).size} row(s); nothing was imported`,
        errors.map((e) => ({ field: `rows.${e.line}.${e.field ?? 'row'}`, code: e.code, message: `${e.column}: ${e.value}` })));
    }
    if (rows.length === 0) throw new DomainError('invalid', 'empty_file', 'the file has no results');
    const at = isoNow(ctx);
    const batchId = newId();
    let replaced = 0;
    for (const row of rows) {
      const current = await trx.selectFrom('site_results').select('version').where('site_id', '=', row.siteId).where('fiscal_year', '=', row.fiscalYear).executeTakeFirst();
      if (current) replaced += 1;
      await writeResult(trx, row, 'import', at, actor.email, current ? Number(current.version) : null);
    }
    const fiscalYears = [...new Set(rows.map((r) => r.fiscalYear))].sort();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId, entityType: 'site_result_import', entityId: batchId, action: 'import', before: null,
      after: { rows: rows.length, replaced, fiscalYears },
    }, at);
    return { batchId, created: rows.length - replaced, replaced, fiscalYears };
  });
}
