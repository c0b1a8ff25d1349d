import type { Selectable } from 'kysely';
import type { MembershipStatus } from '../../domain/members/lifecycle.js';
import type { Membership, Person, PersonFields } from '../../domain/members/member.js';
import { normalizePostalCode } from '../../domain/organizations/organization.js';
import type { MembershipTable, PersonTable } from '../../db/schema.js';
import { newId, type Tx } from '../shared/context.js';

export const toPerson = (r: Selectable<PersonTable>): Person => ({
  id: r.id,
  familyName: r.family_name,
  givenName: r.given_name,
  familyKana: r.family_kana,
  givenKana: r.given_kana,
  birthDate: r.birth_date,
  email: r.email,
  phone: r.phone,
  postalCode: r.postal_code,
  prefectureCode: r.prefecture_code,
  address: r.address,
  version: Number(r.version),
});

export const toMembership = (r: Selectable<MembershipTable>): Membership => ({
  id: r.id,
  organizationId: r.organization_id,
  personId: r.person_id,
  memberNumber: r.member_number,
  kind: r.kind,
  status: r.status as MembershipStatus,
  admittedOn: r.admitted_on,
  endedOn: r.ended_on,
  version: Number(r.version),
});

/** Trims names, normalizes kana (half-width → full-width) and the postal code, empties blanks to null. */
export const normalizePerson = (p: PersonFields): PersonFields => ({
  ...p,
  familyName: p.familyName.trim(),
  givenName: p.givenName.trim(),
  familyKana: p.familyKana.normalize('NFKC').trim(),
  givenKana: p.givenKana.normalize('NFKC').trim(),
  email: p.email?.trim() || null,
  phone: p.phone?.trim() || null,
  address: p.address?.trim() || null,
  postalCode: normalizePostalCode(p.postalCode),
});

export async function insertPerson(trx: Tx, fields: PersonFields, at: string): Promise<Person> {
  const person: Person = { ...normalizePerson(fields), id: newId(), version: 1 };
  await trx.insertInto('people').values({
    id: person.id, family_name: person.familyName, given_name: person.givenName, family_kana: person.familyKana, given_kana: person.givenKana,
    birth_date: person.birthDate, email: person.email, phone: person.phone, postal_code: person.postalCode, prefecture_code: person.prefectureCode,
    address: person.address, version: 1, created_at: at, updated_at: at,
  }).execute();
  return person;
}
