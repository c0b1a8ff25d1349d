import { Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { unlessStale } from '../../api';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { firstSegment, type FieldOf } from '../../errors';
import { notifySuccess } from '../../notify';
import { useFormSubmit } from '../../use-form-submit';
import { governanceApi, type Meeting } from './governance';
import { MeetingFields, MeetingOnlineUrlField } from './MeetingFields';
import { checkMeetingChange, CONVENED_FIELDS, DRAFT_FIELDS, meetingChanges, meetingValuesOf, type MeetingValues } from './meeting-values';

interface EditMeetingProps {
  /** A meeting not yet closed. */
  meeting: Meeting;
  /** After a change, or when the meeting turned out to have changed meanwhile: the page reads it again. */
  onChanged: () => void;
}

/** 「会議を編集」: everything before the notice; afterwards only the online address. */
export function EditMeeting({ meeting, onChanged }: EditMeetingProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const saved = () => {
    close();
    onChanged();
  };
  return (
    <>
      <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={open}>
        {t('governance.meeting.edit')}
      </Button>
      <Dialog opened={opened} onClose={close} title={t('governance.meeting.edit')}>
        <EditMeetingForm meeting={meeting} onCancel={close} onStale={onChanged} onSaved={saved} />
      </Dialog>
    </>
  );
}

// After the notice the place is not in the form: the server's "a place or an online address" is the address's.
const convenedFieldOf: FieldOf = (field) => (field === 'place' ? 'onlineUrl' : firstSegment(field));

interface EditMeetingFormProps extends Pick<EditMeetingProps, 'meeting'> {
  onSaved: () => void;
  onCancel: () => void;
  /** The meeting was changed by someone else: reload it, so the next save starts from their version. */
  onStale: () => void;
}

/** The meeting's form, prefilled; sends only what changed, with the version the page last read. */
function EditMeetingForm({ meeting, onSaved, onCancel, onStale }: EditMeetingFormProps) {
  const { t } = useTranslation();
  const convened = meeting.status !== 'draft';
  const fields = convened ? CONVENED_FIELDS : DRAFT_FIELDS;
  const form = useFormSubmit<MeetingValues>({
    initialValues: meetingValuesOf(meeting),
    check: (values) => checkMeetingChange(values, fields),
    send: async (values) => {
      // Compared with the meeting as the page has it now, which a reload after a conflict may have renewed.
      const changes = meetingChanges(meetingValuesOf(meeting), values, fields);
      if (Object.keys(changes).length > 0) {
        await unlessStale(governanceApi.updateMeeting(meeting.id, meeting.version, changes), onStale);
        notifySuccess(t('governance.meeting.saved'));
      }
      onSaved();
    },
    fieldOf: convened ? convenedFieldOf : undefined,
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });

  return (
    <DialogForm form={form} submitLabel={t('common.save')} onCancel={onCancel}>
      {convened ? (
        <>
          <Text size="sm">{t('governance.meeting.fixedByNotice')}</Text>
          <MeetingOnlineUrlField form={form} autoFocus />
        </>
      ) : (
        <MeetingFields form={form} />
      )}
    </DialogForm>
  );
}
