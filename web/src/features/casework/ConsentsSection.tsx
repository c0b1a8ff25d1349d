import { Button, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../components/DialogForm';
import { formatDate, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { useFormSubmit } from '../../use-form-submit';
import { caseworkApi, CONSENT_METHODS, CONSENT_PURPOSES, type Consent, type ConsentMethod, type ConsentPurpose, type Participant } from './casework';
import { checkDate } from './casework-values';
import { CaseDialog, type CaseFormProps } from './CaseDialog';
import { CaseSection } from './CaseSection';

interface ConsentsSectionProps {
  participant: Participant;
  onChanged: (participant: Participant) => void;
}


/** The consents (同意) the participant gave, how and when, and their withdrawal. */
export function ConsentsSection({ participant, onChanged }: ConsentsSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  return (
    <CaseSection
      id="participant-consents"
      title={t('casework.consent.title')}
      actions={
        <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
          {t('casework.consent.add')}
        </Button>
      }
    >
      {participant.consents.length === 0 ? (
        <Text c="dimmed">{t('casework.consent.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={400}>
          <Table verticalSpacing="xs">
            <Table.Caption>{t('casework.consent.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('casework.consent.purpose')}</Table.Th>
                <Table.Th scope="col">{t('casework.consent.method')}</Table.Th>
                <Table.Th scope="col">{t('casework.consent.givenOn')}</Table.Th>
                <Table.Th scope="col">{t('casework.consent.withdrawnOn')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {participant.consents.map((consent) => (
                <Table.Tr key={consent.id}>
                  <Table.Td>{t(`casework.consentPurpose.${consent.purpose}`)}</Table.Td>
                  <Table.Td>{t(`casework.consentMethod.${consent.method}`)}</Table.Td>
                  <Table.Td>{formatDate(consent.givenOn, locale)}</Table.Td>
                  <Table.Td>{consent.withdrawnOn ? formatDate(consent.withdrawnOn, locale) : t('common.none')}</Table.Td>
                  <Table.Td>
                    {consent.withdrawnOn === null && (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('casework.consent.withdrawNamed', { purpose: t(`casework.consentPurpose.${consent.purpose}`) })}
                        onClick={() => setWithdrawing(consent)}
                      >
                        {t('casework.consent.withdraw')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CaseDialog open={adding} onClose={() => setAdding(false)} title={t('casework.consent.add')} savedMessage={t('casework.consent.added')} onChanged={onChanged}>
        {(_, actions) => <AddConsentForm participant={participant} {...actions} />}
      </CaseDialog>
      <CaseDialog
        open={withdrawing}
        onClose={() => setWithdrawing(null)}
        title={t('casework.consent.withdrawTitle')}
        savedMessage={t('casework.consent.withdrawn')}
        onChanged={onChanged}
      >
        {(consent, actions) => <WithdrawConsentForm participant={participant} consent={consent} {...actions} />}
      </CaseDialog>
    </CaseSection>
  );
}

function AddConsentForm({ participant, onCancel, onSaved }: CaseFormProps) {
  const { t } = useTranslation();
  // The purposes not already consented to are offered first.
  const given = new Set(participant.consents.filter((c) => c.withdrawnOn === null).map((c) => c.purpose));
  const first = CONSENT_PURPOSES.find((p) => !given.has(p)) ?? 'support';
  const form = useFormSubmit<{ purpose: ConsentPurpose; method: ConsentMethod; givenOn: string }>({
    initialValues: { purpose: first, method: 'written', givenOn: todayInJapan() },
    check: (values) => checkDate('givenOn', values.givenOn),
    send: async (values) => onSaved(await caseworkApi.addConsent(participant.id, values)),
    report: 'alert',
    afterSuccess: 'leave',
  });
  return (
    <DialogForm form={form} submitLabel={t('casework.consent.add')} onCancel={onCancel}>
      <NativeSelect
        label={t('casework.consent.purpose')}
        value={form.values.purpose}
        onChange={(event) => {
          const purpose = CONSENT_PURPOSES.find((p) => p === event.currentTarget.value);
          if (purpose) form.set('purpose', purpose);
        }}
        data={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`casework.consentPurpose.${p}`) }))}
        error={form.error('purpose')}
      />
      <NativeSelect
        label={t('casework.consent.method')}
        value={form.values.method}
        onChange={(event) => {
          const method = CONSENT_METHODS.find((m) => m === event.currentTarget.value);
          if (method) form.set('method', method);
        }}
        data={CONSENT_METHODS.map((m) => ({ value: m, label: t(`casework.consentMethod.${m}`) }))}
      />
      <TextInput label={t('casework.consent.givenOn')} type="date" required {...form.input('givenOn')} />
    </DialogForm>
  );
}

function WithdrawConsentForm({ participant, consent, onCancel, onSaved }: CaseFormProps & { consent: Consent }) {
  const { t } = useTranslation();
  const form = useFormSubmit<{ withdrawnOn: string }>({
    initialValues: { withdrawnOn: todayInJapan() },
    check: (values) => checkDate('withdrawnOn', values.withdrawnOn),
    send: async (values) => onSaved(await caseworkApi.withdrawConsent(participant.id, consent.id, values.withdrawnOn)),
    report: 'alert',
    afterSuccess: 'leave',
  });
  return (
    <DialogForm form={form} submitLabel={t('casework.consent.withdraw')} onCancel={onCancel}>
      <Text>{t('casework.consent.withdrawExplain', { purpose: t(`casework.consentPurpose.${consent.purpose}`) })}</Text>
      <TextInput label={t('casework.consent.withdrawnOn')} type="date" required {...form.input('withdrawnOn')} />
    </DialogForm>
  );
}
