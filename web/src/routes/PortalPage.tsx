import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheckbox, IconSettings } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { ConsentsSection } from '../features/portal/ConsentsSection';
import { ContactSection } from '../features/portal/ContactSection';
import { DelegateSection } from '../features/portal/DelegateSection';
import { DisplaySettings } from '../features/portal/DisplaySettings';
import { DividendsSection } from '../features/portal/DividendsSection';
import { MeetingsSection } from '../features/portal/MeetingsSection';
import { MembershipSection } from '../features/portal/MembershipSection';
import { PasskeyList } from '../features/portal/PasskeyList';
import { portalPages, portalPaths, type Portal } from '../features/portal/portal';
import { PortalSection } from '../features/portal/PortalSection';
import { ReceiptsSection } from '../features/portal/ReceiptsSection';
import { SharesSection } from '../features/portal/SharesSection';
import { WorkSection } from '../features/portal/WorkSection';
import { useMe } from '../features/session/session-context';
import { useResource } from '../use-resource';

/** マイページ (/my): a member's own life in the co-op, one section under another, for a phone first. */
export function PortalPage() {
  const { t } = useTranslation();
  const me = useMe();
  const portal = useResource<Portal>(me.role === 'member' ? portalPaths.portal : null);
  return (
    <Stack maw={720} gap={0}>
      <PageHeader
        title={t('portal.title')}
        actions={
          <Button component={Link} to={portalPages.settings} variant="default" size="md" leftSection={<IconSettings size={20} aria-hidden />}>
            {t('portal.settings.title')}
          </Button>
        }
      />
      {me.role !== 'member' ? (
        <Alert color="gray">{t('portal.notAMember')}</Alert>
      ) : portal.error?.code === 'forbidden' ? (
        <Alert color="gray">{t('portal.notLinked')}</Alert>
      ) : (
        <Loaded resource={portal}>{(data) => <PortalView portal={data} userId={me.id} reload={portal.reload} />}</Loaded>
      )}
    </Stack>
  );
}

interface SectionLink {
  id: string;
  label: string;
}

function PortalView({ portal, userId, reload }: { portal: Portal; userId: string; reload: () => void }) {
  const { t } = useTranslation();
  const toVote = portal.meetings.flatMap((m) => m.openMotions).filter((m) => !m.voted).length;
  const sections: SectionLink[] = [
    { id: 'my-membership', label: t('portal.membership.title') },
    { id: 'my-shares', label: t('portal.shares.title') },
    { id: 'my-work', label: t('portal.work.title') },
    { id: 'my-dividends', label: t('portal.dividends.title') },
    { id: 'my-meetings', label: t('portal.meetings.title') },
    { id: 'my-receipts', label: t('portal.receipts.title') },
    ...(portal.consents.length > 0 ? [{ id: 'my-consents', label: t('portal.consents.title') }] : []),
    ...(portal.delegate ? [{ id: 'my-delegate', label: t('portal.delegate.title') }] : []),
    { id: 'my-contact', label: t('portal.contact.title') },
  ];
  return (
    <Stack gap="md">
      <Text size="lg">{t('portal.hello', { name: `${portal.member.familyName} ${portal.member.givenName}` })}</Text>
      {toVote > 0 && (
        <Alert color="indigo" variant="outline" icon={<IconCheckbox aria-hidden />} title={t('portal.voteNow.title')}>
          <Stack gap="xs">
            <Text>{t('portal.voteNow.text', { count: toVote })}</Text>
            <Button component={Link} to={portalPages.voting} size="md" style={{ alignSelf: 'flex-start' }}>
              {t('portal.meetings.goVote')}
            </Button>
          </Stack>
        </Alert>
      )}
      <Paper component="nav" aria-labelledby="my-contents-heading" withBorder p="md" radius="md">
        <Title order={2} size="h4" id="my-contents-heading" mb="xs">
          {t('portal.contents')}
        </Title>
        <List spacing={4}>
          {sections.map((section) => (
            <List.Item key={section.id}>
              <Anchor href={`#${section.id}`} onClick={(event) => jumpTo(event, section.id)}>
                {section.label}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Paper>
      <MembershipSection portal={portal} />
      <SharesSection capital={portal.capital} />
      <WorkSection months={portal.work.months} />
      <DividendsSection dividends={portal.dividends} />
      <MeetingsSection portal={portal} onChanged={reload} />
      <ReceiptsSection userId={userId} closed={portal.receipts} />
      {portal.consents.length > 0 && <ConsentsSection consents={portal.consents} />}
      {portal.delegate && <DelegateSection delegate={portal.delegate} />}
      {/* The forms start again from the registry after each change. */}
      <ContactSection key={JSON.stringify([portal.member, portal.pendingChanges.map((c) => c.id)])} portal={portal} onChanged={reload} />
    </Stack>
  );
}

/** Moves to a section and gives it the focus, so keyboard and screen-reader users continue from there. */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

/** 設定 (/my/settings): large text, high contrast and language on this device; the account's passkeys. */
export function PortalSettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={720} gap={0}>
      <PageHeader title={t('portal.settings.title')} />
      <Stack gap="md">
        <PortalSection id="my-display" title={t('portal.display.title')}>
          <DisplaySettings />
        </PortalSection>
        <PortalSection id="my-passkeys" title={t('portal.passkeys.title')}>
          <PasskeyList />
        </PortalSection>
        <Group>
          <Button component={Link} to={portalPages.home} variant="default" size="md">
            {t('portal.settings.back')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
