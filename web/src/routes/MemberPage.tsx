import { Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBuildingPlus } from '@tabler/icons-react';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Items } from '../api';
import { BackLink } from '../components/BackLink';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { CorrectPerson } from '../features/members/CorrectPerson';
import { Engagements } from '../features/members/Engagements';
import { registerKnownPersonLink } from '../features/members/known-person';
import { memberBackLink } from '../features/members/member-back-link';
import { memberPaths, personKana, personName, type MemberRecord, type Person } from '../features/members/member';
import { MembershipActions } from '../features/members/MembershipActions';
import { MembershipDetails, PersonDetails } from '../features/members/MemberDetails';
import { MembershipStatusBadge } from '../features/members/MembershipStatusBadge';
import { MembershipTimeline } from '../features/members/MembershipTimeline';
import { organizationsToName } from '../features/members/member-kind-values';
import { useMemberKinds } from '../features/members/use-member-kinds';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { MemberCapital } from '../features/capital/MemberCapital';
import { ReprintLetter } from '../features/portal/ReprintLetter';
import { useLabels } from '../features/reference/use-labels';
import { canKeepCapital, isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useResource } from '../use-resource';

/** One membership: the person, the membership and its history, what may happen next, and engagement in the work. */
export function MemberPage() {
  const { membershipId = '' } = useParams();
  const record = useResource<MemberRecord>(memberPaths.one(membershipId));
  return (
    <>
      <BackToWhereFrom />
      <Loaded resource={record}>{(data) => <MemberView record={data} reload={record.reload} />}</Loaded>
    </>
  );
}

/**
 * Back to the list the member was opened from (the registry, or the workers list) as it was left: search, filters
 * and page. Coming from a list, a plain click steps back in the history, which holds the list exactly as it was even
 * if it changed a moment before the member was opened.
 */
function BackToWhereFrom() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const back = memberBackLink(location.state);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!back.fromList || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(-1);
  };
  return (
    <BackLink to={back.to} onClick={onClick} mb="xs">
      {t(back.label)}
    </BackLink>
  );
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

function MemberView({ record, reload }: { record: MemberRecord; reload: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useLabels();
  const { membership, person, events, engagements } = record;
  // The organization is named for the federation administrator, who sees every organization's members.
  const organizations = useResource<Items<Organization>>(isFederationAdmin(me) ? organizationPaths.list : null);
  const organization = organizations.data?.items.find((o) => o.id === membership.organizationId);
  // Only a kind of its own needs the organization's list to be named.
  const memberKinds = useMemberKinds(organizationsToName([membership]));

  return (
    <>
      <PageHeader
        title={personName(person)}
        subtitle={`${personKana(person)} · ${t('member.numberLabel', { number: membership.memberNumber })}`}
        actions={<MembershipStatusBadge status={membership.status} size="lg" />}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Section id="member-actions" title={t('memberDetail.actions')}>
              <MembershipActions membership={membership} onChanged={reload} />
            </Section>
            <Section id="member-membership" title={t('memberDetail.membership')}>
              <MembershipDetails
                membership={membership}
                kindName={memberKinds.name(membership.organizationId, membership.kind)}
                organizationName={organization ? labels.organizationName(organization) : null}
              />
            </Section>
            <Section id="member-person" title={t('memberDetail.person')}>
              <PersonDetails person={person} />
              <Group gap="xs">
                <CorrectPerson membershipId={membership.id} person={person} onChanged={reload} />
                {isFederationAdmin(me) && <RegisterElsewhereLink person={person} organizationId={membership.organizationId} />}
                {/* A new sign-in letter for マイページ (lost, expired, or to recover access). */}
                {(membership.status === 'admitted' || membership.status === 'withdrawal_notified') && <ReprintLetter membershipId={membership.id} memberNumber={membership.memberNumber} />}
              </Group>
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Section id="member-history" title={t('memberDetail.history')}>
              <MembershipTimeline events={events} />
              <Text size="xs" c="dimmed" mt="sm">
                {t('history.timeZoneNote')}
              </Text>
            </Section>
            <Section id="member-engagements" title={t('memberDetail.engagements')}>
              <Engagements
                organizationId={membership.organizationId}
                personId={person.id}
                engagements={engagements}
                onChanged={reload}
              />
            </Section>
          </Stack>
        </Grid.Col>
        {canKeepCapital(me) && (
          <Grid.Col span={12}>
            <Section id="member-capital" title={t('memberDetail.capital')}>
              {/* A withdrawal, expulsion or death takes the shares with it: the capital is read again after an event. */}
              <MemberCapital key={`${membership.status}:${events.length}`} membership={membership} />
            </Section>
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}

/**
 * The federation administrator registers the same person in another member organization (one person, several
 * memberships): the register form names them and offers every organization but this one.
 */
function RegisterElsewhereLink({ person, organizationId }: { person: Person; organizationId: string }) {
  const { t } = useTranslation();
  const { to, state } = registerKnownPersonLink(person, undefined, organizationId);
  return (
    <Button component={Link} to={to} state={state} variant="default" size="xs" mt="sm" leftSection={<IconBuildingPlus size={14} aria-hidden />}>
      {t('memberDetail.registerElsewhere')}
    </Button>
  );
}
