import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import { personKana, personName } from '../members/member';
import type { RegisterRowsProps } from './RegisterTable';

/** 出資者名簿 as cards, for phones; the totals are shown above them. */
export function RegisterCards({ register, backTo, busy, labelledBy }: RegisterRowsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const yen = (value: number) => formatYen(value, locale);
  if (register.rows.length === 0) return <Text>{t('capital.register.empty')}</Text>;
  return (
    <Stack
      gap="xs"
      component="ul"
      p={0}
      m={0}
      aria-labelledby={labelledBy}
      aria-busy={busy}
      style={{ listStyle: 'none', opacity: busy ? 0.6 : 1, transition: 'opacity 120ms' }}
    >
      {register.rows.map((row) => (
        <Paper key={row.membershipId} component="li" withBorder p="sm">
          <Anchor component={Link} to={`/members/${row.membershipId}`} state={{ backTo }} fw={700} lang="ja">
            {personName(row)}
          </Anchor>
          <Text size="sm" lang="ja">
            {personKana(row)}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {t('member.numberShort')} {row.memberNumber} · {t('capital.sharesCount', { count: row.shares, shares: formatNumber(row.shares, locale) })} ·{' '}
            {t('capital.figure.capital')} {yen(row.capital)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('capital.figure.paid')} {yen(row.paid)} · {t('capital.figure.unpaid')} {yen(row.unpaid)}
            {row.refundPayable > 0 && ` · ${t('capital.figure.refundPayable')} ${yen(row.refundPayable)}`}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
