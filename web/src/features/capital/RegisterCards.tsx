import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CardList } from '../../components/CardList';
import { formatNumber, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import { personKana, personName } from '../members/member';
import type { RegisterRowsProps } from './RegisterTable';

/** 出資者名簿 as cards, for phones; the totals are shown above them. */
export function RegisterCards({ register, backTo, busy, labelledBy }: RegisterRowsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const yen = (value: number) => formatYen(value, locale);
  return (
    <CardList items={register.rows} itemKey={(row) => row.membershipId} emptyText={t('capital.register.empty')} labelledBy={labelledBy} busy={busy}>
      {(row) => (
        <>
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
        </>
      )}
    </CardList>
  );
}
