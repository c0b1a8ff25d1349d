import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import type { FieldErrors } from '../../errors';
import { todayInJapan } from '../../format';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { MemberPicker } from '../capital/MemberPicker';
import { governanceApi, oneOf, SEAT_ROLES, type Body, type BodyKind, type Seat, type SeatRole } from './governance';

/** The seats each body has: delegates sit in the assemblies of delegates, officers on the board. */
export const ROLES_OF: Record<BodyKind, readonly SeatRole[]> = {
  general_assembly: [],
  delegate_assembly: ['delegate'],
  federation_assembly: ['delegate'],
  board: ['director', 'representative_director', 'auditor', 'council_member'],
};

interface SeatFormProps {
  body: Body;
  organizationId: string;
  onSeated: (seat: Seat) => void;
  onCancel: () => void;
}

interface Values {
  membershipId: string;
  role: SeatRole;
  constituency: string;
  termFrom: string;
  termUntil: string;
}

function check(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.membershipId) errors.membershipId = 'required';
  if (!values.termFrom) errors.termFrom = 'required';
  // An officer's term ends (the Act: directors two years at most, auditors four).
  if (!values.termUntil && values.role !== 'delegate' && values.role !== 'council_member') errors.termUntil = 'required';
  if (values.termUntil && values.termFrom && values.termUntil < values.termFrom) errors.termUntil = 'term_invalid';
  return errors;
}

/** Seats a member on a body for a term (役員・総代の選任); the server checks the Act's eligibility rules. */
export function SeatForm({ body, organizationId, onSeated, onCancel }: SeatFormProps) {
  const { t } = useTranslation();
  const roles = ROLES_OF[body.kind];
  const form = useFormSubmit<Values>({
    initialValues: { membershipId: '', role: roles[0] ?? 'delegate', constituency: '', termFrom: todayInJapan(), termUntil: '' },
    check,
    send: async (values) =>
      onSeated(
        await governanceApi.addSeat(body.id, {
          membershipId: values.membershipId,
          role: values.role,
          constituency: values.constituency.trim() || null,
          termFrom: values.termFrom,
          termUntil: values.termUntil || null,
        }),
      ),
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <MemberPicker
          organizationId={organizationId}
          excludeMembershipId=""
          value={form.values.membershipId}
          onChange={(membershipId) => form.set('membershipId', membershipId)}
          label={t('governance.seats.member')}
          error={form.error('membershipId')}
        />
        <NativeSelect
          label={t('governance.seats.role')}
          data={roles.map((role) => ({ value: role, label: t(`governance.seatRole.${role}`) }))}
          value={form.values.role}
          onChange={(event) => {
            const role = oneOf(SEAT_ROLES, event.currentTarget.value);
            if (role) form.set('role', role);
          }}
          error={form.error('role')}
        />
        {form.values.role === 'delegate' && (
          <TextInput label={t('governance.seats.constituency')} description={t('governance.seats.constituencyHint')} maxLength={100} {...form.input('constituency')} />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('governance.seats.termFrom')} type="date" required {...form.input('termFrom')} />
          <TextInput label={t('governance.seats.termUntil')} description={t('governance.seats.termUntilHint')} type="date" {...form.input('termUntil')} />
        </SimpleGrid>
        <FormActions inDialog submitLabel={t('governance.seats.add')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
