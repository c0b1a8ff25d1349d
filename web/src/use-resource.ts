import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
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
export function useResource<T>(path: string | null): Resource<T> {
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
  return {
    data: fresh ? state.data : undefined,
    error: fresh ? state.error : undefined,
    loading: path !== null && !fresh,
    reload,
  };
}
