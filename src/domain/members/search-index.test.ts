import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberNumberSortKey } from './member-number.js';
import { MemberSearchIndex, pageOfMembers, selectMembers, type IndexedMember, type MemberFilter, type MemberOrder } from './search-index.js';
import { searchQueryKey, searchTokens } from './search-key.js';

const member = (over: Partial<IndexedMember> & { membershipId: string; memberNumber: string }): IndexedMember => ({
  organizationId: 'org-a', personId: `p-${over.membershipId}`, memberNumberKey: memberNumberSortKey(over.memberNumber), kind: 'worker', status: 'admitted',
  admittedOn: '2024-04-01', endedOn: null, familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ', ...over,
});

describe('member search index', () => {
  const registry = [
    member({ membershipId: 'm3', memberNumber: '10', familyName: '佐藤', givenName: '花子', familyKana: 'サトウ', givenKana: 'ハナコ' }),
    member({ membershipId: 'm1', memberNumber: '2' }),
    member({ membershipId: 'm2', memberNumber: '0003', familyName: '佐々木', givenName: '一郎', familyKana: 'ササキ', givenKana: 'イチロウ', kind: 'user', status: 'withdrawn', endedOn: '2025-03-31' }),
    member({ membershipId: 'm4', memberNumber: '11', familyName: '大野', givenName: '太郎', familyKana: 'オオノ', givenKana: 'タロウ', admittedOn: null, status: 'applied' }),
  ];
  const index = new MemberSearchIndex(registry);
  const numbers = (members: IndexedMember[]) => members.map((m) => m.memberNumber);

  it('keeps members in member-number order, numbers as numbers (2, 0003, 10, 11)', () => {
    expect(numbers(index.select({}))).toEqual(['2', '0003', '10', '11']);
  });

  it('finds by kanji, kana in any script, romaji with long vowels folded, and number prefix; each member once', () => {
    expect(numbers(index.select({ key: searchQueryKey('佐') }))).toEqual(['0003', '10']);
    expect(numbers(index.select({ key: searchQueryKey('さとう') }))).toEqual(['10']);
    expect(numbers(index.select({ key: searchQueryKey('ｻｻｷ') }))).toEqual(['0003']);
    expect(numbers(index.select({ key: searchQueryKey('ohno') }))).toEqual(['11']);
    // 太郎 is the given name of two members, and the start of neither's full name: found through the given name.
    expect(numbers(index.select({ key: searchQueryKey('たろう') }))).toEqual(['2', '11']);
    expect(numbers(index.select({ key: searchQueryKey('1') }))).toEqual(['10', '11']);
    expect(index.select({ key: searchQueryKey('田中') })).toEqual([]);
  });

  it('filters by kind, status and members on a date (admitted by then, not ended by then)', () => {
    expect(numbers(index.select({ kind: 'user' }))).toEqual(['0003']);
    expect(numbers(index.select({ status: 'admitted' }))).toEqual(['2', '10']);
    expect(numbers(index.select({ memberOn: '2025-03-30' }))).toEqual(['2', '0003', '10']);
    expect(numbers(index.select({ memberOn: '2025-03-31' }))).toEqual(['2', '10']);
    expect(numbers(index.select({ memberOn: '2024-03-31' }))).toEqual([]);
  });

  it('sorts by kana and by admission date, a missing date placed as each database places a null', () => {
    const order = (sort: MemberOrder['sort'], descending: boolean, nullsSmallest = true) => numbers(selectMembers([index], {}, { sort, descending, nullsSmallest }));
    expect(order('kana', false)).toEqual(['11', '0003', '10', '2']);
    expect(order('memberNumber', true)).toEqual(['11', '10', '0003', '2']);
    // Equal dates fall back on the membership id, ascending in both directions.
    expect(order('admittedOn', false, true)).toEqual(['11', '2', '0003', '10']);
    expect(order('admittedOn', false, false)).toEqual(['2', '0003', '10', '11']);
    expect(order('admittedOn', true, false)).toEqual(['11', '2', '0003', '10']);
  });

  // The index against the plain definition: a member matches when a token of theirs starts with the key; the list is
  // the filter's members sorted by the sort's columns, then the membership id.
  const kanas = ['ヤマダ', 'ヤマモト', 'サトウ', 'サイトウ', 'オオノ', 'オノ', 'タナカ'];
  const names = ['山田', '山本', '佐藤', '斎藤', '大野', '小野', '田中'];
  const arbitraryMember = fc.record({
    membershipId: fc.uuid(),
    organizationId: fc.constantFrom('org-a', 'org-b'),
    memberNumber: fc.stringMatching(/^[0-9]{1,4}$/),
    name: fc.nat({ max: names.length - 1 }),
    given: fc.constantFrom(['太郎', 'タロウ'], ['花子', 'ハナコ'], ['一郎', 'イチロウ']),
    kind: fc.constantFrom('worker', 'user'),
    status: fc.constantFrom('applied', 'admitted', 'withdrawn'),
    admittedOn: fc.option(fc.constantFrom('2023-04-01', '2024-04-01', '2025-04-01')),
    endedOn: fc.option(fc.constantFrom('2024-03-31', '2026-03-31')),
  }).map((r): IndexedMember => member({
    membershipId: r.membershipId, organizationId: r.organizationId, memberNumber: r.memberNumber, kind: r.kind, status: r.status as IndexedMember['status'],
    admittedOn: r.admittedOn, endedOn: r.endedOn, familyName: names[r.name]!, familyKana: kanas[r.name]!, givenName: r.given[0]!, givenKana: r.given[1]!,
  }));
  const registryOf = fc.uniqueArray(arbitraryMember, { selector: (m) => m.membershipId, maxLength: 40 });
  /** Later states of some of those members (same membership and organization), and new members. */
  const changesOf = (members: IndexedMember[]) => fc.array(fc.tuple(fc.option(fc.constantFrom(...members.map((m) => m.membershipId), 'none'), { nil: undefined }), arbitraryMember), { maxLength: 12 })
    .map((pairs) => pairs.map(([id, later]) => {
      const before = members.find((m) => m.membershipId === id);
      return before ? { ...later, membershipId: before.membershipId, organizationId: before.organizationId, personId: before.personId } : later;
    }));

  it('answers as the plain definition does, for any registry, search, filter and order', () => {
    fc.assert(fc.property(
      registryOf.chain((initial) => fc.tuple(fc.constant(initial), changesOf(initial))),
      fc.option(fc.constantFrom('や', 'やま', 'ya', 'sato', 'さ', '佐', '1', '0', 'taro', 'お', 'ono', '小'), { nil: undefined }),
      fc.record({ kind: fc.option(fc.constantFrom('worker', 'user'), { nil: undefined }), status: fc.option(fc.constantFrom('admitted', 'withdrawn'), { nil: undefined }) }),
      fc.option(fc.constantFrom('2024-03-31', '2025-01-01'), { nil: undefined }),
      fc.record({ sort: fc.constantFrom('memberNumber', 'kana', 'admittedOn'), descending: fc.boolean(), nullsSmallest: fc.boolean() }),
      ([initial, changes], query, { kind, status }, memberOn, order) => {
        const key = query === undefined ? undefined : searchQueryKey(query);
        const filter: MemberFilter = { key, kind, status: status as IndexedMember['status'] | undefined, memberOn };
        // Built from the first state, then told of each change: it answers as of the last.
        const byOrganization = ['org-a', 'org-b'].map((o) => new MemberSearchIndex(initial.filter((m) => m.organizationId === o)));
        const latest = new Map(initial.map((m) => [m.membershipId, m]));
        for (const change of changes) {
          byOrganization[change.organizationId === 'org-a' ? 0 : 1]!.put(change);
          latest.set(change.membershipId, change);
        }
        const members = [...latest.values()];
        const expected = members.filter((m) =>
          (key === undefined || searchTokens(m, m.memberNumber).some((t) => t.startsWith(key)))
          && (kind === undefined || m.kind === kind) && (status === undefined || m.status === status)
          && (memberOn === undefined || (m.admittedOn !== null && m.admittedOn <= memberOn && (m.endedOn === null || m.endedOn > memberOn))));
        const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? (order.nullsSmallest ? -1 : 1) : b === null ? (order.nullsSmallest ? 1 : -1) : a < b ? -1 : 1);
        const columns = (m: IndexedMember) => (order.sort === 'memberNumber' ? [m.memberNumberKey, m.memberNumber] : order.sort === 'kana' ? [m.familyKana, m.givenKana] : [m.admittedOn]);
        expected.sort((a, b) => {
          const [ca, cb] = [columns(a), columns(b)];
          for (let i = 0; i < ca.length; i++) {
            const c = cmp(ca[i]!, cb[i]!);
            if (c !== 0) return order.descending ? -c : c;
          }
          return a.membershipId < b.membershipId ? -1 : 1;
        });
        expect(selectMembers(byOrganization, filter, order).map((m) => m.membershipId)).toEqual(expected.map((m) => m.membershipId));
        // A page of it, merged from each organization's part, and the count of all.
        for (const [offset, limit] of [[0, 3], [2, 5], [members.length, 4]] as const) {
          const page = pageOfMembers(byOrganization, filter, order, offset, limit);
          expect(page.total).toBe(expected.length);
          expect(page.items.map((m) => m.membershipId)).toEqual(expected.slice(offset, offset + limit).map((m) => m.membershipId));
        }
        // One organization alone, as its own registry page shows it.
        const alone = expected.filter((m) => m.organizationId === 'org-a').map((m) => m.membershipId);
        expect(selectMembers([byOrganization[0]!], filter, order).map((m) => m.membershipId)).toEqual(alone);
      },
    ), { numRuns: 300 });
  });

  it('builds itself again once many members changed, and answers the same', () => {
    const many = Array.from({ length: 600 }, (_, i) => member({ membershipId: `id-${String(i).padStart(4, '0')}`, memberNumber: String(i + 1) }));
    const growing = new MemberSearchIndex(many.slice(0, 100));
    for (const m of many.slice(100)) growing.put(m);
    // A renamed member is found by the new name only.
    growing.put({ ...many[0]!, familyName: '森', familyKana: 'モリ' });
    expect(growing.size).toBe(600);
    expect(numbers(growing.select({ key: searchQueryKey('mori') }))).toEqual(['1']);
    expect(growing.select({ key: searchQueryKey('やまだ') })).toHaveLength(599);
    expect(numbers(growing.select({}, { sort: 'memberNumber', descending: true, nullsSmallest: true }).slice(0, 2))).toEqual(['600', '599']);
  });
});
