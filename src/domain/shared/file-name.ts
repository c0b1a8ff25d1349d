/** The largest document kept (a meeting's, a campaign target's): 20 MB, a scanned set of minutes. */
export const maxDocumentBytes = 20 * 1024 * 1024;

/**
 * The name an uploaded file is kept under: what the user's computer called it, without a folder (some browsers and
 * scripts send `C:\…\請願書.pdf`) and without control characters, in Unicode NFC (a Mac sends が as か + ゛).
 * Null when nothing is left.
 */
export function storedFileName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.normalize('NFC').replace(/\p{Cc}/gu, '').trim();
  return clean === '' || clean === '.' || clean === '..' ? null : clean;
}
