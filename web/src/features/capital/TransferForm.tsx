import { Checkbox, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { capitalApi, type CapitalPosition } from './capital';
import { checkTransfer, emptyTransfer, toTransferInput, transferField, type TransferValues } from './capital-values';
import { MemberPicker } from './MemberPicker';
import { MovementDescription, NUMERIC_INPUT, type MovementFormProps } from './MovementFields';
import { MovementForm, useMovementForm } from './MovementForm';

interface TransferFormProps extends MovementFormProps {
  organizationId: string;
  position: CapitalPosition;
}

/**
 * Fully paid shares passing to another member of the organization (持分の譲渡), with the approval the bylaws ask for.
 * Taking over a leaving member's shares with the general meeting's approval allows up to 35% of all shares.
 */
export function TransferForm({ membershipId, organizationId, position, onRecorded, onCancel }: TransferFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useMovementForm<TransferValues>({
    initialValues: emptyTransfer(todayInJapan()),
    check: (values) => checkTransfer(values, membershipId),
    send: async (values) => {
      const input = toTransferInput(values);
      await capitalApi.transfer(membershipId, input);
      onRecorded(t('capital.recorded.transfer', { count: input.shares, shares: formatNumber(input.shares, locale) }));
    },
    fieldOf: transferField,
    codeFields: { not_found: 'toMembershipId' },
  });
  return (
    <MovementForm form={form} submitLabel={t('capital.movement.transfer')} onCancel={onCancel}>
      <MemberPicker
        organizationId={organizationId}
        excludeMembershipId={membershipId}
        label={t('capital.form.toMember')}
        description={t('capital.form.toMemberHint')}
        value={form.values.toMembershipId}
        onChange={(id) => form.set('toMembershipId', id)}
        error={form.error('toMembershipId')}
      />
      <TextInput
        label={t('capital.form.shares')}
        description={t('capital.form.sharesHeld', { count: position.shares, shares: formatNumber(position.shares, locale) })}
        required
        {...NUMERIC_INPUT}
        {...form.input('shares')}
      />
      <Textarea label={t('capital.form.approval')} description={t('capital.form.approvalHint')} required autosize minRows={1} maxLength={1000} {...form.input('approval')} />
      <Checkbox
        label={t('capital.form.approvedTakeover')}
        checked={form.values.approvedTakeover}
        onChange={(event) => form.set('approvedTakeover', event.currentTarget.checked)}
      />
      <MovementDescription binding={form.input('description')} />
    </MovementForm>
  );
}
