import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { signInWithCode } from '../../app/portal/code-sign-in.js';
import {
  invitationChannels, inviteMembers, letterLanguages, readInvitationBatch, reprintLetter, takeInvitationLetters, type InvitationDeps,
} from '../../app/portal/invitations.js';
import { actorOf, setSessionCookie } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, problemResponses } from '../schemas.js';
import type { User } from '../../app/accounts/users.js';

const tags = ['portal'];
const meOf = (u: User) => ({ id: u.id, email: u.email, displayName: u.displayName, role: u.role, organizationId: u.organizationId, personId: u.personId, locale: u.locale });

const Batch = Type.Object({
  id: Id,
  organizationId: Id,
  status: enumOf(['queued', 'running', 'done', 'failed'] as const),
  total: Type.Integer(),
  done: Type.Integer(),
  emailed: Type.Integer(),
  lettered: Type.Integer(),
  lettersReady: Type.Boolean(),
  lettersExpireAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const Language = enumOf(letterLanguages);
const pdf = { 200: Type.String({ description: 'application/pdf' }), ...problemResponses };

/**
 * Inviting members to the portal: bulk invitations (e-mail or printed letters) with their progress, the letters'
 * download, a reprint for one member, and signing in with a one-time code.
 */
export const invitationRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx, config, mail }) => {
  const deps: InvitationDeps = { mail, signInUrl: `${config.publicUrl}/sign-in/code` };

  app.post('/organizations/:id/invitations', {
    schema: {
      tags,
      summary: "Invite members to the portal: e-mail where the registry has an address ('auto'), printed letters otherwise; runs in the background",
      params: Type.Object({ id: Id }),
      body: Type.Object({
        membershipIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 100_000, uniqueItems: true })),
        kinds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 50 })),
        channel: enumOf(invitationChannels),
        language: Language,
      }, { additionalProperties: false }),
      response: { 202: Type.Object({ batchId: Id }), ...problemResponses },
    },
  }, async (request, reply) => reply.status(202).send(await inviteMembers(ctx, actorOf(request), deps, request.params.id, request.body)));

  app.get('/invitation-batches/:id', {
    schema: { tags, summary: 'A batch of invitations and its progress (done of total)', params: Type.Object({ id: Id }), response: { 200: Batch, ...problemResponses } },
  }, async (request) => readInvitationBatch(ctx, actorOf(request), request.params.id));

  app.get('/invitation-batches/:id/letters.pdf', {
    // A HEAD request would take the letters (once) and send none of them.
    exposeHeadRoute: false,
    schema: { tags, summary: "The batch's sign-in letters, one page per member; deleted once downloaded (reprint single letters after)", params: Type.Object({ id: Id }), response: pdf },
  }, async (request, reply) => {
    // Streamed a part at a time (50,000 letters are some 75 MB); the length is known, so the browser shows progress.
    const letters = await takeInvitationLetters(ctx, actorOf(request), request.params.id);
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="sign-in-letters.pdf"')
      .header('content-length', letters.bytes).send(letters.pdf);
  });

  app.post('/memberships/:membershipId/invitations/letter', {
    schema: {
      tags,
      summary: "A new sign-in letter for one member (lost, expired, or to recover access): the member's older codes stop working",
      params: Type.Object({ membershipId: Id }),
      body: Type.Optional(Type.Object({ language: Type.Optional(Language) }, { additionalProperties: false })),
      response: pdf,
    },
  }, async (request, reply) => {
    const bytes = await reprintLetter(ctx, actorOf(request), deps, request.params.membershipId, request.body?.language ?? 'member');
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="sign-in-letter.pdf"').send(bytes);
  });

  app.post('/auth/code-sign-in', {
    config: {
      public: true,
      rateLimit: { max: config.signInRateLimit.max, timeWindow: config.signInRateLimit.windowSeconds * 1000 },
    },
    schema: {
      tags: ['auth'],
      summary: "Sign in with a letter's or an e-mail's one-time code (makes the member's account the first time); then set a password with PUT /me/password",
      body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ user: Type.Ref('Me'), csrfToken: Type.String(), mustSetPassword: Type.Boolean() }), ...problemResponses },
    },
  }, async (request, reply) => {
    const result = await signInWithCode(ctx, request.body.code, config.sessionTtlHours);
    setSessionCookie(request, reply, config, result.sessionToken);
    return { user: meOf(result.user), csrfToken: result.csrfToken, mustSetPassword: result.mustSetPassword };
  });
};
