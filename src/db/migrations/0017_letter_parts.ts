import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/**
 * Sign-in letters kept in parts: the PDF of a batch of 50,000 letters is some 75 MB, too much for one sealed column
 * and for memory. It is written as it is drawn, a part of at most 2 MiB at a time, each sealed on its own
 * (`invitation_letter_parts.sealed:<batch>:<part>`), and streamed back part by part on download. The batch says
 * how many parts make its letters once they are complete (`letters_parts`, null while drawing or once taken) and
 * their size. `invitation_batches.letters_sealed` is no longer written.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('invitation_batches').addColumn('letters_parts', 'integer').execute();
  await db.schema.alterTable('invitation_batches').addColumn('letters_bytes', 'integer').execute();

  await db.schema
    .createTable('invitation_letter_parts')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('invitation_batches.id'))
    // 1, 2, ... in the order of the PDF's bytes.
    .addColumn('part', 'integer', (c) => c.notNull())
    // At most 2 MiB of the PDF, base64, sealed with the data key (the letters hold one-time codes).
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('invitation_letter_parts_pk', ['batch_id', 'part'])
    .execute();
}
