import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalculator } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Items } from '../api';
import { Dialog } from '../components/Dialog';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { OrganizationChooser } from '../features/organizations/OrganizationChooser';
import { useOrganizationScope } from '../features/organizations/use-organization-scope';
import { useLabels } from '../features/reference/use-labels';
import { canCloseFiscalYear, canKeepCapital } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { ClosingsList } from '../features/surplus/ClosingsList';
import { ProposeClosingForm } from '../features/surplus/ProposeClosingForm';
import { surplusPages, surplusPaths, type Closing } from '../features/surplus/surplus';
import { formatFiscalYear } from '../format';
import { useLocale } from '../i18n';
import { notifySuccess } from '../notify';
import { useResource } from '../use-resource';

const LIST_HEADING_ID = 'closings-heading';

/** 剰余金処分: an organization's fiscal-year closes, and the proposal of a new one (its administrator's). */
export function SurplusPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!canKeepCapital(me)) return <Forbidden title={t('surplus.title')} />;
  return <Surplus />;
}

function Surplus() {
  const organizations = useResource<Items<Organization>>(organizationPaths.list);
  return <Loaded resource={organizations}>{({ items }) => <SurplusView organizations={items} />}</Loaded>;
}

function SurplusView({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  const labels = useLabels();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const chosen = useOrganizationScope(organizations, params.get('organization'));
  const { id: scope, organization } = chosen;
  const closings = useResource<Items<Closing>>(scope ? surplusPaths.closings(scope) : null);
  const [proposing, { open, close }] = useDisclosure(false);
  const canClose = scope !== null && canCloseFiscalYear(me, scope);

  return (
    <>
      <PageHeader
        title={t('surplus.title')}
        subtitle={organization ? labels.organizationName(organization) : undefined}
        actions={
          canClose && closings.data ? (
            <Button leftSection={<IconCalculator size={16} aria-hidden />} onClick={open}>
              {t('surplus.form.open')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="md">
        <OrganizationChooser scope={chosen} emptyLabel={t('common.choose')} w={{ base: '100%', sm: 420 }} onChange={(id) => setParams(id ? { organization: id } : {}, { replace: true })} />
        {scope === null ? (
          <Alert color="gray">{t('surplus.chooseOrganization')}</Alert>
        ) : (
          <>
            <Text size="sm" c="dimmed" maw={880}>
              {t(canClose ? 'surplus.intro' : 'surplus.introReader')}
            </Text>
            <Paper component="section" aria-labelledby={LIST_HEADING_ID} withBorder p="md">
              <Title order={2} size="h4" id={LIST_HEADING_ID} mb="sm">
                {t('surplus.list.title')}
              </Title>
              <Loaded resource={closings}>{({ items }) => <ClosingsList closings={items} labelledBy={LIST_HEADING_ID} />}</Loaded>
            </Paper>
          </>
        )}
      </Stack>
      {organization && closings.data && (
        <Dialog opened={proposing} onClose={close} title={t('surplus.form.open')}>
          <ProposeClosingForm
            organizationId={organization.id}
            fiscalYearStartMonth={organization.fiscalYearStartMonth}
            closings={closings.data.items}
            onCancel={close}
            onProposed={(closing) => {
              notifySuccess(t('surplus.form.proposed', { year: formatFiscalYear(closing.fiscalYear, locale) }));
              close();
              void navigate(surplusPages.closing(closing.id));
            }}
          />
        </Dialog>
      )}
    </>
  );
}
