import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import type { Convened } from './governance';

/** What convening did: the electorate fixed, every warning (a late notice, no mail server), and the e-mails sent. */
export function ConveneOutcome({ convened }: { convened: Convened }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  const { noticeCheck, email } = convened;
  return (
    <Stack gap="xs" role="status">
      <Text fw={700}>{t('governance.convene.done', { electorate: n(convened.electorate), date: formatDate(convened.meeting.recordDate, locale) })}</Text>
      {convened.warnings.map((warning) => (
        <Alert key={warning.code} color="yellow" icon={<IconAlertTriangle aria-hidden />} title={t(`governance.warning.${warning.code}.title`, { defaultValue: warning.code })} styles={{ title: { color: 'var(--mantine-color-text)' } }}>
          {t(`governance.warning.${warning.code}.text`, {
            defaultValue: warning.message,
            given: noticeCheck.daysGiven,
            latest: formatDate(noticeCheck.latestNoticeDate, locale),
          })}
        </Alert>
      ))}
      <Alert color={email.sending ? 'teal' : 'gray'} icon={<IconMail aria-hidden />} title={t('governance.convene.emailTitle')} styles={{ title: { color: 'var(--mantine-color-text)' } }}>
        {email.sending
          ? t('governance.convene.emailSending', { recipients: n(email.recipients), withoutEmail: n(email.withoutEmail) })
          : t('governance.convene.emailNotSent', { recipients: n(email.recipients + email.withoutEmail) })}
      </Alert>
    </Stack>
  );
}
