import type { Insertable } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert.js';
import type { CampaignMilestoneTable, CampaignTable, CampaignTargetEventTable, CampaignTargetTable } from '../../db/schema.js';
import { checkCampaign, checkTransition, type CampaignFields, type MilestoneKind, type Stage, type TargetKind } from '../../domain/advocacy/campaign.js';
import { campaignLocalGovernments } from '../../domain/advocacy/local-targets.js';
import type { LocalGovernment } from '../../domain/programmes/local-governments.js';
import { recordAudit, systemActor } from '../audit/record-audit.js';
import { inTransaction, isoNow, newId, type AppContext } from '../shared/context.js';
import { demoRandom, type DemoRandom } from './demo-random.js';

/**
 * The seed's campaign (domain.md §1): eighteen years for a law on worker co-operatives — a civil network from 2000,
 * a non-partisan parliamentary association from 2008, 878 of the 1,788 local assemblies adopting letters (意見書)
 * asking for the law, the association making the law a priority in April 2017 and the ruling parties' working group
 * in May 2017, the Act passed on 4 December 2020 and in force on 1 October 2022. The figures and the months are the
 * seed's; which local governments adopted, and on which days, are illustrative (a seeded draw), as are the days of
 * the 2000, 2008 and 2017 milestones, which the seed gives by year or month only.
 */
export const seedCampaign = { adopted: 878, localGovernments: 1_788, lawPassedOn: '2020-12-04', inForceOn: '2022-10-01' } as const;

/**
 * The campaign ran until the Act came into force: its goal — the law — was reached then, and the in-force date is its
 * last milestone. The federation's later campaigns (funding, procurement rules, care fees) are campaigns of their own.
 */
export const demoCampaignFields: CampaignFields = {
  nameJa: '協同労働の協同組合法（労働者協同組合法）の制定を求める運動',
  nameEn: 'Campaign for a Worker Co-operatives Act',
  goalJa: '協同労働の協同組合に法人格を与える法律の制定。全国の地方議会に法制化を求める意見書の採択を働きかけ、超党派の議員連盟とともに議員立法による成立をめざす。',
  goalEn: 'A law giving worker co-operatives (associated work) legal personality: ask every local assembly to adopt a letter to the Diet calling for the law, and work with a non-partisan parliamentary association for its enactment by the Diet.',
  periodFrom: '2000-01-01',
  periodUntil: seedCampaign.inForceOn,
};

export interface PlannedMilestone {
  kind: MilestoneKind;
  on: string;
  titleJa: string;
  titleEn: string;
  description: string | null;
}

export const demoMilestones: readonly PlannedMilestone[] = [
  { kind: 'founded', on: '2000-06-01', titleJa: '法制化を求める市民会議 発足', titleEn: 'Civil network for the law founded', description: '協同労働の協同組合の法制化を求める市民のネットワーク。' },
  {
    kind: 'association', on: '2008-06-04', titleJa: '協同出資・協同経営で働く協同組合法を考える議員連盟 発足', titleEn: 'Non-partisan parliamentary association formed',
    description: '超党派の議員連盟。',
  },
  { kind: 'other', on: '2017-04-12', titleJa: '議員連盟が法制化を優先課題に', titleEn: 'Parliamentary association makes the law a priority', description: null },
  { kind: 'working-group', on: '2017-05-25', titleJa: '与党ワーキングチーム 設置', titleEn: "Ruling parties' working group set up", description: '与党の協同労働の法制化に関するワーキングチーム。' },
  { kind: 'law-passed', on: seedCampaign.lawPassedOn, titleJa: '労働者協同組合法 成立', titleEn: 'Worker Co-operatives Act passed', description: '令和2年法律第78号。' },
  { kind: 'in-force', on: seedCampaign.inForceOn, titleJa: '労働者協同組合法 施行', titleEn: 'Worker Co-operatives Act in force', description: null },
];

export interface PlannedEvent {
  stage: Stage;
  on: string;
  note: string | null;
}

export interface PlannedTarget {
  kind: TargetKind;
  localGovernmentCode: string | null;
  prefectureCode: string | null;
  nameJa: string;
  nameEn: string | null;
  /** The target's history, in order; the last event is its stage (none: not contacted). */
  events: PlannedEvent[];
}

/** The other bodies the campaign asked, with their histories (after the milestones above). */
const otherBodies: readonly PlannedTarget[] = [
  {
    kind: 'parliamentary-group', localGovernmentCode: null, prefectureCode: null, nameJa: '協同出資・協同経営で働く協同組合法を考える議員連盟',
    nameEn: 'Non-partisan Parliamentary Association for a Worker Co-operatives Law',
    events: [
      { stage: 'contacted', on: '2008-06-04', note: '議員連盟の発足' },
      { stage: 'under-deliberation', on: '2009-02-18', note: '法案要綱の検討' },
      { stage: 'adopted', on: '2017-04-12', note: '法制化を優先課題とすることを確認' },
    ],
  },
  {
    kind: 'party', localGovernmentCode: null, prefectureCode: null, nameJa: '与党ワーキングチーム（協同労働の法制化）', nameEn: "Ruling parties' working group on the law",
    events: [
      { stage: 'contacted', on: '2017-05-25', note: 'ワーキングチームの設置' },
      { stage: 'under-deliberation', on: '2017-06-14', note: 'ヒアリング・法案の検討' },
      { stage: 'adopted', on: '2018-12-20', note: '法案の骨子を了承' },
    ],
  },
  {
    kind: 'ministry', localGovernmentCode: null, prefectureCode: null, nameJa: '厚生労働省', nameEn: 'Ministry of Health, Labour and Welfare',
    events: [
      { stage: 'contacted', on: '2008-09-10', note: '法制化の要請' },
      { stage: 'under-deliberation', on: '2017-06-14', note: 'ワーキングチームの検討に参加' },
    ],
  },
];

// ——— dates ———

const dayMs = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');
const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
export const isWeekday = (date: string): boolean => weekday(date) !== 0 && weekday(date) !== 6;
/** The date itself if a weekday, else the Friday before. */
const weekdayOnOrBefore = (date: string): string => (weekday(date) === 6 ? addDays(date, -1) : weekday(date) === 0 ? addDays(date, -2) : date);

/**
 * Local assemblies sit four times a year (定例会): March (the budget session, the longest), June, September and
 * December; a petition is decided on the session's last days. The letters came mostly after the parliamentary
 * association was formed in 2008, most of all in its first years, and stopped with the Act.
 */
export const sessionMonths = [3, 6, 9, 12] as const;
const monthWeights: [number, number][] = [[3, 3], [6, 2], [9, 3], [12, 3]];
const yearWeights: [number, number][] = [
  [2001, 1], [2002, 2], [2003, 3], [2004, 4], [2005, 5], [2006, 6], [2007, 8], [2008, 14], [2009, 16], [2010, 12],
  [2011, 7], [2012, 6], [2013, 4], [2014, 3], [2015, 3], [2016, 3], [2017, 5], [2018, 5], [2019, 3], [2020, 1],
];

/** The closing days of a session: a weekday from the 12th to the 28th of a session month, before the Act passed. */
function sessionDay(rng: DemoRandom, years: [number, number][]): string {
  for (;;) {
    const year = rng.weighted(years);
    const month = rng.weighted(monthWeights);
    const on = weekdayOnOrBefore(`${year}-${pad(month)}-${pad(rng.int(12, 28))}`);
    if (on < seedCampaign.lawPassedOn) return on;
  }
}

/**
 * A petition's way to a decision, ending on `decidedOn`: the approach (contacted) months before, the petition (請願・
 * 陳情) filed before the session, referred to committee (under deliberation) when the session opens.
 */
function approach(rng: DemoRandom, decidedOn: string): PlannedEvent[] {
  const deliberation = weekdayOnOrBefore(addDays(decidedOn, -rng.int(10, 25)));
  const petition = weekdayOnOrBefore(addDays(deliberation, -rng.int(7, 40)));
  const contacted = weekdayOnOrBefore(addDays(petition, -rng.int(30, 240)));
  return [
    ...(contacted > demoCampaignFields.periodFrom ? [{ stage: 'contacted' as const, on: contacted, note: rng.pick(contactNotes) }] : []),
    { stage: 'petition-submitted', on: petition, note: rng.pick(petitionNotes) },
    { stage: 'under-deliberation', on: deliberation, note: rng.pick(deliberationNotes) },
  ];
}

const contactNotes = ['議員・会派への説明', '地域の事業所から紹介議員を依頼', '議長への要請', '学習会を開催'];
const petitionNotes = ['請願書を提出', '陳情書を提出'];
const deliberationNotes = ['総務委員会に付託', '厚生委員会に付託', '委員会で審査'];

// ——— who adopted ———

/** Prefectures where JWCU's member organizations work (the seed-scale demo's regions): more letters there. */
const strongPrefectures = new Set(['01', '04', '07', '08', '11', '12', '13', '14', '15', '20', '22', '23', '26', '27', '34', '40', '47']);
/** Every prefecture has at least this many adoptions. */
export const minimumAdoptionsPerPrefecture = 3;

function propensity(g: LocalGovernment): number {
  const level = g.level === 'prefecture' ? 1.6 : /[市区]$/.test(g.nameJa) ? 1.3 : g.nameJa.endsWith('村') ? 0.7 : 0.9;
  return level * (strongPrefectures.has(g.prefectureCode) ? 2.2 : 1);
}

/** The final stages of the local governments that did not adopt: how many of each (the rest were never contacted). */
const notAdopted: [Stage, number][] = [['rejected', 68], ['under-deliberation', 41], ['petition-submitted', 57], ['contacted', 162]];

/**
 * The campaign's targets and their histories: the 1,788 local governments (878 adopted, each prefecture at least a
 * few, more where JWCU is strong; most of them with their way there) and the other bodies. Pure and deterministic;
 * every history passes the rules a stage change passes (checkTransition).
 */
export function planDemoCampaign(): PlannedTarget[] {
  const rng = demoRandom(2000);
  const governments = campaignLocalGovernments();
  // A weighted draw without replacement (Efraimidis–Spirakis): the highest keys adopted.
  const keyed = governments.map((g) => ({ g, key: Math.log(1 - rng.next()) / propensity(g) })).sort((a, b) => b.key - a.key || a.g.code.localeCompare(b.g.code));
  const adopted = new Set<string>();
  const perPrefecture = new Map<string, number>();
  for (const { g } of keyed) {
    const n = perPrefecture.get(g.prefectureCode) ?? 0;
    if (n < minimumAdoptionsPerPrefecture) {
      adopted.add(g.code);
      perPrefecture.set(g.prefectureCode, n + 1);
    }
  }
  for (const { g } of keyed) {
    if (adopted.size >= seedCampaign.adopted) break;
    adopted.add(g.code);
  }
  // The others, most likely first, take the final stages in turn; the rest were never contacted.
  const finals = new Map<string, Stage>();
  const others = keyed.filter(({ g }) => !adopted.has(g.code));
  let next = 0;
  for (const [stage, count] of notAdopted) {
    for (let i = 0; i < count; i++) finals.set(others[next++]!.g.code, stage);
  }

  const targets: PlannedTarget[] = governments.map((g) => {
    const stage: Stage = adopted.has(g.code) ? 'adopted' : finals.get(g.code) ?? 'not-contacted';
    return {
      kind: 'local-government', localGovernmentCode: g.code, prefectureCode: g.prefectureCode, nameJa: g.nameJa, nameEn: null,
      events: historyOf(rng, stage),
    };
  });
  const all = [...targets, ...otherBodies.map((t) => ({ ...t, events: [...t.events] }))];
  for (const t of all) checkHistory(t.events);
  return all;
}

function historyOf(rng: DemoRandom, stage: Stage): PlannedEvent[] {
  switch (stage) {
    case 'adopted': {
      const on = sessionDay(rng, yearWeights);
      const adoption: PlannedEvent = { stage: 'adopted', on, note: '意見書可決' };
      const r = rng.next();
      // Most were recorded step by step; some only when the letter was adopted.
      if (r < 0.35) return [adoption];
      const way = approach(rng, on);
      // A few had been turned down once, then petitioned again a year or more later.
      const petitionYear = Number(way.find((e) => e.stage === 'petition-submitted')!.on.slice(0, 4));
      if (r > 0.96 && petitionYear >= 2004) {
        const rejectedOn = sessionDay(rng, [[petitionYear - 2, 1], [petitionYear - 1, 2]]);
        return [...approach(rng, rejectedOn), { stage: 'rejected', on: rejectedOn, note: '不採択' }, ...way.filter((e) => e.stage !== 'contacted'), adoption];
      }
      return [...way, adoption];
    }
    case 'rejected': {
      const on = sessionDay(rng, yearWeights.filter(([year]) => year >= 2004));
      return [...approach(rng, on), { stage: 'rejected', on, note: '不採択' }];
    }
    case 'under-deliberation': {
      // Petitions still in committee (継続審査) when the Act passed.
      const decideBy = sessionDay(rng, [[2018, 1], [2019, 2], [2020, 3]]);
      return approach(rng, decideBy);
    }
    case 'petition-submitted': {
      const decideBy = sessionDay(rng, yearWeights.filter(([year]) => year >= 2010));
      return approach(rng, decideBy).filter((e) => e.stage !== 'under-deliberation');
    }
    case 'contacted': {
      const on = weekdayOnOrBefore(addDays(sessionDay(rng, yearWeights.filter(([year]) => year >= 2005)), -rng.int(30, 120)));
      return [{ stage: 'contacted', on, note: rng.pick(contactNotes) }];
    }
    default:
      return [];
  }
}

/** Each step as recordStage would take it: ordinary, on or after the stage before. */
function checkHistory(events: readonly PlannedEvent[]): void {
  let stage: Stage = 'not-contacted';
  let on: string | null = null;
  for (const e of events) {
    checkTransition(stage, e.stage, e.on, on, false);
    stage = e.stage;
    on = e.on;
  }
}

/**
 * Loads the seed's campaign for the federation's root organization: the campaign, its targets with their histories,
 * and the milestones, in bulk and in one transaction, audited by counts. A local government's responsible
 * organization is the member organization of its prefecture (a worker co-operative's first), else the Centre
 * Jigyodan; the other bodies are the federation's. Returns the campaign's id.
 */
export async function loadDemoCampaigns(ctx: AppContext): Promise<{ campaignId: string; targets: number; events: number; adopted: number }> {
  checkCampaign(demoCampaignFields);
  const root = await ctx.db.selectFrom('organizations').select('id').where('code', '=', 'jwcu').executeTakeFirstOrThrow();
  const organizations = await ctx.db.selectFrom('organizations').select(['id', 'code', 'legal_form', 'prefecture_code'])
    .where('parent_id', '=', root.id).orderBy('code').execute();
  const ranked = [...organizations].sort((a, b) => Number(a.legal_form === 'consumer-cooperative') - Number(b.legal_form === 'consumer-cooperative') || a.code.localeCompare(b.code));
  const centre = organizations.find((o) => o.code === 'center-jigyodan')?.id ?? root.id;
  const responsibleIn = (prefectureCode: string): string => ranked.find((o) => o.prefecture_code === prefectureCode)?.id ?? centre;

  const at = isoNow(ctx);
  const stamp = (date: string): string => `${date}T01:00:00.000Z`;
  const campaignId = newId();
  const campaign: Insertable<CampaignTable> = {
    id: campaignId, organization_id: root.id, name_ja: demoCampaignFields.nameJa, name_en: demoCampaignFields.nameEn, goal_ja: demoCampaignFields.goalJa,
    goal_en: demoCampaignFields.goalEn, period_from: demoCampaignFields.periodFrom, period_until: demoCampaignFields.periodUntil, version: 1, created_at: at, updated_at: at,
  };
  const targets: Insertable<CampaignTargetTable>[] = [];
  const events: Insertable<CampaignTargetEventTable>[] = [];
  for (const t of planDemoCampaign()) {
    const id = newId();
    const last = t.events.at(-1);
    targets.push({
      id, campaign_id: campaignId, kind: t.kind, local_government_code: t.localGovernmentCode, prefecture_code: t.prefectureCode, name_ja: t.nameJa, name_en: t.nameEn,
      stage: last?.stage ?? 'not-contacted', stage_on: last?.on ?? null,
      responsible_organization_id: last === undefined ? null : t.prefectureCode === null ? root.id : responsibleIn(t.prefectureCode),
      responsible_person: null, notes: null,
      // Each stage change is an edit of the target.
      version: 1 + t.events.length, updated_at: last ? stamp(last.on) : at,
    });
    for (const e of t.events) {
      events.push({ id: newId(), target_id: id, campaign_id: campaignId, stage: e.stage, on_date: e.on, correction: 0, note: e.note, recorded_by: 'system:demo', created_at: stamp(e.on) });
    }
  }
  const milestones: Insertable<CampaignMilestoneTable>[] = demoMilestones.map((m) => ({
    id: newId(), campaign_id: campaignId, kind: m.kind, on_date: m.on, title_ja: m.titleJa, title_en: m.titleEn, description: m.description, created_at: at,
  }));
  const adopted = targets.filter((t) => t.kind === 'local-government' && t.stage === 'adopted').length;

  await inTransaction(ctx, async (trx) => {
    await bulkInsert(trx, ctx.dialect, 'campaigns', [campaign]);
    await bulkInsert(trx, ctx.dialect, 'campaign_targets', targets);
    await bulkInsert(trx, ctx.dialect, 'campaign_target_events', events);
    await bulkInsert(trx, ctx.dialect, 'campaign_milestones', milestones);
    await recordAudit(trx, systemActor('demo'), {
      organizationId: root.id, entityType: 'campaign', entityId: campaignId, action: 'demo_import', before: null,
      after: { targets: targets.length, localGovernments: targets.filter((t) => t.kind === 'local-government').length, adopted, events: events.length, milestones: milestones.length },
    }, at);
  });
  return { campaignId, targets: targets.length, events: events.length, adopted };
}
