/** What a link back from a member's page says: the list it came from. */
export type BackLabel = 'members.back' | 'workers.back' | 'capital.back';

export interface MemberBackLink {
  to: string;
  /** Opened from a list in this app, so stepping back in the history returns to it exactly. */
  fromList: boolean;
  label: BackLabel;
}

const WORKERS_PATH = '/members/workers';
const CAPITAL_PATH = '/capital';

/**
 * The way back from a member's page, from the router state the linking list left (`{ backTo }`: its address with
 * search, filters and page). The member registry, the workers list and the capital register link here; opened any other
 * way, the registry.
 */
export function memberBackLink(state: unknown): MemberBackLink {
  const backTo = typeof state === 'object' && state !== null ? (state as { backTo?: unknown }).backTo : undefined;
  // Only an address inside the app: a path, never another site.
  if (typeof backTo !== 'string' || !backTo.startsWith('/') || backTo.startsWith('//')) {
    return { to: '/members', fromList: false, label: 'members.back' };
  }
  const path = backTo.split(/[?#]/, 1)[0];
  const is = (list: string) => path === list || path === `${list}/`;
  return { to: backTo, fromList: true, label: is(WORKERS_PATH) ? 'workers.back' : is(CAPITAL_PATH) ? 'capital.back' : 'members.back' };
}
