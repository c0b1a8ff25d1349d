import { Alert, Anchor, Button, FileInput, Group, List, NativeSelect, Paper, Progress, Radio, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconFileImport, IconUpload } from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, withQuery, type Items } from '../api';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { useErrorText } from '../errors';
import { saveFile } from '../features/members/member-import';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { useLabels } from '../features/reference/use-labels';
import { canRecordWork, isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useWorkFormat } from '../features/work/use-work-format';
import { hoursText } from '../features/work/work-values';
import {
  previewWorkImport,
  runWorkImport,
  WORK_CSV_FIELDS,
  WORK_IMPORT_ENCODINGS,
  workImportReport,
  type ExistingWork,
  type WorkImportFile,
  type WorkImportPreview,
  type WorkImportProblem,
  type WorkImportResult,
} from '../features/work/work-import';
import { formatDate } from '../format';
import { useLocale } from '../i18n';
import { notifyError } from '../notify';
import { useResource } from '../use-resource';

/** How many problems the page lists; the error report holds them all. */
const PROBLEMS_SHOWN = 200;

/** Importing a time clock's CSV: choose it, check the preview (nothing written), then import all rows or none. */
export function WorkImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const organizations = useResource<Items<Organization>>(canRecordWork(me) ? organizationPaths.list : null);
  return (
    <>
      <Anchor component={Link} to="/work" size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden />
        {t('work.import.back')}
      </Anchor>
      <PageHeader title={t('work.import.title')} subtitle={t('work.import.intro')} />
      {canRecordWork(me) ? (
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
  const [encoding, setEncoding] = useState<WorkImportFile['encoding']>('auto');
  const [existing, setExisting] = useState<ExistingWork>('refuse');
  const [preview, setPreview] = useState<WorkImportPreview | null>(null);
  const [result, setResult] = useState<WorkImportResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [downloading, setDownloading] = useState(false);
  // Only the answer to the latest request counts.
  const latest = useRef(0);
  const busy = phase.step !== 'idle';
  const current: WorkImportFile | null = file && organizationId ? { organizationId, file, encoding, existing } : null;

  const reset = () => {
    latest.current += 1;
    setPreview(null);
    setResult(null);
    setFailure(null);
    setPhase({ step: 'idle' });
  };
  const track = (what: 'preview' | 'import') => ({
    onProgress: (share: number) => setPhase({ step: 'uploading', share, what }),
    onSent: () => setPhase({ step: 'processing', what }),
  });

  async function send(what: 'preview' | 'import', input: WorkImportFile) {
    const id = ++latest.current;
    setFailure(null);
    setResult(null);
    setPhase({ step: 'uploading', share: 0, what });
    try {
      if (what === 'preview') {
        const answer = await previewWorkImport(input, track(what));
        if (id === latest.current) setPreview(answer);
      } else {
        const answer = await runWorkImport(input, { ...track(what), onServerProgress: (share) => setPhase({ step: 'writing', share, what: 'import' }) });
        if (id === latest.current) {
          setResult(answer);
          setPreview(null);
        }
      }
    } catch (error) {
      if (id === latest.current) setFailure(error);
    }
    if (id === latest.current) setPhase({ step: 'idle' });
  }

  async function download(input: WorkImportFile) {
    setDownloading(true);
    try {
      saveFile(await workImportReport(input, locale), 'work-import-errors.csv');
    } catch (error) {
      notifyError(errorText(error));
    }
    setDownloading(false);
  }

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="work-import-file-heading">
        <Title order={2} size="h4" id="work-import-file-heading" mb="sm">
          {t('work.import.fileStep')}
        </Title>
        <Text size="sm" mb="sm">
          {t('work.import.columns')}
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (current) void send('preview', current);
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
              label={t('work.import.file')}
              description={t('work.import.fileHint')}
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
                const found = WORK_IMPORT_ENCODINGS.find((e) => e === event.currentTarget.value);
                if (found) {
                  setEncoding(found);
                  reset();
                }
              }}
              data={WORK_IMPORT_ENCODINGS.map((e) => ({ value: e, label: t(`memberImport.encodingName.${e}`) }))}
            />
            <Radio.Group
              label={t('work.import.existing')}
              value={existing}
              onChange={(value) => {
                setExisting(value === 'replace' ? 'replace' : 'refuse');
                reset();
              }}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="refuse" label={t('work.import.existingRefuse')} disabled={busy} />
                <Radio value="replace" label={t('work.import.existingReplace')} disabled={busy} />
              </Stack>
            </Radio.Group>
            <Group>
              <Button type="submit" disabled={!current || busy} loading={phase.step !== 'idle' && phase.what === 'preview'}>
                {t('work.import.previewSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <PhaseProgress phase={phase} />

      {failure !== null && <FailureAlert error={failure} />}

      {preview && current && (
        <PreviewSection preview={preview} downloading={downloading} onDownload={() => void download(current)}>
          <Group>
            <Button
              leftSection={<IconFileImport size={16} aria-hidden />}
              disabled={busy || preview.validRows === 0 || preview.errors.length > 0}
              loading={phase.step !== 'idle' && phase.what === 'import'}
              onClick={() => void send('import', current)}
            >
              {t('work.import.importSubmit', { count: preview.validRows })}
            </Button>
          </Group>
        </PreviewSection>
      )}

      {result && <ResultSection result={result} organizationId={organizationId} locale={locale} />}
    </Stack>
  );
}

function PhaseProgress({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  if (phase.step === 'idle') return null;
  // Sending the file and writing the records have a measure; reading and checking it on the server has none.
  const measured = phase.step === 'uploading' || phase.step === 'writing';
  const percent = measured ? Math.round(phase.share * 100) : 100;
  const text =
    phase.step === 'uploading'
      ? t('memberImport.uploading', { percent })
      : phase.step === 'writing'
        ? t('memberImport.writing', { percent })
        : t(phase.what === 'import' ? 'work.import.importing' : 'memberImport.reading');
  return (
    <Stack gap={4}>
      <Progress value={percent} striped={!measured} animated={!measured} aria-label={text} size="lg" />
      <Text size="sm" role="status">
        {text}
      </Text>
    </Stack>
  );
}

/** Why a file was refused before its rows were checked (not CSV, columns missing), or why the import failed. */
function FailureAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const missing = error instanceof ApiError && error.code === 'incomplete_mapping' ? (error.problem.errors ?? []) : [];
  const rows = error instanceof ApiError && error.code === 'import_rejected' ? (error.problem.errors ?? []) : [];
  return (
    <Alert color="red" role="alert" title={t('memberImport.failed')}>
      <Text size="sm">{errorText(error)}</Text>
      {missing.length > 0 && (
        <List size="sm" mt="xs">
          {missing.map((problem) => (
            <List.Item key={problem.field}>{t(`work.import.missing.${problem.field}`, { defaultValue: problem.field })}</List.Item>
          ))}
        </List>
      )}
      {rows.length > 0 && <Text size="sm" mt="xs">{t('work.import.changedSincePreview', { count: rows.length })}</Text>}
    </Alert>
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
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="work-import-preview-heading">
      <Title order={2} size="h4" id="work-import-preview-heading" mb="sm">
        {t('work.import.previewStep')}
      </Title>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure label={t('memberImport.detectedEncoding')} value={t(`memberImport.encodingName.${preview.encoding}`)} />
          <Figure label={t('memberImport.rowCount')} value={format.number(preview.rowCount)} />
          <Figure label={t('memberImport.validRows')} value={format.number(preview.validRows)} />
          <Figure label={t('work.import.replacing')} value={format.number(preview.replacing)} />
          <Figure label={t('work.totals.hours')} value={format.duration(totals.minutes)} />
          <Figure label={t('work.totals.people')} value={format.number(totals.people)} />
          <Figure label={t('work.totals.days')} value={format.number(totals.days)} />
          <Figure label={t('work.import.period')} value={totals.from && totals.until ? `${formatDate(totals.from, locale)} – ${formatDate(totals.until, locale)}` : t('common.none')} />
        </SimpleGrid>
        <Text size="sm">
          {t('work.import.columnsFound', { columns: found.map((field) => `${t(`work.import.field.${field}`)}: ${preview.columns[field] ?? ''}`).join(t('common.listSeparator')) })}
        </Text>
        {preview.sample.length > 0 && (
          <div>
            <Title order={3} size="h5" mb="xs">
              {t('memberImport.sample')}
            </Title>
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('memberImport.line')}</Table.Th>
                    <Table.Th scope="col">{t('work.import.field.memberNumber')}</Table.Th>
                    <Table.Th scope="col">{t('work.field.date')}</Table.Th>
                    <Table.Th scope="col">{t('work.field.hours')}</Table.Th>
                    <Table.Th scope="col">{t('work.field.site')}</Table.Th>
                    <Table.Th scope="col">{t('work.field.businessLine')}</Table.Th>
                    <Table.Th scope="col">{t('work.field.role')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.sample.map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td>{format.number(row.line)}</Table.Td>
                      <Table.Td>{row.memberNumber || t('work.nonMember')}</Table.Td>
                      <Table.Td>{formatDate(row.date, locale)}</Table.Td>
                      <Table.Td>{hoursText(row.minutes)}</Table.Td>
                      <Table.Td>{row.site || t('common.none')}</Table.Td>
                      <Table.Td>{row.businessLine ? labels.code('businessLine', row.businessLine) : t('common.none')}</Table.Td>
                      <Table.Td>{row.role || t('common.none')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </div>
        )}
        <ProblemsTable problems={preview.errors} downloading={downloading} onDownload={onDownload} />
        {preview.errors.length > 0 && (
          <Text size="sm" c="red.8">
            {t('work.import.blocked')}
          </Text>
        )}
        {children}
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

function ProblemsTable({ problems, downloading, onDownload }: { problems: WorkImportProblem[]; downloading: boolean; onDownload: () => void }) {
  const { t } = useTranslation();
  const format = useWorkFormat();
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
      <Button variant="default" size="xs" mb="xs" leftSection={<IconDownload size={14} aria-hidden />} loading={downloading} onClick={onDownload}>
        {t('memberImport.downloadErrors')}
      </Button>
      <Table.ScrollContainer minWidth={520}>
        <Table striped aria-label={t('memberImport.problems', { count: problems.length })}>
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
                <Table.Td>{format.number(problem.line)}</Table.Td>
                <Table.Td>{problem.column}</Table.Td>
                <Table.Td>{t(`work.import.code.${problem.code}`, { line: problem.firstLine, minutes: problem.value, defaultValue: t('validation.invalid') })}</Table.Td>
                <Table.Td>{problem.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {problems.length > PROBLEMS_SHOWN && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('memberImport.moreProblems', { shown: format.number(PROBLEMS_SHOWN), total: format.number(problems.length) })}
        </Text>
      )}
    </div>
  );
}

function ResultSection({ result, organizationId, locale }: { result: WorkImportResult; organizationId: string; locale: ReturnType<typeof useLocale> }) {
  const { t } = useTranslation();
  const format = useWorkFormat();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="work-import-result-heading">
      <Title order={2} size="h4" id="work-import-result-heading" mb="sm">
        {t('memberImport.done')}
      </Title>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" role="status">
          <Figure label={t('memberImport.created')} value={format.number(result.created)} />
          <Figure label={t('work.import.replaced')} value={format.number(result.replaced)} />
          <Figure label={t('work.totals.hours')} value={format.duration(result.minutes)} />
          <Figure label={t('work.totals.people')} value={format.number(result.people)} />
          <Figure label={t('work.import.period')} value={result.from && result.until ? `${formatDate(result.from, locale)} – ${formatDate(result.until, locale)}` : t('common.none')} />
        </SimpleGrid>
        <Text size="sm">{t('work.import.toApprove')}</Text>
        <Group>
          <Button component={Link} to={withQuery('/work', { organization: organizationId, month: result.from?.slice(0, 7) })} variant="light">
            {t('work.import.show')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
