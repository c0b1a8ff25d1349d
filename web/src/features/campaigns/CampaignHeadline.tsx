import { Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FigureList } from '../../components/FigureList';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { headline, stageCounts } from './campaign-values';
import { STAGES, type CampaignProgress } from './campaigns';

const HEADING_ID = 'campaign-headline-heading';

/** Where the campaign stands: "1,788団体中878団体（49.1%）" in large type, then the local governments by stage. */
export function CampaignHeadline({ progress }: { progress: CampaignProgress }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const others = STAGES.reduce((n, stage) => n + (progress.otherTargets[stage] ?? 0), 0);
  return (
    <Paper component="section" aria-labelledby={HEADING_ID} withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4" id={HEADING_ID}>
          {t('campaigns.headline.title')}
        </Title>
        <Text fz={{ base: 28, sm: 40 }} fw={700} lh={1.2} data-testid="campaign-headline" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {headline(progress, locale)}
        </Text>
        <Progress value={progress.share * 100} color="teal" size="lg" aria-label={t('campaigns.headline.bar')} />
        <Text size="sm" c="dimmed">
          {t('campaigns.headline.explain')}
        </Text>
        <FigureList
          cols={{ base: 2, sm: 3, md: 6 }}
          figures={stageCounts(progress.byStage).map(({ stage, count }) => [t(`campaigns.stage.${stage}`), formatNumber(count, locale)] as const)}
        />
        {others > 0 && (
          <Text size="sm">
            {t('campaigns.headline.others', {
              count: others,
              stages: stageCounts(progress.otherTargets).filter((s) => s.count > 0).map((s) => `${t(`campaigns.stage.${s.stage}`)} ${formatNumber(s.count, locale)}`).join(t('common.listSeparator')),
            })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
