import { ActionIcon, Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useRowAction } from '../../use-row-action';
import { campaignApi, campaignPaths, type TargetDocument } from './campaigns';
import { DocumentUpload } from '../documents/DocumentUpload';
import { formatFileSize } from '../documents/document-files';

const HEADING_ID = 'target-documents-heading';

/** The files kept with a target (the petition, the adopted letter 意見書 as PDF, minutes): download, add, remove. */
export function TargetDocuments({ targetId, documents, onChanged }: { targetId: string; documents: TargetDocument[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action = useRowAction();
  const [deleting, setDeleting] = useState<TargetDocument | null>(null);

  return (
    <Paper component="section" aria-labelledby={HEADING_ID} withBorder p="md">
      <Title order={2} size="h4" id={HEADING_ID} mb="sm">
        {t('campaigns.documents.title')}
      </Title>
      <Stack gap="sm">
        {documents.length === 0 ? (
          <Text c="dimmed">{t('campaigns.documents.none')}</Text>
        ) : (
          <List spacing={4} listStyleType="none" aria-labelledby={HEADING_ID}>
            {documents.map((doc) => (
              <List.Item key={doc.id}>
                <Group gap="xs" wrap="nowrap">
                  <IconPaperclip size={14} aria-hidden />
                  <Anchor href={apiHref(campaignPaths.document(doc.id))} download={doc.fileName}>
                    {doc.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t('campaigns.documents.facts', { size: formatFileSize(doc.size, locale), at: formatDateTime(doc.uploadedAt, locale) })}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    size="sm"
                    loading={action.busyId === doc.id}
                    aria-label={t('campaigns.documents.removeNamed', { name: doc.fileName })}
                    onClick={() => setDeleting(doc)}
                  >
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <DocumentUpload path={(name) => campaignPaths.documents(targetId, name)} prefix="campaigns.documents" onUploaded={onChanged} />
      </Stack>
      <ConfirmDialog
        opened={deleting !== null}
        title={t('campaigns.documents.removeTitle')}
        message={deleting ? t('campaigns.documents.removeMessage', { name: deleting.fileName }) : ''}
        confirmLabel={t('campaigns.documents.remove')}
        busy={deleting !== null && action.busyId === deleting.id}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const doc = deleting;
          void action.run(doc.id, async () => {
            await campaignApi.removeDocument(doc.id);
            setDeleting(null);
            notifySuccess(t('campaigns.documents.removed', { name: doc.fileName }));
            onChanged();
          });
        }}
      />
    </Paper>
  );
}
