import { Box, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import { abbreviateMoney, formatMoney } from '../reporting/report-format';
import type { SdgGoal, SdgGoalView } from './sdg';
import { DARK_TEXT, textColourOn } from './sdg-colour';
import { goalName, goalTitle } from './sdg-labels';
import { shownName, sortByName, summariseGoal } from './sdg-summary';

const figureList: CSSProperties = { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '4px 12px', margin: 0 };

function Figure({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" size="sm" c="gray.7">
        {term}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </>
  );
}

interface SdgGoalCardProps {
  goal: SdgGoal;
  view: SdgGoalView;
}

/**
 * One goal: its number on its colour, its short name and full title, then what serves it — business lines, sites
 * (their names on demand), the targets named and the year's figures — or, when nothing does, a sentence that says so.
 * The text stays on white; the colour is the number's tile and the card's edge, with the number's text dark or
 * white as the colour needs.
 */
export function SdgGoalCard({ goal, view }: SdgGoalCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const summary = summariseGoal(view);
  const headingId = `sdg-goal-${goal.goal}`;
  const sites = sortByName(view.sites, locale);
  const lines = view.businessLines.map((line) => labels.code('businessLine', line.code));

  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      aria-labelledby={headingId}
      bg={summary.served ? 'white' : 'gray.0'}
      style={{ borderLeft: `6px solid ${summary.served ? goal.color : 'var(--mantine-color-gray-4)'}`, minWidth: 0 }}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Box
          aria-hidden
          w={52}
          h={52}
          style={{
            flexShrink: 0,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            borderRadius: 6,
            fontSize: 26,
            fontWeight: 800,
            lineHeight: 1,
            background: summary.served ? goal.color : 'white',
            color: summary.served ? textColourOn(goal.color) : DARK_TEXT,
            border: `2px solid ${goal.color}`,
          }}
        >
          {goal.goal}
        </Box>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={3} size="h5" id={headingId}>
            <VisuallyHidden>{t('sdg.goal.number', { goal: goal.goal })} </VisuallyHidden>
            {goalName(goal, locale)}
          </Title>
          <Text size="xs" c="gray.7">
            {goalTitle(goal, locale)}
          </Text>
        </Stack>
      </Group>

      {summary.served ? (
        <Box component="dl" mt="sm" style={figureList}>
          <Figure term={t('sdg.goal.businessLines')}>{lines.length > 0 ? lines.join(t('sdg.goal.listSeparator')) : t('sdg.goal.noLines')}</Figure>
          <Figure term={t('sdg.goal.sites')}>
            {t('sdg.goal.siteCount', { count: summary.sites })}
            {summary.sites > 0 &&
              summary.directSites < summary.sites &&
              ` ${summary.directSites === 0 ? t('sdg.goal.allThroughLines', { count: summary.sites }) : t('sdg.goal.directSites', { count: summary.directSites })}`}
          </Figure>
          {summary.programmes > 0 && (
            <Figure term={t('sdg.goal.programmes')}>
              {t('sdg.goal.programmeCount', { count: summary.programmes, intakes: formatNumber(summary.intakes, locale) })}
            </Figure>
          )}
          <Figure term={t('sdg.goal.turnover')}>
            <span title={formatMoney(summary.turnover, 'JPY', locale)}>{abbreviateMoney(summary.turnover, 'JPY', locale)}</span>
          </Figure>
          <Figure term={t('sdg.goal.peopleServed')}>{t('sdg.goal.people', { count: summary.peopleServed, formatted: formatNumber(summary.peopleServed, locale) })}</Figure>
          <Figure term={t('sdg.goal.workers')}>{t('sdg.goal.people', { count: summary.workers, formatted: formatNumber(summary.workers, locale) })}</Figure>
          <Figure term={t('sdg.goal.targets')}>
            {[summary.wholeGoal ? t('sdg.goal.wholeGoal') : '', summary.targets.join(', ')].filter(Boolean).join(t('sdg.goal.listSeparator')) || t('sdg.goal.throughLines')}
          </Figure>
        </Box>
      ) : (
        <Text size="sm" c="gray.7" mt="sm">
          {t('sdg.goal.notServed')}
        </Text>
      )}

      {sites.length > 0 && (
        <Box component="details" mt="xs">
          <Text component="summary" size="sm" c="blue.8" style={{ cursor: 'pointer' }}>
            {t('sdg.goal.showSites', { count: sites.length })}
          </Text>
          <Box
            component="ul"
            mt={4}
            mb={0}
            pl="md"
            tabIndex={sites.length > 8 ? 0 : undefined}
            aria-label={t('sdg.goal.siteListLabel', { goal: goal.goal })}
            style={{ maxHeight: 220, overflowY: 'auto' }}
          >
            {sites.map((site) => (
              <Text component="li" size="sm" key={site.id}>
                {shownName(site, locale)}
                {!site.direct && (
                  <Text component="span" size="xs" c="gray.7">
                    {' '}
                    {t('sdg.goal.throughLine')}
                  </Text>
                )}
              </Text>
            ))}
          </Box>
        </Box>
      )}
    </Paper>
  );
}
