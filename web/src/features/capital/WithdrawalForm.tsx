import { Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { formatDateWithEra, formatNumber, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { capitalApi, type CapitalPosition } from './capital';
import { checkWithdrawal, emptyWithdrawal, toWithdrawalInput, type WithdrawalValues } from './capital-values';
import { MovementDate, MovementDescription, NUMERIC_INPUT, type MovementFormProps } from './MovementFields';

/**
 * A member leaving with all their shares, or giving back some (減口): the unpaid part is cancelled and what was paid
 * in becomes a refund owed after the fiscal-year close (Act art. 17).
 */
export function WithdrawalForm({ membershipId, position, onRecorded, onCancel }: MovementFormProps & { position: CapitalPosition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useFormSubmit<WithdrawalValues>({
    initialValues: emptyWithdrawal(todayInJapan()),
    check: checkWithdrawal,
    send: async (values) => {
      const { refundDueAfter } = await capitalApi.withdraw(membershipId, toWithdrawalInput(values));
      onRecorded(t('capital.recorded.withdraw', { date: formatDateWithEra(refundDueAfter, locale) }));
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
        <Text size="sm">{t('capital.form.withdrawalHint')}</Text>
        <MovementDate binding={form.input('date')} />
        <TextInput
          label={t('capital.form.sharesToWithdraw')}
          description={t('capital.form.sharesToWithdrawHint', { count: position.shares, shares: formatNumber(position.shares, locale) })}
          {...NUMERIC_INPUT}
          {...form.input('shares')}
        />
        <MovementDescription binding={form.input('description')} />
        <FormActions inDialog submitLabel={t('capital.movement.withdraw')} submitColor="red.9" submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
