import { Group, MultiSelect, Stack, Text, type OptionsFilter } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Items } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { useLocale } from '../../i18n';
import { useFormSubmit } from '../../use-form-submit';
import { MAX_SDG_CODES, sdgApi, type SdgGoal, type SdgSubjectType, type SdgTag } from './sdg';
import { codesNamedByErrors, sortSdgCodes } from './sdg-codes';
import { filterSdgOptions, sdgOptionTexts, sdgSearchTexts, sdgSelectData } from './sdg-labels';
import { SdgBadges } from './SdgBadges';

export interface SdgSubject {
  subjectType: SdgSubjectType;
  /** A business line's code or a site's id. */
  subjectId: string;
  /** How people know it: the site's or the line's name. */
  name: string;
}

interface SdgTagsFormProps {
  subject: SdgSubject;
  /** The subject's tags now. */
  codes: readonly string[];
  goals: readonly SdgGoal[];
  /** A site's business line and its tags, which the site serves through it whatever is chosen here. */
  inherited?: { name: string; codes: readonly string[] };
  onSaved: (saved: SdgTag[]) => void;
  onCancel: () => void;
}

interface SdgTagsValues {
  codes: string[];
}

/** The goals and targets a business line or site serves: chosen among the catalogue's, found by code or by words. */
export function SdgTagsForm({ subject, codes, goals, inherited, onSaved, onCancel }: SdgTagsFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sent = useRef<string[]>([]);
  const data = useMemo(() => sdgSelectData(goals, locale, (label) => t('sdg.tags.wholeGoal', { label })), [goals, locale, t]);
  const searchTexts = useMemo(() => sdgSearchTexts(goals), [goals]);
  const optionTexts = useMemo(() => sdgOptionTexts(goals, locale), [goals, locale]);
  const filter: OptionsFilter = ({ options, search }) => filterSdgOptions(options, search, searchTexts);
  const form = useFormSubmit<SdgTagsValues>({
    initialValues: { codes: sortSdgCodes(codes) },
    check: (values) => (values.codes.length > MAX_SDG_CODES ? { codes: 'too_many' } : {}),
    send: async (values) => {
      sent.current = values.codes;
      const saved: Items<SdgTag> = await sdgApi.setTags(subject.subjectType, subject.subjectId, values.codes);
      onSaved(saved.items);
    },
    report: 'alert',
    // Focus would open the select's list over its error: the alert above is announced instead.
    afterSuccess: 'leave',
  });
  const problems = form.failure instanceof ApiError ? (form.failure.problem.errors ?? []) : [];
  const named = codesNamedByErrors(problems, sent.current);
  const fieldError = form.error('codes');
  const error = fieldError && named.length > 0 ? t('sdg.tags.errorWithCodes', { error: fieldError, codes: named.join(', ') }) : fieldError;

  return (
    <DialogForm form={form} submitLabel={t('sdg.tags.save')} onCancel={onCancel}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('sdg.tags.current')}
        </Text>
        <SdgBadges codes={codes} goals={goals} emptyText={t('sdg.tags.none')} />
      </Stack>
      {inherited && inherited.codes.length > 0 && (
        <Stack gap={4}>
          <Text size="sm">{t('sdg.tags.inherited', { name: inherited.name })}</Text>
          <SdgBadges codes={inherited.codes} goals={goals} />
        </Stack>
      )}
      <MultiSelect
        label={t('sdg.tags.label', { name: subject.name })}
        description={t('sdg.tags.hint', { max: MAX_SDG_CODES })}
        placeholder={form.values.codes.length === 0 ? t('sdg.tags.placeholder') : undefined}
        data={data}
        value={form.values.codes}
        onChange={(chosen) => form.set('codes', sortSdgCodes(chosen))}
        error={error}
        searchable
        clearable
        filter={filter}
        renderOption={({ option, checked }) => (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconCheck size={14} aria-hidden style={{ flexShrink: 0, marginTop: 4, visibility: checked ? 'visible' : 'hidden' }} />
            <Text size="sm">{optionTexts.get(option.value) ?? option.label}</Text>
          </Group>
        )}
        maxValues={MAX_SDG_CODES}
        maxDropdownHeight={320}
        nothingFoundMessage={t('sdg.tags.nothingFound')}
        clearButtonProps={{ 'aria-label': t('sdg.tags.clear') }}
      />
    </DialogForm>
  );
}
