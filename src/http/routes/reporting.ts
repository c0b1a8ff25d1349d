import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { makeAnnualReport, type ReportProgress } from '../../app/reporting/annual-report.js';
import { readDashboard } from '../../app/reporting/dashboard.js';
import { deleteFxRate, listFxRates, setFxRate } from '../../app/reporting/fx-rates.js';
import { listSdgTags, readSdgView, setSdgTags } from '../../app/reporting/sdg.js';
import { maxSdgCodes, sdgSubjectTypes } from '../../domain/sdg/tags.js';
import { sdgGoals } from '../../domain/sdg/catalogue.js';
import { canReportForFederation } from '../../domain/access/policy.js';
import { forbidden } from '../../domain/shared/errors.js';
import { actorOf } from '../auth.js';
import { accepts, ndjson, streamProgress } from '../progress-stream.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, orNull, problemResponses } from '../schemas.js';

const tags = ['reporting'];
const FiscalYear = Type.Integer({ minimum: 1900, maximum: 2200, description: 'the calendar year the fiscal year starts in (2016 = 2016年度 = 平成28年度)' });
const YearQuery = Type.Object({ fiscalYear: Type.Optional(FiscalYear) }, { additionalProperties: false });
const OrgParams = Type.Object({ id: Id });
const Int = Type.Integer();

const YearFigures = Type.Object({
  fiscalYear: Int, organizations: Int, workerMembers: Int, userMembers: Int, otherMembers: Int, sites: Int, turnover: Int, expenses: Int, surplus: Int,
  peopleServed: Int, workers: Int, sitesReporting: Type.Integer({ description: 'sites with results for the year: how complete the sums are' }),
});
const FxRate = Type.Object({
  fiscalYear: Int, yenPerUsd: Type.Number({ description: 'yen per US dollar, to two decimals' }), source: orNull(Type.String()),
});
const Dashboard = Type.Object({
  scope: Type.Object({ kind: Type.Union([Type.Literal('federation'), Type.Literal('organization')]), id: Id, nameJa: Type.String(), nameEn: orNull(Type.String()) }),
  fiscalYear: Int,
  years: Type.Array(Int),
  headline: YearFigures,
  previous: orNull(YearFigures),
  trend: Type.Array(YearFigures),
  byBusinessLine: Type.Array(Type.Object({
    code: Type.String(), nameJa: Type.String(), nameEn: Type.String(), builtIn: Type.Boolean(), sites: Int, turnover: Int, surplus: Int, peopleServed: Int, workers: Int,
  })),
  byPrefecture: Type.Array(Type.Object({ prefectureCode: Type.String(), organizations: Int, sites: Int, turnover: Int, peopleServed: Int })),
  organizations: Type.Array(Type.Object({
    id: Id, code: Type.String(), nameJa: Type.String(), nameEn: orNull(Type.String()), prefectureCode: orNull(Type.String()), workerMembers: Int, userMembers: Int,
    otherMembers: Int, sites: Int, turnover: Int, surplus: Int,
  })),
  sites: Type.Array(Type.Object({
    id: Id, nameJa: Type.String(), nameEn: orNull(Type.String()), businessLine: Type.String(), prefectureCode: orNull(Type.String()), operation: Type.String(),
    commissionerName: orNull(Type.String()), turnover: orNull(Int), surplus: orNull(Int), peopleServed: orNull(Int), workers: orNull(Int),
  })),
  fxRates: Type.Array(FxRate),
});

const SdgGoal = Type.Object({
  goal: Int, nameJa: Type.String(), nameEn: Type.String(), titleJa: Type.String(), titleEn: Type.String(), color: Type.String(),
  targets: Type.Array(Type.Object({ code: Type.String(), goal: Int, textEn: Type.String(), textJa: orNull(Type.String()) })),
});
const SdgTag = Type.Object({ subjectType: enumOf(sdgSubjectTypes), subjectId: Type.String(), code: Type.String() });
const SdgCodes = Type.Object({
  codes: Type.Array(Type.String({ maxLength: 8 }), { maxItems: maxSdgCodes, description: "goals ('8') and targets ('8.5', '8.b'); the list replaces the subject's tags" }),
}, { additionalProperties: false });
const SdgView = Type.Object({
  scope: Dashboard.properties.scope,
  fiscalYear: Int,
  goals: Type.Array(Type.Object({
    goal: Int, codes: Type.Array(Type.String()),
    businessLines: Type.Array(Type.Object({ code: Type.String(), nameJa: Type.String(), nameEn: Type.String() })),
    sites: Type.Array(Type.Object({ id: Id, organizationId: Id, nameJa: Type.String(), nameEn: orNull(Type.String()), direct: Type.Boolean() })),
    programmes: Type.Array(Type.Object({
      id: Id, organizationId: Id, programmeJa: Type.String(), programmeEn: orNull(Type.String()), periodFrom: Type.String(), periodUntil: Type.String(), intakes: Int,
    })),
    turnover: Int, peopleServed: Int, workers: Int,
  })),
});

/** Reporting: the federation's and each organization's dashboard, and the exchange rates of the USD view. */
export const reportingRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  app.get('/federation/dashboard', {
    schema: {
      tags, summary: "The federation's dashboard for a fiscal year (the latest with results by default): headline figures, trend, business lines, prefectures, organizations",
      querystring: YearQuery, response: { 200: Dashboard, ...problemResponses },
    },
  }, async (request) => readDashboard(ctx, actorOf(request), { kind: 'federation' }, request.query.fiscalYear));

  app.get('/organizations/:id/dashboard', {
    schema: {
      tags, summary: "An organization's dashboard for a fiscal year: the federation's figures for it alone, with its sites",
      params: OrgParams, querystring: YearQuery, response: { 200: Dashboard, ...problemResponses },
    },
  }, async (request) => readDashboard(ctx, actorOf(request), { kind: 'organization', id: request.params.id }, request.query.fiscalYear));

  app.get('/fx-rates', {
    schema: { tags, summary: 'The yen-per-dollar rate of each fiscal year, for the USD view (federation administrator)', response: { 200: Type.Object({ items: Type.Array(FxRate) }), ...problemResponses } },
  }, async (request) => {
    if (!canReportForFederation(actorOf(request))) throw forbidden();
    return { items: await listFxRates(ctx.db) };
  });

  app.put('/fx-rates/:fiscalYear', {
    schema: {
      tags, summary: "Record or correct a fiscal year's rate (federation administrator)",
      params: Type.Object({ fiscalYear: FiscalYear }),
      body: Type.Object({
        yenPerUsd: Type.Number({ exclusiveMinimum: 0, description: 'yen per US dollar, at most two decimals (108.79)' }),
        source: Type.Optional(orNull(Type.String({ maxLength: 200, description: 'where the rate comes from, e.g. the year\'s average TTM' }))),
      }, { additionalProperties: false }),
      response: { 200: FxRate, ...problemResponses },
    },
  }, async (request) => setFxRate(ctx, actorOf(request), request.params.fiscalYear, { yenPerUsd: request.body.yenPerUsd, source: request.body.source ?? null }));

  app.delete('/fx-rates/:fiscalYear', {
    schema: { tags, summary: "Remove a fiscal year's rate (federation administrator)", params: Type.Object({ fiscalYear: FiscalYear }), response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await deleteFxRate(ctx, actorOf(request), request.params.fiscalYear);
    return reply.status(204).send(null);
  });

  app.get('/sdg/catalogue', {
    schema: { tags, summary: 'The 17 SDG goals and their 169 targets, in Japanese (外務省仮訳) and English (A/RES/70/1)', response: { 200: Type.Object({ goals: Type.Array(SdgGoal) }), ...problemResponses } },
  }, async () => ({ goals: sdgGoals }));

  app.get('/sdg/tags', {
    schema: {
      tags, summary: "The SDG goals and targets of the business lines, and of the sites of the organizations the caller keeps (or of one organization's)",
      querystring: Type.Object({ organizationId: Type.Optional(Id) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(SdgTag) }), ...problemResponses },
    },
  }, async (request) => ({ items: await listSdgTags(ctx, actorOf(request), request.query.organizationId) }));

  app.put('/business-lines/:code/sdg', {
    schema: {
      tags, summary: 'Set the SDG goals and targets a business line serves (federation administrator)', params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }),
      body: SdgCodes, response: { 200: Type.Object({ items: Type.Array(SdgTag) }), ...problemResponses },
    },
  }, async (request) => ({ items: await setSdgTags(ctx, actorOf(request), 'business-line', request.params.code, request.body.codes) }));

  app.put('/sites/:siteId/sdg', {
    schema: {
      tags, summary: 'Set the SDG goals and targets a site serves (its organization\'s staff)', params: Type.Object({ siteId: Id }),
      body: SdgCodes, response: { 200: Type.Object({ items: Type.Array(SdgTag) }), ...problemResponses },
    },
  }, async (request) => ({ items: await setSdgTags(ctx, actorOf(request), 'site', request.params.siteId, request.body.codes) }));

  app.put('/contracts/:contractId/sdg', {
    schema: {
      tags, summary: 'Set the SDG goals and targets a commissioned programme serves (its organization\'s staff)', params: Type.Object({ contractId: Id }),
      body: SdgCodes, response: { 200: Type.Object({ items: Type.Array(SdgTag) }), ...problemResponses },
    },
  }, async (request) => ({ items: await setSdgTags(ctx, actorOf(request), 'programme', request.params.contractId, request.body.codes) }));

  app.get('/federation/sdg', {
    schema: { tags, summary: 'What each SDG goal is served by across the federation, with the year\'s figures of the sites serving it', querystring: YearQuery, response: { 200: SdgView, ...problemResponses } },
  }, async (request) => readSdgView(ctx, actorOf(request), { kind: 'federation' }, request.query.fiscalYear));

  app.get('/organizations/:id/sdg', {
    schema: { tags, summary: 'What each SDG goal is served by in one organization, with the year\'s figures', params: OrgParams, querystring: YearQuery, response: { 200: SdgView, ...problemResponses } },
  }, async (request) => readSdgView(ctx, actorOf(request), { kind: 'organization', id: request.params.id }, request.query.fiscalYear));

  app.post('/federation/annual-report', {
    schema: {
      tags, summary: "The federation's annual report for a fiscal year as a PDF, in Japanese or English (federation administrator)",
      description: `The PDF itself (application/pdf); with Accept: ${ndjson}, a stream of JSON lines {"progress":{"written":n,"total":m}} as the figures ` +
        'are read and each part of the document is made, then {"result":{"filename":…,"pdf":"<base64>"}} or {"error":…} (a problem).',
      body: Type.Object({ fiscalYear: Type.Optional(FiscalYear), language: enumOf(['ja', 'en'] as const) }, { additionalProperties: false }),
      response: { 200: Type.String({ description: 'application/pdf, or JSON lines with Accept: application/x-ndjson' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const make = (onProgress?: ReportProgress) => makeAnnualReport(ctx, actorOf(request), request.body, onProgress);
    if (accepts(request, ndjson)) {
      return streamProgress(request, reply, async (onProgress) => {
        const report = await make(onProgress);
        return { filename: report.filename, pdf: Buffer.from(report.bytes).toString('base64') };
      });
    }
    const report = await make();
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${report.filename}"`).send(Buffer.from(report.bytes));
  });
};
