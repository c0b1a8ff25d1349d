import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../components/DialogForm';
import { useFormSubmit } from '../../use-form-submit';
import { checkFxRate, fxRateValues, toFxRateInput, type FxRateValues } from './fx-rate-values';
import { reportingApi, type FxRate } from './reporting';

interface FxRateFormProps {
  /** The rate edited; null for a new one. */
  rate: FxRate | null;
  existing: readonly FxRate[];
  onSaved: (rate: FxRate) => void;
  onCancel: () => void;
}

/** A year's rate of yen per US dollar (two decimals) and where it comes from: the USD view of the reports uses it. */
export function FxRateForm({ rate, existing, onSaved, onCancel }: FxRateFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit<FxRateValues>({
    initialValues: fxRateValues(rate),
    check: (values) => checkFxRate(values, existing, rate !== null),
    send: async (values) => {
      const { fiscalYear, input } = toFxRateInput(values);
      onSaved(await reportingApi.saveFxRate(fiscalYear, input));
    },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  return (
    <DialogForm form={form} submitLabel={t('reports.fx.save')} onCancel={onCancel}>
      <TextInput
        label={t('reports.fx.fiscalYear')}
        description={t('reports.fx.fiscalYearHint')}
        required
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        readOnly={rate !== null}
        {...form.input('fiscalYear')}
      />
      <TextInput
        label={t('reports.fx.yenPerUsd')}
        description={t('reports.fx.yenPerUsdHint')}
        required
        inputMode="decimal"
        autoComplete="off"
        rightSection={<span aria-hidden>{t('reports.fx.yenUnit')}</span>}
        {...form.input('yenPerUsd')}
      />
      <TextInput label={t('reports.fx.source')} description={t('reports.fx.sourceHint')} maxLength={200} {...form.input('source')} />
    </DialogForm>
  );
}
