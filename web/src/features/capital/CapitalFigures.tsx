import { useTranslation } from 'react-i18next';
import { formatNumber, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import type { CapitalPosition } from './capital';
import { FigureList } from '../../components/FigureList';

interface CapitalFiguresProps {
  position: CapitalPosition;
  /** How many members hold capital, for the register's totals. */
  members?: number;
}

/** Shares, capital, paid, unpaid and refund owed, as a list of figures that wraps on a phone. */
export function CapitalFigures({ position, members }: CapitalFiguresProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const yen = (value: number) => formatYen(value, locale);
  const figures: [string, string][] = [
    [t('capital.figure.shares'), t('capital.sharesCount', { count: position.shares, shares: formatNumber(position.shares, locale) })],
    [t('capital.figure.capital'), yen(position.capital)],
    [t('capital.figure.paid'), yen(position.paid)],
    [t('capital.figure.unpaid'), yen(position.unpaid)],
    [t('capital.figure.refundPayable'), yen(position.refundPayable)],
  ];
  if (members !== undefined) figures.unshift([t('capital.figure.members'), t('capital.membersCount', { count: members, members: formatNumber(members, locale) })]);
  return (
    <FigureList figures={figures} cols={{ base: 2, sm: figures.length }} />
  );
}
