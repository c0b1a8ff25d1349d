import { ActionIcon, Anchor, Button, FileInput, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileUpload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiHref, uploadFile } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useRowAction } from '../../use-row-action';
import { campaignApi, campaignPaths, type TargetDocument } from './campaigns';
import { documentUploadType, formatFileSize, isTooLarge, MAX_DOCUMENT_BYTES } from './target-documents';

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
        <UploadDocument targetId={targetId} onUploaded={onChanged} />
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

function UploadDocument({ targetId, onUploaded }: { targetId: string; onUploaded: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = async () => {
    if (!file) {
      setFileError(t('validation.required'));
      return;
    }
    if (isTooLarge(file)) {
      setFileError(t('campaigns.documents.tooLarge', { max: formatFileSize(MAX_DOCUMENT_BYTES, locale) }));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await uploadFile<TargetDocument>(campaignPaths.documents(targetId, file.name), file, documentUploadType(file));
      notifySuccess(t('campaigns.documents.uploaded', { name: file.name }));
      setFile(null);
      onUploaded();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <FormAlert failure={failure} />
      <Group align="flex-end" gap="sm">
        <FileInput
          label={t('campaigns.documents.file')}
          description={t('campaigns.documents.fileHint', { max: formatFileSize(MAX_DOCUMENT_BYTES, locale) })}
          placeholder={t('campaigns.documents.choose')}
          value={file}
          onChange={(next) => {
            setFile(next);
            setFileError(null);
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('campaigns.documents.clear') }}
          error={fileError ?? undefined}
          w={{ base: '100%', sm: 360 }}
        />
        <Button variant="default" leftSection={<IconFileUpload size={16} aria-hidden />} loading={busy} onClick={() => void upload()}>
          {t('campaigns.documents.upload')}
        </Button>
      </Group>
    </Stack>
  );
}
