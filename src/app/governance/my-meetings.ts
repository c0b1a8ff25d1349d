import type { Actor } from '../../domain/access/policy.js';
import type { BodyKind } from '../../domain/governance/vocabulary.js';
import { forbidden } from '../../domain/shared/errors.js';
import type { AppContext } from '../shared/context.js';
import { motionsOf, toMeeting } from './meetings.js';

/**
 * A member's own meetings: those whose electorate includes them, with each motion open or decided, whether they
 * have voted on it (never how: the ballot is not theirs to look up but by its receipt), the proxy they appointed
 * and the members whose proxy they hold.
 */
export async function myMeetings(ctx: AppContext, actor: Actor) {
  if (!actor.personId) throw forbidden('this account is not a member\'s own');
  const personId = actor.personId;
  const rows = await ctx.db.selectFrom('electorate').innerJoin('meetings', 'meetings.id', 'electorate.meeting_id').innerJoin('bodies', 'bodies.id', 'meetings.body_id')
    .selectAll('meetings').select('bodies.kind as body_kind').where('electorate.person_id', '=', personId).where('meetings.status', '<>', 'draft')
    .orderBy('meetings.starts_at', 'desc').limit(50).execute();
  return Promise.all(rows.map(async (row) => {
    const meeting = toMeeting(row, row.body_kind as BodyKind);
    const [motions, voted, myProxy, held, documents] = await Promise.all([
      motionsOf(ctx.db, meeting.id),
      ctx.db.selectFrom('votes_cast').innerJoin('motions', 'motions.id', 'votes_cast.motion_id').select(['votes_cast.motion_id', 'votes_cast.person_id', 'votes_cast.channel'])
        .where('motions.meeting_id', '=', meeting.id).where((eb) => eb.or([eb('votes_cast.person_id', '=', personId), eb('votes_cast.proxy_person_id', '=', personId)])).execute(),
      ctx.db.selectFrom('proxies').innerJoin('people', 'people.id', 'proxies.holder_person_id').select(['proxies.holder_person_id', 'people.family_name', 'people.given_name'])
        .where('proxies.meeting_id', '=', meeting.id).where('proxies.grantor_person_id', '=', personId).executeTakeFirst(),
      ctx.db.selectFrom('proxies').innerJoin('people', 'people.id', 'proxies.grantor_person_id').select(['proxies.grantor_person_id', 'people.family_name', 'people.given_name'])
        .where('proxies.meeting_id', '=', meeting.id).where('proxies.holder_person_id', '=', personId).execute(),
      ctx.db.selectFrom('meeting_documents').select(['id', 'file_name']).where('meeting_id', '=', meeting.id).orderBy('uploaded_at').execute(),
    ]);
    const votedBy = (motionId: string, who: string) => voted.some((v) => v.motion_id === motionId && v.person_id === who);
    return {
      meeting,
      documents: documents.map((d) => ({ id: d.id, fileName: d.file_name })),
      proxy: myProxy ? { holderPersonId: myProxy.holder_person_id, name: `${myProxy.family_name} ${myProxy.given_name}` } : null,
      proxiesHeld: held.map((h) => ({ personId: h.grantor_person_id, name: `${h.family_name} ${h.given_name}` })),
      motions: motions.map((m) => ({
        id: m.id, position: m.position, amendsMotionId: m.amendsMotionId, kind: m.kind, title: m.title, body: m.body, status: m.status, voting: m.voting,
        electionMethod: m.electionMethod, seats: m.seats, candidates: m.candidates, result: m.status === 'closed' ? m.result : null, chairDecision: m.chairDecision,
        voted: votedBy(m.id, personId),
        votedFor: held.filter((h) => votedBy(m.id, h.grantor_person_id)).map((h) => h.grantor_person_id),
      })),
    };
  }));
}
