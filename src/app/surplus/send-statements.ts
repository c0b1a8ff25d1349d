import { canCloseFiscalYear, type Actor } from '../../domain/access/policy.js';
import { DomainError, forbidden } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import type { DocumentLocale } from '../documents/pdf-kit.js';
import type { MailDeps } from '../governance/notice.js';
import { sendMany, type MailOutcome, type OutgoingMail } from '../mail/mailer.js';
import { inTransaction, isoNow, today, type AppContext } from '../shared/context.js';
import { closingRow, toClosingView } from './close-year.js';
import { closingStatements, type DividendStatement } from './dividend-statements.js';
import { renderStatementPdf } from './documents/statement-pdf.js';

const yen = (n: number, locale: DocumentLocale) => (locale === 'ja' ? `${n.toLocaleString('ja-JP')}円` : `JPY ${n.toLocaleString('en-US')}`);

/** The e-mail's own text: the figures that matter, with the full statement attached as PDF. */
function statementText(s: DividendStatement, locale: DocumentLocale): { subject: string; text: string } {
  const organization = locale === 'en' ? (s.organization.nameEn ?? s.organization.nameJa) : s.organization.nameJa;
  if (locale === 'ja') {
    return {
      subject: `【${s.fiscalYear}年度】従事分量配当金計算書`,
      text: `${organization}\n\n${s.familyName} ${s.givenName} 様\n\n${s.fiscalYear}年度の剰余金処分が総会で議決されました。あなたの従事分量配当金は ${yen(s.amount, 'ja')}` +
        `${s.withheld > 0 ? `（うち ${yen(s.withheld, 'ja')} を未払込出資金に充当）` : ''}、お支払額は ${yen(s.payment, 'ja')} です。\n計算の詳細は添付の計算書（PDF）をご覧ください。\n`,
    };
  }
  return {
    subject: `Statement of your dividend by amount of work, fiscal year ${s.fiscalYear}`,
    text: `${organization}\n\nDear ${s.givenName} ${s.familyName},\n\nThe general assembly has resolved the appropriation of the fiscal year ${s.fiscalYear} surplus. ` +
      `Your dividend by amount of work is ${yen(s.amount, 'en')}${s.withheld > 0 ? ` (${yen(s.withheld, 'en')} of it set against your unpaid capital)` : ''}; ` +
      `${yen(s.payment, 'en')} will be paid to you.\nThe attached statement (PDF) shows how it was computed.\n`,
  };
}

/** Statements being e-mailed, by close (tests and a graceful shutdown wait for them). */
const deliveries = new Map<string, Promise<unknown>>();
export const statementsDelivered = (closingId: string): Promise<unknown> => deliveries.get(closingId) ?? Promise.resolve();

/**
 * E-mails each member of a posted close their statement (従事分量配当金計算書) as PDF, in the language of their account
 * (Japanese when they have none): the members without an address get theirs on paper or in their account. Sending
 * runs in the background, one PDF at a time as it goes out; its outcome is kept on the close and in the audit log.
 */
export async function sendDividendStatements(ctx: AppContext, actor: Actor, mail: MailDeps, closingId: string) {
  const row = await closingRow(ctx.db, closingId);
  if (!canCloseFiscalYear(actor, row.organization_id)) throw forbidden();
  if (row.status !== 'posted') throw new DomainError('rule_violation', 'not_posted', 'statements go out once the assembly has resolved the close and it is posted');
  const recipients = await ctx.db.selectFrom('surplus_dividends as d').innerJoin('people as p', 'p.id', 'd.person_id')
    .leftJoin('users as u', (join) => join.onRef('u.person_id', '=', 'd.person_id').on('u.disabled_at', 'is', null))
    .select(['d.membership_id', 'p.email', 'p.family_name', 'p.given_name', 'u.locale'])
    .where('d.closing_id', '=', closingId).orderBy('d.membership_id').execute();
  // One message a member, whatever accounts they have.
  const byMember = new Map<string, (typeof recipients)[number]>();
  for (const r of recipients) if (!byMember.has(r.membership_id)) byMember.set(r.membership_id, r);
  const withEmail = [...byMember.values()].filter((r) => r.email);
  const withoutEmail = byMember.size - withEmail.length;
  const mailer = mail.mailer;
  if (withEmail.length > 0 && !mailer) throw new DomainError('rule_violation', 'mail_not_configured', 'no mail server is configured (SMTP_URL): print the statements or let members download them');
  const issuedOn = today(ctx);
  // The statements' figures are read once; each PDF is made as its message is sent, so tens of thousands are never
  // held at once.
  const statements = withEmail.length > 0 ? await closingStatements(ctx.db, row) : new Map<string, DividendStatement>();
  async function* messages(): AsyncGenerator<OutgoingMail> {
    for (const r of withEmail) {
      const locale: DocumentLocale = r.locale === 'en' ? 'en' : 'ja';
      const statement = statements.get(r.membership_id)!;
      const { subject, text } = statementText(statement, locale);
      const pdf = await renderStatementPdf(statement, locale, issuedOn);
      yield { to: `${r.family_name} ${r.given_name} <${r.email}>`, subject, text, attachments: [{ filename: locale === 'ja' ? `従事分量配当金計算書_${statement.fiscalYear}.pdf` : `dividend-statement-${statement.fiscalYear}.pdf`, content: pdf, contentType: 'application/pdf' }] };
    }
  }
  const delivery = (mailer ? sendAll(mailer, messages()) : Promise.resolve([])).then((outcomes) => recordSending(ctx, actor, row.organization_id, closingId, outcomes, withoutEmail));
  deliveries.set(closingId, delivery.catch(() => undefined));
  return { closing: toClosingView(row), recipients: withEmail.length, withoutEmail, sending: withEmail.length > 0 };
}

/** Builds and sends the messages a batch at a time (sendMany keeps a few connections busy within a batch). */
async function sendAll(mailer: NonNullable<MailDeps['mailer']>, messages: AsyncGenerator<OutgoingMail>): Promise<MailOutcome[]> {
  const outcomes: MailOutcome[] = [];
  let batch: OutgoingMail[] = [];
  for await (const message of messages) {
    batch.push(message);
    if (batch.length === 50) {
      outcomes.push(...(await sendMany(mailer, batch)));
      batch = [];
    }
  }
  if (batch.length) outcomes.push(...(await sendMany(mailer, batch)));
  return outcomes;
}

async function recordSending(ctx: AppContext, actor: Actor, organizationId: string, closingId: string, outcomes: MailOutcome[], withoutEmail: number) {
  const failures = outcomes.filter((o) => o.status !== 'sent').map((o) => ({ email: o.to, reason: 'reason' in o ? o.reason : '' }));
  await inTransaction(ctx, async (trx) => {
    const at = isoNow(ctx);
    await trx.updateTable('surplus_closings').set({
      statements_sent_at: at, statements_sent: outcomes.length - failures.length, statements_without_email: withoutEmail, statements_failures_json: JSON.stringify(failures.slice(0, 1000)),
    }).where('id', '=', closingId).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId, entityType: 'surplus_closing', entityId: closingId, action: 'send_statements', before: null, after: { sent: outcomes.length - failures.length, failed: failures.length, withoutEmail },
    }, at);
  });
}
