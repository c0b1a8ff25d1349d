import type { Insertable } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert.js';
import type {
  CaseAssignmentTable, CommissionerTable, ContractIndicatorTable, ContractSiteTable, ParticipantActivityTable, ParticipantConsentTable,
  ParticipantFollowUpTable, ParticipantOutcomeTable, ParticipantTable, ProgrammeContractTable, SupportPlanTable,
} from '../../db/schema.js';
import { familyNames, givenNames } from '../../domain/demo/japanese-names.js';
import { checkCommissioner, checkContract, commonIndicators, erasureDate, type CommissionerFields, type ContractFields } from '../../domain/programmes/contract.js';
import { localGovernment, localGovernments } from '../../domain/programmes/local-governments.js';
import {
  checkEntryDate, checkIntake, checkMinutes, followUpSchedule, participantReference, placementKinds, type ActivityKind, type AgeBand, type CaseRole,
  type ConsentFields, type FollowUpStatus, type Identity, type OutcomeKind,
} from '../../domain/programmes/participant.js';
import { fiscalYearOf } from '../../domain/shared/fiscal-year.js';
import { createUser } from '../accounts/users.js';
import { recordAudit, systemActor } from '../audit/record-audit.js';
import { seal, type Keyring } from '../crypto/keyring.js';
import { sealContext, type SealedTable } from '../crypto/sealed-columns.js';
import { inTransaction, isoNow, newId, today, type AppContext } from '../shared/context.js';
import { demoRandom, type DemoRandom } from './demo-random.js';

/**
 * The demo's commissioned programmes (委託事業) after the seed (ILO interview, 2017; domain.md §1): Youth Support
 * Stations under the Ministry of Health, Labour and Welfare (22 offices) and the Independence Support System for
 * Needy Persons (生活困窮者自立支援事業, since April 2015) commissioned by 87 local governments; a contract per
 * commissioner, office and fiscal year, and participants with their journeys (intake, plans, activities,
 * placements, follow-ups), their personal data sealed. Names, amounts and cases are illustrative.
 */
export const seedProgrammes = { youthSupportStations: 22, localGovernments: 87 } as const;

/** The small demo's case workers at its Youth Support Station (the Centre Jigyodan's). */
export const demoCaseAccounts = {
  caseworkerEmail: 'center-caseworker@kyodo.example',
  officeLeadEmail: 'center-office-lead@kyodo.example',
} as const;

const ministry = { nameJa: '厚生労働省', nameEn: 'Ministry of Health, Labour and Welfare' } as const;

/** The programmes: what the contracts are named, when they started, what they cost a year, who comes to them. */
type ProgrammeKey = 'yss' | 'consultation' | 'work-preparation';
const programmes: Record<ProgrammeKey, { ja: string; en: string; since: number; amount: [number, number] }> = {
  // The stations' contracts are yearly; the demo keeps the ten since the seed's year.
  'yss': { ja: '地域若者サポートステーション事業', en: 'Regional Youth Support Station programme', since: 2017, amount: [20_000_000, 40_000_000] },
  'consultation': { ja: '生活困窮者自立相談支援事業', en: 'Independent living consultation for needy persons', since: 2015, amount: [10_000_000, 30_000_000] },
  'work-preparation': { ja: '生活困窮者就労準備支援事業', en: 'Work preparation support for needy persons', since: 2015, amount: [5_000_000, 15_000_000] },
};

/** Participants' records are kept five years after a contract's period (the commissioners' usual terms). */
const retentionMonths = 60;

/** A site as the planner sees it (a row of `sites`). */
export interface ProgrammeSite {
  id: string;
  organizationId: string;
  nameJa: string;
  businessLine: string;
  prefectureCode: string | null;
  postalCode: string | null;
  address: string | null;
  commissionerName: string | null;
  commissionerCode: string | null;
  openedOn: string | null;
  closedOn: string | null;
}

export type CommissionerRef = { kind: 'ministry' } | { kind: 'prefecture' | 'municipality'; code: string };

/**
 * A run of yearly contracts: one commissioner, one office, one programme, fiscal years `fromYear`–`untilYear`. A
 * partner is a neighbouring local government (or the prefecture, for its towns and villages) that commissions the
 * same office for its residents (広域実施): fewer participants.
 */
export interface PlannedLine {
  commissioner: CommissionerRef;
  organizationId: string;
  site: ProgrammeSite;
  programme: ProgrammeKey;
  partner: boolean;
  fromYear: number;
  untilYear: number;
}

export interface ProgrammePlan {
  stations: ProgrammeSite[];
  lines: PlannedLine[];
  /** The distinct local governments commissioning the needy persons' programme. */
  localGovernmentCodes: string[];
}

const isStation = (s: ProgrammeSite): boolean => s.businessLine === 'employment-support' && s.commissionerName === ministry.nameJa;
const needyProgramme = (s: ProgrammeSite): ProgrammeKey | null => {
  if (s.businessLine !== 'employment-support' || s.commissionerCode === null) return null;
  if (s.nameJa.includes('就労準備支援')) return 'work-preparation';
  return s.nameJa.includes('生活・就労支援センター') ? 'consultation' : null;
};
const isPrefectureCode = (code: string): boolean => code.slice(2, 5) === '000';

/** The fiscal years (April–March) an office was open within the programme's years. */
function openYears(site: ProgrammeSite, since: number, lastYear: number): [number, number] {
  const from = Math.max(since, site.openedOn ? fiscalYearOf(site.openedOn, 4) : since);
  const until = Math.min(lastYear, site.closedOn ? fiscalYearOf(site.closedOn, 4) : lastYear);
  return [from, until];
}

/**
 * Which commissioner contracts which office for which years. Every Youth Support Station has the ministry's yearly
 * contract. Each needy persons' office is commissioned by the local government its site names; with a target
 * (the seed's 87), neighbouring local governments are added until it is met, in this order: the cities that
 * already commission the same organization in the office's prefecture (their after-school clubs, halls), the
 * prefectures (for their towns and villages), then the other municipalities of those prefectures from the
 * official list. Pure and deterministic: the same sites give the same plan.
 */
export function planDemoProgrammes(sites: readonly ProgrammeSite[], options: { localGovernments: number | null; lastYear: number }): ProgrammePlan {
  const rng = demoRandom(2015);
  const stations = sites.filter(isStation).sort((a, b) => a.nameJa.localeCompare(b.nameJa, 'ja') || a.id.localeCompare(b.id));
  const lines: PlannedLine[] = [];
  for (const site of stations) {
    const [fromYear, untilYear] = openYears(site, programmes.yss.since, options.lastYear);
    if (fromYear <= untilYear) lines.push({ commissioner: { kind: 'ministry' }, organizationId: site.organizationId, site, programme: 'yss', partner: false, fromYear, untilYear });
  }
  const offices = sites.filter((s) => needyProgramme(s) !== null && localGovernment(s.commissionerCode!) !== undefined)
    .map((site) => ({ site, programme: needyProgramme(site)!, years: openYears(site, programmes.consultation.since, options.lastYear) }))
    .filter((o) => o.years[0] <= o.years[1])
    .sort((a, b) => a.site.commissionerCode!.localeCompare(b.site.commissionerCode!) || a.site.nameJa.localeCompare(b.site.nameJa, 'ja') || a.site.id.localeCompare(b.site.id));
  const codes = new Set<string>();
  const commissionerOf = (code: string): CommissionerRef => ({ kind: isPrefectureCode(code) ? 'prefecture' : 'municipality', code });
  for (const { site, programme, years } of offices) {
    codes.add(site.commissionerCode!);
    lines.push({ commissioner: commissionerOf(site.commissionerCode!), organizationId: site.organizationId, site, programme, partner: false, fromYear: years[0], untilYear: years[1] });
  }
  const target = options.localGovernments;
  if (target !== null && codes.size > target) throw new Error(`demo: ${codes.size} local governments commission needy persons' offices, more than ${target}`);
  if (target !== null && offices.length > 0) {
    // The candidates for each office, best first; offices take turns so that the partners spread over them.
    const queues = offices.map((office) => {
      const prefecture = office.site.commissionerCode!.slice(0, 2);
      const ownCities = sites.filter((s) => s.organizationId === office.site.organizationId && s.commissionerCode !== null && !isPrefectureCode(s.commissionerCode)
        && s.commissionerCode.startsWith(prefecture) && localGovernment(s.commissionerCode) !== undefined).map((s) => s.commissionerCode!).sort();
      const others = localGovernments().filter((g) => g.prefectureCode === prefecture && g.level === 'municipality').map((g) => g.code);
      // The prefecture's own code from the list (北海道 010006): it commissions the office for its towns and villages.
      const own = localGovernments().find((g) => g.level === 'prefecture' && g.prefectureCode === prefecture)!.code;
      return { office, candidates: [...new Set([...ownCities, own, ...others])] };
    });
    for (let round = 0; codes.size < target; round++) {
      let added = false;
      for (const q of queues) {
        if (codes.size >= target) break;
        const next = q.candidates.find((c) => !codes.has(c));
        if (next === undefined) continue;
        codes.add(next);
        added = true;
        const { office } = q;
        // A partner joined some years after the office opened (never before the programme's start).
        const fromYear = Math.min(office.years[1], office.years[0] + rng.int(0, 5));
        lines.push({ commissioner: commissionerOf(next), organizationId: office.site.organizationId, site: office.site, programme: office.programme, partner: true, fromYear, untilYear: office.years[1] });
      }
      if (!added) throw new Error(`demo: only ${codes.size} local governments can commission the needy persons' offices, not ${target}`);
    }
  }
  return { stations, lines, localGovernmentCodes: [...codes].sort() };
}

// ——— dates ———

const dayMs = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');
const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
const daysBetween = (from: string, until: string): number => Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const last = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-${pad(Math.min(day, last))}`;
}
/** A record made on a day: 10:00 in Japan. */
const stamp = (date: string): string => `${date}T01:00:00.000Z`;
const minDate = (a: string, b: string): string => (a < b ? a : b);

// ——— what participants' records say (illustrative) ———

const circumstances: Record<'yss' | 'needy', string[]> = {
  yss: [
    '高校卒業後、約3年間就労経験なし。', '大学を中退。対人関係に不安があり、就職活動を中断している。', '前職を体調不良で退職後、1年以上求職活動をしていない。',
    '発達障害の診断あり（本人申告）。医療機関に通院中。', '家族と同居。生活リズムが乱れ、昼夜逆転がある。', '非正規雇用を短期間で繰り返している。',
    'ひきこもり状態が約5年続いた。家族からの相談がきっかけで来所。',
  ],
  needy: [
    '家賃を3か月滞納している。', '失業後、収入が途絶え、生活費が不足している。', '多重債務があり、返済の相談を希望。', '体調不良で離職。生活保護の申請も検討中。',
    '世帯主の失業により世帯収入が減少。', '就労経験が少なく、求職活動の方法が分からない。', '住居を失うおそれがあり、住居確保給付金を申請予定。',
  ],
};
const goals: Record<'yss' | 'needy', string[]> = {
  yss: [
    '生活リズムを整え、週3日プログラムに参加する。', '職場体験を経て、アルバイトから就労を目指す。', 'コミュニケーション講座に参加し、面接の練習をする。',
    '職業訓練の受講を検討し、資格取得を目指す。', '履歴書を作成し、ハローワークと連携して求職活動を始める。',
  ],
  needy: [
    '家計を見直し、滞納家賃の分納計画を立てる。', '住居確保給付金を受給しながら求職活動を行う。', '就労準備支援で生活習慣を整え、就労体験に参加する。',
    'ハローワークと連携し、3か月以内の就職を目指す。', '債務整理について法律相談につなぐ。',
  ],
};
const activityNotes: Partial<Record<ActivityKind, string[]>> = {
  'counselling': ['個別面談。近況と生活リズムを確認。', '個別面談。求人票を一緒に確認した。', '家族同席で面談。今後の進め方を共有。', '電話で状況確認。次回の面談を設定。', '面接の振り返り。次の応募先を検討。'],
  'job-experience': ['協同組合の事業所で職場体験（清掃）。', '介護事業所で職場体験。利用者対応を見学。', '農園で職場体験（収穫作業）。'],
  'group-living': ['合宿型プログラムに参加。'],
};
const outcomeNotes: Record<OutcomeKind, string[]> = {
  'employment': ['製造業・パート（週20時間）', '小売業・正社員', '物流倉庫・アルバイト', '介護職・パート', '事務補助・契約社員'],
  'education': ['通信制高校に入学'],
  'vocational-training': ['公共職業訓練（ITコース）を受講開始', '求職者支援訓練（介護職員初任者研修）を受講開始'],
  'coop-worker': ['ワーカーズコープの事業所で就労開始'],
  'coop-member': ['組合員として加入'],
  'other': ['生活保護の受給を開始', '医療機関での治療に専念', '転居のため支援終了'],
};
const followUpNotes: Partial<Record<FollowUpStatus, string[]>> = {
  'in-work': ['勤務継続中。職場の人間関係も良好。', '勤務時間が増えた。'],
  'not-in-work': ['離職。再度の来所を勧めた。'],
  'unreachable': ['電話がつながらず。手紙を送付。'],
};

/** Age bands at intake: the stations took 15–39 until fiscal 2019 and 15–49 from 2020; the needy persons' programme every age. */
function ageBandOf(rng: DemoRandom, programme: ProgrammeKey, fiscalYear: number): AgeBand {
  if (programme === 'yss') {
    return rng.weighted<AgeBand>([['15-19', 14], ['20-24', 30], ['25-29', 22], ['30-34', 15], ['35-39', 12], ['40-49', fiscalYear >= 2020 ? 10 : 0]]);
  }
  return rng.weighted<AgeBand>([['20-24', 8], ['25-29', 8], ['30-34', 10], ['35-39', 12], ['40-49', 24], ['50-64', 28], ['65+', 10]]);
}
const ageRange: Record<AgeBand, [number, number]> = {
  '15-19': [15, 19], '20-24': [20, 24], '25-29': [25, 29], '30-34': [30, 34], '35-39': [35, 39], '40-49': [40, 49], '50-64': [50, 64], '65+': [65, 79],
};

/** Where participants go: the stations place well over half within a year; the needy persons' programme fewer. */
const outcomeMix: Record<'yss' | 'needy', [OutcomeKind | null, number][]> = {
  yss: [['employment', 50], ['education', 4], ['vocational-training', 5], ['coop-worker', 2], ['coop-member', 1], ['other', 5], [null, 33]],
  needy: [['employment', 38], ['vocational-training', 5], ['coop-worker', 3], ['coop-member', 2], ['other', 17], [null, 35]],
};

/** Participants a year: the small demo's station and office; in the seed-scale demo a sample of each office's cases. */
const intakePerYear = {
  small: { 'yss': 15, 'consultation': 5, 'work-preparation': 3, partner: 1 },
  jwcu: { 'yss': 10, 'consultation': 4, 'work-preparation': 3, partner: 1 },
} as const;

interface Rows {
  participants: Insertable<ParticipantTable>[];
  consents: Insertable<ParticipantConsentTable>[];
  plans: Insertable<SupportPlanTable>[];
  activities: Insertable<ParticipantActivityTable>[];
  outcomes: Insertable<ParticipantOutcomeTable>[];
  followUps: Insertable<ParticipantFollowUpTable>[];
}

/** A contract as written: its row, what it carries over from its plan line. */
interface WrittenContract {
  id: string;
  line: PlannedLine;
  fiscalYear: number;
  periodFrom: string;
  periodUntil: string;
  erasureOn: string;
  intake: number;
}

/**
 * One participant's journey: intake with consents, a support plan, activities (counselling most), perhaps a
 * placement within a year and its follow-ups at 1, 3, 6 and 12 months, then the case closed; erased once the
 * contract's retention has passed (or, for a few, at their request), counts kept.
 */
function journey(rng: DemoRandom, contract: WrittenContract, intakeOn: string, asOf: string, sealer: (table: SealedTable, id: string, doc: object) => string, rows: Rows): void {
  const { line } = contract;
  const group = line.programme === 'yss' ? 'yss' : 'needy';
  const id = newId();
  const ageBand = ageBandOf(rng, line.programme, contract.fiscalYear);
  const [minAge, maxAge] = ageRange[ageBand];
  const birthDate = addDays(addMonths(intakeOn, -12 * rng.int(minAge, maxAge)), -rng.int(0, 360));
  const [familyName, familyKana] = rng.pick(familyNames);
  const [givenName, givenKana] = rng.pick(givenNames);
  const street = (line.site.address ?? '').replace(/[0-9０-９-－]+$/, '');
  const identity: Identity = {
    familyName, givenName, familyNameKana: familyKana, givenNameKana: givenKana, birthDate,
    phone: rng.next() < 0.8 ? `0${rng.pick(['70', '80', '90'])}-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}` : null,
    email: rng.next() < 0.3 ? `p${rng.int(10000, 99999)}@example.jp` : null,
    postalCode: line.site.postalCode ? `${line.site.postalCode.slice(0, 3)}${String(rng.int(0, 9999)).padStart(4, '0')}` : null,
    address: street ? `${street}${rng.int(1, 5)}-${rng.int(1, 30)}-${rng.int(1, 20)}` : null,
  };
  const sensitive = rng.next() < 0.65;
  const situation = sensitive ? rng.pick(circumstances[group]) : null;
  const consent = (purpose: ConsentFields['purpose'], givenOn: string, withdrawnOn: string | null = null): ConsentFields => {
    const method = rng.weighted<ConsentFields['method']>([['written', 8], ['electronic', 1], ['oral', 1]]);
    rows.consents.push({ id: newId(), participant_id: id, purpose, method, given_on: givenOn, withdrawn_on: withdrawnOn, recorded_by: null, created_at: stamp(givenOn) });
    return { purpose, method, givenOn };
  };
  const withdrawn = addDays(intakeOn, rng.int(30, 200));
  const consents = [
    consent('support', intakeOn),
    ...(sensitive ? [consent('sensitive-data', intakeOn)] : []),
    ...(rng.next() < 0.95 ? [consent('commissioner-report', intakeOn, rng.next() < 0.02 && withdrawn <= asOf ? withdrawn : null)] : []),
  ];
  // What the intake use case checks: support consented to, circumstances only with the special-care consent.
  checkIntake({ contractId: contract.id, intakeOn, ageBand, identity, circumstances: situation, consents }, intakeOn);

  // Sealed documents are built now and sealed below unless the record is erased.
  const sealedDocs: { table: SealedTable; id: string; doc: object; set: (value: string | null) => void }[] = [];
  const participant: Insertable<ParticipantTable> = {
    id, organization_id: line.organizationId, contract_id: contract.id, site_id: line.site.id, reference: '', intake_on: intakeOn, age_band: ageBand,
    status: 'active', closed_on: null, person_id: null, sealed: null, erased_at: null, erasure_reason: null, version: 1, created_at: stamp(intakeOn), updated_at: stamp(intakeOn),
  };
  sealedDocs.push({ table: 'participants', id, doc: { identity, circumstances: situation }, set: (v) => { participant.sealed = v; } });

  const planStart = addDays(intakeOn, rng.int(7, 21));
  const addPlan = (startsOn: string) => {
    if (startsOn > asOf) return;
    checkEntryDate('startsOn', startsOn, intakeOn, asOf);
    const plan: Insertable<SupportPlanTable> = { id: newId(), participant_id: id, starts_on: startsOn, review_on: addMonths(startsOn, 3), sealed: null, created_at: stamp(startsOn) };
    rows.plans.push(plan);
    sealedDocs.push({ table: 'support_plans', id: plan.id!, doc: { goals: rng.pick(goals[group]) }, set: (v) => { plan.sealed = v; } });
  };
  addPlan(planStart);

  // Where they went, if anywhere yet: most placements within a year of intake.
  const kind = rng.weighted(outcomeMix[group]);
  const outcomeOn = addDays(intakeOn, rng.int(40, 330));
  const outcome = kind !== null && outcomeOn <= asOf ? kind : null;
  // Support runs to the outcome; without one, to the day the participant stopped coming (or until now).
  const supportUntil = minDate(outcome !== null ? outcomeOn : addDays(intakeOn, rng.int(60, 420)), asOf);
  if (daysBetween(planStart, supportUntil) > 150 && rng.next() < 0.5) addPlan(addMonths(planStart, rng.int(4, 6)));

  const activity = (activityKind: ActivityKind, on: string, minutes: number) => {
    checkEntryDate('on', on, intakeOn, asOf);
    checkMinutes(minutes);
    const row: Insertable<ParticipantActivityTable> = { id: newId(), participant_id: id, kind: activityKind, on_date: on, minutes, sealed: null, created_at: stamp(on) };
    rows.activities.push(row);
    const notes = activityNotes[activityKind];
    if (notes && rng.next() < 0.35) sealedDocs.push({ table: 'participant_activities', id: row.id!, doc: { note: rng.pick(notes) }, set: (v) => { row.sealed = v; } });
  };
  const span = Math.max(1, daysBetween(intakeOn, supportUntil));
  activity('counselling', intakeOn, 60);
  for (let on = addDays(intakeOn, rng.int(10, 25)); on <= supportUntil; on = addDays(on, rng.int(14, 35))) activity('counselling', on, rng.pick([30, 45, 60]));
  const some = (activityKind: ActivityKind, share: number, most: number, minutes: () => number) => {
    if (span < 14 || rng.next() >= share) return;
    for (let k = rng.int(1, most); k > 0; k--) activity(activityKind, addDays(intakeOn, rng.int(14, span)), minutes());
  };
  some('seminar', 0.4, 4, () => rng.pick([90, 120]));
  some('job-experience', line.programme === 'consultation' ? 0.15 : 0.3, 3, () => rng.pick([240, 300, 360]));
  some('training', 0.2, 5, () => 180);
  if (line.programme === 'yss') some('group-living', 0.05, 1, () => 1_440);

  let closedOn: string | null = null;
  if (outcome !== null) {
    const coop = outcome === 'coop-worker' || outcome === 'coop-member';
    checkEntryDate('on', outcomeOn, intakeOn, asOf);
    const row: Insertable<ParticipantOutcomeTable> = {
      id: newId(), participant_id: id, kind: outcome, on_date: outcomeOn, coop_organization_id: coop ? line.organizationId : null, sealed: null, created_at: stamp(outcomeOn),
    };
    rows.outcomes.push(row);
    if (rng.next() < 0.7) sealedDocs.push({ table: 'participant_outcomes', id: row.id!, doc: { note: rng.pick(outcomeNotes[outcome]) }, set: (v) => { row.sealed = v; } });
    if (coop) consent('registry-link', outcomeOn);
    if (placementKinds.includes(outcome)) {
      const schooling = outcome === 'education' || outcome === 'vocational-training';
      let last: FollowUpStatus = schooling ? 'in-education' : 'in-work';
      let lastDone: string | null = null;
      let allDone = true;
      for (const { months, dueOn } of followUpSchedule(outcomeOn)) {
        // All four are scheduled at the placement; each is done within days of its due date (one due in the last two
        // weeks may still be waiting).
        const doneOn = addDays(dueOn, rng.int(0, 10));
        const done = dueOn <= addDays(asOf, -14) && doneOn <= asOf;
        let status: FollowUpStatus = 'pending';
        if (done) {
          status = last === 'unreachable' && rng.next() < 0.6 ? 'unreachable'
            : rng.weighted<FollowUpStatus>(schooling ? [['in-education', 85], ['in-work', 5], ['not-in-work', 5], ['unreachable', 5]] : [['in-work', 84], ['not-in-work', 9], ['unreachable', 7]]);
          last = status;
          lastDone = doneOn;
        }
        const f: Insertable<ParticipantFollowUpTable> = {
          id: newId(), participant_id: id, outcome_id: row.id!, months, due_on: dueOn, done_on: done ? doneOn : null, status, sealed: null, created_at: stamp(outcomeOn),
        };
        rows.followUps.push(f);
        const notes = followUpNotes[status];
        if (done && notes && rng.next() < 0.3) sealedDocs.push({ table: 'participant_follow_ups', id: f.id!, doc: { note: rng.pick(notes) }, set: (v) => { f.sealed = v; } });
        if (!done) allDone = false;
      }
      // The case closes after the last follow-up.
      if (allDone) closedOn = lastDone;
    } else {
      closedOn = minDate(addDays(outcomeOn, rng.int(0, 30)), asOf);
    }
  } else if (addDays(supportUntil, 180) <= asOf) {
    // Stopped coming: closed after three months without contact.
    closedOn = addDays(supportUntil, 90);
  }
  if (closedOn !== null) {
    participant.status = 'closed';
    participant.closed_on = closedOn;
    participant.updated_at = stamp(closedOn);
  }
  // Past the contract's retention the records are erased (reports keep the counts); a few asked for it earlier.
  const erasedOn = contract.erasureOn <= asOf ? contract.erasureOn
    : closedOn !== null && rng.next() < 0.01 ? minDate(addDays(closedOn, rng.int(10, 120)), asOf) : null;
  if (erasedOn !== null) {
    participant.status = 'erased';
    participant.closed_on = closedOn ?? erasedOn;
    participant.erased_at = stamp(erasedOn);
    participant.erasure_reason = contract.erasureOn <= asOf ? 'retention' : 'request';
    // An erasure on request is an edit of the record (eraseParticipant); the retention job's is not.
    if (participant.erasure_reason === 'request') participant.version = 2;
    participant.updated_at = stamp(erasedOn);
  } else {
    for (const s of sealedDocs) s.set(sealer(s.table, s.id, s.doc));
  }
  rows.participants.push(participant);
}

/**
 * The demo's programmes: commissioners, yearly contracts with their offices and indicators, and — when data keys
 * are loaded — participants with sealed personal data; in the small demo also a caseworker and an office lead at
 * the Centre Jigyodan's Youth Support Station. The seed-scale demo (`jwcu`) is held to the seed's 22 stations and 87
 * local governments. Rows are written in bulk in one transaction, checked by the rules the use cases apply.
 */
export async function loadDemoProgrammes(ctx: AppContext, options: { scale: 'small' | 'jwcu'; password: string }): Promise<{ contracts: number; participants: number }> {
  const asOf = today(ctx);
  const lastYear = fiscalYearOf(asOf, 4);
  const siteRows = await ctx.db.selectFrom('sites').select([
    'id', 'organization_id', 'name_ja', 'business_line', 'prefecture_code', 'postal_code', 'address', 'commissioner_name', 'commissioner_code', 'opened_on', 'closed_on',
  ]).where('business_line', '=', 'employment-support').execute();
  const sites: ProgrammeSite[] = siteRows.map((s) => ({
    id: s.id, organizationId: s.organization_id, nameJa: s.name_ja, businessLine: s.business_line, prefectureCode: s.prefecture_code, postalCode: s.postal_code,
    address: s.address, commissionerName: s.commissioner_name, commissionerCode: s.commissioner_code, openedOn: s.opened_on, closedOn: s.closed_on,
  }));
  // The partners are found among the cities that commission the organizations' other sites too.
  const partnerRows = options.scale === 'jwcu'
    ? await ctx.db.selectFrom('sites').select(['id', 'organization_id', 'commissioner_code']).where('commissioner_code', 'is not', null).where('business_line', '!=', 'employment-support').execute()
    : [];
  const others: ProgrammeSite[] = partnerRows.map((s) => ({
    id: s.id, organizationId: s.organization_id, nameJa: '', businessLine: '', prefectureCode: null, postalCode: null, address: null, commissionerName: null,
    commissionerCode: s.commissioner_code, openedOn: null, closedOn: null,
  }));
  const plan = planDemoProgrammes([...sites, ...others], { localGovernments: options.scale === 'jwcu' ? seedProgrammes.localGovernments : null, lastYear });
  if (options.scale === 'jwcu' && plan.stations.length !== seedProgrammes.youthSupportStations) {
    throw new Error(`demo: ${plan.stations.length} Youth Support Stations, the seed has ${seedProgrammes.youthSupportStations}`);
  }
  const rng = demoRandom(2007);
  const at = isoNow(ctx);
  const keyring: Keyring | undefined = ctx.keyring;
  if (!keyring) console.warn('kyodo demo: no data keys are loaded, so the demo programmes have contracts but no participants (their personal data would be sealed)');

  // Commissioners: the ministry and each local government once, named from the official list.
  const commissioners: Insertable<CommissionerTable>[] = [];
  const commissionerIds = new Map<string, string>();
  const existing = await ctx.db.selectFrom('commissioners').select(['id', 'name_ja', 'local_government_code']).execute();
  for (const c of existing) commissionerIds.set(c.local_government_code ?? c.name_ja, c.id);
  const commissionerId = (ref: CommissionerRef): string => {
    const key = ref.kind === 'ministry' ? ministry.nameJa : ref.code;
    let id = commissionerIds.get(key);
    if (id === undefined) {
      const official = ref.kind === 'ministry' ? null : localGovernment(ref.code)!;
      const fields: CommissionerFields = official === null
        ? { kind: 'ministry', nameJa: ministry.nameJa, nameEn: ministry.nameEn, localGovernmentCode: null, prefectureCode: null }
        : { kind: ref.kind, nameJa: official.nameJa, nameEn: null, localGovernmentCode: official.code, prefectureCode: official.prefectureCode };
      checkCommissioner(fields);
      id = newId();
      commissioners.push({
        id, kind: fields.kind, name_ja: fields.nameJa, name_en: fields.nameEn, local_government_code: fields.localGovernmentCode, prefecture_code: fields.prefectureCode,
        version: 1, created_at: at, updated_at: at,
      });
      commissionerIds.set(key, id);
    }
    return id;
  };

  // Contracts: one a fiscal year for each line, at amounts that move a little from year to year.
  const contracts: Insertable<ProgrammeContractTable>[] = [];
  const contractSites: Insertable<ContractSiteTable>[] = [];
  const indicators: Insertable<ContractIndicatorTable>[] = [];
  const written: WrittenContract[] = [];
  const perYear = intakePerYear[options.scale];
  for (const line of plan.lines) {
    const programme = programmes[line.programme];
    const [low, high] = programme.amount;
    const base = line.partner ? rng.between(low * 0.4, low * 0.9) : rng.between(low, high);
    for (let fiscalYear = line.fromYear; fiscalYear <= line.untilYear; fiscalYear++) {
      const opened = line.site.openedOn && fiscalYearOf(line.site.openedOn, 4) === fiscalYear ? line.site.openedOn : `${fiscalYear}-04-01`;
      const closed = line.site.closedOn && fiscalYearOf(line.site.closedOn, 4) === fiscalYear ? line.site.closedOn : `${fiscalYear + 1}-03-31`;
      const intake = Math.max(1, Math.round((line.partner ? perYear.partner : perYear[line.programme]) * rng.between(0.75, 1.25)));
      const amount = Math.round((base * rng.between(0.95, 1.05)) / 1000) * 1000;
      const fields: ContractFields = {
        programmeJa: programme.ja, programmeEn: programme.en, commissionerId: commissionerId(line.commissioner), periodFrom: opened, periodUntil: closed,
        amount, siteIds: [line.site.id], retentionMonths,
        indicators: commonIndicators.filter((i) => line.programme === 'yss' || i.code !== 'job-retention').map((i) => ({
          ...i,
          target: i.code === 'participants-supported' ? Math.round(intake * 1.5) : i.code === 'new-registrations' ? intake
            : i.code === 'job-placements' ? Math.round(intake * (line.programme === 'yss' ? 0.55 : 0.4)) : Math.round(intake * 0.45),
        })),
      };
      checkContract(fields);
      const id = newId();
      contracts.push({
        id, organization_id: line.organizationId, commissioner_id: fields.commissionerId, programme_ja: fields.programmeJa, programme_en: fields.programmeEn,
        period_from: fields.periodFrom, period_until: fields.periodUntil, amount: fields.amount, retention_months: fields.retentionMonths, version: 1, created_at: at, updated_at: at,
      });
      contractSites.push({ contract_id: id, site_id: line.site.id });
      fields.indicators.forEach((i, position) => indicators.push({ contract_id: id, code: i.code, name_ja: i.nameJa, name_en: i.nameEn, target: i.target, position }));
      written.push({ id, line, fiscalYear, periodFrom: fields.periodFrom, periodUntil: fields.periodUntil, erasureOn: erasureDate(fields.periodUntil, retentionMonths), intake });
    }
  }

  // Participants, with intake spread over each contract's period up to today.
  const rows: Rows = { participants: [], consents: [], plans: [], activities: [], outcomes: [], followUps: [] };
  if (keyring) {
    const sealer = (table: SealedTable, id: string, doc: object) => seal(keyring, JSON.stringify(doc), sealContext(table, 'sealed', id));
    for (const contract of written) {
      const until = minDate(contract.periodUntil, addDays(asOf, -1));
      const days = daysBetween(contract.periodFrom, until);
      if (days < 0) continue;
      const share = Math.min(1, (days + 1) / (daysBetween(contract.periodFrom, contract.periodUntil) + 1));
      const n = Math.round(contract.intake * share);
      const dates = Array.from({ length: n }, () => addDays(contract.periodFrom, rng.int(0, days))).sort();
      for (const intakeOn of dates) journey(rng, contract, intakeOn, asOf, sealer, rows);
    }
    // References: P-<fiscal year of intake>-<sequence per organization and year>, in order of intake.
    const sequence = new Map<string, number>();
    const ordered = [...rows.participants].sort((a, b) => a.intake_on!.localeCompare(b.intake_on!) || a.id!.localeCompare(b.id!));
    for (const p of ordered) {
      const year = fiscalYearOf(p.intake_on!, 4);
      const key = `${p.organization_id}|${year}`;
      const next = (sequence.get(key) ?? 0) + 1;
      sequence.set(key, next);
      p.reference = participantReference(p.intake_on!, next);
    }
  }

  await inTransaction(ctx, async (trx) => {
    await bulkInsert(trx, ctx.dialect, 'commissioners', commissioners);
    await bulkInsert(trx, ctx.dialect, 'programme_contracts', contracts);
    await bulkInsert(trx, ctx.dialect, 'contract_sites', contractSites);
    await bulkInsert(trx, ctx.dialect, 'contract_indicators', indicators);
    // The goals the programmes serve: a station youth not in employment, education or training (8.6) and decent
    // work (8.5); needy persons' support social protection (1.3) and inclusion (10.2).
    await bulkInsert(trx, ctx.dialect, 'sdg_tags', written.flatMap((c) => (c.line.programme === 'yss' ? ['8.5', '8.6'] : ['1.3', '10.2'])
      .map((code) => ({ subject_type: 'programme', subject_id: c.id, code, organization_id: c.line.organizationId, created_at: at }))));
    await bulkInsert(trx, ctx.dialect, 'participants', rows.participants);
    await bulkInsert(trx, ctx.dialect, 'participant_consents', rows.consents);
    await bulkInsert(trx, ctx.dialect, 'support_plans', rows.plans);
    await bulkInsert(trx, ctx.dialect, 'participant_activities', rows.activities);
    await bulkInsert(trx, ctx.dialect, 'participant_outcomes', rows.outcomes);
    await bulkInsert(trx, ctx.dialect, 'participant_follow_ups', rows.followUps);
    const actor = systemActor('demo');
    await recordAudit(trx, actor, {
      organizationId: null, entityType: 'contract', entityId: 'demo', action: 'demo_import', before: null,
      after: { commissioners: commissioners.length, contracts: contracts.length, stations: plan.stations.length, localGovernments: plan.localGovernmentCodes.length },
    }, at);
    // Counts only: an audit entry never carries what is sealed.
    if (rows.participants.length > 0) {
      await recordAudit(trx, actor, {
        organizationId: null, entityType: 'participant', entityId: 'demo', action: 'demo_import', before: null,
        after: {
          participants: rows.participants.length, erased: rows.participants.filter((p) => p.status === 'erased').length, activities: rows.activities.length,
          outcomes: rows.outcomes.length, followUps: rows.followUps.length,
        },
      }, at);
    }
  });
  await assignCaseWorkers(ctx, options.password, sites);
  return { contracts: contracts.length, participants: rows.participants.length };
}

/** A caseworker (担当支援員) and the office lead (所長) at the Centre Jigyodan's Youth Support Station. */
async function assignCaseWorkers(ctx: AppContext, password: string, sites: readonly ProgrammeSite[]): Promise<void> {
  const centre = await ctx.db.selectFrom('organizations').select('id').where('code', '=', 'center-jigyodan').executeTakeFirst();
  const station = sites.find((s) => s.organizationId === centre?.id && s.nameJa === '若者サポートステーション');
  if (!centre || !station) return;
  const actor = systemActor('demo');
  const staff: [string, string, CaseRole][] = [
    [demoCaseAccounts.caseworkerEmail, 'サポステ 担当支援員', 'caseworker'],
    [demoCaseAccounts.officeLeadEmail, 'サポステ 所長', 'office-lead'],
  ];
  const assignments: Insertable<CaseAssignmentTable>[] = [];
  for (const [email, displayName, caseRole] of staff) {
    const user = await createUser(ctx, null, actor, { email, displayName, password, role: 'clerk', organizationId: centre.id });
    assignments.push({ user_id: user.id, site_id: station.id, organization_id: centre.id, case_role: caseRole, created_at: isoNow(ctx) });
  }
  await inTransaction(ctx, async (trx) => {
    await bulkInsert(trx, ctx.dialect, 'case_assignments', assignments);
    for (const a of assignments) {
      await recordAudit(trx, actor, {
        organizationId: centre.id, entityType: 'case-assignment', entityId: `${a.site_id}:${a.user_id}`, action: 'create', before: null,
        after: { userId: a.user_id, siteId: a.site_id, caseRole: a.case_role },
      }, a.created_at!);
    }
  });
}
