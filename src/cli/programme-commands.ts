import fs from 'node:fs';
import { contractReportCsv, contractReportFilename } from '../app/programmes/contract-report-csv.js';
import { contractReport } from '../app/programmes/contract-report.js';
import { renderContractReportPdf } from '../app/programmes/contract-report-pdf.js';
import { localDate } from '../app/shared/context.js';
import { cliActor, withRuntime, writeOut } from './commands.js';

export type ProgrammeReportFormat = 'json' | 'csv' | 'pdf';

/**
 * A contract's report for its commissioner, as the system: JSON (the API's answer) or CSV to standard output or a
 * file, a PDF to a file (its own name by default). Counts of 1 to 4 are hidden as in the app.
 */
export const runProgrammeReport = (options: {
  contract: string; from?: string; until?: string; format: ProgrammeReportFormat; encoding: 'utf-8' | 'cp932'; lang: 'ja' | 'en'; out?: string;
}) =>
  withRuntime(async (runtime) => {
    const report = await contractReport(runtime.ctx, cliActor(), options.contract, { from: options.from, until: options.until });
    if (options.format === 'pdf') {
      const out = options.out ?? `${contractReportFilename(report, options.lang)}.pdf`;
      const pdf = await renderContractReportPdf(report, options.lang, localDate(runtime.ctx.now()));
      fs.writeFileSync(out, pdf);
      console.log(`wrote ${out} (${pdf.length.toLocaleString('en')} bytes)`);
      return;
    }
    const bytes = options.format === 'csv'
      ? contractReportCsv(report, { encoding: options.encoding, locale: options.lang }).bytes
      : new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`);
    writeOut(options.out, bytes);
  });
