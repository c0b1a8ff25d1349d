import { Badge, Button, Group, Paper, Spoiler, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Items } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Loaded } from '../../components/Loaded';
import { formatDate, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useResource } from '../../use-resource';
import { BylawForm } from './BylawForm';
import { BYLAW_SETTING_NAMES, governancePaths, type BylawVersion, type SettingsInForce } from './governance';
import { useSettingText } from './use-setting-text';

interface BylawsPanelProps {
  organizationId: string;
  /** The administrator records the founding bylaws and proposes new versions; clerks read them. */
  canRecord: boolean;
}

const SETTINGS_HEADING_ID = 'bylaw-settings-heading';
const statusColours: Record<BylawVersion['status'], string> = { in_force: 'teal.9', proposed: 'blue.9', rejected: 'gray.7' };

/** The bylaws (定款): the settings in force on a date, each with where it comes from, and every version. */
export function BylawsPanel({ organizationId, canRecord }: BylawsPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [date, setDate] = useState(todayInJapan());
  const versions = useResource<Items<BylawVersion>>(governancePaths.bylaws(organizationId));
  const settings = useResource<SettingsInForce>(date ? governancePaths.settings(organizationId, date) : null, { keepPrevious: true });
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Stack gap="lg">
      <Stack gap="sm" component="section" aria-labelledby={SETTINGS_HEADING_ID}>
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4" id={SETTINGS_HEADING_ID}>
            {t('governance.bylaws.inForce')}
          </Title>
          <TextInput label={t('governance.bylaws.onDate')} type="date" w={200} value={date} onChange={(event) => setDate(event.currentTarget.value)} />
        </Group>
        <Loaded resource={settings}>{(data) => <SettingsTable data={data} />}</Loaded>
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="bylaw-versions-heading">
        <Group justify="space-between">
          <Title order={2} size="h4" id="bylaw-versions-heading">
            {t('governance.bylaws.versions')}
          </Title>
          {canRecord && versions.data && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
              {t(versions.data.items.length === 0 ? 'governance.bylaws.recordFounding' : 'governance.bylaws.propose')}
            </Button>
          )}
        </Group>
        <Loaded resource={versions}>
          {({ items }) =>
            items.length === 0 ? (
              <Text>{t(canRecord ? 'governance.bylaws.none' : 'governance.bylaws.noneAskAdmin')}</Text>
            ) : (
              <Stack gap="sm">
                {[...items].reverse().map((version) => (
                  <VersionCard key={version.id} version={version} />
                ))}
              </Stack>
            )
          }
        </Loaded>
      </Stack>
      <Dialog opened={opened} onClose={close} title={t(versions.data?.items.length === 0 ? 'governance.bylaws.recordFounding' : 'governance.bylaws.propose')}>
        <BylawForm
          organizationId={organizationId}
          firstVersion={versions.data?.items.length === 0}
          onCancel={close}
          onRecorded={(version) => {
            notifySuccess(t(version.founding ? 'governance.bylaws.recordedFounding' : 'governance.bylaws.proposed', { no: version.versionNo, date: formatDate(version.effectiveFrom ?? '', locale) }));
            close();
            versions.reload();
            settings.reload();
          }}
        />
      </Dialog>
    </Stack>
  );
}

function SettingsTable({ data }: { data: SettingsInForce }) {
  const { t } = useTranslation();
  const text = useSettingText();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs" aria-labelledby={SETTINGS_HEADING_ID}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('governance.bylaws.setting')}</Table.Th>
            <Table.Th scope="col">{t('governance.bylaws.value')}</Table.Th>
            <Table.Th scope="col">{t('governance.bylaws.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {BYLAW_SETTING_NAMES.map((name) => {
            const setting = data.settings[name];
            return (
              <Table.Tr key={name}>
                <Table.Th scope="row" fw={400}>
                  {t(`governance.setting.name.${name}`)}
                </Table.Th>
                <Table.Td fw={700}>{text.value(name, setting?.value)}</Table.Td>
                <Table.Td>{setting ? text.source(setting.source) : t('common.none')}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function VersionCard({ version }: { version: BylawVersion }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useSettingText();
  const stated = BYLAW_SETTING_NAMES.filter((name) => version.settings[name] !== undefined);
  return (
    <Paper withBorder p="sm" component="article" aria-label={t('governance.bylaws.versionTitle', { no: version.versionNo, title: version.title })}>
      <Stack gap={6}>
        <Group gap="xs">
          <Text fw={700}>{t('governance.bylaws.versionTitle', { no: version.versionNo, title: version.title })}</Text>
          <Badge color={statusColours[version.status]} variant="filled">
            {t(`governance.bylaws.status.${version.status}`)}
          </Badge>
          {version.founding && <Badge variant="outline">{t('governance.bylaws.foundingBadge')}</Badge>}
        </Group>
        <Text size="sm">
          {version.effectiveFrom
            ? t('governance.bylaws.effectiveSince', { date: formatDate(version.effectiveFrom, locale) })
            : t(version.status === 'rejected' ? 'governance.bylaws.rejectedNote' : 'governance.bylaws.awaitingResolution')}
        </Text>
        <Text size="sm" c="dimmed">
          {stated.length === 0
            ? t('governance.bylaws.statesNothing')
            : stated.map((name) => `${t(`governance.setting.name.${name}`)}: ${text.value(name, version.settings[name])}`).join(t('common.listSeparator'))}
        </Text>
        {version.text.trim() && (
          <Spoiler maxHeight={60} showLabel={t('governance.bylaws.showText')} hideLabel={t('governance.bylaws.hideText')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {version.text}
            </Text>
          </Spoiler>
        )}
      </Stack>
    </Paper>
  );
}
