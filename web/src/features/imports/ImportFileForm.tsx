import { Button, FileInput, Group, NativeSelect, Stack } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../organizations/organization';
import { useLabels } from '../reference/use-labels';
import { IMPORT_ENCODINGS } from './csv-import';
import type { ImportChoice } from './use-import-choice';

interface ImportFileFormProps {
  /** The organizations offered; the choice is shown only to the federation's administrator (`admin`). */
  organizations: Organization[];
  admin: boolean;
  choice: ImportChoice;
  /** A new choice: what was previewed no longer holds. */
  onChoice: (choice: ImportChoice) => void;
  busy: boolean;
  previewing: boolean;
  fileLabel: string;
  fileHint: string;
  submitLabel: string;
  onPreview: () => void;
  /** Further choices about the file, before the button. */
  children?: ReactNode;
}

/** The first step of an import: the organization, the file and its encoding, then the preview. */
export function ImportFileForm({ organizations, admin, choice, onChoice, busy, previewing, fileLabel, fileHint, submitLabel, onPreview, children }: ImportFileFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (choice.file && choice.organizationId) onPreview();
      }}
    >
      <Stack gap="sm" maw={520}>
        {admin && (
          <NativeSelect
            label={t('member.organization')}
            value={choice.organizationId}
            disabled={busy}
            onChange={(event) => onChoice({ ...choice, organizationId: event.currentTarget.value })}
            data={organizations.map((o) => ({ value: o.id, label: labels.organizationName(o) }))}
          />
        )}
        <FileInput
          label={fileLabel}
          description={fileHint}
          placeholder={t('memberImport.filePlaceholder')}
          accept=".csv,text/csv"
          clearable
          clearButtonProps={{ 'aria-label': t('memberImport.clearFile') }}
          value={choice.file}
          disabled={busy}
          leftSection={<IconUpload size={16} aria-hidden />}
          onChange={(file) => onChoice({ ...choice, file })}
        />
        <NativeSelect
          label={t('memberImport.encoding')}
          value={choice.encoding}
          disabled={busy}
          onChange={(event) => {
            const encoding = IMPORT_ENCODINGS.find((e) => e === event.currentTarget.value);
            if (encoding) onChoice({ ...choice, encoding });
          }}
          data={IMPORT_ENCODINGS.map((e) => ({ value: e, label: t(`memberImport.encodingName.${e}`) }))}
        />
        {children}
        <Group>
          <Button type="submit" disabled={!choice.file || !choice.organizationId || busy} loading={previewing}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
