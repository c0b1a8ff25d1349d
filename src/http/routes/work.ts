import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type, { type Static } from 'typebox';
import { approveWork, closeWorkPeriod } from '../../app/work/approve-work.js';
import type { ImportProgressListener } from '../../app/members/import-members.js';
import { importWork, previewWorkImport, workImportReport } from '../../app/work/import-work.js';
import { listWorkPeriods, listWorkRecords } from '../../app/work/list-work-records.js';
import { deleteWorkRecord, recordWork, unapproveWorkRecord, updateWorkRecord } from '../../app/work/record-work.js';
import { workCsvFields } from '../../domain/work/work-csv.js';
import { minutesPerDay, workRecordSources, workRecordStatuses, workTextLimits } from '../../domain/work/work-record.js';
import { actorOf } from '../auth.js';
import { acceptFileBodies, fileBytes } from '../file-body.js';
import { accepts, ndjson, streamProgress } from '../progress-stream.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, orNull, problemResponses } from '../schemas.js';

const tags = ['work'];
const IsoDate = Type.String({ format: 'date' });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'a calendar month, YYYY-MM' });
const OrgParams = Type.Object({ id: Id });
const RecordParams = Type.Object({ recordId: Id });
const Version = Type.Integer({ minimum: 1, description: 'the version the editor saw; a stale one answers 409 version_conflict' });
const Minutes = Type.Integer({ minimum: 1, maximum: minutesPerDay, description: 'whole minutes worked (7.5 hours = 450)' });
const Site = Type.String({ maxLength: workTextLimits.site, description: "the site (現場・事業所); '' for none" });
const BusinessLine = Type.String({ maxLength: workTextLimits.businessLine, description: "one of the organization's business lines (when it declares any); '' for none" });
const Role = Type.String({ maxLength: workTextLimits.role, description: "the role worked in, for weighted hours (the bylaws' role weights); '' for none" });
const Note = orNull(Type.String({ maxLength: workTextLimits.note }));

const WorkRecord = Type.Object({
  id: Id, organizationId: Id, personId: Id, familyName: Type.String(), givenName: Type.String(), memberNumber: orNull(Type.String()),
  date: IsoDate, site: Type.String(), businessLine: Type.String(), role: Type.String(), minutes: Type.Integer(),
  status: enumOf(workRecordStatuses), source: enumOf(workRecordSources), importBatchId: orNull(Type.String()), note: orNull(Type.String()),
  approvedAt: orNull(Type.String()), approvedBy: orNull(Type.String()), periodClosed: Type.Boolean(),
  version: Type.Integer(), createdAt: Type.String(), updatedAt: Type.String(), recordedBy: orNull(Type.String()),
});
const Totals = Type.Object({ records: Type.Integer(), minutes: Type.Integer(), days: Type.Integer(), people: Type.Integer(), entered: Type.Integer() });
const PeriodClose = Type.Object({ period: Month, records: Type.Integer(), minutes: Type.Integer(), people: Type.Integer(), closedAt: Type.String(), closedBy: orNull(Type.String()) });

const FileQuery = Type.Object({
  encoding: Type.Optional(enumOf(['auto', 'utf-8', 'cp932'] as const)),
  existing: Type.Optional(enumOf(['refuse', 'replace'] as const)),
}, { additionalProperties: false });
const fileDescription = 'The time clock\'s CSV as the request body (Content-Type: text/csv or application/octet-stream), UTF-8 with or without BOM, or CP932 (Shift_JIS). ' +
  'Columns (Japanese or English headers): 組合員番号/member_number or 個人ID/person_id, 日付/date, 時間/hours (7.5 or 7:30) and/or 分/minutes, ' +
  '現場/site, 事業/business_line, 役割/role, 備考/note. existing=refuse (default) refuses a row already recorded for the same person, day, site and ' +
  'business line; existing=replace replaces an entered (not approved) record.';
const CsvError = Type.Object({
  line: Type.Integer(), column: Type.String(), field: orNull(enumOf(workCsvFields)), code: Type.String(), value: Type.String(), firstLine: Type.Optional(Type.Integer()),
});
const fileOf = (body: unknown, query: Static<typeof FileQuery>) => ({ bytes: fileBytes(body), encoding: query.encoding ?? 'auto', existing: query.existing ?? 'refuse' });

/** Work records (就労記録): entry, correction, approval, the month's close, and the time-clock import. */
export const workRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  acceptFileBodies(app);

  app.get('/organizations/:id/work-records', {
    schema: {
      tags, summary: "A period's work records, newest day first, a page at a time, with the totals of all the filters select", params: OrgParams,
      querystring: Type.Object({
        from: IsoDate, until: IsoDate, personId: Type.Optional(Id), site: Type.Optional(Site), businessLine: Type.Optional(BusinessLine),
        status: Type.Optional(enumOf(workRecordStatuses)),
        page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(WorkRecord), totals: Totals }), ...problemResponses },
    },
  }, async (request) => {
    const { page, pageSize, ...filters } = request.query;
    return listWorkRecords(ctx, actorOf(request), request.params.id, { ...filters, page: page ?? 1, pageSize: pageSize ?? 50 });
  });

  app.post('/organizations/:id/work-records', {
    schema: {
      tags, summary: "Record a person's work on one day: one entry per site and business line, all or none",
      description: 'The person is a member, or a worker engaged in the work, on that day; the month is open; the day stays within 24 hours with what is recorded already.',
      params: OrgParams,
      body: Type.Object({
        personId: Id, date: IsoDate,
        entries: Type.Array(Type.Object({
          site: Type.Optional(Site), businessLine: Type.Optional(BusinessLine), role: Type.Optional(Role), minutes: Minutes, note: Type.Optional(Note),
        }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ items: Type.Array(WorkRecord) }), ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send({ items: await recordWork(ctx, actorOf(request), request.params.id, request.body) }));

  app.patch('/work-records/:recordId', {
    schema: {
      tags, summary: 'Correct an entered record; an approved one must be un-approved first, a closed month\'s never changes', params: RecordParams,
      body: Type.Object({
        version: Version, date: Type.Optional(IsoDate), site: Type.Optional(Site), businessLine: Type.Optional(BusinessLine), role: Type.Optional(Role),
        minutes: Type.Optional(Minutes), note: Type.Optional(Note),
      }, { additionalProperties: false }),
      response: { 200: WorkRecord, ...problemResponses },
    },
  }, async (request) => updateWorkRecord(ctx, actorOf(request), request.params.recordId, request.body));

  app.delete('/work-records/:recordId', {
    schema: {
      tags, summary: 'Delete an entered record entered by mistake', params: RecordParams,
      querystring: Type.Object({ version: Version }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...problemResponses },
    },
  }, async (request, reply) => {
    await deleteWorkRecord(ctx, actorOf(request), request.params.recordId, request.query.version);
    return reply.status(204).send(null);
  });

  app.post('/work-records/:recordId/unapprove', {
    schema: {
      tags, summary: 'Take back the approval of a record so it can be corrected (coordinator; never in a closed month)', params: RecordParams,
      body: Type.Object({ version: Version }, { additionalProperties: false }),
      response: { 200: WorkRecord, ...problemResponses },
    },
  }, async (request) => unapproveWorkRecord(ctx, actorOf(request), request.params.recordId, request.body.version));

  app.post('/organizations/:id/work-records/approve', {
    schema: {
      tags, summary: 'Approve entered work (coordinator): chosen records, or every entered record of a period (optionally one person\'s)', params: OrgParams,
      body: Type.Union([
        Type.Object({ ids: Type.Array(Id, { minItems: 1, maxItems: 10_000 }) }, { additionalProperties: false }),
        Type.Object({ from: IsoDate, until: IsoDate, personId: Type.Optional(Id) }, { additionalProperties: false }),
      ]),
      response: { 200: Type.Object({ approved: Type.Integer() }), ...problemResponses },
    },
  }, async (request) => approveWork(ctx, actorOf(request), request.params.id, request.body));

  app.get('/organizations/:id/work-periods', {
    schema: {
      tags, summary: 'Month by month: records, minutes, how many still to approve, and the close', params: OrgParams,
      querystring: Type.Object({ from: Month, until: Month }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({
            period: Month, records: Type.Integer(), minutes: Type.Integer(), entered: Type.Integer(),
            closed: orNull(Type.Object({ at: Type.String(), by: orNull(Type.String()), records: Type.Integer(), minutes: Type.Integer() })),
          })),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => ({ items: await listWorkPeriods(ctx, actorOf(request), request.params.id, request.query) }));

  app.post('/organizations/:id/work-periods/:period/close', {
    schema: {
      tags, summary: 'Close a month that has ended and whose work is all approved (coordinator). Closing is final: there is no reopening',
      description: 'Refused with unapproved_work (and the count) while records of the month are not approved. Afterwards nothing in the month changes.',
      params: Type.Object({ id: Id, period: Month }),
      response: { 201: PeriodClose, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await closeWorkPeriod(ctx, actorOf(request), request.params.id, request.params.period)));

  app.post('/organizations/:id/work-imports/preview', {
    schema: {
      tags, summary: 'Read a time-clock CSV: its columns, what it adds up to, its first rows and every problem; writes nothing (the dry run)',
      description: fileDescription, params: OrgParams, querystring: FileQuery,
      response: {
        200: Type.Object({
          encoding: enumOf(['utf-8', 'cp932'] as const), headers: Type.Array(Type.String()),
          columns: Type.Record(Type.String(), orNull(Type.String()), { description: 'field → the header of the column read for it, or null' }),
          rowCount: Type.Integer(), validRows: Type.Integer(), replacing: Type.Integer(),
          totals: Type.Object({ minutes: Type.Integer(), people: Type.Integer(), days: Type.Integer(), from: orNull(IsoDate), until: orNull(IsoDate) }),
          sample: Type.Array(Type.Object({
            line: Type.Integer(), memberNumber: Type.String(), personId: Type.String(), date: IsoDate, minutes: Type.Integer(), site: Type.String(),
            businessLine: Type.String(), role: Type.String(), note: orNull(Type.String()), replaces: Type.Boolean(),
          })),
          errors: Type.Array(CsvError),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => previewWorkImport(ctx, actorOf(request), request.params.id, fileOf(request.body, request.query)));

  app.post('/organizations/:id/work-imports', {
    schema: {
      tags, summary: 'Import a time-clock CSV in one transaction, all or nothing; the records come in entered, to approve',
      description: `${fileDescription} A file with any problem is refused whole (422 import_rejected, errors rows.<line>.<field>) and nothing is written. ` +
        `With Accept: ${ndjson}, once the file is checked the answer is a stream of JSON lines: {"progress":{"written":n,"total":m}} as records are ` +
        'written, then {"result":…} (as the JSON answer) or {"error":…} (a problem). A file refused before writing is answered as usual.',
      params: OrgParams, querystring: FileQuery,
      response: {
        200: Type.Object({
          batchId: Id, created: Type.Integer(), replaced: Type.Integer(), minutes: Type.Integer(), people: Type.Integer(), days: Type.Integer(),
          from: orNull(IsoDate), until: orNull(IsoDate),
        }),
        ...problemResponses,
      },
    },
  }, async (request, reply) => {
    const run = (onProgress?: ImportProgressListener) => importWork(ctx, actorOf(request), request.params.id, fileOf(request.body, request.query), { onProgress });
    if (!accepts(request, ndjson)) return run();
    return streamProgress(request, reply, run);
  });

  app.post('/organizations/:id/work-imports/report', {
    schema: {
      tags, summary: 'The problems of a time-clock CSV as a CSV to download: row, column, reason, value', description: fileDescription, params: OrgParams,
      querystring: Type.Object({
        ...FileQuery.properties, locale: Type.Optional(enumOf(['ja', 'en'] as const)), output: Type.Optional(enumOf(['utf-8', 'cp932'] as const)),
      }, { additionalProperties: false }),
      response: { 200: Type.String({ description: 'text/csv' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const { locale, output, ...query } = request.query;
    const csv = await workImportReport(ctx, actorOf(request), request.params.id, fileOf(request.body, query), { encoding: output, locale: locale ?? 'ja' });
    return reply
      .type(`text/csv; charset=${csv.encoding === 'cp932' ? 'shift_jis' : 'utf-8'}`)
      .header('content-disposition', 'attachment; filename="work-import-errors.csv"')
      .send(Buffer.from(csv.bytes));
  });
};
