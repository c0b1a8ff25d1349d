import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Items } from '../../api';
import { governancePaths, type Voter } from './governance';

interface VoterPickerProps {
  meetingId: string;
  value: string;
  /** The chosen voter's person id ('' when cleared) and how they were shown. */
  onChange: (personId: string, label: string) => void;
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
  /** A voter not offered (the member appointing a proxy is not their own proxy). */
  excludePersonId?: string | null;
}

interface Option {
  value: string;
  label: string;
}

const DEBOUNCE_MS = 300;

export const voterLabel = (voter: Voter) => (voter.memberNumber ? `${voter.memberNumber} ${voter.name}` : voter.name);

/**
 * Chooses a voter of the meeting — its electorate, fixed on the record date — by member number, family name or kana,
 * searched on the server as the person types.
 */
export function VoterPicker({ meetingId, value, onChange, label, description, error, required = true, excludePersonId = null }: VoterPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, DEBOUNCE_MS);
  const [options, setOptions] = useState<Option[]>([]);
  const [chosen, setChosen] = useState<Option | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    // The label of the chosen voter is not a search.
    if (chosen && debounced === chosen.label) return;
    let current = true;
    setLoading(true);
    api.get<Items<Voter>>(governancePaths.voters(meetingId, debounced)).then(
      ({ items }) => {
        if (!current) return;
        setOptions(items.filter((voter) => voter.personId !== excludePersonId).map((voter) => ({ value: voter.personId, label: voterLabel(voter) })));
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
  }, [meetingId, debounced, chosen, excludePersonId]);

  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;

  return (
    <Select
      label={label}
      description={description ?? t('governance.voterPicker.hint')}
      required={required}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('governance.voterPicker.clear') }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has searched already: every answer is shown as it came.
      filter={({ options: all }) => all}
      data={data}
      value={value || null}
      onChange={(next, option) => {
        setChosen(next ? option : null);
        onChange(next ?? '', option?.label ?? '');
      }}
      nothingFoundMessage={loading ? t('common.loading') : t('governance.voterPicker.notFound')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
