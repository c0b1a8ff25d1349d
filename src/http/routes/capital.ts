import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  payRefund,
  recordPayment,
  reverseEntry,
  subscribeShares,
  transferShares,
  withdrawShares,
  writeDownCapital,
} from '../../app/capital/capital-movements.js';
import { listCapitalRules, setCapitalRules } from '../../app/capital/capital-rules.js';
import { capitalCertificatePdf, capitalRegisterPdf } from '../../app/capital/capital-documents.js';
import { capitalJournalForHledger } from '../../app/capital/export-capital.js';
import { capitalByFiscalYear } from '../../app/capital/federation-capital.js';
import { importPayrollDeductions } from '../../app/capital/payroll-deductions.js';
import { capitalRegister, memberCapital } from '../../app/capital/read-capital.js';
import { registerCsv } from '../../domain/capital/register-csv.js';
import { capitalAccounts, entryTypes, paymentMethods } from '../../domain/capital/ledger.js';
import { today } from '../../app/shared/context.js';
import { actorOf } from '../auth.js';
import { acceptFileBodies, fileBytes } from '../file-body.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, orNull, problemResponses } from '../schemas.js';

const tags = ['capital'];
const IsoDate = Type.String({ format: 'date' });
const Yen = Type.Integer({ minimum: 1, maximum: 1_000_000_000_000, description: 'integer yen' });
const Shares = Type.Integer({ minimum: 1, maximum: 1_000_000 });
const Description = Type.Optional(orNull(Type.String({ maxLength: 500 })));
const Reason = Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' });
const OrgParams = Type.Object({ id: Id });
const MembershipParams = Type.Object({ membershipId: Id });

const Rules = Type.Object({
  effectiveFrom: IsoDate, sharePrice: Type.Integer(), minimumShares: Type.Integer(), capPercent: orNull(Type.Integer()),
  takeoverCapPercent: orNull(Type.Integer()), capExemptUpTo: Type.Integer(), refundNoticeDays: Type.Integer(),
});
const Position = Type.Object({ shares: Type.Integer(), capital: Type.Integer(), unpaid: Type.Integer(), paid: Type.Integer(), refundPayable: Type.Integer() });
const Line = Type.Object({ account: enumOf(capitalAccounts), membershipId: orNull(Type.String()), amount: Type.Integer(), shares: Type.Integer() });
const Entry = Type.Object({
  id: Id, organizationId: Id, date: IsoDate, type: enumOf(entryTypes), description: orNull(Type.String()), reason: orNull(Type.String()),
  reversesEntryId: orNull(Type.String()), batchId: orNull(Type.String()), recordedAt: Type.String(), recordedBy: orNull(Type.String()), lines: Type.Array(Line),
});
const created = (schema: typeof Entry | ReturnType<typeof Type.Array<typeof Entry>>) => ({ 201: schema, ...problemResponses });

/** The capital ledger: rules, movements (each a balanced journal entry), a member's capital and the register. */
export const capitalRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  acceptFileBodies(app);

  app.get('/organizations/:id/capital-rules', {
    schema: { tags, summary: 'The capital rules of the bylaws, every version with its effective date', params: OrgParams, response: { 200: Type.Object({ items: Type.Array(Rules) }), ...problemResponses } },
  }, async (request) => ({ items: await listCapitalRules(ctx, actorOf(request), request.params.id) }));

  app.post('/organizations/:id/capital-rules', {
    schema: {
      tags, summary: 'Record the capital rules from a date on (share price, minimum shares, cap); omitted settings come from the law profile',
      params: OrgParams,
      body: Type.Object({
        effectiveFrom: IsoDate, sharePrice: Yen, minimumShares: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
        capPercent: Type.Optional(orNull(Type.Integer({ minimum: 1, maximum: 100 }))), takeoverCapPercent: Type.Optional(orNull(Type.Integer({ minimum: 1, maximum: 100 }))),
        capExemptUpTo: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })), refundNoticeDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 })),
      }, { additionalProperties: false }),
      response: { 201: Rules, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await setCapitalRules(ctx, actorOf(request), request.params.id, request.body)));

  app.get('/memberships/:membershipId/capital', {
    schema: {
      tags, summary: "A member's capital: shares held, paid and unpaid, refunds owed, and every entry with the position after it",
      params: MembershipParams,
      response: {
        200: Type.Object({
          position: Position, rules: orNull(Rules),
          entries: Type.Array(Type.Object({
            id: Id, date: IsoDate, type: Type.String(), description: orNull(Type.String()), reason: orNull(Type.String()), reversesEntryId: orNull(Type.String()),
            reversedByEntryId: orNull(Type.String()), recordedAt: Type.String(), recordedBy: orNull(Type.String()), lines: Type.Array(Line), positionAfter: Position,
          })),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => memberCapital(ctx, actorOf(request), request.params.membershipId));

  app.post('/memberships/:membershipId/capital/subscriptions', {
    schema: {
      tags, summary: 'Subscribe shares (on joining or adding shares), optionally with the first payment (at founding at least 1/4 of each share)',
      params: MembershipParams,
      body: Type.Object({
        date: IsoDate, shares: Shares, description: Description,
        firstPayment: Type.Optional(orNull(Type.Object({ amount: Yen, method: enumOf(paymentMethods), founding: Type.Optional(Type.Boolean()) }, { additionalProperties: false }))),
      }, { additionalProperties: false }),
      response: created(Type.Array(Entry)),
    },
  }, async (request, reply) => {
    const { firstPayment, ...input } = request.body;
    const payment = firstPayment ? { amount: firstPayment.amount, method: firstPayment.method, founding: firstPayment.founding ?? false } : null;
    return reply.status(201).send(await subscribeShares(ctx, actorOf(request), request.params.membershipId, { ...input, firstPayment: payment }));
  });

  app.post('/memberships/:membershipId/capital/payments', {
    schema: {
      tags, summary: 'Record a payment on subscribed shares: in full or an instalment, by bank, cash, payroll deduction or in kind',
      params: MembershipParams,
      body: Type.Object({ date: IsoDate, amount: Yen, method: enumOf(paymentMethods), description: Description }, { additionalProperties: false }),
      response: created(Entry),
    },
  }, async (request, reply) => reply.status(201).send(await recordPayment(ctx, actorOf(request), request.params.membershipId, request.body)));

  app.post('/memberships/:membershipId/capital/transfers', {
    schema: {
      tags, summary: 'Transfer fully paid shares to another member, with the approval it relies on',
      params: MembershipParams,
      body: Type.Object({
        date: IsoDate, toMembershipId: Id, shares: Shares, approval: Reason, approvedTakeover: Type.Optional(Type.Boolean({ description: "taking over a leaving member's shares with the general meeting's approval: cap 35%" })),
        description: Description,
      }, { additionalProperties: false }),
      response: created(Entry),
    },
  }, async (request, reply) => reply.status(201).send(await transferShares(ctx, actorOf(request), request.params.membershipId, request.body)));

  app.post('/memberships/:membershipId/capital/withdrawals', {
    schema: {
      tags, summary: 'Withdraw all shares (leaving) or some: the unpaid part is cancelled, the paid part becomes a refund owed after the fiscal-year close',
      params: MembershipParams,
      body: Type.Object({ date: IsoDate, shares: Type.Optional(orNull(Shares)), description: Description }, { additionalProperties: false }),
      response: { 201: Type.Object({ ...Entry.properties, refundDueAfter: IsoDate }), ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await withdrawShares(ctx, actorOf(request), request.params.membershipId, request.body)));

  app.post('/memberships/:membershipId/capital/refunds', {
    schema: {
      tags, summary: 'Pay out a refund owed (all of it by default), after the fiscal year of the withdrawal has closed',
      params: MembershipParams,
      body: Type.Object({ date: IsoDate, amount: Type.Optional(orNull(Yen)), description: Description }, { additionalProperties: false }),
      response: created(Entry),
    },
  }, async (request, reply) => reply.status(201).send(await payRefund(ctx, actorOf(request), request.params.membershipId, request.body)));

  app.post('/memberships/:membershipId/capital/write-downs', {
    schema: {
      tags, summary: "Write down a member's capital to cover losses, with the resolution it follows",
      params: MembershipParams,
      body: Type.Object({ date: IsoDate, amount: Yen, reason: Reason, description: Description }, { additionalProperties: false }),
      response: created(Entry),
    },
  }, async (request, reply) => reply.status(201).send(await writeDownCapital(ctx, actorOf(request), request.params.membershipId, request.body)));

  app.post('/capital/entries/:entryId/reversal', {
    schema: {
      tags, summary: 'Correct a mistake with a reversing entry and its reason; entries are never edited or deleted',
      params: Type.Object({ entryId: Id }),
      body: Type.Object({ date: IsoDate, reason: Reason }, { additionalProperties: false }),
      response: created(Entry),
    },
  }, async (request, reply) => reply.status(201).send(await reverseEntry(ctx, actorOf(request), request.params.entryId, request.body)));

  app.get('/organizations/:id/capital/register', {
    schema: {
      tags, summary: 'The capital register (出資者名簿) at a date (default today): every member with shares, paid, unpaid and refunds owed',
      params: OrgParams,
      querystring: Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          organizationId: Id, date: IsoDate, rules: orNull(Rules),
          rows: Type.Array(Type.Object({
            ...Position.properties, membershipId: Id, memberNumber: Type.String(), familyName: Type.String(), givenName: Type.String(), familyKana: Type.String(), givenKana: Type.String(),
          })),
          totals: Type.Object({ ...Position.properties, members: Type.Integer() }),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => capitalRegister(ctx, actorOf(request), request.params.id, request.query.date ?? today(ctx)));

  app.get('/organizations/:id/capital/register.csv', {
    schema: {
      tags, summary: 'The capital register at a date as CSV for Excel (UTF-8 with BOM, or CP932)',
      params: OrgParams,
      querystring: Type.Object({ date: Type.Optional(IsoDate), encoding: Type.Optional(enumOf(['utf-8', 'cp932'] as const)), locale: Type.Optional(enumOf(['ja', 'en'] as const)) }, { additionalProperties: false }),
      response: { 200: Type.String({ description: 'text/csv' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const date = request.query.date ?? today(ctx);
    const encoding = request.query.encoding ?? 'utf-8';
    const register = await capitalRegister(ctx, actorOf(request), request.params.id, date);
    const csv = registerCsv(register.rows, register.totals, { encoding, locale: request.query.locale ?? 'ja' });
    return reply.type(`text/csv; charset=${encoding === 'cp932' ? 'shift_jis' : 'utf-8'}`)
      .header('content-disposition', `attachment; filename="capital-register-${date}.csv"`).send(Buffer.from(csv.bytes));
  });

  app.get('/organizations/:id/capital/journal.hledger', {
    schema: {
      tags, summary: 'The capital journal as a plain-text journal that hledger reads (hledger -f FILE balance)',
      params: OrgParams,
      response: { 200: Type.String({ description: 'text/plain' }), ...problemResponses },
    },
  }, async (request, reply) => reply.type('text/plain; charset=utf-8')
    .header('content-disposition', 'attachment; filename="capital.journal"')
    .send(await capitalJournalForHledger(ctx, actorOf(request), request.params.id)));

  app.post('/organizations/:id/capital/payroll-deductions', {
    schema: {
      tags, summary: "Record a month's payroll deductions for capital from a CSV (組合員番号, 金額[, 控除日]); all rows or none",
      description: 'The CSV file as the request body (Content-Type: text/csv), UTF-8 or CP932. Rows without a date take `date`.',
      params: OrgParams,
      querystring: Type.Object({ date: IsoDate, encoding: Type.Optional(enumOf(['auto', 'utf-8', 'cp932'] as const)) }, { additionalProperties: false }),
      response: { 201: Type.Object({ batchId: Id, payments: Type.Integer(), total: Type.Integer() }), ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await importPayrollDeductions(ctx, actorOf(request), request.params.id, {
    bytes: fileBytes(request.body), encoding: request.query.encoding ?? 'auto', date: request.query.date,
  })));

  const DocumentQuery = Type.Object({ date: Type.Optional(IsoDate), locale: Type.Optional(enumOf(['ja', 'en'] as const)) }, { additionalProperties: false });
  const pdf = { 200: Type.String({ description: 'application/pdf' }), ...problemResponses };

  app.get('/memberships/:membershipId/capital/certificate.pdf', {
    schema: { tags, summary: "A member's contribution certificate and balance statement (出資金残高証明書) at a date, as PDF", params: MembershipParams, querystring: DocumentQuery, response: pdf },
  }, async (request, reply) => {
    const date = request.query.date ?? today(ctx);
    const bytes = await capitalCertificatePdf(ctx, actorOf(request), request.params.membershipId, { date, locale: request.query.locale ?? 'ja' });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="capital-certificate-${date}.pdf"`).send(Buffer.from(bytes));
  });

  app.get('/organizations/:id/capital/register.pdf', {
    schema: { tags, summary: 'The capital register (出資者名簿) at a date, as PDF', params: OrgParams, querystring: DocumentQuery, response: pdf },
  }, async (request, reply) => {
    const date = request.query.date ?? today(ctx);
    const bytes = await capitalRegisterPdf(ctx, actorOf(request), request.params.id, { date, locale: request.query.locale ?? 'ja' });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="capital-register-${date}.pdf"`).send(Buffer.from(bytes));
  });

  app.get('/capital/by-fiscal-year', {
    schema: {
      tags, summary: "Capital by organization and fiscal year: each organization's totals at the end of its last fiscal years (the running one up to today)",
      querystring: Type.Object({ years: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({
            organizationId: Id, fiscalYear: Type.Integer(), asOf: IsoDate, members: Type.Integer(), shares: Type.Integer(), capital: Type.Integer(), paid: Type.Integer(), unpaid: Type.Integer(),
          })),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => ({ items: await capitalByFiscalYear(ctx, actorOf(request), request.query.years ?? 5) }));
};
