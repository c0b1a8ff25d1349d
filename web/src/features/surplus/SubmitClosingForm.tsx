import { Anchor, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withQuery, type Items } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { Loaded } from '../../components/Loaded';
import { firstSegment } from '../../errors';
import { formatDateTime, formatFiscalYear } from '../../format';
import { useLocale } from '../../i18n';
import { useFormSubmit } from '../../use-form-submit';
import { useResource } from '../../use-resource';
import { governancePaths, type Meeting } from '../governance/governance';
import { changeClosing, surplusApi, type Closing } from './surplus';

interface SubmitClosingFormProps {
  closing: Closing;
  onSubmitted: (closing: Closing) => void;
  /** The close changed since it was read: read it again. */
  onChanged: () => void;
  onCancel: () => void;
}

/** The surplus is allocated by the general assembly, or the delegate assembly that stands for it (Art. 77). */
const assembles = (meeting: Meeting) => meeting.bodyKind === 'general_assembly' || meeting.bodyKind === 'delegate_assembly';

/**
 * 総会に付議: puts the draft on the agenda of one of the organization's general (or delegate) assemblies not yet
 * convened, as an ordinary resolution; adopted, the close is posted to the ledger.
 */
export function SubmitClosingForm({ closing, onSubmitted, onChanged, onCancel }: SubmitClosingFormProps) {
  const meetings = useResource<Items<Meeting>>(governancePaths.meetings(closing.organizationId));
  return (
    <Loaded resource={meetings}>
      {({ items }) => {
        // Only a meeting whose notice has not gone out takes a new motion (the notice fixes the agenda).
        const open = items.filter((meeting) => meeting.status === 'draft' && assembles(meeting));
        if (open.length === 0) return <NoMeeting organizationId={closing.organizationId} onCancel={onCancel} />;
        return <MeetingChoice closing={closing} meetings={open} onSubmitted={onSubmitted} onChanged={onChanged} onCancel={onCancel} />;
      }}
    </Loaded>
  );
}

function NoMeeting({ organizationId, onCancel }: { organizationId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text>{t('surplus.submit.noMeeting')}</Text>
      <Anchor component={Link} to={withQuery('/assemblies', { organization: organizationId })}>
        {t('surplus.submit.toAssemblies')}
      </Anchor>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
}

function MeetingChoice({ closing, meetings, onSubmitted, onChanged, onCancel }: SubmitClosingFormProps & { meetings: Meeting[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useFormSubmit<{ meetingId: string }>({
    initialValues: { meetingId: meetings[0]?.id ?? '' },
    check: (values) => (values.meetingId ? {} : { meetingId: 'required' }),
    send: async ({ meetingId }) => onSubmitted(await changeClosing(() => surplusApi.submit(closing.id, meetingId, closing.version), onChanged)),
    codeFields: { not_a_general_meeting: 'meetingId', agenda_fixed: 'meetingId' },
    // A meeting already convened is refused on the motion's amendment field: its agenda is fixed.
    fieldOf: (field) => (field === 'amendsMotionId' ? 'meetingId' : firstSegment(field)),
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  return (
    <DialogForm form={form} submitLabel={t('surplus.submit.button')} onCancel={onCancel}>
      <Text size="sm">{t('surplus.submit.intro', { year: formatFiscalYear(closing.fiscalYear, locale) })}</Text>
      <NativeSelect
        label={t('surplus.submit.meeting')}
        description={t('surplus.submit.meetingHint')}
        required
        data-autofocus
        data={meetings.map((meeting) => ({
          value: meeting.id,
          label: t('surplus.submit.meetingChoice', { title: meeting.title, body: t(`governance.bodyKind.${meeting.bodyKind}`), date: formatDateTime(meeting.startsAt, locale) }),
        }))}
        {...form.input('meetingId')}
      />
    </DialogForm>
  );
}
