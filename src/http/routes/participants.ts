import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { assignCase, listCaseAssignments, mySiteRoles, unassignCase } from '../../app/programmes/case-assignments.js';
import {
  addActivity, addConsent, addOutcome, addPlan, closeParticipant, createParticipant, eraseParticipant, exportParticipant, getParticipant, linkPerson,
  listParticipants, participantReadLog, recordFollowUp, updateParticipant, withdrawConsent,
} from '../../app/programmes/participants.js';
import {
  activityKinds, ageBands, caseRoles, consentMethods, consentPurposes, followUpStatuses, outcomeKinds, participantStatuses, participantTextLimits, recordedFollowUpStatuses,
} from '../../domain/programmes/participant.js';
import { actorOf } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, orNull, problemResponses } from '../schemas.js';

const tags = ['participants'];
const IsoDate = Type.String({ format: 'date' });
const text = (maxLength: number) => Type.String({ maxLength });

const Identity = Type.Object({
  familyName: text(participantTextLimits.name),
  givenName: text(participantTextLimits.name),
  familyNameKana: Type.String({ maxLength: participantTextLimits.name, description: 'フリガナ: katakana or hiragana' }),
  givenNameKana: Type.String({ maxLength: participantTextLimits.name }),
  birthDate: orNull(IsoDate),
  phone: orNull(text(participantTextLimits.contact)),
  email: orNull(text(participantTextLimits.contact)),
  postalCode: orNull(Type.String({ maxLength: 10 })),
  address: orNull(text(participantTextLimits.contact)),
}, { additionalProperties: false });
const ConsentInput = Type.Object({ purpose: enumOf(consentPurposes), method: enumOf(consentMethods), givenOn: IsoDate }, { additionalProperties: false });
const Circumstances = orNull(Type.String({ maxLength: participantTextLimits.circumstances, description: 'special-care personal information (要配慮個人情報): needs a sensitive-data consent' }));

const outcomeOf = Type.Object({ kind: enumOf(outcomeKinds), on: Type.String() });
const summaryFields = {
  id: Id, reference: Type.String(), organizationId: Id, siteId: Id, contractId: Id, intakeOn: Type.String(), ageBand: enumOf(ageBands),
  status: enumOf(participantStatuses), closedOn: orNull(Type.String()),
  familyName: orNull(Type.String()), givenName: orNull(Type.String()), familyNameKana: orNull(Type.String()), givenNameKana: orNull(Type.String()),
  personId: orNull(Type.String()), latestOutcome: orNull(outcomeOf), nextFollowUpOn: orNull(Type.String()), version: Type.Integer(),
};
const ParticipantSummary = Type.Object(summaryFields);
const Participant = Type.Object({
  ...summaryFields,
  identity: orNull(Type.Object({
    familyName: Type.String(), givenName: Type.String(), familyNameKana: Type.String(), givenNameKana: Type.String(), birthDate: orNull(Type.String()),
    phone: orNull(Type.String()), email: orNull(Type.String()), postalCode: orNull(Type.String()), address: orNull(Type.String()),
  })),
  circumstances: orNull(Type.String()),
  consents: Type.Array(Type.Object({ id: Id, purpose: enumOf(consentPurposes), method: enumOf(consentMethods), givenOn: Type.String(), withdrawnOn: orNull(Type.String()) })),
  plans: Type.Array(Type.Object({ id: Id, startsOn: Type.String(), reviewOn: orNull(Type.String()), goals: orNull(Type.String()) })),
  activities: Type.Array(Type.Object({ id: Id, kind: enumOf(activityKinds), on: Type.String(), minutes: orNull(Type.Integer()), note: orNull(Type.String()) })),
  outcomes: Type.Array(Type.Object({ id: Id, kind: enumOf(outcomeKinds), on: Type.String(), coopOrganizationId: orNull(Type.String()), note: orNull(Type.String()) })),
  followUps: Type.Array(Type.Object({
    id: Id, outcomeId: Id, months: Type.Integer(), dueOn: Type.String(), doneOn: orNull(Type.String()), status: enumOf(followUpStatuses), note: orNull(Type.String()),
  })),
  erasedAt: orNull(Type.String()), erasureReason: orNull(Type.String()), erasureOn: Type.String(),
});
const CaseAssignment = Type.Object({ userId: Id, displayName: Type.String(), email: Type.String(), siteId: Id, siteNameJa: Type.String(), caseRole: enumOf(caseRoles) });
const ParticipantParams = Type.Object({ id: Id });
const noStore = { 'cache-control': 'no-store' };

/**
 * Participants of commissioned programmes and the staff who work their cases. Every answer that carries a
 * participant's data is marked no-store: it is special-care personal information and no cache keeps it.
 */
export const participantRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  app.get('/organizations/:id/case-assignments', {
    schema: { tags, summary: 'Who works cases at which of the organization\'s offices (its administrator)', params: Type.Object({ id: Id }), response: { 200: Type.Object({ items: Type.Array(CaseAssignment) }), ...problemResponses } },
  }, async (request) => ({ items: await listCaseAssignments(ctx, actorOf(request), request.params.id) }));

  app.put('/sites/:siteId/case-assignments/:userId', {
    schema: {
      tags, summary: 'Give a staff account a case role at an office: caseworker, supervisor or office lead',
      params: Type.Object({ siteId: Id, userId: Id }), body: Type.Object({ caseRole: enumOf(caseRoles) }, { additionalProperties: false }),
      response: { 200: CaseAssignment, ...problemResponses },
    },
  }, async (request) => assignCase(ctx, actorOf(request), request.params.siteId, request.params.userId, request.body.caseRole));

  app.delete('/sites/:siteId/case-assignments/:userId', {
    schema: { tags, summary: 'Take a case role away', params: Type.Object({ siteId: Id, userId: Id }), response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await unassignCase(ctx, actorOf(request), request.params.siteId, request.params.userId);
    return reply.status(204).send(null);
  });

  app.get('/me/case-sites', {
    schema: { tags, summary: 'The offices where I work cases, with my role at each', response: { 200: Type.Object({ items: Type.Array(Type.Object({ siteId: Id, siteNameJa: Type.String(), organizationId: Id, caseRole: enumOf(caseRoles) })) }), ...problemResponses } },
  }, async (request) => ({ items: await mySiteRoles(ctx, actorOf(request)) }));

  app.get('/sites/:siteId/participants', {
    schema: {
      tags, summary: 'The office\'s participants (its caseworkers only; the list is written to the audit log)',
      params: Type.Object({ siteId: Id }), querystring: Type.Object({ status: Type.Optional(enumOf(['active', 'closed', 'erased', 'all'] as const)) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ParticipantSummary) }), ...problemResponses },
    },
  }, async (request, reply) => reply.headers(noStore).send({ items: await listParticipants(ctx, actorOf(request), request.params.siteId, request.query.status ?? 'active') }));

  app.post('/sites/:siteId/participants', {
    schema: {
      tags, summary: 'Take a participant in: identity, age band, consents, and their circumstances only with the special-care consent',
      params: Type.Object({ siteId: Id }),
      body: Type.Object({
        contractId: Id, intakeOn: IsoDate, ageBand: enumOf(ageBands), identity: Identity, circumstances: Circumstances,
        consents: Type.Array(ConsentInput, { maxItems: consentPurposes.length }),
      }, { additionalProperties: false }),
      response: { 201: Participant, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).headers(noStore).send(await createParticipant(ctx, actorOf(request), request.params.siteId, request.body)));

  app.get('/participants/:id', {
    schema: { tags, summary: 'A participant\'s whole record (every read is written to the audit log)', params: ParticipantParams, response: { 200: Participant, ...problemResponses } },
  }, async (request, reply) => reply.headers(noStore).send(await getParticipant(ctx, actorOf(request), request.params.id)));

  app.put('/participants/:id', {
    schema: {
      tags, summary: 'Correct a participant\'s identity, age band and circumstances at the version seen', params: ParticipantParams,
      body: Type.Object({ version: Type.Integer({ minimum: 1 }), ageBand: enumOf(ageBands), identity: Identity, circumstances: Circumstances }, { additionalProperties: false }),
      response: { 200: Participant, ...problemResponses },
    },
  }, async (request, reply) => reply.headers(noStore).send(await updateParticipant(ctx, actorOf(request), request.params.id, request.body)));

  app.post('/participants/:id/consents', {
    schema: { tags, summary: 'Record a consent the participant gave', params: ParticipantParams, body: ConsentInput, response: { 201: Participant, ...problemResponses } },
  }, async (request, reply) => reply.status(201).headers(noStore).send(await addConsent(ctx, actorOf(request), request.params.id, request.body)));

  app.post('/participants/:id/consents/:consentId/withdraw', {
    schema: {
      tags, summary: 'Record that the participant withdrew a consent (what it allowed stops: circumstances removed, registry link cut)',
      params: Type.Object({ id: Id, consentId: Id }), body: Type.Object({ withdrawnOn: IsoDate }, { additionalProperties: false }), response: { 200: Participant, ...problemResponses },
    },
  }, async (request, reply) => reply.headers(noStore).send(await withdrawConsent(ctx, actorOf(request), request.params.id, request.params.consentId, request.body.withdrawnOn)));

  app.post('/participants/:id/plans', {
    schema: {
      tags, summary: 'Add a support plan (支援計画)', params: ParticipantParams,
      body: Type.Object({ startsOn: IsoDate, reviewOn: orNull(IsoDate), goals: Type.String({ maxLength: participantTextLimits.goals }) }, { additionalProperties: false }),
      response: { 201: Participant, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).headers(noStore).send(await addPlan(ctx, actorOf(request), request.params.id, request.body)));

  app.post('/participants/:id/activities', {
    schema: {
      tags, summary: 'Record an activity: counselling, job experience, group living, training, seminar', params: ParticipantParams,
      body: Type.Object({ kind: enumOf(activityKinds), on: IsoDate, minutes: orNull(Type.Integer()), note: orNull(text(participantTextLimits.note)) }, { additionalProperties: false }),
      response: { 201: Participant, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).headers(noStore).send(await addActivity(ctx, actorOf(request), request.params.id, request.body)));

  app.post('/participants/:id/outcomes', {
    schema: {
      tags, summary: 'Record an outcome; a placement schedules follow-ups at 1, 3, 6 and 12 months', params: ParticipantParams,
      body: Type.Object({ kind: enumOf(outcomeKinds), on: IsoDate, coopOrganizationId: orNull(Id), note: orNull(text(participantTextLimits.note)) }, { additionalProperties: false }),
      response: { 201: Participant, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).headers(noStore).send(await addOutcome(ctx, actorOf(request), request.params.id, request.body)));

  app.put('/participants/:id/follow-ups/:followUpId', {
    schema: {
      tags, summary: 'Record a follow-up', params: Type.Object({ id: Id, followUpId: Id }),
      body: Type.Object({ doneOn: IsoDate, status: enumOf(recordedFollowUpStatuses), note: orNull(text(participantTextLimits.note)) }, { additionalProperties: false }),
      response: { 200: Participant, ...problemResponses },
    },
  }, async (request, reply) => reply.headers(noStore).send(await recordFollowUp(ctx, actorOf(request), request.params.id, request.params.followUpId, request.body)));

  app.put('/participants/:id/person', {
    schema: {
      tags, summary: 'Link the participant to the registry once they join the co-op (needs the registry-link consent)', params: ParticipantParams,
      body: Type.Object({ personId: Id }, { additionalProperties: false }), response: { 200: Participant, ...problemResponses },
    },
  }, async (request, reply) => reply.headers(noStore).send(await linkPerson(ctx, actorOf(request), request.params.id, request.body.personId)));

  app.delete('/participants/:id/person', {
    schema: { tags, summary: 'Cut the link to the registry', params: ParticipantParams, response: { 200: Participant, ...problemResponses } },
  }, async (request, reply) => reply.headers(noStore).send(await linkPerson(ctx, actorOf(request), request.params.id, null)));

  app.post('/participants/:id/close', {
    schema: { tags, summary: 'Close the case', params: ParticipantParams, body: Type.Object({ closedOn: IsoDate }, { additionalProperties: false }), response: { 200: Participant, ...problemResponses } },
  }, async (request, reply) => reply.headers(noStore).send(await closeParticipant(ctx, actorOf(request), request.params.id, request.body.closedOn)));

  app.get('/participants/:id/export', {
    schema: { tags, summary: 'Everything held about the participant, as a JSON file to hand to them', params: ParticipantParams, response: { 200: Type.Unknown(), ...problemResponses } },
  }, async (request, reply) => {
    const { reference, document } = await exportParticipant(ctx, actorOf(request), request.params.id);
    return reply.headers(noStore).type('application/json').header('content-disposition', `attachment; filename="${reference}.json"`).send(JSON.stringify(document, null, 2));
  });

  app.post('/participants/:id/erase', {
    schema: {
      tags, summary: 'Erase the participant on their request: what identifies them goes, the counts in reports stay', params: ParticipantParams,
      body: Type.Object({ confirm: Type.String({ maxLength: 40, description: 'the case number, typed again' }) }, { additionalProperties: false }),
      response: { 200: Participant, ...problemResponses },
    },
  }, async (request, reply) => reply.headers(noStore).send(await eraseParticipant(ctx, actorOf(request), request.params.id, request.body.confirm)));

  app.get('/sites/:siteId/participant-reads', {
    schema: {
      tags, summary: 'Who read or changed which participant\'s record at the office (its supervisors and lead)',
      params: Type.Object({ siteId: Id }), querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ at: Type.String(), actorEmail: orNull(Type.String()), participantId: orNull(Type.String()), reference: orNull(Type.String()), action: Type.String() })) }), ...problemResponses },
    },
  }, async (request, reply) => reply.headers(noStore).send({ items: await participantReadLog(ctx, actorOf(request), request.params.siteId, request.query.limit ?? 100) }));
};
