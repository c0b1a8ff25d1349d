import type { ComboboxParsedItem } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import type { SdgGoal } from './sdg';
import { codeMatches, filterSdgOptions, foldForSearch, sdgOptionMatches, sdgOptionTexts, sdgSearchTexts, sdgSelectData, targetLabel, truncateText } from './sdg-labels';

const goal8: SdgGoal = {
  goal: 8,
  nameJa: '働きがいも経済成長も',
  nameEn: 'Decent work and economic growth',
  titleJa: '包摂的かつ持続可能な経済成長及びすべての人々の完全かつ生産的な雇用と働きがいのある人間らしい雇用(ディーセント・ワーク)を促進する',
  titleEn: 'Promote sustained, inclusive and sustainable economic growth, full and productive employment and decent work for all',
  color: '#A21942',
  targets: [
    {
      code: '8.5',
      goal: 8,
      textEn: 'By 2030, achieve full and productive employment and decent work for all women and men, including for young people and persons with disabilities, and equal pay for work of equal value',
      textJa: '2030年までに、若者や障害者を含むすべての男性及び女性の、完全かつ生産的な雇用及び働きがいのある人間らしい仕事、ならびに同一労働同一賃金を達成する。',
    },
    { code: '8.10', goal: 8, textEn: 'Strengthen the capacity of domestic financial institutions', textJa: null },
    { code: '8.b', goal: 8, textEn: 'By 2020, develop and operationalize a global strategy for youth employment', textJa: '2020年までに、若年雇用のための世界的戦略を展開・運用化する。' },
  ],
};
const goal3: SdgGoal = {
  goal: 3,
  nameJa: 'すべての人に健康と福祉を',
  nameEn: 'Good health and well-being',
  titleJa: 'あらゆる年齢のすべての人々の健康的な生活を確保し、福祉を促進する',
  titleEn: 'Ensure healthy lives and promote well-being for all at all ages',
  color: '#4C9F38',
  targets: [{ code: '3.8', goal: 3, textEn: 'Achieve universal health coverage', textJa: 'ユニバーサル・ヘルス・カバレッジを達成する。' }],
};

describe('truncateText', () => {
  it('leaves a short text as it is', () => {
    expect(truncateText('Achieve universal health coverage', 48)).toBe('Achieve universal health coverage');
  });

  it('cuts at a Japanese comma near the end and adds an ellipsis', () => {
    expect(truncateText('2030年までに、若者や障害者を含むすべての男性及び女性の、完全かつ生産的な雇用', 30)).toBe('2030年までに、若者や障害者を含むすべての男性及び女性の…');
  });

  it('cuts English at a space, not inside a word', () => {
    const cut = truncateText('By 2030, achieve full and productive employment and decent work for all women and men', 40);
    expect(cut).toBe('By 2030, achieve full and productive…');
    expect(Array.from(cut).length).toBeLessThanOrEqual(40);
  });

  it('cuts in the middle when there is no break near the end', () => {
    expect(truncateText('あいうえおかきくけこさしすせそ', 10)).toBe('あいうえおかきくけ…');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(Array.from(truncateText('𠮷'.repeat(20), 10)).length).toBe(10);
  });
});

describe('labels and groups', () => {
  it("labels a target by its code and its text in the language shown, English where there is no Japanese", () => {
    expect(targetLabel(goal8.targets[0]!, 'ja')).toBe('8.5 — 2030年までに、若者や障害者を含むすべての男性及び女性の…');
    expect(targetLabel(goal8.targets[1]!, 'ja')).toBe('8.10 — Strengthen the capacity of domestic financial…');
    expect(targetLabel(goal8.targets[1]!, 'en')).toBe('8.10 — Strengthen the capacity of domestic financial…');
  });

  it('groups a goal as a whole and its targets under the goal', () => {
    const data = sdgSelectData([goal3, goal8], 'en', (label) => `${label} (whole goal)`);
    expect(data.map((group) => group.group)).toEqual(['3 — Good health and well-being', '8 — Decent work and economic growth']);
    expect(data[1]!.items.map((item) => item.value)).toEqual(['8', '8.5', '8.10', '8.b']);
    expect(data[1]!.items[0]!.label).toBe('8 — Decent work and economic growth (whole goal)');
  });
});

describe('search', () => {
  const texts = sdgSearchTexts([goal3, goal8]);

  it('folds full-width characters and case', () => {
    expect(foldForSearch(' ８．５ ')).toBe('8.5');
    expect(foldForSearch('Decent  WORK')).toBe('decent work');
  });

  it('matches codes: a goal with its targets, a target prefix, a lettered target', () => {
    expect(codeMatches('8', '8')).toBe(true);
    expect(codeMatches('8.5', '8')).toBe(true);
    expect(codeMatches('18.1', '8')).toBe(false);
    expect(codeMatches('8.1', '8.1')).toBe(true);
    expect(codeMatches('8.10', '8.1')).toBe(true);
    expect(codeMatches('8.b', '8.b')).toBe(true);
    expect(codeMatches('8.5', 'work')).toBe(false);
  });

  it('matches words in either language, all of them', () => {
    expect(sdgOptionMatches('8.5', texts.get('8.5')!, '障害者')).toBe(true);
    expect(sdgOptionMatches('8.5', texts.get('8.5')!, 'disabilities young')).toBe(true);
    expect(sdgOptionMatches('8.5', texts.get('8.5')!, 'disabilities coverage')).toBe(false);
    expect(sdgOptionMatches('8', texts.get('8')!, 'ディーセント')).toBe(true);
  });

  it('keeps the matching choices of each group and drops empty groups', () => {
    const options = sdgSelectData([goal3, goal8], 'ja', (label) => label) as ComboboxParsedItem[];
    const found = filterSdgOptions(options, 'youth', texts);
    expect(found).toEqual([{ group: '8 — 働きがいも経済成長も', items: [{ value: '8.b', label: expect.stringMatching(/^8\.b — /) }] }]);
    expect(filterSdgOptions(options, '', texts)).toHaveLength(2);
    expect(filterSdgOptions(options, '3', texts).flatMap((o) => ('group' in o ? o.items.map((i) => i.value) : []))).toEqual(['3', '3.8']);
  });
});

describe('sdgOptionTexts', () => {
  it('shows more of a target in the list than in its label', () => {
    const texts = sdgOptionTexts([goal8], 'ja');
    expect(texts.get('8.5')).toBe(`8.5 — ${goal8.targets[0]!.textJa}`);
    expect(texts.get('8.10')).toBe('8.10 — Strengthen the capacity of domestic financial institutions');
    expect(texts.has('8')).toBe(false);
  });
});
