import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { formatDateWithEra, formatYen, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { capitalApi, type CapitalPosition } from './capital';
import { dateInProblem } from './capital-query';
import { checkRefund, emptyRefund, parseYen, toRefundInput, type RefundValues } from './capital-values';
import { MovementDate, MovementDescription, NUMERIC_INPUT, type MovementFormProps } from './MovementFields';

/** Paying out a refund owed (払戻金の支払), all of it unless an amount is given, once the year of withdrawal has closed. */
export function RefundForm({ membershipId, position, onRecorded, onCancel }: MovementFormProps & { position: CapitalPosition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useFormSubmit<RefundValues>({
    initialValues: emptyRefund(todayInJapan()),
    check: checkRefund,
    send: async (values) => {
      await capitalApi.refund(membershipId, toRefundInput(values));
      onRecorded(t('capital.recorded.refund', { amount: formatYen(parseYen(values.amount) ?? position.refundPayable, locale) }));
    },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);
  // A refund before the year of the withdrawal has closed: the server names the close.
  const closes = form.errors.date === 'refund_before_year_close' ? dateInProblem(form.failure, 'date') : null;
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <MovementDate binding={form.input('date')} error={closes ? t('capital.form.refundAfter', { date: formatDateWithEra(closes, locale) }) : undefined} />
        <TextInput
          label={t('capital.form.refundAmount')}
          description={t('capital.form.refundAmountHint', { amount: formatYen(position.refundPayable, locale) })}
          {...NUMERIC_INPUT}
          {...form.input('amount')}
        />
        <MovementDescription binding={form.input('description')} />
        <FormActions inDialog submitLabel={t('capital.movement.refund')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
