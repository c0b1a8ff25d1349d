import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Items } from '../../api';
import { Loaded } from '../../components/Loaded';
import { useResource } from '../../use-resource';
import { organizationsToName } from '../members/member-kind-values';
import { useMemberKinds } from '../members/use-member-kinds';
import { AuditEntryCard } from './AuditEntryCard';
import { membershipKindsIn } from './audit-diff';
import { organizationPaths, type AuditEntry } from './organization';

/** Every audited change made within the organization, newest first. */
export function OrganizationHistory({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const history = useResource<Items<AuditEntry>>(organizationPaths.history(organizationId));
  // The organization's kinds are asked for only when the history records a membership of a kind of its own.
  const recorded = membershipKindsIn(history.data?.items ?? []).map((kind) => ({ organizationId, kind }));
  const memberKinds = useMemberKinds(organizationsToName(recorded));
  const memberKindName = (code: string) => memberKinds.name(organizationId, code);
  return (
    <Loaded resource={history}>
      {({ items }) =>
        items.length === 0 ? (
          <Text>{t('history.empty')}</Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('history.timeZoneNote')}
            </Text>
            {items.map((entry) => (
              <AuditEntryCard key={entry.seq} entry={entry} memberKindName={memberKindName} />
            ))}
          </Stack>
        )
      }
    </Loaded>
  );
}
