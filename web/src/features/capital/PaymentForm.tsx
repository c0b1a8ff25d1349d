import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatYen, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { capitalApi, type CapitalPosition } from './capital';
import { checkPayment, emptyPayment, parseYen, toPaymentInput, type PaymentValues } from './capital-values';
import { MovementDescription, NUMERIC_INPUT, PaymentMethodSelect, type MovementFormProps } from './MovementFields';
import { MovementForm, useMovementForm } from './MovementForm';

/** A payment on subscribed shares (払込み), in full or an instalment: by bank, in cash, from wages or in kind. */
export function PaymentForm({ membershipId, position, onRecorded, onCancel }: MovementFormProps & { position: CapitalPosition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useMovementForm<PaymentValues>({
    initialValues: emptyPayment(todayInJapan(), position.unpaid),
    check: checkPayment,
    send: async (values) => {
      await capitalApi.pay(membershipId, toPaymentInput(values));
      onRecorded(t('capital.recorded.pay', { amount: formatYen(parseYen(values.amount) ?? 0, locale) }));
    },
  });
  return (
    <MovementForm form={form} submitLabel={t('capital.movement.pay')} onCancel={onCancel}>
      <TextInput
        label={t('capital.form.amount')}
        description={t('capital.form.unpaidNow', { amount: formatYen(position.unpaid, locale) })}
        required
        {...NUMERIC_INPUT}
        {...form.input('amount')}
      />
      <PaymentMethodSelect value={form.values.method} onChange={(method) => form.set('method', method)} />
      <MovementDescription binding={form.input('description')} />
    </MovementForm>
  );
}
