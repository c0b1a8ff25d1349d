import { maxDocumentBytes } from '../../../../src/domain/shared/file-name';
import type { Locale } from '../../i18n';

/** The largest document the server keeps (a meeting's or a campaign target's): checked before sending 20 MB for nothing. */
export const MAX_DOCUMENT_BYTES = maxDocumentBytes;

/** The type a file is sent as: a PDF as PDF, anything else as bytes (the two the server takes). */
export function documentUploadType(file: Pick<File, 'type'>): 'application/pdf' | 'application/octet-stream' {
  return file.type === 'application/pdf' ? 'application/pdf' : 'application/octet-stream';
}

/** Whether a file is too large to keep. */
export const isTooLarge = (file: Pick<File, 'size'>): boolean => file.size > MAX_DOCUMENT_BYTES;

const sizeFormats: Record<Locale, Intl.NumberFormat> = {
  ja: new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

/** A file's size as a reader says it: 512 B, 240 KB, 1.5 MB (1 KB = 1,024 bytes). */
export function formatFileSize(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${sizeFormats[locale].format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${sizeFormats[locale].format(bytes / 1024)} KB`;
  return `${sizeFormats[locale].format(bytes / (1024 * 1024))} MB`;
}
