import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api';

export interface Resource<T> {
  /** The answer for the current path; with `keepPrevious`, the last answer while the next one loads. */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** `data` is the answer for another path (only with `keepPrevious`), shown while this one loads. */
  stale: boolean;
  reload: () => void;
}

export interface ResourceOptions {
  /**
   * Keep showing the last answer while another path loads (the previous page of a list while the next one comes),
   * instead of nothing.
   */
  keepPrevious?: boolean;
}

interface ResourceState<T> {
  path: string | null;
  data?: T;
  error?: ApiError;
}

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError({ status: 0, code: 'internal_error' });
}

/** Loads `GET path` (nothing while path is null) and reloads on demand. */
export function useResource<T>(path: string | null, options: ResourceOptions = {}): Resource<T> {
  const [state, setState] = useState<ResourceState<T>>({ path: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    api.get<T>(path).then(
      (data) => current && setState({ path, data }),
      (error: unknown) => current && setState({ path, error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const fresh = state.path === path;
  const previous = !fresh && options.keepPrevious && path !== null ? state.data : undefined;
  return {
    data: fresh ? state.data : previous,
    error: fresh ? state.error : undefined,
    loading: path !== null && !fresh,
    stale: previous !== undefined,
    reload,
  };
}
