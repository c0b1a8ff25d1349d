import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { addSeat, establishBody, listBodies, listSeats } from '../../app/governance/bodies.js';
import { bylawSettings, listBylawVersions, recordBylawVersion } from '../../app/governance/bylaws.js';
import { addDocument, addMotion, createMeeting, getMeeting, listMeetings, readDocument, updateMeeting } from '../../app/governance/meetings.js';
import { conveneMeeting, invitationIcs, noticeDocument } from '../../app/governance/notice.js';
import { myMeetings } from '../../app/governance/my-meetings.js';
import { meetingMinutesPdf, publishedTally } from '../../app/governance/published.js';
import { addTellerCount, checkIn, checkOut, closeMeeting, closeMotion, liveView, openSession } from '../../app/governance/room.js';
import { appointProxy, ballotByReceipt, castBallot, participation, recordWrittenBallot, revokeProxy, rollCall } from '../../app/governance/voting.js';
import { findVoters } from '../../app/governance/voters.js';
import { bodyKinds, electionMethods, motionKinds, offices, seatRoles, votingModes, attendanceModes } from '../../domain/governance/vocabulary.js';
import { notFound } from '../../domain/shared/errors.js';
import { maxRoleWeight, workMeasureBases } from '../../domain/surplus/work-measure.js';
import { actorOf } from '../auth.js';
import { acceptDocumentBodies, attachmentDisposition, documentBytes, documentContentType, DocumentUploadQuery } from '../document-body.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, orNull, problemResponses } from '../schemas.js';

const tags = ['governance'];
const IsoDate = Type.String({ format: 'date' });
const IsoDateTime = Type.String({ format: 'date-time' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const OrgParams = Type.Object({ id: Id });
const MeetingParams = Type.Object({ meetingId: Id });
const MotionParams = Type.Object({ motionId: Id });
const Locale = Type.Object({ locale: Type.Optional(enumOf(['ja', 'en'] as const)) }, { additionalProperties: false });
/** Responses documented as objects; their fields are described by the use case's types (see the TypeScript API). */
const Json = (description: string) => Type.Object({}, { additionalProperties: true, description });
const ok = (description: string) => ({ 200: Json(description), ...problemResponses });
const created = (description: string) => ({ 201: Json(description), ...problemResponses });
const Fraction = Type.Object({ numerator: Type.Integer({ minimum: 0, maximum: 1000 }), denominator: Type.Integer({ minimum: 1, maximum: 1000 }) }, { additionalProperties: false });
const Choice = Type.Union([enumOf(['for', 'against', 'abstain'] as const), Type.Array(Id, { maxItems: 200 })]);

const BylawSettings = Type.Object({
  fiscalYearStartMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  sharePrice: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
  legalReserveTarget: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 })),
  proxyCapPerHolder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  meetingNoticeDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 90 })),
  writtenVoting: Type.Optional(Type.Boolean()),
  electronicVoting: Type.Optional(Type.Boolean()),
  ordinaryQuorum: Type.Optional(Fraction),
  ordinaryMajority: Type.Optional(Fraction),
  specialQuorum: Type.Optional(Fraction),
  specialMajority: Type.Optional(Fraction),
  tie: Type.Optional(enumOf(['chair', 'rejected'] as const)),
  legalReserveRate: Type.Optional(Fraction),
  jobCreationFundRate: Type.Optional(Fraction),
  educationCarryForwardRate: Type.Optional(Fraction),
  workMeasure: Type.Optional(enumOf(workMeasureBases)),
  roleWeights: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 40 }), Type.Integer({ minimum: 1, maximum: maxRoleWeight }), { maxProperties: 50 })),
  withholdDividends: Type.Optional(Type.Boolean()),
  directorTermMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 48 })),
  auditorTermMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 48 })),
  delegateTermMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 48 })),
}, { additionalProperties: false });

const MeetingFields = {
  title: Text(200),
  startsAt: IsoDateTime,
  endsAt: Type.Optional(orNull(IsoDateTime)),
  place: Type.Optional(orNull(Type.String({ maxLength: 500 }))),
  onlineUrl: Type.Optional(orNull(Type.String({ format: 'uri', maxLength: 1000 }))),
  recordDate: IsoDate,
  votingDeadline: Type.Optional(orNull(IsoDateTime)),
  writtenVoting: Type.Optional(Type.Boolean()),
  electronicVoting: Type.Optional(Type.Boolean()),
  proxyAllowed: Type.Optional(Type.Boolean()),
};

/** Assemblies and ballots: bodies, bylaws, meetings and their motions, voting, the room, and the published record. */
export const governanceRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx, mail }) => {
  acceptDocumentBodies(app);

  // Bodies and seats
  app.get('/organizations/:id/bodies', {
    schema: { tags, summary: 'The bodies of an organization, with the member count and whether a delegate assembly is allowed', params: OrgParams, response: ok('bodies') },
  }, async (request) => listBodies(ctx, actorOf(request), request.params.id));

  app.post('/organizations/:id/bodies', {
    schema: {
      tags, summary: 'Establish a body (a delegate assembly only above the law profile\'s member count)', params: OrgParams,
      body: Type.Object({ kind: enumOf(bodyKinds), nameJa: Type.Optional(Text(100)), nameEn: Type.Optional(orNull(Type.String({ maxLength: 100 }))) }, { additionalProperties: false }),
      response: created('the body'),
    },
  }, async (request, reply) => reply.status(201).send(await establishBody(ctx, actorOf(request), request.params.id, request.body)));

  app.get('/bodies/:bodyId/seats', {
    schema: {
      tags, summary: 'Seats held on a date (delegates, directors, auditors)', params: Type.Object({ bodyId: Id }),
      querystring: Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(Json('seat')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await listSeats(ctx, actorOf(request), request.params.bodyId, request.query.date) }));

  app.post('/bodies/:bodyId/seats', {
    schema: {
      tags, summary: 'Seat a member on a body for a term; the Act\'s eligibility rules are checked', params: Type.Object({ bodyId: Id }),
      body: Type.Object({
        membershipId: Id, role: enumOf(seatRoles), constituency: Type.Optional(orNull(Type.String({ maxLength: 100 }))), termFrom: IsoDate, termUntil: Type.Optional(orNull(IsoDate)),
      }, { additionalProperties: false }),
      response: created('the seat'),
    },
  }, async (request, reply) => reply.status(201).send(await addSeat(ctx, actorOf(request), request.params.bodyId, request.body)));

  // Bylaws
  app.get('/organizations/:id/bylaws', {
    schema: { tags, summary: 'Every version of the bylaws (定款) with its status and the resolution that adopted it', params: OrgParams, response: { 200: Type.Object({ items: Type.Array(Json('bylaw version')) }), ...problemResponses } },
  }, async (request) => ({ items: await listBylawVersions(ctx, actorOf(request), request.params.id) }));

  app.post('/organizations/:id/bylaws', {
    schema: {
      tags, summary: 'Record the founding bylaws (version 1, in force from a date) or propose a new version for a special resolution', params: OrgParams,
      body: Type.Object({ title: Text(200), text: Type.String({ maxLength: 500_000 }), settings: BylawSettings, foundingEffectiveFrom: Type.Optional(IsoDate) }, { additionalProperties: false }),
      response: created('the bylaw version'),
    },
  }, async (request, reply) => reply.status(201).send(await recordBylawVersion(ctx, actorOf(request), request.params.id, request.body)));

  app.get('/organizations/:id/bylaws/settings', {
    schema: {
      tags, summary: 'The settings in force on a date, each with the bylaw version and resolution it comes from (or the law profile)', params: OrgParams,
      querystring: Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false }), response: ok('settings in force'),
    },
  }, async (request) => bylawSettings(ctx, actorOf(request), request.params.id, request.query.date));

  // Meetings
  app.get('/organizations/:id/meetings', {
    schema: { tags, summary: 'Meetings of an organization, newest first', params: OrgParams, response: { 200: Type.Object({ items: Type.Array(Json('meeting')) }), ...problemResponses } },
  }, async (request) => ({ items: await listMeetings(ctx, actorOf(request), request.params.id) }));

  app.post('/organizations/:id/meetings', {
    schema: {
      tags, summary: 'Draft a meeting of a body; voting methods default to what the bylaws allow', params: OrgParams,
      body: Type.Object({ bodyKind: enumOf(bodyKinds), ...MeetingFields }, { additionalProperties: false }), response: created('the meeting'),
    },
  }, async (request, reply) => reply.status(201).send(await createMeeting(ctx, actorOf(request), request.params.id, request.body)));

  app.get('/meetings/:meetingId', {
    schema: { tags, summary: 'A meeting: agenda, documents, notices, electorate size, the notice-period check and the settings it applies', params: MeetingParams, response: ok('meeting') },
  }, async (request) => getMeeting(ctx, actorOf(request), request.params.meetingId));

  app.patch('/meetings/:meetingId', {
    schema: {
      tags, summary: 'Change a meeting (before the notice; afterwards the chair, the minutes\' signers and the online address)', params: MeetingParams,
      body: Type.Object({
        version: Type.Integer({ minimum: 1 }), ...Object.fromEntries(Object.entries(MeetingFields).map(([k, v]) => [k, Type.Optional(v)])),
        chairPersonId: Type.Optional(orNull(Id)), minutesSigners: Type.Optional(Type.Array(Text(100), { maxItems: 5 })),
      }, { additionalProperties: false }),
      response: ok('the meeting'),
    },
  }, async (request) => {
    const { version, ...patch } = request.body as { version: number } & Record<string, unknown>;
    return updateMeeting(ctx, actorOf(request), request.params.meetingId, version, patch);
  });

  app.post('/meetings/:meetingId/motions', {
    schema: {
      tags, summary: 'Put a motion, an amendment (voted before its motion) or an election on the agenda', params: MeetingParams,
      body: Type.Object({
        kind: enumOf(motionKinds), title: Text(300), body: Type.Optional(orNull(Type.String({ maxLength: 100_000 }))), voting: Type.Optional(enumOf(votingModes)),
        amendsMotionId: Type.Optional(orNull(Id)), electionMethod: Type.Optional(orNull(enumOf(electionMethods))), office: Type.Optional(orNull(enumOf(offices))),
        seats: Type.Optional(orNull(Type.Integer({ minimum: 1, maximum: 100 }))), bylawVersionId: Type.Optional(orNull(Id)),
        candidates: Type.Optional(Type.Array(Type.Object({ membershipId: Id, statement: Type.Optional(orNull(Type.String({ maxLength: 5000 }))) }, { additionalProperties: false }), { maxItems: 100 })),
      }, { additionalProperties: false }),
      response: created('the motion'),
    },
  }, async (request, reply) => reply.status(201).send(await addMotion(ctx, actorOf(request), request.params.meetingId, request.body)));

  app.post('/meetings/:meetingId/documents', {
    schema: {
      tags, summary: 'Attach a document to the meeting (the body is the file; the name in the query)', params: MeetingParams,
      querystring: DocumentUploadQuery, response: created('the document'),
    },
  }, async (request, reply) => {
    const content = documentBytes(request.body);
    return reply.status(201).send(await addDocument(ctx, actorOf(request), request.params.meetingId, { fileName: request.query.fileName, contentType: documentContentType(request.headers['content-type']), content }));
  });

  app.get('/meeting-documents/:documentId', {
    schema: { tags, summary: 'Download a meeting document', params: Type.Object({ documentId: Id }) },
  }, async (request, reply) => {
    const doc = await readDocument(ctx, actorOf(request), request.params.documentId);
    return reply.type(doc.contentType).header('content-disposition', attachmentDisposition(doc.fileName)).send(doc.content);
  });

  app.post('/meetings/:meetingId/convene', {
    schema: {
      tags, summary: 'Convene: fix the electorate on the record date, open the agenda for written and electronic votes, and send the notice by e-mail with the .ics invitation',
      params: MeetingParams,
      body: Type.Object({ noticeDate: Type.Optional(IsoDate), sendEmail: Type.Optional(Type.Boolean()), locale: Type.Optional(enumOf(['ja', 'en'] as const)) }, { additionalProperties: false }),
      response: ok('the notice: electorate, the notice-period check, e-mails sent'),
    },
  }, async (request) => conveneMeeting(ctx, actorOf(request), mail, request.params.meetingId, request.body));

  app.get('/meetings/:meetingId/notice.pdf', {
    schema: { tags, summary: 'The notice of meeting (招集通知) as PDF', params: MeetingParams, querystring: Locale },
  }, async (request, reply) => {
    const pdf = await noticeDocument(ctx, actorOf(request), request.params.meetingId, request.query.locale ?? 'ja');
    return reply.type('application/pdf').header('content-disposition', `inline; filename="notice-${request.params.meetingId}.pdf"`).send(pdf);
  });

  app.get('/meetings/:meetingId/invitation.ics', {
    schema: { tags, summary: 'The meeting as a calendar invitation (iCalendar)', params: MeetingParams },
  }, async (request, reply) => reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="meeting.ics"')
    .send(await invitationIcs(ctx, actorOf(request), request.params.meetingId, mail.from)));

  // Voting
  app.post('/motions/:motionId/ballots', {
    schema: {
      tags, summary: 'Vote electronically (for yourself, or as proxy for a member who appointed you); returns your receipt', params: MotionParams,
      body: Type.Object({ choice: Choice, forPersonId: Type.Optional(orNull(Id)) }, { additionalProperties: false }),
      response: { 201: Type.Object({ receipt: Type.String() }), ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await castBallot(ctx, actorOf(request), request.params.motionId, request.body)));

  app.post('/motions/:motionId/written-ballots', {
    schema: {
      tags, summary: 'Enter a written vote (書面議決) from the paper form, before the meeting opens; returns the receipt to give the member', params: MotionParams,
      body: Type.Object({ personId: Id, choice: Choice }, { additionalProperties: false }),
      response: { 201: Type.Object({ receipt: Type.String() }), ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await recordWrittenBallot(ctx, actorOf(request), request.params.motionId, request.body)));

  app.get('/motions/:motionId/receipts/:receipt', {
    schema: {
      tags, summary: 'After the vote closes: the choice recorded under a receipt', params: Type.Object({ motionId: Id, receipt: Type.String({ maxLength: 40 }) }),
      response: { 200: Type.Object({ receipt: Type.String(), choice: Type.String() }), ...problemResponses },
    },
  }, async (request) => {
    const ballot = await ballotByReceipt(ctx, actorOf(request), request.params.motionId, request.params.receipt);
    if (!ballot) throw notFound('receipt');
    return ballot;
  });

  app.get('/motions/:motionId/tally', {
    schema: { tags, summary: 'The published tally of a closed motion: every receipt with its choice, the counts and the result, with its digest (check it with kyodo verify-tally)', params: MotionParams, response: ok('kyodo-tally/1') },
  }, async (request) => publishedTally(ctx, actorOf(request), request.params.motionId));

  app.get('/motions/:motionId/roll-call', {
    schema: {
      tags, summary: 'How each member voted on a roll-call (open) vote; refused for secret ballots', params: MotionParams,
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ personId: Type.String(), name: Type.String(), channel: Type.String(), choice: orNull(Type.String()) })) }), ...problemResponses },
    },
  }, async (request) => ({ items: await rollCall(ctx, actorOf(request), request.params.motionId) }));

  app.post('/meetings/:meetingId/proxies', {
    schema: {
      tags, summary: 'Appoint a proxy (a member for themselves, or a clerk from the paper form)', params: MeetingParams,
      body: Type.Object({ grantorPersonId: Type.Optional(orNull(Id)), holderPersonId: Id }, { additionalProperties: false }), response: created('the proxy'),
    },
  }, async (request, reply) => reply.status(201).send(await appointProxy(ctx, actorOf(request), request.params.meetingId, request.body)));

  app.delete('/meetings/:meetingId/proxies', {
    schema: {
      tags, summary: 'Revoke a proxy before the meeting', params: MeetingParams,
      querystring: Type.Object({ grantorPersonId: Type.Optional(Id) }, { additionalProperties: false }), response: { 204: Type.Null(), ...problemResponses },
    },
  }, async (request, reply) => {
    await revokeProxy(ctx, actorOf(request), request.params.meetingId, request.query.grantorPersonId);
    return reply.status(204).send(null);
  });

  app.get('/meetings/:meetingId/participation', {
    schema: {
      tags, summary: 'Who has voted or appointed a proxy, and how — never what', params: MeetingParams,
      querystring: Type.Object({ page: Type.Integer({ minimum: 1, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), q: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
      response: ok('participation'),
    },
  }, async (request) => participation(ctx, actorOf(request), request.params.meetingId, request.query));

  app.get('/meetings/:meetingId/voters', {
    schema: {
      tags, summary: 'Voters of the meeting found by member number, family name or kana (at most 20): for the clerks, and for a voter choosing a proxy', params: MeetingParams,
      querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Json('voter')) }), ...problemResponses },
    },
  }, async (request) => findVoters(ctx, actorOf(request), request.params.meetingId, request.query.q ?? ''));

  app.get('/my/meetings', {
    schema: { tags, summary: 'A member\'s meetings: open votes, what they have voted on (not how), their proxy and the proxies they hold', response: { 200: Type.Object({ items: Type.Array(Json('meeting')) }), ...problemResponses } },
  }, async (request) => ({ items: await myMeetings(ctx, actorOf(request)) }));

  // The room
  app.post('/meetings/:meetingId/session', {
    schema: { tags, summary: 'Open the session', params: MeetingParams, body: Type.Object({ chairPersonId: Type.Optional(orNull(Id)) }, { additionalProperties: false }), response: ok('presence') },
  }, async (request) => openSession(ctx, actorOf(request), request.params.meetingId, request.body));

  app.post('/meetings/:meetingId/attendance', {
    schema: { tags, summary: 'Check a voter in (in person or online)', params: MeetingParams, body: Type.Object({ personId: Id, mode: enumOf(attendanceModes) }, { additionalProperties: false }), response: ok('presence') },
  }, async (request) => checkIn(ctx, actorOf(request), request.params.meetingId, request.body));

  app.delete('/meetings/:meetingId/attendance/:personId', {
    schema: { tags, summary: 'Check a voter out', params: Type.Object({ meetingId: Id, personId: Id }), response: ok('presence') },
  }, async (request) => checkOut(ctx, actorOf(request), request.params.meetingId, request.params.personId));

  app.post('/motions/:motionId/teller-counts', {
    schema: {
      tags, summary: 'Enter the tellers\' count of paper ballots in the room', params: MotionParams,
      body: Type.Object({ counts: Type.Record(Type.String({ maxLength: 64 }), Type.Integer({ minimum: 0, maximum: 10_000_000 })) }, { additionalProperties: false }),
      response: created('the count'),
    },
  }, async (request, reply) => reply.status(201).send(await addTellerCount(ctx, actorOf(request), request.params.motionId, request.body.counts)));

  app.post('/motions/:motionId/close', {
    schema: {
      tags, summary: 'Close the vote and declare the result with the rule that decided it', params: MotionParams,
      body: Type.Object({ chairDecision: Type.Optional(orNull(enumOf(['adopted', 'rejected'] as const))) }, { additionalProperties: false }), response: ok('result'),
    },
  }, async (request) => closeMotion(ctx, actorOf(request), request.params.motionId, request.body));

  app.post('/meetings/:meetingId/close', {
    schema: { tags, summary: 'Close the meeting once every motion is decided', params: MeetingParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await closeMeeting(ctx, actorOf(request), request.params.meetingId);
    return reply.status(204).send(null);
  });

  app.get('/meetings/:meetingId/live', {
    schema: { tags, summary: 'The live view (projector): presence and quorum, each motion with its ballots so far or its result', params: MeetingParams, response: ok('live') },
  }, async (request) => liveView(ctx, actorOf(request), request.params.meetingId));

  app.get('/meetings/:meetingId/minutes.pdf', {
    schema: { tags, summary: 'The minutes (議事録) drafted from the record, as PDF', params: MeetingParams, querystring: Locale },
  }, async (request, reply) => {
    const pdf = await meetingMinutesPdf(ctx, actorOf(request), request.params.meetingId, request.query.locale ?? 'ja');
    return reply.type('application/pdf').header('content-disposition', `inline; filename="minutes-${request.params.meetingId}.pdf"`).send(pdf);
  });
};
