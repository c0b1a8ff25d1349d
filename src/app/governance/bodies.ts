import { canKeepBylaws, canRunMeetings, type Actor } from '../../domain/access/policy.js';
import { checkBoardComposition } from '../../domain/governance/elections.js';
import { delegateAssemblyAllowed, delegatesNeeded } from '../../domain/governance/meetings.js';
import type { BodyKind, SeatRole } from '../../domain/governance/vocabulary.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import type { Transaction } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, isoNow, isUniqueViolation, newId, today, type AppContext, type Tx } from '../shared/context.js';
import { lawProfileOf } from './bylaws.js';
import { checkSeat } from './seat-rules.js';

/**
 * The bodies of an organization (domain.md §2 item 9): the general assembly of all members, the delegate
 * assembly (allowed above the law profile's member count), the board, and — for the federation — its own
 * assembly of member organizations' delegates. Bodies other than the general assembly have seats with terms.
 */
export interface Body {
  id: string;
  organizationId: string;
  kind: BodyKind;
  nameJa: string;
  nameEn: string | null;
}

export interface Seat {
  id: string;
  bodyId: string;
  personId: string;
  membershipId: string | null;
  representsOrganizationId: string;
  constituency: string | null;
  role: SeatRole;
  termFrom: string;
  termUntil: string | null;
  electedByMotionId: string | null;
  name: string;
}

const defaultNames: Record<BodyKind, [string, string]> = {
  general_assembly: ['総会', 'General Assembly'],
  delegate_assembly: ['総代会', 'Delegate Assembly'],
  board: ['理事会', 'Board of Directors'],
  federation_assembly: ['連合会総会', 'Federation Assembly'],
};

/** Members on a date: admitted on or before it, not ended by it. */
export async function memberCountOn(db: Tx, organizationId: string, date: string): Promise<number> {
  const row = await db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', organizationId)
    .where('admitted_on', '<=', date).where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', date)])).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The body of a kind, created on first use for the kinds every organization has. */
export async function bodyOf(trx: Tx, organizationId: string, kind: BodyKind, at: string): Promise<Body> {
  const row = await trx.selectFrom('bodies').selectAll().where('organization_id', '=', organizationId).where('kind', '=', kind).executeTakeFirst();
  if (row) return { id: row.id, organizationId, kind, nameJa: row.name_ja, nameEn: row.name_en };
  if (kind === 'delegate_assembly' || kind === 'federation_assembly') {
    throw new DomainError('rule_violation', 'body_not_established', `establish the ${kind.replace('_', ' ')} first`, [
      { field: 'bodyKind', code: 'body_not_established', message: 'establish this body first' },
    ]);
  }
  const body: Body = { id: newId(), organizationId, kind, nameJa: defaultNames[kind][0], nameEn: defaultNames[kind][1] };
  await trx.insertInto('bodies').values({ id: body.id, organization_id: organizationId, kind, name_ja: body.nameJa, name_en: body.nameEn, created_at: at }).execute();
  return body;
}

export async function listBodies(ctx: AppContext, actor: Actor, organizationId: string) {
  if (!canRunMeetings(actor, organizationId)) throw forbidden();
  const date = today(ctx);
  const [rows, members, profile, seats] = await Promise.all([
    ctx.db.selectFrom('bodies').selectAll().where('organization_id', '=', organizationId).orderBy('created_at').execute(),
    memberCountOn(ctx.db, organizationId, date),
    lawProfileOf(ctx.db, organizationId),
    ctx.db.selectFrom('body_seats').innerJoin('bodies', 'bodies.id', 'body_seats.body_id').select(['body_seats.body_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('bodies.organization_id', '=', organizationId).where('body_seats.term_from', '<=', date)
      .where((eb) => eb.or([eb('body_seats.term_until', 'is', null), eb('body_seats.term_until', '>=', date)])).groupBy('body_seats.body_id').execute(),
  ]);
  const seated = new Map(seats.map((s) => [s.body_id, Number(s.n)]));
  const board = rows.find((r) => r.kind === 'board');
  const officers = board ? await seatsOn(ctx.db, board.id, date) : [];
  const count = (...roles: SeatRole[]) => officers.filter((o) => roles.includes(o.role)).length;
  return {
    members,
    delegateAssemblyAllowed: delegateAssemblyAllowed(members, profile),
    delegatesNeeded: delegatesNeeded(members),
    // The Act's minimum: three directors and an auditor (or a member audit council with 20 members or fewer).
    boardViolations: checkBoardComposition({
      directors: count('director', 'representative_director'), auditors: count('auditor'), members, memberAuditCouncil: count('council_member') > 0,
    }),
    items: rows.map((r) => ({ id: r.id, organizationId, kind: r.kind as BodyKind, nameJa: r.name_ja, nameEn: r.name_en, seatsFilled: seated.get(r.id) ?? 0 })),
  };
}

/** Establishes a body: a delegate assembly only above the law's member count; a federation assembly only in a federation. */
export async function establishBody(ctx: AppContext, actor: Actor, organizationId: string, input: { kind: BodyKind; nameJa?: string; nameEn?: string | null }): Promise<Body> {
  if (!canKeepBylaws(actor, organizationId)) throw forbidden();
  const organization = await findOrganization(ctx.db, organizationId);
  if (!organization) throw notFound('organization');
  const refuse = (code: string, message: string) => new DomainError('rule_violation', code, message, [{ field: 'kind', code, message }]);
  if (input.kind === 'delegate_assembly') {
    const [members, profile] = await Promise.all([memberCountOn(ctx.db, organizationId, today(ctx)), lawProfileOf(ctx.db, organizationId)]);
    if (!delegateAssemblyAllowed(members, profile)) throw refuse('delegate_assembly_not_allowed', `a delegate assembly needs more than ${profile.delegateAssemblyAbove} members (${members} now)`);
  }
  if ((input.kind === 'federation_assembly') !== (organization.kind === 'federation') && input.kind === 'federation_assembly') {
    throw refuse('not_a_federation', 'only a federation has a federation assembly');
  }
  const at = isoNow(ctx);
  try {
    return await inTransaction(ctx, async (trx) => {
      const body: Body = { id: newId(), organizationId, kind: input.kind, nameJa: input.nameJa?.trim() || defaultNames[input.kind][0], nameEn: input.nameEn ?? defaultNames[input.kind][1] };
      await trx.insertInto('bodies').values({ id: body.id, organization_id: organizationId, kind: body.kind, name_ja: body.nameJa, name_en: body.nameEn, created_at: at }).execute();
      await recordAudit(trx, { userId: actor.userId, email: actor.email }, { organizationId, entityType: 'body', entityId: body.id, action: 'establish', before: null, after: body }, at);
      return body;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw refuse('body_exists', 'this organization has that body already');
    throw error;
  }
}

export interface NewSeat {
  /** A member of the body's organization, or — for the federation assembly — of a member organization. */
  membershipId: string;
  role: SeatRole;
  constituency?: string | null;
  termFrom: string;
  termUntil?: string | null;
}

/**
 * Seats a person on a body with a term: delegates of a delegate assembly or of the federation assembly, directors
 * and auditors on the board. The Act's eligibility rules are checked (directors are members, an auditor is neither
 * a director nor an employee, terms at most 2 and 4 years).
 */
export async function addSeat(ctx: AppContext, actor: Actor, bodyId: string, input: NewSeat, electedByMotionId: string | null = null): Promise<Seat> {
  return inTransaction(ctx, (trx) => seatOnBody(trx, ctx, actor, bodyId, input, electedByMotionId));
}

export async function seatOnBody(trx: Transaction<Schema>, ctx: AppContext, actor: Actor, bodyId: string, input: NewSeat, electedByMotionId: string | null): Promise<Seat> {
  const body = await trx.selectFrom('bodies').selectAll().where('id', '=', bodyId).executeTakeFirst();
  if (!body) throw notFound('body');
  if (!canRunMeetings(actor, body.organization_id)) throw forbidden();
  const membership = await trx.selectFrom('memberships').innerJoin('people', 'people.id', 'memberships.person_id')
    .select(['memberships.id', 'memberships.organization_id', 'memberships.person_id', 'people.family_name', 'people.given_name'])
    .where('memberships.id', '=', input.membershipId).executeTakeFirst();
  if (!membership) throw new DomainError('invalid', 'validation_failed', 'no such membership', [{ field: 'membershipId', code: 'not_found', message: 'no such membership' }]);
  const organizationOk = body.kind === 'federation_assembly'
    ? (await findOrganization(trx, membership.organization_id))?.parentId === body.organization_id
    : membership.organization_id === body.organization_id;
  if (!organizationOk) {
    throw new DomainError('rule_violation', 'seat_outside_body', 'the seat-holder must belong to the body\'s organization (for a federation assembly: to a member organization)', [
      { field: 'membershipId', code: 'seat_outside_body', message: 'a member of the right organization' },
    ]);
  }
  const rolesOf: Record<BodyKind, readonly SeatRole[]> = {
    general_assembly: [], delegate_assembly: ['delegate'], federation_assembly: ['delegate'],
    board: ['director', 'representative_director', 'auditor', 'council_member'],
  };
  if (!rolesOf[body.kind as BodyKind].includes(input.role)) {
    throw new DomainError('rule_violation', 'role_not_on_body', `a ${body.kind.replace('_', ' ')} has no ${input.role.replace('_', ' ')} seats`, [
      { field: 'role', code: 'role_not_on_body', message: rolesOf[body.kind as BodyKind].length ? `one of ${rolesOf[body.kind as BodyKind].join(', ')}` : 'every member sits in the general assembly' },
    ]);
  }
  const overlapping = await trx.selectFrom('body_seats').select('id').where('body_id', '=', bodyId).where('person_id', '=', membership.person_id)
    .where((eb) => eb.or([eb('term_until', 'is', null), eb('term_until', '>=', input.termFrom)]))
    .where((eb) => (input.termUntil ? eb('term_from', '<=', input.termUntil) : eb.lit(true))).executeTakeFirst();
  if (overlapping) {
    throw new DomainError('conflict', 'already_seated', 'this person holds a seat on this body for part of that term already', [
      { field: 'membershipId', code: 'already_seated', message: 'already seated for part of that term' },
    ]);
  }
  await checkSeat(trx, { bodyKind: body.kind as BodyKind, organizationId: body.organization_id, personId: membership.person_id, membershipId: membership.id, role: input.role, termFrom: input.termFrom, termUntil: input.termUntil ?? null });
  const at = isoNow(ctx);
  const seat: Seat = {
    id: newId(), bodyId, personId: membership.person_id, membershipId: membership.id, representsOrganizationId: membership.organization_id,
    constituency: input.constituency?.trim() || null, role: input.role, termFrom: input.termFrom, termUntil: input.termUntil ?? null, electedByMotionId,
    name: `${membership.family_name} ${membership.given_name}`,
  };
  await trx.insertInto('body_seats').values({
    id: seat.id, body_id: bodyId, person_id: seat.personId, membership_id: seat.membershipId, represents_organization_id: seat.representsOrganizationId,
    constituency: seat.constituency, role: seat.role, term_from: seat.termFrom, term_until: seat.termUntil, elected_by_motion_id: electedByMotionId,
    created_at: at, recorded_by: actor.email,
  }).execute();
  await recordAudit(trx, { userId: actor.userId, email: actor.email }, { organizationId: body.organization_id, entityType: 'body_seat', entityId: seat.id, action: 'seat', before: null, after: seat }, at);
  return seat;
}

/** Seats held on a date. */
export async function listSeats(ctx: AppContext, actor: Actor, bodyId: string, date = today(ctx)): Promise<Seat[]> {
  const body = await ctx.db.selectFrom('bodies').select('organization_id').where('id', '=', bodyId).executeTakeFirst();
  if (!body) throw notFound('body');
  if (!canRunMeetings(actor, body.organization_id)) throw forbidden();
  return seatsOn(ctx.db, bodyId, date);
}

export async function seatsOn(db: Tx, bodyId: string, date: string): Promise<Seat[]> {
  const rows = await db.selectFrom('body_seats').innerJoin('people', 'people.id', 'body_seats.person_id').selectAll('body_seats')
    .select(['people.family_name', 'people.given_name']).where('body_id', '=', bodyId).where('term_from', '<=', date)
    .where((eb) => eb.or([eb('term_until', 'is', null), eb('term_until', '>=', date)])).orderBy('role').orderBy('term_from').execute();
  return rows.map((r) => ({
    id: r.id, bodyId: r.body_id, personId: r.person_id, membershipId: r.membership_id, representsOrganizationId: r.represents_organization_id,
    constituency: r.constituency, role: r.role as SeatRole, termFrom: r.term_from, termUntil: r.term_until, electedByMotionId: r.elected_by_motion_id,
    name: `${r.family_name} ${r.given_name}`,
  }));
}
