import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { BackLink } from '../components/BackLink';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { formatDate } from '../format';
import { useLocale } from '../i18n';
import { BreakdownTables, IndicatorTable, PeriodPicker, ReportDownloads, SuppressionNote } from '../features/programmes/ContractReportView';
import { programmePaths, type Contract } from '../features/programmes/programmes';
import { anyHidden, readPeriod, reportCells, reportPaths, type ContractReport, type ReportPeriod } from '../features/programmes/report';
import { canKeepRegistry } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useResource } from '../use-resource';

/** A contract's report to its commissioner: the indicators against their targets and the counts, small ones suppressed. */
export function ContractReportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { contractId = '' } = useParams();
  const allowed = canKeepRegistry(me);
  const contract = useResource<Contract>(allowed ? programmePaths.contract(contractId) : null);
  if (!allowed) return <Forbidden title={t('programmes.report.title')} />;
  return <Loaded resource={contract}>{(data) => <ReportView contract={data} />}</Loaded>;
}

function ReportView({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const contractPeriod: ReportPeriod = { from: contract.periodFrom, until: contract.periodUntil };
  const period = readPeriod(params, contractPeriod);
  const report = useResource<ContractReport>(reportPaths.contract(contract.id, period), { keepPrevious: true });
  const programme = locale === 'en' && contract.programmeEn ? contract.programmeEn : contract.programmeJa;
  const indicatorsHeading = 'contract-report-indicators-heading';
  const breakdownHeading = 'contract-report-breakdown-heading';

  return (
    <>
      <PageHeader
        title={t('programmes.report.titleOf', { name: programme })}
        subtitle={t('programmes.report.periodText', { from: formatDate(report.data?.from ?? period.from, locale), until: formatDate(report.data?.until ?? period.until, locale) })}
      />
      <Stack gap="lg">
        <BackLink to={`/programmes/contracts/${contract.id}`}>{t('programmes.report.backToContract')}</BackLink>
        <PeriodPicker
          key={`${period.from}/${period.until}`}
          period={period}
          contractPeriod={contractPeriod}
          onChange={(next) => setParams(next.from === contractPeriod.from && next.until === contractPeriod.until ? {} : { from: next.from, until: next.until }, { replace: true })}
        />
        <Loaded resource={report}>
          {(data) => (
            <Stack gap="lg" aria-busy={report.stale}>
              {anyHidden(reportCells(data)) && <SuppressionNote />}
              <Paper component="section" aria-labelledby={indicatorsHeading} withBorder p="md">
                <Title order={2} size="h4" id={indicatorsHeading} mb="xs">
                  {t('programmes.report.indicators')}
                </Title>
                <IndicatorTable report={data} />
              </Paper>
              <Paper component="section" aria-labelledby={breakdownHeading} withBorder p="md">
                <Title order={2} size="h4" id={breakdownHeading} mb="xs">
                  {t('programmes.report.breakdown')}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">{t('programmes.report.breakdownHint')}</Text>
                <BreakdownTables report={data} />
              </Paper>
            </Stack>
          )}
        </Loaded>
        <ReportDownloads contractId={contract.id} period={period} />
      </Stack>
    </>
  );
}
