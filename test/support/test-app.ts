import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../../src/app/accounts/api-tokens.js';
import { generateKeyring } from '../../src/app/crypto/keyring.js';
import type { AppContext } from '../../src/app/shared/context.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { DialectName } from '../../src/db/database.js';
import { buildApp } from '../../src/http/app.js';
import { testPassword } from '../factories.js';
import { openTestDatabase } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  config: Config;
  /** Signs in through the API; returns the cookie header and CSRF token for later requests. */
  signIn(email: string, password?: string): Promise<{ cookie: string; csrf: string }>;
  bearer(user: { id: string; organizationId: string | null }): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApp(dialect: DialectName, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database = await openTestDatabase(dialect);
  const ctx: AppContext = { db: database.db, dialect: database.dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, rowWriter: database.rowWriter, now: () => new Date(), keyring: generateKeyring() };
  const config = loadConfig({ DATA_DIR: '/nonexistent-test-data', SIGN_IN_RATE_LIMIT: '1000', ...env });
  const app = await buildApp({ ctx, config, webRoot: null });
  await app.ready();
  return {
    app,
    ctx,
    config,
    async signIn(email, password = testPassword) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'kyodo_session');
      return { cookie: `kyodo_session=${cookie!.value}`, csrf: response.json<{ csrfToken: string }>().csrfToken };
    },
    async bearer(user) {
      const created = await createApiToken(ctx, { userId: user.id, email: null }, { userId: user.id, organizationId: user.organizationId }, 'test');
      return `Bearer ${created.token}`;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
