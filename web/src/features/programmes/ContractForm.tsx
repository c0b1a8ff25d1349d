import { ActionIcon, Box, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { useFieldErrorText } from '../../errors';
import { formatDate, formatYen, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { useFormSubmit } from '../../use-form-submit';
import type { Site } from '../business/business';
import { CommissionerForm } from './CommissionerForm';
import {
  checkContractValues,
  commissionerName,
  contractFieldOf,
  contractFormValues,
  EMPTY_INDICATOR,
  newContractValues,
  toContractInput,
  yenOf,
  type ContractFormValues,
  type IndicatorRow,
} from './contract-values';
import { COMMISSIONER_KINDS, erasureDate, MAX_RETENTION_MONTHS, programmeApi, type Commissioner, type Contract } from './programmes';

interface ContractFormProps {
  organizationId: string;
  /** The contract to correct; none for a new one. */
  contract?: Contract;
  commissioners: Commissioner[];
  sites: Site[];
  onSaved: (contract: Contract) => void;
  onCancel: () => void;
  /** Someone else saved the contract first: the page reads it again, so that the next save starts from their version. */
  onStale: () => void;
  /** A commissioner was added to the federation's list from here. */
  onCommissionerAdded: (commissioner: Commissioner) => void;
}

/**
 * A programme contract (委託契約): the programme, its commissioner, period, amount, the offices that run it, the
 * indicators agreed with their targets, and how long participants' records are kept after it.
 */
export function ContractForm({ organizationId, contract, commissioners, sites, onSaved, onCancel, onStale, onCommissionerAdded }: ContractFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [addingCommissioner, setAddingCommissioner] = useState(false);
  const [added, setAdded] = useState<Commissioner[]>([]);
  const addHeading = useRef<HTMLHeadingElement>(null);
  const commissionerSelect = useRef<HTMLInputElement>(null);
  const returning = useRef(false);
  const form = useFormSubmit<ContractFormValues>({
    initialValues: contract ? contractFormValues(contract) : newContractValues(todayInJapan()),
    check: checkContractValues,
    send: async (values) => {
      const input = toContractInput(values);
      try {
        onSaved(await (contract ? programmeApi.updateContract(contract, input) : programmeApi.createContract(organizationId, input)));
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'version_conflict')) throw error;
        onStale();
        // Said of the contract, not of the organization the general text speaks of.
        throw new ApiError({ ...error.problem, code: 'contract_version_conflict' });
      }
    },
    codeFields: { unknown_commissioner: 'commissionerId' },
    fieldOf: contractFieldOf,
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });

  // Focus follows the swap between the contract and the commissioner being added.
  useEffect(() => {
    if (addingCommissioner) addHeading.current?.focus();
    else if (returning.current) commissionerSelect.current?.focus();
  }, [addingCommissioner]);

  const known = [...commissioners, ...added.filter((a) => !commissioners.some((c) => c.id === a.id))];
  const commissionerData = COMMISSIONER_KINDS.map((kind) => ({
    group: t(`programmes.commissionerKind.${kind}`),
    items: known.filter((c) => c.kind === kind).map((c) => ({ value: c.id, label: c.localGovernmentCode ? `${commissionerName(c, locale)} ${c.localGovernmentCode}` : commissionerName(c, locale) })),
  })).filter((group) => group.items.length > 0);
  const siteName = (site: Site) => (locale === 'en' && site.nameEn ? site.nameEn : site.nameJa);
  const siteData = sites.map((site) => ({ value: site.id, label: site.closedOn ? t('programmes.contract.closedSite', { name: siteName(site) }) : siteName(site) }));
  const amount = yenOf(form.values.amount);
  const months = /^\d+$/.test(form.values.retentionMonths.trim()) ? Number(form.values.retentionMonths.trim()) : null;
  const erasure = months !== null && months <= MAX_RETENTION_MONTHS && /^\d{4}-\d{2}-\d{2}$/.test(form.values.periodUntil) ? erasureDate(form.values.periodUntil, months) : null;

  return (
    <>
      {addingCommissioner && (
        <Stack>
          <Title order={2} size="h5" ref={addHeading} tabIndex={-1}>
            {t('programmes.commissioner.add')}
          </Title>
          <CommissionerForm
            onCancel={() => {
              returning.current = true;
              setAddingCommissioner(false);
            }}
            onAdded={(commissioner) => {
              setAdded((list) => [...list, commissioner]);
              form.set('commissionerId', commissioner.id);
              onCommissionerAdded(commissioner);
              returning.current = true;
              setAddingCommissioner(false);
            }}
          />
        </Stack>
      )}
      {/* Kept while a commissioner is added, so that what was typed stays. */}
      <Box hidden={addingCommissioner}>
        <DialogForm form={form} submitLabel={t('common.save')} onCancel={onCancel}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('programmes.contract.programmeJa')} description={t('programmes.contract.programmeJaHint')} required lang="ja" {...form.input('programmeJa')} />
            <TextInput label={t('programmes.contract.programmeEn')} lang="en" {...form.input('programmeEn')} />
          </SimpleGrid>
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <Select
              ref={commissionerSelect}
              style={{ flex: 1 }}
              label={t('programmes.contract.commissioner')}
              required
              searchable
              data={commissionerData}
              value={form.values.commissionerId || null}
              onChange={(value) => form.set('commissionerId', value ?? '')}
              nothingFoundMessage={t('programmes.contract.noCommissioner')}
              error={form.error('commissionerId')}
              comboboxProps={{ withinPortal: true }}
            />
            <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAddingCommissioner(true)}>
              {t('programmes.commissioner.add')}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('programmes.contract.periodFrom')} type="date" required {...form.input('periodFrom')} />
            <TextInput label={t('programmes.contract.periodUntil')} type="date" required {...form.input('periodUntil')} />
            <TextInput
              label={t('programmes.contract.amount')}
              description={amount !== null ? formatYen(amount, locale) : t('programmes.contract.amountHint')}
              required
              inputMode="numeric"
              {...form.input('amount')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('programmes.contract.sites')}
            description={sites.length === 0 ? t('programmes.contract.noSites') : t('programmes.contract.sitesHint')}
            data={siteData}
            value={form.values.siteIds}
            onChange={(value) => form.set('siteIds', value)}
            searchable
            clearable
            error={form.error('siteIds')}
            comboboxProps={{ withinPortal: true }}
          />
          <IndicatorRows rows={form.values.indicators} errors={form.errors} onChange={(rows) => form.set('indicators', rows)} />
          <TextInput
            label={t('programmes.contract.retentionMonths')}
            description={erasure ? t('programmes.contract.erasureOn', { date: formatDate(erasure, locale) }) : t('programmes.contract.retentionHint', { max: MAX_RETENTION_MONTHS })}
            required
            inputMode="numeric"
            maw={320}
            {...form.input('retentionMonths')}
          />
        </DialogForm>
      </Box>
    </>
  );
}

interface IndicatorRowsProps {
  rows: IndicatorRow[];
  errors: Partial<Record<string, string>>;
  onChange: (rows: IndicatorRow[]) => void;
}

/** The indicators agreed, a row each: code, names and the target for the period; rows added and removed freely. */
function IndicatorRows({ rows, errors, onChange }: IndicatorRowsProps) {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText();
  const change = (index: number, field: keyof IndicatorRow, value: string) => onChange(rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  const cell = (index: number, field: keyof IndicatorRow, label: string, extra: { lang?: string; inputMode?: 'numeric'; w?: number } = {}) => (
    <TextInput
      aria-label={t('programmes.indicator.inputOf', { column: label, row: index + 1 })}
      value={rows[index]![field]}
      onChange={(event) => change(index, field, event.currentTarget.value)}
      error={fieldError(errors[`indicators.${index}.${field}`])}
      required={field === 'code' || field === 'nameJa'}
      {...extra}
    />
  );

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id="contract-indicators-label">
        {t('programmes.indicator.title')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">{t('programmes.indicator.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-labelledby="contract-indicators-label" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programmes.indicator.nameJa')}</Table.Th>
                <Table.Th>{t('programmes.indicator.nameEn')}</Table.Th>
                <Table.Th>{t('programmes.indicator.code')}</Table.Th>
                <Table.Th>{t('programmes.indicator.target')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => (
                // Rows have no identity of their own until saved; their position is theirs.
                <Table.Tr key={index}>
                  <Table.Td>{cell(index, 'nameJa', t('programmes.indicator.nameJa'), { lang: 'ja' })}</Table.Td>
                  <Table.Td>{cell(index, 'nameEn', t('programmes.indicator.nameEn'), { lang: 'en' })}</Table.Td>
                  <Table.Td>{cell(index, 'code', t('programmes.indicator.code'))}</Table.Td>
                  <Table.Td>{cell(index, 'target', t('programmes.indicator.target'), { inputMode: 'numeric', w: 110 })}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => onChange(rows.filter((_, i) => i !== index))}
                      aria-label={t('programmes.indicator.remove', { name: row.nameJa || row.code || String(index + 1) })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group>
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...rows, EMPTY_INDICATOR])}>
          {t('programmes.indicator.add')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">{t('programmes.indicator.hint')}</Text>
    </Stack>
  );
}
