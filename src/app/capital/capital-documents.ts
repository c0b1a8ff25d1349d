import type { Actor } from '../../domain/access/policy.js';
import type { JournalLine } from '../../domain/capital/ledger.js';
import type { Organization } from '../../domain/organizations/organization.js';
import { notFound } from '../../domain/shared/errors.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { today, type AppContext } from '../shared/context.js';
import { renderCertificatePdf, renderRegisterPdf, type CapitalDocumentOrganization, type DocumentLocale } from './documents/capital-pdf.js';
import { capitalRegister, memberCapital } from './read-capital.js';

/** What each kind of entry is called on a certificate. */
const movementNames: Record<DocumentLocale, Record<string, string>> = {
  ja: { subscription: '出資の引受け', payment: '払込み', transfer: '持分の譲渡', withdrawal: '脱退・減口（払戻確定）', refund: '払戻金の支払', 'write-down': '減資', reversal: '取消', 'surplus-appropriation': '剰余金処分', 'opening-balance': '開始残高' },
  en: { subscription: 'Shares subscribed', payment: 'Payment', transfer: 'Transfer of shares', withdrawal: 'Withdrawal (refund owed)', refund: 'Refund paid', 'write-down': 'Write-down', reversal: 'Reversal', 'surplus-appropriation': 'Surplus appropriation', 'opening-balance': 'Opening balance' },
};

const documentOrganization = (o: Organization): CapitalDocumentOrganization => ({
  nameJa: o.nameJa, nameEn: o.nameEn, address: o.address, postalCode: o.postalCode, representative: null,
});

async function organizationOrFail(ctx: AppContext, id: string): Promise<Organization> {
  const organization = await findOrganization(ctx.db, id);
  if (!organization) throw notFound('organization');
  return organization;
}

const sumOf = (lines: readonly JournalLine[], membershipId: string, account: JournalLine['account'], value: (l: JournalLine) => number): number =>
  lines.filter((l) => l.membershipId === membershipId && l.account === account).reduce((sum, l) => sum + value(l), 0);

/** The yen an entry means for the member: paid in, refunded to them, or their capital's change. */
function memberAmount(type: string, lines: readonly JournalLine[], membershipId: string): number {
  // A dividend set against unpaid capital pays it, as a payment does.
  if (type === 'payment' || type === 'surplus-appropriation') return -sumOf(lines, membershipId, 'capital-unpaid', (l) => l.amount);
  if (type === 'refund') return sumOf(lines, membershipId, 'refund-payable', (l) => l.amount);
  return -sumOf(lines, membershipId, 'capital', (l) => l.amount);
}

/** 出資金残高証明書: a member's shares and capital at a date, with the movements that led there, as a PDF. */
export async function capitalCertificatePdf(ctx: AppContext, actor: Actor, membershipId: string, options: { date: string; locale: DocumentLocale }): Promise<Uint8Array> {
  const capital = await memberCapital(ctx, actor, membershipId);
  const row = await ctx.db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.organization_id', 'm.member_number', 'p.family_name', 'p.given_name', 'p.family_kana', 'p.given_kana', 'p.postal_code', 'p.address'])
    .where('m.id', '=', membershipId).executeTakeFirstOrThrow();
  const organization = await organizationOrFail(ctx, row.organization_id);
  const entries = capital.entries.filter((e) => e.date <= options.date);
  const last = entries.at(-1)?.positionAfter ?? { shares: 0, capital: 0, unpaid: 0, paid: 0, refundPayable: 0 };
  return renderCertificatePdf({
    locale: options.locale,
    organization: documentOrganization(organization),
    member: {
      memberNumber: row.member_number, familyName: row.family_name, givenName: row.given_name, familyKana: row.family_kana, givenKana: row.given_kana,
      postalCode: row.postal_code, address: row.address,
    },
    asOf: options.date,
    issuedOn: today(ctx),
    certificateNumber: `${organization.code}-${row.member_number}-${options.date.replaceAll('-', '')}`,
    sharePrice: capital.rules?.sharePrice ?? 0,
    shares: last.shares,
    subscribed: last.capital,
    paid: last.paid,
    unpaid: last.unpaid,
    movements: entries.map((e) => ({
      date: e.date,
      description: [movementNames[options.locale][e.type] ?? e.type, e.description].filter(Boolean).join(' '),
      shares: sumOf(e.lines, membershipId, 'capital', (l) => l.shares),
      amount: memberAmount(e.type, e.lines, membershipId),
    })),
  });
}

/** 出資者名簿: the register at a date as a PDF, a row per member with the totals. */
export async function capitalRegisterPdf(ctx: AppContext, actor: Actor, organizationId: string, options: { date: string; locale: DocumentLocale }): Promise<Uint8Array> {
  const register = await capitalRegister(ctx, actor, organizationId, options.date);
  const organization = await organizationOrFail(ctx, organizationId);
  return renderRegisterPdf({
    locale: options.locale,
    organization: documentOrganization(organization),
    asOf: options.date,
    sharePrice: register.rules?.sharePrice ?? 0,
    rows: register.rows.map((r) => ({
      memberNumber: r.memberNumber, name: `${r.familyName} ${r.givenName}`, kana: `${r.familyKana} ${r.givenKana}`, shares: r.shares, subscribed: r.capital, paid: r.paid, unpaid: r.unpaid,
    })),
    totals: { members: register.totals.members, shares: register.totals.shares, subscribed: register.totals.capital, paid: register.totals.paid, unpaid: register.totals.unpaid },
  });
}
