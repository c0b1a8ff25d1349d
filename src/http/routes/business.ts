import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { addBusinessLine, listBusinessLines } from '../../app/business/business-lines.js';
import { importSiteResults } from '../../app/business/import-site-results.js';
import { listSiteResults, readSiteHistory, recordSiteResult } from '../../app/business/site-results.js';
import { closeSite, createSite, listSites, updateSite } from '../../app/business/sites.js';
import { resultSources } from '../../domain/business/result.js';
import { siteOperations, siteTextLimits } from '../../domain/business/site.js';
import { actorOf } from '../auth.js';
import { acceptFileBodies, fileBytes } from '../file-body.js';
import type { RouteDeps } from '../route-deps.js';
import { BusinessLine, BusinessLineCode, enumOf, Id, orNull, problemResponses } from '../schemas.js';

const tags = ['businesses'];
const IsoDate = Type.String({ format: 'date' });
const OrgParams = Type.Object({ id: Id });
const SiteParams = Type.Object({ siteId: Id });
const Version = Type.Integer({ minimum: 1, description: 'the version the editor saw; a stale one answers 409 version_conflict' });
const FiscalYear = Type.Integer({ minimum: 1900, maximum: 2200, description: 'the calendar year the fiscal year starts in (2026 = 2026年度 = 令和8年度)' });
const Yen = Type.Integer({ minimum: 0, description: 'whole yen' });
const Count = orNull(Type.Integer({ minimum: 0 }));
// Any text: a site names an existing line, which the domain checks (unknown_business_line).
const SiteBusinessLine = Type.String({ minLength: 1, maxLength: 60, description: 'a business line code (GET /business-lines)' });

const siteFields = {
  nameJa: Type.String({ minLength: 1, maxLength: siteTextLimits.name, description: 'the site\'s name; work records match their 現場 column against it' }),
  nameEn: orNull(Type.String({ maxLength: siteTextLimits.name })),
  businessLine: SiteBusinessLine,
  postalCode: orNull(Type.String({ maxLength: 8, description: '123-4567 or 1234567' })),
  prefectureCode: orNull(Type.String({ pattern: '^[0-9]{2}$', description: 'JIS X 0401, 01 (北海道) … 47 (沖縄県)' })),
  address: orNull(Type.String({ maxLength: siteTextLimits.address })),
  openedOn: orNull(IsoDate),
  closedOn: orNull(IsoDate),
  operation: enumOf(siteOperations),
  commissionerName: orNull(Type.String({ maxLength: siteTextLimits.commissioner, description: 'who commissions the work (委託元); required when commissioned' })),
  commissionerCode: orNull(Type.String({ pattern: '^[0-9]{6}$', description: "the commissioner's 6-digit local-government code, when it is one" })),
  capacity: Count,
};
const SiteInput = Type.Object({
  ...siteFields,
  nameEn: Type.Optional(siteFields.nameEn), postalCode: Type.Optional(siteFields.postalCode), prefectureCode: Type.Optional(siteFields.prefectureCode),
  address: Type.Optional(siteFields.address), openedOn: Type.Optional(siteFields.openedOn), closedOn: Type.Optional(siteFields.closedOn),
  commissionerName: Type.Optional(siteFields.commissionerName), commissionerCode: Type.Optional(siteFields.commissionerCode), capacity: Type.Optional(siteFields.capacity),
}, { additionalProperties: false });
const SitePatch = Type.Partial(Type.Object(siteFields, { additionalProperties: false }));
const Site = Type.Object({ id: Id, organizationId: Id, ...siteFields, nameJa: Type.String(), version: Type.Integer(), createdAt: Type.String(), updatedAt: Type.String() });

const Result = Type.Object({
  siteId: Id, fiscalYear: Type.Integer(), turnover: Type.Integer(), expenses: Type.Integer(), surplus: Type.Integer(), peopleServed: Count,
  workersMembers: Count, workersNonMembers: Count, source: enumOf(resultSources), version: Type.Integer(), recordedAt: Type.String(), recordedBy: orNull(Type.String()),
});
const Totals = Type.Object({ sites: Type.Integer(), turnover: Type.Integer(), expenses: Type.Integer(), surplus: Type.Integer(), peopleServed: Type.Integer() });

const resultFileDescription = 'The results as CSV in the request body (text/csv or application/octet-stream), UTF-8 with or without BOM, or CP932. ' +
  'Columns (Japanese or English headers): 事業所/site (the site\'s name), 年度/fiscal_year (2026, 2026年度, FY2026, 令和8年度), 事業高/turnover, 経費/expenses, ' +
  'optionally 剰余/surplus (must equal turnover − expenses), 利用者数/people_served, 組合員従事者数/workers_members, 組合員外従事者数/workers_non_members. ' +
  'All rows or none: a file with any problem answers 422 import_rejected with errors rows.<line>.<field>. A year already recorded for a site is replaced.';

/** Businesses (事業): the federation's business lines, each organization's sites (事業所) and their fiscal-year results. */
export const businessRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  acceptFileBodies(app);

  app.get('/business-lines', {
    schema: { tags, summary: "The federation's business lines: the seed's eight built in, then those the federation added", response: { 200: Type.Object({ items: Type.Array(BusinessLine) }), ...problemResponses } },
  }, async () => ({ items: await listBusinessLines(ctx.db) }));

  app.post('/business-lines', {
    schema: {
      tags, summary: 'Add a business line (federation administrator); codes are permanent',
      body: Type.Object({
        code: BusinessLineCode,
        nameJa: Type.String({ minLength: 1, maxLength: 100 }), nameEn: Type.String({ minLength: 1, maxLength: 100 }),
      }, { additionalProperties: false }),
      response: { 201: BusinessLine, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await addBusinessLine(ctx, actorOf(request), request.body)));

  app.get('/organizations/:id/sites', {
    schema: { tags, summary: "An organization's sites and offices, open ones first", params: OrgParams, response: { 200: Type.Object({ items: Type.Array(Site) }), ...problemResponses } },
  }, async (request) => ({ items: await listSites(ctx, actorOf(request), request.params.id) }));

  app.post('/organizations/:id/sites', {
    schema: {
      tags, summary: 'Add a site: its business line, address, dates, own or commissioned (by whom) and capacity', params: OrgParams, body: SiteInput,
      response: { 201: Site, ...problemResponses },
    },
  }, async (request, reply) => {
    const b = request.body;
    return reply.status(201).send(await createSite(ctx, actorOf(request), request.params.id, {
      ...b, nameEn: b.nameEn ?? null, postalCode: b.postalCode ?? null, prefectureCode: b.prefectureCode ?? null, address: b.address ?? null,
      openedOn: b.openedOn ?? null, closedOn: b.closedOn ?? null, commissionerName: b.commissionerName ?? null, commissionerCode: b.commissionerCode ?? null,
      capacity: b.capacity ?? null,
    }));
  });

  app.patch('/sites/:siteId', {
    schema: { tags, summary: 'Change a site at the version seen', params: SiteParams, body: Type.Object({ ...SitePatch.properties, version: Version }, { additionalProperties: false }), response: { 200: Site, ...problemResponses } },
  }, async (request) => updateSite(ctx, actorOf(request), request.params.siteId, request.body));

  app.post('/sites/:siteId/close', {
    schema: {
      tags, summary: 'Close a site on a date; its record and results stay', params: SiteParams,
      body: Type.Object({ closedOn: IsoDate, version: Version }, { additionalProperties: false }), response: { 200: Site, ...problemResponses },
    },
  }, async (request) => closeSite(ctx, actorOf(request), request.params.siteId, request.body));

  app.get('/sites/:siteId/results', {
    schema: {
      tags, summary: 'A site and its results of every fiscal year recorded, oldest first', params: SiteParams,
      response: { 200: Type.Object({ site: Site, items: Type.Array(Result) }), ...problemResponses },
    },
  }, async (request) => readSiteHistory(ctx, actorOf(request), request.params.siteId));

  app.put('/sites/:siteId/results/:fiscalYear', {
    schema: {
      tags, summary: "Record or correct a site's result for a fiscal year it was open in; the surplus is turnover − expenses",
      params: Type.Object({ siteId: Id, fiscalYear: FiscalYear }),
      body: Type.Object({
        turnover: Yen, expenses: Yen, peopleServed: Type.Optional(Count), workersMembers: Type.Optional(Count), workersNonMembers: Type.Optional(Count),
        version: Type.Optional(Version),
      }, { additionalProperties: false }),
      response: { 200: Result, ...problemResponses },
    },
  }, async (request) => {
    const b = request.body;
    return recordSiteResult(ctx, actorOf(request), request.params.siteId, {
      fiscalYear: request.params.fiscalYear, turnover: b.turnover, expenses: b.expenses, peopleServed: b.peopleServed ?? null,
      workersMembers: b.workersMembers ?? null, workersNonMembers: b.workersNonMembers ?? null, ...(b.version === undefined ? {} : { version: b.version }),
    });
  });

  app.get('/organizations/:id/site-results', {
    schema: {
      tags, summary: "An organization's fiscal year site by site, with the year's totals",
      description: 'Every site open in the year (by the organization\'s fiscal-year start month). Workers by kind come from the work records where the site has ' +
        'any that year — work records name their site by text, matched against the site\'s Japanese name — otherwise from the figures entered.',
      params: OrgParams, querystring: Type.Object({ fiscalYear: FiscalYear }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          fiscalYear: Type.Integer(), period: Type.Object({ from: IsoDate, until: IsoDate }),
          items: Type.Array(Type.Object({
            site: Site, result: orNull(Result),
            workers: Type.Object({ members: Count, nonMembers: Count, source: orNull(enumOf(['work_records', 'entered'] as const)) }),
          })),
          totals: Totals,
        }),
        ...problemResponses,
      },
    },
  }, async (request) => listSiteResults(ctx, actorOf(request), request.params.id, request.query.fiscalYear));

  app.post('/organizations/:id/site-results/import', {
    schema: {
      tags, summary: "Import sites' fiscal-year results from CSV, all or nothing", description: resultFileDescription, params: OrgParams,
      querystring: Type.Object({ encoding: Type.Optional(enumOf(['auto', 'utf-8', 'cp932'] as const)) }, { additionalProperties: false }),
      response: { 200: Type.Object({ batchId: Id, created: Type.Integer(), replaced: Type.Integer(), fiscalYears: Type.Array(Type.Integer()) }), ...problemResponses },
    },
  }, async (request) => importSiteResults(ctx, actorOf(request), request.params.id, { bytes: fileBytes(request.body), encoding: request.query.encoding ?? 'auto' }));
};
