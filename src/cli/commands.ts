import fs from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import path from 'node:path';
import { createApiToken } from '../app/accounts/api-tokens.js';
import { createUser, findUserByEmail } from '../app/accounts/users.js';
import { systemActor } from '../app/audit/record-audit.js';
import { verifyAuditLog } from '../app/audit/read-audit-log.js';
import { loadConfig } from '../config.js';
import type { Role } from '../domain/access/policy.js';
import { DomainError } from '../domain/shared/errors.js';
import { ensureDemo, openRuntime, type DemoScale, type Runtime } from '../runtime.js';

async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
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

export const runUserAdd = (options: { email: string; password: string; role: Role; org?: string; name?: string }) =>
  withRuntime(async (runtime) => {
    let organizationId: string | null = null;
    if (options.org) {
      const org = await runtime.ctx.db.selectFrom('organizations').select('id')
        .where((eb) => eb.or([eb('code', '=', options.org!), eb('id', '=', options.org!)])).executeTakeFirst();
      if (!org) throw new DomainError('not_found', 'not_found', `no organization with code or id "${options.org}"`);
      organizationId = org.id;
    }
    const user = await createUser(runtime.ctx, null, systemActor('cli'), {
      email: options.email, password: options.password, role: options.role, organizationId, displayName: options.name ?? '',
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
