import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPostalCode } from '../../format';
import { postalDigits } from '../organizations/organization-form-values';
import { useReference } from '../reference/reference-context';
import { useLabels } from '../reference/use-labels';
import { toKatakana, type PersonFormValues } from './person-values';

export type PersonField = keyof PersonFormValues & string;

/** What a form gives each input: its value, change handler and translated error. */
export interface InputBinding {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  error: string | undefined;
}

interface PersonFieldsProps {
  input: (field: PersonField) => InputBinding;
  /** Sets a field, e.g. フリガナ typed in hiragana turned into katakana when leaving the field. */
  set: (field: PersonField, value: string) => void;
}

/**
 * A person as Japanese registries record them: family and given name, their フリガナ, date of birth, contact, and
 * an address with its 7-digit postal code and prefecture. Full-width or half-width input is accepted.
 */
export function PersonFields({ input, set }: PersonFieldsProps) {
  const { t } = useTranslation();
  const reference = useReference();
  const labels = useLabels();

  const field = (name: PersonField) => ({ label: t(`member.${name}`), ...input(name) });
  const kana = (name: 'familyKana' | 'givenKana') => {
    const binding = field(name);
    const katakana = toKatakana(binding.value);
    // Only a change is set: setting a field clears its error.
    return { ...binding, onBlur: () => katakana !== binding.value && set(name, katakana) };
  };

  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
      <TextInput {...field('familyName')} required lang="ja" autoComplete="family-name" />
      <TextInput {...field('givenName')} required lang="ja" autoComplete="given-name" />
      <TextInput {...kana('familyKana')} required lang="ja" description={t('member.kanaHint')} />
      <TextInput {...kana('givenKana')} required lang="ja" description={t('member.kanaHint')} />
      <TextInput {...field('birthDate')} type="date" autoComplete="bday" />
      <TextInput {...field('email')} type="email" autoComplete="off" spellCheck={false} />
      <TextInput {...field('phone')} type="tel" autoComplete="off" placeholder="03-1234-5678" />
      <TextInput
        {...field('postalCode')}
        description={t('organization.postalCodeHint')}
        placeholder="123-4567"
        inputMode="numeric"
        autoComplete="off"
        onBlur={() => {
          const typed = input('postalCode').value;
          const digits = postalDigits(typed);
          if (digits.length === 7 && formatPostalCode(digits) !== typed) set('postalCode', formatPostalCode(digits));
        }}
      />
      <NativeSelect
        {...field('prefectureCode')}
        data={[
          { value: '', label: t('common.notSet') },
          ...reference.prefectures.map((p) => ({ value: p.code, label: labels.prefecture(p.code) })),
        ]}
      />
      <TextInput {...field('address')} autoComplete="off" />
    </SimpleGrid>
  );
}
