import { sql } from 'kysely';
import type { AppContext } from '../shared/context.js';

export interface RateLimitState {
  /** Hits in the current window, this one included. */
  current: number;
  /** Milliseconds until the window resets. */
  ttlMs: number;
}

/**
 * Counts one hit for `key` in a fixed window kept in the database, so every app instance behind a load balancer
 * shares the same counters. One atomic upsert; works on SQLite (3.35+) and PostgreSQL.
 */
export async function hitRateLimit(ctx: AppContext, key: string, windowMs: number): Promise<RateLimitState> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const resetIso = new Date(now.getTime() + windowMs).toISOString();
  const { rows } = await sql<{ hits: number; reset_at: string }>`
    insert into rate_limits (key, hits, window_start, reset_at) values (${key}, 1, ${nowIso}, ${resetIso})
    on conflict (key) do update set
      hits = case when rate_limits.reset_at <= excluded.window_start then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.reset_at <= excluded.window_start then excluded.window_start else rate_limits.window_start end,
      reset_at = case when rate_limits.reset_at <= excluded.window_start then excluded.reset_at else rate_limits.reset_at end
    returning hits, reset_at`.execute(ctx.db);
  const row = rows[0]!;
  return { current: Number(row.hits), ttlMs: Math.max(0, Date.parse(row.reset_at) - now.getTime()) };
}
