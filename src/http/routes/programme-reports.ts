import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { contractReportCsvFile } from '../../app/programmes/contract-report-csv.js';
import { contractReportPdf } from '../../app/programmes/contract-report-pdf.js';
import { contractReport } from '../../app/programmes/contract-report.js';
import { maxOverviewYears, programmesOverview } from '../../app/programmes/programmes-overview.js';
import { actorOf } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, orNull, problemResponses } from '../schemas.js';

const tags = ['programmes'];
const IsoDate = Type.String({ format: 'date' });
const Int = Type.Integer();
const Cell = Type.Object({
  value: orNull(Type.Number({ description: 'the count (hours to one decimal); null when hidden' })),
  suppressed: Type.Boolean({ description: 'hidden: 1 to 4, or hidden so that such a count cannot be worked out from a total' }),
});
const PeriodQuery = {
  from: Type.Optional(IsoDate),
  until: Type.Optional(IsoDate),
};
const ContractParams = Type.Object({ contractId: Id });
const Language = enumOf(['ja', 'en'] as const);

const ContractReport = Type.Object({
  contract: Type.Object({
    id: Id, organizationId: Id, organizationNameJa: Type.String(), organizationNameEn: orNull(Type.String()), commissionerNameJa: Type.String(),
    commissionerNameEn: orNull(Type.String()), programmeJa: Type.String(), programmeEn: orNull(Type.String()), periodFrom: Type.String(), periodUntil: Type.String(),
  }),
  from: Type.String(),
  until: Type.String(),
  indicators: Type.Array(Type.Object({
    code: Type.String(), nameJa: Type.String(), nameEn: orNull(Type.String()), target: orNull(Int),
    actual: orNull({ ...Cell, description: 'null: counted outside Kyodo' }),
    rate: orNull(Type.Number({ description: 'actual ÷ target (0.75); null without a target or when the actual is hidden' })),
  })),
  byActivityKind: Type.Object({
    rows: Type.Array(Type.Object({ kind: Type.String(), participants: Cell, sessions: Cell, hours: Cell })),
    total: Type.Object({ participants: Cell, sessions: Cell, hours: Cell }, { description: 'participants with any activity (each once), all sessions and hours' }),
  }),
  byOutcomeKind: Type.Object({ rows: Type.Array(Type.Object({ kind: Type.String(), outcomes: Cell })), total: Cell }),
  byAgeBand: Type.Object({ rows: Type.Array(Type.Object({ ageBand: Type.String(), participants: Cell })), total: Cell }),
});

const FiscalYear = Type.Integer({ minimum: 1900, maximum: 2200, description: 'the calendar year the fiscal year (April to March) starts in' });
const Overview = Type.Object({
  fromYear: Int, untilYear: Int, from: Type.String(), until: Type.String(),
  byCommissioner: Type.Object({
    rows: Type.Array(Type.Object({ kind: Type.String(), prefectureCode: orNull(Type.String()), contracts: Int, participants: Cell })),
    total: Type.Object({ contracts: Int, participants: Cell }),
  }),
  byPrefecture: Type.Object({
    rows: Type.Array(Type.Object({ prefectureCode: orNull(Type.String()), contracts: Int, offices: Int, participants: Cell })),
    total: Type.Object({ contracts: Int, offices: Int, participants: Cell }),
  }),
  byFiscalYear: Type.Object({
    outcomeKinds: Type.Array(Type.String()),
    rows: Type.Array(Type.Object({ fiscalYear: Int, participants: Cell, outcomes: Type.Array(Cell), outcomesTotal: Cell })),
    total: Type.Object({ outcomes: Type.Array(Cell), outcomesTotal: Cell }),
  }),
});

/** A download's name: an ASCII fallback, and the real (Japanese) name as RFC 6266 / 5987 give it. */
const attachment = (filename: string, fallback: string) => `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** Reports on commissioned programmes: a contract's for its commissioner (JSON, CSV, PDF) and the federation's overview. */
export const programmeReportRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  app.get('/contracts/:contractId/report', {
    schema: {
      tags, summary: "A contract's figures for a period (the contract's by default): indicators against targets, support, outcomes and age bands; counts of 1 to 4 hidden",
      params: ContractParams, querystring: Type.Object(PeriodQuery, { additionalProperties: false }), response: { 200: ContractReport, ...problemResponses },
    },
  }, async (request) => contractReport(ctx, actorOf(request), request.params.contractId, request.query));

  app.get('/contracts/:contractId/report.csv', {
    schema: {
      tags, summary: "A contract's report as CSV for Excel (UTF-8 with BOM, or CP932), one line per figure, headings in Japanese or English",
      params: ContractParams,
      querystring: Type.Object({ ...PeriodQuery, encoding: Type.Optional(enumOf(['utf-8', 'cp932'] as const)), lang: Type.Optional(Language) }, { additionalProperties: false }),
      response: { 200: Type.String({ description: 'text/csv' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const { encoding = 'utf-8', lang = 'ja', from, until } = request.query;
    const { filename, csv } = await contractReportCsvFile(ctx, actorOf(request), request.params.contractId, { from, until, encoding, locale: lang });
    return reply.type(`text/csv; charset=${encoding === 'cp932' ? 'shift_jis' : 'utf-8'}`)
      .header('content-disposition', attachment(filename, `programme-report-${request.params.contractId}.csv`)).send(Buffer.from(csv.bytes));
  });

  app.get('/contracts/:contractId/report.pdf', {
    schema: {
      tags, summary: "A contract's report as a PDF in Japanese or English, for the commissioner",
      params: ContractParams, querystring: Type.Object({ ...PeriodQuery, lang: Type.Optional(Language) }, { additionalProperties: false }),
      response: { 200: Type.String({ description: 'application/pdf' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const { lang = 'ja', from, until } = request.query;
    const { filename, bytes } = await contractReportPdf(ctx, actorOf(request), request.params.contractId, { from, until, locale: lang });
    return reply.type('application/pdf').header('content-disposition', attachment(filename, `programme-report-${request.params.contractId}.pdf`)).send(Buffer.from(bytes));
  });

  app.get('/reports/programmes', {
    schema: {
      tags, summary: `The federation's programmes over fiscal years (at most ${maxOverviewYears}): by commissioner, by prefecture, by year; counts of 1 to 4 people hidden (federation administrator)`,
      querystring: Type.Object({ fromYear: Type.Optional(FiscalYear), untilYear: Type.Optional(FiscalYear) }, { additionalProperties: false, description: 'both the current fiscal year by default' }),
      response: { 200: Overview, ...problemResponses },
    },
  }, async (request) => programmesOverview(ctx, actorOf(request), request.query));
};
