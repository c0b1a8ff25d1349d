import { Button, Group, List, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withQuery } from '../api';
import { BackLink } from '../components/BackLink';
import { Figure } from '../components/Figure';
import { PageHeader } from '../components/PageHeader';
import { refusalProblems } from '../features/imports/csv-import';
import { ImportFailure } from '../features/imports/ImportFailure';
import { ImportFileForm } from '../features/imports/ImportFileForm';
import { ImportOrganizations } from '../features/imports/ImportOrganizations';
import { ImportProblems } from '../features/imports/ImportProblems';
import { ImportProgress } from '../features/imports/ImportProgress';
import { ImportSample, type SampleColumn } from '../features/imports/ImportSample';
import { ImportSection } from '../features/imports/ImportSection';
import { ReportButton } from '../features/imports/ReportButton';
import { useImportChoice } from '../features/imports/use-import-choice';
import { useImportFlow } from '../features/imports/use-import-flow';
import { useReportDownload } from '../features/imports/use-report-download';
import type { Organization } from '../features/organizations/organization';
import { useLabels } from '../features/reference/use-labels';
import { canRecordWork } from '../features/session/permissions';
import { useWorkFormat } from '../features/work/use-work-format';
import { hoursText } from '../features/work/work-values';
import {
  previewWorkImport,
  runWorkImport,
  WORK_CSV_FIELDS,
  workImportReport,
  type ExistingWork,
  type WorkImportFile,
  type WorkImportPreview,
  type WorkImportResult,
} from '../features/work/work-import';
import { formatDate } from '../format';
import { useLocale, type Locale } from '../i18n';

/** Importing a time clock's CSV: choose it, check the preview (nothing written), then import all rows or none. */
export function WorkImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <BackLink to="/work" mb="xs">{t('work.import.back')}</BackLink>
      <PageHeader title={t('work.import.title')} subtitle={t('work.import.intro')} />
      <ImportOrganizations allowed={canRecordWork}>{(organizations, admin) => <ImportFlow organizations={organizations} admin={admin} />}</ImportOrganizations>
    </>
  );
}

type SampleRow = WorkImportPreview['sample'][number];

/** The days the file's records span, or null when it has none. */
const periodText = ({ from, until }: { from: string | null; until: string | null }, locale: Locale) =>
  from && until ? `${formatDate(from, locale)} – ${formatDate(until, locale)}` : null;

function ImportFlow({ organizations, admin }: { organizations: Organization[]; admin: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [choice, setChoice] = useImportChoice(organizations);
  const [existing, setExisting] = useState<ExistingWork>('refuse');
  const flow = useImportFlow<WorkImportPreview, WorkImportResult>();
  const { downloading, download } = useReportDownload();
  const { preview, result, busy } = flow;
  const { file, organizationId, encoding } = choice;
  const current: WorkImportFile | null = file && organizationId ? { organizationId, file, encoding, existing } : null;

  return (
    <Stack gap="lg">
      <ImportSection headingId="work-import-file-heading" title={t('work.import.fileStep')}>
        <Text size="sm" mb="sm">
          {t('work.import.columns')}
        </Text>
        <ImportFileForm
          organizations={organizations}
          admin={admin}
          choice={choice}
          onChoice={(next) => {
            setChoice(next);
            flow.reset();
          }}
          busy={busy}
          previewing={flow.busyWith('preview')}
          fileLabel={t('work.import.file')}
          fileHint={t('work.import.fileHint')}
          submitLabel={t('work.import.previewSubmit')}
          onPreview={() => {
            if (current) flow.check((options) => previewWorkImport(current, options));
          }}
        >
          <Radio.Group
            label={t('work.import.existing')}
            value={existing}
            onChange={(value) => {
              setExisting(value === 'replace' ? 'replace' : 'refuse');
              flow.reset();
            }}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="refuse" label={t('work.import.existingRefuse')} disabled={busy} />
              <Radio value="replace" label={t('work.import.existingReplace')} disabled={busy} />
            </Stack>
          </Radio.Group>
        </ImportFileForm>
      </ImportSection>

      <ImportProgress phase={flow.phase} importing={t('work.import.importing')} />

      {flow.failure !== null && <FailureAlert error={flow.failure} />}

      {preview && current && (
        <PreviewSection preview={preview} downloading={downloading} onDownload={() => download(() => workImportReport(current, locale), 'work-import-errors.csv')}>
          <Group>
            <Button
              leftSection={<IconFileImport size={16} aria-hidden />}
              disabled={busy || preview.validRows === 0 || preview.errors.length > 0}
              loading={flow.busyWith('import')}
              onClick={() => flow.run((options) => runWorkImport(current, options))}
            >
              {t('work.import.importSubmit', { count: preview.validRows })}
            </Button>
          </Group>
        </PreviewSection>
      )}

      {result && <ResultSection result={result} organizationId={organizationId} />}
    </Stack>
  );
}

/** The columns a file lacks, or the rows that changed between the preview and the import. */
function FailureAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const missing = refusalProblems(error, 'incomplete_mapping');
  const rows = refusalProblems(error, 'import_rejected');
  return (
    <ImportFailure error={error}>
      {missing.length > 0 && (
        <List size="sm" mt="xs">
          {missing.map((problem) => (
            <List.Item key={problem.field}>{t(`work.import.missing.${problem.field}`, { defaultValue: problem.field })}</List.Item>
          ))}
        </List>
      )}
      {rows.length > 0 && <Text size="sm" mt="xs">{t('work.import.changedSincePreview', { count: rows.length })}</Text>}
    </ImportFailure>
  );
}

interface PreviewSectionProps {
  preview: WorkImportPreview;
  downloading: boolean;
  onDownload: () => void;
  children: ReactNode;
}

function PreviewSection({ preview, downloading, onDownload, children }: PreviewSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const format = useWorkFormat();
  const found = WORK_CSV_FIELDS.filter((field) => preview.columns[field]);
  const { totals } = preview;
  const columns: SampleColumn<SampleRow>[] = [
    { key: 'memberNumber', header: t('work.import.field.memberNumber'), cell: (row) => row.memberNumber || t('work.nonMember') },
    { key: 'date', header: t('work.field.date'), cell: (row) => formatDate(row.date, locale) },
    { key: 'hours', header: t('work.field.hours'), cell: (row) => hoursText(row.minutes) },
    { key: 'site', header: t('work.field.site'), cell: (row) => row.site || t('common.none') },
    { key: 'businessLine', header: t('work.field.businessLine'), cell: (row) => (row.businessLine ? labels.code('businessLine', row.businessLine) : t('common.none')) },
    { key: 'role', header: t('work.field.role'), cell: (row) => row.role || t('common.none') },
  ];
  return (
    <ImportSection headingId="work-import-preview-heading" title={t('work.import.previewStep')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure label={t('memberImport.detectedEncoding')} value={t(`memberImport.encodingName.${preview.encoding}`)} />
          <Figure label={t('memberImport.rowCount')} value={format.number(preview.rowCount)} />
          <Figure label={t('memberImport.validRows')} value={format.number(preview.validRows)} />
          <Figure label={t('work.import.replacing')} value={format.number(preview.replacing)} />
          <Figure label={t('work.totals.hours')} value={format.duration(totals.minutes)} />
          <Figure label={t('work.totals.people')} value={format.number(totals.people)} />
          <Figure label={t('work.totals.days')} value={format.number(totals.days)} />
          <Figure label={t('work.import.period')} value={periodText(totals, locale) ?? t('common.none')} />
        </SimpleGrid>
        <Text size="sm">
          {t('work.import.columnsFound', { columns: found.map((field) => `${t(`work.import.field.${field}`)}: ${preview.columns[field] ?? ''}`).join(t('common.listSeparator')) })}
        </Text>
        <ImportSample rows={preview.sample} columns={columns} minWidth={640} />
        <ImportProblems
          problems={preview.errors}
          reason={(problem) => t(`work.import.code.${problem.code}`, { line: problem.firstLine, minutes: problem.value, defaultValue: t('validation.invalid') })}
          downloads={
            <ReportButton downloading={downloading} onClick={onDownload}>
              {t('memberImport.downloadErrors')}
            </ReportButton>
          }
        />
        {preview.errors.length > 0 && (
          <Text size="sm" c="red.8">
            {t('work.import.blocked')}
          </Text>
        )}
        {children}
      </Stack>
    </ImportSection>
  );
}

function ResultSection({ result, organizationId }: { result: WorkImportResult; organizationId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useWorkFormat();
  return (
    <ImportSection headingId="work-import-result-heading" title={t('memberImport.done')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" role="status">
          <Figure label={t('memberImport.created')} value={format.number(result.created)} />
          <Figure label={t('work.import.replaced')} value={format.number(result.replaced)} />
          <Figure label={t('work.totals.hours')} value={format.duration(result.minutes)} />
          <Figure label={t('work.totals.people')} value={format.number(result.people)} />
          <Figure label={t('work.import.period')} value={periodText(result, locale) ?? t('common.none')} />
        </SimpleGrid>
        <Text size="sm">{t('work.import.toApprove')}</Text>
        <Group>
          <Button component={Link} to={withQuery('/work', { organization: organizationId, month: result.from?.slice(0, 7) })} variant="light">
            {t('work.import.show')}
          </Button>
        </Group>
      </Stack>
    </ImportSection>
  );
}
