import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Items } from '../api';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { useLabels } from '../features/reference/use-labels';
import { canCloseFiscalYear, canKeepCapital } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { AllocationTable } from '../features/surplus/AllocationTable';
import { ClosingFacts } from '../features/surplus/ClosingFacts';
import { ClosingProgress } from '../features/surplus/ClosingProgress';
import { ClosingStatusBadge } from '../features/surplus/ClosingStatusBadge';
import { DividendsPanel } from '../features/surplus/DividendsPanel';
import { surplusPages, surplusPaths, type Closing } from '../features/surplus/surplus';
import { formatDateWithEra, formatFiscalYear } from '../format';
import { useLocale } from '../i18n';
import { useResource } from '../use-resource';

/** One fiscal-year close: where it stands, the allocation in the legal order, what it read, and each member's dividend. */
export function ClosingPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { closingId = '' } = useParams();
  const closing = useResource<Closing>(canKeepCapital(me) ? surplusPaths.closing(closingId) : null);
  if (!canKeepCapital(me)) return <Forbidden title={t('surplus.title')} />;
  return <Loaded resource={closing}>{(data) => <ClosingView closing={data} reload={closing.reload} />}</Loaded>;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md">
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function ClosingView({ closing, reload }: { closing: Closing; reload: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  const labels = useLabels();
  const navigate = useNavigate();
  const organization = useResource<Organization>(organizationPaths.one(closing.organizationId));
  const closings = useResource<Items<Closing>>(surplusPaths.closings(closing.organizationId));
  const year = formatFiscalYear(closing.fiscalYear, locale);
  const changed = (next: Closing | null) => {
    closings.reload();
    // Proposing a rejected year again makes a new close: show it.
    if (next && next.id !== closing.id) void navigate(surplusPages.closing(next.id));
    else reload();
  };

  return (
    <>
      <PageHeader
        title={t('surplus.closing.title', { year })}
        subtitle={
          <Group gap="xs" component="span">
            <span>
              {organization.data ? `${labels.organizationName(organization.data)} · ` : ''}
              {t('surplus.list.period', { from: formatDateWithEra(closing.periodFrom, locale), until: formatDateWithEra(closing.periodUntil, locale) })}
            </span>
            <ClosingStatusBadge status={closing.status} />
          </Group>
        }
        actions={
          <Button component={Link} to={surplusPages.list(me.role === 'federation-admin' ? closing.organizationId : null)} variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />}>
            {t('surplus.closing.back')}
          </Button>
        }
      />
      <Stack gap="md">
        {organization.data && closings.data && (
          <ClosingProgress
            closing={closing}
            closings={closings.data.items}
            fiscalYearStartMonth={organization.data.fiscalYearStartMonth}
            canClose={canCloseFiscalYear(me, closing.organizationId)}
            onChanged={changed}
          />
        )}
        <Section id="allocation-heading" title={t('surplus.allocation.title')}>
          <AllocationTable closing={closing} labelledBy="allocation-heading" />
        </Section>
        <Section id="closing-facts-heading" title={t('surplus.facts.title')}>
          <ClosingFacts closing={closing} />
        </Section>
        <Section id="dividends-heading" title={t('surplus.dividends.title')}>
          <DividendsPanel key={closing.version} closing={closing} labelledBy="dividends-heading" />
        </Section>
      </Stack>
    </>
  );
}
