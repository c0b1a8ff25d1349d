import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { campaignReportCsvFile } from '../../app/advocacy/campaign-report-csv.js';
import { campaignReportPdf } from '../../app/advocacy/campaign-report-pdf.js';
import { actorOf } from '../auth.js';
import type { RouteDeps } from '../route-deps.js';
import { enumOf, Id, problemResponses } from '../schemas.js';

const tags = ['campaigns'];
const CampaignParams = Type.Object({ id: Id });
const Language = enumOf(['ja', 'en'] as const);

/** A download's name: an ASCII fallback, and the real (Japanese) name as RFC 6266 / 5987 give it. */
const attachment = (filename: string, fallback: string) => `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** A campaign's exportable reports: its targets as CSV for Excel, and its progress as a PDF. */
export const campaignReportRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  app.get('/campaigns/:id/report.csv', {
    schema: {
      tags, summary: "A campaign's report as CSV for Excel (UTF-8 with BOM, or CP932): the headline and the counts by stage, then one line per target",
      params: CampaignParams,
      querystring: Type.Object({ encoding: Type.Optional(enumOf(['utf-8', 'cp932'] as const)), lang: Type.Optional(Language) }, { additionalProperties: false }),
      response: { 200: Type.String({ description: 'text/csv' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const { encoding = 'utf-8', lang = 'ja' } = request.query;
    const { filename, csv } = await campaignReportCsvFile(ctx, actorOf(request), request.params.id, { encoding, locale: lang });
    return reply.type(`text/csv; charset=${encoding === 'cp932' ? 'shift_jis' : 'utf-8'}`)
      .header('content-disposition', attachment(filename, `campaign-report-${request.params.id}.csv`)).send(Buffer.from(csv.bytes));
  });

  app.get('/campaigns/:id/report.pdf', {
    schema: {
      tags, summary: "A campaign's report as a PDF in Japanese or English: the headline, the stages, the cumulative adoptions, the prefectures and the milestones",
      params: CampaignParams, querystring: Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false }),
      response: { 200: Type.String({ description: 'application/pdf' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const { lang = 'ja' } = request.query;
    const { filename, bytes } = await campaignReportPdf(ctx, actorOf(request), request.params.id, { locale: lang });
    return reply.type('application/pdf').header('content-disposition', attachment(filename, `campaign-report-${request.params.id}.pdf`)).send(Buffer.from(bytes));
  });
};
