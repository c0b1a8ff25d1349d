import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { apiHref, withQuery } from '../../api';
import { DocumentUpload } from '../documents/DocumentUpload';
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
      {meeting.status !== 'closed' && <DocumentUpload path={(name) => withQuery(`/meetings/${encodeURIComponent(meeting.id)}/documents`, { fileName: name })} prefix="governance.documents" onUploaded={onChanged} />}
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
