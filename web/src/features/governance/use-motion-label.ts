import { useTranslation } from 'react-i18next';
import type { Motion } from './governance';

/** 第1号議案 · 修正案: how a motion is named on the agenda. */
export function useMotionLabel(): (motion: Pick<Motion, 'position' | 'amendsMotionId' | 'kind'>) => string {
  const { t } = useTranslation();
  return (motion) =>
    motion.amendsMotionId
      ? t('governance.motion.amendmentLabel', { n: motion.position })
      : t(motion.kind === 'election' ? 'governance.motion.electionLabel' : 'governance.motion.label', { n: motion.position });
}
