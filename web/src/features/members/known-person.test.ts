import { describe, expect, it } from 'vitest';
import { knownPersonState, registerKnownPersonLink } from './known-person';

const person = { id: 'p1', familyName: '山田', givenName: '花子', familyKana: 'ヤマダ', givenKana: 'ハナコ' };

describe('registering a person already in the registry', () => {
  it('links to the register page with the person’s id, and their name in the router state', () => {
    // A row of the workers list carries more than the person: only the person goes into the state.
    const worker = { ...person, member: false, site: '芝山事業所' };
    const link = registerKnownPersonLink(worker, 'org-1');
    expect(link.to).toBe('/members/new?personId=p1&organization=org-1');
    expect(link.state).toEqual({ person });
    expect(registerKnownPersonLink(person, undefined, 'org-1')).toEqual({
      to: '/members/new?personId=p1', state: { person, exceptOrganizationId: 'org-1' },
    });
  });

  it('reads the person back from the state only when it is the one the address names', () => {
    const { state } = registerKnownPersonLink(person, undefined, 'org-1');
    expect(knownPersonState(state, 'p1')).toEqual({ person, exceptOrganizationId: 'org-1' });
    expect(knownPersonState(state, 'p2')).toBeNull();
    expect(knownPersonState(null, 'p1')).toBeNull();
    expect(knownPersonState({ backTo: '/members' }, 'p1')).toBeNull();
    expect(knownPersonState({ person: { ...person, familyName: 1 } }, 'p1')).toBeNull();
  });
});
