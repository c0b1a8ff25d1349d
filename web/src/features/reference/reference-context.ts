import { createContext, useContext } from 'react';
import type { Reference } from './reference';

export const ReferenceContext = createContext<Reference | null>(null);

/** The server's code lists; available on every signed-in page. */
export function useReference(): Reference {
  const reference = useContext(ReferenceContext);
  if (!reference) throw new Error('useReference needs a ReferenceProvider');
  return reference;
}
