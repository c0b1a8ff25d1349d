import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwcuScale, loadScaleDemo } from '../../src/app/demo/load-scale-demo.js';
import type { AppContext } from '../../src/app/shared/context.js';
import type { Database } from '../../src/db/database.js';
import { dialects, openTestDatabase } from '../support/databases.js';

describe.each(dialects)('the seed federation at full scale (%s)', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  const progress: number[] = [];
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = { db: database.db, dialect: database.dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, now: () => new Date('2026-11-26T00:00:00Z') };
    await loadScaleDemo(ctx, 'demo password 1234', (done) => progress.push(done));
  }, 240_000);
  afterAll(() => database.close());

  it('has the figures of March 2017: 25 member organizations, 13,420 worker and 51,206 older persons co-op members', async () => {
    const members = await ctx.db.selectFrom('organizations').select('id').where('kind', '=', 'organization').execute();
    expect(members).toHaveLength(jwcuScale.organizations);
    const byKind = await ctx.db.selectFrom('memberships').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kind').orderBy('kind').execute();
    expect(byKind.map((r) => [r.kind, Number(r.n)])).toEqual([['user', jwcuScale.userMembers], ['worker', jwcuScale.workerMembers]]);
    expect(progress.at(-1)).toBe(jwcuScale.userMembers + jwcuScale.workerMembers);
  });

  it('holds the Centre Jigyodan\'s assemblies among its thousands of members: one decided, one convened and open', async () => {
    const meetings = await ctx.db.selectFrom('meetings').innerJoin('electorate', 'electorate.meeting_id', 'meetings.id')
      .select(['meetings.title', 'meetings.status', (eb) => eb.fn.countAll<number>().as('voters')]).groupBy(['meetings.title', 'meetings.status']).orderBy('meetings.title').execute();
    expect(meetings.map((m) => [m.title, m.status])).toEqual([['第4回通常総会', 'closed'], ['第5回臨時総会', 'convened']]);
    expect(Number(meetings[0]!.voters)).toBeGreaterThan(1_000);
    const decided = await ctx.db.selectFrom('motions').select('result_json').where('status', '=', 'closed').execute();
    expect(decided.map((m) => JSON.parse(m.result_json!).outcome).sort()).toEqual(['adopted', 'adopted', 'elected']);
  });

  it('keeps every worker co-operative within the Act: 4/5 of members engaged, non-member workers at most 1/4 of workers', async () => {
    const rows = await ctx.db.selectFrom('organizations as o')
      .select((eb) => [
        'o.code',
        eb.selectFrom('memberships as m').select((m) => m.fn.countAll<number>().as('n')).whereRef('m.organization_id', '=', 'o.id').as('members'),
        eb.selectFrom('engagements as e').innerJoin('memberships as m', (j) => j.onRef('m.person_id', '=', 'e.person_id').onRef('m.organization_id', '=', 'e.organization_id'))
          .select((m) => m.fn.countAll<number>().as('n')).whereRef('e.organization_id', '=', 'o.id').as('engagedMembers'),
        eb.selectFrom('engagements as e').select((m) => m.fn.countAll<number>().as('n')).whereRef('e.organization_id', '=', 'o.id').as('workers'),
      ])
      .where('o.legal_form', '=', 'worker-cooperative')
      .execute();
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      const members = Number(r.members);
      const engaged = Number(r.engagedMembers);
      const workers = Number(r.workers);
      expect(engaged / members, r.code).toBeGreaterThanOrEqual(4 / 5);
      expect((workers - engaged) / workers, r.code).toBeLessThanOrEqual(1 / 4);
    }
  });
});
