import { Button, NativeSelect, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../components/DialogForm';
import { formatDate, formatNumber, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { useFormSubmit } from '../../use-form-submit';
import { ACTIVITY_KINDS, caseworkApi, type ActivityKind, type Participant } from './casework';
import { checkDate, parseMinutes } from './casework-values';
import { CaseDialog, type CaseFormProps } from './CaseDialog';
import { CaseSection } from './CaseSection';

interface ActivitiesSectionProps {
  participant: Participant;
  onChanged: (participant: Participant) => void;
}

/** What the office did with the participant (活動): counselling, job experience, group living, training, seminars. */
export function ActivitiesSection({ participant, onChanged }: ActivitiesSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  const [openings, setOpenings] = useState(0);
  const activities = [...participant.activities].sort((a, b) => b.on.localeCompare(a.on));
  return (
    <CaseSection
      id="participant-activities"
      title={t('casework.activity.title')}
      actions={
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => {
            setOpenings((n) => n + 1);
            setAdding(true);
          }}
        >
          {t('casework.activity.add')}
        </Button>
      }
    >
      {activities.length === 0 ? (
        <Text c="dimmed">{t('casework.activity.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={400}>
          <Table verticalSpacing="xs" striped>
            <Table.Caption>{t('casework.activity.caption', { count: activities.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('casework.activity.on')}</Table.Th>
                <Table.Th scope="col">{t('casework.activity.kind')}</Table.Th>
                <Table.Th scope="col">{t('casework.activity.minutes')}</Table.Th>
                <Table.Th scope="col">{t('casework.activity.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {activities.map((activity) => (
                <Table.Tr key={activity.id}>
                  <Table.Td>{formatDate(activity.on, locale)}</Table.Td>
                  <Table.Td>{t(`casework.activityKind.${activity.kind}`)}</Table.Td>
                  <Table.Td>{activity.minutes === null ? t('common.none') : formatNumber(activity.minutes, locale)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{activity.note ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CaseDialog open={adding} onClose={() => setAdding(false)} title={t('casework.activity.add')} savedMessage={t('casework.activity.added')} onChanged={onChanged}>
        {(_, actions) => <AddActivityForm key={openings} participant={participant} {...actions} />}
      </CaseDialog>
    </CaseSection>
  );
}

interface ActivityValues {
  kind: ActivityKind;
  on: string;
  minutes: string;
  note: string;
}

function AddActivityForm({ participant, onCancel, onSaved }: CaseFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit<ActivityValues>({
    initialValues: { kind: 'counselling', on: todayInJapan(), minutes: '', note: '' },
    check: (values) => ({ ...checkDate('on', values.on), ...(parseMinutes(values.minutes) === 'invalid' ? { minutes: 'out_of_range' } : {}) }),
    send: async (values) => {
      const minutes = parseMinutes(values.minutes);
      onSaved(
        await caseworkApi.addActivity(participant.id, {
          kind: values.kind,
          on: values.on,
          minutes: minutes === 'invalid' ? null : minutes,
          note: values.note.trim() || null,
        }),
      );
    },
    report: 'alert',
    afterSuccess: 'leave',
  });
  return (
    <DialogForm form={form} submitLabel={t('casework.activity.add')} onCancel={onCancel}>
      <NativeSelect
        label={t('casework.activity.kind')}
        value={form.values.kind}
        onChange={(event) => {
          const kind = ACTIVITY_KINDS.find((k) => k === event.currentTarget.value);
          if (kind) form.set('kind', kind);
        }}
        data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`casework.activityKind.${k}`) }))}
      />
      <TextInput label={t('casework.activity.on')} type="date" required {...form.input('on')} />
      <TextInput label={t('casework.activity.minutes')} description={t('casework.activity.minutesHint')} inputMode="numeric" {...form.input('minutes')} />
      <Textarea label={t('casework.activity.note')} description={t('casework.activity.noteHint')} autosize minRows={2} {...form.input('note')} />
    </DialogForm>
  );
}
