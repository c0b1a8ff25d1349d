import type { Selectable, Transaction } from 'kysely';
import type { ParticipantTable, Schema } from '../../db/schema.js';
import { canSeeCaseReads, canWorkCases, type Actor } from '../../domain/access/policy.js';
import { erasureDate } from '../../domain/programmes/contract.js';
import {
  checkConsent, checkEntryDate, checkIntake, checkMinutes, checkNote, checkParticipantEdit, consentHolds, followUpSchedule, normalizeIdentity,
  normalizeText, participantReference, participantTextLimits, placementKinds, recordedFollowUpStatuses, referencePrefix,
  type ActivityKind, type AgeBand, type CaseRole, type ConsentFields, type ConsentMethod, type ConsentPurpose, type FollowUpStatus, type Identity,
  type IntakeFields, type OutcomeKind, type Participant, type ParticipantRead, type ParticipantStatus, type ParticipantSummary,
} from '../../domain/programmes/participant.js';
import { DomainError, invalid, notFound } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { requireKeyring, seal, unseal } from '../crypto/keyring.js';
import { sealContext, type SealedTable } from '../crypto/sealed-columns.js';
import { inTransaction, isoNow, isUniqueViolation, newId, today, type AppContext, type Tx } from '../shared/context.js';
import { caseRoleAt } from './case-assignments.js';

export type { Participant, ParticipantSummary };

interface SealedParticipant {
  identity: Identity;
  circumstances: string | null;
}

// ---- sealing ----------------------------------------------------------------------------------------------------

const keyringOf = requireKeyring;

const sealJson = (ctx: AppContext, table: SealedTable, id: string, value: unknown): string => seal(keyringOf(ctx), JSON.stringify(value), sealContext(table, 'sealed', id));
const openJson = <T>(ctx: AppContext, table: SealedTable, id: string, sealed: string | null): T | null =>
  sealed === null ? null : (JSON.parse(unseal(keyringOf(ctx), sealed, sealContext(table, 'sealed', id))) as T);
const sealNote = (ctx: AppContext, table: SealedTable, id: string, note: string | null): string | null => (note === null ? null : sealJson(ctx, table, id, { note }));
const openNote = (ctx: AppContext, table: SealedTable, id: string, sealed: string | null): string | null => openJson<{ note: string }>(ctx, table, id, sealed)?.note ?? null;

// ---- access -----------------------------------------------------------------------------------------------------

/** The office's participants are the caseworkers' of that office: anyone else is told the office has none to show. */
async function caseSiteInReach(db: Tx, actor: Actor, siteId: string): Promise<{ organizationId: string; caseRole: CaseRole }> {
  const site = await db.selectFrom('sites').select(['id', 'organization_id']).where('id', '=', siteId).executeTakeFirst();
  const caseRole = site ? await caseRoleAt(db, actor, siteId) : null;
  if (!site || !canWorkCases(actor, site.organization_id, caseRole)) throw notFound('site');
  return { organizationId: site.organization_id, caseRole: caseRole! };
}

/** A participant whose office the actor works cases at; to anyone else the participant does not exist. */
async function participantInReach(db: Tx, actor: Actor, id: string): Promise<{ row: Selectable<ParticipantTable>; caseRole: CaseRole }> {
  const row = await db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();
  const caseRole = row ? await caseRoleAt(db, actor, row.site_id) : null;
  if (!row || !canWorkCases(actor, row.organization_id, caseRole)) throw notFound('participant');
  return { row, caseRole: caseRole! };
}

const auditActor = (actor: Actor) => ({ userId: actor.userId, email: actor.email });

/** The audit log says what was done to whom (by reference), never what the record holds. */
const auditParticipant = (trx: Transaction<Schema>, ctx: AppContext, actor: Actor, row: { id: string; organization_id: string; reference: string }, action: string, details: Record<string, unknown> = {}) =>
  recordAudit(trx, auditActor(actor), { organizationId: row.organization_id, entityType: 'participant', entityId: row.id, action, before: null, after: { reference: row.reference, ...details } }, isoNow(ctx));

// ---- reading ----------------------------------------------------------------------------------------------------

async function latestOutcomes(db: Tx, ids: string[]): Promise<Map<string, { kind: OutcomeKind; on: string }>> {
  const map = new Map<string, { kind: OutcomeKind; on: string }>();
  if (ids.length === 0) return map;
  for (const chunk of chunks(ids)) {
    const rows = await db.selectFrom('participant_outcomes').select(['participant_id', 'kind', 'on_date']).where('participant_id', 'in', chunk).orderBy('on_date').orderBy('created_at').execute();
    for (const r of rows) map.set(r.participant_id, { kind: r.kind as OutcomeKind, on: r.on_date });
  }
  return map;
}

async function nextFollowUps(db: Tx, ids: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const chunk of chunks(ids)) {
    const rows = await db.selectFrom('participant_follow_ups').select(['participant_id', 'due_on']).where('participant_id', 'in', chunk).where('status', '=', 'pending').orderBy('due_on').execute();
    for (const r of rows) if (!map.has(r.participant_id)) map.set(r.participant_id, r.due_on);
  }
  return map;
}

function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function summaryOf(ctx: AppContext, row: Selectable<ParticipantTable>, outcome: { kind: OutcomeKind; on: string } | null, followUp: string | null): ParticipantSummary {
  const sealed = openJson<SealedParticipant>(ctx, 'participants', row.id, row.sealed);
  return {
    id: row.id, reference: row.reference, organizationId: row.organization_id, siteId: row.site_id, contractId: row.contract_id, intakeOn: row.intake_on,
    ageBand: row.age_band as AgeBand, status: row.status as ParticipantStatus, closedOn: row.closed_on,
    familyName: sealed?.identity.familyName ?? null, givenName: sealed?.identity.givenName ?? null,
    familyNameKana: sealed?.identity.familyNameKana ?? null, givenNameKana: sealed?.identity.givenNameKana ?? null,
    personId: row.person_id, latestOutcome: outcome, nextFollowUpOn: followUp, version: Number(row.version),
  };
}

async function assemble(ctx: AppContext, db: Tx, row: Selectable<ParticipantTable>): Promise<Participant> {
  const [consents, plans, activities, outcomes, followUps, contract] = await Promise.all([
    db.selectFrom('participant_consents').selectAll().where('participant_id', '=', row.id).orderBy('given_on').orderBy('created_at').execute(),
    db.selectFrom('support_plans').selectAll().where('participant_id', '=', row.id).orderBy('starts_on').orderBy('created_at').execute(),
    db.selectFrom('participant_activities').selectAll().where('participant_id', '=', row.id).orderBy('on_date').orderBy('created_at').execute(),
    db.selectFrom('participant_outcomes').selectAll().where('participant_id', '=', row.id).orderBy('on_date').orderBy('created_at').execute(),
    db.selectFrom('participant_follow_ups').selectAll().where('participant_id', '=', row.id).orderBy('due_on').orderBy('months').execute(),
    db.selectFrom('programme_contracts').select(['period_until', 'retention_months']).where('id', '=', row.contract_id).executeTakeFirstOrThrow(),
  ]);
  const sealed = openJson<SealedParticipant>(ctx, 'participants', row.id, row.sealed);
  const latest = outcomes.at(-1);
  return {
    ...summaryOf(ctx, row, latest ? { kind: latest.kind as OutcomeKind, on: latest.on_date } : null, followUps.find((f) => f.status === 'pending')?.due_on ?? null),
    identity: sealed?.identity ?? null,
    circumstances: sealed?.circumstances ?? null,
    consents: consents.map((c) => ({ id: c.id, purpose: c.purpose as ConsentPurpose, method: c.method as ConsentMethod, givenOn: c.given_on, withdrawnOn: c.withdrawn_on })),
    plans: plans.map((p) => ({ id: p.id, startsOn: p.starts_on, reviewOn: p.review_on, goals: openJson<{ goals: string }>(ctx, 'support_plans', p.id, p.sealed)?.goals ?? null })),
    activities: activities.map((a) => ({ id: a.id, kind: a.kind as ActivityKind, on: a.on_date, minutes: a.minutes === null ? null : Number(a.minutes), note: openNote(ctx, 'participant_activities', a.id, a.sealed) })),
    outcomes: outcomes.map((o) => ({ id: o.id, kind: o.kind as OutcomeKind, on: o.on_date, coopOrganizationId: o.coop_organization_id, note: openNote(ctx, 'participant_outcomes', o.id, o.sealed) })),
    followUps: followUps.map((f) => ({
      id: f.id, outcomeId: f.outcome_id, months: Number(f.months), dueOn: f.due_on, doneOn: f.done_on, status: f.status as FollowUpStatus, note: openNote(ctx, 'participant_follow_ups', f.id, f.sealed),
    })),
    erasedAt: row.erased_at, erasureReason: row.erasure_reason,
    erasureOn: erasureDate(contract.period_until, Number(contract.retention_months)),
  };
}

const statusFilters = ['active', 'closed', 'erased', 'all'] as const;
export type ParticipantStatusFilter = (typeof statusFilters)[number];

/** The office's participants, for its caseworkers; the list itself is a read of each record shown, and audited so. */
export async function listParticipants(ctx: AppContext, actor: Actor, siteId: string, status: ParticipantStatusFilter = 'active'): Promise<ParticipantSummary[]> {
  return inTransaction(ctx, async (trx) => {
    const { organizationId } = await caseSiteInReach(trx, actor, siteId);
    let query = trx.selectFrom('participants').selectAll().where('site_id', '=', siteId);
    if (status !== 'all') query = query.where('status', '=', status);
    const rows = await query.orderBy('intake_on', 'desc').orderBy('reference', 'desc').execute();
    const ids = rows.map((r) => r.id);
    const [outcomes, followUps] = await Promise.all([latestOutcomes(trx, ids), nextFollowUps(trx, ids)]);
    await recordAudit(trx, auditActor(actor), {
      organizationId, entityType: 'participant-list', entityId: siteId, action: 'read', before: null, after: { status, references: rows.map((r) => r.reference) },
    }, isoNow(ctx));
    return rows.map((r) => summaryOf(ctx, r, outcomes.get(r.id) ?? null, followUps.get(r.id) ?? null));
  });
}

/** One participant's whole record; the read is written to the audit log, which the office lead sees. */
export async function getParticipant(ctx: AppContext, actor: Actor, id: string): Promise<Participant> {
  return inTransaction(ctx, async (trx) => {
    const { row } = await participantInReach(trx, actor, id);
    await auditParticipant(trx, ctx, actor, row, 'read');
    return assemble(ctx, trx, row);
  });
}

// ---- writing ----------------------------------------------------------------------------------------------------

/** Runs a participant write and returns the record as it now stands (the write itself is the audit entry). */
async function changeParticipant(
  ctx: AppContext, actor: Actor, id: string, action: string,
  write: (trx: Transaction<Schema>, row: Selectable<ParticipantTable>, at: string) => Promise<Record<string, unknown> | void>,
): Promise<Participant> {
  return inTransaction(ctx, async (trx) => {
    const { row } = await participantInReach(trx, actor, id);
    if (row.status === 'erased') throw new DomainError('rule_violation', 'participant_erased', `${row.reference} was erased: nothing more is recorded about them`);
    const at = isoNow(ctx);
    const details = await write(trx, row, at);
    await trx.updateTable('participants').set((eb) => ({ version: eb('version', '+', 1), updated_at: at })).where('id', '=', id).execute();
    await auditParticipant(trx, ctx, actor, row, action, details ?? {});
    return assemble(ctx, trx, (await trx.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  });
}

const consentRecords = async (db: Tx, id: string) => (await db.selectFrom('participant_consents').select(['purpose', 'method', 'given_on', 'withdrawn_on']).where('participant_id', '=', id).execute())
  .map((c) => ({ purpose: c.purpose as ConsentPurpose, method: c.method as ConsentMethod, givenOn: c.given_on, withdrawnOn: c.withdrawn_on }));

async function insertConsent(trx: Tx, participantId: string, consent: ConsentFields, actor: Actor, at: string): Promise<string> {
  const id = newId();
  await trx.insertInto('participant_consents').values({
    id, participant_id: participantId, purpose: consent.purpose, method: consent.method, given_on: consent.givenOn, withdrawn_on: null, recorded_by: actor.userId, created_at: at,
  }).execute();
  return id;
}

/** The contract must be the organization's and run at the office. */
async function checkContractAtSite(db: Tx, contractId: string, organizationId: string, siteId: string): Promise<void> {
  const contract = await db.selectFrom('programme_contracts as c').innerJoin('contract_sites as s', 's.contract_id', 'c.id')
    .select('c.id').where('c.id', '=', contractId).where('c.organization_id', '=', organizationId).where('s.site_id', '=', siteId).executeTakeFirst();
  if (!contract) throw invalid([{ field: 'contractId', code: 'contract_not_at_site', message: 'the programme contract must include this office' }]);
}

/** Takes a participant in: their identity and circumstances sealed, their consents on record, a case number given. */
export async function createParticipant(ctx: AppContext, actor: Actor, siteId: string, input: IntakeFields): Promise<Participant> {
  const intake: IntakeFields = { ...input, identity: normalizeIdentity(input.identity), circumstances: normalizeText(input.circumstances) };
  checkIntake(intake, today(ctx));
  // Two intakes at once may draw the same case number: the second tries again with the next.
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await inTransaction(ctx, async (trx) => {
        const { organizationId } = await caseSiteInReach(trx, actor, siteId);
        keyringOf(ctx);
        await checkContractAtSite(trx, intake.contractId, organizationId, siteId);
        const prefix = referencePrefix(intake.intakeOn);
        const last = await trx.selectFrom('participants').select('reference').where('organization_id', '=', organizationId)
          .where('reference', 'like', `${prefix}%`).orderBy('reference', 'desc').limit(1).executeTakeFirst();
        const reference = participantReference(intake.intakeOn, (last ? Number(last.reference.slice(prefix.length)) : 0) + 1 + attempt);
        if (await trx.selectFrom('participants').select('id').where('organization_id', '=', organizationId).where('reference', '=', reference).executeTakeFirst()) {
          throw new DomainError('conflict', 'reference_taken', reference);
        }
        const at = isoNow(ctx);
        const id = newId();
        await trx.insertInto('participants').values({
          id, organization_id: organizationId, contract_id: intake.contractId, site_id: siteId, reference, intake_on: intake.intakeOn, age_band: intake.ageBand,
          status: 'active', closed_on: null, person_id: null, sealed: sealJson(ctx, 'participants', id, { identity: intake.identity, circumstances: intake.circumstances } satisfies SealedParticipant),
          erased_at: null, erasure_reason: null, version: 1, created_at: at, updated_at: at,
        }).execute();
        for (const consent of intake.consents) await insertConsent(trx, id, consent, actor, at);
        await auditParticipant(trx, ctx, actor, { id, organization_id: organizationId, reference }, 'create', {
          consents: intake.consents.map((c) => c.purpose), circumstances: intake.circumstances !== null,
        });
        return assemble(ctx, trx, (await trx.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
      });
    } catch (error) {
      const raced = (error instanceof DomainError && error.code === 'reference_taken') || isUniqueViolation(error);
      if (!raced || attempt >= 4) throw error;
    }
  }
}

export interface ParticipantEdit {
  version: number;
  ageBand: AgeBand;
  identity: Identity;
  circumstances: string | null;
}

/** Corrects who the participant is and their circumstances, at the version the caseworker saw. */
export async function updateParticipant(ctx: AppContext, actor: Actor, id: string, input: ParticipantEdit): Promise<Participant> {
  const identity = normalizeIdentity(input.identity);
  const circumstances = normalizeText(input.circumstances);
  return changeParticipant(ctx, actor, id, 'update', async (trx, row) => {
    if (Number(row.version) !== input.version) throw new DomainError('conflict', 'version_conflict', `the record was changed by someone else (now version ${row.version})`);
    checkParticipantEdit(identity, circumstances, await consentRecords(trx, id), today(ctx));
    const before = openJson<SealedParticipant>(ctx, 'participants', id, row.sealed);
    await trx.updateTable('participants').set({ age_band: input.ageBand, sealed: sealJson(ctx, 'participants', id, { identity, circumstances } satisfies SealedParticipant) }).where('id', '=', id).execute();
    const changed = [
      ...(row.age_band !== input.ageBand ? ['ageBand'] : []),
      ...(Object.keys(identity) as (keyof Identity)[]).filter((k) => before?.identity[k] !== identity[k]).map((k) => `identity.${k}`),
      ...(before?.circumstances !== circumstances ? ['circumstances'] : []),
    ];
    return { changed };
  });
}

export const addConsent = (ctx: AppContext, actor: Actor, id: string, consent: ConsentFields): Promise<Participant> =>
  changeParticipant(ctx, actor, id, 'consent', async (trx, _row, at) => {
    const existing = await consentRecords(trx, id);
    checkConsent(consent, existing, today(ctx));
    await insertConsent(trx, id, consent, actor, at);
    return { purpose: consent.purpose, givenOn: consent.givenOn };
  });

/**
 * A withdrawn consent stops what it allowed from then on: without the special-care consent the circumstances are
 * removed from the record; without the registry consent the link to the registry is cut.
 */
export const withdrawConsent = (ctx: AppContext, actor: Actor, id: string, consentId: string, withdrawnOn: string): Promise<Participant> =>
  changeParticipant(ctx, actor, id, 'consent-withdrawn', async (trx, row) => {
    const consent = await trx.selectFrom('participant_consents').selectAll().where('id', '=', consentId).where('participant_id', '=', id).executeTakeFirst();
    if (!consent) throw notFound('consent');
    if (consent.withdrawn_on !== null) throw new DomainError('conflict', 'consent_withdrawn', `withdrawn on ${consent.withdrawn_on} already`);
    checkEntryDate('withdrawnOn', withdrawnOn, consent.given_on, today(ctx));
    await trx.updateTable('participant_consents').set({ withdrawn_on: withdrawnOn }).where('id', '=', consentId).execute();
    if (consent.purpose === 'sensitive-data') {
      const sealed = openJson<SealedParticipant>(ctx, 'participants', id, row.sealed);
      if (sealed && sealed.circumstances !== null) {
        await trx.updateTable('participants').set({ sealed: sealJson(ctx, 'participants', id, { ...sealed, circumstances: null } satisfies SealedParticipant) }).where('id', '=', id).execute();
      }
    }
    if (consent.purpose === 'registry-link') await trx.updateTable('participants').set({ person_id: null }).where('id', '=', id).execute();
    return { purpose: consent.purpose, withdrawnOn };
  });

export interface PlanFields { startsOn: string; reviewOn: string | null; goals: string }

export const addPlan = (ctx: AppContext, actor: Actor, id: string, plan: PlanFields): Promise<Participant> =>
  changeParticipant(ctx, actor, id, 'plan', async (trx, row, at) => {
    checkEntryDate('startsOn', plan.startsOn, row.intake_on, today(ctx));
    const goals = normalizeText(plan.goals);
    if (goals === null) throw invalid([{ field: 'goals', code: 'required', message: 'the plan needs its goals' }]);
    checkNote('goals', goals, participantTextLimits.goals);
    if (plan.reviewOn !== null && plan.reviewOn < plan.startsOn) throw invalid([{ field: 'reviewOn', code: 'end_before_start', message: 'the review is on or after the start' }]);
    const planId = newId();
    await trx.insertInto('support_plans').values({ id: planId, participant_id: id, starts_on: plan.startsOn, review_on: plan.reviewOn, sealed: sealJson(ctx, 'support_plans', planId, { goals }), created_at: at }).execute();
    return { startsOn: plan.startsOn };
  });

export interface ActivityFields { kind: ActivityKind; on: string; minutes: number | null; note: string | null }

export const addActivity = (ctx: AppContext, actor: Actor, id: string, activity: ActivityFields): Promise<Participant> =>
  changeParticipant(ctx, actor, id, 'activity', async (trx, row, at) => {
    checkEntryDate('on', activity.on, row.intake_on, today(ctx));
    checkMinutes(activity.minutes);
    const note = normalizeText(activity.note);
    checkNote('note', note);
    const activityId = newId();
    await trx.insertInto('participant_activities').values({
      id: activityId, participant_id: id, kind: activity.kind, on_date: activity.on, minutes: activity.minutes, sealed: sealNote(ctx, 'participant_activities', activityId, note), created_at: at,
    }).execute();
    return { kind: activity.kind, on: activity.on };
  });

export interface OutcomeFields { kind: OutcomeKind; on: string; coopOrganizationId: string | null; note: string | null }

/** Where the participant went; a placement schedules the follow-ups at 1, 3, 6 and 12 months. */
export const addOutcome = (ctx: AppContext, actor: Actor, id: string, outcome: OutcomeFields): Promise<Participant> =>
  changeParticipant(ctx, actor, id, 'outcome', async (trx, row, at) => {
    checkEntryDate('on', outcome.on, row.intake_on, today(ctx));
    const note = normalizeText(outcome.note);
    checkNote('note', note);
    const coop = outcome.kind === 'coop-worker' || outcome.kind === 'coop-member';
    if (outcome.coopOrganizationId !== null) {
      if (!coop) throw invalid([{ field: 'coopOrganizationId', code: 'not_a_coop_outcome', message: 'only joining a co-op names the co-op' }]);
      if (!(await trx.selectFrom('organizations').select('id').where('id', '=', outcome.coopOrganizationId).executeTakeFirst())) {
        throw invalid([{ field: 'coopOrganizationId', code: 'unknown_organization', message: 'not an organization of the federation' }]);
      }
    }
    const outcomeId = newId();
    await trx.insertInto('participant_outcomes').values({
      id: outcomeId, participant_id: id, kind: outcome.kind, on_date: outcome.on, coop_organization_id: outcome.coopOrganizationId,
      sealed: sealNote(ctx, 'participant_outcomes', outcomeId, note), created_at: at,
    }).execute();
    if (placementKinds.includes(outcome.kind)) {
      await trx.insertInto('participant_follow_ups').values(followUpSchedule(outcome.on).map((f) => ({
        id: newId(), participant_id: id, outcome_id: outcomeId, months: f.months, due_on: f.dueOn, done_on: null, status: 'pending', sealed: null, created_at: at,
      }))).execute();
    }
    return { kind: outcome.kind, on: outcome.on };
  });

export interface FollowUpFields { doneOn: string; status: (typeof recordedFollowUpStatuses)[number]; note: string | null }

export const recordFollowUp = (ctx: AppContext, actor: Actor, id: string, followUpId: string, input: FollowUpFields): Promise<Participant> =>
  changeParticipant(ctx, actor, id, 'follow-up', async (trx, row) => {
    const followUp = await trx.selectFrom('participant_follow_ups').selectAll().where('id', '=', followUpId).where('participant_id', '=', id).executeTakeFirst();
    if (!followUp) throw notFound('follow-up');
    checkEntryDate('doneOn', input.doneOn, row.intake_on, today(ctx));
    const note = normalizeText(input.note);
    checkNote('note', note);
    await trx.updateTable('participant_follow_ups').set({
      done_on: input.doneOn, status: input.status, sealed: sealNote(ctx, 'participant_follow_ups', followUpId, note),
    }).where('id', '=', followUpId).execute();
    return { months: Number(followUp.months), status: input.status };
  });

/**
 * Links the participant to the co-op's registry once they join it as a worker or a member (with their consent), so
 * the path from the programme to a job in a co-op can be seen.
 */
export const linkPerson = (ctx: AppContext, actor: Actor, id: string, personId: string | null): Promise<Participant> =>
  changeParticipant(ctx, actor, id, personId === null ? 'unlink' : 'link', async (trx, row) => {
    if (personId !== null) {
      if (!consentHolds(await consentRecords(trx, id), 'registry-link', today(ctx))) {
        throw invalid([{ field: 'personId', code: 'consent_required', message: 'linking to the registry needs the participant\'s consent (registry-link)' }]);
      }
      const [membership, engagement] = await Promise.all([
        trx.selectFrom('memberships').select('id').where('person_id', '=', personId).where('organization_id', '=', row.organization_id).executeTakeFirst(),
        trx.selectFrom('engagements').select('id').where('person_id', '=', personId).where('organization_id', '=', row.organization_id).executeTakeFirst(),
      ]);
      if (!membership && !engagement) throw invalid([{ field: 'personId', code: 'not_in_registry', message: 'not a member or worker of the organization' }]);
    }
    await trx.updateTable('participants').set({ person_id: personId }).where('id', '=', id).execute();
    return {};
  });

export const closeParticipant = (ctx: AppContext, actor: Actor, id: string, closedOn: string): Promise<Participant> =>
  changeParticipant(ctx, actor, id, 'close', async (trx, row) => {
    if (row.status === 'closed') throw new DomainError('conflict', 'participant_closed', `${row.reference} was closed on ${row.closed_on}`);
    checkEntryDate('closedOn', closedOn, row.intake_on, today(ctx));
    await trx.updateTable('participants').set({ status: 'closed', closed_on: closedOn }).where('id', '=', id).execute();
    return { closedOn };
  });

/** Everything held about the participant, to hand to them (APPI art. 33 disclosure), audited as an export. */
export async function exportParticipant(ctx: AppContext, actor: Actor, id: string): Promise<{ reference: string; document: unknown }> {
  return inTransaction(ctx, async (trx) => {
    const { row } = await participantInReach(trx, actor, id);
    await auditParticipant(trx, ctx, actor, row, 'export');
    const participant = await assemble(ctx, trx, row);
    const office = await trx.selectFrom('sites').select(['name_ja', 'name_en']).where('id', '=', row.site_id).executeTakeFirst();
    const contract = await trx.selectFrom('programme_contracts').select(['programme_ja', 'programme_en']).where('id', '=', row.contract_id).executeTakeFirst();
    return {
      reference: row.reference,
      document: {
        exportedAt: isoNow(ctx), office: office ? { nameJa: office.name_ja, nameEn: office.name_en } : null,
        programme: contract ? { nameJa: contract.programme_ja, nameEn: contract.programme_en } : null,
        ...participant,
      },
    };
  });
}

/** Removes what identifies the participant from a record, keeping only what reports count: kinds, dates, age band. */
async function eraseRecord(trx: Tx, id: string, reason: 'request' | 'retention', at: string): Promise<void> {
  await trx.updateTable('participants').set({ sealed: null, person_id: null, status: 'erased', erased_at: at, erasure_reason: reason }).where('id', '=', id).execute();
  await trx.updateTable('support_plans').set({ sealed: null }).where('participant_id', '=', id).execute();
  await trx.updateTable('participant_activities').set({ sealed: null }).where('participant_id', '=', id).execute();
  await trx.updateTable('participant_outcomes').set({ sealed: null }).where('participant_id', '=', id).execute();
  await trx.updateTable('participant_follow_ups').set({ sealed: null }).where('participant_id', '=', id).execute();
}

/** Erases a participant on their request (APPI art. 35): confirmed by typing the case number. */
export async function eraseParticipant(ctx: AppContext, actor: Actor, id: string, confirm: string): Promise<Participant> {
  return inTransaction(ctx, async (trx) => {
    const { row } = await participantInReach(trx, actor, id);
    if (row.status === 'erased') throw new DomainError('conflict', 'participant_erased', `${row.reference} was erased already`);
    if (confirm.trim() !== row.reference) throw invalid([{ field: 'confirm', code: 'confirmation_mismatch', message: `type the case number ${row.reference} to confirm` }]);
    const at = isoNow(ctx);
    await eraseRecord(trx, id, 'request', at);
    await trx.updateTable('participants').set((eb) => ({ version: eb('version', '+', 1), updated_at: at })).where('id', '=', id).execute();
    await auditParticipant(trx, ctx, actor, row, 'erase', { reason: 'request' });
    return assemble(ctx, trx, (await trx.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  });
}

/**
 * Erases every participant whose contract's retention has run out (the day after the period plus the months kept).
 * Run daily by the job runner and by `kyodo programmes erase-expired`; returns how many were erased.
 */
export async function eraseExpiredParticipants(ctx: AppContext, actorLabel = 'retention'): Promise<{ erased: number; contracts: number }> {
  const on = today(ctx);
  const contracts = await ctx.db.selectFrom('programme_contracts').select(['id', 'organization_id', 'period_until', 'retention_months']).execute();
  const due = contracts.filter((c) => erasureDate(c.period_until, Number(c.retention_months)) <= on);
  let erased = 0;
  let touched = 0;
  for (const contract of due) {
    const ids = (await ctx.db.selectFrom('participants').select(['id', 'reference']).where('contract_id', '=', contract.id).where('status', '!=', 'erased').execute());
    if (ids.length === 0) continue;
    touched += 1;
    for (const chunk of chunks(ids, 200)) {
      await inTransaction(ctx, async (trx) => {
        const at = isoNow(ctx);
        for (const p of chunk) await eraseRecord(trx, p.id, 'retention', at);
        await recordAudit(trx, { userId: null, email: `system:${actorLabel}` }, {
          organizationId: contract.organization_id, entityType: 'contract', entityId: contract.id, action: 'participants-erased', before: null,
          after: { reason: 'retention', references: chunk.map((p) => p.reference) },
        }, at);
      });
      erased += chunk.length;
    }
  }
  return { erased, contracts: touched };
}

/** Who read or changed which record at the office, the latest first: for its supervisors and lead. */
export async function participantReadLog(ctx: AppContext, actor: Actor, siteId: string, limit = 100): Promise<ParticipantRead[]> {
  const site = await ctx.db.selectFrom('sites').select(['id', 'organization_id']).where('id', '=', siteId).executeTakeFirst();
  const caseRole = site ? await caseRoleAt(ctx.db, actor, siteId) : null;
  if (!site || !canSeeCaseReads(actor, site.organization_id, caseRole)) throw notFound('site');
  const [records, lists] = await Promise.all([
    ctx.db.selectFrom('audit_log as l').innerJoin('participants as p', 'p.id', 'l.entity_id')
      .select(['l.seq', 'l.at', 'l.actor_email', 'l.action', 'p.id', 'p.reference'])
      .where('l.entity_type', '=', 'participant').where('p.site_id', '=', siteId).orderBy('l.seq', 'desc').limit(limit).execute(),
    ctx.db.selectFrom('audit_log').select(['seq', 'at', 'actor_email', 'action'])
      .where('entity_type', '=', 'participant-list').where('entity_id', '=', siteId).orderBy('seq', 'desc').limit(limit).execute(),
  ]);
  return [
    ...records.map((r) => ({ seq: Number(r.seq), at: r.at, actorEmail: r.actor_email, participantId: r.id, reference: r.reference, action: r.action })),
    ...lists.map((r) => ({ seq: Number(r.seq), at: r.at, actorEmail: r.actor_email, participantId: null, reference: null, action: 'list' })),
  ].sort((a, b) => b.seq - a.seq).slice(0, limit).map(({ seq: _seq, ...entry }) => entry);
}
