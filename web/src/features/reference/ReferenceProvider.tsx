import type { ReactNode } from 'react';
import { Loaded } from '../../components/Loaded';
import { useResource } from '../../use-resource';
import type { Reference } from './reference';
import { ReferenceContext } from './reference-context';

/** Loads the code lists once for the signed-in part of the app. */
export function ReferenceProvider({ children }: { children: ReactNode }) {
  const reference = useResource<Reference>('/reference');
  return (
    <Loaded resource={reference}>
      {(data) => <ReferenceContext.Provider value={data}>{children}</ReferenceContext.Provider>}
    </Loaded>
  );
}
