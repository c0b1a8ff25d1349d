import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/**
 * The registry's search is answered from an index kept in memory, made from the names and member numbers and made
 * again when the audit log shows a change (`src/app/members/member-search.ts`). The token table goes: it held about
 * seven rows per member, most of what an import wrote.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.dropTable('member_search_tokens').execute();
}
