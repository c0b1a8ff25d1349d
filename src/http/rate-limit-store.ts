import { hitRateLimit } from '../app/rate-limits/hit-rate-limit.js';
import type { AppContext } from '../app/shared/context.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps counters in the database, shared by every app instance.
 * Returned as a class because the plugin instantiates the store itself.
 */
export function databaseRateLimitStore(ctx: AppContext) {
  return class DatabaseRateLimitStore {
    prefix = 'rl';

    incr(key: string, callback: Callback, timeWindow: number): void {
      hitRateLimit(ctx, `${this.prefix}:${key}`, timeWindow).then(
        (state) => callback(null, { current: state.current, ttl: state.ttlMs }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: { method?: string | string[]; url?: string; routeInfo?: { method?: string | string[]; url?: string } }): DatabaseRateLimitStore {
      const store = new DatabaseRateLimitStore();
      const route = routeOptions.routeInfo ?? routeOptions;
      store.prefix = `rl:${String(route.method ?? '')}:${route.url ?? ''}`;
      return store;
    }
  };
}
