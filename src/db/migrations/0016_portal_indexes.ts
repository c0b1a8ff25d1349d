import type { Kysely } from 'kysely';

/**
 * A member's portal reads governance by person: the meetings they vote in (the electorate, keyed on meeting), whether
 * they have voted on each motion (votes cast, keyed on motion) and their seats as a delegate (seats, keyed on body).
 * Without an index that starts with the person, PostgreSQL reads every voter of every meeting on each page (some
 * 13,000 rows in the seed's federation, more with every general assembly) and every vote cast; these make each of
 * those reads a key lookup, on both databases.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('electorate_person_idx').on('electorate').columns(['person_id', 'meeting_id']).execute();
  await db.schema.createIndex('votes_cast_person_idx').on('votes_cast').columns(['person_id', 'motion_id']).execute();
  await db.schema.createIndex('body_seats_person_idx').on('body_seats').columns(['person_id', 'role']).execute();
}
