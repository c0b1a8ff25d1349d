import { Button, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../components/DialogForm';
import { formatDate, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { useFormSubmit } from '../../use-form-submit';
import { caseworkApi, type Participant } from './casework';
import { checkDate } from './casework-values';
import { CaseDialog, type CaseFormProps } from './CaseDialog';
import { CaseSection } from './CaseSection';

interface PlansSectionProps {
  participant: Participant;
  onChanged: (participant: Participant) => void;
}

/** The support plans (支援計画): when each starts, when it is reviewed, and its goals. */
export function PlansSection({ participant, onChanged }: PlansSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  const plans = [...participant.plans].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  return (
    <CaseSection
      id="participant-plans"
      title={t('casework.plan.title')}
      actions={
        <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
          {t('casework.plan.add')}
        </Button>
      }
    >
      {plans.length === 0 ? (
        <Text c="dimmed">{t('casework.plan.none')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="participant-plans">
          {plans.map((plan) => (
            <Paper component="li" key={plan.id} withBorder p="sm">
              <Text size="sm" fw={600}>
                {t('casework.plan.period', {
                  from: formatDate(plan.startsOn, locale),
                  review: plan.reviewOn ? formatDate(plan.reviewOn, locale) : t('common.none'),
                })}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{plan.goals ?? ''}</Text>
            </Paper>
          ))}
        </Stack>
      )}
      <CaseDialog open={adding} onClose={() => setAdding(false)} title={t('casework.plan.add')} savedMessage={t('casework.plan.added')} onChanged={onChanged}>
        {(_, actions) => <AddPlanForm participant={participant} {...actions} />}
      </CaseDialog>
    </CaseSection>
  );
}

function AddPlanForm({ participant, onCancel, onSaved }: CaseFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit({
    initialValues: { startsOn: todayInJapan(), reviewOn: '', goals: '' },
    check: (values) => ({
      ...checkDate('startsOn', values.startsOn),
      ...checkDate('reviewOn', values.reviewOn, false),
      ...(values.reviewOn && values.reviewOn < values.startsOn ? { reviewOn: 'end_before_start' } : {}),
      ...(values.goals.trim() ? {} : { goals: 'required' }),
    }),
    send: async (values) =>
      onSaved(await caseworkApi.addPlan(participant.id, { startsOn: values.startsOn, reviewOn: values.reviewOn || null, goals: values.goals.trim() })),
    report: 'alert',
    afterSuccess: 'leave',
  });
  return (
    <DialogForm form={form} submitLabel={t('casework.plan.add')} onCancel={onCancel}>
      <TextInput label={t('casework.plan.startsOn')} type="date" required {...form.input('startsOn')} />
      <TextInput label={t('casework.plan.reviewOn')} type="date" {...form.input('reviewOn')} />
      <Textarea label={t('casework.plan.goals')} required autosize minRows={3} {...form.input('goals')} />
    </DialogForm>
  );
}
