import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FigureList } from '../../components/FigureList';
import { formatDate, formatNumber, formatYen, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import type { Site } from '../business/business';
import { commissionerName, contractPhase } from './contract-values';
import type { Commissioner, Contract } from './programmes';

/** The words of a contract shown anywhere: its programme, commissioner, offices and indicators in the page's language. */
export function useContractWords(commissioners: readonly Commissioner[], sites: readonly Site[]) {
  const { t } = useTranslation();
  const locale = useLocale();
  return {
    programme: (contract: Contract) => (locale === 'en' && contract.programmeEn ? contract.programmeEn : contract.programmeJa),
    commissioner: (contract: Contract) => {
      const found = commissioners.find((c) => c.id === contract.commissionerId);
      return found ? commissionerName(found, locale) : t('common.none');
    },
    period: (contract: Contract) => t('programmes.contract.periodText', { from: formatDate(contract.periodFrom, locale), until: formatDate(contract.periodUntil, locale) }),
    sites: (contract: Contract) => {
      const names = contract.siteIds.map((id) => sites.find((s) => s.id === id)).map((s) => (s ? (locale === 'en' && s.nameEn ? s.nameEn : s.nameJa) : null));
      return names.length === 0 ? t('common.none') : names.map((n) => n ?? t('programmes.contract.unknownSite')).join(t('common.listSeparator'));
    },
    indicator: (indicator: Contract['indicators'][number]) => (locale === 'en' && indicator.nameEn ? indicator.nameEn : indicator.nameJa),
  };
}

interface ContractSummaryProps {
  contract: Contract;
  commissioners: readonly Commissioner[];
  sites: readonly Site[];
  /** The heading level of the contract's name: 2 on its own page, 3 in a list. */
  headingOrder: 2 | 3;
  /** Links to the contract and its report, or other actions. */
  actions?: ReactNode;
}

/** One contract as a card: what is agreed, with whom, for how much, where, and the targets. */
export function ContractSummary({ contract, commissioners, sites, headingOrder, actions }: ContractSummaryProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useContractWords(commissioners, sites);
  const phase = contractPhase(contract, todayInJapan());
  const headingId = `contract-${contract.id}-heading`;
  return (
    <Card component="article" aria-labelledby={headingId} withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Title order={headingOrder} size="h4" id={headingId}>
              {words.programme(contract)}
            </Title>
            <Text size="sm" c="dimmed">{words.commissioner(contract)}</Text>
          </Stack>
          <Badge variant="light" color={phase === 'running' ? 'teal' : 'gray'}>
            {t(`programmes.phase.${phase}`)}
          </Badge>
        </Group>
        <FigureList
          cols={{ base: 1, xs: 2, md: 4 }}
          figures={[
            [t('programmes.contract.period'), words.period(contract)],
            [t('programmes.contract.amount'), formatYen(contract.amount, locale)],
            [t('programmes.contract.sites'), words.sites(contract)],
            [t('programmes.contract.erasure'), t('programmes.contract.erasureText', { date: formatDate(contract.erasureOn, locale), months: contract.retentionMonths })],
          ]}
        />
        <Stack gap={4}>
          <Text size="sm" fw={600}>{t('programmes.indicator.title')}</Text>
          {contract.indicators.length === 0 ? (
            <Text size="sm" c="dimmed">{t('programmes.indicator.none')}</Text>
          ) : (
            <List size="sm" spacing={2}>
              {contract.indicators.map((indicator) => (
                <List.Item key={indicator.code}>
                  {indicator.target === null
                    ? t('programmes.indicator.countedOnly', { name: words.indicator(indicator) })
                    : t('programmes.indicator.withTarget', { name: words.indicator(indicator), target: formatNumber(indicator.target, locale) })}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        {actions && <Group gap="xs" justify="flex-end">{actions}</Group>}
      </Stack>
    </Card>
  );
}

/** The links of a contract in a list: its page and its report; and its correction where the page offers one. */
export function ContractLinks({ contract, programme, onEdit }: { contract: Contract; programme: string; onEdit?: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Anchor component={Link} to={`/programmes/contracts/${contract.id}`} size="sm" aria-label={t('programmes.contract.openNamed', { name: programme })}>
        {t('programmes.contract.open')}
      </Anchor>
      <Anchor component={Link} to={`/programmes/contracts/${contract.id}/report`} size="sm" aria-label={t('programmes.report.openNamed', { name: programme })}>
        {t('programmes.report.open')}
      </Anchor>
      {onEdit && (
        <Button variant="subtle" size="compact-sm" onClick={onEdit} aria-label={t('programmes.contract.editNamed', { name: programme })}>
          {t('programmes.contract.edit')}
        </Button>
      )}
    </>
  );
}
