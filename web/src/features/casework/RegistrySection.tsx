import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconLink, IconLinkOff } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api';
import { SearchSelect } from '../../components/SearchSelect';
import { notifySuccess } from '../../notify';
import { useRowAction } from '../../use-row-action';
import { personName, type MemberPage } from '../members/member';
import { caseworkApi, type Participant } from './casework';
import { hasConsent } from './casework-values';
import { CaseSection } from './CaseSection';

interface RegistrySectionProps {
  participant: Participant;
  onChanged: (participant: Participant) => void;
  onUnlinked: () => void;
}

const SHOWN = 20;

/**
 * The participant's link to the co-op's registry (組合員名簿), when they became a worker or member of the
 * organization: made only with their consent to the link.
 */
export function RegistrySection({ participant, onChanged, onUnlinked }: RegistrySectionProps) {
  const { t } = useTranslation();
  const consented = hasConsent(participant, 'registry-link');
  const [choice, setChoice] = useState<{ personId: string; label: string }>({ personId: '', label: '' });
  const action = useRowAction();
  const organizationId = participant.organizationId;
  // Members are searched on the server by name, kana, romaji or number: a person is known to the registry by membership.
  const search = useCallback(
    (typed: string) =>
      api
        .get<MemberPage>(withQuery(`/organizations/${encodeURIComponent(organizationId)}/members`, { q: typed.trim(), pageSize: String(SHOWN) }))
        .then((page) => page.items.map((m) => ({ value: m.personId, label: `${m.memberNumber} ${personName(m)}` }))),
    [organizationId],
  );

  const link = () =>
    action.run('link', async () => {
      const updated = await caseworkApi.linkPerson(participant.id, choice.personId);
      notifySuccess(t('casework.registry.linked', { name: choice.label }));
      onChanged(updated);
    });
  const unlink = () =>
    action.run('unlink', async () => {
      await caseworkApi.unlinkPerson(participant.id);
      notifySuccess(t('casework.registry.unlinked'));
      onUnlinked();
    });

  return (
    <CaseSection id="participant-registry" title={t('casework.registry.title')}>
      {participant.personId !== null ? (
        <Stack gap="xs">
          <Text>{t('casework.registry.isLinked')}</Text>
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconLinkOff size={14} aria-hidden />} loading={action.busyId === 'unlink'} onClick={unlink}>
              {t('casework.registry.unlink')}
            </Button>
          </Group>
        </Stack>
      ) : !consented ? (
        <Alert color="gray">{t('casework.registry.needsConsent')}</Alert>
      ) : (
        <Stack gap="xs">
          <SearchSelect
            label={t('casework.registry.member')}
            description={t('casework.registry.memberHint')}
            required={false}
            value={choice.personId}
            onChange={(personId, label) => setChoice({ personId, label })}
            search={search}
            clearLabel={t('casework.registry.clear')}
            notFound={t('casework.registry.notFound')}
          />
          <Group>
            <Button size="xs" leftSection={<IconLink size={14} aria-hidden />} disabled={choice.personId === ''} loading={action.busyId === 'link'} onClick={link}>
              {t('casework.registry.link')}
            </Button>
          </Group>
        </Stack>
      )}
    </CaseSection>
  );
}
