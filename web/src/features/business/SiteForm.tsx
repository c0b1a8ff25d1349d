import { NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { useLocale } from '../../i18n';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { useReference } from '../reference/reference-context';
import { useLabels } from '../reference/use-labels';
import { businessApi, SITE_OPERATIONS, type BusinessLine, type Site, type SiteOperation } from './business';
import { checkSite, EMPTY_SITE, siteFormValues, toSiteInput, type SiteFormValues } from './site-values';

interface SiteFormProps {
  organizationId: string;
  /** The site to change; none for a new one. */
  site?: Site;
  businessLines: BusinessLine[];
  onSaved: (site: Site) => void;
  onCancel: () => void;
}

/** A business line's name: the seed's eight by the app's translation, the federation's own by the names it gave. */
export function useBusinessLineLabel(): (line: BusinessLine | string, lines?: readonly BusinessLine[]) => string {
  const labels = useLabels();
  const locale = useLocale();
  return (line, lines = []) => {
    const found = typeof line === 'string' ? lines.find((l) => l.code === line) : line;
    if (!found) return labels.code('businessLine', String(line));
    if (found.builtIn) return labels.code('businessLine', found.code);
    return locale === 'en' ? found.nameEn : found.nameJa;
  };
}

/** A site or office (事業所): name, business line, address, dates, own or commissioned (by whom) and capacity. */
export function SiteForm({ organizationId, site, businessLines, onSaved, onCancel }: SiteFormProps) {
  const { t } = useTranslation();
  const reference = useReference();
  const labels = useLabels();
  const lineLabel = useBusinessLineLabel();
  const form = useFormSubmit<SiteFormValues>({
    initialValues: site ? siteFormValues(site) : EMPTY_SITE,
    check: checkSite,
    send: async (values) => {
      const input = toSiteInput(values);
      onSaved(await (site ? businessApi.updateSite(site, input) : businessApi.createSite(organizationId, input)));
    },
    codeFields: { duplicate_name: 'nameJa' },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);
  const commissioned = form.values.operation === 'commissioned';

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('businesses.site.nameJa')} description={t('businesses.site.nameJaHint')} required lang="ja" {...form.input('nameJa')} />
          <TextInput label={t('businesses.site.nameEn')} lang="en" {...form.input('nameEn')} />
        </SimpleGrid>
        <NativeSelect
          label={t('businesses.site.businessLine')}
          required
          data={[{ value: '', label: t('common.choose') }, ...businessLines.map((line) => ({ value: line.code, label: lineLabel(line) }))]}
          {...form.input('businessLine')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="site-operation-label">
            {t('businesses.site.operation')}
          </Text>
          <SegmentedControl
            aria-labelledby="site-operation-label"
            value={form.values.operation}
            onChange={(value) => form.set('operation', value as SiteOperation)}
            data={SITE_OPERATIONS.map((operation) => ({ value: operation, label: t(`businesses.operation.${operation}`) }))}
          />
        </Stack>
        {commissioned && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('businesses.site.commissionerName')} required {...form.input('commissionerName')} />
            <TextInput
              label={t('businesses.site.commissionerCode')}
              description={t('businesses.site.commissionerCodeHint')}
              inputMode="numeric"
              {...form.input('commissionerCode')}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('businesses.site.postalCode')} placeholder="123-4567" inputMode="numeric" autoComplete="postal-code" {...form.input('postalCode')} />
          <NativeSelect
            label={t('businesses.site.prefecture')}
            data={[{ value: '', label: t('common.notSet') }, ...reference.prefectures.map((p) => ({ value: p.code, label: labels.prefecture(p.code) }))]}
            {...form.input('prefectureCode')}
          />
        </SimpleGrid>
        <TextInput label={t('businesses.site.address')} {...form.input('address')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('businesses.site.openedOn')} type="date" {...form.input('openedOn')} />
          <TextInput label={t('businesses.site.closedOn')} type="date" {...form.input('closedOn')} />
          <TextInput label={t('businesses.site.capacity')} inputMode="numeric" {...form.input('capacity')} />
        </SimpleGrid>
        <FormActions inDialog submitLabel={t('common.save')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
