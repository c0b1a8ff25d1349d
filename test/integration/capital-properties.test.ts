import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  payRefund,
  recordPayment,
  reverseEntry,
  subscribeShares,
  transferShares,
  withdrawShares,
  writeDownCapital,
} from '../../src/app/capital/capital-movements.js';
import { setCapitalRules } from '../../src/app/capital/capital-rules.js';
import { registerMember } from '../../src/app/members/register-member.js';
import { applyLines, emptyPosition, type JournalLine } from '../../src/domain/capital/ledger.js';
import { DomainError } from '../../src/domain/shared/errors.js';
import { actorFor, buildOrganizationFields, buildTenants, createOrg } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** One operation of a random history: which member (by index), how much, on which day of the sequence. */
const operation = fc.oneof(
  fc.record({ op: fc.constant('subscribe' as const), member: fc.nat(4), shares: fc.integer({ min: 1, max: 4 }), pay: fc.nat(4) }),
  fc.record({ op: fc.constant('pay' as const), member: fc.nat(4), amount: fc.integer({ min: 1, max: 3_000 }) }),
  fc.record({ op: fc.constant('transfer' as const), member: fc.nat(4), to: fc.nat(4), shares: fc.integer({ min: 1, max: 3 }), takeover: fc.boolean() }),
  fc.record({ op: fc.constant('withdraw' as const), member: fc.nat(4), shares: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }) }),
  fc.record({ op: fc.constant('refund' as const), member: fc.nat(4), amount: fc.option(fc.integer({ min: 1, max: 3_000 }), { nil: null }) }),
  fc.record({ op: fc.constant('writeDown' as const), member: fc.nat(4), amount: fc.integer({ min: 1, max: 1_000 }) }),
  fc.record({ op: fc.constant('reverse' as const), back: fc.nat(10) }),
);

/**
 * Random histories of capital movements through the real use cases, on each database: whatever the rules refuse
 * is refused with a DomainError and leaves nothing behind; whatever goes in keeps the ledger's invariants.
 */
describe.each(dialects)('capital ledger properties (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Awaited<ReturnType<typeof buildTenants>>;
  let history = 0;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tenants = await buildTenants(t.ctx);
  });
  afterAll(() => t.close());

  it('keeps every entry balanced, balances equal to the sums of entries, refunds within payments and the share cap', async () => {
    const admin = actorFor(tenants.users.federationAdmin);
    const succeeded = new Map<string, number>();
    await fc.assert(fc.asyncProperty(fc.array(operation, { minLength: 10, maxLength: 30 }), async (operations) => {
      history += 1;
      const organization = await createOrg(t.ctx, buildOrganizationFields({ parentId: tenants.federation.id, code: `prop-${dialect}-${history}`, nameJa: `労働者協同組合性質${history}` }));
      await setCapitalRules(t.ctx, admin, organization.id, { effectiveFrom: '2020-04-01', sharePrice: 1_000 });
      const members: string[] = [];
      for (let i = 0; i < 5; i++) {
        const registered = await registerMember(t.ctx, admin, organization.id, {
          person: { familyName: '性質', givenName: `${i}`, familyKana: 'セイシツ', givenKana: 'イチ', birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: null, address: null },
          memberNumber: `P-${i}`, kind: 'worker', firstEvent: 'admit', effectiveDate: '2020-04-01',
        });
        members.push(registered.membership.id);
        // Everyone starts with two shares, paid for by some and owed by others, so that every movement has something to move.
        await subscribeShares(t.ctx, admin, registered.membership.id, { date: '2020-04-01', shares: 2, firstPayment: i % 2 === 0 ? { amount: 2_000, method: 'bank', founding: false } : null });
      }
      const posted: string[] = [];
      const capExceeded: string[] = [];
      /** After a member acquires shares, the cap (35% at most, with an approved takeover) holds above three holders. */
      const checkCap = async (membershipId: string) => {
        const rows = await t.ctx.db.selectFrom('journal_lines').select(['membership_id', (eb) => eb.fn.sum<string | number>('shares').as('shares')])
          .where('organization_id', '=', organization.id).where('account', '=', 'capital').groupBy('membership_id').execute();
        const holdings = new Map(rows.map((r) => [r.membership_id, Number(r.shares)]).filter(([, n]) => (n as number) > 0) as [string, number][]);
        const total = [...holdings.values()].reduce((a, b) => a + b, 0);
        if (holdings.size > 3 && (holdings.get(membershipId) ?? 0) * 100 > total * 35) capExceeded.push(`${membershipId}: ${holdings.get(membershipId)} of ${total}`);
      };
      let day = 0;
      for (const step of operations) {
        day += 1;
        const date = new Date(Date.UTC(2021, 0, day * 20)).toISOString().slice(0, 10);
        try {
          switch (step.op) {
            case 'subscribe':
              posted.push(...(await subscribeShares(t.ctx, admin, members[step.member]!, {
                date, shares: step.shares, firstPayment: step.pay > 0 ? { amount: step.pay * 250 * step.shares, method: 'bank', founding: false } : null,
              })).map((e) => e.id));
              await checkCap(members[step.member]!);
              break;
            case 'pay':
              posted.push((await recordPayment(t.ctx, admin, members[step.member]!, { date, amount: step.amount, method: 'payroll' })).id);
              break;
            case 'transfer':
              posted.push((await transferShares(t.ctx, admin, members[step.member]!, {
                date, toMembershipId: members[step.to]!, shares: step.shares, approval: 'board', approvedTakeover: step.takeover,
              })).id);
              await checkCap(members[step.to]!);
              break;
            case 'withdraw':
              posted.push((await withdrawShares(t.ctx, admin, members[step.member]!, { date, shares: step.shares })).id);
              break;
            case 'refund':
              posted.push((await payRefund(t.ctx, admin, members[step.member]!, { date: `${Number(date.slice(0, 4)) + 2}${date.slice(4)}`, amount: step.amount })).id);
              break;
            case 'writeDown':
              posted.push((await writeDownCapital(t.ctx, admin, members[step.member]!, { date, amount: step.amount, reason: 'loss' })).id);
              break;
            case 'reverse': {
              const target = posted[posted.length - 1 - (step.back % Math.max(posted.length, 1))];
              if (!target) continue;
              posted.push((await reverseEntry(t.ctx, admin, target, { date, reason: 'mistake' })).id);
              break;
            }
          }
          succeeded.set(step.op, (succeeded.get(step.op) ?? 0) + 1);
        } catch (error) {
          // A refusal is a rule speaking; anything else is a bug.
          if (!(error instanceof DomainError)) throw error;
        }
      }

      const lines = await t.ctx.db.selectFrom('journal_lines').selectAll().where('organization_id', '=', organization.id).execute();
      // Every entry balances to the yen.
      const perEntry = new Map<string, number>();
      for (const l of lines) perEntry.set(l.entry_id, (perEntry.get(l.entry_id) ?? 0) + Number(l.amount));
      for (const [entry, sum] of perEntry) expect(sum, `entry ${entry}`).toBe(0);
      // Every member's position equals the sum of the entries that name them; none goes negative; refunds stay within payments.
      const asLines: JournalLine[] = lines.map((l) => ({ account: l.account as JournalLine['account'], membershipId: l.membership_id, amount: Number(l.amount), shares: Number(l.shares) }));
      for (const id of members) {
        const position = applyLines(emptyPosition, asLines, id);
        expect(position.shares).toBeGreaterThanOrEqual(0);
        expect(position.unpaid).toBeGreaterThanOrEqual(0);
        expect(position.paid).toBeGreaterThanOrEqual(0);
        expect(position.refundPayable).toBeGreaterThanOrEqual(0);
        const paidIn = -asLines.filter((l) => l.membershipId === id && l.account === 'capital-unpaid' && l.amount < 0).reduce((s, l) => s + l.amount, 0);
        const refunded = asLines.filter((l) => l.membershipId === id && l.account === 'refund-payable' && l.amount > 0).reduce((s, l) => s + l.amount, 0);
        const received = asLines.filter((l) => l.membershipId === id && l.account === 'capital' && l.shares > 0 && l.amount < 0).reduce((s, l) => s - l.amount, 0);
        expect(refunded, `refunds of ${id}`).toBeLessThanOrEqual(paidIn + received);
        const register = (await t.app.inject({ url: `/api/v1/memberships/${id}/capital`, headers: { authorization: await t.bearer(tenants.users.federationAdmin) } })).json<{ position: unknown }>();
        expect(register.position).toEqual(position);
      }
      expect(capExceeded, 'a member acquired shares beyond the cap').toEqual([]);
    }), { numRuns: 25, seed: 20261126 });
    // The histories must have gone through every kind of movement, or the invariants were checked on too little.
    expect([...succeeded.keys()].sort()).toEqual(['pay', 'refund', 'reverse', 'subscribe', 'transfer', 'withdraw', 'writeDown']);
  }, 120_000);
});
