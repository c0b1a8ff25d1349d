import { Alert, Button, FileInput, Group, List, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { useErrorText, useFieldErrorText } from '../../errors';
import { businessApi } from './business';

/** rows.12.turnover → row 12, the turnover column. */
const rowOf = (field: string): { line: string; column: string } | null => {
  const match = /^rows\.(\d+)\.(.+)$/.exec(field);
  return match ? { line: match[1]!, column: match[2]! } : null;
};

/** A results file (UTF-8 or CP932), all rows or none; a refused file lists each problem by row and column. */
export function ResultsImport({ organizationId, onImported }: { organizationId: string; onImported: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fieldError = useFieldErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<{ created: number; replaced: number } | null>(null);

  const send = async () => {
    if (!file) return;
    setSending(true);
    setFailure(null);
    setDone(null);
    try {
      setDone(await businessApi.importResults(organizationId, file));
      onImported();
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };
  const problems = failure instanceof ApiError ? (failure.problem.errors ?? []) : [];

  return (
    <Stack gap="sm">
      <Text size="sm">{t('businesses.import.intro')}</Text>
      <Group align="flex-end">
        <FileInput
          label={t('businesses.import.file')}
          accept=".csv,text/csv"
          clearable
          clearButtonProps={{ 'aria-label': t('businesses.import.clearFile') }}
          leftSection={<IconUpload size={16} aria-hidden />}
          value={file}
          onChange={setFile}
          miw={260}
        />
        <Button onClick={() => void send()} loading={sending} disabled={!file}>
          {t('businesses.import.submit')}
        </Button>
      </Group>
      {failure !== null && (
        <Alert color="red" role="alert" title={errorText(failure)}>
          {problems.length > 0 && (
            <List size="sm">
              {problems.map((p) => {
                const at = rowOf(p.field);
                return (
                  <List.Item key={`${p.field}:${p.code}`}>
                    {at ? t('businesses.import.problem', { line: at.line, column: t(`businesses.import.column.${at.column}`, { defaultValue: at.column }), reason: fieldError(p.code) }) : fieldError(p.code)}
                  </List.Item>
                );
              })}
            </List>
          )}
        </Alert>
      )}
      {done && (
        <Alert color="teal" variant="light" role="status">
          {t('businesses.import.done', { created: done.created, replaced: done.replaced })}
        </Alert>
      )}
    </Stack>
  );
}
