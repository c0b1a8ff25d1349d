import { describe, expect, it } from 'vitest';
import { searchQueryKey, searchTokens } from './search-key.js';

const yamada = { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' };
const ono = { familyName: '大野', givenName: '花子', familyKana: 'オオノ', givenKana: 'ハナコ' };

const finds = (person: typeof yamada, query: string) => searchTokens(person, 'A-0012').some((t) => t.startsWith(searchQueryKey(query)));

describe('member search keys', () => {
  it('finds a person by name, kana in any script, romaji and member number', () => {
    for (const query of ['山田', '山田太郎', '山田 太郎', '太郎', 'やまだ', 'ヤマダ', 'ﾔﾏﾀﾞ', 'yamada', 'Yamada', 'YAMADA', 'taro', 'tarou', 'やまだたろう', 'a-0012', 'Ａ－００１２']) {
      expect(finds(yamada, query), query).toBe(true);
    }
    expect(finds(yamada, '田中')).toBe(false);
  });

  it('folds the ways long vowels are typed in romaji', () => {
    for (const query of ['ono', 'oono', 'ohno', 'おおの', 'オーノ'.replace('ー', 'オ')]) expect(finds(ono, query), query).toBe(true);
  });
});
