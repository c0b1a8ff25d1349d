import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticateSession, authenticateToken, type Authenticated } from '../app/accounts/sessions.js';
import type { AppContext } from '../app/shared/context.js';
import type { Actor } from '../domain/access/policy.js';
import { DomainError } from '../domain/shared/errors.js';
import type { Config } from '../config.js';

export const sessionCookie = 'kyodo_session';
export const csrfHeader = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a signed-in user. */
    public?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling, from `Authorization: Bearer <token>` (scripts) or the session cookie (browser), and
 * refuses a cookie-authenticated write without the session's CSRF token in the `x-csrf-token` header.
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext, config: Config): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header?.toLowerCase().startsWith('bearer ')) {
      request.auth = await authenticateToken(ctx, header.slice(7).trim());
      if (!request.auth) throw new DomainError('unauthenticated', 'invalid_token', 'the API token is unknown or revoked');
      return;
    }
    const cookie = request.cookies[sessionCookie];
    if (!cookie) return;
    request.auth = await authenticateSession(ctx, cookie, config.sessionTtlHours);
    if (request.auth && !safeMethods.has(request.method) && request.headers[csrfHeader] !== request.auth.csrfToken) {
      throw new DomainError('forbidden', 'csrf_failed', `cookie-authenticated writes need the ${csrfHeader} header`);
    }
  });
  app.addHook('preHandler', (request, _reply, done) => {
    const refused = !request.auth && !request.routeOptions.config.public && request.url.startsWith('/api/');
    done(refused ? new DomainError('unauthenticated', 'unauthenticated', 'sign in or send an API token') : undefined);
  });
}

/** Who is signed in; routes behind the preHandler above always have someone. */
export function authOf(request: FastifyRequest): Authenticated {
  if (!request.auth) throw new DomainError('unauthenticated', 'unauthenticated', 'sign in or send an API token');
  return request.auth;
}

export const actorOf = (request: FastifyRequest): Actor => authOf(request).actor;

/** A browser-session cookie: the server ends the session itself after the idle timeout. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' });
}
