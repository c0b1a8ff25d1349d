import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Listening } from './servers.js';

/**
 * A server under test in a child process of its own, so that its memory is its own: the bench process also holds
 * the demo data's loader, the load generator and the other side's server. The child is forked with the bench's
 * own Node options (the TypeScript loader included), told what to serve as JSON, and answers on the IPC channel.
 */

/** What the child is told: plain JSON, since it crosses into the child's arguments. */
export type ChildSpec = Record<string, string | number | boolean | null>;

type ToChild = { type: 'memory' } | { type: 'close' };
type FromChild =
  | { type: 'listening'; origin: string }
  | { type: 'failed'; message: string }
  | { type: 'memory'; peakRssKiB: number; cpuMicros: number };

export interface ChildServer extends Listening {
  pid: number;
  /** The child's peak resident set size since it started, in MiB (getrusage's maxrss, as the kernel counts it). */
  peakRssMiB(): Promise<number>;
  /** The CPU time (user and system) the child has used since it started, in ms. */
  cpuMs(): Promise<number>;
}

/** Seconds a child may take to start listening, and to close, before the bench gives up on it. */
const startSeconds = 120;
const closeSeconds = 15;

/** Forks `entry` (a module that calls `serveInChild`) with `spec` and waits until it listens. */
export async function startChildServer(entry: URL, spec: ChildSpec): Promise<ChildServer> {
  const child = fork(fileURLToPath(entry), [JSON.stringify(spec)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const next = <T extends FromChild['type']>(type: T, seconds: number): Promise<Extract<FromChild, { type: T }>> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`child server ${entry.pathname} sent no ${type} within ${seconds} s`)), seconds * 1000);
      const onMessage = (message: FromChild) => {
        if (message.type === type) done(null, message as Extract<FromChild, { type: T }>);
        else if (message.type === 'failed') done(new Error(`child server ${entry.pathname} failed: ${message.message}`));
      };
      const onExit = (code: number | null) => done(new Error(`child server ${entry.pathname} exited (${code}) before sending ${type}`));
      const done = (error: Error | null, message?: Extract<FromChild, { type: T }>) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolve(message!);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const send = (message: ToChild) => child.send(message);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) send({ type: 'close' });
    const timer = setTimeout(() => child.kill('SIGKILL'), closeSeconds * 1000);
    await exited;
    clearTimeout(timer);
  };
  const usage = () => {
    const answer = next('memory', 10);
    send({ type: 'memory' });
    return answer;
  };
  try {
    const { origin } = await next('listening', startSeconds);
    return {
      origin,
      pid: child.pid!,
      peakRssMiB: async () => (await usage()).peakRssKiB / 1024,
      cpuMs: async () => (await usage()).cpuMicros / 1000,
      close: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The child's side: starts the server `start` builds from the spec the parent passed, reports where it listens,
 * answers memory questions, and closes (then exits) when told to or when the parent goes away.
 */
export function serveInChild<S extends ChildSpec>(start: (spec: S) => Promise<Listening>): void {
  const send = (message: FromChild) => process.send?.(message);
  const spec = JSON.parse(process.argv[2] ?? '{}') as S;
  start(spec).then(
    (server) => {
      let closing: Promise<void> | null = null;
      const close = (code: number) => {
        closing ??= server.close().then(() => process.exit(code), () => process.exit(1));
      };
      process.on('message', (message: ToChild) => {
        if (message.type === 'memory') {
          const usage = process.resourceUsage();
          send({ type: 'memory', peakRssKiB: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime });
        }
        else if (message.type === 'close') close(0);
      });
      // The bench died or was stopped: nobody will ask this server anything again.
      process.once('disconnect', () => close(1));
      send({ type: 'listening', origin: server.origin });
    },
    (error: unknown) => {
      // Whatever the failed start left open (a pool, a socket), the child is done once the parent knows why.
      const message: FromChild = { type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      if (process.send) process.send(message, undefined, undefined, () => process.exit(1));
      else process.exit(1);
    },
  );
}
