import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { formatDate, todayInJapan } from '../../format';
import { LOCALES, useLocale, type Locale } from '../../i18n';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { governanceApi, type Convened, type MeetingDetail } from './governance';

interface ConveneFormProps {
  detail: MeetingDetail;
  onConvened: (convened: Convened) => void;
}

interface Values {
  noticeDate: string;
  sendEmail: boolean;
  locale: Locale;
}

/**
 * 招集する: fixes the electorate on the record date, opens the agenda for written and electronic votes and proxies,
 * and sends the notice (招集通知) by e-mail with its PDF and a calendar invitation. A late notice is sent with a
 * warning, never refused silently.
 */
export function ConveneForm({ detail, onConvened }: ConveneFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useFormSubmit<Values>({
    initialValues: { noticeDate: todayInJapan(), sendEmail: true, locale },
    check: (values) => (values.noticeDate ? {} : { noticeDate: 'required' }),
    send: async (values) => onConvened(await governanceApi.convene(detail.meeting.id, values)),
    report: 'alert',
    focusInvalid: true,
  });
  const invalid = invalidCount(form.errors);
  const days = detail.settings.meetingNoticeDays?.value;
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap="sm">
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <Text size="sm">
          {t('governance.convene.intro', { latest: formatDate(detail.noticeCheck.latestNoticeDate, locale), days: typeof days === 'number' ? days : '' })}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('governance.convene.noticeDate')} type="date" required {...form.input('noticeDate')} />
          <NativeSelect
            label={t('governance.convene.locale')}
            data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            value={form.values.locale}
            onChange={(event) => {
              const chosen = LOCALES.find((l) => l === event.currentTarget.value);
              if (chosen) form.set('locale', chosen);
            }}
          />
        </SimpleGrid>
        <Checkbox
          label={t('governance.convene.sendEmail')}
          description={t('governance.convene.sendEmailHint')}
          checked={form.values.sendEmail}
          onChange={(event) => form.set('sendEmail', event.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('governance.convene.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
