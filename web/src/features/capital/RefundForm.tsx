import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateWithEra, formatYen, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { capitalApi, type CapitalPosition } from './capital';
import { dateInProblem } from './capital-query';
import { checkRefund, emptyRefund, parseYen, toRefundInput, type RefundValues } from './capital-values';
import { MovementDescription, NUMERIC_INPUT, type MovementFormProps } from './MovementFields';
import { MovementForm, useMovementForm } from './MovementForm';

/** Paying out a refund owed (払戻金の支払), all of it unless an amount is given, once the year of withdrawal has closed. */
export function RefundForm({ membershipId, position, onRecorded, onCancel }: MovementFormProps & { position: CapitalPosition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useMovementForm<RefundValues>({
    initialValues: emptyRefund(todayInJapan()),
    check: checkRefund,
    send: async (values) => {
      await capitalApi.refund(membershipId, toRefundInput(values));
      onRecorded(t('capital.recorded.refund', { amount: formatYen(parseYen(values.amount) ?? position.refundPayable, locale) }));
    },
  });
  // A refund before the year of the withdrawal has closed: the server names the close.
  const closes = form.errors.date === 'refund_before_year_close' ? dateInProblem(form.failure, 'date') : null;
  return (
    <MovementForm
      form={form}
      dateError={closes ? t('capital.form.refundAfter', { date: formatDateWithEra(closes, locale) }) : undefined}
      submitLabel={t('capital.movement.refund')}
      onCancel={onCancel}
    >
      <TextInput
        label={t('capital.form.refundAmount')}
        description={t('capital.form.refundAmountHint', { amount: formatYen(position.refundPayable, locale) })}
        {...NUMERIC_INPUT}
        {...form.input('amount')}
      />
      <MovementDescription binding={form.input('description')} />
    </MovementForm>
  );
}
