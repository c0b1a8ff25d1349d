import { useRef, useState } from 'react';
import type { UploadOptions } from '../../api';
import { IDLE, type ImportPhase, type ImportStep } from './csv-import';

type Send<T> = (options: UploadOptions) => Promise<T>;

/**
 * A CSV import's requests: the preview (nothing written), then the import, each sent with its progress followed, and
 * the preview, the result or the failure they answered.
 */
export function useImportFlow<Preview, Result>() {
  const [phase, setPhase] = useState<ImportPhase>(IDLE);
  const [failure, setFailure] = useState<unknown>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  // Only the answer to the latest request counts (the file or its mapping may change before the last answer is back).
  const latest = useRef(0);

  async function send<T>(what: ImportStep, request: Send<T>, settle: (answer: T) => void) {
    const id = ++latest.current;
    setFailure(null);
    setResult(null);
    setPhase({ step: 'uploading', share: 0, what });
    const tracked: UploadOptions = {
      onProgress: (share) => setPhase({ step: 'uploading', share, what }),
      onSent: () => setPhase({ step: 'processing', what }),
    };
    try {
      // Only an import streams how many rows are written; asking a preview for it would change how it is answered.
      const answer = await request(what === 'import' ? { ...tracked, onServerProgress: (share) => setPhase({ step: 'writing', share, what: 'import' }) } : tracked);
      if (id === latest.current) settle(answer);
    } catch (error) {
      if (id === latest.current) setFailure(error);
    }
    if (id === latest.current) setPhase(IDLE);
  }

  return {
    phase,
    failure,
    preview,
    result,
    busy: phase.step !== 'idle',
    busyWith: (what: ImportStep) => phase.step !== 'idle' && phase.what === what,
    /** Forgets what was answered, and any answer still to come: the file or a choice about it changed. */
    reset: () => {
      latest.current += 1;
      setPreview(null);
      setResult(null);
      setFailure(null);
      setPhase(IDLE);
    },
    /** Reads and checks the file; `then` hears the preview when it is still the latest answer. */
    check: (request: Send<Preview>, then?: (preview: Preview) => void) =>
      void send('preview', request, (answer) => {
        setPreview(answer);
        then?.(answer);
      }),
    /** Imports the file: the result replaces the preview. */
    run: (request: Send<Result>) =>
      void send('import', request, (answer) => {
        setResult(answer);
        setPreview(null);
      }),
  };
}
