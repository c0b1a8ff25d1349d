import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { createUser, listUsers, updateUser } from '../../app/accounts/users.js';
import { actorOf } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { Email, Id, Locale, orNull, Password, problemResponses, Role } from '../schemas.js';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  app.get('/users', {
    schema: {
      tags,
      summary: 'Accounts: all for the federation administrator, your organization for an organization administrator',
      querystring: Type.Object({ organizationId: Type.Optional(Id) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('User')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await listUsers(ctx, actorOf(request), request.query.organizationId ?? null) }));

  app.post('/users', {
    schema: {
      tags,
      summary: 'Create an account',
      body: Type.Object({
        email: Email,
        displayName: Type.String({ maxLength: 100 }),
        password: Password,
        role: Role,
        organizationId: orNull(Id),
        locale: Type.Optional(Locale),
        membershipId: Type.Optional(orNull(Id)),
      }, { additionalProperties: false }),
      response: { 201: Type.Ref('User'), ...problemResponses },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.status(201).send(await createUser(ctx, actor, { userId: actor.userId, email: actor.email }, request.body));
  });

  app.patch('/users/:id', {
    schema: {
      tags,
      summary: 'Change an account: name, role, organization, disabled, password',
      params: Type.Object({ id: Id }),
      body: Type.Object({
        displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        role: Type.Optional(Role),
        organizationId: Type.Optional(orNull(Id)),
        disabled: Type.Optional(Type.Boolean()),
        password: Type.Optional(Password),
        locale: Type.Optional(Locale),
      }, { additionalProperties: false }),
      response: { 200: Type.Ref('User'), ...problemResponses },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return updateUser(ctx, actor, { userId: actor.userId, email: actor.email }, request.params.id, request.body);
  });
};
