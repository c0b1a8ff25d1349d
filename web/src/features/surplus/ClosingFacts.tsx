import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import type { Closing } from './surplus';
import { useSurplusFormat, workUnitOf } from './use-surplus-format';
import { FigureList } from '../../components/FigureList';

/**
 * What the close read before allocating: the year's result, the ledger's reserve, losses and capital, the bylaws'
 * reserve target and measure of work, the members whose work is divided and the non-members' work left out, and
 * what is set against unpaid capital.
 */
export function ClosingFacts({ closing }: { closing: Closing }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useSurplusFormat(workUnitOf(closing.measure));
  const { facts, allocation, measure } = closing;
  const weights = Object.entries(measure.roleWeights);
  const measureText = [
    t(`surplus.measure.${measure.basis}`),
    ...(measure.basis === 'weighted_hours' && weights.length > 0
      ? [t('surplus.facts.roleWeights', { weights: weights.map(([role, weight]) => t('surplus.facts.roleWeight', { role, weight: formatNumber(weight, locale) })).join(t('common.listSeparator')) })]
      : []),
  ].join(' ');
  const figures: [string, string][] = [
    [t(closing.surplus < 0 ? 'surplus.line.loss' : 'surplus.line.surplus'), format.yen(Math.abs(closing.surplus))],
    [t('surplus.facts.lossesCarriedForward'), format.yen(facts.lossesCarriedForward)],
    [t('surplus.facts.base'), format.yen(allocation.minimums.base)],
    [t('surplus.facts.legalReserveBalance'), format.yen(facts.legalReserveBalance)],
    [
      t('surplus.facts.legalReserveTarget'),
      t(facts.legalReserveTargetSource === 'bylaws' ? 'surplus.facts.fromBylaws' : 'surplus.facts.fromLaw', { amount: format.yen(facts.legalReserveTarget) }),
    ],
    [t('surplus.facts.totalCapital'), format.yen(facts.totalCapital)],
    [t('surplus.facts.measure'), measureText],
    [t('surplus.facts.members'), t('surplus.facts.membersValue', { count: closing.members, members: format.number(closing.members) })],
    [t('surplus.facts.totalWork'), format.work(closing.totalWork)],
    [
      t('surplus.facts.nonMemberWork'),
      t('surplus.facts.nonMemberWorkValue', { count: closing.nonMemberWork.people, people: format.number(closing.nonMemberWork.people), time: format.minutes(closing.nonMemberWork.minutes) }),
    ],
    [t('surplus.facts.withhold'), t(closing.withholdAgainstUnpaid ? 'surplus.facts.withholdYes' : 'surplus.facts.withholdNo')],
    [t('surplus.facts.withheld'), format.yen(closing.dividendsWithheld)],
    [t('surplus.facts.paid'), format.yen(closing.dividendsPaid)],
  ];
  if (facts.opening) {
    figures.push(
      [t('surplus.form.openingLegalReserve'), format.yen(facts.opening.legalReserve)],
      [t('surplus.form.openingLosses'), format.yen(facts.opening.lossesCarriedForward)],
    );
  }
  return (
    <FigureList figures={figures} cols={{ base: 1, xs: 2, md: 3 }} />
  );
}
