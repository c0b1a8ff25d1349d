import { Alert, Button, FileInput, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../../api';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { importProblems } from './campaign-values';
import { campaignPaths, type ImportEncoding, type ImportOutcome } from './campaigns';
import { useCampaignProblems } from './use-campaign-problems';

const ENCODINGS: readonly ImportEncoding[] = ['auto', 'utf-8', 'cp932'];
const HEADING_ID = 'campaign-import-heading';

/**
 * The targets' stages from a CSV file (UTF-8 or CP932, as Excel saves it): every row or none. A refused file lists
 * each problem by row and column in a table.
 */
export function StatusImport({ campaignId, onImported }: { campaignId: string; onImported: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const problemsText = useCampaignProblems();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<ImportOutcome | null>(null);

  const send = async () => {
    if (!file) return;
    setSending(true);
    setFailure(null);
    setDone(null);
    try {
      setDone(await uploadFile<ImportOutcome>(campaignPaths.import(campaignId, encoding), file, 'text/csv'));
      onImported();
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };
  const problems = importProblems(failure);

  return (
    <Paper component="section" aria-labelledby={HEADING_ID} withBorder p="md">
      <Title order={2} size="h4" id={HEADING_ID} mb="xs">
        {t('campaigns.import.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('campaigns.import.intro')}</Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <Group align="flex-end" gap="sm">
            <FileInput
              label={t('campaigns.import.file')}
              placeholder={t('campaigns.import.filePlaceholder')}
              accept=".csv,text/csv"
              clearable
              clearButtonProps={{ 'aria-label': t('campaigns.import.clearFile') }}
              leftSection={<IconUpload size={16} aria-hidden />}
              value={file}
              onChange={setFile}
              miw={260}
            />
            <NativeSelect
              label={t('campaigns.import.encoding')}
              value={encoding}
              onChange={(event) => {
                const chosen = ENCODINGS.find((e) => e === event.currentTarget.value);
                if (chosen) setEncoding(chosen);
              }}
              data={ENCODINGS.map((e) => ({ value: e, label: t(`campaigns.import.encodingName.${e}`) }))}
            />
            <Button type="submit" loading={sending} disabled={!file}>
              {t('campaigns.import.submit')}
            </Button>
          </Group>
        </form>
        {failure !== null && (
          <Alert color="red" role="alert" title={problemsText.failure(failure)}>
            {problems.length > 0 && (
              <Table.ScrollContainer minWidth={420} mah={320} type="native">
                <Table verticalSpacing={4} fz="sm">
                  <Table.Caption>{t('campaigns.import.problemsCaption', { count: problems.length })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('campaigns.import.row')}</Table.Th>
                      <Table.Th scope="col">{t('campaigns.import.column')}</Table.Th>
                      <Table.Th scope="col">{t('campaigns.import.problem')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {problems.map((p, i) => (
                      <Table.Tr key={`${p.row ?? ''}:${p.column ?? ''}:${p.code}:${i}`}>
                        <Table.Td>{p.row === null ? t('campaigns.import.wholeFile') : formatNumber(p.row, locale)}</Table.Td>
                        <Table.Td>{p.column === null ? t('common.none') : t(`campaigns.import.columnName.${p.column}`, { defaultValue: p.column })}</Table.Td>
                        <Table.Td>{problemsText.field(p.code)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Alert>
        )}
        {done && (
          <Alert color="teal" variant="light" role="status">
            {t('campaigns.import.done', { updated: formatNumber(done.updated, locale), unchanged: formatNumber(done.unchanged, locale) })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
