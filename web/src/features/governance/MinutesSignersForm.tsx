import { Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../notify';
import { useFormSubmit } from '../../use-form-submit';
import { governanceApi, type Meeting } from './governance';

interface MinutesSignersFormProps {
  meeting: Meeting;
  onSaved: () => void;
}

interface Values {
  first: string;
  second: string;
}

/**
 * The minutes signers (議事録署名人) chosen at the meeting: the minutes carry their names beside the chair's, left
 * blank to be written by hand when none are recorded.
 */
export function MinutesSignersForm({ meeting, onSaved }: MinutesSignersFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit<Values>({
    initialValues: { first: meeting.minutesSigners[0] ?? '', second: meeting.minutesSigners[1] ?? '' },
    send: async ({ first, second }) => {
      const signers = [first, second].map((name) => name.trim()).filter(Boolean);
      await governanceApi.updateMeeting(meeting.id, meeting.version, { minutesSigners: signers });
      notifySuccess(t('governance.signers.saved'));
      onSaved();
    },
    // The server names the list; each name belongs to the first field.
    fieldOf: (field) => (field.startsWith('minutesSigners') ? 'first' : field),
    report: 'alert',
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap="xs">
        <Title order={3} size="h5" id="signers-heading">
          {t('governance.signers.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('governance.signers.hint')}
        </Text>
        <FormAlert failure={form.failure} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('governance.signers.first')} maxLength={100} {...form.input('first')} />
          <TextInput label={t('governance.signers.second')} maxLength={100} {...form.input('second')} />
        </SimpleGrid>
        <Group>
          <Button type="submit" variant="default" loading={form.submitting}>
            {t('governance.signers.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
