import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../components/DialogForm';
import { formatDate, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { useFormSubmit } from '../../use-form-submit';
import { caseworkApi, FOLLOW_UP_STATUSES, OUTCOME_KINDS, type FollowUp, type FollowUpStatus, type Outcome, type OutcomeKind, type Participant } from './casework';
import { checkDate, followUpsOf, isPlacement, namesCoop } from './casework-values';
import { CaseDialog, type CaseFormProps } from './CaseDialog';
import { CaseSection } from './CaseSection';

/** An organization an outcome may name: a co-op of the federation the participant went to work in or joined. */
export interface CoopChoice {
  id: string;
  name: string;
}

interface OutcomesSectionProps {
  participant: Participant;
  coops: CoopChoice[];
  onChanged: (participant: Participant) => void;
}

/**
 * Where the participant went (進路): work, school, training, a co-op. A placement is followed up (定着フォロー) at 1,
 * 3, 6 and 12 months, each recorded when done.
 */
export function OutcomesSection({ participant, coops, onChanged }: OutcomesSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  const [recording, setRecording] = useState<FollowUp | null>(null);
  const outcomes = [...participant.outcomes].sort((a, b) => b.on.localeCompare(a.on));
  const coopName = (id: string | null) => (id === null ? null : (coops.find((c) => c.id === id)?.name ?? id));

  return (
    <CaseSection
      id="participant-outcomes"
      title={t('casework.outcome.title')}
      actions={
        <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
          {t('casework.outcome.add')}
        </Button>
      }
    >
      {outcomes.length === 0 ? (
        <Text c="dimmed">{t('casework.outcome.none')}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="participant-outcomes">
          {outcomes.map((outcome) => (
            <Paper component="li" key={outcome.id} withBorder p="sm">
              <Group gap="xs">
                <Text fw={600}>{t(`casework.outcomeKind.${outcome.kind}`)}</Text>
                <Text size="sm">{formatDate(outcome.on, locale)}</Text>
                {isPlacement(outcome.kind) && (
                  <Badge variant="filled" color="teal.9" style={{ textTransform: 'none' }}>
                    {t('casework.outcome.placement')}
                  </Badge>
                )}
              </Group>
              {coopName(outcome.coopOrganizationId) && (
                <Text size="sm">{t('casework.outcome.coopNamed', { name: coopName(outcome.coopOrganizationId) })}</Text>
              )}
              {outcome.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {outcome.note}
                </Text>
              )}
              {isPlacement(outcome.kind) && (
                <FollowUpsTable outcome={outcome} followUps={followUpsOf(participant.followUps, outcome.id)} onRecord={setRecording} />
              )}
            </Paper>
          ))}
        </Stack>
      )}
      <CaseDialog open={adding} onClose={() => setAdding(false)} title={t('casework.outcome.add')} savedMessage={t('casework.outcome.added')} onChanged={onChanged}>
        {(_, actions) => <AddOutcomeForm participant={participant} coops={coops} {...actions} />}
      </CaseDialog>
      <CaseDialog
        open={recording}
        onClose={() => setRecording(null)}
        title={t('casework.followUp.record')}
        savedMessage={t('casework.followUp.recorded')}
        onChanged={onChanged}
      >
        {(followUp, actions) => <FollowUpForm participant={participant} followUp={followUp} {...actions} />}
      </CaseDialog>
    </CaseSection>
  );
}

interface FollowUpsTableProps {
  outcome: Outcome;
  followUps: FollowUp[];
  onRecord: (followUp: FollowUp) => void;
}

function FollowUpsTable({ outcome, followUps, onRecord }: FollowUpsTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (followUps.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={400} mt="xs">
      <Table verticalSpacing={4}>
        <Table.Caption>{t('casework.followUp.caption', { kind: t(`casework.outcomeKind.${outcome.kind}`), date: formatDate(outcome.on, locale) })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('casework.followUp.months')}</Table.Th>
            <Table.Th scope="col">{t('casework.followUp.dueOn')}</Table.Th>
            <Table.Th scope="col">{t('casework.followUp.doneOn')}</Table.Th>
            <Table.Th scope="col">{t('casework.followUp.status')}</Table.Th>
            <Table.Th scope="col">{t('casework.followUp.note')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {followUps.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Th scope="row">{t('casework.followUp.monthsAfter', { count: f.months })}</Table.Th>
              <Table.Td>{formatDate(f.dueOn, locale)}</Table.Td>
              <Table.Td>{f.doneOn ? formatDate(f.doneOn, locale) : t('common.none')}</Table.Td>
              <Table.Td>{t(`casework.followUpStatus.${f.status}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{f.note ?? ''}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" aria-label={t('casework.followUp.recordNamed', { count: f.months })} onClick={() => onRecord(f)}>
                  {t('casework.followUp.record')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface OutcomeValues {
  kind: OutcomeKind;
  on: string;
  coopOrganizationId: string;
  note: string;
}

function AddOutcomeForm({ participant, coops, onCancel, onSaved }: CaseFormProps & { coops: CoopChoice[] }) {
  const { t } = useTranslation();
  const form = useFormSubmit<OutcomeValues>({
    initialValues: { kind: 'employment', on: todayInJapan(), coopOrganizationId: '', note: '' },
    check: (values) => checkDate('on', values.on),
    send: async (values) =>
      onSaved(
        await caseworkApi.addOutcome(participant.id, {
          kind: values.kind,
          on: values.on,
          coopOrganizationId: namesCoop(values.kind) ? values.coopOrganizationId || null : null,
          note: values.note.trim() || null,
        }),
      ),
    report: 'alert',
    afterSuccess: 'leave',
  });
  return (
    <DialogForm form={form} submitLabel={t('casework.outcome.add')} onCancel={onCancel}>
      <NativeSelect
        label={t('casework.outcome.kind')}
        description={isPlacement(form.values.kind) ? t('casework.outcome.placementHint') : undefined}
        value={form.values.kind}
        onChange={(event) => {
          const kind = OUTCOME_KINDS.find((k) => k === event.currentTarget.value);
          if (kind) form.set('kind', kind);
        }}
        data={OUTCOME_KINDS.map((k) => ({ value: k, label: t(`casework.outcomeKind.${k}`) }))}
      />
      <TextInput label={t('casework.outcome.on')} type="date" required {...form.input('on')} />
      {namesCoop(form.values.kind) && (
        <NativeSelect
          label={t('casework.outcome.coop')}
          description={t('casework.outcome.coopHint')}
          {...form.input('coopOrganizationId')}
          data={[{ value: '', label: t('common.notSet') }, ...coops.map((c) => ({ value: c.id, label: c.name }))]}
        />
      )}
      <Textarea label={t('casework.outcome.note')} autosize minRows={2} {...form.input('note')} />
    </DialogForm>
  );
}

interface FollowUpValues {
  doneOn: string;
  status: FollowUpStatus;
  note: string;
}

function FollowUpForm({ participant, followUp, onCancel, onSaved }: CaseFormProps & { followUp: FollowUp }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useFormSubmit<FollowUpValues>({
    initialValues: {
      doneOn: followUp.doneOn ?? todayInJapan(),
      status: followUp.status === 'pending' ? 'in-work' : followUp.status,
      note: followUp.note ?? '',
    },
    check: (values) => checkDate('doneOn', values.doneOn),
    send: async (values) => onSaved(await caseworkApi.recordFollowUp(participant.id, followUp.id, { doneOn: values.doneOn, status: values.status, note: values.note.trim() || null })),
    report: 'alert',
    afterSuccess: 'leave',
  });
  return (
    <DialogForm form={form} submitLabel={t('casework.followUp.record')} onCancel={onCancel}>
      <Text size="sm">{t('casework.followUp.dueExplain', { count: followUp.months, date: formatDate(followUp.dueOn, locale) })}</Text>
      <TextInput label={t('casework.followUp.doneOn')} type="date" required {...form.input('doneOn')} />
      <NativeSelect
        label={t('casework.followUp.status')}
        value={form.values.status}
        onChange={(event) => {
          const status = FOLLOW_UP_STATUSES.find((s) => s === event.currentTarget.value);
          if (status) form.set('status', status);
        }}
        data={FOLLOW_UP_STATUSES.filter((s) => s !== 'pending').map((s) => ({ value: s, label: t(`casework.followUpStatus.${s}`) }))}
      />
      <Textarea label={t('casework.followUp.note')} autosize minRows={2} {...form.input('note')} />
    </DialogForm>
  );
}
