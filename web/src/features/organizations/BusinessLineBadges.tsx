import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../reference/use-labels';

export function BusinessLineBadges({ lines }: { lines: string[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (lines.length === 0) return <>{t('common.none')}</>;
  return (
    <Group gap={4}>
      {lines.map((line) => (
        <Badge
          key={line}
          variant="outline"
          color="gray"
          // Long names wrap instead of being cut off on narrow screens.
          styles={{ root: { height: 'auto', maxWidth: '100%', textTransform: 'none' }, label: { whiteSpace: 'normal' } }}
        >
          {labels.code('businessLine', line)}
        </Badge>
      ))}
    </Group>
  );
}
