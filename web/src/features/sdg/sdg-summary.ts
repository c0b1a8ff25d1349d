import type { SdgGoalView, SdgView } from './sdg';

// What a goal in the SDG view comes to, for its card, and what the whole view comes to, for the page's summary.

export interface GoalSummary {
  goal: number;
  /** Anything — a business line or a site — serves the goal. */
  served: boolean;
  businessLines: number;
  sites: number;
  /** Sites tagged themselves, not only through their business line. */
  directSites: number;
  /** Commissioned programmes (contracts running in the year) tagged with the goal, and the participants they took in. */
  programmes: number;
  intakes: number;
  /** The targets named (the goal as a whole left out), catalogue order. */
  targets: string[];
  /** The goal itself is tagged, not only some of its targets. */
  wholeGoal: boolean;
  turnover: number;
  peopleServed: number;
  workers: number;
}

export function summariseGoal(view: SdgGoalView): GoalSummary {
  const goalCode = String(view.goal);
  return {
    goal: view.goal,
    served: view.businessLines.length > 0 || view.sites.length > 0 || view.programmes.length > 0,
    businessLines: view.businessLines.length,
    sites: view.sites.length,
    directSites: view.sites.filter((site) => site.direct).length,
    programmes: view.programmes.length,
    intakes: view.programmes.reduce((n, p) => n + p.intakes, 0),
    targets: view.codes.filter((code) => code !== goalCode),
    wholeGoal: view.codes.includes(goalCode),
    turnover: view.turnover,
    peopleServed: view.peopleServed,
    workers: view.workers,
  };
}

export interface ViewSummary {
  /** How many of the goals something serves. */
  served: number;
  /** How many goals there are (17). */
  goals: number;
  /** The sites serving any goal, each counted once. */
  sites: number;
}

export function summariseView(view: SdgView): ViewSummary {
  const sites = new Set(view.goals.flatMap((goal) => goal.sites.map((site) => site.id)));
  return { served: view.goals.filter((goal) => summariseGoal(goal).served).length, goals: view.goals.length, sites: sites.size };
}

/** The name shown: the English one in English where there is one, else the Japanese. */
export const shownName = (item: { nameJa: string; nameEn: string | null }, locale: 'ja' | 'en') => (locale === 'en' && item.nameEn ? item.nameEn : item.nameJa);

/** Items sorted by the name shown, as people read them in that language. */
export function sortByName<T extends { nameJa: string; nameEn: string | null }>(items: readonly T[], locale: 'ja' | 'en'): T[] {
  const collator = new Intl.Collator(locale);
  return [...items].sort((a, b) => collator.compare(shownName(a, locale), shownName(b, locale)));
}
