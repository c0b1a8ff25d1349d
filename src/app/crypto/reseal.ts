import { sql } from 'kysely';
import { inTransaction, type AppContext } from '../shared/context.js';
import { loadKeyring, seal, unseal, type Keyring, type KeySettings } from './keyring.js';
import { sealContext, sealedColumns, type SealedTable } from './sealed-columns.js';

/** Rows re-encrypted per transaction: short transactions, so the app keeps working while a reseal runs. */
const batchSize = 500;

export interface ResealResult {
  /** Values re-encrypted, per table. */
  byTable: Record<SealedTable, number>;
  total: number;
}

export type ResealProgress = (progress: { table: SealedTable; resealed: number }) => void;

/**
 * Re-encrypts under the active key every sealed value sealed under another one, page by page in the order of the
 * rows' ids, one transaction per page. Each row is rewritten whole or not at all, so a run stopped midway leaves
 * every value readable with the old keys or the new one, and running it again finishes the work. A value that
 * changed since it was read (a use case wrote it meanwhile, under the active key) is left as it is.
 */
export async function resealAll(ctx: AppContext, keyring: Keyring, onProgress?: ResealProgress): Promise<ResealResult> {
  const byTable = {} as Record<SealedTable, number>;
  let total = 0;
  // Key ids are letters, digits and hyphens: no LIKE wildcard can appear in the pattern.
  const activePrefix = `kg1.${keyring.activeId}.%`;
  for (const { table, column } of sealedColumns) {
    let resealed = 0;
    let after = '';
    for (;;) {
      const page = await inTransaction(ctx, async (trx) => {
        const rows = await trx.selectFrom(table).select(['id', 'sealed'])
          .where('id', '>', after).where('sealed', 'is not', null).where('sealed', 'not like', activePrefix)
          .orderBy('id').limit(batchSize).execute();
        let changed = 0;
        for (const row of rows) {
          const context = sealContext(table, column, row.id);
          const value = seal(keyring, unseal(keyring, row.sealed!, context), context);
          const result = await trx.updateTable(table).set({ sealed: value }).where('id', '=', row.id).where('sealed', '=', row.sealed).executeTakeFirst();
          changed += Number(result.numUpdatedRows);
        }
        return { last: rows.at(-1)?.id ?? null, size: rows.length, changed };
      });
      resealed += page.changed;
      if (page.size > 0) onProgress?.({ table, resealed });
      if (page.last === null || page.size < batchSize) break;
      after = page.last;
    }
    byTable[table] = resealed;
    total += resealed;
  }
  return { byTable, total };
}

/** How many sealed values each key id holds, over every sealed column: what `kyodo keys status` shows. */
export async function countByKey(ctx: AppContext): Promise<Record<string, number>> {
  // The key id sits between the first two dots of `kg1.<key id>.<data>`.
  const keyId = ctx.dialect === 'postgresql'
    ? sql<string>`split_part(sealed, '.', 2)`
    : sql<string>`substr(sealed, 5, instr(substr(sealed, 5), '.') - 1)`;
  const counts: Record<string, number> = {};
  for (const { table } of sealedColumns) {
    const rows = await ctx.db.selectFrom(table).select([keyId.as('key_id'), (eb) => eb.fn.countAll().as('n')])
      .where('sealed', 'is not', null).groupBy(keyId).execute();
    for (const row of rows) counts[row.key_id] = (counts[row.key_id] ?? 0) + Number(row.n);
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** True when any sealed column holds a value. */
export async function holdsSealedData(ctx: AppContext): Promise<boolean> {
  for (const { table } of sealedColumns) {
    if (await ctx.db.selectFrom(table).select('id').where('sealed', 'is not', null).limit(1).executeTakeFirst()) return true;
  }
  return false;
}

/**
 * The keyring a process starts with (`openRuntime`). The first start makes the key file (KYODO_DATA_KEYS aside), but
 * only while the database holds nothing sealed: a missing file then means the keys were lost or the setting points
 * elsewhere, and a fresh key would only seal new data under a key the old data does not open. Without keys, sealed
 * data is refused (`data_key_missing`) and `kyodo keys status` says why; the rest of the app works.
 */
export async function openKeyring(ctx: AppContext, settings: KeySettings): Promise<Keyring | undefined> {
  const existing = loadKeyring({ ...settings, create: false });
  if (existing) return existing;
  if (await holdsSealedData(ctx)) return undefined;
  return loadKeyring({ ...settings, create: true, now: ctx.now() }) ?? undefined;
}
