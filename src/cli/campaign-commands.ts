import fs from 'node:fs';
import { campaignReportCsv, campaignReportFilename } from '../app/advocacy/campaign-report-csv.js';
import { renderCampaignReportPdf } from '../app/advocacy/campaign-report-pdf.js';
import { campaignReport } from '../app/advocacy/campaign-report.js';
import { cliActor, withRuntime, writeOut } from './commands.js';

export type CampaignReportFormat = 'json' | 'csv' | 'pdf';

/**
 * A campaign's report as it stands today, as the system: JSON (the gathered report) or CSV to standard output or a
 * file, a PDF to a file (its own name by default).
 */
export const runCampaignReport = (options: { campaign: string; format: CampaignReportFormat; encoding: 'utf-8' | 'cp932'; lang: 'ja' | 'en'; out?: string }) =>
  withRuntime(async (runtime) => {
    const report = await campaignReport(runtime.ctx, cliActor(), options.campaign);
    if (options.format === 'pdf') {
      const out = options.out ?? `${campaignReportFilename(report, options.lang)}.pdf`;
      const pdf = await renderCampaignReportPdf(report, options.lang);
      fs.writeFileSync(out, pdf);
      console.log(`wrote ${out} (${pdf.length.toLocaleString('en')} bytes)`);
      return;
    }
    const bytes = options.format === 'csv'
      ? campaignReportCsv(report, { encoding: options.encoding, locale: options.lang }).bytes
      : new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`);
    writeOut(options.out, bytes);
  });
