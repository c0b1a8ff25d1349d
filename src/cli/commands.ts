import fs from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import path from 'node:path';
import { createApiToken } from '../app/accounts/api-tokens.js';
import { createUser, findUserByEmail } from '../app/accounts/users.js';
import { systemActor } from '../app/audit/record-audit.js';
import { localDate } from '../app/shared/context.js';
import { capitalJournalForHledger } from '../app/capital/export-capital.js';
import { importPayrollDeductions } from '../app/capital/payroll-deductions.js';
import { capitalRegister } from '../app/capital/read-capital.js';
import { federationComplianceBoard, organizationComplianceBoard } from '../app/compliance/compliance-board.js';
import type { Fraction } from '../domain/governance/resolutions.js';
import { registerCsv } from '../domain/capital/register-csv.js';
import { verifyAuditLog } from '../app/audit/read-audit-log.js';
import { loadConfig } from '../config.js';
import type { Actor, Role } from '../domain/access/policy.js';
import { exportMembers } from '../app/members/export-members.js';
import { importMembers, memberImportReport, type ImportMode } from '../app/members/import-members.js';
import { DomainError } from '../domain/shared/errors.js';
import { ensureDemo, openRuntime, type DemoScale, type Runtime } from '../runtime.js';

export async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig());
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

export const runMigrate = () =>
  withRuntime(async (runtime) => {
    console.log(`database: ${runtime.database.dialect}; schema is up to date`);
  });

export const runDemo = (options: { scale: DemoScale }) =>
  withRuntime(async (runtime) => {
    const config = loadConfig();
    const bar = new SingleBar({ format: 'members {bar} {percentage}% | {value}/{total}', stream: process.stderr }, Presets.shades_classic);
    let started = false;
    const accounts = await ensureDemo(runtime, config, options.scale, (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    });
    if (started) bar.stop();
    if (!accounts) {
      console.log('The database already holds organizations; the demo loads only into an empty database.');
      return;
    }
    console.log(`Demo federation loaded. Sign in as ${accounts.adminEmail} with password ${accounts.password}`);
  });

export const runUserAdd = (options: { email: string; password: string; role: Role; org?: string; name?: string; member?: string }) =>
  withRuntime(async (runtime) => {
    let organizationId: string | null = null;
    if (options.org) {
      const org = await runtime.ctx.db.selectFrom('organizations').select('id')
        .where((eb) => eb.or([eb('code', '=', options.org!), eb('id', '=', options.org!)])).executeTakeFirst();
      if (!org) throw new DomainError('not_found', 'not_found', `no organization with code or id "${options.org}"`);
      organizationId = org.id;
    }
    let membershipId: string | null = null;
    if (options.member) {
      const membership = organizationId === null ? undefined : await runtime.ctx.db.selectFrom('memberships').select('id')
        .where('organization_id', '=', organizationId).where('member_number', '=', options.member).executeTakeFirst();
      if (!membership) throw new DomainError('not_found', 'not_found', `no member number "${options.member}" in organization "${options.org ?? ''}"`);
      membershipId = membership.id;
    }
    const user = await createUser(runtime.ctx, null, systemActor('cli'), {
      email: options.email, password: options.password, role: options.role, organizationId, displayName: options.name ?? '', membershipId,
    });
    console.log(`created ${user.role} ${user.email} (${user.id})`);
  });

export const runTokenCreate = (options: { email: string; name: string }) =>
  withRuntime(async (runtime) => {
    const user = await findUserByEmail(runtime.ctx, options.email);
    if (!user || user.disabled_at !== null) throw new DomainError('not_found', 'not_found', `no active account ${options.email}`);
    const created = await createApiToken(runtime.ctx, systemActor('cli'), { userId: user.id, organizationId: user.organization_id }, options.name);
    console.log(`API token "${created.name}" for ${user.email}; send it as "Authorization: Bearer <token>". It is shown only now:`);
    console.log(created.token);
  });

export const runAuditVerify = () =>
  withRuntime(async (runtime) => {
    const verdict = await verifyAuditLog(runtime.ctx);
    if (verdict.ok) {
      console.log(`audit log intact: ${verdict.entries} entries`);
    } else {
      console.error(`audit log BROKEN at entry ${verdict.brokenAtSeq}: ${verdict.reason} (${verdict.entries} entries read)`);
      process.exitCode = 1;
    }
  });

export const runBackup = (options: { out?: string }) =>
  withRuntime(async (runtime) => {
    const { sqlite } = runtime.database;
    if (!sqlite) {
      throw new DomainError('invalid', 'not_sqlite', 'backup copies the embedded SQLite database; for PostgreSQL use pg_dump');
    }
    const config = loadConfig();
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
    const out = path.resolve(options.out ?? path.join(config.dataDir, 'backups', `kyodo-${stamp}.db`));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    // SQLite's online backup API copies a consistent snapshot while other connections keep writing.
    await sqlite.backup(out);
    console.log(`backup written: ${out}`);
  });

/** The command line acts with the rights of whoever can read the data folder or the database: all of them. */
export const cliActor = (): Actor => ({ userId: 'cli', email: 'system:cli', role: 'federation-admin', organizationId: null });

export async function organizationIdOf(runtime: Runtime, codeOrId: string): Promise<string> {
  const org = await runtime.ctx.db.selectFrom('organizations').select('id')
    .where((eb) => eb.or([eb('code', '=', codeOrId), eb('id', '=', codeOrId)])).executeTakeFirst();
  if (!org) throw new DomainError('not_found', 'not_found', `no organization with code or id "${codeOrId}"`);
  return org.id;
}

export const runMembersImport = (file: string, options: { org: string; encoding: 'auto' | 'utf-8' | 'cp932'; mode: ImportMode; report?: string }) =>
  withRuntime(async (runtime) => {
    const organizationId = await organizationIdOf(runtime, options.org);
    const bytes = new Uint8Array(fs.readFileSync(file));
    try {
      const result = await importMembers(runtime.ctx, cliActor(), organizationId, { bytes, encoding: options.encoding }, options.mode);
      console.log(`imported ${file}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected} rows refused`);
      if (result.rejected > 0 && options.report) await writeRejected(runtime, organizationId, bytes, options);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'import_rejected' && options.report) await writeRejected(runtime, organizationId, bytes, options);
      throw error;
    }
  });

async function writeRejected(runtime: Runtime, organizationId: string, bytes: Uint8Array, options: { encoding: 'auto' | 'utf-8' | 'cp932'; report?: string }) {
  const report = await memberImportReport(runtime.ctx, cliActor(), organizationId, { bytes, encoding: options.encoding }, 'errors', { locale: 'ja' });
  fs.writeFileSync(options.report!, report.bytes);
  console.error(`the problems, row by row, are in ${options.report}`);
}

export const runMembersExport = (options: { org: string; encoding: 'utf-8' | 'cp932'; locale: 'ja' | 'en'; out?: string }) =>
  withRuntime(async (runtime) => {
    const organizationId = await organizationIdOf(runtime, options.org);
    const csv = await exportMembers(runtime.ctx, cliActor(), organizationId, { encoding: options.encoding, locale: options.locale, date: localDate(new Date()) });
    if (csv.unencodable.length > 0) console.error(`${csv.unencodable.length} character(s) do not exist in CP932 and were written as 〓; use --encoding utf-8 to keep them`);
    if (options.out) fs.writeFileSync(options.out, csv.bytes);
    else process.stdout.write(csv.bytes);
  });

export const runCapitalPayroll = (file: string, options: { org: string; date: string; encoding: 'auto' | 'utf-8' | 'cp932' }) =>
  withRuntime(async (runtime) => {
    const organizationId = await organizationIdOf(runtime, options.org);
    const result = await importPayrollDeductions(runtime.ctx, cliActor(), organizationId, { bytes: new Uint8Array(fs.readFileSync(file)), encoding: options.encoding, date: options.date });
    console.log(`recorded ${result.payments} payroll deduction(s), ${result.total.toLocaleString('en')} yen in all (batch ${result.batchId})`);
  });

export const writeOut = (out: string | undefined, data: string | Uint8Array) => (out ? fs.writeFileSync(out, data) : process.stdout.write(data));

export const runCapitalJournal = (options: { org: string; out?: string }) =>
  withRuntime(async (runtime) => {
    writeOut(options.out, await capitalJournalForHledger(runtime.ctx, cliActor(), await organizationIdOf(runtime, options.org)));
  });

export const runCapitalRegister = (options: { org: string; date?: string; encoding: 'utf-8' | 'cp932'; out?: string }) =>
  withRuntime(async (runtime) => {
    const register = await capitalRegister(runtime.ctx, cliActor(), await organizationIdOf(runtime, options.org), options.date ?? localDate(new Date()));
    writeOut(options.out, registerCsv(register.rows, register.totals, { encoding: options.encoding, locale: 'ja' }).bytes);
  });

const fraction = (f: Fraction | null): string => (f === null ? '—' : f.denominator === 1 ? String(f.numerator) : `${f.numerator}/${f.denominator}`);
const share = (f: Fraction | null): string => (f === null || f.denominator <= 1 ? '' : ` (${((100 * f.numerator) / f.denominator).toFixed(1)}%)`);
const floorOf = (c: { floor: Fraction; strict: boolean }): string => `${c.strict ? '>' : '≥'} ${fraction(c.floor)}`;
const projected = (c: { projection: { date: string; basis: string } | null }): string => (c.projection ? `breach expected ${c.projection.date} (${c.projection.basis})` : '');

/** The board as a table for people; --json gives the API's answer instead. */
export const runCompliance = (options: { org?: string; date?: string; json?: boolean }) =>
  withRuntime(async (runtime) => {
    if (options.org) {
      const board = await organizationComplianceBoard(runtime.ctx, cliActor(), await organizationIdOf(runtime, options.org), options.date);
      if (options.json) return void console.log(JSON.stringify(board, null, 2));
      console.log(`compliance of ${options.org} on ${board.date} (law profile ${board.lawProfile})`);
      for (const c of board.checks) {
        console.log([c.code.padEnd(22), c.article.padEnd(17), c.status.padEnd(15), `${fraction(c.figure)}${share(c.figure)}`.padEnd(22), floorOf(c).padEnd(8), projected(c), c.note ?? ''].join(' ').trimEnd());
      }
      return;
    }
    const board = await federationComplianceBoard(runtime.ctx, cliActor(), options.date);
    if (options.json) return void console.log(JSON.stringify(board, null, 2));
    const codes = new Map(board.organizations.map((o) => [o.id, o.code]));
    console.log(`compliance of the federation's ${board.organizations.length} organizations on ${board.date}`);
    for (const c of board.checks) {
      const counted = Object.entries(c.organizations).filter(([, n]) => n > 0).map(([status, n]) => `${n} ${status}`).join(', ');
      const figure = c.basis === 'sum' ? `${fraction(c.figure)}${share(c.figure)}` : `${c.figure?.numerator ?? 0} of ${c.figure?.denominator ?? 0} meet it`;
      const floor = c.basis === 'sum' ? floorOf(c) : `each ${floorOf({ floor: c.organizationFloor, strict: c.strict })}`;
      console.log([c.code.padEnd(22), c.article.padEnd(17), c.status.padEnd(15), figure.padEnd(22), floor.padEnd(8), projected(c)].join(' ').trimEnd());
      console.log(`  organizations (${c.basis === 'sum' ? 'members added up' : 'each must meet the rule'}): ${counted}`);
      for (const a of c.attention) console.log(`  ${a.status.padEnd(8)} ${codes.get(a.organizationId) ?? a.organizationId}${a.projection ? ` ${a.projection.date}` : ''}`);
    }
  });
