import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import type { AppContext } from '../shared/context.js';

/**
 * When an API token was last used, written in batches: a script or a member's device that signs each request with a
 * token would otherwise make every first use in five minutes a write of its own, on the path of the request (on
 * SQLite, a commit queued behind every other writer). Uses are noted in memory and written at most a second later,
 * to the second, a few statements per batch; the app flushes them when it closes. A crash loses at most that
 * second of "last used" times, never anything else: the column is informative (the token list shows it), not a
 * security decision.
 */
const flushDelayMs = 1_000;
/** Ids per UPDATE: well within both dialects' limits on bound parameters. */
const chunkSize = 500;

interface Pending {
  /** Token id → when it was used (ISO). */
  uses: Map<string, string>;
  timer: NodeJS.Timeout | null;
}

const pendingByDatabase = new WeakMap<Kysely<Schema>, Pending>();

export function noteTokenUse(ctx: AppContext, tokenId: string, at: string): void {
  let pending = pendingByDatabase.get(ctx.db);
  if (!pending) pendingByDatabase.set(ctx.db, (pending = { uses: new Map(), timer: null }));
  // To the second: a batch then holds one or two distinct times, and takes a statement per 500 tokens.
  pending.uses.set(tokenId, `${at.slice(0, 19)}.000Z`);
  pending.timer ??= setTimeout(() => {
    flushTokenUse(ctx).catch((error: unknown) => console.error(`kyodo: could not record when API tokens were last used: ${error instanceof Error ? error.message : String(error)}`));
  }, flushDelayMs).unref();
}

/** Writes the noted uses now, in one transaction: each token's time (to the second), grouped by time. */
export async function flushTokenUse(ctx: AppContext): Promise<void> {
  const pending = pendingByDatabase.get(ctx.db);
  if (!pending) return;
  if (pending.timer) clearTimeout(pending.timer);
  pending.timer = null;
  if (pending.uses.size === 0) return;
  const byTime = new Map<string, string[]>();
  for (const [id, at] of pending.uses) {
    const ids = byTime.get(at);
    if (ids) ids.push(id);
    else byTime.set(at, [id]);
  }
  pending.uses = new Map();
  await ctx.db.transaction().execute(async (trx) => {
    for (const [at, ids] of byTime) {
      for (let i = 0; i < ids.length; i += chunkSize) {
        await trx.updateTable('api_tokens').set({ last_used_at: at }).where('id', 'in', ids.slice(i, i + chunkSize)).execute();
      }
    }
  });
}
