import { describe, expect, it } from 'vitest';
import { documentUploadType, formatFileSize, isTooLarge, MAX_DOCUMENT_BYTES } from './document-files';

describe('target documents', () => {
  it('sends a PDF as PDF and any other file as bytes', () => {
    expect(documentUploadType({ type: 'application/pdf' })).toBe('application/pdf');
    expect(documentUploadType({ type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })).toBe('application/octet-stream');
    expect(documentUploadType({ type: '' })).toBe('application/octet-stream');
  });

  it('refuses a file over the server’s 20 MB before sending it', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(20 * 1024 * 1024);
    expect(isTooLarge({ size: MAX_DOCUMENT_BYTES })).toBe(false);
    expect(isTooLarge({ size: MAX_DOCUMENT_BYTES + 1 })).toBe(true);
  });

  it('says a size in bytes, kilobytes or megabytes', () => {
    expect(formatFileSize(512, 'ja')).toBe('512 B');
    expect(formatFileSize(245_760, 'en')).toBe('240 KB');
    expect(formatFileSize(1_572_864, 'ja')).toBe('1.5 MB');
    expect(formatFileSize(12_345_678, 'en')).toBe('11.8 MB');
  });
});
