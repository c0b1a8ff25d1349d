import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  confirmChangeRequest, listChangeRequests, rejectChangeRequest, requestChange, updateMyContact, withdrawChangeRequest,
} from '../../app/portal/contact-changes.js';
import { memberPortal } from '../../app/portal/portal.js';
import { changeRequestStatuses } from '../../domain/portal/contact-changes.js';
import { prefectureCodes } from '../../domain/organizations/prefectures.js';
import { actorOf } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, orNull, problemResponses } from '../schemas.js';

const tags = ['portal'];
const IsoDate = Type.String({ format: 'date' });
const Name = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' });
/** フリガナ: katakana (full or half width), hiragana, long-vowel mark and spaces (as the registry takes them). */
const Kana = Type.String({ minLength: 1, maxLength: 50, pattern: '^[\\u3041-\\u3096\\u30A1-\\u30FA\\u30FC\\uFF66-\\uFF9F\\s\\u3000]+$' });
const Text = Type.String();
const NText = orNull(Type.String());
const Int = Type.Integer();
const Num = Type.Number();

const ChangeFields = {
  familyName: Type.Optional(Name), givenName: Type.Optional(Name), familyKana: Type.Optional(Kana), givenKana: Type.Optional(Kana),
  postalCode: Type.Optional(orNull(Type.String({ pattern: '^[0-9]{3}-?[0-9]{4}$' }))), prefectureCode: Type.Optional(orNull(enumOf(prefectureCodes))),
  address: Type.Optional(orNull(Type.String({ maxLength: 500 }))),
};
const Changes = Type.Object({
  familyName: Type.Optional(NText), givenName: Type.Optional(NText), familyKana: Type.Optional(NText), givenKana: Type.Optional(NText),
  postalCode: Type.Optional(NText), prefectureCode: Type.Optional(NText), address: Type.Optional(NText),
});
const ChangeRequest = Type.Object({
  id: Id, personId: Id, changes: Changes, status: enumOf(changeRequestStatuses), createdAt: Text, decidedAt: NText, reason: NText,
});

const Portal = Type.Object({
  member: Type.Object({
    personId: Id, familyName: Text, givenName: Text, familyKana: Text, givenKana: Text, email: NText, phone: NText, postalCode: NText, prefectureCode: NText,
    address: NText, locale: Text,
  }),
  organization: Type.Object({ id: Id, nameJa: Text, nameEn: NText }),
  memberships: Type.Array(Type.Object({
    id: Id, kind: Text, memberNumber: Text, status: Text, appliedOn: NText, admittedOn: NText, endedOn: NText,
    events: Type.Array(Type.Object({ event: Text, on: IsoDate, reason: NText })),
  })),
  capital: Type.Object({
    sharesHeld: Int, amountSubscribed: Int, amountPaid: Int, unpaid: Int, refundPayable: Int,
    payments: Type.Array(Type.Object({ on: IsoDate, amount: Int, kind: Text })), certificateUrl: NText,
  }),
  work: Type.Object({ months: Type.Array(Type.Object({ month: Text, hours: Num, days: Int, pendingHours: Num }), { description: 'the last 24 months with work, newest first; hours approved, pendingHours not yet' }) }),
  dividends: Type.Array(Type.Object({ closingId: Id, fiscalYear: Int, amount: Int, withheld: Int, payment: Int, statementUrl: Text })),
  meetings: Type.Array(Type.Object({
    id: Id, title: Text, bodyKind: Text, status: Text, startsAt: Text, place: NText, online: Type.Boolean(), votingDeadline: NText, proxyAllowed: Type.Boolean(),
    noticeUrl: NText, documents: Type.Array(Type.Object({ id: Id, fileName: Text, url: Text })),
    openMotions: Type.Array(Type.Object({ id: Id, title: Text, voted: Type.Boolean() })), proxy: orNull(Type.Object({ holderName: Text })),
  })),
  receipts: Type.Array(Type.Object({ motionId: Id, meetingId: Id, motionTitle: Text, closed: Type.Boolean(), voted: Type.Boolean(), tallyUrl: Text }), {
    description: 'closed motions of the member\'s meetings with their published tally; the receipts themselves stay in the member\'s browser',
  }),
  consents: Type.Array(Type.Object({ id: Id, programme: Type.Object({ ja: Text, en: NText }), purpose: Text, givenOn: IsoDate, withdrawnOn: orNull(IsoDate) })),
  proxies: Type.Object({
    given: Type.Array(Type.Object({ meetingId: Id, holderName: Text })), held: Type.Array(Type.Object({ meetingId: Id, grantorName: Text })),
  }),
  delegate: orNull(Type.Object({
    seats: Type.Array(Type.Object({ bodyNameJa: Text, bodyNameEn: NText, constituency: NText })), represented: Type.Array(Text, { description: 'names only' }),
  })),
  pendingChanges: Type.Array(Type.Object({ id: Id, changes: Changes, createdAt: Text, status: Text })),
});

/** マイページ: a member's own view and the changes they make to their own record; the clerk's side of those changes. */
export const portalRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  app.get('/me/portal', {
    schema: {
      tags, summary: "The signed-in member's own life in the co-op (マイページ): record, memberships, capital, work, dividends, meetings, consents, proxies, pending changes",
      description: 'Only for a member\'s own account (403 otherwise); everything is read for the account\'s own person.',
      response: { 200: Portal, ...problemResponses },
    },
  }, async (request) => memberPortal(ctx, actorOf(request)));

  app.patch('/me/contact', {
    schema: {
      tags, summary: 'Change your own e-mail address or phone number: applied at once, kept in the audit log',
      body: Type.Object({
        email: Type.Optional(orNull(Type.String({ format: 'email', maxLength: 254 }))), phone: Type.Optional(orNull(Type.String({ maxLength: 30, pattern: '^[0-9+()\\- ]*$' }))),
      }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: Type.Object({ email: NText, phone: NText }), ...problemResponses },
    },
  }, async (request) => updateMyContact(ctx, actorOf(request), request.body));

  app.post('/me/change-requests', {
    schema: {
      tags, summary: 'Ask for your name, reading or address to change; a clerk confirms it (a newer request replaces a pending one)',
      body: Type.Object(ChangeFields, { additionalProperties: false, minProperties: 1 }),
      response: { 201: ChangeRequest, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await requestChange(ctx, actorOf(request), request.body)));

  app.delete('/me/change-requests/:id', {
    schema: { tags, summary: 'Withdraw your own pending change request', params: Type.Object({ id: Id }), response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await withdrawChangeRequest(ctx, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/organizations/:id/change-requests', {
    schema: {
      tags, summary: "Members' requests to change their name or address, with the record as it is now, oldest first", params: Type.Object({ id: Id }),
      querystring: Type.Object({ status: Type.Optional(enumOf(changeRequestStatuses)) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({
            ...ChangeRequest.properties, membershipId: NText, memberNumber: NText,
            current: Type.Object({ familyName: Text, givenName: Text, familyKana: Text, givenKana: Text, postalCode: NText, prefectureCode: NText, address: NText }),
          })),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => ({ items: await listChangeRequests(ctx, actorOf(request), request.params.id, request.query.status ?? null) }));

  app.post('/change-requests/:id/confirm', {
    schema: {
      tags, summary: "Confirm a member's change request: the registry takes the new name or address (normalized as on entry), in the audit log",
      params: Type.Object({ id: Id }), response: { 200: ChangeRequest, ...problemResponses },
    },
  }, async (request) => confirmChangeRequest(ctx, actorOf(request), request.params.id));

  app.post('/change-requests/:id/reject', {
    schema: {
      tags, summary: "Reject a member's change request, saying why; the record keeps what it had", params: Type.Object({ id: Id }),
      body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' }) }, { additionalProperties: false }),
      response: { 200: ChangeRequest, ...problemResponses },
    },
  }, async (request) => rejectChangeRequest(ctx, actorOf(request), request.params.id, request.body.reason));
};
