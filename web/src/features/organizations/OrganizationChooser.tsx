import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../reference/use-labels';
import type { OrganizationScope } from './use-organization-scope';

interface OrganizationChooserProps extends Pick<NativeSelectProps, 'w' | 'maw'> {
  scope: OrganizationScope;
  /** What the empty choice says: all organizations, or a prompt to choose one. */
  emptyLabel: string;
  /** The chosen organization's id; '' for the empty choice. */
  onChange: (organizationId: string) => void;
}

/** The organization a page shows, for the federation administrator to choose; nothing for anyone else. */
export function OrganizationChooser({ scope, emptyLabel, onChange, ...size }: OrganizationChooserProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (!scope.chooses) return null;
  return (
    <NativeSelect
      label={t('member.organization')}
      {...size}
      value={scope.id ?? ''}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={[{ value: '', label: emptyLabel }, ...scope.choices.map((o) => ({ value: o.id, label: labels.organizationName(o) }))]}
    />
  );
}
