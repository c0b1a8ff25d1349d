import type { LawProfile } from '../law-profiles/profiles.js';

/**
 * Rules about convening and attending a general meeting (domain.md §2.8–§2.11): how early the notice goes out, how
 * many votes one proxy may carry, when a delegate assembly (総代会) may replace the general meeting and how many
 * delegates it needs. Each is a setting of the law profile or the bylaws; these functions apply them.
 */

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/**
 * Whether a notice sent on `noticeDate` is early enough for a meeting on `meetingDate`: at least `noticeDays` clear
 * days between them (the day of sending not counted, 初日不算入). Returns the latest day the notice could go out.
 */
export function noticeCheck(noticeDate: string, meetingDate: string, profile: Pick<LawProfile, 'meetingNoticeDays'>): { inTime: boolean; latestNoticeDate: string; daysGiven: number } {
  const daysGiven = daysBetween(noticeDate, meetingDate);
  const latestNoticeDate = new Date(Date.parse(`${meetingDate}T00:00:00Z`) - profile.meetingNoticeDays * dayMs).toISOString().slice(0, 10);
  return { inTime: daysGiven >= profile.meetingNoticeDays, latestNoticeDate, daysGiven };
}

/** A proxy may carry at most the profile's number of votes besides their own (setting, default 5). */
export function proxyCapReached(votesCarried: number, profile: Pick<LawProfile, 'proxyCapPerHolder'>): boolean {
  return votesCarried >= profile.proxyCapPerHolder;
}

/** A delegate assembly may replace the general meeting only above the profile's member count (the Act: 200). */
export function delegateAssemblyAllowed(members: number, profile: Pick<LawProfile, 'delegateAssemblyAbove'>): boolean {
  return members > profile.delegateAssemblyAbove;
}

/**
 * Delegates a delegate assembly needs (setting, default): at least one tenth of the members, or 100 once there are
 * more than 1,000 members.
 */
export function delegatesNeeded(members: number): number {
  return members > 1_000 ? 100 : Math.ceil(members / 10);
}
