import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api';
import { portalPaths, type InvitationBatch } from './portal';
import { batchFinished } from './portal-values';

/** How often a running batch is asked about. */
const POLL_MS = 1000;

export interface BatchProgress {
  batch: InvitationBatch | null;
  error: ApiError | null;
}

/** Follows an invitation batch: asks for it every second until it is done or failed. */
export function useBatchProgress(batchId: string | null): BatchProgress {
  const [state, setState] = useState<BatchProgress & { id: string | null }>({ id: null, batch: null, error: null });
  useEffect(() => {
    if (!batchId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      try {
        const batch = await api.get<InvitationBatch>(portalPaths.batch(batchId));
        if (stopped) return;
        setState({ id: batchId, batch, error: null });
        if (!batchFinished(batch)) timer = setTimeout(() => void ask(), POLL_MS);
      } catch (error) {
        if (stopped) return;
        setState((current) => ({ ...current, id: batchId, error: error instanceof ApiError ? error : new ApiError({ status: 0, code: 'internal_error' }) }));
      }
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [batchId]);
  return state.id === batchId ? { batch: state.batch, error: state.error } : { batch: null, error: null };
}
