import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { packageRoot, webRoot } from '../../src/paths.js';
import { ensureDemo, openRuntime, type DemoScale, type Runtime } from '../../src/runtime.js';

export interface RunningServer {
  url: string;
  runtime: Runtime;
  password: string;
  close(): Promise<void>;
}

/** Builds the web app once if `npm install` has not (a fresh checkout edited by hand). */
export function ensureWebBuilt(): string {
  const root = webRoot();
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    execFileSync(process.execPath, [path.join(packageRoot(), 'node_modules/vite/bin/vite.js'), 'build'], { cwd: packageRoot(), stdio: 'inherit' });
  }
  return root;
}

/**
 * The real server with the demo federation on a fresh SQLite file, listening on a free loopback port. `env` adds
 * settings (a mail server); `scale` 'jwcu' loads the seed's federation at full scale (about a minute).
 */
export async function startDemoServer(env: NodeJS.ProcessEnv = {}, scale: DemoScale = 'small'): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-e2e-'));
  const password = 'e2e demo password';
  const config = loadConfig({ DATA_DIR: dataDir, KYODO_DEMO_PASSWORD: password, ...env });
  const runtime = await openRuntime(config);
  await ensureDemo(runtime, config, scale);
  const app: FastifyInstance = await buildApp({ ctx: runtime.ctx, config, webRoot: ensureWebBuilt() });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    runtime,
    password,
    async close() {
      await app.close();
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
