import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Items } from '../../api';
import { Loaded } from '../../components/Loaded';
import { useResource } from '../../use-resource';
import { AuditEntryCard } from './AuditEntryCard';
import { organizationPaths, type AuditEntry } from './organization';

/** Every audited change made within the organization, newest first. */
export function OrganizationHistory({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const history = useResource<Items<AuditEntry>>(organizationPaths.history(organizationId));
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
              <AuditEntryCard key={entry.seq} entry={entry} />
            ))}
          </Stack>
        )
      }
    </Loaded>
  );
}
