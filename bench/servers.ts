import Fastify, { type FastifyInstance } from 'fastify';

export interface Listening {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/** Listens on loopback on a port the system picks, so parallel runs and a running Kyodo never collide. */
export async function listenOnLoopback(app: FastifyInstance): Promise<Listening> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('server has no TCP address');
  return { origin: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

/** A bare Fastify instance: no plugins, hooks, schemas or logger; the metric adds its one route. */
export async function startBareServer(addRoutes: (app: FastifyInstance) => void): Promise<Listening> {
  const app = Fastify({ logger: false });
  addRoutes(app);
  return listenOnLoopback(app);
}
