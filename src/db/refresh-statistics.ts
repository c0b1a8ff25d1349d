import { sql, type Kysely } from 'kysely';
import type { Schema } from './schema.js';
import type { DialectName } from './dialect-name.js';

/**
 * After a bulk load the query planner's statistics are stale: SQLite has none until ANALYZE runs, and without
 * them it reads a whole organization's members instead of using the search index. A sampled ANALYZE (SQLite)
 * or a plain one (PostgreSQL) on the tables that grew takes well under a second at 65,000 members.
 */
export async function refreshStatistics(db: Kysely<Schema>, dialect: DialectName, tables: readonly string[]): Promise<void> {
  if (dialect === 'sqlite') await sql`pragma analysis_limit = 1000`.execute(db);
  // PostgreSQL: VACUUM as well, so that the visibility map lets the register read from its index alone.
  for (const table of tables) await sql`${sql.raw(dialect === 'postgresql' ? 'vacuum analyze' : 'analyze')} ${sql.table(table)}`.execute(db);
}
