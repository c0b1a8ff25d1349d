import { Button, Stack } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormAlert } from '../../components/FormAlert';
import { notifyError, notifySuccess } from '../../notify';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { memberApi, personName, type Person } from './member';
import { PersonFields } from './PersonFields';
import { changedPersonFields, checkPerson, memberFormField, personFormValues, type PersonFormValues } from './person-values';
import { FormActions } from '../../components/FormActions';

interface CorrectPersonProps {
  membershipId: string;
  person: Person;
  /** Loads the member again as stored: after saving, and after losing a conflict. */
  onChanged: () => void;
}

/** 本人の情報を訂正: the person's name, kana or contact details, saved with the version that was read. */
export function CorrectPerson({ membershipId, person, onChanged }: CorrectPersonProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [openings, setOpenings] = useState(0);
  const close = () => setOpened(false);
  return (
    <>
      <Button
        variant="default"
        size="xs"
        mt="sm"
        leftSection={<IconPencil size={14} aria-hidden />}
        onClick={() => {
          setOpenings((n) => n + 1);
          setOpened(true);
        }}
      >
        {t('memberDetail.correctPerson')}
      </Button>
      <Dialog opened={opened} onClose={close} title={t('memberDetail.correctPerson')}>
        <CorrectPersonForm
          // A fresh form, from the person as now stored, each time it opens.
          key={`${openings}-${person.version}`}
          membershipId={membershipId}
          person={person}
          onCancel={close}
          onDone={() => {
            close();
            onChanged();
          }}
        />
      </Dialog>
    </>
  );
}

interface CorrectPersonFormProps {
  membershipId: string;
  person: Person;
  onCancel: () => void;
  onDone: () => void;
}

function CorrectPersonForm({ membershipId, person, onCancel, onDone }: CorrectPersonFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit<PersonFormValues>({
    initialValues: personFormValues(person),
    check: checkPerson,
    send: async (values) => {
      const changed = changedPersonFields(person, values);
      if (Object.keys(changed).length === 0) {
        onDone();
        return;
      }
      try {
        const updated = await memberApi.updatePerson(membershipId, { version: person.version, ...changed });
        notifySuccess(t('memberDetail.personCorrected', { name: personName(updated) }));
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'version_conflict')) throw error;
        notifyError(t('memberDetail.personConflict'));
      }
      onDone();
    },
    fieldOf: memberFormField,
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap="md">
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <PersonFields input={(field) => form.input(field)} set={(field, value) => form.set(field, value)} />
        <FormActions inDialog submitLabel={t('common.save')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
