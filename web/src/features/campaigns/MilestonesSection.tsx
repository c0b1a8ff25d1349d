import { ActionIcon, Button, Group, Paper, Text, Timeline, Title } from '@mantine/core';
import { IconFlag, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { formatDateWithEra } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useRowAction } from '../../use-row-action';
import { milestoneTitle } from './campaign-values';
import { campaignApi, type Milestone } from './campaigns';
import { MilestoneForm } from './MilestoneForm';

const HEADING_ID = 'campaign-milestones-heading';

interface MilestonesSectionProps {
  campaignId: string;
  milestones: Milestone[];
  onChanged: () => void;
}

/** The campaign's history on a timeline, oldest first, with the staff's way to add and remove a milestone. */
export function MilestonesSection({ campaignId, milestones, onChanged }: MilestonesSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Milestone | null>(null);
  const action = useRowAction();
  const sorted = [...milestones].sort((a, b) => a.on.localeCompare(b.on) || a.id.localeCompare(b.id));

  const remove = (milestone: Milestone) =>
    void action.run(milestone.id, async () => {
      await campaignApi.removeMilestone(campaignId, milestone.id);
      notifySuccess(t('campaigns.milestones.removed', { title: milestoneTitle(milestone, locale) }));
      setRemoving(null);
      onChanged();
    });

  return (
    <Paper component="section" aria-labelledby={HEADING_ID} withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={HEADING_ID}>
          {t('campaigns.milestones.title')}
        </Title>
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
          {t('campaigns.milestones.add')}
        </Button>
      </Group>
      {sorted.length === 0 ? (
        <Text c="dimmed">{t('campaigns.milestones.none')}</Text>
      ) : (
        <Timeline active={sorted.length - 1} bulletSize={22} lineWidth={2} role="list" aria-labelledby={HEADING_ID}>
          {sorted.map((milestone) => {
            const title = milestoneTitle(milestone, locale);
            return (
              <Timeline.Item
                key={milestone.id}
                role="listitem"
                bullet={<IconFlag size={12} aria-hidden />}
                title={
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Text fw={600} size="sm">{title}</Text>
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      size="sm"
                      aria-label={t('campaigns.milestones.removeNamed', { title })}
                      onClick={() => setRemoving(milestone)}
                    >
                      <IconTrash size={14} aria-hidden />
                    </ActionIcon>
                  </Group>
                }
              >
                <Text size="sm" component="time" dateTime={milestone.on}>
                  {formatDateWithEra(milestone.on, locale)}
                </Text>
                <Text size="xs" c="dimmed">{t(`campaigns.milestoneKind.${milestone.kind}`)}</Text>
                {milestone.description && <Text size="sm" mt={2}>{milestone.description}</Text>}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      <Dialog opened={adding} onClose={() => setAdding(false)} title={t('campaigns.milestones.add')}>
        {adding && (
          <MilestoneForm
            campaignId={campaignId}
            onCancel={() => setAdding(false)}
            onAdded={(milestone) => {
              notifySuccess(t('campaigns.milestones.added', { title: milestoneTitle(milestone, locale) }));
              setAdding(false);
              onChanged();
            }}
          />
        )}
      </Dialog>
      <ConfirmDialog
        opened={removing !== null}
        title={t('campaigns.milestones.removeTitle')}
        message={removing ? t('campaigns.milestones.removeMessage', { title: milestoneTitle(removing, locale), date: formatDateWithEra(removing.on, locale) }) : ''}
        confirmLabel={t('campaigns.milestones.remove')}
        busy={removing !== null && action.busyId === removing.id}
        onConfirm={() => removing && remove(removing)}
        onCancel={() => setRemoving(null)}
      />
    </Paper>
  );
}
