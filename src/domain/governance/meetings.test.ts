import { describe, expect, it } from 'vitest';
import { lawProfiles } from '../law-profiles/profiles.js';
import { delegateAssemblyAllowed, delegatesNeeded, noticeCheck, proxyCapReached } from './meetings.js';

const act = lawProfiles.find((p) => p.id === 'jp-worker-coop-2022')!;

describe('meeting rules under the Act', () => {
  it('asks for at least ten days between the notice and the meeting', () => {
    expect(noticeCheck('2026-06-10', '2026-06-20', act)).toEqual({ inTime: true, latestNoticeDate: '2026-06-10', daysGiven: 10 });
    expect(noticeCheck('2026-06-11', '2026-06-20', act)).toMatchObject({ inTime: false, daysGiven: 9 });
    // Across a month end and a leap day.
    expect(noticeCheck('2028-02-19', '2028-03-01', act)).toMatchObject({ inTime: true, daysGiven: 11, latestNoticeDate: '2028-02-20' });
  });

  it('caps the votes one proxy carries at five', () => {
    expect(proxyCapReached(4, act)).toBe(false);
    expect(proxyCapReached(5, act)).toBe(true);
  });

  it('allows a delegate assembly above 200 members, with a tenth of the members as delegates or 100 above 1,000', () => {
    expect(delegateAssemblyAllowed(200, act)).toBe(false);
    expect(delegateAssemblyAllowed(201, act)).toBe(true);
    expect(delegatesNeeded(201)).toBe(21);
    expect(delegatesNeeded(1_000)).toBe(100);
    expect(delegatesNeeded(13_420)).toBe(100);
  });
});
