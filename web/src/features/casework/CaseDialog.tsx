import type { ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';
import { notifySuccess } from '../../notify';
import type { Participant } from './casework';

/** What a case dialog gives its form: close it, or close it with the participant as saved. */
export interface CaseFormActions {
  onCancel: () => void;
  onSaved: (participant: Participant) => void;
}

/** A form on a participant's record, shown in a case dialog. */
export interface CaseFormProps extends CaseFormActions {
  participant: Participant;
}

interface CaseDialogProps<T> {
  /** What the dialog is open for (true, or the row chosen); false or null while it is closed. */
  open: T | false | null;
  onClose: () => void;
  title: string;
  /** Said when the form has saved. */
  savedMessage: string;
  onChanged: (participant: Participant) => void;
  /** The form, rendered only while the dialog is open. */
  children: (open: T, actions: CaseFormActions) => ReactNode;
}

/**
 * A dialog with a form that changes the participant's record: cancelling closes it; saving closes it, says so, and
 * hands the record as saved to `onChanged`.
 */
export function CaseDialog<T>({ open, onClose, title, savedMessage, onChanged, children }: CaseDialogProps<T>) {
  const opened = open !== false && open !== null;
  return (
    <Dialog opened={opened} onClose={onClose} title={title}>
      {opened &&
        children(open, {
          onCancel: onClose,
          onSaved: (updated) => {
            onClose();
            notifySuccess(savedMessage);
            onChanged(updated);
          },
        })}
    </Dialog>
  );
}
