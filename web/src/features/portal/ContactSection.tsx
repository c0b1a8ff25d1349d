import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import type { FieldErrors } from '../../errors';
import { formatDateTime, formatPostalCode } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useFormSubmit } from '../../use-form-submit';
import { useRowAction } from '../../use-row-action';
import { useReference } from '../reference/reference-context';
import { useLabels } from '../reference/use-labels';
import { PortalSection, WRAPPING_BUTTON } from './PortalSection';
import { portalApi, type PendingChange, type Portal, type RequestedChanges } from './portal';
import { contactChanges, REQUESTABLE_FIELDS, requestedChanges, type NameAndAddress, type RequestableField } from './portal-values';

/** れんらく先: e-mail and phone change at once; name and address are asked for, and change once a clerk confirms. */
export function ContactSection({ portal, onChanged }: { portal: Portal; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <PortalSection id="my-contact" title={t('portal.contact.title')}>
      <ContactForm portal={portal} onChanged={onChanged} />
      <PendingChanges pending={portal.pendingChanges} onChanged={onChanged} />
      <ChangeRequestForm portal={portal} onChanged={onChanged} />
    </PortalSection>
  );
}

function ContactForm({ portal, onChanged }: { portal: Portal; onChanged: () => void }) {
  const { t } = useTranslation();
  const current = { email: portal.member.email ?? '', phone: portal.member.phone ?? '' };
  const [nothing, setNothing] = useState(false);
  const form = useFormSubmit<{ email: string; phone: string }>({
    initialValues: current,
    send: async (values) => {
      const changes = contactChanges(current, values);
      if (Object.keys(changes).length === 0) {
        setNothing(true);
        return;
      }
      await portalApi.changeContact(changes);
      notifySuccess(t('portal.contact.saved'));
      onChanged();
    },
    codeFields: { duplicate_email: 'email', invalid_email: 'email' },
    report: 'alert',
    focusInvalid: true,
  });
  return (
    <form onSubmit={form.onSubmit} noValidate aria-labelledby="my-contact-direct-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="my-contact-direct-heading">
          {t('portal.contact.direct')}
        </Title>
        <Text>{t('portal.contact.directHint')}</Text>
        <FormAlert failure={form.failure} />
        <TextInput label={t('portal.contact.email')} type="email" autoComplete="email" size="md" {...form.input('email')} onFocus={() => setNothing(false)} />
        <TextInput label={t('portal.contact.phone')} type="tel" autoComplete="tel" inputMode="tel" size="md" {...form.input('phone')} onFocus={() => setNothing(false)} />
        {nothing && (
          <Text role="status">{t('portal.contact.nothingChanged')}</Text>
        )}
        <Button {...WRAPPING_BUTTON} type="submit" size="md" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>
          {t('portal.contact.saveDirect')}
        </Button>
      </Stack>
    </form>
  );
}

function registryValues(member: Portal['member']): NameAndAddress {
  return {
    familyName: member.familyName,
    givenName: member.givenName,
    familyKana: member.familyKana,
    givenKana: member.givenKana,
    postalCode: member.postalCode ? formatPostalCode(member.postalCode) : '',
    prefectureCode: member.prefectureCode ?? '',
    address: member.address ?? '',
  };
}

function checkRequest(values: NameAndAddress): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ['familyName', 'givenName', 'familyKana', 'givenKana'] as const) if (!values[field].trim()) errors[field] = 'required';
  const postal = values.postalCode.normalize('NFKC').replace(/[^0-9]/g, '');
  if (values.postalCode.trim() && postal.length !== 7) errors.postalCode = 'invalid_postal_code';
  return errors;
}

function ChangeRequestForm({ portal, onChanged }: { portal: Portal; onChanged: () => void }) {
  const { t } = useTranslation();
  const { prefectures } = useReference();
  const locale = useLocale();
  const current = registryValues(portal.member);
  const [nothing, setNothing] = useState(false);
  const form = useFormSubmit<NameAndAddress>({
    initialValues: current,
    check: checkRequest,
    send: async (values) => {
      const changes = requestedChanges(current, values);
      if (Object.keys(changes).length === 0) {
        setNothing(true);
        return;
      }
      await portalApi.requestChange(changes);
      notifySuccess(t('portal.contact.requested'));
      onChanged();
    },
    report: 'alert',
    focusInvalid: true,
  });
  const input = (field: RequestableField) => ({ ...form.input(field), onFocus: () => setNothing(false) });
  return (
    <form onSubmit={form.onSubmit} noValidate aria-labelledby="my-contact-request-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="my-contact-request-heading">
          {t('portal.contact.request')}
        </Title>
        <Text>{t('portal.contact.requestHint')}</Text>
        <FormAlert failure={form.failure} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('portal.contact.familyName')} autoComplete="family-name" size="md" required {...input('familyName')} />
          <TextInput label={t('portal.contact.givenName')} autoComplete="given-name" size="md" required {...input('givenName')} />
          <TextInput label={t('portal.contact.familyKana')} size="md" required {...input('familyKana')} />
          <TextInput label={t('portal.contact.givenKana')} size="md" required {...input('givenKana')} />
        </SimpleGrid>
        <TextInput
          label={t('portal.contact.postalCode')}
          description={t('portal.contact.postalCodeHint')}
          autoComplete="postal-code"
          inputMode="numeric"
          size="md"
          maw={220}
          {...input('postalCode')}
        />
        <NativeSelect
          label={t('portal.contact.prefecture')}
          size="md"
          {...input('prefectureCode')}
          data={[{ value: '', label: t('common.notSet') }, ...prefectures.map((p) => ({ value: p.code, label: locale === 'en' ? p.nameEn : p.nameJa }))]}
        />
        <TextInput label={t('portal.contact.address')} autoComplete="street-address" size="md" {...input('address')} />
        {nothing && <Text role="status">{t('portal.contact.nothingChanged')}</Text>}
        <Button {...WRAPPING_BUTTON} type="submit" size="md" variant="default" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>
          {t('portal.contact.sendRequest')}
        </Button>
      </Stack>
    </form>
  );
}

/** The value of a requested field as a person reads it. */
export function useChangeValueText(): (field: RequestableField, value: string | null | undefined) => string {
  const { t } = useTranslation();
  const labels = useLabels();
  return (field, value) => {
    if (!value) return t('portal.contact.cleared');
    if (field === 'prefectureCode') return labels.prefecture(value);
    if (field === 'postalCode') return formatPostalCode(value);
    return value;
  };
}

/** The fields of a request as "label: value" lines. */
export function ChangeLines({ changes }: { changes: RequestedChanges }) {
  const { t } = useTranslation();
  const valueText = useChangeValueText();
  return (
    <Stack gap={2}>
      {REQUESTABLE_FIELDS.filter((field) => field in changes).map((field) => (
        <Text key={field}>
          {t(`portal.contact.fieldName.${field}`)}: <strong>{valueText(field, changes[field])}</strong>
        </Text>
      ))}
    </Stack>
  );
}

function PendingChanges({ pending, onChanged }: { pending: PendingChange[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action = useRowAction();
  if (pending.length === 0) return null;
  const withdraw = (id: string) =>
    action.run(id, async () => {
      await portalApi.withdrawChange(id);
      notifySuccess(t('portal.contact.withdrawn'));
      onChanged();
    });
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('portal.contact.pending')}
      </Title>
      {pending.map((change) => (
        <Alert key={change.id} color="gray" variant="outline">
          <Stack gap="xs">
            <Text>{t('portal.contact.pendingSince', { date: formatDateTime(change.createdAt, locale) })}</Text>
            <ChangeLines changes={change.changes} />
            <Group>
              <Button {...WRAPPING_BUTTON} variant="default" size="md" loading={action.busyId === change.id} onClick={() => void withdraw(change.id)}>
                {t('portal.contact.withdraw')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}
