import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { getOrganizationHistory } from '../../app/audit/read-audit-log.js';
import { getOrganization, listOrganizations } from '../../app/organizations/read-organizations.js';
import { createOrganization, updateOrganization } from '../../app/organizations/write-organizations.js';
import { withOrganizationDefaults } from '../../domain/organizations/organization.js';
import { actorOf } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { Id, OrganizationInput, OrganizationPatch, problemResponses } from '../schemas.js';

const Params = Type.Object({ id: Id });
const tags = ['organizations'];

export const organizationRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  app.get('/organizations', {
    schema: {
      tags,
      summary: 'Organizations you may see (all of them for the federation administrator)',
      querystring: Type.Object({ parentId: Type.Optional(Id), q: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('Organization')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await listOrganizations(ctx, actorOf(request), request.query) }));

  app.post('/organizations', {
    schema: {
      tags,
      summary: 'Create an organization (federation administrator)',
      body: OrganizationInput,
      response: { 201: Type.Ref('Organization'), ...problemResponses },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const created = await createOrganization(ctx, actor, { userId: actor.userId, email: actor.email }, withOrganizationDefaults(request.body));
    return reply.status(201).send(created);
  });

  app.get('/organizations/:id', {
    schema: { tags, summary: 'One organization', params: Params, response: { 200: Type.Ref('Organization'), ...problemResponses } },
  }, async (request) => getOrganization(ctx, actorOf(request), request.params.id));

  app.patch('/organizations/:id', {
    schema: {
      tags,
      summary: 'Change an organization; send the version you saw',
      params: Params,
      body: OrganizationPatch,
      response: { 200: Type.Ref('Organization'), ...problemResponses },
    },
  }, async (request) => {
    const { version, ...patch } = request.body;
    return updateOrganization(ctx, actorOf(request), request.params.id, version, patch);
  });

  app.get('/organizations/:id/history', {
    schema: {
      tags,
      summary: 'Audited changes within the organization, newest first',
      params: Params,
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('AuditEntry')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await getOrganizationHistory(ctx, actorOf(request), request.params.id) }));
};
