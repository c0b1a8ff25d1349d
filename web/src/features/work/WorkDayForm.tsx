import { Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../components/DialogForm';
import { useFieldErrorText } from '../../errors';
import { todayInJapan } from '../../format';
import { useFormSubmit } from '../../use-form-submit';
import { workApi, type WorkRecord } from './work';
import { checkWorkDay, emptyEntry, emptyWorkDay, toWorkDay, workField, type WorkDayValues, type WorkEntryValues } from './work-values';
import { WorkEntryFields } from './WorkEntryFields';
import { WorkerPicker } from './WorkerPicker';

/** At most this many lines (sites or business lines) on one day. */
const MAX_LINES = 20;

interface WorkDayFormProps {
  organizationId: string;
  businessLines: readonly string[];
  /** The day the form starts on. */
  date: string;
  onRecorded: (records: WorkRecord[]) => void;
  onCancel: () => void;
}

/**
 * Records one person's work on one day: a line per site and business line, each with its hours. The records are
 * entered, for the coordinator to approve.
 */
export function WorkDayForm({ organizationId, businessLines, date, onRecorded, onCancel }: WorkDayFormProps) {
  const { t } = useTranslation();
  const errorText = useFieldErrorText();
  const today = todayInJapan();
  const form = useFormSubmit<WorkDayValues>({
    initialValues: emptyWorkDay(date),
    check: (values) => checkWorkDay(values, today),
    send: async (values) => onRecorded((await workApi.record(organizationId, toWorkDay(values))).items),
    fieldOf: workField,
    codeFields: { not_working_then: 'personId', period_closed: 'date', already_recorded: 'entries' },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const { entries } = form.values;
  const setEntry = (index: number, patch: Partial<WorkEntryValues>) => form.set('entries', entries.map((e, i) => (i === index ? { ...e, ...patch } : e)));

  return (
    <DialogForm form={form} submitLabel={t('work.form.submit')} onCancel={onCancel}>
      <Group grow align="flex-start" wrap="wrap">
        <TextInput label={t('work.field.date')} type="date" required max={today} miw={180} {...form.input('date')} />
        <WorkerPicker organizationId={organizationId} date={form.values.date} value={form.values.personId} onChange={(personId) => form.set('personId', personId)} label={t('work.field.person')} error={form.error('personId')} />
      </Group>
      {form.errors.entries && (
        <Text size="sm" c="red.8" role="alert">
          {errorText(form.errors.entries)}
        </Text>
      )}
      <Stack gap="sm">
        {entries.map((entry, index) => (
          <Fragment key={index}>
            {index > 0 && <Divider />}
            <WorkEntryFields
              values={entry}
              onChange={(patch) => setEntry(index, patch)}
              errors={form.errors}
              prefix={`entries.${index}.`}
              businessLines={businessLines}
              labelSuffix={entries.length > 1 ? ` ${index + 1}` : ''}
            />
            {entries.length > 1 && (
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  color="gray"
                  size="xs"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  onClick={() => form.set('entries', entries.filter((_, i) => i !== index))}
                >
                  {t('work.form.removeLine', { number: index + 1 })}
                </Button>
              </Group>
            )}
          </Fragment>
        ))}
      </Stack>
      {entries.length < MAX_LINES && (
        <Group>
          <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.set('entries', [...entries, emptyEntry()])}>
            {t('work.form.addLine')}
          </Button>
        </Group>
      )}
    </DialogForm>
  );
}
