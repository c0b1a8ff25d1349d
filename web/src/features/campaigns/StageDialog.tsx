import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { notifySuccess } from '../../notify';
import { nameIn } from './campaign-values';
import type { Target } from './campaigns';
import { StageForm } from './StageForm';
import { useLocale } from '../../i18n';

interface StageDialogProps {
  /** The target whose stage is recorded; null while closed. */
  target: Target | null;
  onClose: () => void;
  onRecorded: (target: Target) => void;
  onStale: () => void;
}

/** The record-stage form in a dialog named after the target. */
export function StageDialog({ target, onClose, onRecorded, onStale }: StageDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Dialog opened={target !== null} onClose={onClose} title={target ? t('campaigns.stageForm.title', { name: nameIn(target, locale) }) : ''}>
      {target && (
        <StageForm
          key={`${target.id}:${target.version}`}
          target={target}
          onCancel={onClose}
          onStale={onStale}
          onRecorded={(recorded) => {
            notifySuccess(t('campaigns.stageForm.recorded', { name: nameIn(recorded, locale), stage: t(`campaigns.stage.${recorded.stage}`) }));
            onRecorded(recorded);
          }}
        />
      )}
    </Dialog>
  );
}
