import { getClosing, listClosings, proposeClosing, type ClosingView } from '../app/surplus/close-year.js';
import { closingDividendsCsv } from '../app/surplus/dividend-statements.js';
import { DomainError } from '../domain/shared/errors.js';
import { cliActor, organizationIdOf, withRuntime, writeOut } from './commands.js';
import type { Runtime } from '../runtime.js';

const yen = (n: number) => `${n.toLocaleString('ja-JP')} yen`;

/** The close in a few lines, in the legal order, for a terminal. */
function summary(view: ClosingView): string {
  const a = view.allocation;
  const m = a.minimums;
  const why = (minimum: { minimum: number; basis: string; rate: { numerator: number; denominator: number } }) => `minimum ${yen(minimum.minimum)}, ${minimum.rate.numerator}/${minimum.rate.denominator}, ${minimum.basis}`;
  return [
    `fiscal year ${view.fiscalYear} (${view.periodFrom} – ${view.periodUntil}): ${view.status}, close ${view.id} version ${view.version}`,
    `surplus                 ${yen(view.surplus)}`,
    `losses covered          ${yen(a.lossCovered)}`,
    `legal reserve           ${yen(a.legalReserve)} (${why(m.legalReserve)})`,
    `job-creation fund       ${yen(a.jobCreationFund)} (${why(m.jobCreationFund)})`,
    `education carry-forward ${yen(a.educationCarryForward)} (${why(m.educationCarryForward)})`,
    `dividends by work       ${yen(a.dividends)} to ${view.members} member(s) by ${view.measure.basis}; ${yen(view.dividendsWithheld)} set against unpaid capital`,
    `retained                ${yen(a.retained)}`,
    `losses carried forward  ${yen(a.lossCarriedForward)}`,
    `work of non-members (no dividend): ${view.nonMemberWork.people} person(s), ${view.nonMemberWork.minutes} minutes`,
  ].join('\n');
}

export const runSurplusPropose = (options: { org: string; year: string; surplus: string; retained?: string; json?: boolean }) =>
  withRuntime(async (runtime) => {
    const whole = (text: string, field: string) => {
      const n = Number(text.replaceAll(',', ''));
      if (!Number.isSafeInteger(n)) throw new DomainError('invalid', 'validation_failed', `${field} must be whole yen`, [{ field, code: 'not_whole_yen', message: 'whole yen' }]);
      return n;
    };
    const view = await proposeClosing(runtime.ctx, cliActor(), await organizationIdOf(runtime, options.org), {
      fiscalYear: whole(options.year, 'year'), surplus: whole(options.surplus, 'surplus'), ...(options.retained ? { retained: whole(options.retained, 'retained') } : {}),
    });
    console.log(options.json ? JSON.stringify(view, null, 2) : summary(view));
  });

async function closingOf(runtime: Runtime, org: string, year: string): Promise<ClosingView> {
  const closings = await listClosings(runtime.ctx, cliActor(), await organizationIdOf(runtime, org));
  const found = closings.find((c) => String(c.fiscalYear) === year && c.status !== 'withdrawn' && c.status !== 'rejected');
  if (!found) throw new DomainError('not_found', 'not_found', `no close of fiscal year ${year} for "${org}"`);
  return getClosing(runtime.ctx, cliActor(), found.id);
}

export const runSurplusShow = (options: { org: string; year: string; json?: boolean }) =>
  withRuntime(async (runtime) => {
    const view = await closingOf(runtime, options.org, options.year);
    console.log(options.json ? JSON.stringify(view, null, 2) : summary(view));
  });

export const runSurplusDividends = (options: { org: string; year: string; encoding: 'utf-8' | 'cp932'; locale: 'ja' | 'en'; out?: string }) =>
  withRuntime(async (runtime) => {
    const view = await closingOf(runtime, options.org, options.year);
    const { csv } = await closingDividendsCsv(runtime.ctx, cliActor(), view.id, { encoding: options.encoding, locale: options.locale });
    writeOut(options.out, csv.bytes);
  });
