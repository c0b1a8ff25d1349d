import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Items } from '../../api';
import { SearchSelect } from '../../components/SearchSelect';
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

export const voterLabel = (voter: Voter) => (voter.memberNumber ? `${voter.memberNumber} ${voter.name}` : voter.name);

/**
 * Chooses a voter of the meeting — its electorate, fixed on the record date — by member number, family name or kana,
 * searched on the server as the person types.
 */
export function VoterPicker({ meetingId, value, onChange, label, description, error, required = true, excludePersonId = null }: VoterPickerProps) {
  const { t } = useTranslation();
  const search = useCallback(
    (typed: string) =>
      api
        .get<Items<Voter>>(governancePaths.voters(meetingId, typed))
        .then(({ items }) => items.filter((voter) => voter.personId !== excludePersonId).map((voter) => ({ value: voter.personId, label: voterLabel(voter) }))),
    [meetingId, excludePersonId],
  );
  return (
    <SearchSelect
      label={label}
      description={description ?? t('governance.voterPicker.hint')}
      error={error}
      required={required}
      value={value}
      onChange={onChange}
      search={search}
      clearLabel={t('governance.voterPicker.clear')}
      notFound={t('governance.voterPicker.notFound')}
    />
  );
}
