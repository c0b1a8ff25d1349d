import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { User } from '../../app/accounts/users.js';
import {
  listPasskeys, passkeyRegistrationOptions, passkeySignInOptions, registerPasskey, relyingParty, removePasskey, signInWithPasskey,
} from '../../app/portal/passkeys.js';
import type { Config } from '../../config.js';
import { actorOf, setSessionCookie } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { Id, orNull, problemResponses, Session } from '../schemas.js';

const tags = ['passkeys'];

/** Base64url as WebAuthn's JSON carries binary values; bounded so a body stays small. */
const Base64Url = Type.String({ pattern: '^[A-Za-z0-9_-]+$', maxLength: 16_384 });
const Transports = Type.Array(Type.String({ maxLength: 32 }), { maxItems: 10 });
/** What the browser adds of its own (extension results, future fields) passes through to the verifier. */
const open = { additionalProperties: true };

const RegistrationResponse = Type.Object({
  id: Base64Url,
  rawId: Base64Url,
  type: Type.Literal('public-key'),
  response: Type.Object({ clientDataJSON: Base64Url, attestationObject: Base64Url, transports: Type.Optional(Transports) }, open),
  clientExtensionResults: Type.Object({}, open),
  authenticatorAttachment: Type.Optional(Type.String({ maxLength: 32 })),
}, { ...open, description: 'the answer of @simplewebauthn/browser startRegistration()' });

const AuthenticationResponse = Type.Object({
  id: Base64Url,
  rawId: Base64Url,
  type: Type.Literal('public-key'),
  response: Type.Object({
    clientDataJSON: Base64Url, authenticatorData: Base64Url, signature: Base64Url, userHandle: Type.Optional(Base64Url),
  }, open),
  clientExtensionResults: Type.Object({}, open),
  authenticatorAttachment: Type.Optional(Type.String({ maxLength: 32 })),
}, { ...open, description: 'the answer of @simplewebauthn/browser startAuthentication()' });

/** The options are passed to the browser as the library makes them; only the challenge is named here. */
const CreationOptions = Type.Object({ challenge: Type.String() }, { ...open, description: 'optionsJSON for @simplewebauthn/browser startRegistration()' });
const RequestOptions = Type.Object({ challenge: Type.String() }, { ...open, description: 'optionsJSON for @simplewebauthn/browser startAuthentication()' });

const Passkey = Type.Object({ id: Id, name: orNull(Type.String()), createdAt: Type.String({ format: 'date-time' }), lastUsedAt: orNull(Type.String({ format: 'date-time' })) });

const meOf = (u: User) => ({ id: u.id, email: u.email, displayName: u.displayName, role: u.role, organizationId: u.organizationId, personId: u.personId, locale: u.locale });

const relyingPartyOf = (config: Config, request: FastifyRequest) =>
  relyingParty(config.publicUrl, { origin: request.headers.origin, protocol: request.protocol, host: request.host });

export const passkeyRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx, config }) => {
  const rateLimit = { max: config.signInRateLimit.max, timeWindow: config.signInRateLimit.windowSeconds * 1000 };

  app.post('/me/passkeys/registration-options', {
    schema: { tags, summary: 'Start registering a passkey for yourself (options for the browser, valid five minutes)', response: { 200: CreationOptions, ...problemResponses } },
  }, async (request) => passkeyRegistrationOptions(ctx, actorOf(request), relyingPartyOf(config, request)));

  app.post('/me/passkeys', {
    schema: {
      tags,
      summary: 'Finish registering a passkey with the browser\'s answer',
      body: Type.Object({ response: RegistrationResponse, name: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
      response: { 201: Passkey, ...problemResponses },
    },
  }, async (request, reply) => {
    const { response, name } = request.body;
    const created = await registerPasskey(ctx, actorOf(request), relyingPartyOf(config, request), { response: response as RegistrationResponseJSON, name });
    return reply.status(201).send(created);
  });

  app.get('/me/passkeys', {
    schema: { tags, summary: 'Your passkeys', response: { 200: Type.Object({ items: Type.Array(Passkey) }), ...problemResponses } },
  }, async (request) => ({ items: await listPasskeys(ctx, actorOf(request)) }));

  app.delete('/me/passkeys/:id', {
    schema: { tags, summary: 'Remove one of your passkeys', params: Type.Object({ id: Id }), response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await removePasskey(ctx, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/auth/passkey/options', {
    config: { public: true, rateLimit },
    schema: { tags: ['auth', ...tags], summary: 'Start signing in with a passkey (options for the browser, valid five minutes)', response: { 200: RequestOptions, ...problemResponses } },
  }, async (request) => passkeySignInOptions(ctx, relyingPartyOf(config, request)));

  app.post('/auth/passkey/sign-in', {
    config: { public: true, rateLimit },
    schema: {
      tags: ['auth', ...tags],
      summary: 'Sign in with a passkey; sets the session cookie',
      body: Type.Object({ response: AuthenticationResponse }, { additionalProperties: false }),
      response: { 200: Session, ...problemResponses },
    },
  }, async (request, reply) => {
    const result = await signInWithPasskey(ctx, relyingPartyOf(config, request), request.body.response as AuthenticationResponseJSON, config.sessionTtlHours);
    setSessionCookie(request, reply, config, result.sessionToken);
    return { user: meOf(result.user), csrfToken: result.csrfToken };
  });
};
