import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import type { MemberKindOption } from './member';
import { kindLabel } from './member-kind-values';

/** The kinds of membership an organization offers: the built-in worker and user, then those it defined. */
export function MemberKindList({ kinds, labelledBy }: { kinds: MemberKindOption[]; labelledBy: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} aria-labelledby={labelledBy} style={{ listStyle: 'none' }}>
      {kinds.map((kind) => {
        const otherName = locale === 'en' ? kind.nameJa : kind.nameEn;
        return (
          <Paper key={kind.code} component="li" withBorder p="sm">
            <Group justify="space-between" align="flex-start" gap="xs">
              <Stack gap={0}>
                <Text fw={700}>{kindLabel(kind, labels, locale)}</Text>
                {!kind.builtIn && otherName && (
                  <Text size="sm" lang={locale === 'en' ? 'ja' : 'en'}>
                    {otherName}
                  </Text>
                )}
              </Stack>
              <Badge color={kind.builtIn ? 'gray' : 'indigo'} variant="dot" style={{ textTransform: 'none', flexShrink: 0 }}>
                {t(kind.builtIn ? 'memberKinds.builtIn' : 'memberKinds.own')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {t('memberKinds.code')}: <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{kind.code}</span> ·{' '}
              {t(kind.engagedInWork ? 'memberKinds.engaged' : 'memberKinds.notEngaged')}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
