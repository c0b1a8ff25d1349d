import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconFileTypeCsv, IconFileTypePdf, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../../api';
import { formatNumber } from '../../format';
import { LOCALES, useLocale } from '../../i18n';
import {
  ageBandLabel,
  cellText,
  HIDDEN_BELOW,
  rateText,
  reportPaths,
  type Cell,
  type ContractReport,
  type CsvEncoding,
  type IndicatorResult,
  type ReportPeriod,
} from './report';

/** A figure that may be hidden: “<5” is also said in words to a screen reader, and marked with the note's sign. */
export function CountCell({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!cell.suppressed) return <>{cellText(cell, locale)}</>;
  return (
    <>
      <span aria-hidden="true">{cellText(cell, locale)}※</span>
      <VisuallyHidden>{t('programmes.report.hiddenCell', { limit: HIDDEN_BELOW })}</VisuallyHidden>
    </>
  );
}

interface PeriodPickerProps {
  period: ReportPeriod;
  contractPeriod: ReportPeriod;
  onChange: (period: ReportPeriod) => void;
}

/** The period the report counts: the contract's by default, or any part of it (a quarter, a month). */
export function PeriodPicker({ period, contractPeriod, onChange }: PeriodPickerProps) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(period.from);
  const [until, setUntil] = useState(period.until);
  const invalid = from === '' || until === '' || until < from;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!invalid) onChange({ from, until });
  };
  const whole = period.from === contractPeriod.from && period.until === contractPeriod.until;
  return (
    <form onSubmit={submit} noValidate aria-label={t('programmes.report.periodLabel')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput label={t('programmes.report.from')} type="date" required value={from} onChange={(event) => setFrom(event.currentTarget.value)} />
        <TextInput
          label={t('programmes.report.until')}
          type="date"
          required
          value={until}
          onChange={(event) => setUntil(event.currentTarget.value)}
          error={from !== '' && until !== '' && until < from ? t('validation.end_before_start') : undefined}
        />
        <Button type="submit" disabled={invalid}>
          {t('programmes.report.show')}
        </Button>
        {!whole && (
          <Button
            variant="default"
            onClick={() => {
              setFrom(contractPeriod.from);
              setUntil(contractPeriod.until);
              onChange(contractPeriod);
            }}
          >
            {t('programmes.report.wholePeriod')}
          </Button>
        )}
      </Group>
    </form>
  );
}

/** The report's indicators: each target against the figure reached, and the rate. */
export function IndicatorTable({ report }: { report: ContractReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (report.indicators.length === 0) return <Text c="dimmed">{t('programmes.indicator.none')}</Text>;
  const name = (i: IndicatorResult) => (locale === 'en' && i.nameEn ? i.nameEn : i.nameJa);
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped captionSide="top">
        <Table.Caption>{t('programmes.report.indicatorsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('programmes.report.indicator')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('programmes.report.target')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('programmes.report.actual')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('programmes.report.rate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.indicators.map((indicator) => (
            <Table.Tr key={indicator.code}>
              <Table.Th scope="row" fw={500}>{name(indicator)}</Table.Th>
              <Table.Td ta="right">{indicator.target === null ? t('common.none') : formatNumber(indicator.target, locale)}</Table.Td>
              <Table.Td ta="right">{indicator.actual === null ? t('programmes.report.outside') : <CountCell cell={indicator.actual} />}</Table.Td>
              <Table.Td ta="right">{rateText(indicator.rate, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface FigureTableProps {
  caption: string;
  /** The heading of the rows' names, then of each figure's column. */
  headings: readonly string[];
  rows: { key: string; label: string; cells: Cell[] }[];
  /** The total row, where the table has one; null where a column has no total (people served in several years). */
  total?: (Cell | null)[];
}

/** Figures by one thing (kind of support, outcome, age band), a row each, with the total. */
export function FigureTable({ caption, headings, rows, total }: FigureTableProps) {
  const { t } = useTranslation();
  const [first, ...columns] = headings;
  return (
    <Table.ScrollContainer minWidth={columns.length > 1 ? 420 : 240}>
      <Table striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{first}</Table.Th>
            {columns.map((heading) => (
              <Table.Th key={heading} scope="col" ta="right">{heading}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={400}>{row.label}</Table.Th>
              {row.cells.map((cell, i) => (
                <Table.Td key={columns[i]} ta="right"><CountCell cell={cell} /></Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {total && (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('programmes.report.total')}</Table.Th>
              {total.map((cell, i) => (
                <Table.Th key={columns[i]} ta="right">{cell === null ? t('common.none') : <CountCell cell={cell} />}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

/** Support by kind (people, sessions, hours), outcomes by kind, and the people served by age band. */
export function BreakdownTables({ report }: { report: ContractReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const activity = report.byActivityKind;
  return (
    <Stack gap="lg">
      <FigureTable
        caption={t('programmes.report.byActivityCaption')}
        headings={[t('programmes.report.activity'), t('programmes.report.participants'), t('programmes.report.sessions'), t('programmes.report.hours')]}
        rows={activity.rows.map((row) => ({
          key: row.kind, label: t(`casework.activityKind.${row.kind}`, { defaultValue: row.kind }), cells: [row.participants, row.sessions, row.hours],
        }))}
        total={[activity.total.participants, activity.total.sessions, activity.total.hours]}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <FigureTable
          caption={t('programmes.report.byOutcomeCaption')}
          headings={[t('programmes.report.outcome'), t('programmes.report.outcomes')]}
          rows={report.byOutcomeKind.rows.map((row) => ({ key: row.kind, label: t(`casework.outcomeKind.${row.kind}`, { defaultValue: row.kind }), cells: [row.outcomes] }))}
          total={[report.byOutcomeKind.total]}
        />
        <FigureTable
          caption={t('programmes.report.byAgeBandCaption')}
          headings={[t('programmes.report.ageBand'), t('programmes.report.participants')]}
          rows={report.byAgeBand.rows.map((row) => ({ key: row.ageBand, label: ageBandLabel(row.ageBand, locale), cells: [row.participants] }))}
          total={[report.byAgeBand.total]}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Why some counts read “<5”: said in words, not by colour. */
export function SuppressionNote() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <IconInfoCircle size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="sm" id="suppression-note">
        {t('programmes.report.suppressionNote', { limit: HIDDEN_BELOW })}
      </Text>
    </Group>
  );
}

/** The report as CSV (UTF-8 for most software, Shift_JIS for Excel in Japan) and as PDF in either language. */
export function ReportDownloads({ contractId, period }: { contractId: string; period: ReportPeriod }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = 'contract-report-downloads-heading';
  const encodings: CsvEncoding[] = ['utf-8', 'cp932'];
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('programmes.report.downloads')}
      </Title>
      <Stack gap="xs">
        <Group gap="md" wrap="wrap">
          {encodings.map((encoding) => (
            <Anchor key={encoding} href={apiHref(reportPaths.csv(contractId, period, encoding, locale))} download size="sm">
              <Group gap={4} component="span" wrap="nowrap">
                <IconFileTypeCsv size={16} aria-hidden />
                {encoding === 'utf-8' ? t('programmes.report.csvUtf8') : t('programmes.report.csvCp932')}
              </Group>
            </Anchor>
          ))}
          {LOCALES.map((lang) => (
            <Anchor key={lang} href={apiHref(reportPaths.pdf(contractId, period, lang))} target="_blank" rel="noopener" size="sm">
              <Group gap={4} component="span" wrap="nowrap">
                <IconFileTypePdf size={16} aria-hidden />
                {lang === 'ja' ? t('programmes.report.pdfJa') : t('programmes.report.pdfEn')}
              </Group>
            </Anchor>
          ))}
        </Group>
        <Text size="xs" c="dimmed">{t('programmes.report.downloadsHint')}</Text>
      </Stack>
    </Paper>
  );
}
