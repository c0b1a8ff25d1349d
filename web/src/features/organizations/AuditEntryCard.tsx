import { Badge, Box, Group, Paper, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import { fieldChanges, type FieldChange } from './audit-diff';
import type { AuditEntry } from './organization';
import { useFieldValue } from './use-field-value';

interface AuditEntryCardProps {
  entry: AuditEntry;
  /** A membership kind by its name in the organization (its own kinds among them). */
  memberKindName?: (code: string) => string;
}

/** One audited change: when, by whom, what, and each field before → after. */
export function AuditEntryCard({ entry, memberKindName }: AuditEntryCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const changes = fieldChanges(entry.before, entry.after);

  return (
    <Paper withBorder p="md" component="article" aria-label={t('history.entryLabel', { seq: entry.seq })}>
      <Group gap="xs" wrap="wrap">
        <Text component="time" dateTime={entry.at} fw={700}>
          {formatDateTime(entry.at, locale)}
        </Text>
        <Badge variant="light" style={{ textTransform: 'none' }}>
          {labels.code('action', entry.action)}
        </Badge>
        <Text size="sm" c="dimmed">
          {labels.code('entity', entry.entityType)}
        </Text>
        <Text size="sm">{entry.actorEmail ?? t('history.system')}</Text>
      </Group>
      {changes.length > 0 && (
        <Box component="dl" mt="sm" mb={0}>
          {changes.map((change) => (
            <ChangeRow key={change.field} change={change} created={entry.before === null} memberKindName={memberKindName} />
          ))}
        </Box>
      )}
    </Paper>
  );
}

/** A field and its values; a creation has no "before" to show. */
function ChangeRow({ change, created, memberKindName }: { change: FieldChange; created: boolean; memberKindName?: (code: string) => string }) {
  const { t } = useTranslation();
  const fieldValue = useFieldValue(memberKindName);
  return (
    <Group gap="xs" align="baseline" wrap="wrap" py={4} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Text component="dt" size="sm" fw={700} miw={180}>
        {t(`field.${change.field}`, { defaultValue: change.field })}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ flex: '1 1 240px', overflowWrap: 'anywhere' }}>
        {!created && (
          <>
            <VisuallyHidden>{t('history.before')}: </VisuallyHidden>
            <Text span c="dimmed" size="sm">
              {fieldValue(change.field, change.before)}
            </Text>
            <span aria-hidden> → </span>
            <VisuallyHidden>{t('history.after')}: </VisuallyHidden>
          </>
        )}
        {fieldValue(change.field, change.after)}
      </Text>
    </Group>
  );
}
