import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery, type Items } from '../../api';
import { personName, type MemberPage, type Worker } from '../members/member';

interface WorkerPickerProps {
  organizationId: string;
  /** The day worked: who is a member, or engaged in the work, on it. */
  date: string;
  value: string;
  onChange: (personId: string) => void;
  label: string;
  error?: string;
}

interface Option {
  value: string;
  label: string;
}

const DEBOUNCE_MS = 300;
const SHOWN = 20;

/** ひらがな → カタカナ, so a worker is found by kana typed either way. */
const katakana = (text: string) => text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const squeeze = (text: string) => katakana(text.normalize('NFKC')).replace(/\s+/g, '').toLowerCase();

/**
 * Chooses whose work is recorded: a member on the day, found by the registry's search as the person types (name,
 * kana, romaji or member number), or a worker who is not a member but engaged in the work that day (few, so they are
 * loaded once per day and matched here).
 */
export function WorkerPicker({ organizationId, date, value, onChange, label, error }: WorkerPickerProps) {
  const { t } = useTranslation();
  const organizationPath = `/organizations/${encodeURIComponent(organizationId)}`;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, DEBOUNCE_MS);
  const [members, setMembers] = useState<Option[]>([]);
  const [workers, setWorkers] = useState<(Option & { key: string })[]>([]);
  const [chosen, setChosen] = useState<Option | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!date) return;
    let current = true;
    api.get<Items<Worker>>(withQuery(`${organizationPath}/workers`, { date, nonMembersOnly: 'true' })).then(
      ({ items }) => current && setWorkers(items.map((w) => ({ value: w.personId, label: t('work.nonMemberOption', { name: personName(w) }), key: squeeze(`${w.familyName}${w.givenName}${w.familyKana}${w.givenKana}`) }))),
      () => current && setWorkers([]),
    );
    return () => {
      current = false;
    };
  }, [organizationPath, date, t]);

  useEffect(() => {
    // The label of the chosen person is not a search.
    if (!date || (chosen && debounced === chosen.label)) return;
    let current = true;
    setLoading(true);
    const path = withQuery(`${organizationPath}/members`, { q: debounced.trim(), memberOn: date, pageSize: String(SHOWN) });
    api.get<MemberPage>(path).then(
      (page) => {
        if (!current) return;
        setMembers(page.items.map((m) => ({ value: m.personId, label: `${m.memberNumber} ${personName(m)}` })));
        setLoading(false);
      },
      () => {
        if (!current) return;
        setMembers([]);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [organizationPath, date, debounced, chosen]);

  const typed = squeeze(debounced);
  const matchingWorkers = workers.filter((w) => !typed || (chosen && debounced === chosen.label) || w.key.includes(typed)).map(({ value: v, label: l }) => ({ value: v, label: l }));
  const options = [...members, ...matchingWorkers];
  // The chosen person stays among the options while another search shows others.
  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;

  return (
    <Select
      label={label}
      description={t('work.form.personHint')}
      required
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('work.form.clearPerson') }}
      searchValue={search}
      onSearchChange={setSearch}
      // The registry has searched already (kana, romaji, member number): every answer is shown as it came.
      filter={({ options: all }) => all}
      data={data}
      value={value || null}
      onChange={(next, option) => {
        setChosen(next ? option : null);
        onChange(next ?? '');
      }}
      nothingFoundMessage={loading ? t('common.loading') : t('work.form.personNotFound')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
