import { useCallback, useState } from 'react';
import { useErrorText } from './errors';
import { notifyError } from './notify';

export interface RowAction {
  /** The id of the row whose action is running; null when none is. */
  busyId: string | null;
  /** Runs `action` for the row `id`, which is busy meanwhile; a failure is told in a notification. */
  run: (id: string, action: () => Promise<void>) => Promise<void>;
}

/** An action on one row of a list (revoke, disable…): which row is busy, and a notification when it fails. */
export function useRowAction(): RowAction {
  const errorText = useErrorText();
  const [busyId, setBusyId] = useState<string | null>(null);

  const run = useCallback(
    async (id: string, action: () => Promise<void>) => {
      setBusyId(id);
      try {
        await action();
      } catch (error) {
        notifyError(errorText(error));
      } finally {
        setBusyId(null);
      }
    },
    [errorText],
  );

  return { busyId, run };
}
