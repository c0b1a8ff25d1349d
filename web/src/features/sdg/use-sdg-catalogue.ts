import { useResource, type Resource } from '../../use-resource';
import { sdgPaths, type SdgCatalogue } from './sdg';

/** The catalogue does not change while the app runs: loaded once, then kept. */
let kept: SdgCatalogue | undefined;

/** The 17 goals and their targets. */
export function useSdgCatalogue(): Resource<SdgCatalogue> {
  const resource = useResource<SdgCatalogue>(kept ? null : sdgPaths.catalogue);
  if (resource.data) kept = resource.data;
  return kept ? { ...resource, data: kept, error: undefined, loading: false, stale: false } : resource;
}
