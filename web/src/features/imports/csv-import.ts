import { ApiError, type FieldProblem } from '../../api';

// What the CSV imports (members, work) share: the encodings offered, the steps a request goes through, the download.

export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'cp932'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export const CSV_TYPE = 'text/csv';

/** A preview reads and checks the file (nothing written); an import writes it. */
export type ImportStep = 'preview' | 'import';

export type ImportPhase =
  | { step: 'idle' }
  | { step: 'uploading'; share: number; what: ImportStep }
  | { step: 'processing'; what: ImportStep }
  | { step: 'writing'; share: number; what: 'import' };

export const IDLE: ImportPhase = { step: 'idle' };

/**
 * How far a request has come, as a percentage: sending the file and writing the rows have a measure; reading and
 * checking it on the server has none (shown full, animated).
 */
export function phaseProgress(phase: Exclude<ImportPhase, { step: 'idle' }>): { measured: boolean; percent: number } {
  if (phase.step === 'processing') return { measured: false, percent: 100 };
  return { measured: true, percent: Math.round(phase.share * 100) };
}

/** The organization a file is imported into: the one the link asked for when it may be chosen, else the first. */
export function initialOrganization(organizations: { id: string }[], requested: string | null): string {
  return (organizations.find((o) => o.id === requested) ?? organizations[0])?.id ?? '';
}

/** The problems a refusal with this code lists (the fields missing from the file, the rows refused). */
export function refusalProblems(error: unknown, code: string): FieldProblem[] {
  return error instanceof ApiError && error.code === code ? (error.problem.errors ?? []) : [];
}

/** Saves a file the app holds under a name, as a download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
