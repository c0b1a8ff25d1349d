import { NativeSelect, Textarea } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, type PaymentMethod } from './capital';

// Fields every capital movement form shares.

export interface MovementFormProps {
  membershipId: string;
  /** Tells what was recorded, in a sentence for a notification. */
  onRecorded: (message: string) => void;
  onCancel: () => void;
}

interface TextBinding {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  error: string | undefined;
}

/** A free note on the entry (摘要), optional. */
export function MovementDescription({ binding }: { binding: TextBinding }) {
  const { t } = useTranslation();
  return <Textarea label={t('capital.form.description')} description={t('capital.form.descriptionHint')} autosize minRows={1} maxLength={500} {...binding} />;
}

/** How a payment comes in: by bank, in cash, withheld from wages, or in kind. */
export function PaymentMethodSelect({ value, onChange }: { value: PaymentMethod; onChange: (method: PaymentMethod) => void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('capital.form.method')}
      value={value}
      onChange={(event) => {
        const found = PAYMENT_METHODS.find((method) => method === event.currentTarget.value);
        if (found) onChange(found);
      }}
      data={PAYMENT_METHODS.map((method) => ({ value: method, label: t(`capital.method.${method}`) }))}
    />
  );
}

/** Yen or shares are typed as text: 12,000 and full-width digits are read too. */
export const NUMERIC_INPUT = { inputMode: 'numeric', autoComplete: 'off' } as const;
