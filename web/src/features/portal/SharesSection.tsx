import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateWithEra, formatNumber, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import { Facts, PortalSection, WRAPPING_BUTTON } from './PortalSection';
import type { PortalCapital } from './portal';
import { withLocale } from './portal-values';

/** わたしの出資: shares held, paid and unpaid, the payments, and the certificate to download. */
export function SharesSection({ capital }: { capital: PortalCapital | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <PortalSection id="my-shares" title={t('portal.shares.title')}>
      {capital === null ? (
        <Text>{t('portal.shares.none')}</Text>
      ) : (
        <Stack gap="md">
          <Facts
            items={[
              { label: t('portal.shares.held'), value: t('portal.shares.count', { count: capital.sharesHeld, value: formatNumber(capital.sharesHeld, locale) }) },
              { label: t('portal.shares.subscribed'), value: formatYen(capital.amountSubscribed, locale) },
              { label: t('portal.shares.paid'), value: formatYen(capital.amountPaid, locale) },
              { label: t('portal.shares.unpaid'), value: formatYen(capital.unpaid, locale) },
              ...(capital.refundPayable ? [{ label: t('portal.shares.refundPayable'), value: formatYen(capital.refundPayable, locale) }] : []),
            ]}
          />
          {capital.certificateUrl && (
            <Button {...WRAPPING_BUTTON} component="a" href={withLocale(capital.certificateUrl, locale)} variant="default" size="md" leftSection={<IconDownload size={18} aria-hidden />} style={{ alignSelf: 'flex-start' }}>
              {t('portal.shares.certificate')}
            </Button>
          )}
          <Title order={3} size="h5" id="my-payments-heading">
            {t('portal.shares.payments')}
          </Title>
          {capital.payments.length === 0 ? (
            <Text>{t('portal.shares.noPayments')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={280}>
              <Table aria-labelledby="my-payments-heading" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('portal.shares.date')}</Table.Th>
                    <Table.Th scope="col">{t('portal.shares.what')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('portal.shares.amount')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {capital.payments.map((payment, index) => (
                    <Table.Tr key={`${payment.on}-${index}`}>
                      <Table.Td>{formatDateWithEra(payment.on, locale)}</Table.Td>
                      <Table.Td>{t(`capital.entryType.${payment.kind}`, { defaultValue: payment.kind })}</Table.Td>
                      <Table.Td ta="right">{formatYen(payment.amount, locale)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </PortalSection>
  );
}
