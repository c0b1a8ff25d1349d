import { searchQueryKey, searchTokens } from '../../src/domain/members/search-key.js';
import type { BenchEnv } from '../env.js';
import { apiPrefix } from '../../src/http/app.js';
import { compareLoad, probeEach, type Target } from '../load.js';
import { loadPlan, planNote, type Metric } from '../metric.js';
import { latencyResult, throughputResult } from '../results.js';
import { startBareServer } from '../servers.js';

const name = 'members.search';
const target = 0.5;
const p99TargetMs = 50;
const pageSize = 50;
/**
 * The largest worker co-operative of the seed-scale data (5,368 members, numbered W000001…), as the issue names
 * it. Not the largest organization: koreikyo-tokyo has 15,755 user members.
 */
const organizationCode = 'center-jigyodan';

/**
 * What people type in the search box, in turn: kana, romaji (long vowels folded), a kanji surname, a member
 * number prefix, and a given name in katakana.
 */
const queries = ['さとう', 'suzuki', '山田', 'W0001', 'タナカ', 'watanabe', '佐々木', 'ヒロシ'];

/**
 * The bare route's own search index: a token table as a plain SQL registry would keep one (the app kept this very
 * table until it moved its search index into memory), one row per token a member may be found by (`searchTokens`),
 * clustered on (organization, token, membership). Made for the measured organization before the load.
 */
const tokenTable = 'bench_search_tokens';

async function makeTokenTable(env: BenchEnv, organizationId: string): Promise<number> {
  const postgres = env.dialect === 'postgresql';
  await env.bare.execute(`drop table if exists ${tokenTable}`);
  await env.bare.execute(`create table ${tokenTable} (organization_id text not null, token text${postgres ? ' collate "C"' : ''} not null,
    membership_id text not null, primary key (organization_id, token, membership_id))${postgres ? '' : ' without rowid'}`);
  const members = await env.runtime.ctx.db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.member_number', 'p.family_name', 'p.given_name', 'p.family_kana', 'p.given_kana'])
    .where('m.organization_id', '=', organizationId).execute();
  const rows = members.flatMap((m) => searchTokens({ familyName: m.family_name, givenName: m.given_name, familyKana: m.family_kana, givenKana: m.given_kana }, m.member_number)
    .map((token) => [organizationId, token, m.id]));
  await env.bare.insertRows(tokenTable, ['organization_id', 'token', 'membership_id'], rows);
  await env.bare.execute(`analyze ${tokenTable}`);
  return rows.length;
}

/**
 * The search as the token table serves it, in one statement: the tokens of the organization that start with the
 * key (a range on the token index), joined to memberships and people, one row per member (a member matches
 * through several tokens: さとう is a prefix of the family name's reading and of the full name's), the first
 * page by member number as the app sorts it, and the total the app counts separately (as a window count).
 */
const searchSql = `
  select m.id as "membershipId", m.organization_id as "organizationId", m.person_id as "personId", m.member_number as "memberNumber",
    m.kind, m.status, m.admitted_on as "admittedOn", m.ended_on as "endedOn", p.family_name as "familyName", p.given_name as "givenName",
    p.family_kana as "familyKana", p.given_kana as "givenKana", count(*) over () as "total"
  from ${tokenTable} t
    join memberships m on m.id = t.membership_id
    join people p on p.id = m.person_id
  where t.organization_id = ? and t.token >= ? and t.token < ? and m.organization_id = ?
  group by m.id, p.id
  order by m.member_number_key, m.member_number, m.id
  limit ${pageSize}`;

interface SearchPage {
  items: { membershipId: string }[];
  total: number;
}

function asPage(body: unknown, side: string, query: string): SearchPage {
  const page = body as Partial<SearchPage>;
  if (!Array.isArray(page.items) || typeof page.total !== 'number') throw new Error(`${side} answered no page of members for "${query}"`);
  return page as SearchPage;
}

/**
 * The member search at 50 connections over the seed-scale registry (token check, access policy, the search with
 * its count, response schema), against a bare route running the same search as one prepared statement.
 */
export const membersSearch: Metric = {
  name,
  description: `requests/s and p99 of GET ${apiPrefix}/organizations/:id/members?q=… (rotating queries), 50 connections`,
  dataset: 'jwcu',
  async run(env) {
    const organization = await env.runtime.ctx.db.selectFrom('organizations').select('id').where('code', '=', organizationCode).executeTakeFirst();
    if (!organization) throw new Error(`no organization ${organizationCode}: the jwcu dataset is not loaded`);
    const tokens = await makeTokenTable(env, organization.id);
    env.log(`  the bare route's token table: ${tokens} tokens of ${organizationCode}`);
    const search = env.bare.prepareAll(searchSql);
    const bare = await startBareServer((app) => {
      app.get<{ Params: { id: string }; Querystring: { key: string } }>('/organizations/:id/members', async (request) => {
        const { id } = request.params;
        const { key } = request.query;
        const rows = await search([id, key, `${key}\uffff`, id]);
        const total = Number(rows[0]?.total ?? 0);
        return { items: rows.map(({ total: _total, ...item }) => item), total };
      });
    });
    try {
      // The bare route gets the key the app derives from the query (normalised; folded romaji): a lookup, not app work.
      const sides: { app: Target; baseline: Target } = {
        app: {
          url: env.appOrigin,
          headers: { authorization: env.fixture.authorization },
          paths: queries.map((q) => `${apiPrefix}/organizations/${organization.id}/members?q=${encodeURIComponent(q)}&pageSize=${pageSize}`),
        },
        baseline: {
          url: bare.origin,
          paths: queries.map((q) => `/organizations/${organization.id}/members?key=${encodeURIComponent(searchQueryKey(q))}`),
        },
      };
      // Both sides must find the same members, or the comparison compares different work.
      const [appPages, barePages] = [await probeEach(sides.app), await probeEach(sides.baseline)];
      const totals: string[] = [];
      queries.forEach((query, i) => {
        const app = asPage(appPages[i], 'Kyodo', query);
        const baseline = asPage(barePages[i], 'the bare route', query);
        if (app.total === 0) throw new Error(`Kyodo found nobody for "${query}": the query does not exercise the search`);
        if (app.total !== baseline.total || app.items[0]?.membershipId !== baseline.items[0]?.membershipId || app.items.length !== baseline.items.length) {
          throw new Error(`"${query}": Kyodo found ${app.total} (first ${app.items[0]?.membershipId}), the bare route ${baseline.total} (first ${baseline.items[0]?.membershipId})`);
        }
        totals.push(`${query} ${app.total}`);
      });
      env.log(`  matches: ${totals.join(', ')}`);
      const plan = loadPlan(env, 50);
      const { app, baseline } = await compareLoad(sides, plan, env.log);
      const context =
        `${planNote(env, plan, `bare Fastify route running ${env.bare.description} (token prefix range joined to memberships and people, first ${pageSize} by member number, ` +
          `total as a window count; given the search key the app derives)`)}; ${organizationCode}, queries in turn: ${totals.join(', ')} matches`;
      return [
        throughputResult({ name, unit: 'req/s', value: app.requestsPerSecond, baseline: baseline.requestsPerSecond, context, target }),
        latencyResult({ name: `${name}.p99`, value: app.p99Ms, baseline: baseline.p99Ms, context, absolute: { kind: 'max', bound: p99TargetMs } }),
      ];
    } finally {
      await bare.close();
    }
  },
};
