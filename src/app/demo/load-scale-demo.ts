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
import { inTransaction, isoNow, newId, type AppContext } from '../shared/context.js';
import { loadDemo, type DemoAccounts } from './load-demo.js';
import { loadDemoGovernance } from './demo-governance.js';
import { SearchTokenBatch } from '../members/member-rows.js';
import { DemoCapital } from './demo-capital.js';

/** JWCU as of March 2017 (the seed): 25 member organizations, 13,420 worker members, 51,206 older persons' co-op members. */
export const jwcuScale = { organizations: 25, workerMembers: 13_420, userMembers: 51_206 } as const;

/** A small deterministic generator, so every build of the demo is the same. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

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

/** Splits `total` over `weights` in whole numbers that add up exactly (largest remainder). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  const remainder = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < remainder; k++) counts[order[k]![1]]! += 1;
  return counts;
}

export type Progress = (done: number, total: number) => void;

/**
 * Builds the seed's federation at full scale into an empty database: the small demo's organizations and accounts,
 * twenty more organizations, and 64,626 members with kana, addresses across Japan, engagement and labour contracts
 * for worker members, and non-member workers well within the Act's quarter.
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
  const plan = [...workerOrgs.map((o, i) => ({ o, kind: 'worker', n: workerCounts[i]! })), ...userOrgs.map((o, i) => ({ o, kind: 'user', n: userCounts[i]! }))];
  const total = plan.reduce((a, p) => a + p.n, 0);
  const rng = random(2017);
  let done = 0;
  const capitalRulesWritten = new Set<string>();
  for (const { o, kind, n } of plan) {
    await inTransaction(ctx, async (trx) => {
      const at = isoNow(ctx);
      const people: Insertable<PersonTable>[] = [];
      const memberships: Insertable<MembershipTable>[] = [];
      const events: Insertable<MembershipEventTable>[] = [];
      const tokens = new SearchTokenBatch(o.id);
      const engagements: Insertable<EngagementTable>[] = [];
      const prefecture = o.prefecture_code ?? '13';
      const person = (): Insertable<PersonTable> => {
        const [familyName, familyKana] = rng.pick(familyNames);
        const [givenName, givenKana] = rng.pick(givenNames);
        const birthYear = kind === 'user' ? rng.int(1925, 1955) : rng.int(1950, 2004);
        return {
          id: newId(), family_name: familyName, given_name: givenName, family_kana: familyKana, given_kana: givenKana,
          birth_date: `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
          email: null, phone: null, postal_code: `${prefecture}${String(rng.int(0, 99999)).padStart(5, '0')}`, prefecture_code: prefecture,
          address: `${prefecturalCapitals[Number(prefecture) - 1]}${rng.int(1, 9)}丁目${rng.int(1, 30)}-${rng.int(1, 20)}`, version: 1, created_at: at, updated_at: at,
        };
      };
      const capital = new DemoCapital(trx, ctx.dialect, o.id, kind, at);
      if (!capitalRulesWritten.has(o.id)) {
        await capital.rules();
        capitalRulesWritten.add(o.id);
      }
      const subscriptions: [string, string, number][] = [];
      const exemptions: LabourContractExemption[] = ['representative-director', 'full-time-director', 'full-time-director'];
      for (let i = 0; i < n; i++) {
        const p = person();
        const admittedOn = `${rng.int(1990, 2017)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
        const membershipId = newId();
        const memberNumber = `${kind === 'worker' ? 'W' : 'U'}${String(i + 1).padStart(6, '0')}`;
        people.push(p);
        memberships.push({
          id: membershipId, organization_id: o.id, person_id: p.id!, member_number: memberNumber, member_number_key: memberNumberSortKey(memberNumber), kind, status: 'admitted', admitted_on: admittedOn,
          ended_on: null, last_event_on: admittedOn, version: 1, created_at: at, updated_at: at,
        });
        events.push({ id: newId(), membership_id: membershipId, seq: 1, type: 'admit', effective_date: admittedOn, reason: null, recorded_at: at, recorded_by: 'system:demo' });
        tokens.add({ familyName: p.family_name!, givenName: p.given_name!, familyKana: p.family_kana!, givenKana: p.given_kana! }, memberNumber, membershipId);
        subscriptions.push([membershipId, admittedOn, kind === 'worker' ? rng.int(1, 5) : rng.int(1, 10)]);
        // Most worker members work in the co-op (the Act asks at least 4/5) under a labour contract; a few directors are exempt.
        if (kind === 'worker' && rng.next() < 0.93) {
          const exemption = exemptions[i] ?? null;
          engagements.push({
            id: newId(), organization_id: o.id, person_id: p.id!, site: null, started_on: admittedOn, ended_on: null,
            labour_contract_from: exemption ? null : admittedOn, labour_contract_until: null, exemption, version: 1, created_at: at, updated_at: at,
          });
        }
      }
      // Non-member workers: about one in seven of the worker members, well under a quarter of all workers.
      if (kind === 'worker') {
        for (let i = 0; i < Math.floor(n / 7); i++) {
          const p = person();
          people.push(p);
          const startedOn = `${rng.int(2010, 2017)}-04-01`;
          engagements.push({
            id: newId(), organization_id: o.id, person_id: p.id!, site: null, started_on: startedOn, ended_on: null,
            labour_contract_from: startedOn, labour_contract_until: null, exemption: null, version: 1, created_at: at, updated_at: at,
          });
        }
      }
      await bulkInsert(trx, ctx.dialect, 'people', people);
      await bulkInsert(trx, ctx.dialect, 'memberships', memberships);
      await bulkInsert(trx, ctx.dialect, 'membership_events', events);
      await tokens.insert(trx, ctx.dialect);
      await bulkInsert(trx, ctx.dialect, 'engagements', engagements);
      for (const [membershipId, admittedOn, shares] of subscriptions) await capital.member(membershipId, admittedOn, shares);
      await capital.flush();
      await recordAudit(trx, actor, {
        organizationId: o.id, entityType: 'membership', entityId: o.id, action: 'demo_import', before: null,
        after: { members: n, kind, nonMemberWorkers: kind === 'worker' ? Math.floor(n / 7) : 0 },
      }, at);
    });
    done += n;
    progress(done, total);
  }
  await refreshStatistics(ctx.db, ctx.dialect, [...registryTables, 'capital_rules', 'journal_entries', 'journal_lines']);
  const center = organizations.find((o) => o.code === 'center-jigyodan')!;
  await loadDemoGovernance(ctx, center.id, password, true);
  return accounts;
}
