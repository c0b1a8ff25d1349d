import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { flushTokenUse } from '../app/accounts/token-use.js';
import { invitationBatchesSettled } from '../app/portal/invitations.js';
import type { AppContext } from '../app/shared/context.js';
import type { Config } from '../config.js';
import { DomainError } from '../domain/shared/errors.js';
import { registerAuth } from './auth.js';
import { handleError, handleNotFound } from './errors.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { apiSecurityHeaders, pageSecurityHeaders } from './security-headers.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { businessRoutes } from './routes/business.js';
import { reportingRoutes } from './routes/reporting.js';
import { programmeRoutes } from './routes/programmes.js';
import { programmeReportRoutes } from './routes/programme-reports.js';
import { campaignReportRoutes } from './routes/campaign-reports.js';
import { participantRoutes } from './routes/participants.js';
import { invitationRoutes } from './routes/invitations.js';
import { portalRoutes } from './routes/portal.js';
import { campaignRoutes } from './routes/campaigns.js';
import { campaignDocumentRoutes } from './routes/campaign-documents.js';
import { capitalRoutes } from './routes/capital.js';
import { complianceRoutes } from './routes/compliance.js';
import { governanceRoutes } from './routes/governance.js';
import { surplusRoutes } from './routes/surplus.js';
import { createMailer, type Mailer } from '../app/mail/mailer.js';
import { memberImportRoutes } from './routes/member-imports.js';
import { memberRoutes } from './routes/members.js';
import { organizationRoutes } from './routes/organizations.js';
import { passkeyRoutes } from './routes/passkeys.js';
import { systemRoutes } from './routes/system.js';
import { tokenRoutes } from './routes/tokens.js';
import { userRoutes } from './routes/users.js';
import { workRoutes } from './routes/work.js';
import { sharedSchemas } from './schemas.js';

export const apiPrefix = '/api/v1';

export interface AppOptions {
  ctx: AppContext;
  config: Config;
  /** Folder with the built web app; the API alone is served when it is null or missing. */
  webRoot: string | null;
  logger?: boolean;
  /** The mailer to use instead of the one SMTP_URL configures (tests pass their own server's). */
  mailer?: Mailer | null;
}

/** Adds `charset=utf-8` to every text response that lacks it, so Japanese never arrives garbled. */
function withCharset(type: string): string {
  const isText = /^(text\/|application\/(json|javascript|problem\+json|xml))/i.test(type);
  return isText && !/charset=/i.test(type) ? `${type}; charset=utf-8` : type;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { ctx, config } = options;
  const app = Fastify({
    logger: options.logger ? { level: config.logLevel } : false,
    trustProxy: config.trustProxy,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(handleError);
  const pageHeaders = pageSecurityHeaders();
  app.addHook('onSend', (_request, reply, payload, done) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string') reply.header('content-type', withCharset(type));
    // JSON answers get the short API set; pages, scripts and downloads the full set from helmet.
    reply.headers(typeof type === 'string' && /^application\/(problem\+)?json/.test(type) ? apiSecurityHeaders : pageHeaders);
    done(null, payload);
  });

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(ctx),
    errorResponseBuilder: (_request, context) =>
      new DomainError('rate_limited', 'rate_limited', `too many attempts; try again in ${Math.ceil(context.ttl / 1000)} s`),
  });
  for (const schema of sharedSchemas) app.addSchema(schema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kyodo API', version: '1', description: 'Kyodo (協同): software for worker co-operatives and their federations.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token from `kyodo token create` or the Account page' },
          session: { type: 'apiKey', in: 'cookie', name: 'kyodo_session', description: 'browser session; writes also need x-csrf-token' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });

  registerAuth(app, ctx, config);
  const mailer = options.mailer !== undefined ? options.mailer : createMailer(config.mail);
  app.addHook('onClose', async () => {
    await invitationBatchesSettled();
    if (options.mailer === undefined) await mailer?.close();
    await flushTokenUse(ctx);
  });

  await app.register(async (api) => {
    const deps = { ctx, config, mail: { mailer, from: config.mail.from } };
    await api.register(systemRoutes, deps);
    await api.register(authRoutes, deps);
    await api.register(organizationRoutes, deps);
    await api.register(userRoutes, deps);
    await api.register(tokenRoutes, deps);
    await api.register(auditRoutes, deps);
    await api.register(memberRoutes, deps);
    await api.register(memberImportRoutes, deps);
    await api.register(capitalRoutes, deps);
    await api.register(governanceRoutes, deps);
    await api.register(complianceRoutes, deps);
    await api.register(surplusRoutes, deps);
    await api.register(workRoutes, deps);
    await api.register(businessRoutes, deps);
    await api.register(reportingRoutes, deps);
    await api.register(programmeRoutes, deps);
    await api.register(programmeReportRoutes, deps);
    await api.register(campaignReportRoutes, deps);
    await api.register(participantRoutes, deps);
    await api.register(campaignRoutes, deps);
    await api.register(campaignDocumentRoutes, deps);
    await api.register(invitationRoutes, deps);
    await api.register(portalRoutes, deps);
    await api.register(passkeyRoutes, deps);
    api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  }, { prefix: apiPrefix });
  const docsPrefix = `${apiPrefix}/docs`;
  // The browsable API page is public like the document it shows.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(docsPrefix)) route.config = { ...route.config, public: true };
  });
  await app.register(swaggerUi, { routePrefix: docsPrefix, uiConfig: { url: `${apiPrefix}/openapi.json` } });

  const serveWeb = options.webRoot !== null && fs.existsSync(path.join(options.webRoot, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: options.webRoot!, wildcard: false, index: ['index.html'] });
  // The web app routes on the client: unknown non-API pages get index.html.
  app.setNotFoundHandler((request, reply) =>
    serveWeb && request.method === 'GET' && !request.url.startsWith('/api/') ? reply.sendFile('index.html') : handleNotFound(request, reply),
  );
  return app;
}
