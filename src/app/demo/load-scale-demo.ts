import type { Insertable } from 'kysely';
import { familyNames, givenNames, prefecturalCapitals } from '../../domain/demo/japanese-names.js';
import type { LabourContractExemption } from '../../domain/members/member.js';
import { memberNumberSortKey } from '../../domain/members/member-number.js';
import type { OrganizationFields } from '../../domain/organizations/organization.js';
import { bulkInsert } from '../../db/bulk-insert.js';
import { refreshStatistics } from '../../db/refresh-statistics.js';
import { registryTables } from '../members/import-members.js';
import type { EngagementTable, MembershipEventTable, MembershipTable, PersonTable } from '../../db/schema.js';
import { recordAudit, systemActor } from '../audit/record-audit.js';
import { createOrganization } from '../organizations/write-organizations.js';
import { inTransaction, isoNow, newId, today, type AppContext } from '../shared/context.js';
import { loadDemo, type DemoAccounts } from './load-demo.js';
import { loadDemoCampaigns } from './demo-campaigns.js';
import { loadDemoGovernance } from './demo-governance.js';
import { loadDemoProgrammes } from './demo-programmes.js';
import { DemoCapital } from './demo-capital.js';
import { jwcuYears, loadJwcuBusinesses, type Workforce } from './demo-jwcu-businesses.js';
import { apportion, demoRandom, type DemoRandom } from './demo-random.js';

/**
 * JWCU as of March 2017 (the seed): 25 member organizations, 13,420 worker members, 51,206 older persons' co-op
 * members — the registry's members at the end of fiscal 2016 (`asOf`); the demo's later years move from there.
 */
export const jwcuScale = { organizations: 25, workerMembers: 13_420, userMembers: 51_206, asOf: '2017-03-31' } as const;

/**
 * The demo's registry at the end of fiscal 2025 (31 March 2026) and from then on: the seed's members after nine years
 * of admissions and withdrawals (what a vote of every member today has as its electorate).
 */
export const jwcuScaleLatest = { workerMembers: 16_188, userMembers: 50_961, asOf: '2026-03-31' } as const;

type Template = Pick<OrganizationFields, 'code' | 'nameJa' | 'nameEn' | 'legalForm' | 'lawProfile' | 'prefectureCode' | 'businessLines'> & { weight: number };

const regions: [string, string, string, string][] = [
  ['hokkaido', '北海道', 'Hokkaido', '01'], ['miyagi', 'みやぎ', 'Miyagi', '04'], ['fukushima', 'ふくしま', 'Fukushima', '07'],
  ['ibaraki', 'いばらき', 'Ibaraki', '08'], ['saitama', 'さいたま', 'Saitama', '11'], ['kanagawa', 'かながわ', 'Kanagawa', '14'],
  ['niigata', 'にいがた', 'Niigata', '15'], ['nagano', 'ながの', 'Nagano', '20'], ['shizuoka', 'しずおか', 'Shizuoka', '22'],
  ['aichi', 'あいち', 'Aichi', '23'], ['kyoto', 'きょうと', 'Kyoto', '26'], ['osaka', 'おおさか', 'Osaka', '27'],
  ['hiroshima', 'ひろしま', 'Hiroshima', '34'], ['fukuoka', 'ふくおか', 'Fukuoka', '40'],
];
const workerLines: OrganizationFields['businessLines'][] = [
  ['eldercare', 'childcare'], ['building-maintenance', 'public-facilities'], ['disability-support', 'employment-support'], ['childcare', 'public-facilities'],
];

/** The twenty organizations the small demo lacks, to reach the seed's 25. */
const extraOrganizations: Template[] = [
  ...regions.map(([code, ja, en, pref], i): Template => ({
    code: `wc-${code}`, nameJa: `労働者協同組合ワーカーズコープ${ja}`, nameEn: `Workers Co-op ${en}`, legalForm: 'worker-cooperative',
    lawProfile: 'jp-worker-coop-2022', prefectureCode: pref, businessLines: workerLines[i % workerLines.length]!, weight: 1,
  })),
  ...[['saitama', '埼玉', 'Saitama', '11'], ['kanagawa', '神奈川', 'Kanagawa', '14'], ['osaka', '大阪', 'Osaka', '27'], ['hiroshima', '広島', 'Hiroshima', '34'], ['fukuoka', '福岡', 'Fukuoka', '40']]
    .map(([code, ja, en, pref]): Template => ({
      code: `koreikyo-${code}`, nameJa: `${ja}高齢者生活協同組合`, nameEn: `${en} Older Persons' Co-operative`, legalForm: 'consumer-cooperative',
      lawProfile: 'jp-consumer-coop', prefectureCode: pref!, businessLines: ['eldercare'], weight: 1,
    })),
  {
    code: 'npo-okinawa', nameJa: '特定非営利活動法人 ゆいまーるワーカーズ', nameEn: 'Yuimaru Workers (NPO)', legalForm: 'specified-nonprofit',
    lawProfile: 'ica-generic', prefectureCode: '47', businessLines: ['childcare', 'employment-support'], weight: 1,
  },
];

export type Progress = (done: number, total: number) => void;


/** A member of the demo registry while it is generated, with the dates of their membership and work. */
interface DemoMember {
  membershipId: string;
  person: Insertable<PersonTable>;
  memberNumber: string;
  admittedOn: string;
  shares: number;
  /** Engaged in the work (worker members): from admission, under a labour contract unless exempt. */
  engaged: boolean;
  exemption: LabourContractExemption | null;
  /** A withdrawal: the notice (脱退予告), its reason and the fiscal-year end it took effect at. */
  withdrawal: { notice: string; reason: string; on: string } | null;
}

/** A non-member worker's engagement. */
interface DemoWorker {
  person: Insertable<PersonTable>;
  startedOn: string;
  endedOn: string | null;
}

interface GeneratedOrganization {
  o: { id: string; code: string; prefecture_code: string | null };
  kind: 'worker' | 'user';
  members: DemoMember[];
  workers: DemoWorker[];
}

const workerReasons = ['退職のため', '転居のため', '家族の介護のため', '転職のため', '一身上の都合により'];
const userReasons = ['転居のため', '施設に入所したため', '家族の事情により', '一身上の都合により'];

const ymd = (year: number, month: number, day = 1): string => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** A month of fiscal year `fy` (April–March): 0 is April of `fy`, 11 March of the next year. */
const fiscalMonth = (fy: number, m: number, day = 1): string => (m < 9 ? ymd(fy, m + 4, day) : ymd(fy + 1, m - 8, day));

const fiscalYearEndOf = (fy: number): string => `${fy + 1}-03-31`;
const active = (from: string, until: string | null, date: string): boolean => from <= date && (until === null || until > date);

/** The years the demo's registry moves after the seed's March 2017 (fiscal 2017–2025). */
const firstMovingYear = Number(jwcuScale.asOf.slice(0, 4));

/**
 * One organization's registry: the seed's members, admitted between 1990 and March 2017, and its non-member workers;
 * then, year by year from fiscal 2017, new members (worker members growing some 2 % a year, user members about
 * flat), withdrawals at fiscal-year ends after notice, and non-member workers coming and going.
 */
function generateRegistry(rng: DemoRandom, o: GeneratedOrganization['o'], kind: 'worker' | 'user', n: number): GeneratedOrganization {
  const prefecture = o.prefecture_code ?? '13';
  const person = (): Insertable<PersonTable> => {
    const [familyName, familyKana] = rng.pick(familyNames);
    const [givenName, givenKana] = rng.pick(givenNames);
    const birthYear = kind === 'user' ? rng.int(1925, 1955) : rng.int(1950, 2004);
    return {
      id: newId(), family_name: familyName, given_name: givenName, family_kana: familyKana, given_kana: givenKana,
      birth_date: ymd(birthYear, rng.int(1, 12), rng.int(1, 28)),
      email: null, phone: null, postal_code: `${prefecture}${String(rng.int(0, 99999)).padStart(5, '0')}`, prefecture_code: prefecture,
      address: `${prefecturalCapitals[Number(prefecture) - 1]}${rng.int(1, 9)}丁目${rng.int(1, 30)}-${rng.int(1, 20)}`, version: 1, created_at: '', updated_at: '',
    };
  };
  const exemptions: LabourContractExemption[] = ['representative-director', 'full-time-director', 'full-time-director'];
  const members: DemoMember[] = [];
  const admit = (admittedOn: string): DemoMember => {
    const i = members.length;
    const member: DemoMember = {
      membershipId: newId(), person: person(), memberNumber: `${kind === 'worker' ? 'W' : 'U'}${String(i + 1).padStart(6, '0')}`, admittedOn,
      shares: kind === 'worker' ? rng.int(1, 5) : rng.int(1, 10),
      // Most worker members work in the co-op (the Act asks at least 4/5) under a labour contract; a few directors are exempt.
      engaged: kind === 'worker' && rng.next() < 0.93, exemption: null, withdrawal: null,
    };
    if (member.engaged) member.exemption = exemptions[i] ?? null;
    members.push(member);
    return member;
  };
  // The seed's members, admitted from January 1990 to March 2017 (the seed counts them as of March 2017).
  const seedMonths = (2017 - 1990) * 12 + 3;
  for (let i = 0; i < n; i++) {
    const month = rng.int(0, seedMonths - 1);
    admit(ymd(1990 + Math.floor(month / 12), (month % 12) + 1));
  }
  // Non-member workers: about one in seven of the worker members, well under a quarter of all workers.
  const workers: DemoWorker[] = [];
  if (kind === 'worker') {
    for (let i = 0; i < Math.floor(n / 7); i++) workers.push({ person: person(), startedOn: `${rng.int(2010, 2016)}-04-01`, endedOn: null });
  }
  const admissionRate = kind === 'worker' ? rng.between(0.027, 0.037) : rng.between(0.0045, 0.006);
  const withdrawalRate = kind === 'worker' ? rng.between(0.009, 0.014) : rng.between(0.005, 0.0065);
  const reasons = kind === 'worker' ? workerReasons : userReasons;
  let current = members.slice();
  for (let fy = firstMovingYear; fy <= jwcuYears.last; fy++) {
    const end = fiscalYearEndOf(fy);
    // Withdrawals take effect at the year's end after notice at least 90 days before it (the bylaws' period), from
    // members whose shares are paid up (worker members pay theirs over two years); never the first five, the
    // directors and officers the governance demo takes from the registry.
    const paidUpBy = `${fy - 2}-01-31`;
    const leaving = Math.round(current.length * withdrawalRate);
    const picked = new Set<DemoMember>();
    for (let tries = 0; picked.size < leaving && tries < leaving * 20; tries++) {
      const m = rng.pick(current);
      if (m.admittedOn > paidUpBy || Number(m.memberNumber.slice(1)) <= 5) continue;
      picked.add(m);
    }
    for (const m of picked) {
      const reason = rng.pick(reasons);
      m.withdrawal = { notice: fiscalMonth(fy, rng.int(0, 8), rng.int(1, 28)), reason, on: end };
    }
    current = current.filter((m) => !picked.has(m));
    // New members through the year; fewer in the pandemic's first year.
    const joining = Math.round(current.length * admissionRate * (fy === 2020 ? 0.7 : 1));
    const dates = Array.from({ length: joining }, () => fiscalMonth(fy, rng.int(0, 11))).sort();
    for (const date of dates) current.push(admit(date));
    if (kind === 'worker') {
      // Non-member workers: some leave during the year, new ones keep them near one in seven of the engaged members.
      for (const w of workers) {
        if (w.endedOn === null && rng.next() < 0.06) w.endedOn = fiscalMonth(fy, rng.int(0, 11), rng.int(1, 28));
      }
      const engaged = members.filter((m) => m.engaged && active(m.admittedOn, m.withdrawal?.on ?? null, end)).length;
      const staying = workers.filter((w) => active(w.startedOn, w.endedOn, end)).length;
      for (let k = staying; k < Math.floor(engaged / 7); k++) workers.push({ person: person(), startedOn: fiscalMonth(fy, rng.int(0, 11)), endedOn: null });
    }
  }
  return { o, kind, members, workers };
}

/** The workforce at each fiscal-year end from the seed's year: what the sites' results split by site. */
function workforceOf(g: GeneratedOrganization): Workforce {
  const years = Array.from({ length: jwcuYears.last - jwcuYears.first + 1 }, (_, i) => fiscalYearEndOf(jwcuYears.first + i));
  return {
    members: years.map((end) => g.members.filter((m) => m.engaged && active(m.admittedOn, m.withdrawal?.on ?? null, end)).length),
    nonMembers: years.map((end) => g.workers.filter((w) => active(w.startedOn, w.endedOn, end)).length),
    users: years.map((end) => (g.kind === 'user' ? g.members.filter((m) => active(m.admittedOn, m.withdrawal?.on ?? null, end)).length : 0)),
  };
}

/**
 * Builds the seed's federation at full scale into an empty database: the small demo's organizations and accounts,
 * twenty more organizations, and members with kana, addresses across Japan, engagement and labour contracts for
 * worker members, and non-member workers well within the Act's quarter. At the end of fiscal 2016 (31 March 2017)
 * the registry holds the seed's 13,420 worker and 51,206 older persons' co-op members; later years add members and
 * withdrawals. The businesses follow: some 500 sites with their results for fiscal 2016–2025 (demo-jwcu-businesses.ts).
 */
export async function loadScaleDemo(ctx: AppContext, password: string, progress: Progress = () => undefined): Promise<DemoAccounts | null> {
  const accounts = await loadDemo(ctx, password, { governance: false });
  if (!accounts) return null;
  const actor = systemActor('demo');
  const federation = await ctx.db.selectFrom('organizations').select('id').where('kind', '=', 'federation').executeTakeFirstOrThrow();
  for (const { weight: _weight, ...template } of extraOrganizations) {
    await createOrganization(ctx, null, actor, {
      ...template, kind: 'organization', parentId: federation.id, registrationDate: template.legalForm === 'worker-cooperative' ? '2022-10-01' : '2005-04-01',
      fiscalYearStartMonth: 4, postalCode: null, address: null, status: 'active',
    });
  }
  const organizations = await ctx.db.selectFrom('organizations').select(['id', 'code', 'legal_form', 'prefecture_code']).where('parent_id', '=', federation.id).orderBy('code').execute();
  const workerOrgs = organizations.filter((o) => o.legal_form !== 'consumer-cooperative');
  const userOrgs = organizations.filter((o) => o.legal_form === 'consumer-cooperative');
  // The national Centre Jigyodan is by far the largest worker co-operative; the rest are regional.
  const workerCounts = apportion(jwcuScale.workerMembers, workerOrgs.map((o) => (o.code === 'center-jigyodan' ? 12 : 1)));
  const userCounts = apportion(jwcuScale.userMembers, userOrgs.map((o, i) => (o.code === 'koreikyo-tokyo' ? 4 : 1 + (i % 3))));
  const plan = [
    ...workerOrgs.map((o, i) => ({ o, kind: 'worker' as const, n: workerCounts[i]! })),
    ...userOrgs.map((o, i) => ({ o, kind: 'user' as const, n: userCounts[i]! })),
  ];
  const rng = demoRandom(2017);
  const generated = plan.map(({ o, kind, n }) => generateRegistry(rng, o, kind, n));
  const total = generated.reduce((a, g) => a + g.members.length, 0);
  let done = 0;
  const capitalRulesWritten = new Set<string>();
  for (const g of generated) {
    const { o, kind } = g;
    await inTransaction(ctx, async (trx) => {
      const at = isoNow(ctx);
      const people: Insertable<PersonTable>[] = [];
      const memberships: Insertable<MembershipTable>[] = [];
      const events: Insertable<MembershipEventTable>[] = [];
      const engagements: Insertable<EngagementTable>[] = [];
      const capital = new DemoCapital(trx, ctx.dialect, o.id, kind, at, today(ctx));
      if (!capitalRulesWritten.has(o.id)) {
        await capital.rules();
        capitalRulesWritten.add(o.id);
      }
      let withdrawn = 0;
      for (const m of g.members) {
        const p = { ...m.person, created_at: at, updated_at: at };
        const w = m.withdrawal;
        people.push(p);
        memberships.push({
          id: m.membershipId, organization_id: o.id, person_id: p.id!, member_number: m.memberNumber, member_number_key: memberNumberSortKey(m.memberNumber), kind,
          status: w ? 'withdrawn' : 'admitted', admitted_on: m.admittedOn, ended_on: w?.on ?? null, last_event_on: w?.on ?? m.admittedOn,
          version: w ? 3 : 1, created_at: at, updated_at: at,
        });
        events.push({ id: newId(), membership_id: m.membershipId, seq: 1, type: 'admit', effective_date: m.admittedOn, reason: null, recorded_at: at, recorded_by: 'system:demo' });
        if (w) {
          // 脱退予告 then 脱退 at the fiscal-year end, as recordMembershipEvent records them.
          events.push({ id: newId(), membership_id: m.membershipId, seq: 2, type: 'notify_withdrawal', effective_date: w.notice, reason: w.reason, recorded_at: at, recorded_by: 'system:demo' });
          events.push({ id: newId(), membership_id: m.membershipId, seq: 3, type: 'withdraw', effective_date: w.on, reason: w.reason, recorded_at: at, recorded_by: 'system:demo' });
          withdrawn += 1;
        }
        if (m.engaged) {
          // Leaving the co-op, these members also left its work.
          engagements.push({
            id: newId(), organization_id: o.id, person_id: p.id!, site: null, started_on: m.admittedOn, ended_on: w?.on ?? null,
            labour_contract_from: m.exemption ? null : m.admittedOn, labour_contract_until: m.exemption ? null : w?.on ?? null, exemption: m.exemption,
            version: 1, created_at: at, updated_at: at,
          });
        }
      }
      for (const worker of g.workers) {
        const p = { ...worker.person, created_at: at, updated_at: at };
        people.push(p);
        engagements.push({
          id: newId(), organization_id: o.id, person_id: p.id!, site: null, started_on: worker.startedOn, ended_on: worker.endedOn,
          labour_contract_from: worker.startedOn, labour_contract_until: worker.endedOn, exemption: null, version: 1, created_at: at, updated_at: at,
        });
      }
      await bulkInsert(trx, ctx.dialect, 'people', people);
      await bulkInsert(trx, ctx.dialect, 'memberships', memberships);
      await bulkInsert(trx, ctx.dialect, 'membership_events', events);
      await bulkInsert(trx, ctx.dialect, 'engagements', engagements);
      for (const m of g.members) {
        await capital.member(m.membershipId, m.admittedOn, m.shares);
        if (m.withdrawal) await capital.withdrawal(m.membershipId, m.withdrawal.on, m.shares);
      }
      await capital.flush();
      await recordAudit(trx, actor, {
        organizationId: o.id, entityType: 'membership', entityId: o.id, action: 'demo_import', before: null,
        after: { members: g.members.length, withdrawn, kind, nonMemberWorkers: g.workers.length },
      }, at);
    });
    done += g.members.length;
    progress(done, total);
  }
  await refreshStatistics(ctx.db, ctx.dialect, [...registryTables, 'capital_rules', 'journal_entries', 'journal_lines']);
  await loadJwcuBusinesses(ctx, organizations, new Map(generated.map((g) => [g.o.id, workforceOf(g)])));
  await refreshStatistics(ctx.db, ctx.dialect, ['sites', 'site_results']);
  await loadDemoProgrammes(ctx, { scale: 'jwcu', password });
  await refreshStatistics(ctx.db, ctx.dialect, ['programme_contracts', 'participants', 'participant_activities', 'participant_follow_ups']);
  const center = organizations.find((o) => o.code === 'center-jigyodan')!;
  await loadDemoGovernance(ctx, center.id, password, true);
  // The meetings' electorate (thousands of rows) and its votes: the planner reads them by person on every portal page.
  await refreshStatistics(ctx.db, ctx.dialect, ['meetings', 'motions', 'electorate', 'votes_cast', 'bodies', 'body_seats', 'proxies']);
  // The federation's campaign for the Act, its local governments in the care of the regional organizations.
  await loadDemoCampaigns(ctx);
  return accounts;
}
