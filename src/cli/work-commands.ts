import fs from 'node:fs';
import { approveWork, closeWorkPeriod } from '../app/work/approve-work.js';
import { importWork, previewWorkImport, workImportReport, type WorkImportFile } from '../app/work/import-work.js';
import { DomainError, invalid } from '../domain/shared/errors.js';
import { isMonth, monthRange } from '../domain/work/period.js';
import type { Runtime } from '../runtime.js';
import { cliActor, organizationIdOf, withRuntime } from './commands.js';

type Encoding = 'auto' | 'utf-8' | 'cp932';

const hours = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

async function writeReport(runtime: Runtime, organizationId: string, file: WorkImportFile, out: string) {
  const report = await workImportReport(runtime.ctx, cliActor(), organizationId, file, { locale: 'ja' });
  fs.writeFileSync(out, report.bytes);
  console.error(`the problems, row by row, are in ${out}`);
}

/** Imports a time clock's CSV, all or nothing; with --dry-run only reads and checks it. */
export const runWorkImport = (path: string, options: { organization: string; encoding: Encoding; replace?: boolean; dryRun?: boolean; report?: string }) =>
  withRuntime(async (runtime) => {
    const organizationId = await organizationIdOf(runtime, options.organization);
    const file: WorkImportFile = { bytes: new Uint8Array(fs.readFileSync(path)), encoding: options.encoding, existing: options.replace ? 'replace' : 'refuse' };
    if (options.dryRun) {
      const preview = await previewWorkImport(runtime.ctx, cliActor(), organizationId, file);
      const { totals } = preview;
      console.log(`${path} (${preview.encoding}): ${preview.validRows} of ${preview.rowCount} row(s) can be imported` +
        `${preview.replacing > 0 ? `, ${preview.replacing} replacing recorded work` : ''}; ${hours(totals.minutes)} hours, ${totals.people} people, ${totals.days} day(s)` +
        `${totals.from ? `, ${totals.from} – ${totals.until}` : ''}; ${preview.errors.length} problem(s). Nothing was written.`);
      for (const e of preview.errors.slice(0, 20)) console.log(`  row ${e.line} ${e.column || '-'}: ${e.code} (${e.value})`);
      if (preview.errors.length > 20) console.log(`  … and ${preview.errors.length - 20} more`);
      if (preview.errors.length > 0) {
        if (options.report) await writeReport(runtime, organizationId, file, options.report);
        process.exitCode = 1;
      }
      return;
    }
    try {
      const result = await importWork(runtime.ctx, cliActor(), organizationId, file);
      console.log(`imported ${path}: ${result.created} record(s) created, ${result.replaced} replaced; ${hours(result.minutes)} hours, ${result.people} people, ` +
        `${result.days} day(s), ${result.from} – ${result.until} (batch ${result.batchId}); approve them before the month is closed`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'import_rejected' && options.report) await writeReport(runtime, organizationId, file, options.report);
      throw error;
    }
  });

const monthOption = (month: string): string => {
  if (!isMonth(month)) throw invalid([{ field: 'month', code: 'invalid_format', message: 'a month as YYYY-MM' }]);
  return month;
};

/** Approves every entered record of a month, as the coordinator does before closing it. */
export const runWorkApprove = (options: { organization: string; month: string }) =>
  withRuntime(async (runtime) => {
    const { from, until } = monthRange(monthOption(options.month));
    const { approved } = await approveWork(runtime.ctx, cliActor(), await organizationIdOf(runtime, options.organization), { from, until });
    console.log(`approved ${approved} record(s) of ${options.month}`);
  });

/** Closes a month whose work is all approved; closing is final. */
export const runWorkCloseMonth = (options: { organization: string; month: string }) =>
  withRuntime(async (runtime) => {
    const close = await closeWorkPeriod(runtime.ctx, cliActor(), await organizationIdOf(runtime, options.organization), monthOption(options.month));
    console.log(`closed ${close.period}: ${close.records} record(s), ${hours(close.minutes)} hours, ${close.people} people; its work changes no more`);
  });
