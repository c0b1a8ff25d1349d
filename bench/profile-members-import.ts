/**
 * Profiling aid for `members.import` (not a metric, not run by `npm run bench`): on a scratch SQLite database
 * with only the registry's code loaded (no demo), imports the bench's 64,626-row CP932 file in-process with
 * `importMembers` into a new organization per round after a 2,000-row warm-up, and times the bench's bare insert
 * of the same rows next to it (wall and CPU time). Then it inserts every row the last import wrote (people,
 * memberships, events, engagements) bare into a fresh file with the same schema: the cost of
 * the writes alone. The refresh of planner statistics that follows an import may warn that the database closed.
 *
 *   node --import tsx bench/profile-members-import.ts
 *   ROUNDS=3 PROFILE=/tmp/import.cpuprofile node --import tsx bench/profile-members-import.ts   # CPU profile of the last round's import
 *   PRAGMAS='cache_size = -262144' node --import tsx bench/profile-members-import.ts            # pragmas on the writing connection
 */
import fs from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { createUser } from '../src/app/accounts/users.js';
import { systemActor } from '../src/app/audit/record-audit.js';
import { importMembers } from '../src/app/members/import-members.js';
import { createOrganization } from '../src/app/organizations/write-organizations.js';
import type { AppContext } from '../src/app/shared/context.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { openBarePostgres, openBareSqlite } from './bare-database.js';
import { createScratchDatabase } from './scratch-postgres.js';
import { buildMemberFile, memberColumns, seedMemberCount } from './member-csv.js';

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kyodo-prof-'));
// Not openRuntime/ensureDemo: only the registry's own code is loaded, on a migrated database.
const sqlitePath = path.join(dataDir, 'kyodo.db');
// DATABASE_URL: a scratch database on that PostgreSQL server instead (dropped at the end); no floor or STATS there.
const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL) : null;
const database = openDatabase({ databaseUrl: scratch?.url ?? null, sqlitePath, poolSize: 10 });
await migrateToLatest(database.db, database.dialect);
// Experiments: PRAGMAS='cache_size = -262144;mmap_size = 268435456' sets pragmas on the writing connection.
for (const pragma of (process.env.PRAGMAS ?? '').split(';').filter(Boolean)) database.sqlite!.pragma(pragma);
const runtime = { ctx: { db: database.db, dialect: database.dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, rowWriter: database.rowWriter, now: () => new Date() } satisfies AppContext, close: () => database.close() };
const federation = await createOrganization(runtime.ctx, null, systemActor('prof'), {
  code: 'prof-federation', kind: 'federation', parentId: null, nameJa: '労働者協同組合プロファイル連合会', nameEn: null,
  legalForm: 'worker-cooperative', lawProfile: 'jp-worker-coop-2022', registrationDate: '2022-10-01', fiscalYearStartMonth: 4,
  prefectureCode: '13', postalCode: null, address: null, businessLines: ['eldercare'], status: 'active',
});
const admin = await createUser(runtime.ctx, null, systemActor('prof'), { email: 'admin@prof.example', displayName: 'admin', password: 'correct horse battery staple', role: 'federation-admin', organizationId: federation.id });
const actor = { userId: admin.id, email: admin.email, role: 'federation-admin' as const, organizationId: federation.id };
const organization = async (label: string) => (await createOrganization(runtime.ctx, null, systemActor('prof'), {
  code: `prof-${label}`, kind: 'organization', parentId: federation.id, nameJa: `労働者協同組合プロファイル${label}`, nameEn: null,
  legalForm: 'worker-cooperative', lawProfile: 'jp-worker-coop-2022', registrationDate: '2022-10-01', fiscalYearStartMonth: 4,
  prefectureCode: '13', postalCode: null, address: null, businessLines: ['eldercare'], status: 'active',
})).id;
const bare = scratch ? openBarePostgres(scratch.url, 10, console.error) : openBareSqlite(sqlitePath);
const bareInsert = async (rows: typeof file.rows, label: string) => {
  await bare.execute(`create table if not exists bare_${label} (${memberColumns.map((c) => `${c} ${c === 'engaged_in_work' ? 'integer' : 'text'}${c === 'member_number' ? ' primary key' : ''}`).join(', ')})`);
  const started = performance.now();
  await bare.insertRows(`bare_${label}`, memberColumns, rows);
  return performance.now() - started;
};

const file = buildMemberFile(seedMemberCount);
const warmup = buildMemberFile(2_000, 1);
await importMembers(runtime.ctx, actor, await organization('warmup'), { bytes: warmup.bytes, encoding: 'auto' }, 'all-or-nothing');
await bareInsert(warmup.rows, 'warmup');
const rounds = Number(process.env.ROUNDS ?? 2);
for (let round = 1; round <= rounds; round++) {
  const id = await organization(String(round));
  // PROFILE=file.cpuprofile: a CPU profile of the last round's import alone.
  const session = process.env.PROFILE && round === rounds ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await importMembers(runtime.ctx, actor, id, { bytes: file.bytes, encoding: 'auto' }, 'all-or-nothing');
  const ms = performance.now() - started;
  const cpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu));
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    await fs.writeFile(process.env.PROFILE!, JSON.stringify(profile));
    session.disconnect();
  }
  if (result.created !== file.rows.length) throw new Error(`created ${result.created}`);
  const size = async (f: string) => ((await fs.stat(f).catch(() => ({ size: 0 }))).size / 2 ** 20).toFixed(1);
  if (!scratch) console.log(`  database ${await size(sqlitePath)} MiB, WAL ${await size(`${sqlitePath}-wal`)} MiB`);
  const bareMs = await bareInsert(file.rows, String(round));
  const rate = (file.rows.length / ms) * 1000;
  const bareRate = (file.rows.length / bareMs) * 1000;
  console.log(`round ${round}: app ${ms.toFixed(0)} ms ${rate.toFixed(0)} rows/s; bare ${bareMs.toFixed(0)} ms ${bareRate.toFixed(0)} rows/s; ratio ${(rate / bareRate).toFixed(3)}; app CPU ${cpuMs.toFixed(0)} ms`);
}
// The floor for what the import writes: the last import's rows of the five tables (read back), inserted with one
// prepared better-sqlite3 statement per table and row, in one transaction, into a fresh file with the same schema
// and the app's connection settings (foreign keys off: the parents are not copied).
if (!scratch) {
  const SQLite = (await import('better-sqlite3')).default;
  const source = database.sqlite!;
  const lastOrganization = (await runtime.ctx.db.selectFrom('organizations').select('id').where('code', '=', `prof-${rounds}`).executeTakeFirstOrThrow()).id;
  const tables = {
    people: 'select p.* from people p join memberships m on m.person_id = p.id where m.organization_id = ?',
    memberships: 'select * from memberships where organization_id = ?',
    membership_events: 'select e.* from membership_events e join memberships m on m.id = e.membership_id where m.organization_id = ?',
    engagements: 'select * from engagements where organization_id = ?',
  };
  const data = Object.entries(tables).map(([table, query]) => ({ table, rows: source.prepare(query).raw().all(lastOrganization) as unknown[][] }));
  const schema = source.prepare(`select sql from sqlite_master where sql is not null and tbl_name in (${Object.keys(tables).map((t) => `'${t}'`).join(', ')}) order by type desc`).pluck().all() as string[];
  for (let attempt = 1; attempt <= 2; attempt++) {
    const floorPath = path.join(dataDir, `floor-${attempt}.db`);
    const floor = new SQLite(floorPath);
    floor.pragma('journal_mode = WAL');
    floor.pragma('synchronous = NORMAL');
    floor.pragma('cache_size = -65536');
    for (const statement of schema) floor.exec(statement.replace(/references\s+"?\w+"?\s*\("?\w+"?\)/gi, ''));
    const inserts = data.map(({ table, rows }) => ({ statement: floor.prepare(`insert into ${table} values (${rows[0]!.map(() => '?').join(', ')})`), rows }));
    const started = performance.now();
    floor.transaction(() => {
      for (const { statement, rows } of inserts) for (const row of rows) statement.run(row);
    })();
    const ms = performance.now() - started;
    console.log(`floor ${attempt}: every row the import wrote (${data.map((d) => `${d.table} ${d.rows.length}`).join(', ')}) inserted bare: ${ms.toFixed(0)} ms, ${((file.rows.length / ms) * 1000).toFixed(0)} CSV rows/s`);
    floor.close();
  }
}
// STATS=1: the pages of each table and index (dbstat), the rounds' imports and the bare tables together.
if (process.env.STATS && !scratch) {
  const pages = database.sqlite!.prepare(`select name, count(*) pages, sum(pgsize) bytes from dbstat group by name order by bytes desc`).all() as { name: string; pages: number; bytes: number }[];
  for (const { name, pages: count, bytes } of pages.slice(0, 20)) console.log(`  ${name.padEnd(40)} ${String(count).padStart(7)} pages ${(bytes / 2 ** 20).toFixed(1).padStart(7)} MiB`);
}
const counts = await Promise.all(['people', 'memberships', 'membership_events', 'engagements'].map(async (t) =>
  `${t}=${(await runtime.ctx.db.selectFrom(t as 'people').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n}`));
console.log(counts.join(' '));
await bare.close();
await runtime.close();
await scratch?.drop();
await fs.rm(dataDir, { recursive: true, force: true });
