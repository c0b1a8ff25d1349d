import { randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/access/policy.js';
import { receiptFrom } from '../../domain/governance/vocabulary.js';
import { BulkWriter } from '../../db/bulk-insert.js';
import { createUser } from '../accounts/users.js';
import { systemActor } from '../audit/record-audit.js';
import { addSeat, establishBody } from '../governance/bodies.js';
import { recordBylawVersion } from '../governance/bylaws.js';
import { addMotion, createMeeting, updateMeeting } from '../governance/meetings.js';
import { conveneMeeting } from '../governance/notice.js';
import { checkIn, closeMeeting, closeMotion, openSession } from '../governance/room.js';
import { appointProxy, castBallot, recordWrittenBallot } from '../governance/voting.js';
import { registerMember } from '../members/register-member.js';
import { today, type AppContext } from '../shared/context.js';
import { submitClosing } from '../surplus/settle-closing.js';
import { loadDemoWorkYear, proposeDemoClose } from './demo-surplus.js';

/**
 * The demo's governance at the Centre Jigyodan: founding bylaws, a board, last June's ordinary general assembly
 * held and decided (accounts approved, directors elected by approval voting), and an extraordinary assembly
 * convened for January with its motions open — a bylaw change and an STV election of delegates — so that the demo
 * members can vote. Everything goes through the use cases, as a co-op's clerks would enter it.
 */
const people: [string, string, string, string][] = [
  ['佐々木', '真理', 'ササキ', 'マリ'], ['高橋', '誠', 'タカハシ', 'マコト'], ['田中', '陽子', 'タナカ', 'ヨウコ'], ['伊藤', '健一', 'イトウ', 'ケンイチ'],
  ['渡辺', '直美', 'ワタナベ', 'ナオミ'], ['中村', '亮', 'ナカムラ', 'リョウ'], ['小林', '由美', 'コバヤシ', 'ユミ'], ['加藤', '大輔', 'カトウ', 'ダイスケ'],
  ['吉田', '恵', 'ヨシダ', 'メグミ'], ['山口', '隆', 'ヤマグチ', 'タカシ'], ['松本', '千尋', 'マツモト', 'チヒロ'], ['井上', '浩', 'イノウエ', 'ヒロシ'],
];

export const demoMemberAccounts = ['member1@kyodo.example', 'member2@kyodo.example', 'member3@kyodo.example'];

const at = (ctx: AppContext, iso: string): AppContext => ({ ...ctx, now: () => new Date(iso) });

/**
 * `existingMembers`: take the people from the registry (the seed-scale demo, whose figures must stay the seed's)
 * rather than registering twelve.
 */
export async function loadDemoGovernance(ctx: AppContext, organizationId: string, password: string, existingMembers = false): Promise<{ adminEmail: string }> {
  const adminEmail = 'center-admin@kyodo.example';
  const admin = await createUser(ctx, null, systemActor('demo'), { email: adminEmail, displayName: 'センター事業団 管理者', password, role: 'org-admin', organizationId });
  const actor: Actor = { userId: admin.id, email: admin.email, role: 'org-admin', organizationId };
  const past = at(ctx, '2026-04-01T00:00:00Z');
  const members = existingMembers ? await membersOf(ctx, organizationId) : await registerDemoMembers(past, actor, organizationId);
  for (const [i, email] of demoMemberAccounts.entries()) {
    await createUser(ctx, null, systemActor('demo'), { email, displayName: members[i]!.name, password, role: 'member', organizationId, membershipId: members[i]!.membership.id });
  }
  const voter = (i: number): Actor => ({ userId: `demo-member-${i}`, email: `member${i + 1}`, role: 'member', organizationId, personId: members[i]!.person.id });

  await recordBylawVersion(past, actor, organizationId, {
    title: '労働者協同組合ワーカーズコープ・センター事業団 定款', text: '第1章 総則\n第1条（目的）この組合は、組合員が出資し、それぞれの意見を反映して組合の事業が行われ、及び組合員自らが事業に従事することを基本原理として…',
    settings: {
      fiscalYearStartMonth: 4, sharePrice: 10_000, meetingNoticeDays: 14, proxyCapPerHolder: 5, legalReserveTarget: 5_000_000,
      workMeasure: 'weighted_hours', roleWeights: { coordinator: 125 }, withholdDividends: true,
    },
    foundingEffectiveFrom: '2022-10-03',
  });
  const board = await establishBody(past, actor, organizationId, { kind: 'board' });
  await addSeat(past, actor, board.id, { membershipId: members[0]!.membership.id, role: 'representative_director', termFrom: '2025-06-22', termUntil: '2027-06-21' });
  for (const i of [1, 2]) await addSeat(past, actor, board.id, { membershipId: members[i]!.membership.id, role: 'director', termFrom: '2025-06-22', termUntil: '2027-06-21' });
  await addSeat(past, actor, board.id, { membershipId: members[11]!.membership.id, role: 'auditor', termFrom: '2025-06-22', termUntil: '2029-06-21' });

  // Fiscal 2025's work and its close, proposed in May (the seed-scale demo keeps its registry's figures and has none).
  let closing = null;
  if (!existingMembers) {
    await loadDemoWorkYear(past, actor, organizationId, members);
    closing = await proposeDemoClose(at(ctx, '2026-05-20T01:00:00Z'), actor, organizationId);
  }

  // Last June's ordinary general assembly, held and decided.
  const june = at(ctx, '2026-06-01T01:00:00Z');
  const agm = await createMeeting(june, actor, organizationId, {
    bodyKind: 'general_assembly', title: '第4回通常総会', startsAt: '2026-06-21T04:00:00Z', endsAt: '2026-06-21T06:30:00Z', place: '豊島区東池袋 協同会館 3階ホール',
    onlineUrl: 'https://meet.example/jigyodan-agm', recordDate: '2026-05-31', votingDeadline: '2026-06-20T09:00:00Z',
  });
  const accounts = await addMotion(june, actor, agm.id, { kind: 'ordinary', title: '2025年度事業報告および決算承認の件', body: '2025年度の事業報告、貸借対照表、損益計算書の承認を求める。' });
  // The surplus appropriation, from the close: adopted with the others, it is posted to the ledger.
  const surplus = closing ? await submitClosing(june, actor, closing.id, { meetingId: agm.id, version: closing.version }) : null;
  const ordinary = surplus?.motionId ? [accounts.id, surplus.motionId] : [accounts.id];
  const plan = await addMotion(june, actor, agm.id, { kind: 'ordinary', title: '2026年度事業計画および予算決定の件' });
  const election = await addMotion(june, actor, agm.id, {
    kind: 'election', title: '理事補充選任の件', electionMethod: 'approval', office: 'director', seats: 1,
    candidates: [{ membershipId: members[3]!.membership.id, statement: '介護事業所の現場から' }, { membershipId: members[4]!.membership.id, statement: '子育て支援の拡充を' }],
  });
  await conveneMeeting(at(ctx, '2026-06-05T01:00:00Z'), actor, { mailer: null, from: 'demo@localhost' }, agm.id, { noticeDate: '2026-06-05', sendEmail: false });
  const early = at(ctx, '2026-06-10T03:00:00Z');
  for (const i of [5, 6, 7]) {
    for (const motionId of ordinary) await castBallot(early, voter(i), motionId, { choice: i === 7 ? 'against' : 'for' });
    await castBallot(early, voter(i), plan.id, { choice: 'for' });
    await castBallot(early, voter(i), election.id, { choice: [(await candidateIds(ctx, election.id))[i === 5 ? 1 : 0]!] });
  }
  // At the seed's scale the assembly is quorate through the written votes of more than half its thousands of members.
  if (existingMembers) await writtenVotesInBulk(ctx, agm.id, members.map((m) => m.person.id), [accounts.id, plan.id], election.id, await candidateIds(ctx, election.id));
  for (const motionId of ordinary) await recordWrittenBallot(early, actor, motionId, { personId: members[8]!.person.id, choice: 'for' });
  await recordWrittenBallot(early, actor, plan.id, { personId: members[8]!.person.id, choice: 'abstain' });
  await appointProxy(early, actor, agm.id, { grantorPersonId: members[9]!.person.id, holderPersonId: members[0]!.person.id });
  const held = at(ctx, '2026-06-21T04:00:00Z');
  await openSession(held, actor, agm.id, { chairPersonId: members[0]!.person.id });
  for (const i of [0, 1, 2, 3, 4]) await checkIn(held, actor, agm.id, { personId: members[i]!.person.id, mode: i === 4 ? 'online' : 'in_person' });
  const room = at(ctx, '2026-06-21T05:00:00Z');
  for (const i of [0, 1, 2, 3, 4]) {
    for (const motionId of ordinary) await castBallot(room, voter(i), motionId, { choice: 'for' });
    await castBallot(room, voter(i), plan.id, { choice: i === 4 ? 'against' : 'for' });
    await castBallot(room, voter(i), election.id, { choice: [(await candidateIds(ctx, election.id))[i < 3 ? 0 : 1]!] });
  }
  for (const motionId of ordinary) await castBallot(room, voter(0), motionId, { choice: 'for', forPersonId: members[9]!.person.id });
  for (const motionId of [...ordinary, plan.id, election.id]) await closeMotion(at(ctx, '2026-06-21T06:00:00Z'), actor, motionId, {});
  await updateMeeting(held, actor, agm.id, (await versionOf(ctx, agm.id)), { minutesSigners: [members[1]!.name, members[2]!.name] });
  await closeMeeting(at(ctx, '2026-06-21T06:20:00Z'), actor, agm.id);

  // January's extraordinary assembly: convened, its motions open for written and electronic votes.
  const proposal = await recordBylawVersion(ctx, actor, organizationId, {
    title: '定款変更案（総代会の設置）', text: '第○条（総代会）この組合に、総会に代わるべき総代会を設ける。…', settings: { meetingNoticeDays: 14, proxyCapPerHolder: 3 },
  });
  const egm = await createMeeting(ctx, actor, organizationId, {
    bodyKind: 'general_assembly', title: '第5回臨時総会', startsAt: '2027-01-24T04:00:00Z', endsAt: '2027-01-24T06:00:00Z', place: '豊島区東池袋 協同会館 3階ホール',
    onlineUrl: 'https://meet.example/jigyodan-egm', recordDate: today(ctx), votingDeadline: '2027-01-23T09:00:00Z',
  });
  await addMotion(ctx, actor, egm.id, { kind: 'special', title: '定款一部変更の件', body: '代理人一人が代理できる数を5人から3人に改める。', bylawVersionId: proposal.id });
  await addMotion(ctx, actor, egm.id, {
    kind: 'election', title: '監事選任の件（2名）', electionMethod: 'stv_scottish', office: 'auditor', seats: 2,
    candidates: [5, 6, 7, 8].map((i) => ({ membershipId: members[i]!.membership.id })),
  });
  await conveneMeeting(ctx, actor, { mailer: null, from: 'demo@localhost' }, egm.id, { sendEmail: false });
  return { adminEmail };
}

async function candidateIds(ctx: AppContext, motionId: string): Promise<string[]> {
  return (await ctx.db.selectFrom('candidates').select('id').where('motion_id', '=', motionId).orderBy('position').execute()).map((c) => c.id);
}

async function versionOf(ctx: AppContext, meetingId: string): Promise<number> {
  return Number((await ctx.db.selectFrom('meetings').select('version').where('id', '=', meetingId).executeTakeFirstOrThrow()).version);
}

interface DemoMember {
  membership: { id: string };
  person: { id: string };
  name: string;
}

async function registerDemoMembers(ctx: AppContext, actor: Actor, organizationId: string): Promise<DemoMember[]> {
  const members: DemoMember[] = [];
  for (const [i, [familyName, givenName, familyKana, givenKana]] of people.entries()) {
    const registered = await registerMember(ctx, actor, organizationId, {
      person: { familyName, givenName, familyKana, givenKana, birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: '13', address: null },
      memberNumber: `C-${String(i + 1).padStart(3, '0')}`, kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01',
    });
    members.push({ ...registered, name: `${familyName} ${givenName}` });
  }
  return members;
}

/**
 * Twelve members from the registry: the first five by member number (the first three are the directors the seed-scale
 * data exempts from a labour contract), then seven without a labour contract, who may serve as auditors.
 */
async function membersOf(ctx: AppContext, organizationId: string): Promise<DemoMember[]> {
  const rows = await ctx.db.selectFrom('memberships').innerJoin('people', 'people.id', 'memberships.person_id')
    .select(['memberships.id', 'memberships.person_id', 'people.family_name', 'people.given_name',
      (eb) => eb.exists(eb.selectFrom('engagements').select('engagements.id').whereRef('engagements.person_id', '=', 'memberships.person_id')
        .where('engagements.labour_contract_from', 'is not', null)).as('contract')])
    .where('memberships.organization_id', '=', organizationId).where('memberships.status', '=', 'admitted').where('memberships.admitted_on', '<', '2025-04-01')
    .orderBy('memberships.member_number_key').limit(2_000).execute();
  const toMember = (r: (typeof rows)[number]): DemoMember => ({ membership: { id: r.id }, person: { id: r.person_id }, name: `${r.family_name} ${r.given_name}` });
  const first = rows.slice(0, 5);
  const free = rows.slice(5).filter((r) => !r.contract).slice(0, 7);
  if (free.length < 7) throw new Error('the demo needs seven members without a labour contract to serve as auditors');
  return [...first, ...free].map(toMember);
}

/**
 * Written votes of 55% of the electorate, written in bulk as the scale demo writes its registry: a record of who
 * voted and a ballot with a fresh receipt for each, in one transaction.
 */
async function writtenVotesInBulk(ctx: AppContext, meetingId: string, exclude: string[], motionIds: string[], electionId: string, candidates: string[]): Promise<void> {
  const skip = new Set(exclude);
  const voters = (await ctx.db.selectFrom('electorate').select('person_id').where('meeting_id', '=', meetingId).orderBy('person_id').execute())
    .map((r) => r.person_id).filter((id) => !skip.has(id));
  const writing = voters.slice(0, Math.ceil(voters.length * 0.55));
  await ctx.db.transaction().execute(async (trx) => {
    const cast = new BulkWriter(trx, ctx.dialect, 'votes_cast', ['motion_id', 'person_id', 'channel', 'proxy_person_id', 'open_choice', 'recorded_by']);
    const ballots = new BulkWriter(trx, ctx.dialect, 'ballots', ['motion_id', 'receipt', 'choice']);
    for (const [i, personId] of writing.entries()) {
      for (const [m, motionId] of motionIds.entries()) {
        await cast.add(motionId, personId, 'written', null, null, 'system:demo');
        await ballots.add(motionId, receiptFrom(randomBytes(20)), i % 10 < 8 || m === 1 ? 'for' : i % 10 === 8 ? 'against' : 'abstain');
      }
      await cast.add(electionId, personId, 'written', null, null, 'system:demo');
      await ballots.add(electionId, receiptFrom(randomBytes(20)), JSON.stringify([candidates[i % 3 === 0 ? 1 : 0]]));
    }
    await cast.flush();
    await ballots.flush();
  });
}
