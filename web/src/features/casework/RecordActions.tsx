import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconFileOff, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { formatDate, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { useFormSubmit } from '../../use-form-submit';
import { caseworkApi, caseworkPaths, type Participant } from './casework';
import { checkDate, erasureConfirmed } from './casework-values';
import { CaseDialog, type CaseFormProps } from './CaseDialog';
import { CaseSection } from './CaseSection';

interface RecordActionsProps {
  participant: Participant;
  onChanged: (participant: Participant) => void;
}

/**
 * What may be done with the record as a whole: close the case (終結), hand the participant everything held about them
 * (開示, APPI art. 33), or erase it (消去, art. 35) — the reports keep only counts.
 */
export function RecordActions({ participant, onChanged }: RecordActionsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [dialog, setDialog] = useState<'close' | 'erase' | null>(null);
  return (
    <CaseSection id="participant-actions" title={t('casework.record.title')}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('casework.record.erasureOn', { date: formatDate(participant.erasureOn, locale) })}
        </Text>
        <Group gap="xs">
          {participant.status === 'active' && (
            <Button variant="default" leftSection={<IconFileOff size={16} aria-hidden />} onClick={() => setDialog('close')}>
              {t('casework.record.close')}
            </Button>
          )}
          <Button
            component="a"
            href={apiHref(caseworkPaths.export(participant.id))}
            download={`${participant.reference}.json`}
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('casework.record.export')}
          </Button>
          <Button color="red.9" variant="outline" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDialog('erase')}>
            {t('casework.record.erase')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('casework.record.exportHint')}
        </Text>
      </Stack>
      <CaseDialog open={dialog === 'close'} onClose={() => setDialog(null)} title={t('casework.record.close')} savedMessage={t('casework.record.closed')} onChanged={onChanged}>
        {(_, actions) => <CloseForm participant={participant} {...actions} />}
      </CaseDialog>
      <CaseDialog
        open={dialog === 'erase'}
        onClose={() => setDialog(null)}
        title={t('casework.record.eraseTitle', { reference: participant.reference })}
        savedMessage={t('casework.record.erased')}
        onChanged={onChanged}
      >
        {(_, actions) => <EraseForm participant={participant} {...actions} />}
      </CaseDialog>
    </CaseSection>
  );
}

function CloseForm({ participant, onCancel, onSaved }: CaseFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit({
    initialValues: { closedOn: todayInJapan() },
    check: (values) => checkDate('closedOn', values.closedOn),
    send: async (values) => onSaved(await caseworkApi.close(participant.id, values.closedOn)),
    report: 'alert',
    afterSuccess: 'leave',
  });
  return (
    <DialogForm form={form} submitLabel={t('casework.record.close')} onCancel={onCancel}>
      <Text>{t('casework.record.closeExplain')}</Text>
      <TextInput label={t('casework.record.closedOn')} type="date" required {...form.input('closedOn')} />
    </DialogForm>
  );
}

/** Like ConfirmDialog, but the reference must be typed: an erasure cannot be undone. */
function EraseForm({ participant, onCancel, onSaved }: CaseFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit({
    initialValues: { confirm: '' },
    check: (values) => (erasureConfirmed(values.confirm, participant.reference) ? {} : { confirm: 'confirmation_mismatch' }),
    send: async () => onSaved(await caseworkApi.erase(participant.id, participant.reference)),
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const errorText = form.errors.confirm ? t('casework.record.confirmMismatch') : undefined;
  return (
    <DialogForm form={form} submitLabel={t('casework.record.eraseConfirm')} onCancel={onCancel}>
      <Text>{t('casework.record.eraseExplain')}</Text>
      <Text fw={600}>{t('casework.record.eraseCounts')}</Text>
      <TextInput
        label={t('casework.record.typeReference', { reference: participant.reference })}
        autoComplete="off"
        spellCheck={false}
        value={form.values.confirm}
        onChange={(event) => form.set('confirm', event.currentTarget.value)}
        error={errorText}
      />
    </DialogForm>
  );
}
