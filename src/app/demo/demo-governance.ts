import type { Actor } from '../../domain/access/policy.js';
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

export async function loadDemoGovernance(ctx: AppContext, organizationId: string, password: string): Promise<{ adminEmail: string }> {
  const adminEmail = 'center-admin@kyodo.example';
  const admin = await createUser(ctx, null, systemActor('demo'), { email: adminEmail, displayName: 'センター事業団 管理者', password, role: 'org-admin', organizationId });
  const actor: Actor = { userId: admin.id, email: admin.email, role: 'org-admin', organizationId };
  const past = at(ctx, '2026-04-01T00:00:00Z');
  const members: Awaited<ReturnType<typeof registerMember>>[] = [];
  for (const [i, [familyName, givenName, familyKana, givenKana]] of people.entries()) {
    members.push(await registerMember(past, actor, organizationId, {
      person: { familyName, givenName, familyKana, givenKana, birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: '13', address: null },
      memberNumber: `C-${String(i + 1).padStart(3, '0')}`, kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01',
    }));
  }
  for (const [i, email] of demoMemberAccounts.entries()) {
    await createUser(ctx, null, systemActor('demo'), { email, displayName: `${people[i]![0]} ${people[i]![1]}`, password, role: 'member', organizationId, membershipId: members[i]!.membership.id });
  }
  const voter = (i: number): Actor => ({ userId: `demo-member-${i}`, email: `member${i + 1}`, role: 'member', organizationId, personId: members[i]!.person.id });

  await recordBylawVersion(past, actor, organizationId, {
    title: '労働者協同組合ワーカーズコープ・センター事業団 定款', text: '第1章 総則\n第1条（目的）この組合は、組合員が出資し、それぞれの意見を反映して組合の事業が行われ、及び組合員自らが事業に従事することを基本原理として…',
    settings: { fiscalYearStartMonth: 4, sharePrice: 10_000, meetingNoticeDays: 14, proxyCapPerHolder: 5 }, foundingEffectiveFrom: '2022-10-03',
  });
  const board = await establishBody(past, actor, organizationId, { kind: 'board' });
  await addSeat(past, actor, board.id, { membershipId: members[0]!.membership.id, role: 'representative_director', termFrom: '2025-06-22', termUntil: '2027-06-21' });
  for (const i of [1, 2]) await addSeat(past, actor, board.id, { membershipId: members[i]!.membership.id, role: 'director', termFrom: '2025-06-22', termUntil: '2027-06-21' });
  await addSeat(past, actor, board.id, { membershipId: members[11]!.membership.id, role: 'auditor', termFrom: '2025-06-22', termUntil: '2029-06-21' });

  // Last June's ordinary general assembly, held and decided.
  const june = at(ctx, '2026-06-01T01:00:00Z');
  const agm = await createMeeting(june, actor, organizationId, {
    bodyKind: 'general_assembly', title: '第4回通常総会', startsAt: '2026-06-21T04:00:00Z', endsAt: '2026-06-21T06:30:00Z', place: '豊島区東池袋 協同会館 3階ホール',
    onlineUrl: 'https://meet.example/jigyodan-agm', recordDate: '2026-05-31', votingDeadline: '2026-06-20T09:00:00Z',
  });
  const accounts = await addMotion(june, actor, agm.id, { kind: 'ordinary', title: '2025年度事業報告および決算承認の件', body: '2025年度の事業報告、貸借対照表、損益計算書、剰余金処分案の承認を求める。' });
  const plan = await addMotion(june, actor, agm.id, { kind: 'ordinary', title: '2026年度事業計画および予算決定の件' });
  const election = await addMotion(june, actor, agm.id, {
    kind: 'election', title: '理事補充選任の件', electionMethod: 'approval', office: 'director', seats: 1,
    candidates: [{ membershipId: members[3]!.membership.id, statement: '介護事業所の現場から' }, { membershipId: members[4]!.membership.id, statement: '子育て支援の拡充を' }],
  });
  await conveneMeeting(at(ctx, '2026-06-05T01:00:00Z'), actor, { mailer: null, from: 'demo@localhost' }, agm.id, { noticeDate: '2026-06-05', sendEmail: false });
  const early = at(ctx, '2026-06-10T03:00:00Z');
  for (const i of [5, 6, 7]) {
    await castBallot(early, voter(i), accounts.id, { choice: i === 7 ? 'against' : 'for' });
    await castBallot(early, voter(i), plan.id, { choice: 'for' });
    await castBallot(early, voter(i), election.id, { choice: [(await candidateIds(ctx, election.id))[i === 5 ? 1 : 0]!] });
  }
  await recordWrittenBallot(early, actor, accounts.id, { personId: members[8]!.person.id, choice: 'for' });
  await recordWrittenBallot(early, actor, plan.id, { personId: members[8]!.person.id, choice: 'abstain' });
  await appointProxy(early, actor, agm.id, { grantorPersonId: members[9]!.person.id, holderPersonId: members[0]!.person.id });
  const held = at(ctx, '2026-06-21T04:00:00Z');
  await openSession(held, actor, agm.id, { chairPersonId: members[0]!.person.id });
  for (const i of [0, 1, 2, 3, 4]) await checkIn(held, actor, agm.id, { personId: members[i]!.person.id, mode: i === 4 ? 'online' : 'in_person' });
  const room = at(ctx, '2026-06-21T05:00:00Z');
  for (const i of [0, 1, 2, 3, 4]) {
    await castBallot(room, voter(i), accounts.id, { choice: 'for' });
    await castBallot(room, voter(i), plan.id, { choice: i === 4 ? 'against' : 'for' });
    await castBallot(room, voter(i), election.id, { choice: [(await candidateIds(ctx, election.id))[i < 3 ? 0 : 1]!] });
  }
  await castBallot(room, voter(0), accounts.id, { choice: 'for', forPersonId: members[9]!.person.id });
  for (const motion of [accounts, plan, election]) await closeMotion(at(ctx, '2026-06-21T06:00:00Z'), actor, motion.id, {});
  await updateMeeting(held, actor, agm.id, (await versionOf(ctx, agm.id)), { minutesSigners: [`${people[1]![0]} ${people[1]![1]}`, `${people[2]![0]} ${people[2]![1]}`] });
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
