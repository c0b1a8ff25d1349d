import type { ComboboxItem, ComboboxParsedItem } from '@mantine/core';
import type { Locale } from '../../i18n';
import type { SdgGoal, SdgTarget } from './sdg';

// How goals and targets are named in a choice of them: labels cut to a readable length, grouped by goal, found by
// their code or by any of their words in Japanese or English.

/** Where a long text may be cut: after Japanese commas and full stops, and at spaces. */
const BREAKS = new Set([' ', '、', '，', ',', '。', '；', ';', '：', ':']);
/** Left off the end of a cut text before the ellipsis. */
const TRAILING = /[\s、，,。；;：:（(「『]+$/u;

/**
 * A text cut to at most `max` characters (counting each character once, whatever its bytes), ending in '…' when
 * cut. It is cut at a break — a space or Japanese comma — when one falls in the last third, so words stay whole.
 */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text.trim().replace(/\s+/g, ' '));
  if (chars.length <= max) return chars.join('');
  const room = Math.max(1, max - 1);
  let cut = room;
  for (let i = room; i >= Math.ceil(room * 0.66); i -= 1) {
    if (BREAKS.has(chars[i] ?? '')) {
      cut = chars[i] === ' ' ? i : i + 1;
      break;
    }
  }
  const kept = chars.slice(0, cut).join('').replace(TRAILING, '');
  return `${kept || chars.slice(0, room).join('')}…`;
}

/** A target's text in the language shown; the English one where there is no Japanese text. */
export function targetText(target: SdgTarget, locale: Locale): string {
  return locale === 'ja' ? (target.textJa ?? target.textEn) : target.textEn;
}

export const goalName = (goal: SdgGoal, locale: Locale) => (locale === 'ja' ? goal.nameJa : goal.nameEn);
export const goalTitle = (goal: SdgGoal, locale: Locale) => (locale === 'ja' ? goal.titleJa : goal.titleEn);

/** The most characters of a target's text in a choice's label: enough to tell targets apart, short enough for a phone. */
export const TARGET_TEXT_LENGTH = { ja: 30, en: 48 } as const;

/** '8.5 — 2030年までに、若者や障害者を含む…'; cut to the length of the text's own language. */
export function targetLabel(target: SdgTarget, locale: Locale): string {
  const language = locale === 'ja' && target.textJa !== null ? 'ja' : 'en';
  return `${target.code} — ${truncateText(targetText(target, locale), TARGET_TEXT_LENGTH[language])}`;
}

/** The most characters of a target's text in the list to choose from, where it may take two or three lines. */
export const TARGET_OPTION_LENGTH = { ja: 90, en: 150 } as const;

/**
 * What each target's choice shows in the list to choose from: its code and much more of its text than its label
 * (targets of a goal often start alike: 「2030年までに、すべての子どもが男女の区別なく…」).
 */
export function sdgOptionTexts(goals: readonly SdgGoal[], locale: Locale): Map<string, string> {
  const texts = new Map<string, string>();
  for (const goal of goals) {
    for (const target of goal.targets) {
      const language = locale === 'ja' && target.textJa !== null ? 'ja' : 'en';
      texts.set(target.code, `${target.code} — ${truncateText(targetText(target, locale), TARGET_OPTION_LENGTH[language])}`);
    }
  }
  return texts;
}

/** '8 — 働きがいも経済成長も'. */
export function goalLabel(goal: SdgGoal, locale: Locale): string {
  return `${goal.goal} — ${goalName(goal, locale)}`;
}

/**
 * The choices of a goals-and-targets select: a group per goal, the goal as a whole first (`wholeGoal` names it,
 * e.g. '8 — 働きがいも経済成長も（目標全体）'), then its targets.
 */
export function sdgSelectData(goals: readonly SdgGoal[], locale: Locale, wholeGoal: (label: string) => string): { group: string; items: ComboboxItem[] }[] {
  return goals.map((goal) => ({
    group: goalLabel(goal, locale),
    items: [{ value: String(goal.goal), label: wholeGoal(goalLabel(goal, locale)) }, ...goal.targets.map((target) => ({ value: target.code, label: targetLabel(target, locale) }))],
  }));
}

/** Folds what is typed and what it is looked for in alike: full-width to half-width (８．５ → 8.5), lower case. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What each choice can be found by: its code, and the goal's names and titles or the target's texts in both languages. */
export function sdgSearchTexts(goals: readonly SdgGoal[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const goal of goals) {
    texts.set(String(goal.goal), foldForSearch([goal.nameJa, goal.nameEn, goal.titleJa, goal.titleEn].join(' ')));
    for (const target of goal.targets) texts.set(target.code, foldForSearch([target.textJa ?? '', target.textEn].join(' ')));
  }
  return texts;
}

/** Whether what was typed is a code, or the start of one: '8', '8.', '8.1', '8.b'. */
export const looksLikeCode = (typed: string) => /^\d{1,2}(\.[0-9a-z]*)?$/.test(typed);

/** Whether a code is what was typed as a code: '8' finds 8 and its targets, '8.1' finds 8.1 and 8.10 …, '8.b' finds 8.b. */
export function codeMatches(code: string, typed: string): boolean {
  if (!looksLikeCode(typed)) return false;
  if (code === typed) return true;
  return typed.includes('.') ? code.startsWith(typed) : code.startsWith(`${typed}.`);
}

/**
 * Whether a choice matches what was typed: a code (or its start) by the code alone — '3' is goal 3, not every text
 * with a 3 in it — anything else by every word typed being in its texts.
 */
export function sdgOptionMatches(code: string, searchText: string, typed: string): boolean {
  const folded = foldForSearch(typed);
  if (folded === '') return true;
  if (looksLikeCode(folded)) return codeMatches(code, folded);
  return folded.split(' ').every((word) => searchText.includes(word));
}

/** A select's filter over goal groups: keeps the matching choices of each group and the groups with any. */
export function filterSdgOptions(options: readonly ComboboxParsedItem[], typed: string, searchTexts: ReadonlyMap<string, string>): ComboboxParsedItem[] {
  const matches = (item: ComboboxItem) => sdgOptionMatches(item.value, searchTexts.get(item.value) ?? foldForSearch(item.label), typed);
  const kept: ComboboxParsedItem[] = [];
  for (const option of options) {
    if ('group' in option) {
      const items = option.items.filter(matches);
      if (items.length > 0) kept.push({ ...option, items });
    } else if (matches(option)) {
      kept.push(option);
    }
  }
  return kept;
}
