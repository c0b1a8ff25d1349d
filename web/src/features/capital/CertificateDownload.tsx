import { Button, Group, TextInput } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../../api';
import { todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { capitalPaths } from './capital';

/** The member's contribution certificate and capital balance statement (出資金残高証明書) at a date, as PDF. */
export function CertificateDownload({ membershipId }: { membershipId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [date, setDate] = useState(todayInJapan());
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput label={t('capital.certificate.date')} type="date" w={180} value={date} onChange={(event) => setDate(event.currentTarget.value)} />
      <Button
        component="a"
        href={valid ? apiHref(capitalPaths.certificate(membershipId, date, locale)) : undefined}
        download={`capital-certificate-${date}.pdf`}
        variant="default"
        leftSection={<IconFileTypePdf size={16} aria-hidden />}
        disabled={!valid}
      >
        {t('capital.certificate.download')}
      </Button>
    </Group>
  );
}
