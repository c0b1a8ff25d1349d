import { checkCandidate, officerRules, type CandidateFacts, type CandidateRuleCode } from '../../domain/governance/elections.js';
import type { BodyKind, Office, SeatRole } from '../../domain/governance/vocabulary.js';
import { DomainError } from '../../domain/shared/errors.js';
import type { Tx } from '../shared/context.js';

/**
 * Gathers from the registry and the board what the Act's eligibility rules ask about a person (domain.md §2 item 9)
 * and applies them: directors are members, an auditor is neither a director nor an employee, terms at most two and
 * four years. Delegates are members of the organization they represent.
 */

const ruleMessages: Record<CandidateRuleCode | 'delegate_not_member', string> = {
  director_not_member: 'a director must be a member of the co-operative',
  auditor_is_director: 'an auditor may not be a director at the same time',
  auditor_is_employee: 'an auditor may not be an employee of the co-operative',
  term_too_long: 'the term is longer than the Act allows (directors 2 years, auditors 4)',
  term_invalid: 'the term must end after it begins',
  delegate_not_member: 'a delegate must be a member of the organization they represent',
};

/** Whole months a term covers, both ends included: 2026-06-20 to 2028-06-19 is 24. */
export function termMonths(from: string, until: string): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = until.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) + (d2 >= d1 ? 1 : 0);
}

async function isMemberOn(db: Tx, membershipId: string, date: string): Promise<boolean> {
  const row = await db.selectFrom('memberships').select('id').where('id', '=', membershipId).where('admitted_on', '<=', date)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', date)])).executeTakeFirst();
  return Boolean(row);
}

async function factsOf(db: Tx, organizationId: string, personId: string, membershipId: string, date: string, months: number): Promise<CandidateFacts> {
  const [member, director, employee] = await Promise.all([
    isMemberOn(db, membershipId, date),
    db.selectFrom('body_seats').innerJoin('bodies', 'bodies.id', 'body_seats.body_id').select('body_seats.id')
      .where('bodies.organization_id', '=', organizationId).where('bodies.kind', '=', 'board').where('body_seats.person_id', '=', personId)
      .where('body_seats.role', 'in', ['director', 'representative_director']).where('body_seats.term_from', '<=', date)
      .where((eb) => eb.or([eb('body_seats.term_until', 'is', null), eb('body_seats.term_until', '>=', date)])).executeTakeFirst(),
    db.selectFrom('engagements').select('id').where('organization_id', '=', organizationId).where('person_id', '=', personId)
      .where('labour_contract_from', '<=', date).where((eb) => eb.or([eb('labour_contract_until', 'is', null), eb('labour_contract_until', '>=', date)]))
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', date)])).executeTakeFirst(),
  ]);
  return { isMember: member, isDirector: Boolean(director), isEmployee: Boolean(employee), termMonths: months };
}

function refuse(field: string, codes: (CandidateRuleCode | 'delegate_not_member')[]): DomainError {
  return new DomainError('rule_violation', codes[0]!, codes.map((c) => ruleMessages[c]).join('; '), codes.map((code) => ({ field, code, message: ruleMessages[code] })));
}

/** Checks a seat on a body against the Act; refuses with the rule codes broken. */
export async function checkSeat(db: Tx, seat: { bodyKind: BodyKind; organizationId: string; personId: string; membershipId: string; role: SeatRole; termFrom: string; termUntil: string | null }): Promise<void> {
  if (seat.termUntil !== null && seat.termUntil < seat.termFrom) throw refuse('termUntil', ['term_invalid']);
  if (seat.role === 'delegate' || seat.role === 'council_member') {
    if (!(await isMemberOn(db, seat.membershipId, seat.termFrom))) throw refuse('membershipId', ['delegate_not_member']);
    return;
  }
  const office: 'director' | 'auditor' = seat.role === 'auditor' ? 'auditor' : 'director';
  if (seat.termUntil === null) {
    throw new DomainError('invalid', 'validation_failed', 'termUntil: an officer\'s term has an end', [{ field: 'termUntil', code: 'required', message: 'an officer\'s term has an end' }]);
  }
  const facts = await factsOf(db, seat.organizationId, seat.personId, seat.membershipId, seat.termFrom, termMonths(seat.termFrom, seat.termUntil));
  const codes = checkCandidate(office, facts);
  if (codes.length) throw refuse(codes.includes('term_too_long') || codes.includes('term_invalid') ? 'termUntil' : 'membershipId', codes);
}

/**
 * Checks a candidate for an election on the meeting day; returns the person and the name the ballot shows. The
 * term is the longest the Act allows (the meeting seats the elected with it).
 */
export async function checkCandidacy(db: Tx, organizationId: string, office: Office, membershipId: string, date: string, field: string): Promise<{ personId: string; name: string }> {
  const row = await db.selectFrom('memberships').innerJoin('people', 'people.id', 'memberships.person_id')
    .select(['memberships.person_id', 'memberships.organization_id', 'people.family_name', 'people.given_name']).where('memberships.id', '=', membershipId).executeTakeFirst();
  if (!row || row.organization_id !== organizationId) {
    throw new DomainError('invalid', 'validation_failed', `${field}: a membership of this organization`, [{ field, code: 'not_found', message: 'a membership of this organization' }]);
  }
  if (office === 'delegate') {
    if (!(await isMemberOn(db, membershipId, date))) throw refuse(field, ['delegate_not_member']);
  } else {
    const codes = checkCandidate(office, await factsOf(db, organizationId, row.person_id, membershipId, date, officerRules.maxTermMonths[office]));
    if (codes.length) throw refuse(field, codes);
  }
  return { personId: row.person_id, name: `${row.family_name} ${row.given_name}` };
}
