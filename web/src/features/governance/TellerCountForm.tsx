import { Alert, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import type { FieldErrors } from '../../errors';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { parseWhole } from '../capital/capital-values';
import { governanceApi, MOTION_CHOICES, type Motion, type TellerCounts } from './governance';

interface TellerCountFormProps {
  motion: Motion;
  onCounted: (ballots: number) => void;
  onCancel: () => void;
}

type Values = Record<string, string>;

/** The keys of a teller's count: for/against/abstain/invalid, or for approval elections ballots, invalid and each candidate. */
function keysOf(motion: Motion): string[] {
  return motion.kind === 'election' ? ['ballots', 'invalid', ...motion.candidates.map((c) => c.id)] : [...MOTION_CHOICES, 'invalid'];
}

/** `counts.for` is the form's `for`. */
const fieldOf = (field: string) => (field.startsWith('counts.') ? field.slice('counts.'.length) : field);

/**
 * The tellers' count of the paper ballots cast in the room (開票結果), added to the electronic, written and proxy
 * ballots. A ranked (STV) election's paper ballots are not entered as counts.
 */
export function TellerCountForm({ motion, onCounted, onCancel }: TellerCountFormProps) {
  const { t } = useTranslation();
  const keys = keysOf(motion);
  const form = useFormSubmit<Values>({
    initialValues: Object.fromEntries(keys.map((key) => [key, key === 'ballots' ? '' : '0'])),
    check: (values) => {
      const errors: FieldErrors = {};
      for (const key of keys) if (parseWhole(values[key] ?? '', 0, 10_000_000) === null) errors[key] = 'not_whole_number';
      return errors;
    },
    send: async (values) => {
      const counts: TellerCounts = Object.fromEntries(keys.map((key) => [key, parseWhole(values[key] ?? '', 0, 10_000_000) ?? 0]));
      const { ballots } = await governanceApi.tellerCount(motion.id, counts);
      onCounted(ballots);
    },
    fieldOf,
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  if (motion.kind === 'election' && motion.electionMethod !== 'approval') {
    return <Alert color="gray">{t('governance.teller.rankedNotCounted')}</Alert>;
  }
  const invalid = invalidCount(form.errors);
  const label = (key: string) => motion.candidates.find((c) => c.id === key)?.name ?? t(`governance.teller.${key}`);
  const numeric = { inputMode: 'numeric', autoComplete: 'off' } as const;
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <Text size="sm">{t(motion.kind === 'election' ? 'governance.teller.approvalIntro' : 'governance.teller.intro')}</Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {keys.map((key, i) => (
            <TextInput key={key} label={label(key)} required data-autofocus={i === 0 || undefined} {...numeric} {...form.input(key)} />
          ))}
        </SimpleGrid>
        <FormActions inDialog submitLabel={t('governance.teller.submit')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
