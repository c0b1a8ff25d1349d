import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { openRuntime } from '../src/runtime.js';
import { serveInChild } from './child-server.js';
import { listenOnLoopback } from './servers.js';

/**
 * Kyodo as env.ts builds it (as `kyodo serve` does, without the web app), in a child process on the bench's
 * database: for a metric that reports the server's own memory (see child-server.ts).
 */
export type KyodoChildSpec = {
  dataDir: string;
  databaseUrl: string | null;
  poolSize: number;
};

serveInChild<KyodoChildSpec>(async (spec) => {
  const config = loadConfig({ DATA_DIR: spec.dataDir, DATABASE_URL: spec.databaseUrl ?? '' });
  const runtime = await openRuntime(config, { poolSize: spec.poolSize });
  try {
    const app = await listenOnLoopback(await buildApp({ ctx: runtime.ctx, config, webRoot: null }));
    return {
      origin: app.origin,
      close: async () => {
        await app.close();
        await runtime.close();
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
});
