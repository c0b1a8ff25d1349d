import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { phaseProgress, type ImportPhase } from './csv-import';

/** The progress of a request: the file going out, the server reading it, the rows being written as it reports them. */
export function ImportProgress({ phase, importing }: { phase: ImportPhase; importing: string }) {
  const { t } = useTranslation();
  if (phase.step === 'idle') return null;
  const { measured, percent } = phaseProgress(phase);
  const text =
    phase.step === 'uploading'
      ? t('memberImport.uploading', { percent })
      : phase.step === 'writing'
        ? t('memberImport.writing', { percent })
        : phase.what === 'import'
          ? importing
          : t('memberImport.reading');
  return (
    <Stack gap={4}>
      <Progress value={percent} striped={!measured} animated={!measured} aria-label={text} size="lg" />
      <Text size="sm" role="status">
        {text}
      </Text>
    </Stack>
  );
}
