import { Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateWithEra, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { capitalApi, type CapitalEntry } from './capital';
import { dateInProblem } from './capital-query';
import { checkReversal, emptyReversal, toReversalInput, type ReversalValues } from './capital-values';
import { MovementForm, useMovementForm } from './MovementForm';

interface ReversalFormProps {
  entry: CapitalEntry;
  onRecorded: (message: string) => void;
  onCancel: () => void;
}

/**
 * Corrects a mistake with a reversing entry (取消仕訳) and its reason. Entries are never edited or deleted: the
 * original stays, marked as reversed.
 */
export function ReversalForm({ entry, onRecorded, onCancel }: ReversalFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const what = t('capital.entry.named', { type: t(`capital.entryType.${entry.type}`, { defaultValue: entry.type }), date: formatDateWithEra(entry.date, locale) });
  const form = useMovementForm<ReversalValues>({
    initialValues: emptyReversal(todayInJapan()),
    check: checkReversal,
    send: async (values) => {
      await capitalApi.reverse(entry.id, toReversalInput(values));
      onRecorded(t('capital.recorded.reverse', { entry: what }));
    },
  });
  // A reversal dated before the entry it corrects: the server names the entry's date.
  const earliest = form.errors.date === 'reversal_before_entry' ? dateInProblem(form.failure, 'date') : null;
  return (
    <MovementForm
      form={form}
      intro={<Text size="sm">{t('capital.form.reversalHint', { entry: what })}</Text>}
      dateError={earliest ? t('capital.form.reversalFrom', { date: formatDateWithEra(earliest, locale) }) : undefined}
      submitLabel={t('capital.movement.reverse')}
      submitColor="red.9"
      onCancel={onCancel}
    >
      <Textarea label={t('capital.form.reversalReason')} required autosize minRows={2} maxLength={1000} {...form.input('reason')} />
    </MovementForm>
  );
}
