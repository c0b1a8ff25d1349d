import { Checkbox, Fieldset, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormSubmit } from '../../use-form-submit';
import type { MeetingValues } from './meeting-values';

interface MeetingFieldsProps {
  form: FormSubmit<MeetingValues>;
}

/**
 * The fields of a meeting, shared by the new-meeting form and its change before the notice: name, times (Japan
 * time), place and online address, record date, voting deadline and the ways to vote besides attending.
 */
export function MeetingFields({ form }: MeetingFieldsProps) {
  const { t } = useTranslation();
  const { values } = form;
  const flag = (field: 'writtenVoting' | 'electronicVoting' | 'proxyAllowed') => ({
    checked: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => form.set(field, event.currentTarget.checked),
    error: form.error(field),
  });
  return (
    <>
      <TextInput label={t('governance.meeting.title')} placeholder={t('governance.meeting.titlePlaceholder')} required data-autofocus maxLength={200} {...form.input('title')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput label={t('governance.meeting.startsAt')} description={t('governance.meeting.japanTime')} type="datetime-local" required {...form.input('startsAt')} />
        <TextInput label={t('governance.meeting.endsAt')} description={t('governance.meeting.japanTime')} type="datetime-local" {...form.input('endsAt')} />
      </SimpleGrid>
      <TextInput label={t('governance.meeting.place')} description={t('governance.meeting.placeHint')} maxLength={500} {...form.input('place')} />
      <MeetingOnlineUrlField form={form} />
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
    </>
  );
}

/** The online meeting address: the one field of a meeting that may still change after the notice. */
export function MeetingOnlineUrlField({ form, autoFocus = false }: MeetingFieldsProps & { autoFocus?: boolean }) {
  const { t } = useTranslation();
  return <TextInput label={t('governance.meeting.onlineUrl')} type="url" placeholder="https://" maxLength={1000} data-autofocus={autoFocus || undefined} {...form.input('onlineUrl')} />;
}
