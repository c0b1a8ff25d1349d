import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api';
import { SearchSelect } from '../../components/SearchSelect';
import { personName, type MemberPage } from '../members/member';

interface MemberPickerProps {
  organizationId: string;
  /** A member not offered (the one giving the shares); '' offers everyone. */
  excludeMembershipId: string;
  value: string;
  /** The chosen membership ('' when cleared) and how it was shown: member number and name. */
  onChange: (membershipId: string, label: string) => void;
  label: string;
  description?: string;
  error?: string;
  /** Marked as required (the default). */
  required?: boolean;
}

const SHOWN = 20;

/**
 * Chooses another member of the organization by searching the registry as the person types (name, kana, romaji or
 * member number), on the server: a large organization's members are never all loaded.
 */
export function MemberPicker({ organizationId, excludeMembershipId, value, onChange, label, description, error, required = true }: MemberPickerProps) {
  const { t } = useTranslation();
  const search = useCallback(
    (typed: string) =>
      api
        .get<MemberPage>(withQuery(`/organizations/${encodeURIComponent(organizationId)}/members`, { q: typed.trim(), pageSize: String(SHOWN + 1) }))
        .then((page) =>
          page.items
            .filter((member) => member.membershipId !== excludeMembershipId)
            .slice(0, SHOWN)
            .map((member) => ({ value: member.membershipId, label: `${member.memberNumber} ${personName(member)}` })),
        ),
    [organizationId, excludeMembershipId],
  );
  return (
    <SearchSelect
      label={label}
      description={description}
      error={error}
      required={required}
      value={value}
      onChange={onChange}
      search={search}
      clearLabel={t('capital.form.clearMember')}
      notFound={t('capital.form.memberNotFound')}
    />
  );
}
