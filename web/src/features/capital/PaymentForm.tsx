import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { formatYen, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { capitalApi, type CapitalPosition } from './capital';
import { checkPayment, emptyPayment, parseYen, toPaymentInput, type PaymentValues } from './capital-values';
import { MovementDate, MovementDescription, NUMERIC_INPUT, PaymentMethodSelect, type MovementFormProps } from './MovementFields';

/** A payment on subscribed shares (払込み), in full or an instalment: by bank, in cash, from wages or in kind. */
export function PaymentForm({ membershipId, position, onRecorded, onCancel }: MovementFormProps & { position: CapitalPosition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useFormSubmit<PaymentValues>({
    initialValues: emptyPayment(todayInJapan(), position.unpaid),
    check: checkPayment,
    send: async (values) => {
      await capitalApi.pay(membershipId, toPaymentInput(values));
      onRecorded(t('capital.recorded.pay', { amount: formatYen(parseYen(values.amount) ?? 0, locale) }));
    },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <MovementDate binding={form.input('date')} />
        <TextInput
          label={t('capital.form.amount')}
          description={t('capital.form.unpaidNow', { amount: formatYen(position.unpaid, locale) })}
          required
          {...NUMERIC_INPUT}
          {...form.input('amount')}
        />
        <PaymentMethodSelect value={form.values.method} onChange={(method) => form.set('method', method)} />
        <MovementDescription binding={form.input('description')} />
        <FormActions inDialog submitLabel={t('capital.movement.pay')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
