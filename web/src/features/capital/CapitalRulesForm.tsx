import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { todayInJapan } from '../../format';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { capitalApi, type CapitalRules } from './capital';
import { checkRules, emptyRules, toRulesInput, type RulesValues } from './capital-values';

interface CapitalRulesFormProps {
  organizationId: string;
  onRecorded: (rules: CapitalRules) => void;
  onCancel: () => void;
}

/**
 * New capital rules from a date on, as the bylaws (定款) set them. Recorded versions are never changed; settings left
 * empty take the law profile's value (the Act: 25% cap, 35% on an approved takeover, none with 3 members or fewer).
 */
export function CapitalRulesForm({ organizationId, onRecorded, onCancel }: CapitalRulesFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit<RulesValues>({
    initialValues: emptyRules(todayInJapan()),
    check: checkRules,
    send: async (values) => onRecorded(await capitalApi.setRules(organizationId, toRulesInput(values))),
    codeFields: { capital_rules_exist: 'effectiveFrom' },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);
  const numeric = { inputMode: 'numeric', autoComplete: 'off' } as const;

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <Text size="sm">{t('capital.rules.intro')}</Text>
        <TextInput label={t('capital.rules.effectiveFrom')} description={t('capital.rules.effectiveFromHint')} type="date" required data-autofocus {...form.input('effectiveFrom')} />
        <TextInput label={t('capital.rules.sharePrice')} description={t('capital.rules.sharePriceHint')} required {...numeric} {...form.input('sharePrice')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('capital.rules.minimumShares')} {...numeric} {...form.input('minimumShares')} />
          <TextInput label={t('capital.rules.refundNoticeDays')} description={t('capital.rules.defaultHint')} {...numeric} {...form.input('refundNoticeDays')} />
          <TextInput label={t('capital.rules.capPercent')} description={t('capital.rules.defaultHint')} {...numeric} {...form.input('capPercent')} />
          <TextInput label={t('capital.rules.takeoverCapPercent')} description={t('capital.rules.defaultHint')} {...numeric} {...form.input('takeoverCapPercent')} />
          <TextInput label={t('capital.rules.capExemptUpTo')} description={t('capital.rules.defaultHint')} {...numeric} {...form.input('capExemptUpTo')} />
        </SimpleGrid>
        <FormActions inDialog submitLabel={t('capital.rules.submit')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
