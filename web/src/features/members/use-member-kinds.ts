import { useEffect, useMemo, useRef, useState } from 'react';
import { api, type Items } from '../../api';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import { BUILT_IN_KINDS, kindLabel, memberKindName } from './member-kind-values';
import { memberPaths, type MemberKindOption } from './member';

export interface MemberKindChoice {
  value: string;
  label: string;
}

export interface MemberKinds {
  /** The organization's kinds once they have loaded; undefined before, or when they could not be read. */
  kinds: (organizationId: string | null) => readonly MemberKindOption[] | undefined;
  /** The name of a membership's kind in the current language, by its organization and code. */
  name: (organizationId: string | null, code: string) => string;
}

/**
 * The kinds of membership the given organizations offer, to name memberships' kinds. Each organization's are asked
 * for once while the component lives: a list that pages through several organizations asks only for those it has
 * not seen yet, and only for those it needs.
 */
export function useMemberKinds(organizationIds: readonly string[]): MemberKinds {
  const labels = useLabels();
  const locale = useLocale();
  const [loaded, setLoaded] = useState<ReadonlyMap<string, readonly MemberKindOption[] | null>>(() => new Map());
  const requested = useRef(new Set<string>());
  // The same organizations in another array are no change.
  const wanted = JSON.stringify([...new Set(organizationIds)].sort());

  useEffect(() => {
    for (const id of JSON.parse(wanted) as string[]) {
      if (requested.current.has(id)) continue;
      requested.current.add(id);
      api.get<Items<MemberKindOption>>(memberPaths.kinds(id)).then(
        ({ items }) => setLoaded((current) => new Map(current).set(id, items)),
        // Unreadable (offline, say): the kinds keep showing by their codes.
        () => setLoaded((current) => new Map(current).set(id, null)),
      );
    }
  }, [wanted]);

  return useMemo(() => {
    const kinds = (organizationId: string | null) => (organizationId ? (loaded.get(organizationId) ?? undefined) : undefined);
    return { kinds, name: (organizationId, code) => memberKindName(code, kinds(organizationId), labels, locale) };
  }, [loaded, labels, locale]);
}

/**
 * The kinds of membership an organization offers, labelled in the current language. Until they load (or without
 * an organization), the built-in ones.
 */
export function useMemberKindChoices(organizationId: string): MemberKindChoice[] {
  const labels = useLabels();
  const locale = useLocale();
  const { kinds } = useMemberKinds(organizationId ? [organizationId] : []);
  return (kinds(organizationId) ?? BUILT_IN_KINDS).map((kind) => ({ value: kind.code, label: kindLabel(kind, labels, locale) }));
}
