import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Items } from '../api';
import { BackLink } from '../components/BackLink';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { canRunCampaigns, nameIn } from '../features/campaigns/campaign-values';
import { campaignPaths, type TargetDetail } from '../features/campaigns/campaigns';
import { TargetView } from '../features/campaigns/TargetView';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { useMe } from '../features/session/session-context';
import { useLocale } from '../i18n';
import { useResource } from '../use-resource';

/** One target of a campaign (a local assembly, a party…): its stage and history, who answers for it, its links and notes. */
export function TargetPage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  const { targetId = '' } = useParams();
  const allowed = canRunCampaigns(me);
  const target = useResource<TargetDetail>(allowed ? campaignPaths.target(targetId) : null);
  const organizations = useResource<Items<Organization>>(allowed ? organizationPaths.list : null);
  if (!allowed) return <Forbidden title={t('campaigns.title')} />;
  return (
    <Loaded resource={target}>
      {(data) => (
        <>
          <PageHeader title={nameIn(data, locale)} subtitle={data.kana ?? undefined} />
          <Stack gap="lg">
            <BackLink to={`/campaigns/${data.campaignId}`}>{t('campaigns.target.backToCampaign')}</BackLink>
            <Loaded resource={organizations}>{({ items }) => <TargetView target={data} organizations={items} onChanged={target.reload} />}</Loaded>
          </Stack>
        </>
      )}
    </Loaded>
  );
}
