import type { Items } from '../../api';
import { useLocale } from '../../i18n';
import { useResource } from '../../use-resource';
import { useLabels } from '../reference/use-labels';
import { MEMBER_KINDS, memberPaths, type MemberKindOption } from './member';

export interface MemberKindChoice {
  value: string;
  label: string;
}

/**
 * The kinds of membership an organization offers, labelled in the current language: the built-in worker and user
 * by their translation, the organization's own by the names it gave them. Until they load (or without an
 * organization), the built-in ones.
 */
export function useMemberKindChoices(organizationId: string): MemberKindChoice[] {
  const labels = useLabels();
  const english = useLocale() === 'en';
  const kinds = useResource<Items<MemberKindOption>>(organizationId ? memberPaths.kinds(organizationId) : null);
  const items: MemberKindOption[] =
    kinds.data?.items ?? MEMBER_KINDS.map((code) => ({ code, nameJa: null, nameEn: null, engagedInWork: code === 'worker', builtIn: true }));
  return items.map((kind) => ({
    value: kind.code,
    label: kind.builtIn
      ? labels.code('memberKind', kind.code)
      : ((english ? (kind.nameEn ?? kind.nameJa) : (kind.nameJa ?? kind.nameEn)) ?? kind.code),
  }));
}
