import { Checkbox, Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { todayInJapan } from '../../format';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { BODY_KINDS, governanceApi, oneOf, type Meeting } from './governance';
import { checkMeeting, emptyMeeting, toNewMeeting, type MeetingValues } from './meeting-values';

interface NewMeetingFormProps {
  organizationId: string;
  onCreated: (meeting: Meeting) => void;
  onCancel: () => void;
}

/**
 * Drafts a meeting of a body (会議を作成): when and where, the record date that fixes who may vote, and the ways to
 * vote besides attending, which default to what the bylaws allow. Times are Japan time.
 */
export function NewMeetingForm({ organizationId, onCreated, onCancel }: NewMeetingFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit<MeetingValues>({
    initialValues: emptyMeeting(todayInJapan()),
    check: checkMeeting,
    send: async (values) => onCreated(await governanceApi.createMeeting(organizationId, toNewMeeting(values))),
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);
  const { values } = form;
  const flag = (field: 'writtenVoting' | 'electronicVoting' | 'proxyAllowed') => ({
    checked: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => form.set(field, event.currentTarget.checked),
    error: form.error(field),
  });

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <NativeSelect
          label={t('governance.meeting.body')}
          data={BODY_KINDS.map((kind) => ({ value: kind, label: t(`governance.bodyKind.${kind}`) }))}
          value={values.bodyKind}
          onChange={(event) => {
            const kind = oneOf(BODY_KINDS, event.currentTarget.value);
            if (kind) form.set('bodyKind', kind);
          }}
          error={form.error('bodyKind')}
        />
        <TextInput label={t('governance.meeting.title')} placeholder={t('governance.meeting.titlePlaceholder')} required data-autofocus maxLength={200} {...form.input('title')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('governance.meeting.startsAt')} description={t('governance.meeting.japanTime')} type="datetime-local" required {...form.input('startsAt')} />
          <TextInput label={t('governance.meeting.endsAt')} description={t('governance.meeting.japanTime')} type="datetime-local" {...form.input('endsAt')} />
        </SimpleGrid>
        <TextInput label={t('governance.meeting.place')} description={t('governance.meeting.placeHint')} maxLength={500} {...form.input('place')} />
        <TextInput label={t('governance.meeting.onlineUrl')} type="url" placeholder="https://" maxLength={1000} {...form.input('onlineUrl')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('governance.meeting.recordDate')} description={t('governance.meeting.recordDateHint')} type="date" required {...form.input('recordDate')} />
          <TextInput
            label={t('governance.meeting.votingDeadline')}
            description={t('governance.meeting.votingDeadlineHint')}
            type="datetime-local"
            {...form.input('votingDeadline')}
          />
        </SimpleGrid>
        <Fieldset legend={t('governance.meeting.votingMethods')} variant="filled">
          <Stack gap="xs">
            <Checkbox label={t('governance.meeting.writtenVoting')} {...flag('writtenVoting')} />
            <Checkbox label={t('governance.meeting.electronicVoting')} {...flag('electronicVoting')} />
            <Checkbox label={t('governance.meeting.proxyAllowed')} {...flag('proxyAllowed')} />
          </Stack>
        </Fieldset>
        <FormActions inDialog submitLabel={t('governance.meeting.create')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
