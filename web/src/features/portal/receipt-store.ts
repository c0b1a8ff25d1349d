// Ballot receipts kept in this browser. The server keeps a receipt with the ballot and never with the voter (so
// nobody can tell whose ballot it is); the voter alone can keep it. The voting page saves each receipt it shows
// here, under the signed-in account, so マイページ can list them and link each to the published result.

/** A receipt as this browser keeps it. */
export interface SavedReceipt {
  motionId: string;
  /** Whose vote it was: null for the member's own, else the person whose proxy they held. */
  forPersonId: string | null;
  /** The grantor's name, for a proxy's vote. */
  forName: string | null;
  motionTitle: string;
  meetingTitle: string;
  receipt: string;
  /** When it was saved (ISO timestamp). */
  savedAt: string;
}

/** The storage it lives in: localStorage in the browser, a stand-in in tests. */
export type ReceiptStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyOf = (userId: string) => `kyodo.receipts.${userId}`;

function isSavedReceipt(value: unknown): value is SavedReceipt {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.motionId === 'string' && typeof r.receipt === 'string' && typeof r.motionTitle === 'string' && typeof r.savedAt === 'string';
}

/** The receipts an account saved in this browser, newest first; nothing when none or unreadable. */
export function loadReceipts(storage: ReceiptStorage, userId: string): SavedReceipt[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(keyOf(userId)) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter(isSavedReceipt)
    .map((r) => ({ ...r, forPersonId: r.forPersonId ?? null, forName: r.forName ?? null, meetingTitle: r.meetingTitle ?? '' }))
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** Saves a receipt; one per motion and voter, a later one for the same replacing it. */
export function saveReceipt(storage: ReceiptStorage, userId: string, receipt: SavedReceipt): SavedReceipt[] {
  const others = loadReceipts(storage, userId).filter((r) => !(r.motionId === receipt.motionId && r.forPersonId === receipt.forPersonId));
  const next = [receipt, ...others];
  try {
    storage.setItem(keyOf(userId), JSON.stringify(next));
  } catch {
    // A full or disabled storage: the receipt is still shown on the page once, as before.
  }
  return next;
}

/** Forgets one receipt (by motion and voter), or all of them when no motion is named. */
export function forgetReceipts(storage: ReceiptStorage, userId: string, which?: Pick<SavedReceipt, 'motionId' | 'forPersonId'>): SavedReceipt[] {
  if (!which) {
    storage.removeItem(keyOf(userId));
    return [];
  }
  const next = loadReceipts(storage, userId).filter((r) => !(r.motionId === which.motionId && r.forPersonId === which.forPersonId));
  storage.setItem(keyOf(userId), JSON.stringify(next));
  return next;
}

/** The browser's storage, or null where there is none (private modes may refuse it). */
export function browserStorage(): ReceiptStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** What the voting page knows of a motion when a vote is cast on it: its meeting's motions and the proxies held. */
interface VotedMeeting {
  meeting: { title: string };
  motions: { id: string; title: string }[];
  proxiesHeld: { personId: string; name: string }[];
}

/**
 * The receipt the voting page was just shown, as it is kept: its key is `motionId:forPersonId` (`self` for the
 * member's own vote), and the motion and meeting are named from the page's list. Null when the motion is not in it.
 */
export function receiptOfVote(key: string, receipt: string, meetings: readonly VotedMeeting[], savedAt: string): SavedReceipt | null {
  const separator = key.lastIndexOf(':');
  const motionId = key.slice(0, separator);
  const who = key.slice(separator + 1);
  const forPersonId = who === 'self' ? null : who;
  for (const item of meetings) {
    const motion = item.motions.find((m) => m.id === motionId);
    if (!motion) continue;
    const forName = forPersonId ? (item.proxiesHeld.find((p) => p.personId === forPersonId)?.name ?? null) : null;
    return { motionId, forPersonId, forName, motionTitle: motion.title, meetingTitle: item.meeting.title, receipt, savedAt };
  }
  return null;
}

/** The receipts kept for an account as the voting page holds them: by `motionId:forPersonId` (`self` for its own). */
export function receiptsByKey(receipts: readonly SavedReceipt[]): Record<string, string> {
  return Object.fromEntries(receipts.map((r) => [`${r.motionId}:${r.forPersonId ?? 'self'}`, r.receipt]));
}

/** Keeps the receipt of a vote just cast, if this browser has storage and the motion is known. */
export function keepReceiptOfVote(userId: string, key: string, receipt: string, meetings: readonly VotedMeeting[]): void {
  const storage = browserStorage();
  const saved = receiptOfVote(key, receipt, meetings, new Date().toISOString());
  if (storage && saved) saveReceipt(storage, userId, saved);
}

/** The receipts this browser keeps for an account, by key, for the voting page to show again. */
export function keptReceipts(userId: string): Record<string, string> {
  const storage = browserStorage();
  return storage ? receiptsByKey(loadReceipts(storage, userId)) : {};
}
