/**
 * Catalogue of the UN Sustainable Development Goals (SDGs): the 17 goals and
 * their 169 targets, in English and Japanese. Pure data and functions.
 *
 * Sources of the goal-level texts (target texts: see ./targets-data.ts):
 * - titleEn: A/RES/70/1 goal titles, as kept in open-sdg/sdg-translations,
 *   translations/en/global_goals.yml.
 * - nameEn: the UN's official short goal names (SDG icons, UN communications
 *   materials, https://www.un.org/sustainabledevelopment/news/communications-material/),
 *   written in sentence case as on https://sdgs.un.org/goals.
 * - titleJa: 外務省 仮訳「我々の世界を変革する：持続可能な開発のための2030アジェンダ」,
 *   goal titles as reproduced in the same page template as the Japanese target
 *   texts (see ./targets-data.ts); goal 3 ends 「福祉を促進する」 as in the
 *   仮訳 and other public copies (the template has 「推進する」).
 * - nameJa: the short Japanese goal names used in Japan (国連広報センター /
 *   UNIC Tokyo icon texts).
 * - color: the official SDG colours of the UN SDG brand guidelines
 *   (communications materials, above).
 */
import { rawSdgTargets } from './targets-data.js';

export interface SdgTarget {
  /** e.g. '1.1', '1.a', '17.19' */
  code: string;
  goal: number;
  /** official English text (A/RES/70/1) */
  textEn: string;
  /** Japanese text (外務省 仮訳), or null where no trustworthy text is available */
  textJa: string | null;
}

export interface SdgGoal {
  goal: number;
  /** short Japanese name, e.g. '貧困をなくそう' */
  nameJa: string;
  /** short English name, e.g. 'No poverty' */
  nameEn: string;
  /** full Japanese goal title (外務省 仮訳) */
  titleJa: string;
  /** full English goal title (A/RES/70/1) */
  titleEn: string;
  /** official SDG colour, '#RRGGBB' */
  color: string;
  /** targets in catalogue order: numbered targets first, then lettered ones */
  targets: SdgTarget[];
}

interface GoalHead {
  nameJa: string;
  nameEn: string;
  titleJa: string;
  titleEn: string;
  color: string;
}

const goalHeads: readonly GoalHead[] = [
  {
    nameJa: '貧困をなくそう', nameEn: 'No poverty', color: '#E5243B',
    titleJa: 'あらゆる場所のあらゆる形態の貧困を終わらせる',
    titleEn: 'End poverty in all its forms everywhere',
  },
  {
    nameJa: '飢餓をゼロに', nameEn: 'Zero hunger', color: '#DDA63A',
    titleJa: '飢餓を終わらせ、食料安全保障及び栄養改善を実現し、持続可能な農業を促進する',
    titleEn: 'End hunger, achieve food security and improved nutrition and promote sustainable agriculture',
  },
  {
    nameJa: 'すべての人に健康と福祉を', nameEn: 'Good health and well-being', color: '#4C9F38',
    titleJa: 'あらゆる年齢のすべての人々の健康的な生活を確保し、福祉を促進する',
    titleEn: 'Ensure healthy lives and promote well-being for all at all ages',
  },
  {
    nameJa: '質の高い教育をみんなに', nameEn: 'Quality education', color: '#C5192D',
    titleJa: 'すべての人々への包摂的かつ公正な質の高い教育を提供し、生涯学習の機会を促進する',
    titleEn: 'Ensure inclusive and equitable quality education and promote lifelong learning opportunities for all',
  },
  {
    nameJa: 'ジェンダー平等を実現しよう', nameEn: 'Gender equality', color: '#FF3A21',
    titleJa: 'ジェンダー平等を達成し、すべての女性及び女児のエンパワーメントを行う',
    titleEn: 'Achieve gender equality and empower all women and girls',
  },
  {
    nameJa: '安全な水とトイレを世界中に', nameEn: 'Clean water and sanitation', color: '#26BDE2',
    titleJa: 'すべての人々の水と衛生の利用可能性と持続可能な管理を確保する',
    titleEn: 'Ensure availability and sustainable management of water and sanitation for all',
  },
  {
    nameJa: 'エネルギーをみんなに そしてクリーンに', nameEn: 'Affordable and clean energy', color: '#FCC30B',
    titleJa: 'すべての人々の、安価かつ信頼できる持続可能な近代的エネルギーへのアクセスを確保する',
    titleEn: 'Ensure access to affordable, reliable, sustainable and modern energy for all',
  },
  {
    nameJa: '働きがいも経済成長も', nameEn: 'Decent work and economic growth', color: '#A21942',
    titleJa: '包摂的かつ持続可能な経済成長及びすべての人々の完全かつ生産的な雇用と働きがいのある人間らしい雇用(ディーセント・ワーク)を促進する',
    titleEn: 'Promote sustained, inclusive and sustainable economic growth, full and productive employment and decent work for all',
  },
  {
    nameJa: '産業と技術革新の基盤をつくろう', nameEn: 'Industry, innovation and infrastructure', color: '#FD6925',
    titleJa: '強靱（レジリエント）なインフラ構築、包摂的かつ持続可能な産業化の促進及びイノベーションの推進を図る',
    titleEn: 'Build resilient infrastructure, promote inclusive and sustainable industrialization and foster innovation',
  },
  {
    nameJa: '人や国の不平等をなくそう', nameEn: 'Reduced inequalities', color: '#DD1367',
    titleJa: '各国内及び各国間の不平等を是正する',
    titleEn: 'Reduce inequality within and among countries',
  },
  {
    nameJa: '住み続けられるまちづくりを', nameEn: 'Sustainable cities and communities', color: '#FD9D24',
    titleJa: '包摂的で安全かつ強靱（レジリエント）で持続可能な都市及び人間居住を実現する',
    titleEn: 'Make cities and human settlements inclusive, safe, resilient and sustainable',
  },
  {
    nameJa: 'つくる責任 つかう責任', nameEn: 'Responsible consumption and production', color: '#BF8B2E',
    titleJa: '持続可能な生産消費形態を確保する',
    titleEn: 'Ensure sustainable consumption and production patterns',
  },
  {
    nameJa: '気候変動に具体的な対策を', nameEn: 'Climate action', color: '#3F7E44',
    titleJa: '気候変動及びその影響を軽減するための緊急対策を講じる',
    titleEn: 'Take urgent action to combat climate change and its impacts',
  },
  {
    nameJa: '海の豊かさを守ろう', nameEn: 'Life below water', color: '#0A97D9',
    titleJa: '持続可能な開発のために海洋・海洋資源を保全し、持続可能な形で利用する',
    titleEn: 'Conserve and sustainably use the oceans, seas and marine resources for sustainable development',
  },
  {
    nameJa: '陸の豊かさも守ろう', nameEn: 'Life on land', color: '#56C02B',
    titleJa: '陸域生態系の保護、回復、持続可能な利用の推進、持続可能な森林の経営、砂漠化への対処、ならびに土地の劣化の阻止・回復及び生物多様性の損失を阻止する',
    titleEn: 'Protect, restore and promote sustainable use of terrestrial ecosystems, sustainably manage forests, combat desertification, and halt and reverse land degradation and halt biodiversity loss',
  },
  {
    nameJa: '平和と公正をすべての人に', nameEn: 'Peace, justice and strong institutions', color: '#00689D',
    titleJa: '持続可能な開発のための平和で包摂的な社会を促進し、すべての人々に司法へのアクセスを提供し、あらゆるレベルにおいて効果的で説明責任のある包摂的な制度を構築する',
    titleEn: 'Promote peaceful and inclusive societies for sustainable development, provide access to justice for all and build effective, accountable and inclusive institutions at all levels',
  },
  {
    nameJa: 'パートナーシップで目標を達成しよう', nameEn: 'Partnerships for the goals', color: '#19486A',
    titleJa: '持続可能な開発のための実施手段を強化し、グローバル・パートナーシップを活性化する',
    titleEn: 'Strengthen the means of implementation and revitalize the Global Partnership for Sustainable Development',
  },
];

const GOAL_CODE = /^(?:[1-9]|1[0-7])$/;
const TARGET_CODE = /^([1-9]|1[0-7])\.(?:[1-9][0-9]?|[a-z])$/;

/** Sort key within a goal: numbered targets by number, then lettered ones. */
function targetSortKey(code: string): number {
  const part = code.slice(code.indexOf('.') + 1);
  return /^[0-9]+$/.test(part) ? Number(part) : 1000 + part.charCodeAt(0);
}

function buildGoals(): readonly SdgGoal[] {
  const byGoal = new Map<number, SdgTarget[]>();
  for (const [code, textEn, textJa] of rawSdgTargets) {
    const match = TARGET_CODE.exec(code);
    if (!match) throw new Error(`sdg catalogue: malformed target code ${code}`);
    const goal = Number(match[1]);
    const target: SdgTarget = Object.freeze({ code, goal, textEn, textJa });
    const list = byGoal.get(goal);
    if (list) list.push(target);
    else byGoal.set(goal, [target]);
  }
  return Object.freeze(goalHeads.map((head, i): SdgGoal => {
    const goal = i + 1;
    const targets = [...(byGoal.get(goal) ?? [])]
      .sort((a, b) => targetSortKey(a.code) - targetSortKey(b.code));
    return Object.freeze({ goal, ...head, targets: Object.freeze(targets) as SdgTarget[] });
  }));
}

/** The 17 goals, in order, each with its targets in catalogue order. */
export const sdgGoals: readonly SdgGoal[] = buildGoals();

/** All 169 targets, in catalogue order. */
export const sdgTargets: readonly SdgTarget[] = Object.freeze(sdgGoals.flatMap((g) => g.targets));

const targetsByCode: ReadonlyMap<string, SdgTarget> = new Map(sdgTargets.map((t) => [t.code, t]));

/** Position of every goal and target code in the catalogue (a goal comes just before its targets). */
const catalogueRank: ReadonlyMap<string, number> = new Map(
  sdgGoals.flatMap((g) => [String(g.goal), ...g.targets.map((t) => t.code)]).map((code, i) => [code, i]),
);

/** The goal with this number (1–17), or undefined. */
export function sdgGoal(goal: number): SdgGoal | undefined {
  return Number.isInteger(goal) && goal >= 1 && goal <= sdgGoals.length ? sdgGoals[goal - 1] : undefined;
}

/** The target with this code (e.g. '8.5', '8.b'), or undefined. */
export function sdgTarget(code: string): SdgTarget | undefined {
  return targetsByCode.get(code);
}

/**
 * True for a goal code ('1'…'17') or the code of one of the 169 targets
 * ('8.5', '8.10', '8.b'). Codes must be exact: no spaces, no leading zeros,
 * lower-case letters, and the target must exist ('8.11', '8.c' are not codes).
 */
export function isSdgCode(code: string): boolean {
  return typeof code === 'string' && (GOAL_CODE.test(code) || targetsByCode.has(code));
}

/** The goal number of a goal or target code: '8.b' -> 8, '8' -> 8. Throws RangeError if not a code. */
export function goalOfCode(code: string): number {
  if (!isSdgCode(code)) throw new RangeError(`not an SDG goal or target code: ${JSON.stringify(code)}`);
  const dot = code.indexOf('.');
  return Number(dot < 0 ? code : code.slice(0, dot));
}

/**
 * Compares two codes in catalogue order: goals in numeric order, each goal
 * just before its own targets, numbered targets in numeric order ('8.9' <
 * '8.10'), then lettered targets ('8.10' < '8.a'). Throws RangeError if
 * either argument is not a code (see isSdgCode).
 */
export function compareSdgCodes(a: string, b: string): number {
  const ra = catalogueRank.get(a);
  const rb = catalogueRank.get(b);
  if (ra === undefined) throw new RangeError(`not an SDG goal or target code: ${JSON.stringify(a)}`);
  if (rb === undefined) throw new RangeError(`not an SDG goal or target code: ${JSON.stringify(b)}`);
  return ra - rb;
}
