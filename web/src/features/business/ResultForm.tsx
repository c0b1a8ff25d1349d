import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { formatYen } from '../../format';
import { useLocale } from '../../i18n';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { businessApi, type SiteResult, type SiteYear } from './business';
import { checkResult, toResultInput, yenOf, type ResultFormValues } from './site-values';

interface ResultFormProps {
  row: SiteYear;
  fiscalYear: number;
  onSaved: (result: SiteResult) => void;
  onCancel: () => void;
}

const text = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/** A site's figures for a fiscal year; the surplus follows from them as they are typed. */
export function ResultForm({ row, fiscalYear, onSaved, onCancel }: ResultFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const current = row.result;
  const form = useFormSubmit<ResultFormValues>({
    initialValues: {
      turnover: text(current?.turnover), expenses: text(current?.expenses), peopleServed: text(current?.peopleServed),
      workersMembers: text(current?.workersMembers), workersNonMembers: text(current?.workersNonMembers),
    },
    check: checkResult,
    send: async (values) => onSaved(await businessApi.recordResult(row.site.id, fiscalYear, toResultInput(values, current?.version))),
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);
  const [turnover, expenses] = [yenOf(form.values.turnover), yenOf(form.values.expenses)];

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('businesses.result.turnover')} required inputMode="numeric" rightSection="円" {...form.input('turnover')} />
          <TextInput label={t('businesses.result.expenses')} required inputMode="numeric" rightSection="円" {...form.input('expenses')} />
        </SimpleGrid>
        <Text size="sm" aria-live="polite">
          {t('businesses.result.surplusIs', { amount: turnover !== null && expenses !== null ? formatYen(turnover - expenses, locale) : t('common.none') })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('businesses.result.peopleServed')} inputMode="numeric" {...form.input('peopleServed')} />
          <TextInput label={t('businesses.result.workersMembers')} inputMode="numeric" {...form.input('workersMembers')} />
          <TextInput label={t('businesses.result.workersNonMembers')} inputMode="numeric" {...form.input('workersNonMembers')} />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('businesses.result.workersHint')}
        </Text>
        <FormActions inDialog submitLabel={t('common.save')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
