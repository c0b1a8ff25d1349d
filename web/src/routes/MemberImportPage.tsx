import { Alert, Button, FileInput, Group, List, NativeSelect, Paper, Progress, Radio, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileImport, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, type Items } from '../api';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { BackToMembers } from '../features/members/BackToMembers';
import {
  cellText,
  IMPORT_ENCODINGS,
  IMPORT_FIELDS,
  importReport,
  previewImport,
  runImport,
  saveFile,
  type ColumnMapping,
  type ImportEncoding,
  type ImportFile,
  type ImportMode,
  type ImportPreview,
  type ImportProblem,
  type ImportResult,
} from '../features/members/member-import';
import { useMemberKinds } from '../features/members/use-member-kinds';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { useLabels } from '../features/reference/use-labels';
import { canKeepRegistry, isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useErrorText } from '../errors';
import { formatNumber } from '../format';
import { useLocale } from '../i18n';
import { notifyError } from '../notify';
import { useResource } from '../use-resource';

/** How many problems the page lists; the error report holds them all. */
const PROBLEMS_SHOWN = 200;

/** Importing members from a CSV file: choose it, check the preview and the mapping, then import. */
export function MemberImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const organizations = useResource<Items<Organization>>(canKeepRegistry(me) ? organizationPaths.list : null);
  return (
    <>
      <BackToMembers />
      <PageHeader title={t('memberImport.title')} subtitle={t('memberImport.intro')} />
      {canKeepRegistry(me) ? (
        <Loaded resource={organizations}>
          {({ items }) => (
            <ImportFlow
              organizations={isFederationAdmin(me) ? items.filter((o) => o.kind === 'organization') : items.filter((o) => o.id === me.organizationId)}
              admin={isFederationAdmin(me)}
            />
          )}
        </Loaded>
      ) : (
        <Alert color="gray">{t('errors.forbidden')}</Alert>
      )}
    </>
  );
}

type Phase =
  | { step: 'idle' }
  | { step: 'uploading'; share: number; what: 'preview' | 'import' }
  | { step: 'processing'; what: 'preview' | 'import' }
  | { step: 'writing'; share: number; what: 'import' };

function ImportFlow({ organizations, admin }: { organizations: Organization[]; admin: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const requested = organizations.find((o) => o.id === params.get('organization'));
  const [organizationId, setOrganizationId] = useState(requested?.id ?? organizations[0]?.id ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [result, setResult] = useState<{ result: ImportResult; input: ImportFile; mode: ImportMode } | null>(null);
  const [downloading, setDownloading] = useState(false);
  // Only the answer to the latest request counts (the mapping may change again before the last preview is back).
  const latest = useRef(0);
  // The preview names the kinds in the file, the organization's own among them.
  const memberKinds = useMemberKinds(preview && organizationId ? [organizationId] : []);

  const busy = phase.step !== 'idle';
  const busyWith = (what: 'preview' | 'import') => phase.step !== 'idle' && phase.what === what;
  const number = (value: number) => formatNumber(value, locale);

  const track = (what: 'preview' | 'import') => ({
    onProgress: (share: number) => setPhase({ step: 'uploading', share, what }),
    onSent: () => setPhase({ step: 'processing', what }),
  });

  const reset = () => {
    latest.current += 1;
    setPreview(null);
    setMapping(null);
    setFailure(null);
    setResult(null);
    setPhase({ step: 'idle' });
  };

  async function runPreview(input: ImportFile) {
    const id = ++latest.current;
    setFailure(null);
    setResult(null);
    setPhase({ step: 'uploading', share: 0, what: 'preview' });
    try {
      const answer = await previewImport(input, track('preview'));
      if (id !== latest.current) return;
      setPreview(answer);
      setMapping(answer.mapping);
    } catch (error) {
      if (id !== latest.current) return;
      setFailure(error);
    }
    setPhase({ step: 'idle' });
  }

  async function runImportNow(input: ImportFile) {
    const id = ++latest.current;
    setFailure(null);
    setPhase({ step: 'uploading', share: 0, what: 'import' });
    try {
      const answer = await runImport(input, mode, {
        ...track('import'),
        onServerProgress: (share: number) => setPhase({ step: 'writing', share, what: 'import' }),
      });
      if (id !== latest.current) return;
      setResult({ result: answer, input, mode });
      setPreview(null);
    } catch (error) {
      if (id !== latest.current) return;
      setFailure(error);
    }
    setPhase({ step: 'idle' });
  }

  async function download(input: ImportFile, report: 'errors' | 'rejected') {
    setDownloading(true);
    try {
      saveFile(await importReport(input, report, locale), report === 'errors' ? 'import-errors.csv' : 'rejected-rows.csv');
    } catch (error) {
      notifyError(errorText(error));
    }
    setDownloading(false);
  }

  const current: ImportFile | null = file && organizationId ? { organizationId, file, encoding, mapping } : null;

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="import-file-heading">
        <Title order={2} size="h4" id="import-file-heading" mb="sm">
          {t('memberImport.fileStep')}
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (current) void runPreview({ ...current, mapping: null });
          }}
        >
          <Stack gap="sm" maw={520}>
            {admin && (
              <NativeSelect
                label={t('member.organization')}
                value={organizationId}
                disabled={busy}
                onChange={(event) => {
                  setOrganizationId(event.currentTarget.value);
                  reset();
                }}
                data={organizations.map((o) => ({ value: o.id, label: labels.organizationName(o) }))}
              />
            )}
            <FileInput
              label={t('memberImport.file')}
              description={t('memberImport.fileHint')}
              placeholder={t('memberImport.filePlaceholder')}
              accept=".csv,text/csv"
              clearable
              clearButtonProps={{ 'aria-label': t('memberImport.clearFile') }}
              value={file}
              disabled={busy}
              leftSection={<IconUpload size={16} aria-hidden />}
              onChange={(chosen) => {
                setFile(chosen);
                reset();
              }}
            />
            <NativeSelect
              label={t('memberImport.encoding')}
              value={encoding}
              disabled={busy}
              onChange={(event) => {
                const found = IMPORT_ENCODINGS.find((e) => e === event.currentTarget.value);
                if (found) {
                  setEncoding(found);
                  reset();
                }
              }}
              data={IMPORT_ENCODINGS.map((e) => ({ value: e, label: t(`memberImport.encodingName.${e}`) }))}
            />
            <Group>
              <Button type="submit" disabled={!current || busy} loading={busyWith('preview')}>
                {t('memberImport.previewSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <PhaseProgress phase={phase} />

      {failure !== null && <FailureAlert error={failure} />}

      {preview && current && (
        <PreviewSection
          preview={preview}
          mapping={mapping ?? preview.mapping}
          kindName={(code) => memberKinds.name(current.organizationId, code)}
          busy={busy}
          downloading={downloading}
          onMapping={(next) => {
            setMapping(next);
            void runPreview({ ...current, mapping: next });
          }}
          onDownload={(report) => void download(current, report)}
        />
      )}

      {preview && current && (
        <Paper withBorder p="md" component="section" aria-labelledby="import-run-heading">
          <Title order={2} size="h4" id="import-run-heading" mb="sm">
            {t('memberImport.importStep')}
          </Title>
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
                loading={busyWith('import')}
                onClick={() => void runImportNow(current)}
              >
                {t('memberImport.importSubmit')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {result && (
        <ResultSection
          result={result.result}
          showRejected={result.mode === 'good-rows' && result.result.rejected > 0}
          downloading={downloading}
          onDownload={() => void download(result.input, 'rejected')}
          number={number}
        />
      )}
    </Stack>
  );
}

function PhaseProgress({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  if (phase.step === 'idle') return null;
  // Sending the file and writing the rows have a measure; reading and checking it on the server has none.
  const measured = phase.step === 'uploading' || phase.step === 'writing';
  const percent = measured ? Math.round(phase.share * 100) : 100;
  const text =
    phase.step === 'uploading'
      ? t('memberImport.uploading', { percent })
      : phase.step === 'writing'
        ? t('memberImport.writing', { percent })
        : t(phase.what === 'import' ? 'memberImport.importing' : 'memberImport.reading');
  return (
    <Stack gap={4}>
      <Progress value={percent} striped={!measured} animated={!measured} aria-label={text} size="lg" />
      <Text size="sm" role="status">
        {text}
      </Text>
    </Stack>
  );
}

function FailureAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fields = error instanceof ApiError && error.code === 'incomplete_mapping' ? (error.problem.errors ?? []) : [];
  return (
    <Alert color="red" role="alert" title={t('memberImport.failed')}>
      <Text size="sm">{errorText(error)}</Text>
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
    </Alert>
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
  onDownload: (report: 'errors' | 'rejected') => void;
}

function PreviewSection({ preview, mapping, kindName, busy, downloading, onMapping, onDownload }: PreviewSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  const fieldName = (field: string) => t(`memberImport.field.${field}`, { defaultValue: field });
  const mappedFields = preview.headers.map((_, index) => mapping[String(index)]).filter((f): f is string => typeof f === 'string');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-preview-heading">
      <Title order={2} size="h4" id="import-preview-heading" mb="sm">
        {t('memberImport.previewStep')}
      </Title>
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

        {preview.sample.length > 0 && (
          <div>
            <Title order={3} size="h5" mb="xs">
              {t('memberImport.sample')}
            </Title>
            <Table.ScrollContainer minWidth={Math.max(420, mappedFields.length * 110)}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('memberImport.line')}</Table.Th>
                    {mappedFields.map((field) => (
                      <Table.Th scope="col" key={field}>
                        {fieldName(field)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.sample.map(({ line, row }) => (
                    <Table.Tr key={line}>
                      <Table.Td>{number(line)}</Table.Td>
                      {mappedFields.map((field) => (
                        <Table.Td key={field}>
                          {field === 'kind' && typeof row[field] === 'string' ? kindName(row[field]) : cellText(row[field])}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </div>
        )}

        <ProblemsTable problems={preview.errors} downloading={downloading} onDownload={onDownload} />
      </Stack>
    </Paper>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

function ProblemsTable({ problems, downloading, onDownload }: { problems: ImportProblem[]; downloading: boolean; onDownload: (report: 'errors' | 'rejected') => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  if (problems.length === 0) {
    return (
      <Alert color="teal" variant="light">
        {t('memberImport.noProblems')}
      </Alert>
    );
  }
  return (
    <div>
      <Title order={3} size="h5" mb="xs">
        {t('memberImport.problems', { count: problems.length })}
      </Title>
      <Group gap="xs" mb="xs">
        <Button variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />} loading={downloading} onClick={() => onDownload('errors')}>
          {t('memberImport.downloadErrors')}
        </Button>
        <Button variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />} loading={downloading} onClick={() => onDownload('rejected')}>
          {t('memberImport.downloadRejected')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={520}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('memberImport.line')}</Table.Th>
              <Table.Th scope="col">{t('memberImport.column')}</Table.Th>
              <Table.Th scope="col">{t('memberImport.reason')}</Table.Th>
              <Table.Th scope="col">{t('memberImport.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
              <Table.Tr key={`${problem.line}:${problem.column}:${index}`}>
                <Table.Td>{number(problem.line)}</Table.Td>
                <Table.Td>{problem.column}</Table.Td>
                <Table.Td>{t(`memberImport.code.${problem.code}`, { defaultValue: t('validation.invalid') })}</Table.Td>
                <Table.Td>{problem.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {problems.length > PROBLEMS_SHOWN && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('memberImport.moreProblems', { shown: number(PROBLEMS_SHOWN), total: number(problems.length) })}
        </Text>
      )}
    </div>
  );
}

interface ResultSectionProps {
  result: ImportResult;
  showRejected: boolean;
  downloading: boolean;
  onDownload: () => void;
  number: (value: number) => string;
}

function ResultSection({ result, showRejected, downloading, onDownload, number }: ResultSectionProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-result-heading">
      <Title order={2} size="h4" id="import-result-heading" mb="sm">
        {t('memberImport.done')}
      </Title>
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
    </Paper>
  );
}
