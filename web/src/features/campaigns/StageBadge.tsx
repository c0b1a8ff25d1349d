import { Badge, type MantineSize } from '@mantine/core';
import { IconCircle, IconCircleCheck, IconCircleX, IconFileText, IconMessage, IconScale, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Stage } from './campaigns';

// The colour helps; the icon and the words say it, so that the stage never rests on colour alone.
const LOOK: Record<Stage, { color: string; icon: Icon }> = {
  'not-contacted': { color: 'gray', icon: IconCircle },
  contacted: { color: 'blue', icon: IconMessage },
  'petition-submitted': { color: 'violet', icon: IconFileText },
  'under-deliberation': { color: 'yellow', icon: IconScale },
  adopted: { color: 'teal', icon: IconCircleCheck },
  rejected: { color: 'red', icon: IconCircleX },
};

/** Where a target stands: 未接触 … 採択（意見書可決）, 不採択. */
export function StageBadge({ stage, size }: { stage: Stage; size?: MantineSize }) {
  const { t } = useTranslation();
  const { color, icon: StageIcon } = LOOK[stage];
  return (
    <Badge
      color={color}
      variant="light"
      // Near-black text on the stage's tint: the theme's coloured text on a striped row falls below WCAG AA.
      c="gray.9"
      size={size}
      leftSection={<StageIcon size={12} aria-hidden />}
      style={{ textTransform: 'none', flexShrink: 0 }}
      styles={{ root: { height: 'auto', maxWidth: '100%' }, label: { overflow: 'visible', whiteSpace: 'normal' } }}
    >
      {t(`campaigns.stage.${stage}`)}
    </Badge>
  );
}
