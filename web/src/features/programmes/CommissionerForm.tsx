import { NativeSelect, TextInput } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../components/DialogForm';
import { SearchSelect } from '../../components/SearchSelect';
import { useFormSubmit } from '../../use-form-submit';
import {
  checkCommissionerValues,
  EMPTY_COMMISSIONER,
  isLocalKind,
  localGovernmentOptions,
  toCommissionerInput,
  type CommissionerFormValues,
} from './contract-values';
import { COMMISSIONER_KINDS, programmeApi, type Commissioner, type CommissionerKind } from './programmes';

interface CommissionerFormProps {
  onAdded: (commissioner: Commissioner) => void;
  onCancel: () => void;
}

/**
 * Adds a commissioner (委託元) to the federation's list: a prefecture or a municipality found in the official list of
 * local governments (by name, reading or code: 千葉, ちば, 12100), a ministry or another body by its name.
 */
export function CommissionerForm({ onAdded, onCancel }: CommissionerFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit<CommissionerFormValues>({
    initialValues: EMPTY_COMMISSIONER,
    check: checkCommissionerValues,
    send: async (values) => onAdded(await programmeApi.createCommissioner(toCommissionerInput(values))),
    codeFields: { duplicate_commissioner: 'localGovernmentCode' },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const { kind } = form.values;
  const local = isLocalKind(kind);
  const search = useCallback(
    async (typed: string) => (typed.trim() ? localGovernmentOptions(await programmeApi.searchLocalGovernments(typed.trim()), kind) : []),
    [kind],
  );

  return (
    <DialogForm form={form} submitLabel={t('programmes.commissioner.submit')} onCancel={onCancel}>
      <NativeSelect
        label={t('programmes.commissioner.kind')}
        required
        value={kind}
        onChange={(event) => {
          form.set('kind', event.currentTarget.value as CommissionerKind);
          form.set('localGovernmentCode', '');
          form.set('nameJa', '');
        }}
        data={COMMISSIONER_KINDS.map((k) => ({ value: k, label: t(`programmes.commissionerKind.${k}`) }))}
      />
      {local ? (
        <SearchSelect
          // A new search for each kind: a prefecture is not offered where a municipality is asked for.
          key={kind}
          label={t('programmes.commissioner.localGovernment')}
          description={t('programmes.commissioner.localGovernmentHint')}
          required
          value={form.values.localGovernmentCode}
          onChange={(value, label) => {
            form.set('localGovernmentCode', value);
            // The name as the list gives it: 千葉市（千葉県） 121002 → 千葉市 (the server takes it from the list too).
            form.set('nameJa', value ? (label.split(/[（ ]/)[0] ?? '') : '');
          }}
          search={search}
          error={form.error('localGovernmentCode')}
          clearLabel={t('programmes.commissioner.clear')}
          notFound={t('programmes.commissioner.notFound')}
        />
      ) : (
        <TextInput label={t('programmes.commissioner.nameJa')} description={t('programmes.commissioner.nameJaHint')} required lang="ja" {...form.input('nameJa')} />
      )}
      <TextInput label={t('programmes.commissioner.nameEn')} lang="en" {...form.input('nameEn')} />
    </DialogForm>
  );
}
