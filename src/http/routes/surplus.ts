import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { getClosing, listClosings, proposeClosing, withdrawClosing } from '../../app/surplus/close-year.js';
import { closingDividendsCsv, dividendStatement, dividendStatementPdf, listClosingDividends, myDividendStatements } from '../../app/surplus/dividend-statements.js';
import { sendDividendStatements } from '../../app/surplus/send-statements.js';
import { submitClosing } from '../../app/surplus/settle-closing.js';
import { actorOf } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, problemResponses } from '../schemas.js';

const tags = ['surplus'];
const OrgParams = Type.Object({ id: Id });
const ClosingParams = Type.Object({ closingId: Id });
const StatementParams = Type.Object({ closingId: Id, membershipId: Id });
/** Responses documented as objects; their fields are described by the use case's types (see the TypeScript API). */
const Json = (description: string) => Type.Object({}, { additionalProperties: true, description });
const Yen = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description });
const Version = Type.Integer({ minimum: 1 });

export const surplusRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx, mail }) => {
  app.get('/organizations/:id/closings', {
    schema: { tags, summary: "The organization's fiscal-year closes (決算・剰余金処分), newest year first", params: OrgParams, response: { 200: Type.Object({ items: Type.Array(Json('closing')) }), ...problemResponses } },
  }, async (request) => ({ items: await listClosings(ctx, actorOf(request), request.params.id) }));

  app.post('/organizations/:id/closings', {
    schema: {
      tags,
      summary: 'Propose (or recompute the draft of) a fiscal-year close: the allocation in the legal order and each member\'s dividend by amount of work',
      description: 'Every month of the year must have its work closed. Reserves above their minimums and an amount retained are the board\'s choice; anything below a legal or bylaw minimum is refused with the field it concerns.',
      params: OrgParams,
      body: Type.Object({
        fiscalYear: Type.Integer({ minimum: 1900, maximum: 2999, description: 'the calendar year the fiscal year starts in (2025 = 2025年度)' }),
        surplus: Type.Integer({ minimum: -1_000_000_000_000, maximum: 1_000_000_000_000, description: "the year's surplus in yen; negative for a loss" }),
        legalReserve: Type.Optional(Yen('to the legal reserve, at least the minimum')),
        jobCreationFund: Type.Optional(Yen('to the job-creation fund, at least the minimum')),
        educationCarryForward: Type.Optional(Yen('to the education carry-forward, at least the minimum')),
        retained: Type.Optional(Yen('kept undistributed, out of what would be dividends')),
        opening: Type.Optional(Type.Object({ legalReserve: Yen('legal reserve before Kyodo'), lossesCarriedForward: Yen('losses carried forward before Kyodo') }, { additionalProperties: false })),
      }, { additionalProperties: false }),
      response: { 201: Json('closing'), ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await proposeClosing(ctx, actorOf(request), request.params.id, request.body)));

  app.get('/closings/:closingId', {
    schema: { tags, summary: 'One close: its facts, allocation with the minimums and why, the measure of work, status and motion', params: ClosingParams, response: { 200: Json('closing'), ...problemResponses } },
  }, async (request) => getClosing(ctx, actorOf(request), request.params.closingId));

  app.get('/closings/:closingId/dividends', {
    schema: {
      tags, summary: "The members' dividend lines of a close, by member number", params: ClosingParams,
      querystring: Type.Object({
        offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        q: Type.Optional(Type.String({ maxLength: 100, description: 'member number, or part of a name or kana' })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ total: Type.Integer(), offset: Type.Integer(), lines: Type.Array(Json('dividend line')) }), ...problemResponses },
    },
  }, async (request) => listClosingDividends(ctx, actorOf(request), request.params.closingId, { offset: request.query.offset ?? 0, limit: request.query.limit ?? 50, query: request.query.q }));

  app.get('/closings/:closingId/dividends.csv', {
    schema: {
      tags, summary: "Every member's dividend, what is set against unpaid capital and what is paid, as CSV for Excel and the bank transfer", params: ClosingParams,
      querystring: Type.Object({ encoding: Type.Optional(enumOf(['utf-8', 'cp932'] as const)), locale: Type.Optional(enumOf(['ja', 'en'] as const)) }, { additionalProperties: false }),
      response: { 200: Type.String({ description: 'text/csv' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const encoding = request.query.encoding ?? 'utf-8';
    const { fiscalYear, csv } = await closingDividendsCsv(ctx, actorOf(request), request.params.closingId, { encoding, locale: request.query.locale ?? 'ja' });
    return reply.type(`text/csv; charset=${encoding === 'cp932' ? 'shift_jis' : 'utf-8'}`)
      .header('content-disposition', `attachment; filename="dividends-${fiscalYear}.csv"`).send(Buffer.from(csv.bytes));
  });

  app.post('/closings/:closingId/submit', {
    schema: {
      tags, summary: 'Put a draft close on a general (or delegate) assembly\'s agenda as an ordinary resolution; adopted, it is posted to the ledger', params: ClosingParams,
      body: Type.Object({ meetingId: Id, version: Version, title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), body: Type.Optional(Type.String({ maxLength: 20_000 })) }, { additionalProperties: false }),
      response: { 200: Json('closing'), ...problemResponses },
    },
  }, async (request) => submitClosing(ctx, actorOf(request), request.params.closingId, request.body));

  app.post('/closings/:closingId/withdraw', {
    schema: { tags, summary: 'Withdraw a draft close', params: ClosingParams, body: Type.Object({ version: Version }, { additionalProperties: false }), response: { 200: Json('closing'), ...problemResponses } },
  }, async (request) => withdrawClosing(ctx, actorOf(request), request.params.closingId, request.body.version));

  app.get('/closings/:closingId/dividends/:membershipId', {
    schema: { tags, summary: "A member's dividend statement: their work, the exact share, the rounding, what is withheld and paid", params: StatementParams, response: { 200: Json('statement'), ...problemResponses } },
  }, async (request) => dividendStatement(ctx, actorOf(request), request.params.closingId, request.params.membershipId));

  app.get('/closings/:closingId/dividends/:membershipId/statement.pdf', {
    schema: {
      tags, summary: "A member's dividend statement (従事分量配当金計算書) as PDF", params: StatementParams,
      querystring: Type.Object({ locale: Type.Optional(enumOf(['ja', 'en'] as const)) }, { additionalProperties: false }),
      response: { 200: Type.String({ description: 'application/pdf' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const { closingId, membershipId } = request.params;
    const bytes = await dividendStatementPdf(ctx, actorOf(request), closingId, membershipId, request.query.locale ?? 'ja');
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="dividend-statement-${closingId}.pdf"`).send(Buffer.from(bytes));
  });

  app.post('/closings/:closingId/statements/send', {
    schema: {
      tags, summary: "E-mail each member of a posted close their statement as PDF, in their account's language; sent in the background, the outcome is kept on the close", params: ClosingParams,
      response: { 202: Type.Object({ closing: Json('closing'), recipients: Type.Integer(), withoutEmail: Type.Integer(), sending: Type.Boolean() }), ...problemResponses },
    },
  }, async (request, reply) => reply.status(202).send(await sendDividendStatements(ctx, actorOf(request), mail, request.params.closingId)));

  app.get('/my/dividends', {
    schema: { tags, summary: "The signed-in member's dividend statements of closes the assembly has resolved", response: { 200: Type.Object({ items: Type.Array(Json('statement summary')) }), ...problemResponses } },
  }, async (request) => ({ items: await myDividendStatements(ctx, actorOf(request)) }));
};
