import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { initialOrganization, type ImportEncoding } from './csv-import';

/** The file to import, how it is encoded, and the organization it goes into. */
export interface ImportChoice {
  organizationId: string;
  file: File | null;
  encoding: ImportEncoding;
}

/** The choice of file, starting with the organization a link asked for (`?organization=`) when it is offered. */
export function useImportChoice(organizations: { id: string }[]) {
  const [params] = useSearchParams();
  return useState<ImportChoice>(() => ({ organizationId: initialOrganization(organizations, params.get('organization')), file: null, encoding: 'auto' }));
}
