import { Button, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatFiscalYear, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import { Facts, PortalSection, WRAPPING_BUTTON } from './PortalSection';
import type { PortalDividend } from './portal';
import { withLocale } from './portal-values';

/** わたしの配当: each year's dividend and its statement to download. */
export function DividendsSection({ dividends }: { dividends: PortalDividend[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <PortalSection id="my-dividends" title={t('portal.dividends.title')}>
      {dividends.length === 0 ? (
        <Text>{t('portal.dividends.none')}</Text>
      ) : (
        <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
          {dividends.map((dividend) => (
            <Stack component="li" key={dividend.closingId} gap="xs">
              <Text fw={700}>{formatFiscalYear(dividend.fiscalYear, locale)}</Text>
              <Facts
                items={[
                  { label: t('portal.dividends.amount'), value: formatYen(dividend.amount, locale) },
                  ...(dividend.withheld !== undefined && dividend.withheld > 0 ? [{ label: t('portal.dividends.withheld'), value: formatYen(dividend.withheld, locale) }] : []),
                  ...(dividend.payment !== undefined ? [{ label: t('portal.dividends.payment'), value: formatYen(dividend.payment, locale) }] : []),
                ]}
              />
              {dividend.statementUrl && (
                <Button {...WRAPPING_BUTTON}
                  component="a"
                  href={withLocale(dividend.statementUrl, locale)}
                  variant="default"
                  size="md"
                  leftSection={<IconDownload size={18} aria-hidden />}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('portal.dividends.statement', { year: formatFiscalYear(dividend.fiscalYear, locale) })}
                </Button>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </PortalSection>
  );
}
