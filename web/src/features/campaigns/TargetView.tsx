import { ActionIcon, Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { IconExternalLink, IconPencil, IconPlayerTrackNext, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { Figure } from '../../components/Figure';
import { formatDateWithEra } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useRowAction } from '../../use-row-action';
import type { Organization } from '../organizations/organization';
import { useLabels } from '../reference/use-labels';
import { nameIn } from './campaign-values';
import { campaignApi, type TargetDetail } from './campaigns';
import { LinkForm } from './LinkForm';
import { StageBadge } from './StageBadge';
import { StageDialog } from './StageDialog';
import { TargetDetailsForm } from './TargetDetailsForm';
import { TargetDocuments } from './TargetDocuments';

interface TargetViewProps {
  target: TargetDetail;
  organizations: Organization[];
  /** Reads the target again after a change. */
  onChanged: () => void;
}

/** One target: where it stands, who answers for it, its notes, its documents and links, and its stages over time. */
export function TargetView({ target, organizations, onChanged }: TargetViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const [recording, setRecording] = useState(false);
  const [editing, setEditing] = useState(false);
  const action = useRowAction();
  const organization = organizations.find((o) => o.id === target.responsibleOrganizationId);
  // The latest first: what happened last is what a reader looks for.
  const events = [...target.events].sort((a, b) => b.on.localeCompare(a.on) || b.id.localeCompare(a.id));

  return (
    <Stack gap="lg">
      <Paper component="section" aria-labelledby="target-stage-heading" withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="target-stage-heading">
            {t('campaigns.target.stageTitle')}
          </Title>
          <Button leftSection={<IconPlayerTrackNext size={16} aria-hidden />} onClick={() => setRecording(true)}>
            {t('campaigns.targets.recordStage')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Figure label={t('campaigns.targets.stage')} value={<StageBadge stage={target.stage} />} />
          <Figure label={t('campaigns.targets.stageOn')} value={target.stageOn ? formatDateWithEra(target.stageOn, locale) : t('common.none')} />
          <Figure
            label={t('campaigns.targets.kind')}
            value={[t(`campaigns.kind.${target.kind}`), target.prefectureCode ? labels.prefecture(target.prefectureCode) : '', target.localGovernmentCode ?? ''].filter(Boolean).join(' · ')}
          />
        </SimpleGrid>
      </Paper>

      <Paper component="section" aria-labelledby="target-details-heading" withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="target-details-heading">
            {t('campaigns.target.detailsTitle')}
          </Title>
          <Button variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
            {t('campaigns.target.edit')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Figure label={t('campaigns.target.responsibleOrganization')} value={organization ? labels.organizationName(organization) : t('common.notSet')} />
          <Figure label={t('campaigns.target.responsiblePerson')} value={target.responsiblePerson ?? t('common.notSet')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="sm">
          {t('campaigns.target.notes')}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{target.notes ?? t('common.notSet')}</Text>
      </Paper>

      <TargetDocuments targetId={target.id} documents={target.documents} onChanged={onChanged} />

      <Paper component="section" aria-labelledby="target-links-heading" withBorder p="md">
        <Title order={2} size="h4" id="target-links-heading" mb="sm">
          {t('campaigns.links.title')}
        </Title>
        <Stack gap="sm">
          {target.links.length === 0 ? (
            <Text c="dimmed">{t('campaigns.links.none')}</Text>
          ) : (
            <List spacing={4} listStyleType="none" aria-labelledby="target-links-heading">
              {target.links.map((link) => (
                <List.Item key={link.id}>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor href={link.url} target="_blank" rel="noopener noreferrer">
                      {link.title}
                      <IconExternalLink size={12} aria-hidden style={{ marginInlineStart: 4 }} />
                      <VisuallyHidden>{t('campaigns.links.newWindow')}</VisuallyHidden>
                    </Anchor>
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      size="sm"
                      loading={action.busyId === link.id}
                      aria-label={t('campaigns.links.removeNamed', { title: link.title })}
                      onClick={() =>
                        void action.run(link.id, async () => {
                          await campaignApi.removeLink(target.id, link.id);
                          notifySuccess(t('campaigns.links.removed', { title: link.title }));
                          onChanged();
                        })
                      }
                    >
                      <IconTrash size={14} aria-hidden />
                    </ActionIcon>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
          <LinkForm
            targetId={target.id}
            onAdded={(link) => {
              notifySuccess(t('campaigns.links.added', { title: link.title }));
              onChanged();
            }}
          />
        </Stack>
      </Paper>

      <Paper component="section" aria-labelledby="target-history-heading" withBorder p="md">
        <Title order={2} size="h4" id="target-history-heading" mb="sm">
          {t('campaigns.target.historyTitle')}
        </Title>
        {events.length === 0 ? (
          <Text c="dimmed">{t('campaigns.target.noHistory')}</Text>
        ) : (
          <Timeline active={0} bulletSize={20} lineWidth={2} role="list" aria-labelledby="target-history-heading">
            {events.map((event) => (
              <Timeline.Item
                key={event.id}
                role="listitem"
                title={
                  <Group gap="xs">
                    <StageBadge stage={event.stage} size="sm" />
                    {event.correction && (
                      <Badge color="orange" variant="outline" size="sm" style={{ textTransform: 'none' }}>
                        {t('campaigns.target.correction')}
                      </Badge>
                    )}
                  </Group>
                }
              >
                <Text size="sm" component="time" dateTime={event.on}>
                  {formatDateWithEra(event.on, locale)}
                </Text>
                {event.note && <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>{event.note}</Text>}
                {event.recordedBy && (
                  <Text size="xs" c="dimmed" mt={2}>
                    {t('campaigns.target.recordedBy', { by: event.recordedBy })}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Paper>

      <StageDialog
        target={recording ? target : null}
        onClose={() => setRecording(false)}
        onStale={onChanged}
        onRecorded={() => {
          setRecording(false);
          onChanged();
        }}
      />
      <Dialog opened={editing} onClose={() => setEditing(false)} title={t('campaigns.target.editTitle', { name: nameIn(target, locale) })}>
        {editing && (
          <TargetDetailsForm
            key={target.version}
            target={target}
            organizations={organizations}
            onCancel={() => setEditing(false)}
            onStale={onChanged}
            onSaved={() => {
              notifySuccess(t('campaigns.target.saved'));
              setEditing(false);
              onChanged();
            }}
          />
        )}
      </Dialog>
    </Stack>
  );
}
