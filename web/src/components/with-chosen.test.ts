import { describe, expect, it } from 'vitest';
import { withChosen } from './with-chosen';

describe('the options of a search select', () => {
  const yamada = { value: 'p-1', label: 'C-001 山田 協子' };
  const sato = { value: 'p-2', label: 'C-002 佐藤 一郎' };

  it('keep the chosen one first while a search shows others', () => {
    expect(withChosen(yamada, [sato])).toEqual([yamada, sato]);
  });

  it('are the search’s when it found the chosen one, or nothing is chosen', () => {
    expect(withChosen(yamada, [sato, yamada])).toEqual([sato, yamada]);
    expect(withChosen(null, [sato])).toEqual([sato]);
  });
});
