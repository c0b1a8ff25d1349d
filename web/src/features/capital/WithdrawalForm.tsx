import { Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateWithEra, formatNumber, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { capitalApi, type CapitalPosition } from './capital';
import { checkWithdrawal, emptyWithdrawal, toWithdrawalInput, type WithdrawalValues } from './capital-values';
import { MovementDescription, NUMERIC_INPUT, type MovementFormProps } from './MovementFields';
import { MovementForm, useMovementForm } from './MovementForm';

/**
 * A member leaving with all their shares, or giving back some (減口): the unpaid part is cancelled and what was paid
 * in becomes a refund owed after the fiscal-year close (Act art. 17).
 */
export function WithdrawalForm({ membershipId, position, onRecorded, onCancel }: MovementFormProps & { position: CapitalPosition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useMovementForm<WithdrawalValues>({
    initialValues: emptyWithdrawal(todayInJapan()),
    check: checkWithdrawal,
    send: async (values) => {
      const { refundDueAfter } = await capitalApi.withdraw(membershipId, toWithdrawalInput(values));
      onRecorded(t('capital.recorded.withdraw', { date: formatDateWithEra(refundDueAfter, locale) }));
    },
  });
  return (
    <MovementForm
      form={form}
      intro={<Text size="sm">{t('capital.form.withdrawalHint')}</Text>}
      submitLabel={t('capital.movement.withdraw')}
      submitColor="red.9"
      onCancel={onCancel}
    >
      <TextInput
        label={t('capital.form.sharesToWithdraw')}
        description={t('capital.form.sharesToWithdrawHint', { count: position.shares, shares: formatNumber(position.shares, locale) })}
        {...NUMERIC_INPUT}
        {...form.input('shares')}
      />
      <MovementDescription binding={form.input('description')} />
    </MovementForm>
  );
}
