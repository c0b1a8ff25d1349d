import { Alert, Anchor, Button, Card, Group, NativeSelect, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Items } from '../api';
import { Dialog } from '../components/Dialog';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { CampaignForm } from '../features/campaigns/CampaignForm';
import { campaignScope, canRunCampaigns, goalIn, headline, nameIn } from '../features/campaigns/campaign-values';
import { campaignPaths, type Campaigns, type CampaignSummary } from '../features/campaigns/campaigns';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { useLabels } from '../features/reference/use-labels';
import { isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { formatDate } from '../format';
import { useLocale } from '../i18n';
import { notifySuccess } from '../notify';
import { useResource } from '../use-resource';

/** 政策提言: an organization's advocacy campaigns, each with where it stands, and the way to start one. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = canRunCampaigns(me);
  const organizations = useResource<Items<Organization>>(allowed ? organizationPaths.list : null);
  if (!allowed) return <Forbidden title={t('campaigns.title')} />;
  return <Loaded resource={organizations}>{({ items }) => <CampaignList organizations={items} />}</Loaded>;
}

function CampaignList({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useLabels();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const scope = campaignScope(me, organizations, params.get('organization'));
  const organization = organizations.find((o) => o.id === scope);
  const campaigns = useResource<Campaigns>(scope ? campaignPaths.list(scope) : null);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        subtitle={organization ? labels.organizationName(organization) : t('campaigns.subtitle')}
        actions={
          scope !== null && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('campaigns.create')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {isFederationAdmin(me) && (
          <NativeSelect
            label={t('campaigns.organization')}
            maw={480}
            value={scope ?? ''}
            onChange={(event) => setParams(event.currentTarget.value ? { organization: event.currentTarget.value } : {}, { replace: true })}
            // The federation's own campaigns first, then each member organization's.
            data={[...organizations].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'federation' ? -1 : 1)).map((o) => ({ value: o.id, label: labels.organizationName(o) }))}
          />
        )}
        {scope === null ? (
          <Alert color="gray">{t('campaigns.chooseOrganization')}</Alert>
        ) : (
          <Loaded resource={campaigns}>{({ items }) => <CampaignCards campaigns={items} />}</Loaded>
        )}
      </Stack>
      {scope !== null && (
        <Dialog opened={creating} onClose={() => setCreating(false)} title={t('campaigns.create')}>
          {creating && (
            <CampaignForm
              organizationId={scope}
              onCancel={() => setCreating(false)}
              onSaved={(campaign) => {
                notifySuccess(t('campaigns.created', { name: campaign.nameJa }));
                setCreating(false);
                void navigate(`/campaigns/${campaign.id}`);
              }}
            />
          )}
        </Dialog>
      )}
    </>
  );
}

function CampaignCards({ campaigns }: { campaigns: CampaignSummary[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (campaigns.length === 0) return <Text c="dimmed">{t('campaigns.none')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('campaigns.listLabel', { count: campaigns.length })}>
      {campaigns.map((campaign) => {
        const name = nameIn(campaign, locale);
        const period = campaign.periodUntil
          ? t('campaigns.period', { from: formatDate(campaign.periodFrom, locale), until: formatDate(campaign.periodUntil, locale) })
          : t('campaigns.periodOpen', { from: formatDate(campaign.periodFrom, locale) });
        return (
          <Card component="li" key={campaign.id} withBorder padding="md">
            <Stack gap="xs">
              <Title order={2} size="h4">
                <Anchor component={Link} to={`/campaigns/${campaign.id}`}>
                  {name}
                </Anchor>
              </Title>
              <Text size="sm" c="dimmed">{period}</Text>
              {goalIn(campaign, locale) && <Text size="sm" lineClamp={3}>{goalIn(campaign, locale)}</Text>}
              {campaign.progress.denominator > 0 && (
                <>
                  <Group justify="space-between" gap="xs">
                    <Text size="sm">{t('campaigns.headline.title')}</Text>
                    <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>{headline(campaign.progress, locale)}</Text>
                  </Group>
                  <Progress value={campaign.progress.share * 100} color="teal" aria-label={t('campaigns.headline.barNamed', { name })} />
                </>
              )}
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
