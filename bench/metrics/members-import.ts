import { systemActor } from '../../src/app/audit/record-audit.js';
import { createOrganization } from '../../src/app/organizations/write-organizations.js';
import { apiPrefix } from '../../src/http/app.js';
import type { BenchEnv } from '../env.js';
import { buildMemberFile, memberColumns, seedMemberCount, type MemberFile } from '../member-csv.js';
import type { TableRows } from '../bare-database.js';
import type { Metric } from '../metric.js';
import { throughputResult } from '../results.js';

const name = 'members.import';
const target = 0.25;
const rowsPerSecondTarget = 20_000;
/** Rows of the discarded first import on each side: JIT, statement caches and the pg pool settle first. */
const warmupRows = 2_000;

/** The scratch table of the baseline: the file's sixteen columns, the member number as its key. */
const scratchTable = (table: string): string =>
  `create table ${table} (${memberColumns.map((c) => `${c} ${c === 'engaged_in_work' ? 'integer' : 'text'}${c === 'member_number' ? ' primary key' : ''}`).join(', ')})`;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** A new member organization of the demo federation, so that every import adds all its rows. */
async function freshOrganization(env: BenchEnv, label: string): Promise<string> {
  const federation = await env.runtime.ctx.db.selectFrom('organizations').select('id').where('kind', '=', 'federation').executeTakeFirstOrThrow();
  const organization = await createOrganization(env.runtime.ctx, null, systemActor('bench'), {
    code: `bench-import-${label}`, kind: 'organization', parentId: federation.id, nameJa: `労働者協同組合ベンチ取込${label}`, nameEn: null,
    legalForm: 'worker-cooperative', lawProfile: 'jp-worker-coop-2022', registrationDate: '2022-10-01', fiscalYearStartMonth: 4,
    prefectureCode: '13', postalCode: null, address: null, businessLines: ['eldercare'], status: 'active',
  });
  return organization.id;
}

/** One import through the HTTP route: the milliseconds from sending the file to the end of the answer, and where it went. */
async function importThroughApp(env: BenchEnv, file: MemberFile, label: string): Promise<{ ms: number; organizationId: string }> {
  const organizationId = await freshOrganization(env, label);
  const url = `${env.appOrigin}${apiPrefix}/organizations/${organizationId}/member-imports`;
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: env.fixture.authorization, 'content-type': 'text/csv' },
    body: file.bytes,
    signal: AbortSignal.timeout(300_000),
  });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${body.slice(0, 500)}`);
  const result = JSON.parse(body) as { created?: unknown };
  // Every row must be new and imported, or the rate counts work that was not done.
  if (result.created !== file.rows.length) throw new Error(`the import created ${String(result.created)} members, expected ${file.rows.length}: ${body.slice(0, 500)}`);
  return { ms: elapsed, organizationId };
}

/** The same rows, already parsed, into a fresh scratch table; the milliseconds of the inserts and the commit. */
async function insertBare(env: BenchEnv, file: MemberFile, label: string): Promise<number> {
  const table = `bench_import_${label.replace(/\W/g, '_')}`;
  await env.bare.execute(scratchTable(table));
  try {
    const started = performance.now();
    await env.bare.insertRows(table, memberColumns, file.rows);
    return performance.now() - started;
  } finally {
    await env.bare.execute(`drop table ${table}`);
  }
}

/** The rows one import wrote, per table: the organization's (each imported person is new and a member of it alone). */
const writtenRows: Readonly<Record<string, string>> = {
  people: 'select p.* from people p join memberships m on m.person_id = p.id where m.organization_id = ?',
  memberships: 'select * from memberships where organization_id = ?',
  membership_events: 'select e.* from membership_events e join memberships m on m.id = e.membership_id where m.organization_id = ?',
  engagements: 'select * from engagements where organization_id = ?',
};

/**
 * The floor under the import: the rows it wrote into `organizationId`, read back and inserted bare into scratch
 * copies of their tables (the same keys and indexes, no foreign keys), all in one transaction. The milliseconds
 * of the inserts and the commit, and the number of rows.
 */
async function insertFloor(env: BenchEnv, organizationId: string, label: string): Promise<{ ms: number; rows: number }> {
  const parts: TableRows[] = [];
  try {
    for (const [table, query] of Object.entries(writtenRows)) {
      const records = await env.bare.prepareAll(query)([organizationId]);
      const columns = Object.keys(records[0] ?? {});
      const target = `bench_floor_${label.replace(/\W/g, '_')}_${table}`;
      await env.bare.copyTableShape(table, target);
      parts.push({ table: target, columns, rows: records.map((record) => columns.map((column) => record[column])) });
    }
    const started = performance.now();
    await env.bare.insertTables(parts);
    return { ms: performance.now() - started, rows: parts.reduce((sum, part) => sum + part.rows.length, 0) };
  } finally {
    for (const { table } of parts) await env.bare.execute(`drop table ${table}`);
  }
}

/**
 * The real import path (HTTP upload of a CP932 file; decode, parse, validate, insert people, memberships,
 * events and engagements in one transaction) against the same rows inserted plainly. Each round
 * is one whole import of the file on each side, alternating which side goes first; the median round counts.
 */
export const membersImport: Metric = {
  name,
  description: `rows/s of POST ${apiPrefix}/organizations/:id/member-imports with a ${seedMemberCount.toLocaleString('en')}-row CP932 CSV`,
  async run(env) {
    env.log(`  building the member file (${seedMemberCount.toLocaleString('en')} rows, CP932)`);
    const file = buildMemberFile(seedMemberCount);
    const warmup = buildMemberFile(warmupRows, 1);
    env.log(`  ${(file.bytes.length / 2 ** 20).toFixed(1)} MiB, ${file.workers.toLocaleString('en')} worker members; warm-up with ${warmupRows.toLocaleString('en')} rows each`);
    await insertBare(env, warmup, 'warmup');
    await insertFloor(env, (await importThroughApp(env, warmup, 'warmup')).organizationId, 'warmup');

    const rounds = Math.max(2, env.options.rounds);
    const rates: { app: number[]; baseline: number[]; floor: number[] } = { app: [], baseline: [], floor: [] };
    let floorRows = 0;
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? (['baseline', 'app'] as const) : (['app', 'baseline'] as const);
      for (const side of order) {
        const label = String(round + 1);
        const imported = side === 'app' ? await importThroughApp(env, file, label) : null;
        const ms = imported ? imported.ms : await insertBare(env, file, label);
        const rate = (file.rows.length / ms) * 1000;
        rates[side].push(rate);
        env.log(`  round ${round + 1}/${rounds} ${side.padEnd(8)} ${seconds(ms)}, ${Math.round(rate).toLocaleString('en')} rows/s`);
        if (imported) {
          // Right after the import, while its rows are fresh: what writing them costs without the import's own work.
          const floor = await insertFloor(env, imported.organizationId, label);
          floorRows = floor.rows;
          rates.floor.push((file.rows.length / floor.ms) * 1000);
          env.log(`  round ${round + 1}/${rounds} floor    ${seconds(floor.ms)}, ${Math.round(rates.floor.at(-1)!).toLocaleString('en')} rows/s (${floor.rows.toLocaleString('en')} rows written bare)`);
        }
      }
    }

    const context =
      `baseline: the same ${seedMemberCount.toLocaleString('en')} rows already parsed, ${env.bare.insertDescription}, into a scratch table of the file's 16 columns ` +
      `(member number as primary key); value: the whole HTTP request (upload of ${(file.bytes.length / 2 ** 20).toFixed(1)} MiB CP932, decode, parse, validate, ` +
      `insert people, memberships, events and engagements in one transaction) into a new organization each round; ` +
      `${env.dialect}, ${env.dataset} dataset, median of ${rounds} alternating round(s) of one import each after a ${warmupRows.toLocaleString('en')}-row warm-up ` +
      `(--duration and --warmup do not apply); members.import.floor is the most this ratio can be while the import writes these rows`;
    const floorContext =
      `the ceiling of members.import's ratio: the ${floorRows.toLocaleString('en')} rows one import wrote (people, memberships, membership events, engagements), ` +
      `read back and inserted bare, ${env.bare.insertDescription}, into scratch tables with the keys and indexes of theirs but no foreign keys; ` +
      `rows/s counts the file's ${seedMemberCount.toLocaleString('en')} rows, as members.import does; baseline as for members.import; ` +
      `${env.dialect}, median of ${rounds} round(s), each right after that round's import; no target (it measures the schema, not the import)`;
    return [
      throughputResult({
        name, unit: 'rows/s', value: median(rates.app), baseline: median(rates.baseline), context, target,
        absolute: { kind: 'min', bound: rowsPerSecondTarget },
      }),
      throughputResult({ name: `${name}.floor`, unit: 'rows/s', value: median(rates.floor), baseline: median(rates.baseline), context: floorContext }),
    ];
  },
};
