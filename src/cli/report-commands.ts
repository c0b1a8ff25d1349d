import fs from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import { makeAnnualReport, type ReportLanguage } from '../app/reporting/annual-report.js';
import { readDashboard } from '../app/reporting/dashboard.js';
import { deleteFxRate, listFxRates, setFxRate } from '../app/reporting/fx-rates.js';
import { fiscalYearEraName, parseFiscalYear } from '../domain/shared/fiscal-year.js';
import { DomainError } from '../domain/shared/errors.js';
import { cliActor, organizationIdOf, withRuntime } from './commands.js';

/** A fiscal year as people write it (2016, 2016年度, FY2016, 平成28年度), or a clear error. */
function fiscalYearOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = parseFiscalYear(text);
  if (year === null) throw new DomainError('invalid', 'validation_failed', `--year ${text}: not a fiscal year (2016, 2016年度, FY2016, 平成28年度)`);
  return year;
}

const yen = new Intl.NumberFormat('ja-JP');

/** The dashboard's figures as a short table (or the API's JSON): the federation's, or one organization's. */
export const runReportDashboard = (options: { org?: string; year?: string; json?: boolean }) =>
  withRuntime(async (runtime) => {
    const scope = options.org ? { kind: 'organization' as const, id: await organizationIdOf(runtime, options.org) } : { kind: 'federation' as const };
    const dashboard = await readDashboard(runtime.ctx, cliActor(), scope, fiscalYearOption(options.year));
    if (options.json) {
      console.log(JSON.stringify(dashboard, null, 2));
      return;
    }
    const h = dashboard.headline;
    console.log(`${dashboard.scope.nameJa} — ${dashboard.fiscalYear}年度（${fiscalYearEraName(dashboard.fiscalYear)}） / FY${dashboard.fiscalYear}`);
    console.log(`  organizations  ${h.organizations}`);
    console.log(`  worker members ${yen.format(h.workerMembers)}`);
    console.log(`  user members   ${yen.format(h.userMembers)}`);
    console.log(`  sites          ${h.sites} (${h.sitesReporting} with results)`);
    console.log(`  turnover       ${yen.format(h.turnover)}円`);
    const rate = dashboard.fxRates.find((r) => r.fiscalYear === dashboard.fiscalYear);
    if (rate) console.log(`                 USD ${(h.turnover / rate.yenPerUsd / 1e6).toFixed(1)} million at ${rate.yenPerUsd.toFixed(2)}円/USD`);
    console.log(`  surplus        ${yen.format(h.surplus)}円`);
    console.log('  by business line:');
    for (const l of dashboard.byBusinessLine) console.log(`    ${l.nameJa.padEnd(20, '　')} ${String(l.sites).padStart(4)} sites  ${yen.format(l.turnover).padStart(16)}円`);
  });

/** Writes the federation's annual report as a PDF, with a progress bar on standard error. */
export const runAnnualReport = (options: { year?: string; lang: ReportLanguage; out?: string }) =>
  withRuntime(async (runtime) => {
    const bar = new SingleBar({ format: 'annual report {bar} {percentage}% | {value}/{total}', stream: process.stderr }, Presets.shades_classic);
    let started = false;
    const report = await makeAnnualReport(runtime.ctx, cliActor(), { fiscalYear: fiscalYearOption(options.year), language: options.lang }, ({ written, total }) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(written);
    });
    if (started) bar.stop();
    const out = options.out ?? report.filename;
    fs.writeFileSync(out, report.bytes);
    console.log(`wrote ${out} (${report.bytes.length.toLocaleString('en')} bytes)`);
  });

export const runFxRateList = () =>
  withRuntime(async (runtime) => {
    for (const r of await listFxRates(runtime.ctx.db)) console.log(`${r.fiscalYear}  ${r.yenPerUsd.toFixed(2)}  ${r.source ?? ''}`);
  });

export const runFxRateSet = (year: string, rate: string, options: { source?: string }) =>
  withRuntime(async (runtime) => {
    const yenPerUsd = Number(rate);
    if (!Number.isFinite(yenPerUsd)) throw new DomainError('invalid', 'validation_failed', `${rate}: not a number of yen per dollar`);
    const saved = await setFxRate(runtime.ctx, cliActor(), fiscalYearOption(year)!, { yenPerUsd, source: options.source ?? null });
    console.log(`FY${saved.fiscalYear}: ${saved.yenPerUsd.toFixed(2)} yen per USD`);
  });

export const runFxRateDelete = (year: string) =>
  withRuntime(async (runtime) => {
    await deleteFxRate(runtime.ctx, cliActor(), fiscalYearOption(year)!);
    console.log(`removed the rate of FY${fiscalYearOption(year)!}`);
  });
