import { Checkbox, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { formatNumber, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { capitalApi, type CapitalPosition } from './capital';
import { checkTransfer, emptyTransfer, toTransferInput, transferField, type TransferValues } from './capital-values';
import { MemberPicker } from './MemberPicker';
import { MovementDate, MovementDescription, NUMERIC_INPUT, type MovementFormProps } from './MovementFields';

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
  const form = useFormSubmit<TransferValues>({
    initialValues: emptyTransfer(todayInJapan()),
    check: (values) => checkTransfer(values, membershipId),
    send: async (values) => {
      const input = toTransferInput(values);
      await capitalApi.transfer(membershipId, input);
      onRecorded(t('capital.recorded.transfer', { count: input.shares, shares: formatNumber(input.shares, locale) }));
    },
    fieldOf: transferField,
    codeFields: { not_found: 'toMembershipId' },
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
        <FormActions inDialog submitLabel={t('capital.movement.transfer')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
