import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  ariaSort,
  changeList,
  DEFAULT_LIST_STATE,
  listStateQuery,
  memberListPath,
  pageCount,
  readListState,
  shownRange,
  sortBy,
} from './member-list-query';

const state = (overrides: Partial<typeof DEFAULT_LIST_STATE> = {}) => ({ ...DEFAULT_LIST_STATE, ...overrides });

describe('the registry list in the address', () => {
  it('reads an empty query as the defaults', () => {
    expect(readListState(new URLSearchParams())).toEqual(DEFAULT_LIST_STATE);
  });

  it('reads what it wrote', () => {
    const written = state({
      organization: 'org-1', q: 'やまだ', kind: 'worker', status: 'admitted', memberOn: '2026-04-01',
      engaged: 'true', labourContract: 'false', sort: 'kana', order: 'desc', page: 3, pageSize: 100,
    });
    expect(readListState(new URLSearchParams(listStateQuery(written)))).toEqual(written);
  });

  it('leaves defaults out of the address', () => {
    expect(listStateQuery(DEFAULT_LIST_STATE)).toEqual({});
    expect(listStateQuery(state({ q: '  ', page: 2 }))).toEqual({ page: '2' });
  });

  it('ignores values it cannot use', () => {
    const read = readListState(new URLSearchParams('status=asleep&sort=age&order=up&page=-1&pageSize=7&memberOn=1st+April&engaged=maybe&kind=Worker!'));
    expect(read).toEqual(DEFAULT_LIST_STATE);
  });
});

describe('the API path', () => {
  it('asks one organization, or every organization when there is no scope', () => {
    expect(memberListPath(DEFAULT_LIST_STATE, 'org 1')).toBe('/organizations/org%201/members?sort=memberNumber&order=asc&page=1&pageSize=50');
    expect(memberListPath(DEFAULT_LIST_STATE, null)).toBe('/members?sort=memberNumber&order=asc&page=1&pageSize=50');
  });

  it('sends the search trimmed and encoded, and only the filters that are set', () => {
    const path = memberListPath(state({ q: ' ヤマダ ', engaged: 'false', memberOn: '2026-04-01', sort: 'admittedOn', order: 'desc', page: 2 }), 'o');
    const query = new URLSearchParams(path.split('?')[1]);
    expect(Object.fromEntries(query)).toEqual({
      q: 'ヤマダ', memberOn: '2026-04-01', engaged: 'false', sort: 'admittedOn', order: 'desc', page: '2', pageSize: '50',
    });
  });
});

describe('changing the list', () => {
  it('goes back to page 1 when the search or a filter changes, not when the page does', () => {
    expect(changeList(state({ page: 4 }), { q: 'ohno' }).page).toBe(1);
    expect(changeList(state({ page: 4 }), { pageSize: 100 }).page).toBe(1);
    expect(changeList(state({ page: 4 }), { page: 5 }).page).toBe(5);
  });

  it('sorts ascending first and flips on the second click', () => {
    const byKana = sortBy(state({ page: 3 }), 'kana');
    expect(byKana).toMatchObject({ sort: 'kana', order: 'asc', page: 1 });
    expect(sortBy(byKana, 'kana')).toMatchObject({ sort: 'kana', order: 'desc' });
    expect(sortBy(sortBy(byKana, 'kana'), 'kana').order).toBe('asc');
    expect(sortBy(state({ sort: 'kana', order: 'desc' }), 'admittedOn')).toMatchObject({ sort: 'admittedOn', order: 'asc' });
  });

  it('tells assistive technology how each column is sorted', () => {
    const s = state({ sort: 'kana', order: 'desc' });
    expect(ariaSort(s, 'kana')).toBe('descending');
    expect(ariaSort(s, 'memberNumber')).toBe('none');
    expect(ariaSort(DEFAULT_LIST_STATE, 'memberNumber')).toBe('ascending');
  });

  it('counts the filters in use', () => {
    expect(activeFilterCount(state({ q: 'x', organization: 'o' }))).toBe(0);
    expect(activeFilterCount(state({ kind: 'user', engaged: 'false', memberOn: '2026-01-01' }))).toBe(3);
  });
});

describe('pages', () => {
  it('counts pages, at least one', () => {
    expect(pageCount(65_000, 50)).toBe(1300);
    expect(pageCount(65_001, 50)).toBe(1301);
    expect(pageCount(0, 50)).toBe(1);
  });

  it('numbers the rows shown', () => {
    expect(shownRange(1, 50, 50)).toEqual({ from: 1, to: 50 });
    expect(shownRange(1300, 50, 50)).toEqual({ from: 64_951, to: 65_000 });
    expect(shownRange(2, 50, 7)).toEqual({ from: 51, to: 57 });
    expect(shownRange(1, 50, 0)).toEqual({ from: 0, to: 0 });
  });
});
