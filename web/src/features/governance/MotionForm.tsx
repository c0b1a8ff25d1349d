import { ActionIcon, Fieldset, Group, List, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Items } from '../../api';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import type { FieldErrors } from '../../errors';
import { useResource } from '../../use-resource';
import { invalidCount, useFormSubmit, type FormSubmit } from '../../use-form-submit';
import { parseWhole } from '../capital/capital-values';
import { MemberPicker } from '../capital/MemberPicker';
import {
  ELECTION_METHODS,
  governanceApi,
  governancePaths,
  MOTION_KINDS,
  OFFICES,
  oneOf,
  type BylawVersion,
  type ElectionMethod,
  type Motion,
  type MotionKind,
  type NewMotion,
  type Office,
} from './governance';

interface MotionFormProps {
  meetingId: string;
  organizationId: string;
  /** The motion an amendment (修正案) amends; decided like it, and voted before it. */
  amends?: Motion;
  onAdded: (motion: Motion) => void;
  onCancel: () => void;
}

interface Values {
  kind: MotionKind;
  title: string;
  body: string;
  bylawVersionId: string;
  office: Office;
  electionMethod: ElectionMethod;
  seats: string;
  candidates: { membershipId: string; label: string }[];
}

/** `candidates[2]` and `candidates.2` belong to the candidates. */
const fieldOf = (field: string) => field.split(/[.[]/)[0] ?? field;

function check(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.title.trim()) errors.title = 'required';
  if (values.kind === 'election') {
    const seats = parseWhole(values.seats, 1, 100);
    if (seats === null) errors.seats = values.seats.trim() ? 'not_positive_integer' : 'required';
    else if (values.candidates.length < seats || (values.electionMethod !== 'approval' && values.candidates.length <= seats)) {
      errors.candidates = values.electionMethod === 'approval' ? 'too_few_candidates' : 'too_few_candidates_stv';
    }
  }
  return errors;
}

function toMotion(values: Values, amends: Motion | undefined): NewMotion {
  const election = values.kind === 'election';
  return {
    kind: values.kind,
    title: values.title.trim(),
    body: values.body.trim() || null,
    amendsMotionId: amends?.id ?? null,
    bylawVersionId: values.kind === 'special' && values.bylawVersionId ? values.bylawVersionId : null,
    electionMethod: election ? values.electionMethod : null,
    office: election ? values.office : null,
    seats: election ? parseWhole(values.seats, 1, 100) : null,
    candidates: election ? values.candidates.map(({ membershipId }) => ({ membershipId })) : [],
  };
}

/**
 * A motion for the agenda (議案): an ordinary or special resolution (a bylaw change names the proposed version), or
 * an election with its office, seats, method and candidates; or an amendment (修正案) to a motion.
 */
export function MotionForm({ meetingId, organizationId, amends, onAdded, onCancel }: MotionFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit<Values>({
    initialValues: { kind: amends?.kind ?? 'ordinary', title: '', body: '', bylawVersionId: '', office: 'director', electionMethod: 'approval', seats: '1', candidates: [] },
    check,
    send: async (values) => onAdded(await governanceApi.addMotion(meetingId, toMotion(values, amends))),
    fieldOf,
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);
  const { values } = form;

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        {amends ? (
          <Text size="sm">{t('governance.motion.amendsIntro', { title: amends.title, kind: t(`governance.motionKind.${amends.kind}`) })}</Text>
        ) : (
          <NativeSelect
            label={t('governance.motion.kind')}
            data={MOTION_KINDS.map((kind) => ({ value: kind, label: t(`governance.motionKind.${kind}`) }))}
            description={t(`governance.motionKindHint.${values.kind}`)}
            value={values.kind}
            onChange={(event) => {
              const kind = oneOf(MOTION_KINDS, event.currentTarget.value);
              if (kind) form.set('kind', kind);
            }}
            error={form.error('kind')}
          />
        )}
        <TextInput label={t('governance.motion.title')} required data-autofocus maxLength={300} {...form.input('title')} />
        <Textarea label={t('governance.motion.body')} description={t('governance.motion.bodyHint')} autosize minRows={3} maxRows={12} {...form.input('body')} />
        {values.kind === 'special' && !amends && <BylawVersionSelect organizationId={organizationId} binding={form.input('bylawVersionId')} />}
        {values.kind === 'election' && (
          <ElectionFields
            organizationId={organizationId}
            values={values}
            set={form.set}
            input={form.input}
            candidatesError={form.error('candidates')}
          />
        )}
        <FormActions inDialog submitLabel={t(amends ? 'governance.motion.addAmendment' : 'governance.motion.add')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function BylawVersionSelect({ organizationId, binding }: { organizationId: string; binding: ReturnType<FormSubmit<Values>['input']> }) {
  const { t } = useTranslation();
  const versions = useResource<Items<BylawVersion>>(governancePaths.bylaws(organizationId));
  const proposed = (versions.data?.items ?? []).filter((v) => v.status === 'proposed');
  return (
    <NativeSelect
      label={t('governance.motion.bylawVersion')}
      description={t('governance.motion.bylawVersionHint')}
      data={[{ value: '', label: t('governance.motion.noBylawVersion') }, ...proposed.map((v) => ({ value: v.id, label: t('governance.bylaws.versionTitle', { no: v.versionNo, title: v.title }) }))]}
      {...binding}
    />
  );
}

interface ElectionFieldsProps {
  organizationId: string;
  values: Values;
  set: FormSubmit<Values>['set'];
  input: FormSubmit<Values>['input'];
  candidatesError: string | undefined;
}

function ElectionFields({ organizationId, values, set, input, candidatesError }: ElectionFieldsProps) {
  const { t } = useTranslation();
  // The picker starts empty again once its member is added to the list.
  const [pickerKey, setPickerKey] = useState(0);
  const add = (membershipId: string, label: string) => {
    if (!membershipId) return;
    if (!values.candidates.some((c) => c.membershipId === membershipId)) set('candidates', [...values.candidates, { membershipId, label }]);
    setPickerKey((n) => n + 1);
  };
  return (
    <Fieldset legend={t('governance.motion.election')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <NativeSelect
            label={t('governance.motion.office')}
            data={OFFICES.map((office) => ({ value: office, label: t(`governance.office.${office}`) }))}
            value={values.office}
            onChange={(event) => {
              const office = oneOf(OFFICES, event.currentTarget.value);
              if (office) set('office', office);
            }}
          />
          <TextInput label={t('governance.motion.seats')} required inputMode="numeric" autoComplete="off" {...input('seats')} />
          <NativeSelect
            label={t('governance.motion.method')}
            data={ELECTION_METHODS.map((method) => ({ value: method, label: t(`governance.electionMethod.${method}`) }))}
            value={values.electionMethod}
            onChange={(event) => {
              const method = oneOf(ELECTION_METHODS, event.currentTarget.value);
              if (method) set('electionMethod', method);
            }}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t(`governance.electionMethodHint.${values.electionMethod}`)}
        </Text>
        <MemberPicker
          key={pickerKey}
          organizationId={organizationId}
          excludeMembershipId=""
          value=""
          onChange={add}
          label={t('governance.motion.addCandidate')}
          description={t('governance.motion.addCandidateHint')}
          required={false}
          error={candidatesError}
        />
        {values.candidates.length === 0 ? (
          <Text size="sm">{t('governance.motion.noCandidates')}</Text>
        ) : (
          <List listStyleType="decimal" spacing={4} aria-label={t('governance.motion.candidates')}>
            {values.candidates.map((candidate) => (
              <List.Item key={candidate.membershipId}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm">{candidate.label}</Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    aria-label={t('governance.motion.removeCandidate', { name: candidate.label })}
                    onClick={() => set('candidates', values.candidates.filter((c) => c.membershipId !== candidate.membershipId))}
                  >
                    <IconX size={14} aria-hidden />
                  </ActionIcon>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Fieldset>
  );
}
