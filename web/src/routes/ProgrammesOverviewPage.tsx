import { Alert, Group, NativeSelect, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { todayInJapan } from '../format';
import { useLocale } from '../i18n';
import { ByCommissioner, ByFiscalYear, ByPrefecture } from '../features/programmes/OverviewSections';
import { SuppressionNote } from '../features/programmes/ContractReportView';
import { anyHidden, defaultYears, overviewCells, reportPaths, type ProgrammesOverview } from '../features/programmes/report';
import { fiscalYearLabel } from '../features/reporting/report-format';
import { isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useResource } from '../use-resource';

/** How many fiscal years back the range can start. */
const YEARS_OFFERED = 15;

/** The federation's commissioned programmes across its organizations: by commissioner, by prefecture, by fiscal year. */
export function ProgrammesOverviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!isFederationAdmin(me)) return <Forbidden title={t('programmes.overview.title')} />;
  return <Overview />;
}

function Overview() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const fallback = defaultYears(todayInJapan());
  const year = (key: string, otherwise: number) => {
    const value = Number(params.get(key));
    return Number.isInteger(value) && value >= 2000 && value <= fallback.untilYear + 1 ? value : otherwise;
  };
  const fromYear = year('fromYear', fallback.fromYear);
  const untilYear = Math.max(fromYear, year('untilYear', fallback.untilYear));
  const overview = useResource<ProgrammesOverview>(reportPaths.overview(fromYear, untilYear), { keepPrevious: true });
  const years = Array.from({ length: YEARS_OFFERED }, (_, i) => fallback.untilYear + 1 - i);
  const choose = (changes: { fromYear?: number; untilYear?: number }) => {
    const next = { fromYear, untilYear, ...changes };
    if (next.untilYear < next.fromYear) next.untilYear = next.fromYear;
    setParams({ fromYear: String(next.fromYear), untilYear: String(next.untilYear) }, { replace: true });
  };
  const data = years.map((y) => ({ value: String(y), label: fiscalYearLabel(y, locale) }));

  return (
    <>
      <PageHeader title={t('programmes.overview.title')} subtitle={t('programmes.overview.subtitle')} />
      <Stack gap="lg">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect label={t('programmes.overview.fromYear')} value={String(fromYear)} onChange={(event) => choose({ fromYear: Number(event.currentTarget.value) })} data={data} w={{ base: '100%', xs: 240 }} />
          <NativeSelect label={t('programmes.overview.untilYear')} value={String(untilYear)} onChange={(event) => choose({ untilYear: Number(event.currentTarget.value) })} data={data} w={{ base: '100%', xs: 240 }} />
        </Group>
        <Loaded resource={overview}>
          {(result) =>
            result.byCommissioner.rows.length === 0 && result.byPrefecture.rows.length === 0 ? (
              <Alert color="gray">{t('programmes.overview.noData')}</Alert>
            ) : (
              <Stack gap="lg" aria-busy={overview.stale}>
                {anyHidden(overviewCells(result)) && <SuppressionNote />}
                <ByCommissioner overview={result} />
                <ByPrefecture overview={result} />
                <ByFiscalYear overview={result} />
              </Stack>
            )
          }
        </Loaded>
      </Stack>
    </>
  );
}
