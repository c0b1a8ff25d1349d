import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { createCommissioner, listCommissioners } from '../../app/programmes/commissioners.js';
import { createContract, getContract, listContracts, updateContract } from '../../app/programmes/contracts.js';
import { canKeepCommissioners } from '../../domain/access/policy.js';
import { commissionerKinds, maxRetentionMonths, programmeTextLimits } from '../../domain/programmes/contract.js';
import { searchLocalGovernments } from '../../domain/programmes/local-governments.js';
import { forbidden } from '../../domain/shared/errors.js';
import { actorOf } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, orNull, problemResponses } from '../schemas.js';

const tags = ['programmes'];
const IsoDate = Type.String({ format: 'date' });
const LocalGovernmentCode = Type.String({ pattern: '^[0-9]{6}$', description: "a local government's 6-digit code with its check digit (札幌市 011002)" });

const LocalGovernment = Type.Object({
  code: Type.String(), level: enumOf(['prefecture', 'municipality'] as const), nameJa: Type.String(), kana: Type.String(), prefectureCode: Type.String(), prefectureJa: Type.String(),
});
const commissionerFields = {
  kind: enumOf(commissionerKinds),
  nameJa: Type.String({ maxLength: programmeTextLimits.name, description: "a ministry's or another body's name; a local government's comes from the official list" }),
  nameEn: orNull(Type.String({ maxLength: programmeTextLimits.name })),
  localGovernmentCode: orNull(LocalGovernmentCode),
  prefectureCode: orNull(Type.String({ pattern: '^[0-9]{2}$' })),
};
const Commissioner = Type.Object({ id: Id, ...commissionerFields, nameJa: Type.String(), version: Type.Integer() });

const Indicator = Type.Object({
  code: Type.String({ maxLength: 40, description: 'lower-case letters, digits and hyphens: job-placements' }),
  nameJa: Type.String({ maxLength: programmeTextLimits.indicator }),
  nameEn: orNull(Type.String({ maxLength: programmeTextLimits.indicator })),
  target: orNull(Type.Integer({ minimum: 0, description: 'the number agreed for the period' })),
}, { additionalProperties: false });
const contractFields = {
  programmeJa: Type.String({ maxLength: programmeTextLimits.programme, description: 'the programme as the commissioner names it: 地域若者サポートステーション事業' }),
  programmeEn: orNull(Type.String({ maxLength: programmeTextLimits.programme })),
  commissionerId: Id,
  periodFrom: IsoDate,
  periodUntil: IsoDate,
  amount: Type.Integer({ minimum: 0, description: 'the contract amount in whole yen' }),
  siteIds: Type.Array(Id, { maxItems: 200, description: "the organization's sites (offices) that run it" }),
  indicators: Type.Array(Indicator, { maxItems: 50 }),
  retentionMonths: Type.Integer({ minimum: 0, maximum: maxRetentionMonths, description: "months participants' records are kept after the period" }),
};
const ContractInput = Type.Object(contractFields, { additionalProperties: false });
const Contract = Type.Object({
  id: Id, organizationId: Id, ...contractFields, programmeJa: Type.String(), erasureOn: Type.String({ description: "the day participants' records are erased" }),
  version: Type.Integer(), createdAt: Type.String(), updatedAt: Type.String(),
});

/** Commissioned programmes (委託事業): the official list of local governments, the commissioners, the contracts. */
export const programmeRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  app.get('/local-governments', {
    schema: {
      tags, summary: "Japan's prefectures and municipalities matching a code, a name or a reading (千葉, ちば, 12100)",
      querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 40 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(LocalGovernment) }), ...problemResponses },
    },
  }, async (request) => {
    if (!canKeepCommissioners(actorOf(request))) throw forbidden();
    return { items: searchLocalGovernments(request.query.q, request.query.limit ?? 20) };
  });

  app.get('/commissioners', {
    schema: { tags, summary: "The federation's commissioners (委託元): ministries, prefectures, municipalities, others", response: { 200: Type.Object({ items: Type.Array(Commissioner) }), ...problemResponses } },
  }, async (request) => ({ items: await listCommissioners(ctx, actorOf(request)) }));

  app.post('/commissioners', {
    schema: {
      tags, summary: 'Add a commissioner; a prefecture or a municipality by its code from the official list, once',
      body: Type.Object(commissionerFields, { additionalProperties: false }), response: { 201: Commissioner, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await createCommissioner(ctx, actorOf(request), request.body)));

  app.get('/organizations/:id/contracts', {
    schema: { tags, summary: "An organization's programme contracts, the latest first", params: Type.Object({ id: Id }), response: { 200: Type.Object({ items: Type.Array(Contract) }), ...problemResponses } },
  }, async (request) => ({ items: await listContracts(ctx, actorOf(request), request.params.id) }));

  app.post('/organizations/:id/contracts', {
    schema: {
      tags, summary: 'Record a programme contract with its sites and agreed indicators (all or nothing)', params: Type.Object({ id: Id }), body: ContractInput,
      response: { 201: Contract, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await createContract(ctx, actorOf(request), request.params.id, request.body)));

  app.get('/contracts/:contractId', {
    schema: { tags, summary: 'One contract', params: Type.Object({ contractId: Id }), response: { 200: Contract, ...problemResponses } },
  }, async (request) => getContract(ctx, actorOf(request), request.params.contractId));

  app.put('/contracts/:contractId', {
    schema: {
      tags, summary: "Correct a contract: its fields, sites and indicators replaced, at the version seen", params: Type.Object({ contractId: Id }),
      body: Type.Object({ ...contractFields, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      response: { 200: Contract, ...problemResponses },
    },
  }, async (request) => updateContract(ctx, actorOf(request), request.params.contractId, request.body));
};
