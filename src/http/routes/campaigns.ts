import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { addMilestone, createCampaign, deleteMilestone, getCampaign, listCampaigns, updateCampaign } from '../../app/advocacy/campaigns.js';
import { importTargetStatuses } from '../../app/advocacy/target-import.js';
import { addTargetLink, createTarget, deleteTargetLink, getTarget, listTargets, recordStage, updateTarget } from '../../app/advocacy/targets.js';
import { campaignTextLimits, milestoneKinds, stages, targetKinds } from '../../domain/advocacy/campaign.js';
import { actorOf } from '../auth.js';
import { acceptFileBodies, fileBytes } from '../file-body.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, orNull, problemResponses } from '../schemas.js';

const tags = ['campaigns'];
const IsoDate = Type.String({ format: 'date' });
const text = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });

const campaignFields = {
  nameJa: Type.String({ minLength: 1, maxLength: campaignTextLimits.name, description: '労働者協同組合法の制定を求める運動' }),
  nameEn: orNull(text(campaignTextLimits.name)),
  goalJa: Type.String({ minLength: 1, maxLength: campaignTextLimits.goal }),
  goalEn: orNull(text(campaignTextLimits.goal)),
  periodFrom: IsoDate,
  periodUntil: orNull(Type.String({ format: 'date', description: 'null while the campaign runs' })),
};
const campaignOut = {
  id: Id, organizationId: Id, ...campaignFields, nameJa: Type.String(), goalJa: Type.String(), periodFrom: Type.String(), periodUntil: orNull(Type.String()),
  version: Type.Integer(), createdAt: Type.String(), updatedAt: Type.String(),
};
const Campaign = Type.Object(campaignOut);
const Headline = Type.Object({
  adopted: Type.Integer({ description: 'local governments at the adopted stage' }), denominator: Type.Integer({ description: "the campaign's local governments (1,788 for all)" }),
  share: Type.Number({ description: 'adopted / denominator, 0 to 1' }),
});
const byStage = Type.Object(Object.fromEntries(stages.map((s) => [s, Type.Integer()])));
const Progress = Type.Object({
  adopted: Type.Integer(), denominator: Type.Integer(), share: Type.Number(), byStage, otherTargets: byStage,
  byPrefecture: Type.Array(Type.Object({ prefectureCode: Type.String(), adopted: Type.Integer(), total: Type.Integer(), share: Type.Number() })),
});
const milestoneFields = {
  kind: enumOf(milestoneKinds),
  on: IsoDate,
  titleJa: Type.String({ minLength: 1, maxLength: campaignTextLimits.title }),
  titleEn: orNull(text(campaignTextLimits.title)),
  description: orNull(text(campaignTextLimits.note)),
};
const Milestone = Type.Object({ id: Id, ...milestoneFields, on: Type.String(), titleJa: Type.String() });
const CampaignDetail = Type.Object({
  ...campaignOut, progress: Progress, cumulative: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM' }), adopted: Type.Integer() })), milestones: Type.Array(Milestone),
});

const Target = Type.Object({
  id: Id, campaignId: Id, kind: enumOf(targetKinds), localGovernmentCode: orNull(Type.String()), prefectureCode: orNull(Type.String()), nameJa: Type.String(),
  nameEn: orNull(Type.String()), kana: orNull(Type.String()), stage: enumOf(stages), stageOn: orNull(Type.String()), responsibleOrganizationId: orNull(Type.String()),
  responsiblePerson: orNull(Type.String()), notes: orNull(Type.String()), version: Type.Integer(), updatedAt: Type.String(),
});
const Link = Type.Object({ id: Id, title: Type.String(), url: Type.String() });
/** A target's document as listed; downloaded from GET /campaign-documents/{documentId}. */
export const TargetDocument = Type.Object({ id: Id, fileName: Type.String(), contentType: Type.String(), size: Type.Integer({ description: 'bytes' }), uploadedAt: Type.String() });
const TargetDetail = Type.Object({
  ...Target.properties,
  events: Type.Array(Type.Object({ id: Id, stage: enumOf(stages), on: Type.String(), correction: Type.Boolean(), note: orNull(Type.String()), recordedBy: orNull(Type.String()) })),
  links: Type.Array(Link),
  documents: Type.Array(TargetDocument),
});

/** The import's refusal: a problem whose errors name the row (as Excel numbers it) and the column's header. */
const ImportProblem = Type.Object({
  type: Type.String(), title: Type.String(), status: Type.Integer(), code: Type.String(), detail: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({
    field: Type.String(), code: Type.String(), message: Type.String(), row: Type.Optional(Type.Integer()), column: Type.Optional(Type.String()),
  }))),
});

const importDescription = 'The targets\' stages as CSV in the request body (text/csv or application/octet-stream), UTF-8 with or without BOM, or CP932. ' +
  'Columns (Japanese or English headers): 団体コード/code (6 digits, or 5 without the check digit) or 団体名/name (with 都道府県/prefecture where a name is not unique), ' +
  '段階/stage (未接触, 接触済み, 請願・陳情提出, 審議中, 採択（意見書可決）, 不採択, or the codes), 日付/date, optionally 担当者/person, メモ/note and 訂正/correction. ' +
  'A row may move a target several steps forward; a step back or an earlier date is refused unless its 訂正 cell says 訂正 (or yes). ' +
  'An empty 担当者 or メモ cell keeps what is recorded. All rows or none: a file with any problem answers 400 import_rejected with errors {row, column, code, message}; ' +
  'rows that match the campaign already are counted unchanged.';

const CampaignParams = Type.Object({ id: Id });

/** Advocacy campaigns (政策提言・請願運動): campaigns, their targets and each target's stage, milestones, the import of stages. */
export const campaignRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  acceptFileBodies(app);

  app.get('/organizations/:id/campaigns', {
    schema: {
      tags, summary: "An organization's campaigns with their headline (adopted of all local governments)", params: CampaignParams,
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...campaignOut, progress: Headline })) }), ...problemResponses },
    },
  }, async (request) => ({ items: await listCampaigns(ctx, actorOf(request), request.params.id) }));

  app.post('/organizations/:id/campaigns', {
    schema: {
      tags, summary: 'Start a campaign; with includeLocalGovernments every local government with an assembly (1,788) becomes a target', params: CampaignParams,
      body: Type.Object({ ...campaignFields, includeLocalGovernments: Type.Boolean() }, { additionalProperties: false }),
      response: { 201: Campaign, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await createCampaign(ctx, actorOf(request), request.params.id, request.body)));

  app.get('/campaigns/:id', {
    schema: {
      tags, summary: 'A campaign and where it stands: progress by stage and prefecture, cumulative adoptions by month, milestones', params: CampaignParams,
      response: { 200: CampaignDetail, ...problemResponses },
    },
  }, async (request) => getCampaign(ctx, actorOf(request), request.params.id));

  app.put('/campaigns/:id', {
    schema: {
      tags, summary: "Change a campaign's name, goal and period at the version seen", params: CampaignParams,
      body: Type.Object({ ...campaignFields, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      response: { 200: Campaign, ...problemResponses },
    },
  }, async (request) => updateCampaign(ctx, actorOf(request), request.params.id, request.body));

  app.get('/campaigns/:id/targets', {
    schema: {
      tags, summary: "A campaign's targets, filtered, a page at a time", params: CampaignParams,
      querystring: Type.Object({
        prefecture: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: "a prefecture's code: 13" })),
        stage: Type.Optional(enumOf(stages)),
        kind: Type.Optional(enumOf(targetKinds)),
        q: Type.Optional(Type.String({ maxLength: 40, description: 'part of a name or reading (千代田, ちよだ, チヨダ), or the start of a code' })),
        offset: Type.Optional(Type.Integer({ minimum: 0 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Target), total: Type.Integer() }), ...problemResponses },
    },
  }, async (request) => listTargets(ctx, actorOf(request), request.params.id, request.query));

  app.post('/campaigns/:id/targets', {
    schema: {
      tags, summary: 'Add a target that is not a local government: a parliamentary group, a party, a ministry', params: CampaignParams,
      body: Type.Object({
        kind: enumOf(targetKinds.filter((k) => k !== 'local-government')), nameJa: Type.String({ minLength: 1, maxLength: campaignTextLimits.name }), nameEn: orNull(text(campaignTextLimits.name)),
      }, { additionalProperties: false }),
      response: { 201: Target, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await createTarget(ctx, actorOf(request), request.params.id, request.body)));

  app.post('/campaigns/:id/targets/import', {
    schema: {
      tags, summary: "Import targets' stages from CSV, all or nothing", description: importDescription, params: CampaignParams,
      querystring: Type.Object({ encoding: Type.Optional(enumOf(['auto', 'utf-8', 'cp932'] as const)), mode: Type.Optional(enumOf(['all-or-nothing'] as const)) }, { additionalProperties: false }),
      response: { 200: Type.Object({ updated: Type.Integer(), unchanged: Type.Integer() }), ...problemResponses, 400: ImportProblem },
    },
  }, async (request) => importTargetStatuses(ctx, actorOf(request), request.params.id, { bytes: fileBytes(request.body), encoding: request.query.encoding ?? 'auto' }));

  app.post('/campaigns/:id/milestones', {
    schema: {
      tags, summary: "Add a milestone to the campaign's timeline", params: CampaignParams, body: Type.Object(milestoneFields, { additionalProperties: false }),
      response: { 201: Milestone, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await addMilestone(ctx, actorOf(request), request.params.id, request.body)));

  app.delete('/campaigns/:id/milestones/:milestoneId', {
    schema: { tags, summary: 'Remove a milestone', params: Type.Object({ id: Id, milestoneId: Id }), response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await deleteMilestone(ctx, actorOf(request), request.params.id, request.params.milestoneId);
    return reply.status(204).send(null);
  });

  app.get('/targets/:id', {
    schema: { tags, summary: 'A target with its history of stages and its documents and links', params: CampaignParams, response: { 200: TargetDetail, ...problemResponses } },
  }, async (request) => getTarget(ctx, actorOf(request), request.params.id));

  app.post('/targets/:id/stage', {
    schema: {
      tags, summary: "Record a target's new stage: a step forward, or a correction said to be one (a step back, an earlier date)", params: CampaignParams,
      body: Type.Object({
        stage: enumOf(stages), on: IsoDate, note: orNull(text(campaignTextLimits.note)),
        correction: Type.Boolean({ description: 'true for a step back or a date before the current stage\'s' }), version: Type.Integer({ minimum: 1 }),
      }, { additionalProperties: false }),
      response: { 200: Target, ...problemResponses },
    },
  }, async (request) => recordStage(ctx, actorOf(request), request.params.id, request.body));

  app.put('/targets/:id', {
    schema: {
      tags, summary: 'Who is responsible for a target, and its notes, at the version seen', params: CampaignParams,
      body: Type.Object({
        version: Type.Integer({ minimum: 1 }), responsibleOrganizationId: orNull(Id), responsiblePerson: orNull(text(campaignTextLimits.person)), notes: orNull(text(campaignTextLimits.note)),
      }, { additionalProperties: false }),
      response: { 200: Target, ...problemResponses },
    },
  }, async (request) => updateTarget(ctx, actorOf(request), request.params.id, request.body));

  app.post('/targets/:id/links', {
    schema: {
      tags, summary: 'Add a document or link to a target (a web page: http or https)', params: CampaignParams,
      body: Type.Object({
        title: Type.String({ minLength: 1, maxLength: campaignTextLimits.title }),
        url: Type.String({ maxLength: campaignTextLimits.url, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://', description: 'http:// or https:// only' }),
      }, { additionalProperties: false }),
      response: { 201: Link, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await addTargetLink(ctx, actorOf(request), request.params.id, request.body)));

  app.delete('/targets/:id/links/:linkId', {
    schema: { tags, summary: 'Remove a document or link', params: Type.Object({ id: Id, linkId: Id }), response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await deleteTargetLink(ctx, actorOf(request), request.params.id, request.params.linkId);
    return reply.status(204).send(null);
  });
};
