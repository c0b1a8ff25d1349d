import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/**
 * When a batch of sign-in letters last moved (`progress_at`): written as it starts and after every thousand members.
 * A batch queued or running whose progress has stood still far longer than a thousand members take was cut off (the
 * server stopped while it ran): the hourly housekeeping marks it failed and deletes the letters half drawn, instead
 * of leaving a progress bar that never ends.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('invitation_batches').addColumn('progress_at', 'text').execute();
}
