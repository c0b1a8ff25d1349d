/** What a link back from a member's page says: the list it came from. */
export type BackLabel = 'members.back' | 'workers.back';

export interface MemberBackLink {
  to: string;
  /** Opened from a list in this app, so stepping back in the history returns to it exactly. */
  fromList: boolean;
  label: BackLabel;
}

const WORKERS_PATH = '/members/workers';

/**
 * The way back from a member's page, from the router state the linking list left (`{ backTo }`: its address with
 * search, filters and page). The member registry and the workers list link here; opened any other way, the registry.
 */
export function memberBackLink(state: unknown): MemberBackLink {
  const backTo = typeof state === 'object' && state !== null ? (state as { backTo?: unknown }).backTo : undefined;
  // Only an address inside the app: a path, never another site.
  if (typeof backTo !== 'string' || !backTo.startsWith('/') || backTo.startsWith('//')) {
    return { to: '/members', fromList: false, label: 'members.back' };
  }
  const path = backTo.split(/[?#]/, 1)[0];
  const workers = path === WORKERS_PATH || path === `${WORKERS_PATH}/`;
  return { to: backTo, fromList: true, label: workers ? 'workers.back' : 'members.back' };
}
