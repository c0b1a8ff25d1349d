import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery, type Items } from '../../api';
import { SearchSelect } from '../../components/SearchSelect';
import type { SearchOption } from '../../components/with-chosen';
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
  const [workers, setWorkers] = useState<(SearchOption & { key: string })[]>([]);

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

  const searchMembers = useCallback(
    (typed: string) =>
      api
        .get<MemberPage>(withQuery(`${organizationPath}/members`, { q: typed.trim(), memberOn: date, pageSize: String(SHOWN) }))
        .then((page) => page.items.map((m) => ({ value: m.personId, label: `${m.memberNumber} ${personName(m)}` }))),
    [organizationPath, date],
  );

  const matchWorkers = (typed: string) => {
    const key = squeeze(typed);
    return workers.filter((w) => !key || w.key.includes(key)).map((w) => ({ value: w.value, label: w.label }));
  };

  return (
    <SearchSelect
      label={label}
      description={t('work.form.personHint')}
      error={error}
      required
      value={value}
      onChange={(personId) => onChange(personId)}
      search={date ? searchMembers : null}
      matchHere={matchWorkers}
      clearLabel={t('work.form.clearPerson')}
      notFound={t('work.form.personNotFound')}
    />
  );
}
