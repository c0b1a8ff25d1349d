import { Fieldset, Group, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../components/DialogForm';
import { formatDate, formatFiscalYear, formatYen, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { useFormSubmit } from '../../use-form-submit';
import { NUMERIC_INPUT } from '../capital/MovementFields';
import { RESERVE_FIELDS, surplusApi, type Closing } from './surplus';
import {
  checkProposal,
  defaultFiscalYear,
  emptyProposal,
  endedFiscalYears,
  proposalField,
  toClosingInput,
  valuesOfClosing,
  type ProposeValues,
} from './surplus-values';

interface ProposeClosingFormProps {
  organizationId: string;
  /** The month the organization's fiscal year starts in. */
  fiscalYearStartMonth: number;
  /** The organization's closes: years before the assembly or posted are not offered. */
  closings: Closing[];
  /** The draft being recomputed (its year is fixed), or the rejected close being proposed again. */
  from?: Closing;
  onProposed: (closing: Closing) => void;
  onCancel: () => void;
}

/**
 * Proposes the close of a fiscal year (or recomputes a draft): the year, its surplus or loss, and — only where the
 * board departs from the minimums — more to a reserve, an amount retained, and the opening balances at the first
 * close. The server answers with the allocation in the legal order and each member's dividend.
 */
export function ProposeClosingForm({ organizationId, fiscalYearStartMonth, closings, from, onProposed, onCancel }: ProposeClosingFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const choices = endedFiscalYears(fiscalYearStartMonth, todayInJapan(), closings);
  const recomputing = from?.status === 'draft';
  const form = useFormSubmit<ProposeValues>({
    initialValues: from ? valuesOfClosing(from) : emptyProposal(defaultFiscalYear(choices)),
    check: checkProposal,
    send: async (values) => onProposed(await surplusApi.propose(organizationId, toClosingInput(values))),
    codeFields: { year_already_closed: 'fiscalYear' },
    fieldOf: proposalField,
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  // The Act lets the opening reserve and losses be stated once, before any close is in the ledger.
  const firstClose = !closings.some((c) => c.status === 'posted');
  const loss = form.values.result === 'loss';
  const yearChoices = choices.map((choice) => ({
    value: String(choice.year),
    label: t(choice.closed ? 'surplus.form.yearClosed' : 'surplus.form.yearChoice', { year: formatFiscalYear(choice.year, locale), until: formatDate(choice.until, locale) }),
    disabled: choice.closed,
  }));
  // A year outside the list (an older draft) is still shown as it is.
  if (from && !choices.some((choice) => choice.year === from.fiscalYear)) {
    yearChoices.push({ value: String(from.fiscalYear), label: formatFiscalYear(from.fiscalYear, locale), disabled: false });
  }
  const minimumHint = (field: (typeof RESERVE_FIELDS)[number]) => {
    if (!recomputing || !from) return t('surplus.form.reserveHint');
    const { minimum, legalMinimum } = from.allocation.minimums[field];
    return t('surplus.form.reserveHintWithMinimum', { minimum: formatYen(minimum, locale), legal: formatYen(legalMinimum, locale) });
  };

  return (
    <DialogForm form={form} submitLabel={t(recomputing ? 'surplus.form.recompute' : 'surplus.form.propose')} onCancel={onCancel}>
      <NativeSelect
        label={t('surplus.form.fiscalYear')}
        description={t('surplus.form.fiscalYearHint')}
        required
        disabled={recomputing}
        data-autofocus
        data={[{ value: '', label: t('common.choose'), disabled: true }, ...yearChoices]}
        {...form.input('fiscalYear')}
      />
      <Radio.Group label={t('surplus.form.result')} value={form.values.result} onChange={(value) => form.set('result', value === 'loss' ? 'loss' : 'surplus')}>
        <Group gap="lg" mt={4}>
          <Radio value="surplus" label={t('surplus.form.resultSurplus')} />
          <Radio value="loss" label={t('surplus.form.resultLoss')} />
        </Group>
      </Radio.Group>
      <TextInput
        label={t(loss ? 'surplus.form.lossAmount' : 'surplus.form.surplusAmount')}
        description={t('surplus.form.amountHint')}
        required
        {...NUMERIC_INPUT}
        {...form.input('amount')}
      />
      {!loss && (
        <Fieldset legend={t('surplus.form.allocationLegend')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('surplus.form.allocationIntro')}
            </Text>
            {RESERVE_FIELDS.map((field) => (
              <TextInput key={field} label={t(`surplus.line.${field}`)} description={minimumHint(field)} {...NUMERIC_INPUT} {...form.input(field)} />
            ))}
            <TextInput label={t('surplus.line.retained')} description={t('surplus.form.retainedHint')} {...NUMERIC_INPUT} {...form.input('retained')} />
          </Stack>
        </Fieldset>
      )}
      {firstClose && (
        <Fieldset legend={t('surplus.form.openingLegend')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('surplus.form.openingIntro')}
            </Text>
            <TextInput label={t('surplus.form.openingLegalReserve')} {...NUMERIC_INPUT} {...form.input('openingLegalReserve')} />
            <TextInput label={t('surplus.form.openingLosses')} {...NUMERIC_INPUT} {...form.input('openingLosses')} />
          </Stack>
        </Fieldset>
      )}
    </DialogForm>
  );
}
