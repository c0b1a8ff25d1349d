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
  // The baseline is taken now, synchronously: fs.watchFile takes its first stat later, so a rotation written just
  // after the server started could become that baseline and never be seen.
  let seen = fileVersion(file);
  const timer = setInterval(() => {
    const now = fileVersion(file);
    if (now === seen) return;
    seen = now;
    if (now === null) return;
    try {
      const keyring = loadKeyring({ ...settings, create: false });
      if (keyring) ctx.keyring = keyring;
    } catch (error) {
      onError(error);
    }
  }, keyFilePollMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** What tells one state of the file from another: its inode (a rename replaces it), size and modification time. */
function fileVersion(file: string): string | null {
  try {
    const stat = fs.statSync(file, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    return null;
  }
}
