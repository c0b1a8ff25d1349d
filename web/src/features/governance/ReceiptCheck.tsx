import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { useFormSubmit } from '../../use-form-submit';
import { choiceNames } from './ballot-values';
import { governanceApi, type Candidate } from './governance';

interface ReceiptCheckProps {
  motionId: string;
  candidates: Pick<Candidate, 'id' | 'name'>[];
  /** The receipt this device was shown when voting, if it still has it. */
  initialReceipt?: string;
}

const RECEIPT = /^([A-HJ-NP-Z2-9]{4}-){4}[A-HJ-NP-Z2-9]{4}$/;

/**
 * 「レシートを確認」: after the vote closes, the choice recorded under a receipt — the voter sees that their ballot was
 * counted as they cast it, and nobody else can tell whose it was.
 */
export function ReceiptCheck({ motionId, candidates, initialReceipt = '' }: ReceiptCheckProps) {
  const { t } = useTranslation();
  /** The choice recorded under the receipt; '' when no ballot has it; null before a check. */
  const [found, setFound] = useState<string | null>(null);
  const form = useFormSubmit<{ receipt: string }>({
    initialValues: { receipt: initialReceipt },
    check: ({ receipt }) => ({ receipt: receipt.trim() ? (RECEIPT.test(receipt.trim().toUpperCase()) ? undefined : 'receipt_format') : 'required' }),
    send: async ({ receipt }) => {
      setFound(null);
      try {
        const ballot = await governanceApi.checkReceipt(motionId, receipt);
        const names = choiceNames(ballot.choice, candidates);
        setFound(names ? (names.length ? names.join(t('common.listSeparator')) : t('governance.receipt.blank')) : t(`governance.choice.${ballot.choice}`, { defaultValue: ballot.choice }));
      } catch (error) {
        if (!(error instanceof ApiError && error.problem.status === 404)) throw error;
        setFound('');
      }
    },
    report: 'alert',
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap="xs">
        <FormAlert failure={form.failure} />
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('governance.receipt.label')}
            placeholder="XXXX-XXXX-XXXX-XXXX-XXXX"
            autoComplete="off"
            w={{ base: '100%', xs: 320 }}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.input('receipt')}
          />
          <Button type="submit" variant="default" loading={form.submitting}>
            {t('governance.receipt.check')}
          </Button>
        </Group>
        {found !== null && (
          <Alert color={found ? 'teal' : 'red'} role={found ? 'status' : 'alert'}>
            {found ? t('governance.receipt.found', { choice: found }) : t('governance.receipt.notFound')}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
