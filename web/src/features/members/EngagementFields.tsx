import { Fieldset, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../reference/use-labels';
import type { EngagementFormValues } from './engagement-values';
import { EXEMPTIONS } from './member';
import type { InputBinding } from './PersonFields';

export type EngagementField = keyof EngagementFormValues & string;

/** Where and since when a person works, their labour contract, or the exemption the Act allows. */
export function EngagementFields({ input }: { input: (field: EngagementField) => InputBinding }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const field = (name: EngagementField) => ({ label: t(`engagement.${name}`), ...input(name) });

  return (
    <>
      <TextInput {...field('site')} description={t('engagement.siteHint')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
        <TextInput {...field('startedOn')} type="date" required />
        <TextInput {...field('endedOn')} type="date" />
      </SimpleGrid>
      <Fieldset legend={t('engagement.labourContract')} variant="unstyled">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
          <TextInput {...field('labourContractFrom')} type="date" />
          <TextInput {...field('labourContractUntil')} type="date" />
        </SimpleGrid>
      </Fieldset>
      <NativeSelect
        {...field('exemption')}
        description={t('engagement.exemptionHint')}
        data={[
          { value: '', label: t('engagement.noExemption') },
          ...EXEMPTIONS.map((exemption) => ({ value: exemption, label: labels.code('exemption', exemption) })),
        ]}
      />
    </>
  );
}
