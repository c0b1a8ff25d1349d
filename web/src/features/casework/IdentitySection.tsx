import { Badge, Button, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { formatDate, formatPostalCode } from '../../format';
import { useLocale } from '../../i18n';
import { useFormSubmit } from '../../use-form-submit';
import { AGE_BANDS, caseworkApi, type AgeBand, type Identity, type Participant } from './casework';
import { checkIdentity, hasConsent, identityValues, intakeField, toIdentity, type IdentityValues } from './casework-values';
import { CaseDialog, type CaseFormProps } from './CaseDialog';
import { CaseSection } from './CaseSection';
import { CircumstancesField } from './CircumstancesField';
import { IdentityFields } from './IdentityFields';
import { useCaseFieldError } from './use-case-field-error';

interface IdentitySectionProps {
  participant: Participant;
  identity: Identity;
  onChanged: (participant: Participant) => void;
}

/** Who the participant is and their circumstances (要配慮個人情報), corrected against the version that was read. */
export function IdentitySection({ participant, identity, onChanged }: IdentitySectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [openings, setOpenings] = useState(0);
  const shown = (value: string | null) => value ?? t('common.none');
  const rows: [string, string][] = [
    [t('casework.identity.kana'), `${identity.familyNameKana} ${identity.givenNameKana}`],
    [t('casework.ageBand.label'), t(`casework.ageBand.${participant.ageBand}`)],
    [t('casework.identity.birthDate'), identity.birthDate ? formatDate(identity.birthDate, locale) : t('common.none')],
    [t('casework.identity.phone'), shown(identity.phone)],
    [t('casework.identity.email'), shown(identity.email)],
    [t('casework.identity.postalCode'), identity.postalCode ? formatPostalCode(identity.postalCode) : t('common.none')],
    [t('casework.identity.address'), shown(identity.address)],
  ];
  return (
    <CaseSection
      id="participant-identity"
      title={t('casework.identity.title')}
      actions={
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={() => {
            setOpenings((n) => n + 1);
            setEditing(true);
          }}
        >
          {t('casework.identity.edit')}
        </Button>
      }
    >
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="xs" m={0}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Stack gap={4} mt="md">
        <Text fw={600} size="sm">
          {t('casework.circumstances.title')}{' '}
          <Badge color="red.9" variant="filled" style={{ textTransform: 'none' }}>
            {t('casework.circumstances.badge')}
          </Badge>
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{participant.circumstances ?? t('casework.circumstances.none')}</Text>
      </Stack>
      <CaseDialog open={editing} onClose={() => setEditing(false)} title={t('casework.identity.edit')} savedMessage={t('casework.identity.saved')} onChanged={onChanged}>
        {(_, actions) => <IdentityEditForm key={openings} participant={participant} identity={identity} {...actions} />}
      </CaseDialog>
    </CaseSection>
  );
}

interface EditValues extends IdentityValues {
  ageBand: AgeBand;
  circumstances: string;
}

function IdentityEditForm({ participant, identity, onCancel, onSaved }: CaseFormProps & { identity: Identity }) {
  const { t } = useTranslation();
  const caseFieldError = useCaseFieldError();
  const consented = hasConsent(participant, 'sensitive-data');
  const form = useFormSubmit<EditValues>({
    initialValues: { ...identityValues(identity), ageBand: participant.ageBand, circumstances: participant.circumstances ?? '' },
    check: checkIdentity,
    send: async (values) => {
      try {
        onSaved(
          await caseworkApi.update(participant.id, {
            version: participant.version,
            ageBand: values.ageBand,
            identity: toIdentity(values),
            // Without the consent the circumstances are not collected; those kept from before stay as they were.
            circumstances: consented ? values.circumstances.trim() || null : participant.circumstances,
          }),
        );
      } catch (error) {
        // The general text of a version conflict speaks of an organization: this one is said of the record.
        throw error instanceof ApiError && error.code === 'version_conflict' ? new ApiError({ ...error.problem, code: 'participant_version_conflict' }) : error;
      }
    },
    fieldOf: intakeField,
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  return (
    <DialogForm form={form} submitLabel={t('common.save')} onCancel={onCancel}>
      <NativeSelect
        label={t('casework.ageBand.label')}
        value={form.values.ageBand}
        onChange={(event) => {
          const band = AGE_BANDS.find((b) => b === event.currentTarget.value);
          if (band) form.set('ageBand', band);
        }}
        data={AGE_BANDS.map((band) => ({ value: band, label: t(`casework.ageBand.${band}`) }))}
      />
      <IdentityFields input={form.input} set={(field, value) => form.set(field, value)} />
      <CircumstancesField
        value={form.values.circumstances}
        onChange={(value) => form.set('circumstances', value)}
        consented={consented}
        error={caseFieldError('circumstances', form.errors.circumstances)}
      />
    </DialogForm>
  );
}
