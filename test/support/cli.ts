import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { packageRoot } from '../../src/paths.js';

/**
 * The `kyodo` command as the integration tests run it: the real entry point (src/cli/main.ts) in its own process, with
 * its real exit code, stdout and stderr. It is bundled once per test file with esbuild (what tsx compiles with, on the
 * same tsconfig), because `node --import tsx` resolves and compiles (or reads from its cache) every one of the entry's
 * few hundred modules again in every process: about 2.2 s before a command starts, against 0.9 s from the bundle.
 * Packages stay external, loaded from node_modules as in production; the dynamic import of the report charts stays its
 * own chunk, so echarts loads only for a report, as it does unbundled.
 *
 * The bundle lies under the package root (node_modules/.cache) so that src/paths.ts finds package.json above it and
 * createRequire(import.meta.url) resolves fonts and data from node_modules, as they do from src/ and dist/src/.
 * Its folder is named by a hash of its contents: files running in parallel, or a later run on the same sources, write
 * the same files or find them there, and a changed source gives a new folder; nothing is ever overwritten in use.
 */

export interface Run { code: number | null; stdout: string; stderr: string }

const cacheDir = path.join(packageRoot(), 'node_modules', '.cache', 'kyodo-cli-test');
const staleAfterMs = 24 * 60 * 60 * 1000;
let entry: Promise<string> | null = null;

/** The bundled entry point, built on the first call in this test file. */
export function cliEntry(): Promise<string> {
  entry ??= bundle();
  return entry;
}

async function bundle(): Promise<string> {
  const root = packageRoot();
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node}`,
    packages: 'external',
    outdir: cacheDir,
    write: false,
    logLevel: 'silent',
  });
  const hash = createHash('sha256');
  for (const file of result.outputFiles) hash.update(path.relative(cacheDir, file.path)).update('\0').update(file.contents);
  const dir = path.join(cacheDir, hash.digest('hex').slice(0, 16));
  if (fs.existsSync(dir)) {
    // Touched so that another run's pruning does not take it while in use.
    const now = new Date();
    fs.utimesSync(dir, now, now);
  } else {
    // Written aside and renamed: another process sees the whole folder or none of it.
    fs.mkdirSync(cacheDir, { recursive: true });
    const staging = fs.mkdtempSync(`${dir}.`);
    for (const file of result.outputFiles) fs.writeFileSync(path.join(staging, path.relative(cacheDir, file.path)), file.contents);
    try {
      fs.renameSync(staging, dir);
    } catch (error) {
      // Another test file wrote the same bundle first.
      fs.rmSync(staging, { recursive: true, force: true });
      if (!fs.existsSync(dir)) throw error;
    }
  }
  pruneStale(dir);
  return path.join(dir, 'main.js');
}

/** Bundles of sources edited since: a day unused. */
function pruneStale(keep: string): void {
  for (const name of fs.readdirSync(cacheDir)) {
    const dir = path.join(cacheDir, name);
    if (dir === keep) continue;
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs > staleAfterMs) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Pruned by another test file at the same moment.
    }
  }
}

async function spawnCli(args: string[], env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return spawn(process.execPath, [await cliEntry(), ...args], { cwd: packageRoot(), env: { ...process.env, ...env } });
}

/** Runs one command to its end. `env` is added to this process's environment. */
export async function kyodo(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const child = await spawnCli(args, env);
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `kyodo serve` and resolves once it prints the address it listens on. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = await spawnCli(['serve'], { ...env, LOG_LEVEL: 'warn' });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = /running: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}
