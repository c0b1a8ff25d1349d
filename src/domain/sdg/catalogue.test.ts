import { describe, expect, it } from 'vitest';
import {
  compareSdgCodes, goalOfCode, isSdgCode, sdgGoal, sdgGoals, sdgTarget, sdgTargets,
} from './catalogue.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('SDG catalogue data', () => {
  it('has the 17 goals in order', () => {
    expect(sdgGoals).toHaveLength(17);
    expect(sdgGoals.map((g) => g.goal)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it('has 169 targets with the official count per goal', () => {
    expect(sdgTargets).toHaveLength(169);
    expect(sdgGoals.map((g) => g.targets.length)).toEqual([7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19]);
    expect(sdgGoals.reduce((n, g) => n + g.targets.length, 0)).toBe(169);
  });

  it('splits each goal into numbered outcome targets and lettered means-of-implementation targets', () => {
    const lettered = sdgGoals.map((g) => g.targets.filter((t) => /\.[a-z]$/.test(t.code)).length);
    expect(lettered).toEqual([2, 3, 4, 3, 3, 2, 2, 2, 3, 3, 3, 3, 2, 3, 3, 2, 0]);
    for (const g of sdgGoals) {
      const numbered = g.targets.filter((t) => /\.[0-9]+$/.test(t.code)).map((t) => t.code);
      expect(numbered).toEqual(numbered.map((_, i) => `${g.goal}.${i + 1}`));
      const letters = g.targets.filter((t) => /\.[a-z]$/.test(t.code)).map((t) => t.code.slice(-1));
      expect(letters.join('')).toBe('abcd'.slice(0, letters.length));
    }
  });

  it('has unique codes, each belonging to its goal', () => {
    const codes = sdgTargets.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const g of sdgGoals) {
      for (const t of g.targets) {
        expect(t.goal).toBe(g.goal);
        expect(t.code.startsWith(`${g.goal}.`)).toBe(true);
      }
    }
    expect(codes.at(0)).toBe('1.1');
    expect(codes.at(-1)).toBe('17.19');
  });

  it('has non-empty English texts and Japanese texts in Japanese', () => {
    for (const t of sdgTargets) {
      expect(t.textEn.trim().length, t.code).toBeGreaterThan(20);
      expect(t.textEn, t.code).toBe(t.textEn.trim());
      expect(t.textEn, t.code).not.toMatch(/\s{2}|\n/);
      expect(JAPANESE.test(t.textEn), t.code).toBe(false);
      expect(t.textJa, t.code).not.toBeNull();
      expect(t.textJa!.trim().length, t.code).toBeGreaterThan(10);
      expect(t.textJa, t.code).toMatch(JAPANESE);
      expect(t.textJa, t.code).not.toMatch(/[<>]|\s{2}|\n/);
    }
    for (const g of sdgGoals) {
      expect(g.nameEn.length).toBeGreaterThan(0);
      expect(g.titleEn.length).toBeGreaterThan(g.nameEn.length);
      expect(g.nameJa).toMatch(JAPANESE);
      expect(g.titleJa).toMatch(JAPANESE);
      expect(g.color).toMatch(/^#[0-9A-F]{6}$/);
    }
  });

  it('matches the source texts for spot-checked targets', () => {
    expect(sdgTarget('1.1')).toEqual({
      code: '1.1',
      goal: 1,
      textEn: 'By 2030, eradicate extreme poverty for all people everywhere, currently measured as people living on less than $1.25 a day',
      textJa: '2030年までに、現在１日1.25ドル未満で生活する人々と定義されている極度の貧困をあらゆる場所で終わらせる。',
    });
    expect(sdgTarget('8.5')).toEqual({
      code: '8.5',
      goal: 8,
      textEn: 'By 2030, achieve full and productive employment and decent work for all women and men, including for young people and persons with disabilities, and equal pay for work of equal value',
      textJa: '2030年までに、若者や障害者を含むすべての男性及び女性の、完全かつ生産的な雇用及び働きがいのある人間らしい仕事、ならびに同一労働同一賃金を達成する。',
    });
    expect(sdgTarget('8.10')?.textEn).toBe('Strengthen the capacity of domestic financial institutions to encourage and expand access to banking, insurance and financial services for all');
    expect(sdgTarget('17.19')?.textJa).toBe('2030年までに、持続可能な開発の進捗状況を測るGDP以外の尺度を開発する既存の取組を更に前進させ、開発途上国における統計に関する能力構築を支援する。');
    expect(sdgTarget('12.1')?.textEn).toContain('10-Year Framework of Programmes');
  });

  it('has the goal names, titles and colours', () => {
    const g1 = sdgGoal(1)!;
    expect(g1).toMatchObject({
      goal: 1, nameEn: 'No poverty', nameJa: '貧困をなくそう', color: '#E5243B',
      titleEn: 'End poverty in all its forms everywhere', titleJa: 'あらゆる場所のあらゆる形態の貧困を終わらせる',
    });
    expect(sdgGoal(8)).toMatchObject({
      nameEn: 'Decent work and economic growth', nameJa: '働きがいも経済成長も', color: '#A21942',
      titleEn: 'Promote sustained, inclusive and sustainable economic growth, full and productive employment and decent work for all',
    });
    expect(sdgGoals.map((g) => g.nameJa)).toEqual([
      '貧困をなくそう', '飢餓をゼロに', 'すべての人に健康と福祉を', '質の高い教育をみんなに', 'ジェンダー平等を実現しよう',
      '安全な水とトイレを世界中に', 'エネルギーをみんなに そしてクリーンに', '働きがいも経済成長も', '産業と技術革新の基盤をつくろう',
      '人や国の不平等をなくそう', '住み続けられるまちづくりを', 'つくる責任 つかう責任', '気候変動に具体的な対策を',
      '海の豊かさを守ろう', '陸の豊かさも守ろう', '平和と公正をすべての人に', 'パートナーシップで目標を達成しよう',
    ]);
    expect(new Set(sdgGoals.map((g) => g.color)).size).toBe(17);
    expect(sdgGoal(17)?.color).toBe('#19486A');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(sdgGoals)).toBe(true);
    expect(Object.isFrozen(sdgGoals[0])).toBe(true);
    expect(Object.isFrozen(sdgGoals[0]!.targets)).toBe(true);
    expect(Object.isFrozen(sdgGoals[0]!.targets[0])).toBe(true);
  });
});

describe('sdgGoal / sdgTarget', () => {
  it('finds goals 1–17 and nothing else', () => {
    expect(sdgGoal(10)?.nameEn).toBe('Reduced inequalities');
    for (const bad of [0, 18, -1, 1.5, NaN, Infinity]) expect(sdgGoal(bad)).toBeUndefined();
  });

  it('finds targets by exact code', () => {
    expect(sdgTarget('8.b')?.goal).toBe(8);
    for (const bad of ['8', '8.11', '8.c', ' 8.5', '8.B', '08.5']) expect(sdgTarget(bad)).toBeUndefined();
  });
});

describe('isSdgCode', () => {
  it('accepts goal codes and existing target codes', () => {
    for (const code of ['1', '8', '10', '17', '8.5', '8.10', '8.b', '1.a', '17.19', '16.10']) {
      expect(isSdgCode(code), code).toBe(true);
    }
    for (const t of sdgTargets) expect(isSdgCode(t.code)).toBe(true);
  });

  it('rejects everything else', () => {
    for (const code of [
      '', '0', '18', '08', '1.0', '8.11', '8.c', '17.20', '17.a', '8.B', '8.05', ' 8', '8 ', '8.', '.5',
      '8.5.1', 'SDG8', 'SDG 8.5', '8-5', '8,5', '１', 'x', '1e1',
    ]) {
      expect(isSdgCode(code), JSON.stringify(code)).toBe(false);
    }
    expect(isSdgCode(8 as unknown as string)).toBe(false);
    expect(isSdgCode(undefined as unknown as string)).toBe(false);
  });
});

describe('goalOfCode', () => {
  it('returns the goal of a goal or target code', () => {
    expect(goalOfCode('8.b')).toBe(8);
    expect(goalOfCode('8')).toBe(8);
    expect(goalOfCode('17.19')).toBe(17);
    expect(goalOfCode('10.a')).toBe(10);
    expect(goalOfCode('1.1')).toBe(1);
  });

  it('throws RangeError for anything that is not a code', () => {
    for (const bad of ['', '0', '18', '8.11', '8.c', 'SDG8', ' 8']) {
      expect(() => goalOfCode(bad), JSON.stringify(bad)).toThrow(RangeError);
    }
  });
});

describe('compareSdgCodes', () => {
  it('orders codes as in the catalogue', () => {
    expect(compareSdgCodes('8', '8.1')).toBeLessThan(0);
    expect(compareSdgCodes('8.9', '8.10')).toBeLessThan(0);
    expect(compareSdgCodes('8.10', '8.a')).toBeLessThan(0);
    expect(compareSdgCodes('8.a', '8.b')).toBeLessThan(0);
    expect(compareSdgCodes('8.b', '9')).toBeLessThan(0);
    expect(compareSdgCodes('2', '10')).toBeLessThan(0);
    expect(compareSdgCodes('2.c', '10.1')).toBeLessThan(0);
    expect(compareSdgCodes('10', '2')).toBeGreaterThan(0);
    expect(compareSdgCodes('8.5', '8.5')).toBe(0);
    expect(compareSdgCodes('17', '17')).toBe(0);
  });

  it('sorts a shuffled list into catalogue order', () => {
    const expected = sdgGoals.flatMap((g) => [String(g.goal), ...g.targets.map((t) => t.code)]);
    expect(expected).toHaveLength(186);
    const shuffled = [...expected].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    expect(shuffled.sort(compareSdgCodes)).toEqual(expected);
    expect(['8.a', '8.10', '8', '10.1', '2', '8.9', '8.1'].sort(compareSdgCodes))
      .toEqual(['2', '8', '8.1', '8.9', '8.10', '8.a', '10.1']);
  });

  it('throws RangeError for anything that is not a code', () => {
    expect(() => compareSdgCodes('8.11', '8.1')).toThrow(RangeError);
    expect(() => compareSdgCodes('8.1', '')).toThrow(RangeError);
    expect(() => compareSdgCodes('18', '1')).toThrow(RangeError);
  });
});
