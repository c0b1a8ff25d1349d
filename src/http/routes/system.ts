import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { listBusinessLines } from '../../app/business/business-lines.js';
import { roles } from '../../domain/access/policy.js';
import { lawProfileIds } from '../../domain/law-profiles/profiles.js';
import { prefectures } from '../../domain/organizations/prefectures.js';
import { legalForms, organizationStatuses } from '../../domain/organizations/reference.js';
import type { RouteDeps } from '../route-deps.js';
import { BusinessLine, enumOf } from '../schemas.js';

const strings = Type.Array(Type.String());

export const systemRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  app.get('/health', {
    config: { public: true },
    schema: {
      tags: ['system'],
      summary: 'Liveness and the database in use',
      response: { 200: Type.Object({ status: Type.Literal('ok'), database: enumOf(['sqlite', 'postgresql'] as const) }) },
    },
  }, async () => {
    await ctx.db.selectFrom('audit_head').select('id').limit(1).execute();
    return { status: 'ok' as const, database: ctx.dialect };
  });

  app.get('/reference', {
    config: { public: true },
    schema: {
      tags: ['system'],
      summary: 'Vocabularies: legal forms, law profiles, business lines, statuses, roles, prefectures',
      response: {
        200: Type.Object({
          legalForms: strings, lawProfiles: strings, businessLines: Type.Array(BusinessLine), organizationStatuses: strings, roles: strings,
          prefectures: Type.Array(Type.Object({ code: Type.String(), nameJa: Type.String(), nameEn: Type.String() })),
        }),
      },
    },
  }, async () => ({
    // The table's lines, not the seed's eight: those the federation added are offered and named the same way.
    legalForms: [...legalForms], lawProfiles: [...lawProfileIds], businessLines: await listBusinessLines(ctx.db),
    organizationStatuses: [...organizationStatuses], roles: [...roles], prefectures: [...prefectures],
  }));
};
