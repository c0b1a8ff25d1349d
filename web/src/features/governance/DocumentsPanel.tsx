import { Anchor, Button, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconFileUpload, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiHref, uploadFile, withQuery } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../notify';
import { governancePaths, type MeetingDetail, type MeetingDocument } from './governance';

const HEADING_ID = 'documents-heading';

/** 議案書・資料: the documents sent with the notice or handed out at the meeting, and their upload. */
export function DocumentsPanel({ detail, onChanged }: { detail: MeetingDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { meeting, documents } = detail;
  return (
    <Stack gap="sm" component="section" aria-labelledby={HEADING_ID}>
      <Title order={2} size="h4" id={HEADING_ID}>
        {t('governance.documents.title')}
      </Title>
      {documents.length === 0 ? <Text size="sm">{t('governance.documents.none')}</Text> : <DocumentList documents={documents} labelledBy={HEADING_ID} />}
      {meeting.status !== 'closed' && <UploadDocument meetingId={meeting.id} onUploaded={onChanged} />}
    </Stack>
  );
}

export function DocumentList({ documents, labelledBy }: { documents: Pick<MeetingDocument, 'id' | 'fileName'>[]; labelledBy?: string }) {
  return (
    <List spacing={4} size="sm" aria-labelledby={labelledBy} icon={<IconPaperclip size={14} aria-hidden />}>
      {documents.map((doc) => (
        <List.Item key={doc.id}>
          <Anchor href={apiHref(governancePaths.document(doc.id))} download={doc.fileName}>
            {doc.fileName}
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}

function UploadDocument({ meetingId, onUploaded }: { meetingId: string; onUploaded: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const upload = async () => {
    if (!file) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const type = file.type === 'application/pdf' ? 'application/pdf' : 'application/octet-stream';
      await uploadFile(withQuery(`/meetings/${encodeURIComponent(meetingId)}/documents`, { fileName: file.name }), file, type);
      notifySuccess(t('governance.documents.uploaded', { name: file.name }));
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
          label={t('governance.documents.file')}
          description={t('governance.documents.fileHint')}
          placeholder={t('governance.documents.choose')}
          value={file}
          onChange={(next) => {
            setFile(next);
            setMissing(false);
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('governance.documents.clear') }}
          error={missing ? t('validation.required') : undefined}
          w={{ base: '100%', sm: 360 }}
        />
        <Button variant="default" leftSection={<IconFileUpload size={16} aria-hidden />} loading={busy} onClick={() => void upload()}>
          {t('governance.documents.upload')}
        </Button>
      </Group>
    </Stack>
  );
}
