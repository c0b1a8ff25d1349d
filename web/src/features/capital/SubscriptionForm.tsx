import { Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatYen, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { capitalApi, type CapitalRules } from './capital';
import { checkSubscription, emptySubscription, foundingMinimum, parseWhole, subscriptionField, subscriptionValue, toSubscriptionInput, type SubscriptionValues } from './capital-values';
import { MovementDescription, NUMERIC_INPUT, PaymentMethodSelect, type MovementFormProps } from './MovementFields';
import { MovementForm, useMovementForm } from './MovementForm';

/**
 * Shares subscribed on joining or added later (出資口数の引受け・増口), optionally with the first payment; at founding
 * that payment is at least a quarter of each share.
 */
export function SubscriptionForm({ membershipId, rules, onRecorded, onCancel }: MovementFormProps & { rules: CapitalRules }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useMovementForm<SubscriptionValues>({
    initialValues: emptySubscription(todayInJapan(), rules.minimumShares),
    check: checkSubscription,
    send: async (values) => {
      const input = toSubscriptionInput(values);
      await capitalApi.subscribe(membershipId, input);
      onRecorded(t('capital.recorded.subscribe', { count: input.shares, shares: formatNumber(input.shares, locale) }));
    },
    fieldOf: subscriptionField,
  });
  const { values } = form;
  const value = subscriptionValue(values.shares, rules.sharePrice);
  const shares = parseWhole(values.shares);

  return (
    <MovementForm form={form} submitLabel={t('capital.movement.subscribe')} onCancel={onCancel}>
      <TextInput
        label={t('capital.form.shares')}
        description={
          value === null
            ? t('capital.form.sharePriceHint', { count: rules.minimumShares, price: formatYen(rules.sharePrice, locale), minimum: formatNumber(rules.minimumShares, locale) })
            : t('capital.form.subscriptionValue', { price: formatYen(rules.sharePrice, locale), value: formatYen(value, locale) })
        }
        required
        {...NUMERIC_INPUT}
        {...form.input('shares')}
      />
      <Checkbox
        label={t('capital.form.withPayment')}
        checked={values.withPayment}
        onChange={(event) => {
          const checked = event.currentTarget.checked;
          form.set('withPayment', checked);
          if (checked && values.amount === '' && value !== null) form.set('amount', String(value));
        }}
      />
      {values.withPayment && (
        <Stack gap="sm" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
          <TextInput label={t('capital.form.amount')} required {...NUMERIC_INPUT} {...form.input('amount')} />
          <PaymentMethodSelect value={values.method} onChange={(method) => form.set('method', method)} />
          <Checkbox
            label={t('capital.form.founding')}
            description={shares === null ? undefined : t('capital.form.foundingMinimum', { amount: formatYen(foundingMinimum(shares, rules.sharePrice), locale) })}
            checked={values.founding}
            onChange={(event) => form.set('founding', event.currentTarget.checked)}
          />
        </Stack>
      )}
      <MovementDescription binding={form.input('description')} />
      {!values.withPayment && (
        <Text size="sm" c="dimmed">
          {t('capital.form.unpaidUntilPaid')}
        </Text>
      )}
    </MovementForm>
  );
}
