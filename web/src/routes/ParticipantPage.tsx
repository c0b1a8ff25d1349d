import { Alert, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Items } from '../api';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { ActivitiesSection } from '../features/casework/ActivitiesSection';
import { caseworkPaths, type CaseSite, type Participant } from '../features/casework/casework';
import { participantKana, participantName } from '../features/casework/casework-values';
import { CaseSection } from '../features/casework/CaseSection';
import { ConsentsSection } from '../features/casework/ConsentsSection';
import { IdentitySection } from '../features/casework/IdentitySection';
import { OutcomesSection, type CoopChoice } from '../features/casework/OutcomesSection';
import { ParticipantStatusBadge } from '../features/casework/ParticipantStatusBadge';
import { PlansSection } from '../features/casework/PlansSection';
import { RecordActions } from '../features/casework/RecordActions';
import { RegistrySection } from '../features/casework/RegistrySection';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { useLabels } from '../features/reference/use-labels';
import { formatDate, formatDateTime } from '../format';
import { useLocale } from '../i18n';
import { useResource } from '../use-resource';
import { BackToCasework } from './CaseworkPage';

/** One participant's record (支援記録). Every opening is logged on the server, with who read it. */
export function ParticipantPage() {
  const { id = '' } = useParams();
  const record = useResource<Participant>(caseworkPaths.participant(id));
  // What a change answered: the record as it now is, without reading it again.
  const [changed, setChanged] = useState<Participant | null>(null);
  return (
    <>
      <BackToCasework />
      <Loaded resource={record}>
        {(read) => {
          const participant = changed && changed.id === read.id ? changed : read;
          return (
            <ParticipantRecord
              participant={participant}
              onChanged={setChanged}
              onReload={() => {
                setChanged(null);
                record.reload();
              }}
            />
          );
        }}
      </Loaded>
    </>
  );
}

interface ParticipantRecordProps {
  participant: Participant;
  onChanged: (participant: Participant) => void;
  onReload: () => void;
}

function ParticipantRecord({ participant, onChanged, onReload }: ParticipantRecordProps) {
  const labels = useLabels();
  const sites = useResource<Items<CaseSite>>(caseworkPaths.mySites);
  const organizations = useResource<Items<Organization>>(organizationPaths.list);
  const siteName = sites.data?.items.find((s) => s.siteId === participant.siteId)?.siteNameJa;
  const coops: CoopChoice[] = (organizations.data?.items ?? []).filter((o) => o.kind !== 'federation').map((o) => ({ id: o.id, name: labels.organizationName(o) }));

  if (participant.status === 'erased' || participant.identity === null) return <ErasedRecord participant={participant} siteName={siteName} />;

  const kana = participantKana(participant);
  return (
    <>
      <PageHeader
        title={`${participantName(participant)}（${participant.reference}）`}
        subtitle={[kana, siteName].filter(Boolean).join(' · ')}
        actions={<ParticipantStatusBadge status={participant.status} size="lg" />}
      />
      <Stack gap="md">
        <IdentitySection participant={participant} identity={participant.identity} onChanged={onChanged} />
        <ConsentsSection participant={participant} onChanged={onChanged} />
        <PlansSection participant={participant} onChanged={onChanged} />
        <ActivitiesSection participant={participant} onChanged={onChanged} />
        <OutcomesSection participant={participant} coops={coops} onChanged={onChanged} />
        <RegistrySection participant={participant} onChanged={onChanged} onUnlinked={onReload} />
        <RecordActions participant={participant} onChanged={onChanged} />
      </Stack>
    </>
  );
}

/** An erased record keeps only what the reports count: its reference, its dates, and the kinds of what was done. */
function ErasedRecord({ participant, siteName }: { participant: Participant; siteName: string | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const dates: [string, string | null][] = [
    [t('casework.intake.intakeOn'), formatDate(participant.intakeOn, locale)],
    [t('casework.record.closedOn'), participant.closedOn ? formatDate(participant.closedOn, locale) : null],
    [t('casework.erased.erasedAt'), participant.erasedAt ? formatDateTime(participant.erasedAt, locale) : null],
  ];
  return (
    <>
      <PageHeader title={participant.reference} subtitle={siteName} actions={<ParticipantStatusBadge status="erased" size="lg" />} />
      <Stack gap="md">
        <Alert color="gray">{t('casework.erased.explain')}</Alert>
        <CaseSection id="erased-dates" title={t('casework.erased.dates')}>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} m={0}>
            {dates.map(([label, value]) => (
              <div key={label}>
                <Text component="dt" size="xs" c="dimmed">
                  {label}
                </Text>
                <Text component="dd" m={0}>
                  {value ?? t('common.none')}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </CaseSection>
        <CaseSection id="erased-activities" title={t('casework.activity.title')}>
          {participant.activities.length === 0 ? (
            <Text c="dimmed">{t('casework.activity.none')}</Text>
          ) : (
            <List aria-labelledby="erased-activities">
              {[...participant.activities]
                .sort((a, b) => a.on.localeCompare(b.on))
                .map((a) => (
                  <List.Item key={a.id}>{`${formatDate(a.on, locale)} ${t(`casework.activityKind.${a.kind}`)}`}</List.Item>
                ))}
            </List>
          )}
        </CaseSection>
        <CaseSection id="erased-outcomes" title={t('casework.outcome.title')}>
          {participant.outcomes.length === 0 ? (
            <Text c="dimmed">{t('casework.outcome.none')}</Text>
          ) : (
            <List aria-labelledby="erased-outcomes">
              {[...participant.outcomes]
                .sort((a, b) => a.on.localeCompare(b.on))
                .map((o) => (
                  <List.Item key={o.id}>{`${formatDate(o.on, locale)} ${t(`casework.outcomeKind.${o.kind}`)}`}</List.Item>
                ))}
            </List>
          )}
        </CaseSection>
      </Stack>
    </>
  );
}
