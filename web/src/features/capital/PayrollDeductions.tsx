import { Alert, Button, FileInput, Group, List, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import type { FieldErrors } from '../../errors';
import { formatNumber, formatYen, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { useFormSubmit } from '../../use-form-submit';
import { capitalPaths, PAYROLL_ENCODINGS, type PayrollBatchResult, type PayrollEncoding } from './capital';
import { payrollProblems } from './capital-query';

interface PayrollValues {
  file: File | null;
  /** The date of rows that carry none of their own. */
  date: string;
  encoding: PayrollEncoding;
}

interface PayrollDeductionsProps {
  organizationId: string;
  onRecorded: () => void;
}

/**
 * A month's payroll deductions for capital (給与天引き) from the payroll office's CSV: 組合員番号 and 金額, optionally
 * a date per row. All rows or none: a file with a problem is refused whole and every problem is listed by line.
 */
export function PayrollDeductions({ organizationId, onRecorded }: PayrollDeductionsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [result, setResult] = useState<PayrollBatchResult | null>(null);
  const form = useFormSubmit<PayrollValues>({
    initialValues: { file: null, date: todayInJapan(), encoding: 'auto' },
    check: (values) => {
      const errors: FieldErrors = {};
      if (!values.file) errors.file = 'required';
      if (!values.date) errors.date = 'required';
      return errors;
    },
    send: async (values) => {
      setResult(null);
      if (!values.file) return;
      const answer = await uploadFile<PayrollBatchResult>(capitalPaths.payrollDeductions(organizationId, values.date, values.encoding), values.file, 'text/csv');
      setResult(answer);
      onRecorded();
    },
    report: 'alert',
    afterSuccess: 'reset',
  });

  return (
    <Stack gap="sm">
      <Text size="sm">{t('capital.payroll.intro')}</Text>
      <form onSubmit={form.onSubmit} noValidate>
        <Stack gap="sm" maw={520}>
          <FileInput
            label={t('capital.payroll.file')}
            description={t('capital.payroll.fileHint')}
            accept=".csv,text/csv"
            required
            clearable
            clearButtonProps={{ 'aria-label': t('capital.payroll.clearFile') }}
            leftSection={<IconUpload size={16} aria-hidden />}
            value={form.values.file}
            onChange={(file) => {
              setResult(null);
              form.set('file', file);
            }}
            error={form.error('file')}
          />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('capital.payroll.date')} description={t('capital.payroll.dateHint')} type="date" required miw={180} {...form.input('date')} />
            <NativeSelect
              label={t('capital.payroll.encoding')}
              miw={180}
              value={form.values.encoding}
              onChange={(event) => {
                const found = PAYROLL_ENCODINGS.find((e) => e === event.currentTarget.value);
                if (found) form.set('encoding', found);
              }}
              data={PAYROLL_ENCODINGS.map((e) => ({ value: e, label: t(`memberImport.encodingName.${e}`) }))}
            />
          </Group>
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('capital.payroll.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {form.failure !== null && <PayrollFailure error={form.failure} />}
      {result && (
        <Alert color="teal" variant="light" role="status">
          {t('capital.payroll.done', { count: result.payments, payments: formatNumber(result.payments, locale), total: formatYen(result.total, locale) })}
        </Alert>
      )}
    </Stack>
  );
}

/** Why the file was refused, and each of its problems by line and column. */
function PayrollFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const problems = payrollProblems(error);
  const fieldName = (field: string) => t(`capital.payroll.field.${field}`, { defaultValue: field });
  const reason = (code: string) => t(`capital.payroll.code.${code}`, { defaultValue: t(`validation.${code}`, { defaultValue: t('validation.invalid') }) });
  return (
    <Stack gap="xs">
      <FormAlert failure={error} />
      {problems.length > 0 && (
        <List size="sm" spacing={4} aria-label={t('capital.payroll.problems')}>
          {problems.map((problem, index) => (
            <List.Item key={`${problem.line ?? ''}:${problem.field}:${index}`}>
              {problem.line === null
                ? t('capital.payroll.missingColumn', { field: fieldName(problem.field) })
                : t('capital.payroll.problem', { line: formatNumber(problem.line, locale), field: fieldName(problem.field), reason: reason(problem.code) })}
              {problem.detail && t('capital.payroll.detail', { detail: problem.detail })}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
