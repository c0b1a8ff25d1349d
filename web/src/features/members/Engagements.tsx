import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../notify';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { useLabels } from '../reference/use-labels';
import { EngagementFields } from './EngagementFields';
import { checkEngagement, EMPTY_ENGAGEMENT, toEngagementInput, type EngagementFormValues } from './engagement-values';
import { memberApi, type Engagement } from './member';
import { memberFormField } from './person-values';
import { FormActions } from '../../components/FormActions';
import { usePeriod } from './use-period';

interface EngagementsProps {
  organizationId: string;
  personId: string;
  engagements: Engagement[];
  onChanged: () => void;
}

/** Where and when the person is engaged in the organization's work, and under which labour contract. */
export function Engagements({ organizationId, personId, engagements, onChanged }: EngagementsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const period = usePeriod();
  const [opened, { open, close }] = useDisclosure(false);

  return (
    <Stack gap="sm">
      {engagements.length === 0 ? (
        <Text c="dimmed">{t('engagement.none')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {engagements.map((engagement) => (
            <Paper key={engagement.id} component="li" withBorder p="sm">
              <Text fw={700}>{engagement.site ?? t('engagement.noSite')}</Text>
              <Text size="sm">
                {t('engagement.period')}: {period(engagement.startedOn, engagement.endedOn)}
              </Text>
              <Text size="sm">
                {t('engagement.labourContract')}:{' '}
                {engagement.labourContractFrom
                  ? period(engagement.labourContractFrom, engagement.labourContractUntil, t('engagement.noFixedTerm'))
                  : t('engagement.noContract')}
              </Text>
              {engagement.exemption && (
                <Text size="sm">
                  {t('engagement.exemption')}: {labels.code('exemption', engagement.exemption)}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
      <Group>
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
          {t('engagement.record')}
        </Button>
      </Group>
      <Dialog opened={opened} onClose={close} title={t('engagement.record')}>
        <EngagementForm
          organizationId={organizationId}
          personId={personId}
          onCancel={close}
          onRecorded={() => {
            notifySuccess(t('engagement.recorded'));
            close();
            onChanged();
          }}
        />
      </Dialog>
    </Stack>
  );
}

interface EngagementFormProps {
  organizationId: string;
  personId: string;
  onRecorded: () => void;
  onCancel: () => void;
}

function EngagementForm({ organizationId, personId, onRecorded, onCancel }: EngagementFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit<EngagementFormValues>({
    initialValues: EMPTY_ENGAGEMENT,
    check: checkEngagement,
    send: async (values) => {
      await memberApi.recordEngagement(organizationId, personId, toEngagementInput(values));
      onRecorded();
    },
    fieldOf: memberFormField,
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <EngagementFields input={(field) => form.input(field)} />
        <FormActions inDialog submitLabel={t('engagement.submit')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
