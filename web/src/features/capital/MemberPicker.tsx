import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api';
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

interface Option {
  value: string;
  label: string;
}

const DEBOUNCE_MS = 300;
const SHOWN = 20;

/**
 * Chooses another member of the organization by searching the registry as the person types (name, kana, romaji or
 * member number), on the server: a large organization's members are never all loaded.
 */
export function MemberPicker({ organizationId, excludeMembershipId, value, onChange, label, description, error, required = true }: MemberPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, DEBOUNCE_MS);
  const [options, setOptions] = useState<Option[]>([]);
  const [chosen, setChosen] = useState<Option | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    // The label of the chosen member is not a search.
    if (chosen && debounced === chosen.label) return;
    let current = true;
    setLoading(true);
    const path = withQuery(`/organizations/${encodeURIComponent(organizationId)}/members`, { q: debounced.trim(), pageSize: String(SHOWN + 1) });
    api.get<MemberPage>(path).then(
      (page) => {
        if (!current) return;
        setOptions(
          page.items
            .filter((member) => member.membershipId !== excludeMembershipId)
            .slice(0, SHOWN)
            .map((member) => ({ value: member.membershipId, label: `${member.memberNumber} ${personName(member)}` })),
        );
        setLoading(false);
      },
      () => {
        if (!current) return;
        setOptions([]);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [organizationId, excludeMembershipId, debounced, chosen]);

  // The chosen member stays among the options while another search shows others.
  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;

  return (
    <Select
      label={label}
      description={description}
      required={required}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('capital.form.clearMember') }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has searched already (kana, romaji, member number): every answer is shown as it came.
      filter={({ options: all }) => all}
      data={data}
      value={value || null}
      onChange={(next, option) => {
        setChosen(next ? option : null);
        onChange(next ?? '', option?.label ?? '');
      }}
      nothingFoundMessage={loading ? t('common.loading') : t('capital.form.memberNotFound')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
