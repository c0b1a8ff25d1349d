/** The PDF the server sent as base64, as a file to save. */
export function pdfBlob(base64: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

/** The name to save the report under: the server's, or one made from the year and language if it gave none. */
export function reportFilename(filename: string | undefined, fiscalYear: number, language: 'ja' | 'en'): string {
  const safe = (filename ?? '').replace(/[\\/:*?"<>|]/g, '').trim();
  return safe || `annual-report-${fiscalYear}-${language}.pdf`;
}
