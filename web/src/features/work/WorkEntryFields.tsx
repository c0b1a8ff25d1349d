import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFieldErrorText } from '../../errors';
import { useLabels } from '../reference/use-labels';
import { WORK_TEXT_LIMITS } from './work';
import type { WorkEntryValues } from './work-values';

interface WorkEntryFieldsProps {
  values: WorkEntryValues;
  onChange: (patch: Partial<WorkEntryValues>) => void;
  /** The form's errors, and the prefix of this line's fields in them (`entries.0.`, or '' for one record). */
  errors: Partial<Record<string, string>>;
  prefix: string;
  /** The organization's business lines; none declared, the line is typed freely. */
  businessLines: readonly string[];
  /** Said after each label, to tell the lines of a day apart (" 2"); '' for one record. */
  labelSuffix?: string;
}

/** Where, in which business line and role, and how long: one line of a day, or one record being corrected. */
export function WorkEntryFields({ values, onChange, errors, prefix, businessLines, labelSuffix = '' }: WorkEntryFieldsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const errorText = useFieldErrorText();
  const error = (field: keyof WorkEntryValues) => errorText(errors[`${prefix}${field}`]);
  const label = (field: string) => `${t(`work.field.${field}`)}${labelSuffix}`;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={label('hours')}
          description={t('work.form.hoursHint')}
          required
          inputMode="decimal"
          autoComplete="off"
          value={values.hours}
          onChange={(event) => onChange({ hours: event.currentTarget.value })}
          error={error('hours')}
        />
        <TextInput label={label('site')} maxLength={WORK_TEXT_LIMITS.site} value={values.site} onChange={(event) => onChange({ site: event.currentTarget.value })} error={error('site')} />
        {businessLines.length > 0 ? (
          <NativeSelect
            label={label('businessLine')}
            data={[{ value: '', label: t('work.form.noBusinessLine') }, ...businessLines.map((line) => ({ value: line, label: labels.code('businessLine', line) }))]}
            value={values.businessLine}
            onChange={(event) => onChange({ businessLine: event.currentTarget.value })}
            error={error('businessLine')}
          />
        ) : (
          <TextInput
            label={label('businessLine')}
            maxLength={WORK_TEXT_LIMITS.businessLine}
            value={values.businessLine}
            onChange={(event) => onChange({ businessLine: event.currentTarget.value })}
            error={error('businessLine')}
          />
        )}
        <TextInput
          label={label('role')}
          description={t('work.form.roleHint')}
          maxLength={WORK_TEXT_LIMITS.role}
          value={values.role}
          onChange={(event) => onChange({ role: event.currentTarget.value })}
          error={error('role')}
        />
      </SimpleGrid>
      <TextInput label={label('note')} maxLength={WORK_TEXT_LIMITS.note} value={values.note} onChange={(event) => onChange({ note: event.currentTarget.value })} error={error('note')} />
    </Stack>
  );
}
