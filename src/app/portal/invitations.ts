import { once } from 'node:events';
import fs from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ExpressionBuilder } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { canKeepRegistry, type Actor } from '../../domain/access/policy.js';
import { groupCode, loginIdOf, type InvitationChannel } from '../../domain/portal/one-time-code.js';
import { DomainError, forbidden, invalid, notFound } from '../../domain/shared/errors.js';
import type { InvitationBatch } from '../../domain/portal/views.js';
import type { DocumentLocale } from '../documents/pdf-kit.js';
import { recordAudit, type AuditActor } from '../audit/record-audit.js';
import { requireKeyring, seal, unseal } from '../crypto/keyring.js';
import type { MailDeps } from '../governance/notice.js';
import { sendMany, type OutgoingMail } from '../mail/mailer.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, isoNow, localDate, newId, type AppContext, type Tx } from '../shared/context.js';
import { signInLettersPdf, writeSignInLetters, type SignInLetter } from './letters-pdf.js';
import { issueCodes, type IssuedCode } from './one-time-codes.js';

/**
 * Inviting members to their portal (マイページ) in bulk: each chosen member gets a one-time code, by e-mail where the
 * registry has an address (and a mail server is configured), otherwise on a printed sign-in letter. A batch of
 * 50,000 members runs in the background and reports its progress in its row (done of total); the letters are one
 * PDF, written as it is drawn into parts of 2 MiB each sealed with the data key while it waits to be downloaded (it
 * holds the codes), streamed back part by part once, deleted once downloaded or after a day.
 */

export const invitationChannels = ['auto', 'email', 'letter'] as const;
export type ChannelChoice = (typeof invitationChannels)[number];
export const letterLanguages = ['member', 'ja', 'en'] as const;
export type LanguageChoice = (typeof letterLanguages)[number];

export interface InvitationRequest {
  /** The members to invite; all current members (admitted, or admitted with a withdrawal notified) when absent. */
  membershipIds?: string[];
  /** Only members of these kinds. */
  kinds?: string[];
  channel: ChannelChoice;
  /** 'member': each member's own language (their account's, Japanese when they have none yet). */
  language: LanguageChoice;
}

export interface InvitationDeps {
  mail: MailDeps;
  /** Where a code is entered: `${publicUrl}/sign-in/code`, printed and in the QR code. */
  signInUrl: string;
}

export type { InvitationBatch };

/** How long the sealed letters wait to be downloaded. */
const lettersKeptMs = 24 * 3_600_000;
/** Members handled per transaction (codes issued, progress written). */
const chunkSize = 1000;
const currentStatuses = ['admitted', 'withdrawal_notified'];

/** A part of the letters' PDF: 2 MiB (some 3.6 MB once sealed as text), one row of invitation_letter_parts. */
const defaultPartBytes = 2 * 1_048_576;
const partContext = (batchId: string, part: number) => `invitation_letter_parts.sealed:${batchId}:${part}`;

interface Invitee {
  membershipId: string;
  memberNumber: string;
  familyName: string;
  givenName: string;
  email: string | null;
  locale: DocumentLocale;
}

interface OrganizationView {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string | null;
}

const organizationName = (org: OrganizationView, locale: DocumentLocale) => (locale === 'en' ? (org.nameEn ?? org.nameJa) : org.nameJa);
const memberName = (invitee: Invitee) => `${invitee.familyName} ${invitee.givenName}`;

async function organizationOf(db: Tx, organizationId: string): Promise<OrganizationView> {
  const org = await findOrganization(db, organizationId);
  if (!org) throw notFound('organization');
  return { id: org.id, code: org.code, nameJa: org.nameJa, nameEn: org.nameEn };
}

/** The members a request names, in member-number order, with what a letter or an e-mail needs. */
async function inviteesOf(db: Tx, organizationId: string, request: Pick<InvitationRequest, 'membershipIds' | 'kinds' | 'language'>): Promise<Invitee[]> {
  let query = db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('users as u', (join) => join.onRef('u.person_id', '=', 'm.person_id').onRef('u.organization_id', '=', 'm.organization_id').on('u.role', '=', 'member'))
    .select(['m.id', 'm.member_number', 'm.status', 'p.family_name', 'p.given_name', 'p.email', 'u.locale'])
    .where('m.organization_id', '=', organizationId)
    .orderBy('m.member_number_key').orderBy('m.id');
  if (request.kinds?.length) query = query.where('m.kind', 'in', request.kinds);
  const rows = await query.execute();
  const wanted = request.membershipIds ? new Set(request.membershipIds) : null;
  if (wanted) {
    const found = new Set(rows.map((r) => r.id));
    const unknown = [...wanted].filter((id) => !found.has(id));
    if (unknown.length) throw invalid([{ field: 'membershipIds', code: 'not_found', message: `not members of this organization${request.kinds?.length ? ' of the kinds asked' : ''}: ${unknown.slice(0, 5).join(', ')}` }]);
  }
  const seen = new Set<string>();
  const invitees: Invitee[] = [];
  for (const row of rows) {
    // A person with two member accounts in the organization is unusual; one invitation per membership all the same.
    if (seen.has(row.id) || (wanted ? !wanted.has(row.id) : !currentStatuses.includes(row.status))) continue;
    seen.add(row.id);
    invitees.push({
      membershipId: row.id, memberNumber: row.member_number, familyName: row.family_name, givenName: row.given_name, email: row.email?.trim() || null,
      locale: request.language === 'member' ? (row.locale === 'en' ? 'en' : 'ja') : request.language,
    });
  }
  return invitees;
}

/** The organization's own members and staff without the right are refused; another organization's things are not shown to exist. */
function checkReach(actor: Actor, organizationId: string, entity: string): void {
  if (canKeepRegistry(actor, organizationId)) return;
  throw actor.organizationId === organizationId ? forbidden() : notFound(entity);
}

function checkStaff(actor: Actor | null, organizationId: string): void {
  if (actor && !canKeepRegistry(actor, organizationId)) throw forbidden();
}

/**
 * Records a batch (queued) for the members asked for and returns it; `runInvitationBatch` does the work. Refuses
 * up front what could only fail later: e-mail without a mail server, letters without a data key to seal them.
 */
export async function createInvitationBatch(
  ctx: AppContext, actor: Actor | null, auditActor: AuditActor, deps: InvitationDeps, organizationId: string, request: InvitationRequest, options: { keepLetters: boolean },
): Promise<{ batchId: string; total: number }> {
  checkStaff(actor, organizationId);
  await organizationOf(ctx.db, organizationId);
  if (request.channel === 'email' && !deps.mail.mailer) {
    throw new DomainError('rule_violation', 'mail_not_configured', 'no mail server is configured (SMTP_URL): invite by printed letters');
  }
  if (options.keepLetters && request.channel !== 'email') requireKeyring(ctx);
  const invitees = await inviteesOf(ctx.db, organizationId, request);
  const total = request.channel === 'email' ? invitees.filter((i) => i.email).length : invitees.length;
  if (total === 0) throw new DomainError('rule_violation', 'no_members_to_invite', 'no member matches (with e-mail only: none has an address)');
  const batchId = newId();
  await inTransaction(ctx, async (trx) => {
    const at = isoNow(ctx);
    await trx.insertInto('invitation_batches').values({
      id: batchId, organization_id: organizationId, status: 'queued', total, done: 0, emailed: 0, lettered: 0, request_json: JSON.stringify(request),
      letters_sealed: null, letters_expire_at: null, letters_parts: null, letters_bytes: null, error: null, created_by: auditActor.email, created_at: at, finished_at: null, progress_at: null,
    }).execute();
    await recordAudit(trx, auditActor, {
      organizationId, entityType: 'invitation_batch', entityId: batchId, action: 'invite', before: null, after: { total, channel: request.channel, language: request.language },
    }, at);
  });
  return { batchId, total };
}

/** Where a batch's PDF goes as it is drawn: sealed parts, a file, memory. */
interface LetterTarget {
  write(chunk: Buffer): Promise<void>;
  end(): Promise<void>;
}

/** The PDF into sealed parts of `partBytes` each (the last one smaller), each inserted as soon as it is full. */
function sealedParts(ctx: AppContext, batchId: string, partBytes: number): LetterTarget & { parts: () => number; bytes: () => number } {
  const keyring = requireKeyring(ctx);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let parts = 0;
  let bytes = 0;
  const insert = async (data: Buffer) => {
    parts += 1;
    bytes += data.length;
    await ctx.db.insertInto('invitation_letter_parts').values({
      batch_id: batchId, part: parts, sealed: seal(keyring, data.toString('base64'), partContext(batchId, parts)), bytes: data.length,
    }).execute();
  };
  return {
    async write(chunk) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < partBytes) return;
      let data = Buffer.concat(pending);
      pending = [];
      while (data.length >= partBytes) {
        await insert(data.subarray(0, partBytes));
        data = data.subarray(partBytes);
      }
      pending = data.length ? [Buffer.from(data)] : [];
      pendingBytes = data.length;
    },
    async end() {
      if (pendingBytes) await insert(Buffer.concat(pending));
      pending = [];
      pendingBytes = 0;
    },
    parts: () => parts,
    bytes: () => bytes,
  };
}

/** The PDF into a file, opened with the first byte (no file when every member was e-mailed). */
function fileTarget(file: string): LetterTarget {
  let out: fs.WriteStream | null = null;
  return {
    async write(chunk) {
      out ??= fs.createWriteStream(file);
      if (!out.write(chunk)) await once(out, 'drain');
    },
    async end() {
      if (!out) return;
      out.end();
      await finished(out);
    },
  };
}

function memoryTarget(): LetterTarget & { pdf: () => Buffer } {
  const chunks: Buffer[] = [];
  return { write: async (chunk) => { chunks.push(chunk); }, end: async () => undefined, pdf: () => Buffer.concat(chunks) };
}

/** One stream for the renderer that writes each chunk to every target, in order, before taking the next. */
function fanOut(targets: LetterTarget[]): Writable {
  return new Writable({
    // A few hundred pages may wait while a part is sealed and inserted: the drawing need not stop at every page.
    highWaterMark: 1_048_576,
    write(chunk: Buffer, _encoding, callback) {
      Promise.all(targets.map((target) => target.write(chunk))).then(() => callback(), callback);
    },
    final(callback) {
      Promise.all(targets.map((target) => target.end())).then(() => callback(), callback);
    },
  });
}

export interface RunOptions {
  /** Seal the letters into the batch for one download (the server); the CLI writes them to a file instead. */
  keepLetters: boolean;
  /** A file the letters' PDF is written to as it is drawn (`kyodo members invite --out`). */
  outFile?: string;
  /**
   * Also return the whole PDF in memory: for a few letters, tests and the bench, never for the server's batches
   * (50,000 letters are some 75 MB). Defaults to true without `outFile`.
   */
  returnPdf?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** The size of a sealed part, 2 MiB unless told (tests make small ones to see several). */
  partBytes?: number;
}

/**
 * Issues the codes of a batch, a thousand members per transaction, sends the e-mails and draws the letters as the
 * codes come: the PDF streams to its targets (sealed parts in the database with `keepLetters`, a file) while the
 * next thousand codes are issued, so memory stays flat whatever the batch's size. An e-mail the server refuses
 * becomes a letter (its code revoked by the letter's). Returns the letters' PDF when `returnPdf` (null when every
 * member was e-mailed or it was not asked for).
 */
export async function runInvitationBatch(ctx: AppContext, deps: InvitationDeps, batchId: string, options: RunOptions): Promise<Buffer | null> {
  const batch = await ctx.db.selectFrom('invitation_batches').selectAll().where('id', '=', batchId).executeTakeFirstOrThrow();
  const parts = options.keepLetters ? sealedParts(ctx, batchId, options.partBytes ?? defaultPartBytes) : null;
  try {
    const request = JSON.parse(batch.request_json) as InvitationRequest;
    const org = await organizationOf(ctx.db, batch.organization_id);
    const mailer = deps.mail.mailer;
    const all = await inviteesOf(ctx.db, batch.organization_id, request);
    const invitees = request.channel === 'email' ? all.filter((i) => i.email) : all;
    const channelOf = (invitee: Invitee): InvitationChannel => (request.channel !== 'letter' && invitee.email && mailer ? 'email' : 'letter');
    await ctx.db.updateTable('invitation_batches').set({ status: 'running', total: invitees.length, progress_at: isoNow(ctx) }).where('id', '=', batchId).execute();
    const counts = { done: 0, emailed: 0, lettered: 0 };
    const issue = (chunk: Invitee[], channel: (i: Invitee) => InvitationChannel) =>
      inTransaction(ctx, (trx) => issueCodes(ctx, trx, chunk.map((i) => ({ membershipId: i.membershipId, channel: channel(i) })), {
        organizationId: org.id, batchId, createdBy: batch.created_by, at: ctx.now(),
      }));
    // The letters of each thousand members as their codes are issued; the progress is written once they are drawn.
    async function* letters(): AsyncGenerator<SignInLetter> {
      for (let start = 0; start < invitees.length; start += chunkSize) {
        const chunk = invitees.slice(start, start + chunkSize);
        const issued = await issue(chunk, channelOf);
        const byMembership = new Map(chunk.map((i) => [i.membershipId, i]));
        const toMail = issued.filter((code) => channelOf(byMembership.get(code.membershipId)!) === 'email');
        const toPrint = issued.filter((code) => channelOf(byMembership.get(code.membershipId)!) === 'letter');
        if (mailer && toMail.length) {
          const outcomes = await sendMany(mailer, toMail.map((code) => invitationMail(org, byMembership.get(code.membershipId)!, code, deps.signInUrl)));
          const undelivered = toMail.filter((_, i) => outcomes[i]!.status !== 'sent');
          counts.emailed += toMail.length - undelivered.length;
          if (undelivered.length) toPrint.push(...(await issue(undelivered.map((code) => byMembership.get(code.membershipId)!), () => 'letter')));
        }
        for (const code of toPrint) yield letterOf(org, byMembership.get(code.membershipId)!, code);
        counts.lettered += toPrint.length;
        counts.done += chunk.length;
        await ctx.db.updateTable('invitation_batches').set({ ...counts, progress_at: isoNow(ctx) }).where('id', '=', batchId).execute();
        options.onProgress?.(counts.done, invitees.length);
      }
    }
    // The PDF begins with the first letter, in its language; without letters there is none.
    const source = letters();
    const first = await source.next();
    const memory = (options.returnPdf ?? options.outFile === undefined) ? memoryTarget() : null;
    if (!first.done) {
      const targets = [parts, options.outFile === undefined ? null : fileTarget(options.outFile), memory].filter((target) => target !== null);
      async function* all(): AsyncGenerator<SignInLetter> {
        yield first.value as SignInLetter;
        yield* source;
      }
      await writeSignInLetters(all(), { signInUrl: deps.signInUrl, date: localDate(ctx.now()), locale: first.value.locale }, fanOut(targets));
    }
    const finishedAt = ctx.now();
    const kept = parts !== null && parts.parts() > 0;
    await ctx.db.updateTable('invitation_batches').set({
      status: 'done', finished_at: finishedAt.toISOString(),
      ...(kept ? { letters_parts: parts.parts(), letters_bytes: parts.bytes(), letters_expire_at: new Date(finishedAt.getTime() + lettersKeptMs).toISOString() } : {}),
    }).where('id', '=', batchId).execute();
    return first.done || !memory ? null : memory.pdf();
  } catch (error) {
    // No half of the letters is kept: the codes already issued are reprinted one by one or with a new batch.
    if (parts) await ctx.db.deleteFrom('invitation_letter_parts').where('batch_id', '=', batchId).execute();
    await ctx.db.updateTable('invitation_batches').set({ status: 'failed', error: error instanceof Error ? error.message : String(error), finished_at: isoNow(ctx) })
      .where('id', '=', batchId).execute();
    throw error;
  }
}

/** Batches running in this process, by id (tests and a graceful shutdown wait for them). */
const running = new Map<string, Promise<unknown>>();
export const invitationBatchSettled = (batchId: string): Promise<unknown> => running.get(batchId) ?? Promise.resolve();
/** Every batch still running here: the server waits for them before it closes the database. */
export const invitationBatchesSettled = (): Promise<unknown> => Promise.all(running.values());

/** POST /organizations/:id/invitations: the batch is recorded and runs in the background; its row shows the progress. */
export async function inviteMembers(ctx: AppContext, actor: Actor, deps: InvitationDeps, organizationId: string, request: InvitationRequest): Promise<{ batchId: string }> {
  const { batchId } = await createInvitationBatch(ctx, actor, { userId: actor.userId, email: actor.email }, deps, organizationId, request, { keepLetters: true });
  const work = runInvitationBatch(ctx, deps, batchId, { keepLetters: true, returnPdf: false }).catch(() => undefined).finally(() => running.delete(batchId));
  running.set(batchId, work);
  return { batchId };
}

async function batchFor(ctx: AppContext, actor: Actor, batchId: string) {
  const row = await ctx.db.selectFrom('invitation_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!row) throw notFound('invitation batch');
  checkReach(actor, row.organization_id, 'invitation batch');
  return row;
}

export async function readInvitationBatch(ctx: AppContext, actor: Actor, batchId: string): Promise<InvitationBatch> {
  const row = await batchFor(ctx, actor, batchId);
  const lettersReady = row.letters_parts !== null && row.letters_expire_at !== null && row.letters_expire_at > isoNow(ctx);
  return {
    id: row.id, organizationId: row.organization_id, status: row.status as InvitationBatch['status'], total: Number(row.total), done: Number(row.done),
    emailed: Number(row.emailed), lettered: Number(row.lettered), lettersReady, lettersExpireAt: lettersReady ? row.letters_expire_at : null,
    error: row.error, createdAt: row.created_at, finishedAt: row.finished_at,
  };
}

/** The letters of a batch as they are handed over: their size and the PDF, read and unsealed a part at a time. */
export interface LettersDownload {
  bytes: number;
  pdf: Readable;
}

/**
 * The batch's letters, once (the codes should exist on paper only): taking them marks them taken at once, so a
 * second download finds them gone; the parts are unsealed one by one as the PDF is sent and deleted when the
 * last has been read. A download broken off leaves its parts to the purge (after a day); reprint the letters.
 */
export async function takeInvitationLetters(ctx: AppContext, actor: Actor, batchId: string): Promise<LettersDownload> {
  await batchFor(ctx, actor, batchId);
  const keyring = requireKeyring(ctx);
  const taken = await inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('invitation_batches').select(['organization_id', 'letters_parts', 'letters_bytes', 'letters_expire_at']).where('id', '=', batchId).executeTakeFirstOrThrow();
    const at = isoNow(ctx);
    if (row.letters_parts === null || row.letters_expire_at === null || row.letters_expire_at <= at) {
      throw new DomainError('not_found', 'letters_gone', 'the letters were downloaded already or have expired: reprint letters for the members who need one');
    }
    const claimed = await trx.updateTable('invitation_batches').set({ letters_parts: null, letters_bytes: null })
      .where('id', '=', batchId).where('letters_parts', 'is not', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new DomainError('not_found', 'letters_gone', 'the letters were downloaded already');
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: row.organization_id, entityType: 'invitation_batch', entityId: batchId, action: 'download_letters', before: null, after: null,
    }, at);
    return { parts: Number(row.letters_parts), bytes: Number(row.letters_bytes) };
  });
  async function* pdf(): AsyncGenerator<Buffer> {
    for (let part = 1; part <= taken.parts; part += 1) {
      const row = await ctx.db.selectFrom('invitation_letter_parts').select('sealed').where('batch_id', '=', batchId).where('part', '=', part).executeTakeFirst();
      if (!row) throw new DomainError('not_found', 'letters_gone', 'a part of the letters is missing: reprint the letters');
      yield Buffer.from(unseal(keyring, row.sealed, partContext(batchId, part)), 'base64');
    }
    // Read to the end: the letters are gone from the database.
    await ctx.db.deleteFrom('invitation_letter_parts').where('batch_id', '=', batchId).execute();
    await ctx.db.updateTable('invitation_batches').set({ letters_expire_at: null }).where('id', '=', batchId).execute();
  }
  return { bytes: taken.bytes, pdf: Readable.from(pdf(), { objectMode: false }) };
}

/**
 * Letters not downloaded within a day are deleted (housekeeping), as are the parts of a download broken off and of
 * a batch that never finished (a process stopped while drawing); returns how many batches lost their letters.
 */
/**
 * How long a batch's progress may stand still before it counts as cut off: a thousand letters take a second or two,
 * a thousand e-mails a minute or two on a slow mail server.
 */
export const stalledBatchMs = 15 * 60_000;

/**
 * Batches cut off by a stop of the server that ran them (a crash, a restart: they run in its process) would stay
 * queued or running for ever, their letters half drawn. Those whose progress has stood still for `stalledBatchMs`
 * are marked failed with the reason, and their parts deleted, so the office sees what happened and prints again
 * (which revokes the codes of the cut-off batch). Run by the hourly housekeeping job; returns how many it failed.
 */
export async function failInterruptedBatches(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.now().getTime() - stalledBatchMs).toISOString();
  const stalled = (eb: ExpressionBuilder<Schema, 'invitation_batches'>) =>
    eb.and([eb('status', 'in', ['queued', 'running']), eb(eb.fn.coalesce('progress_at', 'created_at'), '<=', before)]);
  const ids = (await ctx.db.selectFrom('invitation_batches').select('id').where(stalled).execute()).map((row) => row.id);
  let failed = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const some = ids.slice(i, i + 500);
    failed += await inTransaction(ctx, async (trx) => {
      // Checked again as it is written: a batch that moved meanwhile is still running somewhere.
      const result = await trx.updateTable('invitation_batches')
        .set({ status: 'failed', error: 'interrupted: the server stopped while the batch ran; invite these members again', finished_at: isoNow(ctx) })
        .where('id', 'in', some).where(stalled).executeTakeFirst();
      await trx.deleteFrom('invitation_letter_parts').where('batch_id', 'in', (eb) => eb.selectFrom('invitation_batches').select('id')
        .where('id', 'in', some).where('status', '=', 'failed')).execute();
      return Number(result.numUpdatedRows);
    });
  }
  return failed;
}

export async function purgeExpiredLetters(ctx: AppContext): Promise<number> {
  const now = isoNow(ctx);
  const dayAgo = new Date(ctx.now().getTime() - lettersKeptMs).toISOString();
  const expired = await ctx.db.selectFrom('invitation_batches').select('id')
    .where((eb) => eb.or([
      eb('letters_expire_at', '<=', now),
      // Letters sealed whole before 0017 cannot be downloaded any more.
      eb('letters_sealed', 'is not', null),
    ])).execute();
  const ids = expired.map((row) => row.id);
  for (let i = 0; i < ids.length; i += 500) {
    const some = ids.slice(i, i + 500);
    await ctx.db.deleteFrom('invitation_letter_parts').where('batch_id', 'in', some).execute();
    await ctx.db.updateTable('invitation_batches').set({ letters_sealed: null, letters_parts: null, letters_bytes: null, letters_expire_at: null }).where('id', 'in', some).execute();
  }
  // Parts of batches that never finished (failed, or stopped with the process) and are older than a day.
  await ctx.db.deleteFrom('invitation_letter_parts').where('batch_id', 'in', (eb) => eb.selectFrom('invitation_batches').select('id')
    .where('letters_expire_at', 'is', null).where('created_at', '<=', dayAgo)).execute();
  return ids.length;
}

/**
 * A new letter for one member (lost, expired, or access to recover): a fresh code, the member's older unused codes
 * revoked, the one-page PDF returned at once and kept nowhere.
 */
export async function reprintLetter(ctx: AppContext, actor: Actor, deps: Pick<InvitationDeps, 'signInUrl'>, membershipId: string, language: LanguageChoice): Promise<Buffer> {
  const membership = await ctx.db.selectFrom('memberships').select(['organization_id']).where('id', '=', membershipId).executeTakeFirst();
  if (!membership) throw notFound('membership');
  checkReach(actor, membership.organization_id, 'membership');
  const org = await organizationOf(ctx.db, membership.organization_id);
  const [invitee] = await inviteesOf(ctx.db, org.id, { membershipIds: [membershipId], language });
  const code = await inTransaction(ctx, async (trx) => {
    const [issued] = await issueCodes(ctx, trx, [{ membershipId, channel: 'letter' }], { organizationId: org.id, batchId: null, createdBy: actor.email, at: ctx.now() });
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: org.id, entityType: 'membership', entityId: membershipId, action: 'reprint_sign_in_letter', before: null, after: { invitationId: issued!.invitationId },
    }, isoNow(ctx));
    return issued!;
  });
  return signInLettersPdf([letterOf(org, invitee!, code)], { signInUrl: deps.signInUrl, date: localDate(ctx.now()), locale: invitee!.locale });
}

function letterOf(org: OrganizationView, invitee: Invitee, code: IssuedCode): SignInLetter {
  return {
    locale: invitee.locale, organizationName: organizationName(org, invitee.locale), memberName: memberName(invitee), memberNumber: invitee.memberNumber,
    loginId: loginIdOf(org.code, invitee.memberNumber), code: code.code,
    // The last whole day in Japan before the code stops working.
    validUntil: localDate(new Date(Date.parse(code.expiresAt) - 1)),
  };
}

function invitationMail(org: OrganizationView, invitee: Invitee, code: IssuedCode, signInUrl: string): OutgoingMail {
  const name = organizationName(org, invitee.locale);
  const loginId = loginIdOf(org.code, invitee.memberNumber);
  const until = localDate(new Date(Date.parse(code.expiresAt) - 1));
  const to = `${memberName(invitee)} <${invitee.email!}>`;
  return invitee.locale === 'ja'
    ? {
        to, subject: `【${name}】マイページ ご利用のご案内`,
        text: `${memberName(invitee)} 様\n\n${name}の組合員のみなさまが、ご自身の出資金・働いた時間・分配金・総会などを確認できる「マイページ」をご用意しました。\n\n` +
          `1. 次のページを開いてください：${signInUrl}\n2. 初回ログインコードを入力してください：${groupCode(code.code)}\n3. ご自分のパスワードを決めてください（12文字以上）。\n\n` +
          `ログインID：${loginId}\nコードの有効期限：${until}（1回のみ使えます）\n\nこのメールに心当たりのない場合は、${name}の事務所にお知らせください。\n`,
      }
    : {
        to, subject: `${name}: your member portal`,
        text: `Dear ${memberName(invitee)},\n\n${name} has opened a member portal where you can see your shares, your hours of work, your dividends and your meetings.\n\n` +
          `1. Open ${signInUrl}\n2. Enter your one-time code: ${groupCode(code.code)}\n3. Choose your own password (12 characters or more).\n\n` +
          `Login ID: ${loginId}\nThe code works once, until ${until}.\n\nIf you did not expect this message, please tell the office of ${name}.\n`,
      };
}
