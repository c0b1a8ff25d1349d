import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { BackLink } from '../components/BackLink';
import { Dialog } from '../components/Dialog';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { AdoptionMap } from '../features/campaigns/AdoptionMap';
import { CampaignDownloads } from '../features/campaigns/CampaignDownloads';
import { CampaignForm } from '../features/campaigns/CampaignForm';
import { CampaignHeadline } from '../features/campaigns/CampaignHeadline';
import { canRunCampaigns, filterFromParams, goalIn, nameIn, paramsOf } from '../features/campaigns/campaign-values';
import { campaignPaths, type CampaignDetail, type Target, type TargetFilter } from '../features/campaigns/campaigns';
import { CumulativeChart } from '../features/campaigns/CumulativeChart';
import { MilestonesSection } from '../features/campaigns/MilestonesSection';
import { OtherTargetForm } from '../features/campaigns/OtherTargetForm';
import { StageDialog } from '../features/campaigns/StageDialog';
import { StatusImport } from '../features/campaigns/StatusImport';
import { TargetsSection } from '../features/campaigns/TargetsSection';
import { isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { formatDate } from '../format';
import { useLocale } from '../i18n';
import { notifySuccess } from '../notify';
import { useResource } from '../use-resource';

/** One campaign: where it stands (headline, map, climb over time), its milestones, and its targets to work through. */
export function CampaignPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { campaignId = '' } = useParams();
  const allowed = canRunCampaigns(me);
  const campaign = useResource<CampaignDetail>(allowed ? campaignPaths.one(campaignId) : null);
  if (!allowed) return <Forbidden title={t('campaigns.title')} />;
  return <Loaded resource={campaign}>{(data) => <CampaignView campaign={data} onReload={campaign.reload} />}</Loaded>;
}

function CampaignView({ campaign, onReload }: { campaign: CampaignDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const { filter, page } = filterFromParams(params);
  const [recording, setRecording] = useState<Target | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'other' | null>(null);
  // Counts the changes to the targets made here: each reads their list again.
  const [generation, setGeneration] = useState(0);
  const changed = () => {
    setGeneration((n) => n + 1);
    onReload();
  };
  const setFilter = (next: TargetFilter, nextPage: number) => setParams(paramsOf(next, nextPage), { replace: true });
  const listPath = isFederationAdmin(me) ? `/campaigns?organization=${campaign.organizationId}` : '/campaigns';
  const period = campaign.periodUntil
    ? t('campaigns.period', { from: formatDate(campaign.periodFrom, locale), until: formatDate(campaign.periodUntil, locale) })
    : t('campaigns.periodOpen', { from: formatDate(campaign.periodFrom, locale) });

  return (
    <>
      <PageHeader
        title={nameIn(campaign, locale)}
        subtitle={period}
        actions={
          <Group gap="sm">
            <CampaignDownloads campaignId={campaign.id} />
            <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('other')}>
              {t('campaigns.otherTarget.add')}
            </Button>
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('edit')}>
              {t('campaigns.edit')}
            </Button>
          </Group>
        }
      />
      <Stack gap="lg">
        <BackLink to={listPath}>{t('campaigns.backToList')}</BackLink>
        {goalIn(campaign, locale) && <Text style={{ whiteSpace: 'pre-wrap' }}>{goalIn(campaign, locale)}</Text>}
        <CampaignHeadline progress={campaign.progress} />
        <AdoptionMap
          progress={campaign.progress}
          onSelect={(prefecture) => {
            setFilter({ ...filter, prefecture }, 1);
            document.getElementById('campaign-targets-heading')?.scrollIntoView({ block: 'start' });
          }}
        />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <CumulativeChart series={campaign.cumulative} />
          <MilestonesSection campaignId={campaign.id} milestones={campaign.milestones} onChanged={onReload} />
        </SimpleGrid>
        <TargetsSection campaignId={campaign.id} filter={filter} page={page} onChange={setFilter} onRecordStage={setRecording} generation={generation} />
        <StatusImport campaignId={campaign.id} onImported={changed} />
      </Stack>
      <StageDialog
        target={recording}
        onClose={() => setRecording(null)}
        onStale={changed}
        onRecorded={() => {
          setRecording(null);
          changed();
        }}
      />
      <Dialog opened={dialog === 'edit'} onClose={() => setDialog(null)} title={t('campaigns.edit')}>
        {dialog === 'edit' && (
          <CampaignForm
            organizationId={campaign.organizationId}
            campaign={campaign}
            onCancel={() => setDialog(null)}
            onStale={onReload}
            onSaved={(saved) => {
              notifySuccess(t('campaigns.saved', { name: saved.nameJa }));
              setDialog(null);
              onReload();
            }}
          />
        )}
      </Dialog>
      <Dialog opened={dialog === 'other'} onClose={() => setDialog(null)} title={t('campaigns.otherTarget.add')}>
        {dialog === 'other' && (
          <OtherTargetForm
            campaignId={campaign.id}
            onCancel={() => setDialog(null)}
            onAdded={(target) => {
              notifySuccess(t('campaigns.otherTarget.added', { name: nameIn(target, locale) }));
              setDialog(null);
              changed();
            }}
          />
        )}
      </Dialog>
    </>
  );
}
