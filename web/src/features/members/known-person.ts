import { withQuery } from '../../api';

/**
 * A person already in the registry — a non-member worker, or a member of another organization — as the register
 * page is told about them: passed in the router's state by the page that links there, so the form can name them.
 */
export interface KnownPerson {
  id: string;
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
}

export interface KnownPersonState {
  person: KnownPerson;
  /** An organization not to offer: the one the person is already a member of, when linking them to another. */
  exceptOrganizationId?: string;
}

/** The link that registers a known person as a member: in `organizationId` if given, otherwise one to choose. */
export function registerKnownPersonLink(person: KnownPerson, organizationId?: string, exceptOrganizationId?: string) {
  const state: KnownPersonState = {
    person: {
      id: person.id,
      familyName: person.familyName,
      givenName: person.givenName,
      familyKana: person.familyKana,
      givenKana: person.givenKana,
    },
    ...(exceptOrganizationId ? { exceptOrganizationId } : {}),
  };
  return { to: withQuery('/members/new', { personId: person.id, organization: organizationId }), state };
}

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * The known person in a router state, if it is the one the address asks for. The state survives a reload but not a
 * link opened elsewhere: then null, and the page registers the person by id without naming them.
 */
export function knownPersonState(state: unknown, personId: string): KnownPersonState | null {
  if (typeof state !== 'object' || state === null) return null;
  const { person, exceptOrganizationId } = state as { person?: unknown; exceptOrganizationId?: unknown };
  if (typeof person !== 'object' || person === null) return null;
  const p = person as Record<string, unknown>;
  const { id, familyName, givenName, familyKana, givenKana } = p;
  if (id !== personId || !isText(familyName) || !isText(givenName) || !isText(familyKana) || !isText(givenKana)) return null;
  return {
    person: { id, familyName, givenName, familyKana, givenKana },
    ...(isText(exceptOrganizationId) ? { exceptOrganizationId } : {}),
  };
}
