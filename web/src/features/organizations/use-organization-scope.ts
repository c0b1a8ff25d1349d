import { isFederationAdmin } from '../session/permissions';
import { useMe } from '../session/session-context';
import type { Organization } from './organization';

/** Whose records a page shows: the federation administrator chooses an organization, everyone else sees their own. */
export interface OrganizationScope {
  /** Whether the organization is chosen on the page (the federation administrator). */
  chooses: boolean;
  /** The member organizations there are to choose from. */
  choices: Organization[];
  /** The organization shown; null while none is chosen. */
  id: string | null;
  organization: Organization | undefined;
}

/** The scope of a page over `organizations`, given the organization its address asks for. */
export function useOrganizationScope(organizations: Organization[], requested: string | null): OrganizationScope {
  const me = useMe();
  const chooses = isFederationAdmin(me);
  const choices = organizations.filter((o) => o.kind === 'organization');
  const id = chooses ? (choices.find((o) => o.id === requested)?.id ?? null) : me.organizationId;
  return { chooses, choices, id, organization: organizations.find((o) => o.id === id) };
}
