import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconFilter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../reference/use-labels';
import { MEMBERSHIP_STATUSES } from './member';
import { activeFilterCount, type MemberListState, type YesNo } from './member-list-query';

interface MemberFiltersProps {
  state: MemberListState;
  /** The kinds to filter by, named: the organization's own among them. */
  kinds: { value: string; label: string }[];
  onChange: (changes: Partial<MemberListState>) => void;
}

const HINT_ID = 'member-filters-date-hint';
const PANEL_ID = 'member-filters';

const yesNo = (value: string): YesNo => (value === 'true' || value === 'false' ? value : '');

/**
 * Kind, status, members on a date, engaged in the work, labour contract. On phones they fold behind a button, so
 * the list starts on the first screen.
 */
export function MemberFilters({ state, kinds, onChange }: MemberFiltersProps) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const narrow = useMediaQuery(`(max-width: calc(${theme.breakpoints.sm} - 0.0625em))`, false, { getInitialValueInEffect: false });
  const active = activeFilterCount(state);
  const [opened, setOpened] = useState(active > 0);
  if (!narrow) return <FilterPanel state={state} kinds={kinds} onChange={onChange} />;
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="default"
          leftSection={<IconFilter size={16} aria-hidden />}
          aria-expanded={opened}
          aria-controls={PANEL_ID}
          onClick={() => setOpened((open) => !open)}
        >
          {active > 0 ? t('members.filtersActive', { count: active }) : t('members.filters')}
        </Button>
      </Group>
      {opened && <FilterPanel state={state} kinds={kinds} onChange={onChange} />}
    </Stack>
  );
}

function FilterPanel({ state, kinds, onChange }: MemberFiltersProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const any = { value: '', label: t('members.any') };

  return (
    <Stack gap={4} id={PANEL_ID}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" verticalSpacing="xs" style={{ flex: '1 1 560px' }}>
          <NativeSelect
            label={t('member.kind')}
            value={state.kind}
            onChange={(event) => onChange({ kind: event.currentTarget.value })}
            data={[any, ...kinds]}
          />
          <NativeSelect
            label={t('member.status')}
            value={state.status}
            onChange={(event) => {
              const status = MEMBERSHIP_STATUSES.find((s) => s === event.currentTarget.value) ?? '';
              onChange({ status });
            }}
            data={[any, ...MEMBERSHIP_STATUSES.map((status) => ({ value: status, label: labels.code('membershipStatus', status) }))]}
          />
          <TextInput
            label={t('members.memberOn')}
            type="date"
            value={state.memberOn}
            onChange={(event) => onChange({ memberOn: event.currentTarget.value })}
            aria-describedby={HINT_ID}
          />
          <NativeSelect
            label={t('members.engaged')}
            aria-describedby={HINT_ID}
            value={state.engaged}
            onChange={(event) => onChange({ engaged: yesNo(event.currentTarget.value) })}
            data={[any, { value: 'true', label: t('members.engagedYes') }, { value: 'false', label: t('members.engagedNo') }]}
          />
          <NativeSelect
            label={t('members.labourContract')}
            aria-describedby={HINT_ID}
            value={state.labourContract}
            onChange={(event) => onChange({ labourContract: yesNo(event.currentTarget.value) })}
            data={[
              any,
              { value: 'true', label: t('members.labourContractYes') },
              { value: 'false', label: t('members.labourContractNo') },
            ]}
          />
        </SimpleGrid>
        {activeFilterCount(state) > 0 && (
          <Button
            variant="subtle"
            onClick={() => onChange({ kind: '', status: '', memberOn: '', engaged: '', labourContract: '' })}
          >
            {t('members.clearFilters')}
          </Button>
        )}
      </Group>
      <Text id={HINT_ID} size="xs" c="dimmed">
        {t('members.memberOnHint')}
      </Text>
    </Stack>
  );
}
