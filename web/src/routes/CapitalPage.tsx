import { Alert, Grid, Group, Loader, Paper, Stack, Text, TextInput, Title, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import type { Items } from '../api';
import { ErrorState } from '../components/ErrorState';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { capitalPaths, type CapitalByYear, type CapitalRegister } from '../features/capital/capital';
import { capitalByOrganization, paidAndUnpaid } from '../features/capital/capital-chart';
import { capitalStateQuery, readCapitalState, type CapitalPageState } from '../features/capital/capital-query';
import { CapitalChart } from '../features/capital/CapitalChart';
import { CapitalDownloads } from '../features/capital/CapitalDownloads';
import { CapitalFigures } from '../features/capital/CapitalFigures';
import { CapitalRulesPanel } from '../features/capital/CapitalRulesPanel';
import { PayrollDeductions } from '../features/capital/PayrollDeductions';
import { RegisterCards } from '../features/capital/RegisterCards';
import { RegisterTable } from '../features/capital/RegisterTable';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { OrganizationChooser } from '../features/organizations/OrganizationChooser';
import { useOrganizationScope } from '../features/organizations/use-organization-scope';
import { useLabels } from '../features/reference/use-labels';
import { canKeepCapital, canSetCapitalRules } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { formatDateWithEra, formatFiscalYear, todayInJapan } from '../format';
import { useLocale } from '../i18n';
import { useResource } from '../use-resource';

const REGISTER_HEADING_ID = 'capital-register-heading';
/** Fiscal years the chart covers, the running one included. */
const CHART_YEARS = 5;

/** 出資: the capital register at a date, the bylaws' capital rules, payroll deductions and capital by fiscal year. */
export function CapitalPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!canKeepCapital(me)) return <Forbidden title={t('capital.title')} />;
  return <Capital />;
}

function Capital() {
  const organizations = useResource<Items<Organization>>(organizationPaths.list);
  return <Loaded resource={organizations}>{({ items }) => <CapitalView organizations={items} />}</Loaded>;
}

function Section({ id, title, children, aside }: { id: string; title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md">
      <Group justify="space-between" align="center" gap="xs" mb="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </Paper>
  );
}

function CapitalView({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const today = todayInJapan();
  const state = readCapitalState(params, today);
  const chosen = useOrganizationScope(organizations, state.organization);
  const { id: scope, organization, choices } = chosen;
  const register = useResource<CapitalRegister>(scope ? capitalPaths.register(scope, state.date) : null, { keepPrevious: true });
  const byYear = useResource<Items<CapitalByYear>>(capitalPaths.byFiscalYear(CHART_YEARS));
  const change = (changes: Partial<CapitalPageState>) => setParams(capitalStateQuery({ ...state, ...changes }, today), { replace: true });
  const changed = () => {
    register.reload();
    byYear.reload();
  };

  return (
    <>
      <PageHeader
        title={t('capital.title')}
        subtitle={organization ? labels.organizationName(organization) : t('members.allOrganizations')}
        actions={scope ? <CapitalDownloads organizationId={scope} date={state.date} /> : undefined}
      />
      <Stack gap="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <OrganizationChooser
            scope={chosen}
            emptyLabel={t('members.allOrganizations')}
            w={{ base: '100%', sm: 420 }}
            onChange={(id) => change({ organization: id })}
          />
          <TextInput
            label={t('capital.register.date')}
            description={t('capital.register.dateHint')}
            type="date"
            w={200}
            value={state.date}
            onChange={(event) => change({ date: event.currentTarget.value })}
          />
        </Group>

        {scope === null ? (
          <Alert color="gray">{t('capital.chooseOrganization')}</Alert>
        ) : (
          <>
            <Section
              id={REGISTER_HEADING_ID}
              title={t('capital.register.title')}
              aside={register.loading && register.data ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
            >
              <RegisterView register={register.data} error={register.error} reload={register.reload} busy={register.stale} />
            </Section>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Section id="capital-rules-heading" title={t('capital.rules.title')}>
                  <CapitalRulesPanel key={scope} organizationId={scope} canSet={canSetCapitalRules(me, scope)} onChanged={changed} />
                </Section>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Section id="capital-payroll-heading" title={t('capital.payroll.title')}>
                  <PayrollDeductions key={scope} organizationId={scope} onRecorded={changed} />
                </Section>
              </Grid.Col>
            </Grid>
          </>
        )}

        <Section id="capital-chart-heading" title={t('capital.chart.title')}>
          {byYear.data ? (
            <ByYearChart items={byYear.data.items} organizations={choices} scope={scope} />
          ) : byYear.error ? (
            <ErrorState error={byYear.error} onRetry={byYear.reload} />
          ) : (
            <LoadingState />
          )}
        </Section>
      </Stack>
    </>
  );
}

interface RegisterViewProps {
  register: CapitalRegister | undefined;
  error: unknown;
  reload: () => void;
  busy: boolean;
}

function RegisterView({ register, error, reload, busy }: RegisterViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const theme = useMantineTheme();
  const location = useLocation();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, undefined, { getInitialValueInEffect: false });
  if (!register) return error ? <ErrorState error={error} onRetry={reload} /> : <LoadingState />;
  const rows = { register, backTo: location.pathname + location.search, busy, labelledBy: REGISTER_HEADING_ID };
  return (
    <Stack gap="sm">
      <Text size="sm" role="status">
        {t('capital.register.asOf', { date: formatDateWithEra(register.date, locale) })}
      </Text>
      <CapitalFigures position={register.totals} members={register.totals.members} />
      {wide ? <RegisterTable {...rows} /> : <RegisterCards {...rows} />}
    </Stack>
  );
}

interface ByYearChartProps {
  items: CapitalByYear[];
  /** The federation's member organizations, in the order the chart names them. */
  organizations: Organization[];
  /** One organization: its paid and unpaid capital; none: every organization's capital. */
  scope: string | null;
}

function ByYearChart({ items, organizations, scope }: ByYearChartProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const data = scope ? paidAndUnpaid(items, scope) : capitalByOrganization(items, organizations.map((o) => o.id));
  const hasCapital = data.series.some((s) => s.values.some((value) => value !== 0));
  if (data.years.length === 0 || !hasCapital) return <Text c="dimmed">{t('capital.chart.none')}</Text>;
  const names = new Map(organizations.map((o) => [o.id, labels.organizationName(o)]));
  const seriesName = (key: string) => (scope ? t(`capital.figure.${key}`) : (names.get(key) ?? key));
  const first = formatFiscalYear(data.years[0]!, locale);
  const last = formatFiscalYear(data.years.at(-1)!, locale);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t(scope ? 'capital.chart.paidUnpaidIntro' : 'capital.chart.byOrganizationIntro')}
      </Text>
      <CapitalChart
        data={data}
        seriesName={seriesName}
        colours={scope ? { paid: 'var(--mantine-color-indigo-7)', unpaid: 'var(--mantine-color-indigo-2)' } : undefined}
        label={t(scope ? 'capital.chart.paidUnpaidLabel' : 'capital.chart.byOrganizationLabel', { from: first, to: last })}
      />
    </Stack>
  );
}
