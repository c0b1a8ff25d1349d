import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../components/DialogForm';
import { todayInJapan } from '../../format';
import { useFormSubmit } from '../../use-form-submit';
import { BODY_KINDS, governanceApi, oneOf, type Meeting } from './governance';
import { MeetingFields } from './MeetingFields';
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

  return (
    <DialogForm form={form} submitLabel={t('governance.meeting.create')} onCancel={onCancel}>
      <NativeSelect
        label={t('governance.meeting.body')}
        data={BODY_KINDS.map((kind) => ({ value: kind, label: t(`governance.bodyKind.${kind}`) }))}
        value={form.values.bodyKind}
        onChange={(event) => {
          const kind = oneOf(BODY_KINDS, event.currentTarget.value);
          if (kind) form.set('bodyKind', kind);
        }}
        error={form.error('bodyKind')}
      />
      <MeetingFields form={form} />
    </DialogForm>
  );
}
