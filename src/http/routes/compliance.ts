import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { federationComplianceBoard, organizationComplianceBoard } from '../../app/compliance/compliance-board.js';
import { complianceNotes, federationBases, projectionBases } from '../../domain/compliance/board.js';
import { complianceCheckCodes, complianceStatuses } from '../../domain/compliance/checks.js';
import { actorOf } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, orNull, problemResponses } from '../schemas.js';

const tags = ['compliance'];
const IsoDate = Type.String({ format: 'date' });
const DateQuery = Type.Object({ date: Type.Optional(Type.String({ format: 'date', description: 'the board\'s date (default today in Japan)' })) }, { additionalProperties: false });

/** Exact: compare by cross-multiplying, never by the quotient. */
const Fraction = Type.Object({ numerator: Type.Integer(), denominator: Type.Integer() });
const Status = enumOf(complianceStatuses);
const Projection = orNull(Type.Object({ date: IsoDate, basis: enumOf(projectionBases) }, { description: 'the first day a check that holds today is expected to break, and why' }));
const TrendPoint = Type.Object({ date: IsoDate, figure: orNull(Fraction), holds: orNull(Type.Boolean()) });
const CheckFields = {
  code: enumOf(complianceCheckCodes),
  article: Type.String({ description: 'the article of the Worker Cooperatives Act' }),
  floor: Fraction,
  strict: Type.Boolean({ description: 'the figure must be more than the floor, not merely reach it' }),
  status: Status,
  figure: orNull(Fraction),
  trend: Type.Array(TrendPoint, { description: 'month-ends of the 23 months before the date, then the date' }),
  projection: Projection,
};
const Check = Type.Object({ ...CheckFields, note: orNull(enumOf(complianceNotes)) });

const OrganizationBoard = Type.Object({
  organizationId: Id,
  lawProfile: Type.String(),
  date: IsoDate,
  compositionApplies: Type.Boolean({ description: 'the law profile imposes the worker co-operative composition rules' }),
  counts: Type.Object({ members: Type.Integer(), workers: Type.Integer(), engagedMembers: Type.Integer(), labourContractMembers: Type.Integer() }),
  officers: Type.Object({ directors: Type.Integer(), auditors: Type.Integer(), memberAuditCouncil: Type.Boolean() }),
  reserve: Type.Object({
    target: orNull(Type.Integer({ description: 'the legal reserve amount in the bylaws in force, yen' })),
    totalCapital: Type.Integer({ description: 'total capital subscribed, yen' }),
    balance: Type.Integer({ description: 'the legal reserve\'s balance, yen' }),
  }),
  checks: Type.Array(Check),
});

const statusCounts = Object.fromEntries(complianceStatuses.map((s) => [s, Type.Integer()])) as Record<(typeof complianceStatuses)[number], ReturnType<typeof Type.Integer>>;
const FederationBoard = Type.Object({
  date: IsoDate,
  organizations: Type.Array(Type.Object({ id: Id, code: Type.String(), nameJa: Type.String(), nameEn: orNull(Type.String()), lawProfile: Type.String() })),
  checks: Type.Array(Type.Object({
    ...CheckFields,
    basis: enumOf(federationBases),
    organizationFloor: Fraction,
    organizations: Type.Object(statusCounts),
    attention: Type.Array(Type.Object({ organizationId: Id, status: enumOf(['breach', 'warning'] as const), projection: Projection })),
  })),
});

/** The live compliance board: the Worker Cooperatives Act's standing requirements, per organization and federation-wide. */
export const complianceRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  app.get('/organizations/:id/compliance', {
    schema: {
      tags,
      summary: 'An organization\'s compliance with the Act on a date: each requirement\'s figure, floor, two years of month-end trend and projected breach',
      params: Type.Object({ id: Id }),
      querystring: DateQuery,
      response: { 200: OrganizationBoard, ...problemResponses },
    },
  }, async (request) => organizationComplianceBoard(ctx, actorOf(request), request.params.id, request.query.date));

  app.get('/compliance', {
    schema: {
      tags,
      summary: 'The federation\'s compliance board: every member organization\'s members added up, organizations meeting the officer and reserve rules, and those needing attention',
      querystring: DateQuery,
      response: { 200: FederationBoard, ...problemResponses },
    },
  }, async (request) => federationComplianceBoard(ctx, actorOf(request), request.query.date));
};
