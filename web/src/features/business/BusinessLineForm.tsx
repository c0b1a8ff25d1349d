import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { businessApi, type BusinessLine } from './business';
import { checkBusinessLine, lineCode, type BusinessLineValues } from './site-values';

/** A business line the federation adds to the seed's eight (a bakery, a new commissioned field); its code is permanent. */
export function BusinessLineForm({ existing, onAdded, onCancel }: { existing: BusinessLine[]; onAdded: (line: BusinessLine) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useFormSubmit<BusinessLineValues>({
    initialValues: { code: '', nameJa: '', nameEn: '' },
    check: (values) => checkBusinessLine(values, existing),
    send: async (values) => onAdded(await businessApi.addBusinessLine({ code: lineCode(values.code), nameJa: values.nameJa.trim(), nameEn: values.nameEn.trim() })),
    codeFields: { duplicate_code: 'code' },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <TextInput label={t('businesses.line.nameJa')} required lang="ja" {...form.input('nameJa')} />
        <TextInput label={t('businesses.line.nameEn')} required lang="en" {...form.input('nameEn')} />
        <TextInput label={t('businesses.line.code')} description={t('businesses.line.codeHint')} required autoComplete="off" spellCheck={false} {...form.input('code')} />
        <FormActions inDialog submitLabel={t('businesses.line.submit')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
