import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../reference/use-labels';
import type { BusinessLine } from '../business/business';
import { SdgBadges } from './SdgBadges';
import type { SdgTagging } from './SdgTagging';

const HEADING_ID = 'business-line-sdg-heading';

/** The federation's business lines and the SDG goals each serves, set by the federation administrator. */
export function BusinessLineSdgPanel({ lines, tagging }: { lines: readonly BusinessLine[]; tagging: SdgTagging }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Paper component="section" aria-labelledby={HEADING_ID} withBorder p="md">
      <Title order={2} size="h4" id={HEADING_ID} mb={4}>
        {t('sdg.lines.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('sdg.lines.intro')}
      </Text>
      {lines.length === 0 ? (
        <Text>{t('sdg.lines.none')}</Text>
      ) : (
        <Stack component="ul" gap={0} p={0} m={0} aria-labelledby={HEADING_ID} style={{ listStyle: 'none' }}>
          {lines.map((line) => {
            const name = labels.code('businessLine', line.code);
            return (
              <Group
                key={line.code}
                component="li"
                justify="space-between"
                wrap="nowrap"
                gap="sm"
                py={6}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
                <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {name}
                  </Text>
                  <SdgBadges codes={tagging.codesOf('business-line', line.code)} goals={tagging.goals} />
                </Group>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  style={{ flexShrink: 0 }}
                  onClick={() => tagging.open({ subjectType: 'business-line', subjectId: line.code, name })}
                  aria-label={t('sdg.tags.openNamed', { name })}
                >
                  {t('sdg.tags.open')}
                </Button>
              </Group>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
