import type { ReactNode } from 'react';
import type { Resource } from '../use-resource';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';

interface LoadedProps<T> {
  resource: Resource<T>;
  children: (data: T) => ReactNode;
}

/** Renders a resource once it has arrived; a spinner before, an explanation with a retry button on failure. */
export function Loaded<T>({ resource, children }: LoadedProps<T>) {
  if (resource.data !== undefined) return children(resource.data);
  if (resource.error) return <ErrorState error={resource.error} onRetry={resource.reload} />;
  return <LoadingState />;
}
