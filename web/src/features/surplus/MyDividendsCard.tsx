import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Items } from '../../api';
import { Loaded } from '../../components/Loaded';
import { formatFiscalYear, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import { useResource } from '../../use-resource';
import { useLabels } from '../reference/use-labels';
import { StatementDownloads } from './StatementDownloads';
import { surplusPages, surplusPaths, type MyDividend } from './surplus';

const HEADING_ID = 'my-dividends-heading';

/** 私の従事分量配当: the member's dividends of the years their assembly resolved, each with its statement. */
export function MyDividendsCard() {
  const { t } = useTranslation();
  const dividends = useResource<Items<MyDividend>>(surplusPaths.myDividends);
  return (
    <Card withBorder padding="lg" maw={640} component="section" aria-labelledby={HEADING_ID}>
      <Title order={2} size="h3" id={HEADING_ID} mb="sm">
        {t('surplus.my.title')}
      </Title>
      <Loaded resource={dividends}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('surplus.my.none')}</Text>
          ) : (
            <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {items.map((item) => (
                <MyDividendItem key={`${item.closingId}-${item.membershipId}`} item={item} />
              ))}
            </Stack>
          )
        }
      </Loaded>
    </Card>
  );
}

function MyDividendItem({ item }: { item: MyDividend }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const year = formatFiscalYear(item.fiscalYear, locale);
  return (
    <Stack gap={4} component="li">
      <Group gap="xs" justify="space-between">
        <Anchor component={Link} to={surplusPages.statement(item.closingId, item.membershipId)} fw={700}>
          {t('surplus.my.year', { year })}
        </Anchor>
        <Text size="sm" c="dimmed">
          {labels.organizationName({ nameJa: item.organizationNameJa, nameEn: item.organizationNameEn })}
        </Text>
      </Group>
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('surplus.my.figures', { amount: formatYen(item.amount, locale), withheld: formatYen(item.withheld, locale), payment: formatYen(item.payment, locale) })}
      </Text>
      <StatementDownloads closingId={item.closingId} membershipId={item.membershipId} fiscalYear={item.fiscalYear} size="xs" />
    </Stack>
  );
}
