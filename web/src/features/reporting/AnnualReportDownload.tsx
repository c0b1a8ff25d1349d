import { Button, Group, NativeSelect, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { LOCALES, useLocale, type Locale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { saveFile } from '../imports/csv-import';
import { pdfBlob, reportFilename } from './annual-report';
import { fiscalYearLabel } from './report-format';
import { reportingApi } from './reporting';

const HEADING_ID = 'annual-report-heading';

/** How far the report is: not asked, being written (the share the server reported, null before its first report). */
type Writing = { step: 'idle' } | { step: 'writing'; share: number | null };

/** The federation's annual report for a year as a PDF, in Japanese or English, downloaded when the server has written it. */
export function AnnualReportDownload({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // The page's language until another is chosen.
  const [chosen, setLanguage] = useState<Locale | null>(null);
  const language = chosen ?? locale;
  const [writing, setWriting] = useState<Writing>({ step: 'idle' });
  const [failure, setFailure] = useState<unknown>(null);
  // Only the latest request counts (the year may change while one is written).
  const latest = useRef(0);
  const year = fiscalYearLabel(fiscalYear, locale);

  async function write() {
    const id = ++latest.current;
    setFailure(null);
    setWriting({ step: 'writing', share: null });
    try {
      const file = await reportingApi.annualReport(fiscalYear, language, (share) => {
        if (id === latest.current) setWriting({ step: 'writing', share });
      });
      if (id !== latest.current) return;
      const name = reportFilename(file.filename, fiscalYear, language);
      saveFile(pdfBlob(file.pdf), name);
      notifySuccess(t('reports.annual.done', { name }));
    } catch (error) {
      if (id === latest.current) setFailure(error);
    }
    if (id === latest.current) setWriting({ step: 'idle' });
  }

  const busy = writing.step === 'writing';
  const percent = busy && writing.share !== null ? Math.round(writing.share * 100) : null;
  const status = percent === null ? t('reports.annual.starting') : t('reports.annual.writing', { percent });

  return (
    <Paper component="section" aria-labelledby={HEADING_ID} withBorder p="md">
      <Title order={2} size="h4" id={HEADING_ID} mb="xs">
        {t('reports.annual.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('reports.annual.intro', { year })}</Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('reports.annual.language')}
            w={{ base: '100%', xs: 200 }}
            value={language}
            disabled={busy}
            onChange={(event) => setLanguage(event.currentTarget.value === 'en' ? 'en' : 'ja')}
            data={LOCALES.map((option) => ({ value: option, label: t(`language.${option}`) }))}
          />
          <Button leftSection={<IconDownload size={16} aria-hidden />} loading={busy} onClick={() => void write()}>
            {t('reports.annual.download')}
          </Button>
        </Group>
        {busy && (
          <Stack gap={4}>
            <Progress value={percent ?? 100} striped={percent === null} animated={percent === null} aria-label={status} size="lg" />
            <Text size="sm" role="status">
              {status}
            </Text>
          </Stack>
        )}
        <FormAlert failure={failure} />
      </Stack>
    </Paper>
  );
}
