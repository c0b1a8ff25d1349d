import type { MemberCount } from './member';

/** Members of one organization on a date: worker members, user members, and all (other kinds included). */
export interface KindCounts {
  worker: number;
  user: number;
  total: number;
}

export const NO_MEMBERS: KindCounts = { worker: 0, user: 0, total: 0 };

function add(counts: KindCounts, { kind, members }: MemberCount): KindCounts {
  return {
    worker: counts.worker + (kind === 'worker' ? members : 0),
    user: counts.user + (kind === 'user' ? members : 0),
    total: counts.total + members,
  };
}

/** The server's counts (one row per organization and kind) by organization. */
export function countsByOrganization(items: readonly MemberCount[]): Map<string, KindCounts> {
  const byOrganization = new Map<string, KindCounts>();
  for (const item of items) byOrganization.set(item.organizationId, add(byOrganization.get(item.organizationId) ?? NO_MEMBERS, item));
  return byOrganization;
}

/** All the organizations together. */
export function totalCounts(items: readonly MemberCount[]): KindCounts {
  return items.reduce(add, NO_MEMBERS);
}
