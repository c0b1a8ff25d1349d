import { Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatYen, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { capitalApi, type CapitalPosition } from './capital';
import { checkWriteDown, emptyWriteDown, parseYen, toWriteDownInput, type WriteDownValues } from './capital-values';
import { MovementDescription, NUMERIC_INPUT, type MovementFormProps } from './MovementFields';
import { MovementForm, useMovementForm } from './MovementForm';

/** Capital written down to cover losses (減資による欠損填補), with the general meeting's resolution it follows. */
export function WriteDownForm({ membershipId, position, onRecorded, onCancel }: MovementFormProps & { position: CapitalPosition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useMovementForm<WriteDownValues>({
    initialValues: emptyWriteDown(todayInJapan()),
    check: checkWriteDown,
    send: async (values) => {
      await capitalApi.writeDown(membershipId, toWriteDownInput(values));
      onRecorded(t('capital.recorded.writeDown', { amount: formatYen(parseYen(values.amount) ?? 0, locale) }));
    },
  });
  return (
    <MovementForm form={form} submitLabel={t('capital.movement.writeDown')} submitColor="red.9" onCancel={onCancel}>
      <TextInput
        label={t('capital.form.amount')}
        description={t('capital.form.paidNow', { amount: formatYen(position.paid, locale) })}
        required
        {...NUMERIC_INPUT}
        {...form.input('amount')}
      />
      <Textarea label={t('capital.form.resolution')} description={t('capital.form.resolutionHint')} required autosize minRows={1} maxLength={1000} {...form.input('reason')} />
      <MovementDescription binding={form.input('description')} />
    </MovementForm>
  );
}
