import fs from 'node:fs';
import type { AppContext } from '../shared/context.js';
import { keySource, loadKeyring, type KeySettings } from './keyring.js';

/** How often a serving process looks at the key file (a rotation waits a little longer than this before resealing). */
export const keyFilePollMs = 1_000;

/**
 * Keeps a serving process's keys in step with the key file: when `kyodo keys rotate` adds a key, the server seals
 * under it from the next poll, and when the old key is dropped it holds only the new one — no restart needed.
 * Keys from KYODO_DATA_KEYS change only with a restart. A file that cannot be read keeps the keys already held.
 */
export function watchKeyFile(ctx: AppContext, settings: KeySettings, onError: (error: unknown) => void): () => void {
  const source = keySource(settings);
  if (source.kind !== 'file') return () => undefined;
  const file = source.path!;
  const reload = (current: fs.Stats, previous: fs.Stats) => {
    if (current.mtimeMs === previous.mtimeMs && current.size === previous.size) return;
    try {
      const keyring = loadKeyring({ ...settings, create: false });
      if (keyring) ctx.keyring = keyring;
    } catch (error) {
      onError(error);
    }
  };
  fs.watchFile(file, { interval: keyFilePollMs, persistent: false }, reload);
  return () => fs.unwatchFile(file, reload);
}
