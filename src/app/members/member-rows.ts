import type { Selectable } from 'kysely';
import type { MembershipStatus } from '../../domain/members/lifecycle.js';
import type { Membership, Person, PersonFields } from '../../domain/members/member.js';
import { normalizePostalCode } from '../../domain/organizations/organization.js';
import { searchTokens, type NameParts } from '../../domain/members/search-key.js';
import { BulkWriter, type BatchListener } from '../../db/bulk-insert.js';
import type { DialectName } from '../../db/dialect-name.js';
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

/**
 * Writes the search tokens of one membership from the person's names and the member number. `previous` names
 * the tokens to remove first (found by key, as the table has no index on membership_id).
 */
export async function indexMembership(
  trx: Tx,
  membership: Pick<Membership, 'id' | 'organizationId' | 'memberNumber'>,
  person: NameParts,
  previous: NameParts | null,
): Promise<void> {
  if (previous) {
    await trx.deleteFrom('member_search_tokens').where('organization_id', '=', membership.organizationId)
      .where('token', 'in', searchTokens(previous, membership.memberNumber)).where('membership_id', '=', membership.id).execute();
  }
  const tokens = searchTokens(person, membership.memberNumber);
  await trx
    .insertInto('member_search_tokens')
    .values(tokens.map((token) => ({ organization_id: membership.organizationId, token, membership_id: membership.id })))
    .execute();
}

/**
 * The search tokens of a bulk load (an import, the demo), gathered by token. Written in key order, every token
 * lands next to the previous one in the index rather than on a random page; sorting the distinct tokens (names
 * repeat) rather than the hundreds of thousands of rows keeps that order cheap.
 */
export class SearchTokenBatch {
  private readonly members = new Map<string, string[]>();
  constructor(private readonly organizationId: string) {}

  add(person: NameParts, memberNumber: string, membershipId: string): void {
    for (const token of searchTokens(person, memberNumber)) {
      const ids = this.members.get(token);
      if (ids) ids.push(membershipId);
      else this.members.set(token, [membershipId]);
    }
  }

  /** The number of rows `insert` writes. */
  get size(): number {
    let rows = 0;
    for (const ids of this.members.values()) rows += ids.length;
    return rows;
  }

  async insert(trx: Tx, dialect: DialectName, onBatch?: BatchListener): Promise<void> {
    const writer = new BulkWriter(trx, dialect, 'member_search_tokens', ['token', 'membership_id'], { onBatch, shared: { organization_id: this.organizationId } });
    for (const token of [...this.members.keys()].sort()) {
      for (const membershipId of this.members.get(token)!.sort()) {
        // A promise only when a batch is written: awaiting every row would cost a turn of the microtask queue each.
        const written = writer.add(token, membershipId);
        if (written) await written;
      }
    }
    await writer.flush();
  }
}

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
