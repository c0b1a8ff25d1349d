import { apiPrefix } from '../../src/http/app.js';
import { compareLoad, probe, type Target } from '../load.js';
import { loadPlan, planNote, type Metric } from '../metric.js';
import { latencyResult, throughputResult } from '../results.js';
import { startBareServer } from '../servers.js';

const name = 'api.read';
const target = 0.5;

/** The organization must come back from both sides, or the comparison compares different work. */
function expectOrganization(body: unknown, id: string, side: string): void {
  const found = typeof body === 'object' && body !== null && 'id' in body ? body.id : undefined;
  if (found !== id) throw new Error(`${side} answered organization ${String(found)}, expected ${id}`);
}

/**
 * An authenticated read of one organization through the whole app (token check, access policy, organization
 * with business lines and member count, response schema), against a bare route that reads the same row.
 */
export const apiRead: Metric = {
  name,
  description: `requests/s and p99 of GET ${apiPrefix}/organizations/:id with an API token, 50 connections`,
  async run(env) {
    const { organizationId, authorization } = env.fixture;
    const readOrganization = env.bare.prepare('select * from organizations where id = ?');
    const bare = await startBareServer((app) => {
      app.get<{ Params: { id: string } }>('/organizations/:id', async (request, reply) => {
        const row = await readOrganization([request.params.id]);
        return row ?? reply.code(404).send({ code: 'not_found' });
      });
    });
    try {
      const sides: { app: Target; baseline: Target } = {
        app: { url: `${env.appOrigin}${apiPrefix}/organizations/${organizationId}`, headers: { authorization } },
        baseline: { url: `${bare.origin}/organizations/${organizationId}` },
      };
      expectOrganization(await probe(sides.app), organizationId, 'Kyodo');
      expectOrganization(await probe(sides.baseline), organizationId, 'the bare route');
      const plan = loadPlan(env, 50);
      const { app, baseline } = await compareLoad(sides, plan, env.log);
      const context = planNote(env, plan, `bare Fastify route running ${env.bare.description}`);
      return [
        throughputResult({ name, unit: 'req/s', value: app.requestsPerSecond, baseline: baseline.requestsPerSecond, context, target }),
        latencyResult({ name: `${name}.p99`, value: app.p99Ms, baseline: baseline.p99Ms, context, target }),
      ];
    } finally {
      await bare.close();
    }
  },
};
