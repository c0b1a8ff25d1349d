import { Button, Group, List, NativeSelect, Radio, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
import { BackToMembers } from '../features/members/BackToMembers';
import {
  cellText,
  IMPORT_FIELDS,
  importReport,
  previewImport,
  runImport,
  type ColumnMapping,
  type ImportFile,
  type ImportMode,
  type ImportPreview,
  type ImportResult,
} from '../features/members/member-import';
import { useMemberKinds } from '../features/members/use-member-kinds';
import type { Organization } from '../features/organizations/organization';
import { canKeepRegistry } from '../features/session/permissions';
import { formatNumber } from '../format';
import { useLocale } from '../i18n';

/** Importing members from a CSV file: choose it, check the preview and the mapping, then import. */
export function MemberImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <BackToMembers />
      <PageHeader title={t('memberImport.title')} subtitle={t('memberImport.intro')} />
      <ImportOrganizations allowed={canKeepRegistry}>{(organizations, admin) => <ImportFlow organizations={organizations} admin={admin} />}</ImportOrganizations>
    </>
  );
}

type Report = 'errors' | 'rejected';
type SampleRow = ImportPreview['sample'][number];

const reportName = (report: Report) => (report === 'errors' ? 'import-errors.csv' : 'rejected-rows.csv');

function ImportFlow({ organizations, admin }: { organizations: Organization[]; admin: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [choice, setChoice] = useImportChoice(organizations);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const flow = useImportFlow<ImportPreview, { result: ImportResult; input: ImportFile; mode: ImportMode }>();
  const { downloading, download } = useReportDownload();
  const { preview, result, busy } = flow;
  // The preview names the kinds in the file, the organization's own among them.
  const memberKinds = useMemberKinds(preview && choice.organizationId ? [choice.organizationId] : []);

  const { file, organizationId, encoding } = choice;
  const current: ImportFile | null = file && organizationId ? { organizationId, file, encoding, mapping } : null;
  const check = (input: ImportFile) => flow.check((options) => previewImport(input, options), (answer) => setMapping(answer.mapping));
  const save = (input: ImportFile, report: Report) => download(() => importReport(input, report, locale), reportName(report));

  return (
    <Stack gap="lg">
      <ImportSection headingId="import-file-heading" title={t('memberImport.fileStep')}>
        <ImportFileForm
          organizations={organizations}
          admin={admin}
          choice={choice}
          onChoice={(next) => {
            setChoice(next);
            setMapping(null);
            flow.reset();
          }}
          busy={busy}
          previewing={flow.busyWith('preview')}
          fileLabel={t('memberImport.file')}
          fileHint={t('memberImport.fileHint')}
          submitLabel={t('memberImport.previewSubmit')}
          onPreview={() => {
            if (current) check({ ...current, mapping: null });
          }}
        />
      </ImportSection>

      <ImportProgress phase={flow.phase} importing={t('memberImport.importing')} />

      {flow.failure !== null && <FailureAlert error={flow.failure} />}

      {preview && current && (
        <PreviewSection
          preview={preview}
          mapping={mapping ?? preview.mapping}
          kindName={(code) => memberKinds.name(current.organizationId, code)}
          busy={busy}
          downloading={downloading}
          onMapping={(next) => {
            setMapping(next);
            check({ ...current, mapping: next });
          }}
          onDownload={(report) => save(current, report)}
        />
      )}

      {preview && current && (
        <ImportSection headingId="import-run-heading" title={t('memberImport.importStep')}>
          <Stack gap="sm">
            <Radio.Group label={t('memberImport.mode')} value={mode} onChange={(value) => setMode(value === 'good-rows' ? 'good-rows' : 'all-or-nothing')}>
              <Stack gap="xs" mt="xs">
                <Radio value="all-or-nothing" label={t('memberImport.modeAllOrNothing')} />
                <Radio value="good-rows" label={t('memberImport.modeGoodRows')} />
              </Stack>
            </Radio.Group>
            {mode === 'all-or-nothing' && preview.errors.length > 0 && (
              <Text size="sm" c="red.8">
                {t('memberImport.allOrNothingBlocked')}
              </Text>
            )}
            <Group>
              <Button
                leftSection={<IconFileImport size={16} aria-hidden />}
                disabled={busy || preview.validRows === 0 || (mode === 'all-or-nothing' && preview.errors.length > 0)}
                loading={flow.busyWith('import')}
                onClick={() => flow.run((options) => runImport(current, mode, options).then((answer) => ({ result: answer, input: current, mode })))}
              >
                {t('memberImport.importSubmit')}
              </Button>
            </Group>
          </Stack>
        </ImportSection>
      )}

      {result && (
        <ResultSection
          result={result.result}
          showRejected={result.mode === 'good-rows' && result.result.rejected > 0}
          downloading={downloading}
          onDownload={() => save(result.input, 'rejected')}
        />
      )}
    </Stack>
  );
}

/** A mapping the server refused lists the fields missing, or mapped twice. */
function FailureAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const fields = refusalProblems(error, 'incomplete_mapping');
  return (
    <ImportFailure error={error}>
      {fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map((problem) => (
            <List.Item key={`${problem.field}:${problem.code}`}>
              {t(problem.code === 'mapped_twice' ? 'memberImport.mappedTwice' : 'memberImport.missingField', {
                field: t(`memberImport.field.${problem.field}`, { defaultValue: problem.field }),
              })}
            </List.Item>
          ))}
        </List>
      )}
    </ImportFailure>
  );
}

interface PreviewSectionProps {
  preview: ImportPreview;
  mapping: ColumnMapping;
  /** A kind in the sample by its name in the organization, the organization's own kinds among them. */
  kindName: (code: string) => string;
  busy: boolean;
  downloading: boolean;
  onMapping: (mapping: ColumnMapping) => void;
  onDownload: (report: Report) => void;
}

function PreviewSection({ preview, mapping, kindName, busy, downloading, onMapping, onDownload }: PreviewSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  const fieldName = (field: string) => t(`memberImport.field.${field}`, { defaultValue: field });
  const mappedFields = preview.headers.map((_, index) => mapping[String(index)]).filter((f): f is string => typeof f === 'string');

  return (
    <ImportSection headingId="import-preview-heading" title={t('memberImport.previewStep')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
          <Figure label={t('memberImport.detectedEncoding')} value={t(`memberImport.encodingName.${preview.encoding}`)} />
          <Figure label={t('memberImport.rowCount')} value={number(preview.rowCount)} />
          <Figure label={t('memberImport.validRows')} value={number(preview.validRows)} />
          <Figure label={t('memberImport.invalidRows')} value={number(preview.rowCount - preview.validRows)} />
          <Figure label={t('memberImport.alreadyRegistered')} value={number(preview.alreadyRegistered)} />
        </SimpleGrid>

        <div>
          <Title order={3} size="h5" mb="xs">
            {t('memberImport.mapping')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('memberImport.mappingHint')}
          </Text>
          <Table.ScrollContainer minWidth={420}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('memberImport.column')}</Table.Th>
                  <Table.Th scope="col">{t('memberImport.target')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.headers.map((header, index) => {
                  const key = String(index);
                  return (
                    <Table.Tr key={key}>
                      <Table.Th scope="row" fw="normal">
                        {header || t('memberImport.unnamedColumn', { number: index + 1 })}
                      </Table.Th>
                      <Table.Td>
                        <NativeSelect
                          size="xs"
                          aria-label={t('memberImport.targetOf', { column: header || String(index + 1) })}
                          value={mapping[key] ?? ''}
                          disabled={busy}
                          onChange={(event) => onMapping({ ...mapping, [key]: event.currentTarget.value || null })}
                          data={[{ value: '', label: t('memberImport.ignore') }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: fieldName(f) }))]}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>

        <ImportSample
          rows={preview.sample}
          minWidth={Math.max(420, mappedFields.length * 110)}
          columns={mappedFields.map((field): SampleColumn<SampleRow> => ({
            key: field,
            header: fieldName(field),
            cell: ({ row }) => (field === 'kind' && typeof row[field] === 'string' ? kindName(row[field]) : cellText(row[field])),
          }))}
        />

        <ImportProblems
          problems={preview.errors}
          reason={(problem) => t(`memberImport.code.${problem.code}`, { defaultValue: t('validation.invalid') })}
          downloads={
            <>
              <ReportButton downloading={downloading} onClick={() => onDownload('errors')}>
                {t('memberImport.downloadErrors')}
              </ReportButton>
              <ReportButton downloading={downloading} onClick={() => onDownload('rejected')}>
                {t('memberImport.downloadRejected')}
              </ReportButton>
            </>
          }
        />
      </Stack>
    </ImportSection>
  );
}

interface ResultSectionProps {
  result: ImportResult;
  showRejected: boolean;
  downloading: boolean;
  onDownload: () => void;
}

function ResultSection({ result, showRejected, downloading, onDownload }: ResultSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  return (
    <ImportSection headingId="import-result-heading" title={t('memberImport.done')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" role="status">
          <Figure label={t('memberImport.created')} value={number(result.created)} />
          <Figure label={t('memberImport.updated')} value={number(result.updated)} />
          <Figure label={t('memberImport.unchanged')} value={number(result.unchanged)} />
          <Figure label={t('memberImport.rejected')} value={number(result.rejected)} />
        </SimpleGrid>
        <Group gap="xs">
          {showRejected && (
            <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={downloading} onClick={onDownload}>
              {t('memberImport.downloadRejected')}
            </Button>
          )}
          <Button component={Link} to="/members" variant="light">
            {t('members.back')}
          </Button>
        </Group>
      </Stack>
    </ImportSection>
  );
}
