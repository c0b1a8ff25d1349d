import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import type { Insertable } from 'kysely';
import { createApiToken } from '../../src/app/accounts/api-tokens.js';
import { createUser } from '../../src/app/accounts/users.js';
import { systemActor } from '../../src/app/audit/record-audit.js';
import { inTransaction, newId, today } from '../../src/app/shared/context.js';
import { closeWorkMonth } from '../../src/app/surplus/work-months.js';
import { bulkInsert } from '../../src/db/bulk-insert.js';
import { refreshStatistics } from '../../src/db/refresh-statistics.js';
import type { WorkRecordTable } from '../../src/db/schema.js';
import { monthsBetween } from '../../src/domain/shared/fiscal-year.js';
import { apiPrefix } from '../../src/http/app.js';
import type { BenchEnv } from '../env.js';
import type { LoadPlan, Sample } from '../load.js';
import { loadPlan, planNote, type Metric } from '../metric.js';
import { latencyResult, throughputResult } from '../results.js';
import { startBareServer } from '../servers.js';

const name = 'portal.home';
const target = 0.3;
const p99TargetMs = 100;
const connections = 50;
/** Organizations with the most members, and members of each: 200 member accounts. */
const organizationCount = 8;
const membersPerOrganization = 25;
/** Months of work the setup records for the worker members among them, up to yesterday; all but the last two closed. */
const workedMonths = 6;
/** The worker co-operative whose members have meetings (its general assemblies, with their votes): always one of them. */
const meetingsOrganization = 'center-jigyodan';
/** How far back the portal's work section reaches. */
const workMonths = 24;

/** The month `months` before the one of `date` (YYYY-MM-DD), as YYYY-MM-01. */
function monthsBefore(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

const ownMemberships = 'select id from memberships where person_id = ? and organization_id = ?';
const ownMeetings = `select om.id from meetings om where om.status <> 'draft' and exists (select v.person_id from electorate v where v.meeting_id = om.id and v.person_id = ?)`;

/** The app's reads (src/app/portal/portal.ts, memberPortal) as plain statements, with their parameters. */
const statements = {
  person: `select p.id, p.family_name, p.given_name, p.family_kana, p.given_kana, p.email, p.phone, p.postal_code, p.prefecture_code, p.address, o.name_ja, o.name_en, u.locale
    from people p inner join organizations o on o.id = ? left join users u on u.id = ? where p.id = ?`,
  memberships: `select m.id, m.kind, m.member_number, m.status, m.admitted_on, m.ended_on, e.type, e.effective_date, e.reason
    from memberships m left join membership_events e on e.membership_id = m.id where m.person_id = ? and m.organization_id = ? order by m.created_at, m.id, e.seq`,
  capital: `select l.entry_id, l.account, l.amount, l.shares, e.entry_date, e.type from journal_lines l inner join journal_entries e on e.id = l.entry_id
    where l.organization_id = ? and l.membership_id in (${ownMemberships}) order by e.entry_date, e.recorded_at, l.entry_id`,
  work: `select period as month, 'approved' as status, minutes, days from work_month_totals
    where organization_id = ? and period in (${Array.from({ length: workMonths }, () => '?').join(', ')}) and person_id = ?
    union all
    select substr(work_date, 1, 7) as month, status, sum(minutes) as minutes, count(distinct work_date) as days from work_records
    where organization_id = ? and person_id = ? and work_date >= ? and work_date > (select coalesce(max(period), '') || '-99' from work_period_closes where organization_id = ?)
    group by substr(work_date, 1, 7), status`,
  dividends: `select c.id as closing_id, c.fiscal_year, d.membership_id, d.amount, d.withheld, d.payment from surplus_dividends d inner join surplus_closings c on c.id = d.closing_id
    where d.membership_id in (${ownMemberships}) and c.status = 'posted' and c.organization_id = ? order by c.fiscal_year desc`,
  meetings: `select mt.id, mt.title, mt.starts_at, mt.place, mt.online_url, mt.status, mt.notice_date, mt.proxy_allowed, mt.voting_deadline, b.kind as body_kind,
    mo.id as motion_id, mo.title as motion_title, mo.status as motion_status, vc.channel
    from meetings mt inner join bodies b on b.id = mt.body_id left join motions mo on mo.meeting_id = mt.id left join votes_cast vc on vc.motion_id = mo.id and vc.person_id = ?
    where mt.id in (${ownMeetings}) order by mt.starts_at desc, mt.id, mo.position, mo.created_at`,
  proxies: `select x.meeting_id, x.grantor_person_id, g.family_name as grantor_family, g.given_name as grantor_given, h.family_name as holder_family, h.given_name as holder_given
    from proxies x inner join people g on g.id = x.grantor_person_id inner join people h on h.id = x.holder_person_id
    where x.meeting_id in (${ownMeetings}) and (x.grantor_person_id = ? or x.holder_person_id = ?)`,
  documents: `select id, meeting_id, file_name from meeting_documents where meeting_id in (${ownMeetings}) order by uploaded_at`,
  extras: `select 'consent' as part, pc.id, pc.purpose as a, pc.given_on as b, pc.withdrawn_on as c, k.programme_ja as d, k.programme_en as e
    from participants pa inner join participant_consents pc on pc.participant_id = pa.id inner join programme_contracts k on k.id = pa.contract_id
    where pa.person_id = ? and pa.erased_at is null
    union all
    select 'seat' as part, s.id, s.represents_organization_id as a, s.constituency as b, null as c, bo.name_ja as d, bo.name_en as e
    from body_seats s inner join bodies bo on bo.id = s.body_id
    where s.person_id = ? and s.role = 'delegate' and s.term_from <= ? and (s.term_until is null or s.term_until >= ?)
    union all
    select 'change' as part, r.id, r.changes_json as a, r.created_at as b, r.status as c, null as d, null as e
    from contact_change_requests r where r.organization_id = ? and r.status = 'pending' and r.person_id = ?`,
} as const;

type Rows = Record<keyof typeof statements, Record<string, unknown>[]>;

interface PortalMember {
  userId: string;
  personId: string;
  organizationId: string;
  token: string;
}

/** Each statement's parameters for one member, in placeholder order; `date` is the portal's today (Japan). */
function parameters(m: PortalMember, date: string): Record<keyof typeof statements, unknown[]> {
  const { personId: p, organizationId: o } = m;
  const months = Array.from({ length: workMonths }, (_, i) => monthsBefore(date, i).slice(0, 7));
  return {
    person: [o, m.userId, p],
    memberships: [p, o],
    capital: [o, p, o],
    work: [o, ...months, p, o, p, monthsBefore(date, workMonths - 1), o],
    dividends: [p, o, o],
    meetings: [p, p],
    proxies: [p, p, p],
    documents: [p],
    extras: [p, p, date, date, o, p],
  };
}

interface ChosenMember {
  membershipId: string;
  organizationId: string;
  kind: string;
  name: string;
}

/**
 * 200 current members of the eight organizations with the most members (25 each, spread evenly over the member
 * numbers; the worker co-operative with meetings always among them).
 */
async function chooseMembers(env: BenchEnv): Promise<ChosenMember[]> {
  const { db } = env.runtime.ctx;
  const sizes = await db.selectFrom('memberships as m').innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.organization_id', 'o.code', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('m.status', '=', 'admitted').groupBy(['m.organization_id', 'o.code']).orderBy('n', 'desc').orderBy('o.code').execute();
  const organizations = sizes.slice(0, organizationCount);
  const withMeetings = sizes.find((s) => s.code === meetingsOrganization);
  if (!withMeetings) throw new Error(`no organization ${meetingsOrganization}: the jwcu dataset is not loaded`);
  if (!organizations.includes(withMeetings)) organizations[organizations.length - 1] = withMeetings;
  const chosen: ChosenMember[] = [];
  const spread = <T>(items: T[], count: number): T[] =>
    items.length <= count ? items : Array.from({ length: count }, (_, i) => items[Math.floor(((i + 0.5) * items.length) / count)]!);
  for (const o of organizations) {
    const members = await db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['m.id', 'm.kind', 'p.family_name', 'p.given_name'])
      .where('m.organization_id', '=', o.organization_id).where('m.status', '=', 'admitted')
      .orderBy('m.member_number_key').orderBy('m.id').execute();
    for (const m of spread(members, membersPerOrganization)) {
      chosen.push({ membershipId: m.id, organizationId: o.organization_id, kind: m.kind, name: `${m.family_name} ${m.given_name}` });
    }
  }
  return chosen;
}

/**
 * The jwcu data has no work records: the worker members among the chosen get weekdays of work for the last six
 * months up to yesterday (approved, this month's entered), and their organizations close every month before last as
 * a coordinator does (`closeWorkMonth`, which writes each person's month totals), so that the page reads closed
 * months from their totals and the open ones from the records. A setup shortcut, outside the timing.
 */
async function recordWork(env: BenchEnv, workers: readonly { personId: string; organizationId: string }[]): Promise<number> {
  const { ctx } = env.runtime;
  const date = today(ctx);
  const yesterday = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const months = monthsBetween(monthsBefore(date, workedMonths - 1), yesterday);
  const thisMonth = date.slice(0, 7);
  const at = new Date().toISOString();
  const rows: Insertable<WorkRecordTable>[] = [];
  for (let t = Date.parse(`${months[0]}-01T00:00:00Z`); t <= Date.parse(`${yesterday}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    const workDate = day.toISOString().slice(0, 10);
    const approved = workDate.slice(0, 7) < thisMonth;
    for (const [i, w] of workers.entries()) {
      rows.push({
        id: newId(), organization_id: w.organizationId, person_id: w.personId, work_date: workDate, site: 'bench', business_line: 'eldercare', role: '',
        minutes: 360 + ((i + day.getUTCDate()) % 4) * 30, status: approved ? 'approved' : 'entered', source: 'app', import_batch_id: null, note: null,
        approved_at: approved ? at : null, approved_by: approved ? 'bench' : null, version: 1, created_at: at, updated_at: at, recorded_by: 'bench',
      });
    }
  }
  const closed = months.slice(0, -2);
  await inTransaction(ctx, async (trx) => {
    await bulkInsert(trx, ctx.dialect, 'work_records', rows);
    for (const organizationId of new Set(workers.map((w) => w.organizationId))) {
      const already = new Set((await trx.selectFrom('work_period_closes').select('period').where('organization_id', '=', organizationId).execute()).map((r) => r.period));
      for (const period of closed) if (!already.has(period)) await closeWorkMonth(trx, ctx.dialect, organizationId, period, { at, by: 'bench' });
    }
  });
  await refreshStatistics(ctx.db, ctx.dialect, ['work_records', 'work_month_totals', 'work_period_closes']);
  return rows.length;
}

/** A member's own account (role member, their membership) and an API token each, through the app's use cases. */
async function createMemberAccounts(env: BenchEnv, members: ChosenMember[]): Promise<(PortalMember & { kind: string })[]> {
  const { ctx } = env.runtime;
  const actor = systemActor('bench');
  const accounts: (PortalMember & { kind: string })[] = [];
  const parallel = 8;
  for (let start = 0; start < members.length; start += parallel) {
    accounts.push(...(await Promise.all(members.slice(start, start + parallel).map(async (m, i) => {
      const user = await createUser(ctx, null, actor, {
        email: `portal-${start + i + 1}@portal.bench.invalid`, displayName: m.name, password: randomBytes(18).toString('base64url'),
        role: 'member', organizationId: m.organizationId, membershipId: m.membershipId,
      });
      const { token } = await createApiToken(ctx, actor, { userId: user.id, organizationId: m.organizationId }, 'bench portal.home');
      if (!user.personId) throw new Error(`the account for membership ${m.membershipId} has no person`);
      return { userId: user.id, personId: user.personId, organizationId: m.organizationId, kind: m.kind, token };
    }))));
  }
  return accounts;
}

interface AppPortal {
  member: { personId: string };
  memberships: { id: string }[];
  capital: { sharesHeld: number; amountSubscribed: number; unpaid: number };
  work: { months: unknown[] };
  dividends: unknown[];
  meetings: { id: string; openMotions: unknown[] }[];
}

const distinct = (rows: Record<string, unknown>[], key: string): string[] => [...new Set(rows.map((r) => String(r[key])))];
const sum = (rows: Record<string, unknown>[], account: string, column: 'amount' | 'shares'): number =>
  rows.filter((r) => r.account === account).reduce((a, r) => a + Number(r[column]), 0);

/** What the app's page must say, from the bare rows; a message for the first difference, or null. */
function difference(app: AppPortal, rows: Rows): string | null {
  const expected = {
    personId: String(rows.person[0]?.id),
    memberships: distinct(rows.memberships, 'id').join(','),
    sharesHeld: sum(rows.capital, 'capital', 'shares'),
    amountSubscribed: -sum(rows.capital, 'capital', 'amount'),
    unpaid: sum(rows.capital, 'capital-unpaid', 'amount'),
    workMonths: distinct(rows.work, 'month').length,
    dividends: rows.dividends.length,
    meetings: distinct(rows.meetings, 'id').join(','),
  };
  const actual = {
    personId: app.member.personId, memberships: app.memberships.map((m) => m.id).join(','), sharesHeld: app.capital.sharesHeld, amountSubscribed: app.capital.amountSubscribed,
    unpaid: app.capital.unpaid, workMonths: app.work.months.length, dividends: app.dividends.length, meetings: app.meetings.map((m) => m.id).join(','),
  };
  return JSON.stringify(actual) === JSON.stringify(expected) ? null : `Kyodo ${JSON.stringify(actual)}, the bare rows ${JSON.stringify(expected)}`;
}

/** GET requests, each with its own headers (a member's token), that every connection sends in turn. */
interface MemberLoad {
  origin: string;
  requests: { method: 'GET'; path: string; headers?: Record<string, string> }[];
}

/** Seconds autocannon may overrun its duration before the run counts as hung. */
const overrunSeconds = 30;

/**
 * One autocannon run in one worker thread, as bench/load.ts runs its load (any error or non-2xx fails the bench), with
 * a header per request: `Target` rotates paths under one set of headers, and the portal needs each member's token.
 */
function runMemberLoad(load: MemberLoad, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => {
      instance.stop();
      reject(new Error(`load on ${load.origin} did not finish within ${seconds + overrunSeconds} s`));
    }, (seconds + overrunSeconds) * 1000);
    const instance = autocannon({ url: load.origin, requests: load.requests, connections, duration: seconds, workers: 1, sampleInt: 250 }, (error, result) => {
      clearTimeout(guard);
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      if (result.errors + result.non2xx + result.timeouts > 0 || result.requests.total === 0) {
        return reject(new Error(`load on ${load.origin}: ${result.requests.total} responses, ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats ?? {})}), ` +
          `${result.errors} errors, ${result.timeouts} timeouts`));
      }
      resolve(result);
    });
  });
}

/** Warm-up, then alternating rounds (baseline, app, app, baseline, …), as `compareLoad` does. */
async function compareMemberLoad(sides: { app: MemberLoad; baseline: MemberLoad }, plan: LoadPlan, log: (message: string) => void): Promise<{ app: Sample; baseline: Sample }> {
  log(`  warm-up ${plan.warmupSeconds} s each`);
  await runMemberLoad(sides.baseline, plan.warmupSeconds);
  await runMemberLoad(sides.app, plan.warmupSeconds);
  const measured: { app: autocannon.Result[]; baseline: autocannon.Result[] } = { app: [], baseline: [] };
  for (let round = 0; round < plan.rounds; round += 1) {
    const order = round % 2 === 0 ? (['baseline', 'app'] as const) : (['app', 'baseline'] as const);
    for (const side of order) {
      const result = await runMemberLoad(sides[side], plan.durationSeconds / plan.rounds);
      measured[side].push(result);
      log(`  round ${round + 1}/${plan.rounds} ${side.padEnd(8)} ${Math.round(result.requests.total / result.duration)} req/s, p99 ${result.latency.p99} ms`);
    }
  }
  const summary = (results: autocannon.Result[]): Sample => ({
    requestsPerSecond: results.reduce((a, r) => a + r.requests.total, 0) / results.reduce((a, r) => a + r.duration, 0),
    p99Ms: results.reduce((a, r) => a + r.latency.p99, 0) / results.length,
    requests: results.reduce((a, r) => a + r.requests.total, 0),
  });
  return { app: summary(measured.app), baseline: summary(measured.baseline) };
}

/**
 * A member's portal home (GET /me/portal) at 50 connections over the seed-scale data, each request as one of 200
 * members with their own API token: token check, the member-only policy, the page's nine reads for the account's own
 * person, the sections assembled, response schema. Against a bare route running the same reads as prepared
 * statements for the member its path names and answering their rows.
 */
export const portalHome: Metric = {
  name,
  description: `requests/s and p99 of GET ${apiPrefix}/me/portal as 200 members in turn (their own tokens), 50 connections`,
  dataset: 'jwcu',
  async run(env) {
    const { ctx } = env.runtime;
    const started = performance.now();
    const members = await createMemberAccounts(env, await chooseMembers(env));
    const workers = members.filter((m) => m.kind === 'worker');
    const workRows = await recordWork(env, workers);
    env.log(`  ${members.length} member accounts with an API token each, ${workRows.toLocaleString('en')} work records for the ${workers.length} worker members among them, ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const date = today(ctx);
    const byUser = new Map(members.map((m) => [m.userId, m]));
    const prepared = Object.fromEntries(Object.entries(statements).map(([key, sql]) => [key, env.bare.prepareAll(sql)]));
    const readAll = async (m: PortalMember): Promise<Rows> => {
      const params = parameters(m, date);
      const entries = await Promise.all(Object.entries(prepared).map(async ([key, read]) => [key, await read(params[key as keyof typeof statements])] as const));
      return Object.fromEntries(entries) as Rows;
    };
    const bare = await startBareServer((app) => {
      app.get<{ Params: { userId: string } }>('/portal/:userId', async (request, reply) => {
        const member = byUser.get(request.params.userId);
        if (!member) return reply.status(404).send();
        return readAll(member);
      });
    });
    try {
      const sides = {
        app: { origin: env.appOrigin, requests: members.map((m) => ({ method: 'GET' as const, path: `${apiPrefix}/me/portal`, headers: { authorization: `Bearer ${m.token}` } })) },
        baseline: { origin: bare.origin, requests: members.map((m) => ({ method: 'GET' as const, path: `/portal/${m.userId}` })) },
      };
      // Both sides must read the same data for every member, or the comparison compares different work.
      const coverage = { capital: 0, work: 0, meetings: 0, openMotions: 0, rows: 0, bytes: 0 };
      for (const m of members) {
        const response = await fetch(`${env.appOrigin}${apiPrefix}/me/portal`, { headers: { authorization: `Bearer ${m.token}` }, signal: AbortSignal.timeout(10_000) });
        const body = await response.text();
        if (!response.ok) throw new Error(`GET /me/portal as member ${m.personId} answered ${response.status}: ${body.slice(0, 300)}`);
        const page = JSON.parse(body) as AppPortal;
        const rows = await readAll(m);
        const differs = difference(page, rows);
        if (differs) throw new Error(`${name}: member ${m.personId}: ${differs}`);
        coverage.capital += rows.capital.length > 0 ? 1 : 0;
        coverage.work += page.work.months.length > 0 ? 1 : 0;
        coverage.meetings += page.meetings.length > 0 ? 1 : 0;
        coverage.openMotions += page.meetings.reduce((a, mt) => a + mt.openMotions.length, 0) > 0 ? 1 : 0;
        coverage.rows += Object.values(rows).reduce((a, r) => a + r.length, 0);
        coverage.bytes += body.length;
      }
      const organizations = new Set(members.map((m) => m.organizationId)).size;
      const mix = `${members.length} members of ${organizations} organizations in turn: ${coverage.capital} with capital lines, ${coverage.work} with work months, ` +
        `${coverage.meetings} with meetings (${coverage.openMotions} with open motions); ${(coverage.rows / members.length).toFixed(1)} bare rows and ` +
        `${Math.round(coverage.bytes / members.length).toLocaleString('en')} bytes of JSON per page on average`;
      env.log(`  ${mix}`);
      const plan = loadPlan(env, connections);
      const { app, baseline } = await compareMemberLoad(sides, plan, env.log);
      const context =
        `${planNote(env, plan, `bare Fastify route running the page's ${Object.keys(statements).length} reads, each as ${env.bare.description}, for the member its path names and answering their rows`)}; ` +
        `value: GET /me/portal with each member's own API token (token check, member-only policy, the reads for the account's own person, sections assembled, response schema); ${mix}`;
      return [
        throughputResult({ name, unit: 'req/s', value: app.requestsPerSecond, baseline: baseline.requestsPerSecond, context, target }),
        latencyResult({ name: `${name}.p99`, value: app.p99Ms, baseline: baseline.p99Ms, context, absolute: { kind: 'max', bound: p99TargetMs } }),
      ];
    } finally {
      await bare.close();
      // Later metrics see none of these accounts: tokens revoked, accounts disabled.
      const at = new Date().toISOString();
      const ids = members.map((m) => m.userId);
      for (let i = 0; i < ids.length; i += 100) {
        await ctx.db.updateTable('api_tokens').set({ revoked_at: at }).where('user_id', 'in', ids.slice(i, i + 100)).execute();
        await ctx.db.updateTable('users').set({ disabled_at: at }).where('id', 'in', ids.slice(i, i + 100)).execute();
      }
    }
  },
};
