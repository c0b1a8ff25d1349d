import { withQuery } from '../../api';
import { MEMBERSHIP_STATUSES, type MembershipStatus } from './member';

// What the registry page shows — search, filters, order and page — kept in the address so that back, reload and
// a shared link show the same list. The server pages; the page never loads the whole registry.

import { memberSorts as MEMBER_SORTS, type MemberSort } from '../../../../src/domain/members/views';

export { MEMBER_SORTS, type MemberSort };
export type SortOrder = 'asc' | 'desc';
/** A yes/no filter: '' is either. */
export type YesNo = '' | 'true' | 'false';

export const PAGE_SIZES = [25, 50, 100, 200] as const;

export interface MemberListState {
  /** The organization a federation administrator chose; '' for all (staff always see their own). */
  organization: string;
  q: string;
  kind: string;
  status: MembershipStatus | '';
  /** Members on this date (YYYY-MM-DD); engagement and labour contract are judged on it too. */
  memberOn: string;
  engaged: YesNo;
  labourContract: YesNo;
  sort: MemberSort;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export const DEFAULT_LIST_STATE: MemberListState = {
  organization: '',
  q: '',
  kind: '',
  status: '',
  memberOn: '',
  engaged: '',
  labourContract: '',
  sort: 'memberNumber',
  order: 'asc',
  page: 1,
  pageSize: 50,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KIND = /^[a-z0-9-]{1,40}$/;

function oneOf<T extends string>(value: string | null, choices: readonly T[], fallback: T): T {
  return choices.find((choice) => choice === value) ?? fallback;
}

function positiveInteger(value: string | null, fallback: number, max: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 && number <= max ? number : fallback;
}

/** The list state in an address's query; anything unreadable is left at its default. */
export function readListState(params: URLSearchParams): MemberListState {
  const d = DEFAULT_LIST_STATE;
  const memberOn = params.get('memberOn') ?? '';
  const kind = params.get('kind') ?? '';
  const pageSize = Number(params.get('pageSize'));
  return {
    organization: params.get('organization') ?? '',
    q: (params.get('q') ?? '').slice(0, 100),
    kind: KIND.test(kind) ? kind : '',
    status: oneOf<MembershipStatus | ''>(params.get('status'), MEMBERSHIP_STATUSES, ''),
    memberOn: ISO_DATE.test(memberOn) ? memberOn : '',
    engaged: oneOf<YesNo>(params.get('engaged'), ['true', 'false'], ''),
    labourContract: oneOf<YesNo>(params.get('labourContract'), ['true', 'false'], ''),
    sort: oneOf(params.get('sort'), MEMBER_SORTS, d.sort),
    order: oneOf<SortOrder>(params.get('order'), ['asc', 'desc'], d.order),
    page: positiveInteger(params.get('page'), d.page, 100_000),
    pageSize: PAGE_SIZES.find((size) => size === pageSize) ?? d.pageSize,
  };
}

/** The query of an address showing `state`; defaults are left out so the plain /members stays plain. */
export function listStateQuery(state: MemberListState): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of Object.keys(DEFAULT_LIST_STATE) as (keyof MemberListState)[]) {
    const value = key === 'q' ? state.q.trim() : state[key];
    if (value !== DEFAULT_LIST_STATE[key]) query[key] = String(value);
  }
  return query;
}

/**
 * The API path for `state`: one organization's registry, or — scope null — every organization the person may
 * see (`GET /members`).
 */
export function memberListPath(state: MemberListState, scope: string | null): string {
  const path = scope === null ? '/members' : `/organizations/${encodeURIComponent(scope)}/members`;
  return withQuery(path, {
    q: state.q.trim(),
    kind: state.kind,
    status: state.status,
    memberOn: state.memberOn,
    engaged: state.engaged,
    labourContract: state.labourContract,
    sort: state.sort,
    order: state.order,
    page: String(state.page),
    pageSize: String(state.pageSize),
  });
}

/** A change of search, filter or page size starts again at page 1; a change of page alone does not. */
export function changeList(state: MemberListState, changes: Partial<MemberListState>): MemberListState {
  const pageOnly = Object.keys(changes).every((key) => key === 'page');
  return { ...state, ...changes, page: pageOnly ? (changes.page ?? state.page) : 1 };
}

/** Sorting by a column: ascending first, the other way round when it is already sorted by it. */
export function sortBy(state: MemberListState, sort: MemberSort): MemberListState {
  const order: SortOrder = state.sort === sort && state.order === 'asc' ? 'desc' : 'asc';
  return changeList(state, { sort, order });
}

/** The aria-sort of a column header. */
export function ariaSort(state: MemberListState, sort: MemberSort): 'ascending' | 'descending' | 'none' {
  if (state.sort !== sort) return 'none';
  return state.order === 'asc' ? 'ascending' : 'descending';
}

/** How many filters narrow the list (the search and the organization apart). */
export function activeFilterCount(state: MemberListState): number {
  return [state.kind, state.status, state.memberOn, state.engaged, state.labourContract].filter(Boolean).length;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The positions shown on a page, from 1: page 2 of 50 → 51–100; nothing shown → 0–0. */
export function shownRange(page: number, pageSize: number, shown: number): { from: number; to: number } {
  if (shown === 0) return { from: 0, to: 0 };
  const from = (page - 1) * pageSize + 1;
  return { from, to: from + shown - 1 };
}
