import { Button, FileInput, Group, Stack } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { documentUploadType, formatFileSize, isTooLarge, MAX_DOCUMENT_BYTES } from './document-files';

/**
 * The words of one upload form, from its feature's texts: `file`, `fileHint` (given `max`), `choose`, `clear`,
 * `upload`, `uploaded` (given `name`) and `tooLarge` (given `max`) under `prefix`.
 */
interface DocumentUploadProps {
  /** Where the file goes, given its name (the server takes the name in the query). */
  path: (fileName: string) => string;
  /** The feature's texts, e.g. 'governance.documents'. */
  prefix: string;
  onUploaded: () => void;
}

/**
 * Choose a file and send it: a PDF as PDF, anything else as bytes, refused here already when over the server's
 * limit. Meetings' documents and campaign targets' documents are kept the same way on the server, and uploaded the
 * same way here.
 */
export function DocumentUpload({ path, prefix, onUploaded }: DocumentUploadProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const max = formatFileSize(MAX_DOCUMENT_BYTES, locale);
  const upload = async () => {
    if (!file) {
      setFileError(t('validation.required'));
      return;
    }
    if (isTooLarge(file)) {
      setFileError(t(`${prefix}.tooLarge`, { max }));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await uploadFile(path(file.name), file, documentUploadType(file));
      notifySuccess(t(`${prefix}.uploaded`, { name: file.name }));
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
          label={t(`${prefix}.file`)}
          description={t(`${prefix}.fileHint`, { max })}
          placeholder={t(`${prefix}.choose`)}
          value={file}
          onChange={(next) => {
            setFile(next);
            setFileError(null);
          }}
          clearable
          clearButtonProps={{ 'aria-label': t(`${prefix}.clear`) }}
          error={fileError ?? undefined}
          w={{ base: '100%', sm: 360 }}
        />
        <Button variant="default" leftSection={<IconFileUpload size={16} aria-hidden />} loading={busy} onClick={() => void upload()}>
          {t(`${prefix}.upload`)}
        </Button>
      </Group>
    </Stack>
  );
}
