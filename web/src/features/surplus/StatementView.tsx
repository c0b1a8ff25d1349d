import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateWithEra, formatFiscalYear } from '../../format';
import { useLocale } from '../../i18n';
import { statementExplanation } from './statement-explanation';
import { StatementDownloads } from './StatementDownloads';
import type { DividendStatement } from './surplus';
import { useSurplusFormat } from './use-surplus-format';
import { FigureList } from '../../components/FigureList';

/**
 * A member's dividend statement (従事分量配当金計算書): the figures as the PDF gives them, the dividend told in
 * sentences from those figures, and the PDF in Japanese and English.
 */
export function StatementView({ statement }: { statement: DividendStatement }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useSurplusFormat(statement.unit);
  const s = statement;
  const roundingText =
    s.exact.remainder === 0
      ? t('surplus.rounding.none')
      : t(s.roundedUp ? 'surplus.rounding.up' : 'surplus.rounding.down', { rank: format.number(s.remainderRank ?? 0) });
  const figures: [string, string][] = [
    [t('surplus.statement.minutes'), format.minutes(s.minutes)],
    [t('surplus.statement.days'), format.days(s.days)],
    [t('surplus.facts.measure'), t(`surplus.measure.${s.measure.basis}`)],
    [t('surplus.statement.work'), format.work(s.work)],
    [t('surplus.statement.totalWork', { count: s.members, members: format.number(s.members) }), format.work(s.totalWork)],
    [t('surplus.line.dividends'), format.yen(s.dividends)],
    [t('surplus.dividends.exact'), t('surplus.exact', { yen: format.yen(s.exact.yen), remainder: format.number(s.exact.remainder), denominator: format.number(s.exact.denominator) })],
    [t('surplus.dividends.rounding'), roundingText],
    [t('surplus.dividends.amount'), format.yen(s.amount)],
  ];
  if (s.withholdAgainstUnpaid) figures.push([t('surplus.statement.unpaid'), format.yen(s.unpaidCapital)], [t('surplus.dividends.withheld'), format.yen(s.withheld)]);
  figures.push([t('surplus.dividends.payment'), format.yen(s.payment)]);

  return (
    <Stack gap="md">
      {s.status !== 'posted' && (
        <Alert color="gray" icon={<IconAlertTriangle aria-hidden />} title={t('surplus.statement.draftTitle')}>
          {t('surplus.statement.draft')}
        </Alert>
      )}
      <Text>
        {t('surplus.statement.period', {
          year: formatFiscalYear(s.fiscalYear, locale),
          from: formatDateWithEra(s.periodFrom, locale),
          until: formatDateWithEra(s.periodUntil, locale),
        })}
      </Text>
      <Paper component="section" aria-labelledby="statement-figures-heading" withBorder p="md">
        <Title order={2} size="h4" id="statement-figures-heading" mb="sm">
          {t('surplus.statement.figures')}
        </Title>
        <FigureList figures={figures} cols={{ base: 1, xs: 2, md: 3 }} />
      </Paper>
      <Paper component="section" aria-labelledby="statement-explanation-heading" withBorder p="md">
        <Title order={2} size="h4" id="statement-explanation-heading" mb="sm">
          {t('surplus.statement.explanation')}
        </Title>
        <Stack gap="xs">
          {statementExplanation(s, format).map((sentence) => (
            <Text key={sentence.key}>{t(sentence.key, sentence.values)}</Text>
          ))}
        </Stack>
      </Paper>
      <Paper component="section" aria-labelledby="statement-pdf-heading" withBorder p="md">
        <Title order={2} size="h4" id="statement-pdf-heading" mb="sm">
          {t('surplus.statement.pdfTitle')}
        </Title>
        <StatementDownloads closingId={s.closingId} membershipId={s.membershipId} fiscalYear={s.fiscalYear} />
      </Paper>
    </Stack>
  );
}
