import type { Actor } from '../../domain/access/policy.js';
import type { AppContext } from '../shared/context.js';

// Filled in once the bulletin (domain) and the minutes PDF land.
export async function publishedTally(_ctx: AppContext, _actor: Actor, _motionId: string): Promise<Record<string, unknown>> {
  throw new Error('not yet');
}
export async function meetingMinutesPdf(_ctx: AppContext, _actor: Actor, _meetingId: string, _locale: 'ja' | 'en'): Promise<Buffer> {
  throw new Error('not yet');
}
