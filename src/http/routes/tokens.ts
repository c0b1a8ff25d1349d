import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { createApiToken, listApiTokens, revokeApiToken } from '../../app/accounts/api-tokens.js';
import { actorOf } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { ApiToken, Id, problemResponses } from '../schemas.js';

const tags = ['tokens'];

export const tokenRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  app.get('/tokens', {
    schema: { tags, summary: 'Your API tokens', response: { 200: Type.Object({ items: Type.Array(ApiToken) }), ...problemResponses } },
  }, async (request) => ({ items: await listApiTokens(ctx, actorOf(request)) }));

  app.post('/tokens', {
    schema: {
      tags,
      summary: 'Create an API token for yourself; the token is shown once',
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
      response: { 201: Type.Object({ ...ApiToken.properties, token: Type.String() }), ...problemResponses },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const created = await createApiToken(ctx, { userId: actor.userId, email: actor.email }, actor, request.body.name);
    return reply.status(201).send(created);
  });

  app.delete('/tokens/:id', {
    schema: { tags, summary: 'Revoke one of your tokens', params: Type.Object({ id: Id }), response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await revokeApiToken(ctx, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });
};
