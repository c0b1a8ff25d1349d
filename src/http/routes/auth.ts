import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { signIn, signOut } from '../../app/accounts/sessions.js';
import { changeOwnPassword, updateUser } from '../../app/accounts/users.js';
import { setFirstPassword } from '../../app/portal/code-sign-in.js';
import { invalid } from '../../domain/shared/errors.js';
import { actorOf, authOf, clearSessionCookie, sessionCookie, setSessionCookie } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { Email, Locale, Me, Password, problemResponses, Session } from '../schemas.js';
import type { User } from '../../app/accounts/users.js';

const meOf = (u: User) => ({ id: u.id, email: u.email, displayName: u.displayName, role: u.role, organizationId: u.organizationId, personId: u.personId, locale: u.locale });

export const authRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx, config }) => {
  app.post('/auth/sign-in', {
    config: {
      public: true,
      rateLimit: { max: config.signInRateLimit.max, timeWindow: config.signInRateLimit.windowSeconds * 1000 },
    },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with e-mail (or, in `login`, a member\'s login id such as chiba-00123) and password; sets the session cookie',
      body: Type.Object({
        email: Type.Optional(Email),
        login: Type.Optional(Type.String({ minLength: 1, maxLength: 254, description: 'an e-mail address or a login id, in place of `email`' })),
        password: Password,
      }, { additionalProperties: false }),
      response: { 200: Session, ...problemResponses },
    },
  }, async (request, reply) => {
    const login = request.body.login ?? request.body.email;
    if (login === undefined) throw invalid([{ field: 'email', code: 'required', message: 'the e-mail address or, in login, the login id' }]);
    const result = await signIn(ctx, login, request.body.password, config.sessionTtlHours);
    setSessionCookie(request, reply, config, result.sessionToken);
    return { user: meOf(result.user), csrfToken: result.csrfToken };
  });

  app.post('/auth/sign-out', {
    schema: { tags: ['auth'], summary: 'End the current session', response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    const cookie = request.cookies[sessionCookie];
    if (cookie) await signOut(ctx, cookie);
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  app.get('/auth/session', {
    schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token for writes', response: { 200: Session, ...problemResponses } },
  }, async (request) => {
    const auth = authOf(request);
    return { user: meOf(auth.user), csrfToken: auth.csrfToken ?? '' };
  });

  app.put('/me/password', {
    schema: {
      tags: ['auth'],
      summary: 'Change your own password; ends all your sessions. Without currentPassword: the first password, only in the session a one-time code opened (that session stays)',
      body: Type.Object({ currentPassword: Type.Optional(Password), newPassword: Password }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...problemResponses },
    },
  }, async (request, reply) => {
    if (request.body.currentPassword === undefined) {
      await setFirstPassword(ctx, actorOf(request), request.cookies[sessionCookie] ?? null, request.body.newPassword);
      return reply.status(204).send(null);
    }
    await changeOwnPassword(ctx, actorOf(request), request.body.currentPassword, request.body.newPassword);
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  app.patch('/me', {
    schema: {
      tags: ['auth'],
      summary: 'Change your own display name or language',
      body: Type.Object({ displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), locale: Type.Optional(Locale) }, { additionalProperties: false }),
      response: { 200: Me, ...problemResponses },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return meOf(await updateUser(ctx, actor, { userId: actor.userId, email: actor.email }, actor.userId, request.body));
  });
};
