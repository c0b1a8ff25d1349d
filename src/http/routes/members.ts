import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type, { type Static } from 'typebox';
import { countMembers } from '../../app/members/count-members.js';
import { getMember, listMembers, memberSorts, type MemberQuery } from '../../app/members/read-members.js';
import { recordEngagement, registerNonMemberWorker } from '../../app/members/record-engagement.js';
import { listWorkers } from '../../app/members/list-workers.js';
import { defineMemberKind, listMemberKinds } from '../../app/members/member-kinds.js';
import { recordMembershipEvent } from '../../app/members/record-membership-event.js';
import { updatePerson } from '../../app/members/update-person.js';
import { registerMember } from '../../app/members/register-member.js';
import { membershipEventTypes, membershipStatuses } from '../../domain/members/lifecycle.js';
import { labourContractExemptions } from '../../domain/members/member.js';
import { prefectureCodes } from '../../domain/organizations/prefectures.js';
import { today } from '../../app/shared/context.js';
import { actorOf } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, orNull, problemResponses } from '../schemas.js';

const tags = ['members'];
const IsoDate = Type.String({ format: 'date' });
const Name = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' });
/** フリガナ: katakana (full or half width), hiragana, long-vowel mark and spaces. */
const Kana = Type.String({ minLength: 1, maxLength: 50, pattern: '^[\\u3041-\\u3096\\u30A1-\\u30FA\\u30FC\\uFF66-\\uFF9F\\s\\u3000]+$' });
const MemberKind = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9-]+$', description: "'worker', 'user' or a code the organization defines" });

const PersonInput = Type.Object({
  familyName: Name,
  givenName: Name,
  familyKana: Kana,
  givenKana: Kana,
  birthDate: Type.Optional(orNull(IsoDate)),
  email: Type.Optional(orNull(Type.String({ format: 'email', maxLength: 254 }))),
  phone: Type.Optional(orNull(Type.String({ maxLength: 30, pattern: '^[0-9+()\\- ]*$' }))),
  postalCode: Type.Optional(orNull(Type.String({ pattern: '^[0-9]{3}-?[0-9]{4}$' }))),
  prefectureCode: Type.Optional(orNull(enumOf(prefectureCodes))),
  address: Type.Optional(orNull(Type.String({ maxLength: 500 }))),
}, { additionalProperties: false });

const EngagementInput = Type.Object({
  site: Type.Optional(orNull(Type.String({ maxLength: 200 }))),
  startedOn: IsoDate,
  endedOn: Type.Optional(orNull(IsoDate)),
  labourContractFrom: Type.Optional(orNull(IsoDate)),
  labourContractUntil: Type.Optional(orNull(IsoDate)),
  exemption: Type.Optional(orNull(enumOf(labourContractExemptions))),
}, { additionalProperties: false });

const Membership = Type.Object({
  id: Id, organizationId: Id, personId: Id, memberNumber: Type.String(), kind: Type.String(), status: enumOf(membershipStatuses),
  admittedOn: orNull(IsoDate), endedOn: orNull(IsoDate), version: Type.Integer(),
});

const Person = Type.Object({
  id: Id, familyName: Type.String(), givenName: Type.String(), familyKana: Type.String(), givenKana: Type.String(),
  birthDate: orNull(IsoDate), email: orNull(Type.String()), phone: orNull(Type.String()), postalCode: orNull(Type.String()),
  prefectureCode: orNull(Type.String()), address: orNull(Type.String()), version: Type.Integer(),
});

const Engagement = Type.Object({
  id: Id, site: orNull(Type.String()), startedOn: IsoDate, endedOn: orNull(IsoDate), labourContractFrom: orNull(IsoDate),
  labourContractUntil: orNull(IsoDate), exemption: orNull(Type.String()),
});

const MemberKindSchema = Type.Object({
  code: Type.String(), nameJa: orNull(Type.String()), nameEn: orNull(Type.String()), engagedInWork: Type.Boolean(), builtIn: Type.Boolean(),
});

const MemberListItem = Type.Object({
  membershipId: Id, organizationId: Id, personId: Id, memberNumber: Type.String(), kind: Type.String(), status: enumOf(membershipStatuses),
  admittedOn: orNull(IsoDate), endedOn: orNull(IsoDate), familyName: Type.String(), givenName: Type.String(),
  familyKana: Type.String(), givenKana: Type.String(),
});

const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  kind: Type.Optional(MemberKind),
  status: Type.Optional(enumOf(membershipStatuses)),
  memberOn: Type.Optional(IsoDate),
  engaged: Type.Optional(Type.Boolean()),
  labourContract: Type.Optional(Type.Boolean()),
  site: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  sort: Type.Optional(enumOf(memberSorts)),
  order: Type.Optional(enumOf(['asc', 'desc'] as const)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
}, { additionalProperties: false });

const withNulls = <T extends object>(o: T) => ({
  birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: null, address: null, ...o,
});
const engagementWithNulls = <T extends { startedOn: string }>(o: T) => ({
  site: null, endedOn: null, labourContractFrom: null, labourContractUntil: null, exemption: null, ...o,
});

const memberQuery = (organizationId: string | null, q: Static<typeof ListQuery>): MemberQuery => ({
  organizationId, q: q.q, kind: q.kind, status: q.status, memberOn: q.memberOn, engaged: q.engaged, labourContract: q.labourContract, site: q.site,
  sort: q.sort ?? 'memberNumber', descending: q.order === 'desc', page: q.page ?? 1, pageSize: q.pageSize ?? 50,
});

const listResponse = { 200: Type.Object({ items: Type.Array(MemberListItem), total: Type.Integer() }), ...problemResponses };
const OrgParams = Type.Object({ id: Id });
const MembershipParams = Type.Object({ membershipId: Id });

export const memberRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  app.get('/organizations/:id/members', {
    schema: { tags, summary: 'Search, filter, sort and page the members of one organization', params: OrgParams, querystring: ListQuery, response: listResponse },
  }, async (request) => listMembers(ctx, actorOf(request), memberQuery(request.params.id, request.query)));

  app.get('/member-counts', {
    schema: {
      tags,
      summary: 'Members on a date (default today) by organization and kind: the federation page figures',
      querystring: Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false }),
      response: {
        200: Type.Object({ date: IsoDate, items: Type.Array(Type.Object({ organizationId: Id, kind: Type.String(), members: Type.Integer() })) }),
        ...problemResponses,
      },
    },
  }, async (request) => {
    const date = request.query.date ?? today(ctx);
    return { date, items: await countMembers(ctx, actorOf(request), date) };
  });

  app.get('/members', {
    schema: { tags, summary: 'Search members across every organization you may see', querystring: ListQuery, response: listResponse },
  }, async (request) => listMembers(ctx, actorOf(request), memberQuery(null, request.query)));

  app.post('/organizations/:id/members', {
    schema: {
      tags,
      summary: 'Register a person and their membership (application or admission)',
      params: OrgParams,
      body: Type.Object({
        person: Type.Union([PersonInput, Type.Object({ id: Id }, { additionalProperties: false })], {
          description: 'a new person, or { id } of a person already known to an organization you keep',
        }),
        memberNumber: Type.String({ minLength: 1, maxLength: 30, pattern: '\\S' }),
        kind: MemberKind,
        firstEvent: enumOf(['apply', 'admit'] as const),
        effectiveDate: IsoDate,
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ person: Person, membership: Membership }), ...problemResponses },
    },
  }, async (request, reply) => {
    const { person, ...rest } = request.body;
    const registered = await registerMember(ctx, actorOf(request), request.params.id, { ...rest, person: 'id' in person ? person : withNulls(person) });
    return reply.status(201).send(registered);
  });

  app.patch('/memberships/:membershipId/person', {
    schema: {
      tags,
      summary: "Correct the member's name, kana or contact details; send the person's version",
      params: MembershipParams,
      body: Type.Object({ version: Type.Integer({ minimum: 1 }), ...Object.fromEntries(Object.entries(PersonInput.properties).map(([k, v]) => [k, Type.Optional(v)])) }, { additionalProperties: false }),
      response: { 200: Person, ...problemResponses },
    },
  }, async (request) => {
    const { version, ...patch } = request.body;
    return updatePerson(ctx, actorOf(request), request.params.membershipId, version, patch);
  });

  app.get('/organizations/:id/member-kinds', {
    schema: {
      tags, summary: 'Kinds of membership: worker, user, and those the organization defined', params: OrgParams,
      response: { 200: Type.Object({ items: Type.Array(MemberKindSchema) }), ...problemResponses },
    },
  }, async (request) => ({ items: await listMemberKinds(ctx, actorOf(request), request.params.id) }));

  app.post('/organizations/:id/member-kinds', {
    schema: {
      tags, summary: 'Define a kind of membership (organization administrator)', params: OrgParams,
      body: Type.Object({
        code: MemberKind, nameJa: Type.String({ minLength: 1, maxLength: 50 }), nameEn: Type.Optional(orNull(Type.String({ maxLength: 50 }))),
        engagedInWork: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 201: MemberKindSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const { code, nameJa, nameEn, engagedInWork } = request.body;
    return reply.status(201).send(await defineMemberKind(ctx, actorOf(request), request.params.id, { code, nameJa, nameEn: nameEn ?? null, engagedInWork: engagedInWork ?? false }));
  });

  app.get('/memberships/:membershipId', {
    schema: {
      tags,
      summary: 'A membership with the person, its whole event history and engagement in the work',
      params: MembershipParams,
      response: {
        200: Type.Object({
          membership: Membership,
          person: Person,
          events: Type.Array(Type.Object({
            seq: Type.Integer(), type: Type.String(), effectiveDate: IsoDate, reason: orNull(Type.String()), recordedAt: Type.String(), recordedBy: orNull(Type.String()),
          })),
          engagements: Type.Array(Engagement),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => getMember(ctx, actorOf(request), request.params.membershipId));

  app.post('/memberships/:membershipId/events', {
    schema: {
      tags,
      summary: 'Record admission, notice of withdrawal, withdrawal, expulsion or death, with its effective date',
      params: MembershipParams,
      body: Type.Object({
        type: enumOf(membershipEventTypes),
        effectiveDate: IsoDate,
        reason: Type.Optional(orNull(Type.String({ maxLength: 1000 }))),
      }, { additionalProperties: false }),
      response: { 201: Membership, ...problemResponses },
    },
  }, async (request, reply) => {
    const event = { type: request.body.type, effectiveDate: request.body.effectiveDate, reason: request.body.reason ?? null };
    return reply.status(201).send(await recordMembershipEvent(ctx, actorOf(request), request.params.membershipId, event));
  });

  app.post('/organizations/:id/engagements', {
    schema: {
      tags,
      summary: "Record a known person's engagement in the work, with labour contract or exemption",
      params: OrgParams,
      body: Type.Object({ personId: Id, engagement: EngagementInput }, { additionalProperties: false }),
      response: { 201: Engagement, ...problemResponses },
    },
  }, async (request, reply) =>
    reply.status(201).send(await recordEngagement(ctx, actorOf(request), request.params.id, request.body.personId, engagementWithNulls(request.body.engagement))));

  app.get('/organizations/:id/workers', {
    schema: {
      tags,
      summary: 'Everyone engaged in the work on a date (default today), members and non-member workers, or non-members only',
      params: OrgParams,
      querystring: Type.Object({ date: Type.Optional(IsoDate), nonMembersOnly: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({
            engagementId: Id, personId: Id, familyName: Type.String(), givenName: Type.String(), familyKana: Type.String(), givenKana: Type.String(),
            site: orNull(Type.String()), startedOn: IsoDate, endedOn: orNull(IsoDate), labourContractFrom: orNull(IsoDate),
            labourContractUntil: orNull(IsoDate), exemption: orNull(Type.String()), member: Type.Boolean(),
            membershipId: orNull(Id),
          })),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => ({
    items: await listWorkers(ctx, actorOf(request), request.params.id, {
      date: request.query.date ?? today(ctx), nonMembersOnly: request.query.nonMembersOnly ?? false,
    }),
  }));

  app.post('/organizations/:id/non-member-workers', {
    schema: {
      tags,
      summary: 'Register a worker who is not a member, with their engagement',
      params: OrgParams,
      body: Type.Object({ person: PersonInput, engagement: EngagementInput }, { additionalProperties: false }),
      response: { 201: Engagement, ...problemResponses },
    },
  }, async (request, reply) =>
    reply.status(201).send(await registerNonMemberWorker(ctx, actorOf(request), request.params.id, withNulls(request.body.person), engagementWithNulls(request.body.engagement))));
};
