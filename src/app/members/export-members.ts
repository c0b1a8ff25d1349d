import { canKeepRegistry, type Actor } from '../../domain/access/policy.js';
import { membersCsv, type CsvEncoding, type CsvLocale, type EncodedCsv, type MemberExportRow } from '../../domain/members/csv/index.js';
import { forbidden } from '../../domain/shared/errors.js';
import type { AppContext } from '../shared/context.js';

/** The organization's current members (not ended on `date`) as a CSV that opens in Excel and imports back unchanged. */
export async function exportMembers(ctx: AppContext, actor: Actor, organizationId: string, options: { encoding: CsvEncoding; locale: CsvLocale; date: string }): Promise<EncodedCsv> {
  if (!canKeepRegistry(actor, organizationId)) throw forbidden();
  const rows = await ctx.db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('engagements as e', (j) => j.onRef('e.person_id', '=', 'm.person_id').onRef('e.organization_id', '=', 'm.organization_id').on('e.ended_on', 'is', null))
    .select([
      'm.member_number', 'm.kind', 'm.admitted_on', 'p.family_name', 'p.given_name', 'p.family_kana', 'p.given_kana', 'p.birth_date', 'p.email', 'p.phone',
      'p.postal_code', 'p.prefecture_code', 'p.address', 'e.id as engagement_id', 'e.labour_contract_from', 'e.labour_contract_until',
    ])
    .where('m.organization_id', '=', organizationId)
    .where('m.admitted_on', '<=', options.date)
    .where((eb) => eb.or([eb('m.ended_on', 'is', null), eb('m.ended_on', '>', options.date)]))
    .orderBy('m.member_number_key')
    .orderBy('m.member_number')
    .execute();
  const seen = new Set<string>();
  const exportRows: MemberExportRow[] = [];
  for (const r of rows) {
    if (seen.has(r.member_number)) continue; // one line per member even with several open engagements
    seen.add(r.member_number);
    exportRows.push({
      memberNumber: r.member_number, familyName: r.family_name, givenName: r.given_name, familyKana: r.family_kana, givenKana: r.given_kana,
      kind: r.kind, admittedOn: r.admitted_on!, birthDate: r.birth_date, email: r.email, phone: r.phone, postalCode: r.postal_code,
      prefectureCode: r.prefecture_code, address: r.address, engagedInWork: r.engagement_id !== null,
      labourContractFrom: r.labour_contract_from, labourContractUntil: r.labour_contract_until,
    });
  }
  return membersCsv(exportRows, { encoding: options.encoding, locale: options.locale });
}
