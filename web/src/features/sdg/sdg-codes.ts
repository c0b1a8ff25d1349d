import type { SdgTag } from './sdg';

// SDG codes: a goal ('8') or one of its targets ('8.5', numbered; '8.b', lettered), in catalogue order.

interface ParsedCode {
  goal: number;
  /** 0 for the goal itself, 1 for a numbered target, 2 for a lettered one. */
  rank: 0 | 1 | 2;
  number: number;
  letter: string;
}

function parse(code: string): ParsedCode {
  const [goalPart = '', targetPart] = code.trim().split('.', 2);
  const goal = Number.parseInt(goalPart, 10);
  const safeGoal = Number.isFinite(goal) ? goal : Number.MAX_SAFE_INTEGER;
  if (targetPart === undefined || targetPart === '') return { goal: safeGoal, rank: 0, number: 0, letter: '' };
  if (/^\d+$/.test(targetPart)) return { goal: safeGoal, rank: 1, number: Number(targetPart), letter: '' };
  return { goal: safeGoal, rank: 2, number: 0, letter: targetPart.toLowerCase() };
}

/** Catalogue order: by goal, the goal before its targets, numbered targets by number, then lettered ones: 8 < 8.1 < 8.2 < 8.10 < 8.a. */
export function compareSdgCodes(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  return x.goal - y.goal || x.rank - y.rank || x.number - y.number || (x.letter < y.letter ? -1 : x.letter > y.letter ? 1 : 0);
}

/** The codes in catalogue order, each once. */
export function sortSdgCodes(codes: Iterable<string>): string[] {
  return [...new Set(codes)].sort(compareSdgCodes);
}

/** The goal a code belongs to ('8.5' → 8); null when it names none. */
export function goalOfCode(code: string): number | null {
  const match = /^\s*(\d{1,2})(?:\.|$)/.exec(code);
  return match ? Number(match[1]) : null;
}

/** The goals the codes belong to, each once, in order: ['8.5', '3', '8.b'] → [3, 8]. */
export function goalsOfCodes(codes: Iterable<string>): number[] {
  const goals = new Set<number>();
  for (const code of codes) {
    const goal = goalOfCode(code);
    if (goal !== null) goals.add(goal);
  }
  return [...goals].sort((a, b) => a - b);
}

/** The codes of each goal they belong to, in order: ['8.5', '3', '8.b'] → [[3, ['3']], [8, ['8.5', '8.b']]]. */
export function codesByGoal(codes: Iterable<string>): [number, string[]][] {
  const byGoal = new Map<number, string[]>();
  for (const code of sortSdgCodes(codes)) {
    const goal = goalOfCode(code);
    if (goal === null) continue;
    byGoal.set(goal, [...(byGoal.get(goal) ?? []), code]);
  }
  return [...byGoal.entries()];
}

/** The key of a tagged subject: `site:<id>`, `business-line:<code>`. */
export const subjectKey = (subjectType: SdgTag['subjectType'], subjectId: string) => `${subjectType}:${subjectId}`;

/** The codes of each subject, in catalogue order. */
export function tagsBySubject(tags: readonly SdgTag[]): Map<string, string[]> {
  const bySubject = new Map<string, string[]>();
  for (const tag of tags) {
    const key = subjectKey(tag.subjectType, tag.subjectId);
    bySubject.set(key, [...(bySubject.get(key) ?? []), tag.code]);
  }
  for (const [key, codes] of bySubject) bySubject.set(key, sortSdgCodes(codes));
  return bySubject;
}

/** The subject's tags replaced by the ones saved (others kept). */
export function replaceSubjectTags(tags: readonly SdgTag[], subjectType: SdgTag['subjectType'], subjectId: string, saved: readonly SdgTag[]): SdgTag[] {
  return [...tags.filter((tag) => tag.subjectType !== subjectType || tag.subjectId !== subjectId), ...saved];
}

/**
 * The codes a problem's field errors point at (`codes.1` → the second code sent), in the order sent, so a form can
 * say which ones the server did not know.
 */
export function codesNamedByErrors(errors: readonly { field: string }[], sent: readonly string[]): string[] {
  const named: string[] = [];
  for (const { field } of errors) {
    const match = /^codes\.(\d+)$/.exec(field);
    const code = match ? sent[Number(match[1])] : undefined;
    if (code !== undefined && !named.includes(code)) named.push(code);
  }
  return named;
}
