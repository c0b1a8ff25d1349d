import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { listAuditLog, verifyAuditLog } from '../../app/audit/read-audit-log.js';
import { canReadAuditLog } from '../../domain/access/policy.js';
import { forbidden } from '../../domain/shared/errors.js';
import { actorOf } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { problemResponses } from '../schemas.js';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  app.get('/audit', {
    schema: {
      tags,
      summary: 'The whole audit log, newest first (federation administrator)',
      querystring: Type.Object({
        beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('AuditEntry')) }), ...problemResponses },
    },
  }, async (request) => ({
    items: await listAuditLog(ctx, actorOf(request), { beforeSeq: request.query.beforeSeq, limit: request.query.limit ?? 100 }),
  }));

  app.get('/audit/verify', {
    schema: {
      tags,
      summary: 'Recompute the hash chain (federation administrator)',
      response: {
        200: Type.Object({
          ok: Type.Boolean(), entries: Type.Integer(), brokenAtSeq: Type.Optional(Type.Integer()), reason: Type.Optional(Type.String()),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => {
    if (!canReadAuditLog(actorOf(request))) throw forbidden();
    return verifyAuditLog(ctx);
  });
};
