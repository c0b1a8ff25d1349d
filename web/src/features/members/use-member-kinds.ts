import type { Items } from '../../api';
import { useLocale } from '../../i18n';
import { useResource } from '../../use-resource';
import { useLabels } from '../reference/use-labels';
import { kindLabel } from './member-kind-values';
import { MEMBER_KINDS, memberPaths, type MemberKindOption } from './member';

export interface MemberKindChoice {
  value: string;
  label: string;
}

/**
 * The kinds of membership an organization offers, labelled in the current language. Until they load (or without
 * an organization), the built-in ones.
 */
export function useMemberKindChoices(organizationId: string): MemberKindChoice[] {
  const labels = useLabels();
  const locale = useLocale();
  const kinds = useResource<Items<MemberKindOption>>(organizationId ? memberPaths.kinds(organizationId) : null);
  const items: MemberKindOption[] =
    kinds.data?.items ?? MEMBER_KINDS.map((code) => ({ code, nameJa: null, nameEn: null, engagedInWork: code === 'worker', builtIn: true }));
  return items.map((kind) => ({ value: kind.code, label: kindLabel(kind, labels, locale) }));
}
