import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/**
 * The member portal (マイページ): invitations with one-time codes (kept only as hashes), printed sign-in letters
 * (the batch's PDF sealed until it is downloaded), passkeys, a member's requests to change their name or address
 * (a clerk confirms), and a login id for members who have no e-mail address.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const blob = dialect === 'postgresql' ? 'bytea' : 'blob';

  // A member without e-mail signs in with a login id (the organization's code and the member number: chiba-00123).
  await db.schema.alterTable('users').addColumn('login_id', 'text').execute();
  await db.schema.createIndex('users_login_id').on('users').column('login_id').unique().execute();

  await db.schema
    .createTable('invitation_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    // queued | running | done | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('emailed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lettered', 'integer', (c) => c.notNull().defaultTo(0))
    // What was asked: the members chosen, the channel, the language rule (JSON).
    .addColumn('request_json', 'text', (c) => c.notNull())
    // The letters' PDF, sealed with the data key (it holds one-time codes), until downloaded or expired.
    .addColumn('letters_sealed', 'text')
    .addColumn('letters_expire_at', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('invitation_batches_org').on('invitation_batches').columns(['organization_id', 'created_at']).execute();

  await db.schema
    .createTable('member_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('membership_id', 'text', (c) => c.notNull().references('memberships.id'))
    .addColumn('batch_id', 'text', (c) => c.references('invitation_batches.id'))
    // email | letter
    .addColumn('channel', 'text', (c) => c.notNull())
    // SHA-256 of the one-time code (the code itself is only ever in the e-mail or on the letter).
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_invitations_membership').on('member_invitations').columns(['membership_id', 'created_at']).execute();

  await db.schema
    .createTable('passkeys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // The credential id, base64url.
    .addColumn('credential_id', 'text', (c) => c.notNull().unique())
    .addColumn('public_key', blob, (c) => c.notNull())
    .addColumn('counter', 'integer', (c) => c.notNull())
    .addColumn('transports', 'text')
    .addColumn('name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('passkeys_user').on('passkeys').column('user_id').execute();

  // A WebAuthn challenge waiting for its answer (registration for a signed-in user, or sign-in), short-lived.
  await db.schema
    .createTable('webauthn_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text')
    .addColumn('challenge', 'text', (c) => c.notNull())
    // registration | authentication
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  // A member's own change of name or address waits for a clerk; e-mail and phone change at once (audited).
  await db.schema
    .createTable('contact_change_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    // The fields asked for, JSON: { familyName, givenName, familyKana, givenKana, postalCode, prefectureCode, address }.
    .addColumn('changes_json', 'text', (c) => c.notNull())
    // pending | confirmed | rejected | withdrawn
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_change_requests_org').on('contact_change_requests').columns(['organization_id', 'status']).execute();
}
