import { Button, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useFormSubmit } from '../../use-form-submit';
import { useRowAction } from '../../use-row-action';
import { useChangeValueText } from './ContactSection';
import { portalApi, type ChangeRequest } from './portal';
import { REQUESTABLE_FIELDS } from './portal-values';

/** One member's pending request: who, when, each field now and as asked, and confirm or reject (with a reason). */
export function ChangeRequestCard({ request, onDecided }: { request: ChangeRequest; onDecided: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const valueText = useChangeValueText();
  const action = useRowAction();
  const [rejecting, setRejecting] = useState(false);
  const name = `${request.current.familyName} ${request.current.givenName}`;
  const headingId = `change-request-${request.id}`;
  const fields = REQUESTABLE_FIELDS.filter((field) => field in request.changes);
  const confirm = () =>
    action.run(request.id, async () => {
      await portalApi.confirmChange(request.id);
      notifySuccess(t('portal.changeRequests.confirmed', { name }));
      onDecided();
    });
  return (
    <Stack component="article" aria-labelledby={headingId} gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0}>
          <Title order={3} size="h5" id={headingId}>
            {request.membershipId ? (
              <Link to={`/members/${encodeURIComponent(request.membershipId)}`}>{name}</Link>
            ) : (
              name
            )}
            {request.memberNumber ? ` · ${t('member.numberLabel', { number: request.memberNumber })}` : ''}
          </Title>
          <Text size="sm">{t('portal.changeRequests.asked', { date: formatDateTime(request.createdAt, locale) })}</Text>
        </Stack>
      </Group>
      <Table.ScrollContainer minWidth={320}>
        <Table aria-labelledby={headingId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('portal.changeRequests.field')}</Table.Th>
              <Table.Th scope="col">{t('portal.changeRequests.now')}</Table.Th>
              <Table.Th scope="col">{t('portal.changeRequests.askedFor')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => (
              <Table.Tr key={field}>
                <Table.Th scope="row" fw={400}>
                  {t(`portal.contact.fieldName.${field}`)}
                </Table.Th>
                <Table.Td>{valueText(field, request.current[field])}</Table.Td>
                <Table.Td fw={700}>{valueText(field, request.changes[field])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="sm">
        <Button loading={action.busyId === request.id} onClick={() => void confirm()} aria-label={t('portal.changeRequests.confirmNamed', { name })}>
          {t('portal.changeRequests.confirm')}
        </Button>
        <Button variant="default" onClick={() => setRejecting(true)} aria-label={t('portal.changeRequests.rejectNamed', { name })}>
          {t('portal.changeRequests.reject')}
        </Button>
      </Group>
      <Dialog opened={rejecting} onClose={() => setRejecting(false)} title={t('portal.changeRequests.rejectTitle', { name })}>
        <RejectForm
          requestId={request.id}
          onCancel={() => setRejecting(false)}
          onRejected={() => {
            setRejecting(false);
            notifySuccess(t('portal.changeRequests.rejected', { name }));
            onDecided();
          }}
        />
      </Dialog>
    </Stack>
  );
}

function RejectForm({ requestId, onCancel, onRejected }: { requestId: string; onCancel: () => void; onRejected: () => void }) {
  const { t } = useTranslation();
  const form = useFormSubmit<{ reason: string }>({
    initialValues: { reason: '' },
    check: ({ reason }) => ({ reason: reason.trim() ? undefined : 'required' }),
    send: async ({ reason }) => {
      await portalApi.rejectChange(requestId, reason.trim());
      onRejected();
    },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  return (
    <DialogForm form={form} submitLabel={t('portal.changeRequests.reject')} onCancel={onCancel}>
      <Textarea label={t('portal.changeRequests.reason')} description={t('portal.changeRequests.reasonHint')} autosize minRows={3} required data-autofocus {...form.input('reason')} />
    </DialogForm>
  );
}
