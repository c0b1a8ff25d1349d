import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/**
 * Governance: bodies and their seats, versioned bylaws, meetings with their electorate, documents and notices,
 * motions (with amendments) and elections, proxies, attendance, and secret ballots kept apart from the record of
 * who voted.
 *
 * Secrecy by construction: `votes_cast` (who voted on what, and how: in person, in writing, by proxy) and
 * `ballots` (a receipt and a choice) share no column but the motion. Ballots have no timestamp and no
 * time-ordered id: their key is the receipt, a random code, and SQLite stores them in key order (WITHOUT ROWID),
 * so neither ids, times nor storage order follow the order of voting. On PostgreSQL the rows of one transaction
 * share its transaction id; closing a motion rewrites its ballots in receipt order under one new transaction
 * (see sealBallots), so afterwards nothing in the database joins a ballot to a voter.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const blob = dialect === 'postgresql' ? 'bytea' : 'blob';
  const withoutRowid = dialect === 'sqlite' ? sql`without rowid` : sql``;

  // A member's own account: the person it belongs to, so that they can vote and see their co-op life.
  await db.schema.alterTable('users').addColumn('person_id', 'text', (c) => c.references('people.id')).execute();

  await db.schema
    .createTable('bodies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bodies_kind_unique', ['organization_id', 'kind'])
    .execute();

  // Who sits on a body that is not every member: delegates (by constituency), directors, auditors, and the
  // federation assembly's delegates from member organizations. Terms are dated; history is kept.
  await db.schema
    .createTable('body_seats')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('membership_id', 'text', (c) => c.references('memberships.id'))
    // The organization the seat-holder represents (their own co-op, or a member organization of the federation).
    .addColumn('represents_organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('constituency', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('term_from', 'text', (c) => c.notNull())
    .addColumn('term_until', 'text')
    .addColumn('elected_by_motion_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .execute();
  await db.schema.createIndex('body_seats_body_idx').on('body_seats').columns(['body_id', 'term_from']).execute();

  await db.schema
    .createTable('bylaw_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('settings_json', 'text', (c) => c.notNull())
    // proposed → in_force (through the special resolution that adopted it) or rejected; founding bylaws are in
    // force from registration, adopted by the founding meeting before Kyodo knew the co-op.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('founding', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('effective_from', 'text')
    .addColumn('adopted_by_motion_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addUniqueConstraint('bylaw_versions_no_unique', ['organization_id', 'version_no'])
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('place', 'text')
    .addColumn('online_url', 'text')
    .addColumn('record_date', 'text', (c) => c.notNull())
    .addColumn('voting_deadline', 'text')
    .addColumn('written_voting', 'integer', (c) => c.notNull())
    .addColumn('electronic_voting', 'integer', (c) => c.notNull())
    .addColumn('proxy_allowed', 'integer', (c) => c.notNull())
    // draft → convened (notice sent) → in_session → closed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notice_date', 'text')
    .addColumn('chair_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('minutes_signers', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_org_idx').on('meetings').columns(['organization_id', 'starts_at']).execute();

  // The voters of a meeting, computed from the registry (or the body's seats) on the record date and kept.
  await db.schema
    .createTable('electorate')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('membership_id', 'text')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addPrimaryKeyConstraint('electorate_pk', ['meeting_id', 'person_id'])
    .modifyEnd(withoutRowid)
    .execute();

  await db.schema
    .createTable('meeting_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .execute();
  await db.schema.createIndex('meeting_documents_meeting_idx').on('meeting_documents').column('meeting_id').execute();

  await db.schema
    .createTable('meeting_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('notice_date', 'text', (c) => c.notNull())
    .addColumn('in_time', 'integer', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('sent', 'integer', (c) => c.notNull())
    .addColumn('without_email', 'integer', (c) => c.notNull())
    .addColumn('failures_json', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text')
    .execute();

  await db.schema
    .createTable('motions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // An amendment names the motion it amends; it is voted before that motion.
    .addColumn('amends_motion_id', 'text', (c) => c.references('motions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('voting', 'text', (c) => c.notNull())
    .addColumn('election_method', 'text')
    .addColumn('office', 'text')
    .addColumn('seats', 'integer')
    .addColumn('bylaw_version_id', 'text', (c) => c.references('bylaw_versions.id'))
    // draft → open (ballots accepted) → closed (result declared)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text')
    .addColumn('chair_decision', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('motions_meeting_idx').on('motions').columns(['meeting_id', 'position']).execute();

  await db.schema
    .createTable('candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('motion_id', 'text', (c) => c.notNull().references('motions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('statement', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('candidates_person_unique', ['motion_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('proxies')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('grantor_person_id', 'text', (c) => c.notNull())
    .addColumn('holder_person_id', 'text', (c) => c.notNull())
    .addColumn('appointed_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addPrimaryKeyConstraint('proxies_pk', ['meeting_id', 'grantor_person_id'])
    .execute();
  await db.schema.createIndex('proxies_holder_idx').on('proxies').columns(['meeting_id', 'holder_person_id']).execute();

  await db.schema
    .createTable('attendance')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('checked_out_at', 'text')
    .addColumn('recorded_by', 'text')
    .addPrimaryKeyConstraint('attendance_pk', ['meeting_id', 'person_id'])
    .execute();

  // Who voted on a motion, and how — never what. The primary key is the database's guarantee of one member, one
  // vote: a second ballot by the same voter on the same motion cannot be written.
  await db.schema
    .createTable('votes_cast')
    .addColumn('motion_id', 'text', (c) => c.notNull().references('motions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('proxy_person_id', 'text')
    // Only for roll-call (open) votes, where how each member voted is part of the record.
    .addColumn('open_choice', 'text')
    .addColumn('recorded_by', 'text')
    .addPrimaryKeyConstraint('votes_cast_pk', ['motion_id', 'person_id'])
    .modifyEnd(withoutRowid)
    .execute();

  // The ballots: a receipt the voter keeps, and the choice. No voter, no time, no sequence.
  await db.schema
    .createTable('ballots')
    .addColumn('motion_id', 'text', (c) => c.notNull().references('motions.id'))
    .addColumn('receipt', 'text', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballots_pk', ['motion_id', 'receipt'])
    .modifyEnd(withoutRowid)
    .execute();

  // Paper ballots counted by the tellers in the room, combined with the electronic ones.
  await db.schema
    .createTable('teller_counts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('motion_id', 'text', (c) => c.notNull().references('motions.id'))
    .addColumn('counts_json', 'text', (c) => c.notNull())
    .addColumn('ballots', 'integer', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text')
    .execute();
  await db.schema.createIndex('teller_counts_motion_idx').on('teller_counts').column('motion_id').execute();
}
