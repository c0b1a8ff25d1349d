import { describe, expect, it } from 'vitest';
import { memberBackLink } from './member-back-link';

describe('the way back from a member’s page', () => {
  it('returns to the registry as it was left', () => {
    expect(memberBackLink({ backTo: '/members?q=yamada&page=2' })).toEqual({ to: '/members?q=yamada&page=2', fromList: true, label: 'members.back' });
  });

  it('returns to the workers list, and says so', () => {
    expect(memberBackLink({ backTo: '/members/workers?date=2025-06-01' })).toEqual({
      to: '/members/workers?date=2025-06-01', fromList: true, label: 'workers.back',
    });
    // Registering a non-member worker is not the workers list.
    expect(memberBackLink({ backTo: '/members/workers/new' }).label).toBe('members.back');
  });

  it('returns to the capital register, and says so', () => {
    expect(memberBackLink({ backTo: '/capital?date=2026-03-31' })).toEqual({ to: '/capital?date=2026-03-31', fromList: true, label: 'capital.back' });
  });

  it('goes to the registry when opened by address or given something else', () => {
    const registry = { to: '/members', fromList: false, label: 'members.back' };
    expect(memberBackLink(null)).toEqual(registry);
    expect(memberBackLink({ backTo: 42 })).toEqual(registry);
    expect(memberBackLink({ backTo: 'https://example.com/' })).toEqual(registry);
    expect(memberBackLink({ backTo: '//example.com/members' })).toEqual(registry);
  });
});
