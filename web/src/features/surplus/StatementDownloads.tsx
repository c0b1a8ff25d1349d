import { Button, Group } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../../api';
import { formatFiscalYear } from '../../format';
import { LOCALES, useLocale } from '../../i18n';
import { surplusPaths } from './surplus';

/** A member's statement (従事分量配当金計算書) as PDF, in Japanese and in English: plain links, the session cookie goes along. */
export function StatementDownloads({ closingId, membershipId, fiscalYear, size }: { closingId: string; membershipId: string; fiscalYear: number; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const shown = useLocale();
  return (
    <Group gap="xs">
      {LOCALES.map((locale) => (
        <Button
          key={locale}
          component="a"
          href={apiHref(surplusPaths.statementPdf(closingId, membershipId, locale))}
          download={`dividend-statement-${fiscalYear}-${locale}.pdf`}
          variant="default"
          size={size}
          leftSection={<IconFileTypePdf size={16} aria-hidden />}
          // Named with its year: a member's list has a pair of these for every year.
          aria-label={t('surplus.statement.pdfNamed', { year: formatFiscalYear(fiscalYear, shown), pdf: t(`surplus.statement.pdf.${locale}`) })}
        >
          {t(`surplus.statement.pdf.${locale}`)}
        </Button>
      ))}
    </Group>
  );
}
