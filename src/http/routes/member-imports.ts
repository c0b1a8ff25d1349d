import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type, { type Static } from 'typebox';
import { exportMembers } from '../../app/members/export-members.js';
import { importMembers, memberImportReport, previewMemberImport, type ImportProgressListener } from '../../app/members/import-members.js';
import { memberFields, type ColumnMapping, type MemberField } from '../../domain/members/csv/index.js';
import { DomainError } from '../../domain/shared/errors.js';
import { today } from '../../app/shared/context.js';
import { actorOf } from '../auth.js';
import { acceptFileBodies, fileBytes } from '../file-body.js';
import { accepts, ndjson, streamProgress } from '../progress-stream.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, orNull, problemResponses } from '../schemas.js';

const tags = ['members'];
const fieldNames = memberFields.map((d) => d.field);
const Params = Type.Object({ id: Id });
const FileQuery = Type.Object({
  encoding: Type.Optional(enumOf(['auto', 'utf-8', 'cp932'] as const)),
  mapping: Type.Optional(Type.String({ maxLength: 4000, description: 'JSON object: column index → field name or null, as confirmed in the preview' })),
}, { additionalProperties: false });
const CsvError = Type.Object({
  line: Type.Integer(), column: Type.String(), field: orNull(Type.String()), code: Type.String(), value: Type.String(),
});
const fileDescription = 'The CSV file as the request body (Content-Type: text/csv or application/octet-stream), UTF-8 with or without BOM, or CP932 (Shift_JIS).';

function parseMapping(raw: string | undefined): ColumnMapping | undefined {
  if (raw === undefined) return undefined;
  const invalid = () => new DomainError('invalid', 'validation_failed', 'mapping must be a JSON object of column index → field', [
    { field: 'mapping', code: 'invalid_format', message: `column index → one of ${fieldNames.join(', ')} or null` },
  ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  const mapping: ColumnMapping = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!/^\d+$/.test(key) || (value !== null && !fieldNames.includes(value as MemberField))) throw invalid();
    mapping[Number(key)] = value as MemberField | null;
  }
  return mapping;
}

const fileOf = (body: unknown, query: Static<typeof FileQuery>) => ({ bytes: fileBytes(body), encoding: query.encoding ?? 'auto', mapping: parseMapping(query.mapping) });

/** Member import (preview, import, error reports) and export. CSV bodies up to 50 MB (about 300,000 rows). */
export const memberImportRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  acceptFileBodies(app);

  app.post('/organizations/:id/member-imports/preview', {
    schema: {
      tags, summary: 'Read a member CSV and show its mapping, first rows and every problem; writes nothing', description: fileDescription,
      params: Params, querystring: FileQuery,
      response: {
        200: Type.Object({
          encoding: enumOf(['utf-8', 'cp932'] as const), headers: Type.Array(Type.String()),
          mapping: Type.Record(Type.String(), orNull(Type.String())), rowCount: Type.Integer(), validRows: Type.Integer(), alreadyRegistered: Type.Integer(),
          sample: Type.Array(Type.Object({ line: Type.Integer(), row: Type.Record(Type.String(), Type.Unknown()) })),
          errors: Type.Array(CsvError),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => previewMemberImport(ctx, actorOf(request), request.params.id, fileOf(request.body, request.query)));

  app.post('/organizations/:id/member-imports', {
    schema: {
      tags, summary: 'Import members from CSV in one transaction',
      description: `${fileDescription} all-or-nothing (default) refuses a file with any bad row; good-rows imports the rest. ` +
        `With Accept: ${ndjson}, once the file is checked the answer is a stream of JSON lines: {"progress":{"written":n,"total":m}} ` +
        'as rows are written, then {"result":…} (as the JSON answer) or {"error":…} (a problem). A file refused before writing is answered as usual.',
      params: Params,
      querystring: Type.Object({ ...FileQuery.properties, mode: Type.Optional(enumOf(['all-or-nothing', 'good-rows'] as const)) }, { additionalProperties: false }),
      response: {
        200: Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), rejected: Type.Integer(), errors: Type.Array(CsvError) }),
        ...problemResponses,
      },
    },
  }, async (request, reply) => {
    const { mode, ...query } = request.query;
    const run = (onProgress?: ImportProgressListener) =>
      importMembers(ctx, actorOf(request), request.params.id, fileOf(request.body, query), mode ?? 'all-or-nothing', { onProgress });
    if (!accepts(request, ndjson)) return run();
    return streamProgress(request, reply, run);
  });

  app.post('/organizations/:id/member-imports/report', {
    schema: {
      tags, summary: 'A CSV to download: the problems of a file (errors) or its refused rows with what to fix (rejected)', description: fileDescription,
      params: Params,
      querystring: Type.Object({
        ...FileQuery.properties,
        report: enumOf(['errors', 'rejected'] as const),
        locale: Type.Optional(enumOf(['ja', 'en'] as const)),
        output: Type.Optional(enumOf(['utf-8', 'cp932'] as const)),
      }, { additionalProperties: false }),
      response: { 200: Type.String({ description: 'text/csv' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const { report, locale, output, ...query } = request.query;
    const csv = await memberImportReport(ctx, actorOf(request), request.params.id, fileOf(request.body, query), report, { encoding: output, locale: locale ?? 'ja' });
    return reply
      .type(`text/csv; charset=${csv.encoding === 'cp932' ? 'shift_jis' : 'utf-8'}`)
      .header('content-disposition', `attachment; filename="${report === 'errors' ? 'import-errors' : 'rejected-rows'}.csv"`)
      .send(Buffer.from(csv.bytes));
  });

  app.get('/organizations/:id/members/export', {
    schema: {
      tags, summary: 'The current members as CSV for Excel (UTF-8 with BOM, or CP932); re-imports unchanged',
      params: Params,
      querystring: Type.Object({
        encoding: Type.Optional(enumOf(['utf-8', 'cp932'] as const)),
        locale: Type.Optional(enumOf(['ja', 'en'] as const)),
        date: Type.Optional(Type.String({ format: 'date' })),
      }, { additionalProperties: false }),
      response: { 200: Type.String({ description: 'text/csv' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const encoding = request.query.encoding ?? 'utf-8';
    const csv = await exportMembers(ctx, actorOf(request), request.params.id, {
      encoding, locale: request.query.locale ?? 'ja', date: request.query.date ?? today(ctx),
    });
    if (csv.unencodable.length > 0) reply.header('x-kyodo-unencodable-characters', String(csv.unencodable.length));
    return reply
      .type(`text/csv; charset=${encoding === 'cp932' ? 'shift_jis' : 'utf-8'}`)
      .header('content-disposition', 'attachment; filename="members.csv"')
      .send(Buffer.from(csv.bytes));
  });
};
