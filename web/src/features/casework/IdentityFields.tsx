import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPostalCode } from '../../format';
import type { InputBinding } from '../members/PersonFields';
import { toKatakana } from '../members/person-values';
import { postalDigits } from '../organizations/organization-form-values';
import type { IdentityValues } from './casework-values';

type IdentityField = keyof IdentityValues & string;

interface IdentityFieldsProps {
  input: (field: IdentityField) => InputBinding;
  set: (field: IdentityField, value: string) => void;
}

/**
 * Who the participant is: names with their フリガナ (hiragana typed is turned into katakana on leaving the field),
 * birth date if they give it, contact and address. Full-width input is accepted.
 */
export function IdentityFields({ input, set }: IdentityFieldsProps) {
  const { t } = useTranslation();
  const field = (name: IdentityField) => ({ label: t(`casework.identity.${name}`), ...input(name) });
  const kana = (name: 'familyNameKana' | 'givenNameKana') => {
    const binding = field(name);
    const katakana = toKatakana(binding.value);
    return { ...binding, onBlur: () => katakana !== binding.value && set(name, katakana) };
  };
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
      <TextInput {...field('familyName')} required lang="ja" autoComplete="off" />
      <TextInput {...field('givenName')} required lang="ja" autoComplete="off" />
      <TextInput {...kana('familyNameKana')} required lang="ja" description={t('casework.identity.kanaHint')} autoComplete="off" />
      <TextInput {...kana('givenNameKana')} required lang="ja" description={t('casework.identity.kanaHint')} autoComplete="off" />
      <TextInput {...field('birthDate')} type="date" description={t('casework.identity.birthDateHint')} autoComplete="off" />
      <TextInput {...field('phone')} type="tel" autoComplete="off" placeholder="090-1234-5678" />
      <TextInput {...field('email')} type="email" autoComplete="off" spellCheck={false} />
      <TextInput
        {...field('postalCode')}
        placeholder="123-4567"
        inputMode="numeric"
        autoComplete="off"
        onBlur={() => {
          const typed = input('postalCode').value;
          const digits = postalDigits(typed);
          if (digits.length === 7 && formatPostalCode(digits) !== typed) set('postalCode', formatPostalCode(digits));
        }}
      />
      <TextInput {...field('address')} autoComplete="off" style={{ gridColumn: '1 / -1' }} />
    </SimpleGrid>
  );
}
