import { Box, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import type { PrefectureMapProps } from '../reporting/PrefectureMap';
import { prefectureShares } from './campaign-values';
import type { CampaignProgress } from './campaigns';

// The reports' map of Japan (echarts over @svg-maps/japan, CC BY 4.0), loaded with this page, not with every page.
const PrefectureMap = lazy(async () => {
  const [{ PrefectureMap: Map }, { outlinesFromSvgMap }, japan] = await Promise.all([
    import('../reporting/PrefectureMap'),
    import('../reporting/outlines'),
    import('@svg-maps/japan'),
  ]);
  const outlines = outlinesFromSvgMap(japan.default);
  return { default: (props: Omit<PrefectureMapProps, 'outlines'>) => <Map {...props} outlines={outlines} /> };
});

const HEADING_ID = 'campaign-map-heading';

interface AdoptionMapProps {
  progress: CampaignProgress;
  /** A prefecture chosen on the map or in the table: the targets below are narrowed to it. */
  onSelect: (prefectureCode: string) => void;
}

/** Each prefecture's share of local governments adopted, on a map of Japan and in a table beside it. */
export function AdoptionMap({ progress, onSelect }: AdoptionMapProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const values = prefectureShares(progress.byPrefecture);
  const format = (share: number) => formatPercent(share, locale);
  const top = [...progress.byPrefecture].sort((a, b) => b.share - a.share || a.prefectureCode.localeCompare(b.prefectureCode)).slice(0, 3);
  const label = t('campaigns.map.label', {
    count: values.length,
    top: top.map((p) => `${labels.prefecture(p.prefectureCode)} ${format(p.share)}`).join(t('common.listSeparator')),
  });

  return (
    <Paper component="section" aria-labelledby={HEADING_ID} withBorder p="md">
      <Title order={2} size="h4" id={HEADING_ID} mb="xs">
        {t('campaigns.map.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('campaigns.map.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Box miw={0} data-testid="campaign-map">
          <Suspense fallback={<Skeleton h={360} />}>
            <PrefectureMap values={values} format={format} label={label} onSelect={onSelect} language={locale} />
          </Suspense>
        </Box>
        <Stack gap={0} miw={0}>
          <Table.ScrollContainer minWidth={320} mah={560} type="native">
            <Table striped stickyHeader verticalSpacing={4} fz="sm">
              <Table.Caption>{t('campaigns.map.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('campaigns.map.prefecture')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('campaigns.map.adopted')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('campaigns.map.total')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('campaigns.map.share')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody style={{ fontVariantNumeric: 'tabular-nums' }}>
                {progress.byPrefecture.map((p) => {
                  const name = labels.prefecture(p.prefectureCode);
                  return (
                    <Table.Tr key={p.prefectureCode} data-prefecture={p.prefectureCode}>
                      <Table.Th scope="row" fw={400}>
                        <UnstyledButton
                          onClick={() => onSelect(p.prefectureCode)}
                          aria-label={t('campaigns.map.showTargets', { name })}
                          c="var(--mantine-color-anchor)"
                          td="underline"
                          fz="sm"
                        >
                          {name}
                        </UnstyledButton>
                      </Table.Th>
                      <Table.Td ta="end">{formatNumber(p.adopted, locale)}</Table.Td>
                      <Table.Td ta="end">{formatNumber(p.total, locale)}</Table.Td>
                      <Table.Td ta="end">{format(p.share)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
