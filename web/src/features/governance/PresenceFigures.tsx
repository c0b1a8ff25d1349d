import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import type { Presence } from './governance';

interface PresenceFiguresProps {
  presence: Presence;
  /** Members needed present to decide an ordinary resolution. */
  quorum: number;
  /** Larger type, for the projector. */
  size?: 'md' | 'xl';
}

/** Who is present now (出席状況): in the room, online, voted beforehand, by proxy; and whether the quorum is met. */
export function PresenceFigures({ presence, quorum, size = 'md' }: PresenceFiguresProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const big = size === 'xl';
  const n = (value: number) => formatNumber(value, locale);
  const met = presence.present >= quorum;
  const figures: [string, number][] = [
    ['eligible', presence.eligible],
    ['inPerson', presence.inPerson],
    ['online', presence.online],
    ['votedBeforehand', presence.votedBeforehand],
    ['byProxy', presence.byProxy],
    ['present', presence.present],
  ];
  return (
    <Stack gap={big ? 'md' : 'xs'}>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing={big ? 'lg' : 'sm'} component="dl" m={0}>
        {figures.map(([key, value]) => (
          <div key={key}>
            <Text component="dt" fz={big ? 22 : 'sm'} c={big ? undefined : 'dimmed'}>
              {t(`governance.presence.${key}`)}
            </Text>
            <Text component="dd" m={0} fz={big ? 48 : 'xl'} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {n(value)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text fz={big ? 30 : 'md'} fw={700} c={met ? (big ? undefined : 'teal.9') : big ? undefined : 'red.9'}>
        {t(met ? 'governance.presence.quorumMet' : 'governance.presence.quorumNotMet', { quorum: n(quorum), present: n(presence.present) })}
      </Text>
    </Stack>
  );
}
