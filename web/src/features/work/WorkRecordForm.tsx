import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../components/DialogForm';
import { todayInJapan } from '../../format';
import { useFormSubmit } from '../../use-form-submit';
import { workApi, type WorkRecord } from './work';
import { checkWorkRecord, recordValues, toWorkRecordChange, workField, type WorkRecordValues } from './work-values';
import { WorkEntryFields } from './WorkEntryFields';

interface WorkRecordFormProps {
  record: WorkRecord;
  businessLines: readonly string[];
  onSaved: (record: WorkRecord) => void;
  onCancel: () => void;
}

/** Corrects an entered record: its day, site, business line, role, hours or note. */
export function WorkRecordForm({ record, businessLines, onSaved, onCancel }: WorkRecordFormProps) {
  const { t } = useTranslation();
  const today = todayInJapan();
  const form = useFormSubmit<WorkRecordValues>({
    initialValues: recordValues(record),
    check: (values) => checkWorkRecord(values, today),
    send: async (values) => onSaved(await workApi.update(record.id, toWorkRecordChange(values, record))),
    fieldOf: workField,
    codeFields: { period_closed: 'date', not_working_then: 'date', already_recorded: 'site' },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  return (
    <DialogForm form={form} submitLabel={t('common.save')} onCancel={onCancel}>
      <TextInput label={t('work.field.date')} type="date" required max={today} w={200} {...form.input('date')} />
      <WorkEntryFields
        values={form.values}
        onChange={(patch) => {
          for (const [field, value] of Object.entries(patch) as [keyof WorkRecordValues, string][]) form.set(field, value);
        }}
        errors={form.errors}
        prefix=""
        businessLines={businessLines}
      />
    </DialogForm>
  );
}
