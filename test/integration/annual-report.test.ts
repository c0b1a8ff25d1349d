import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { readDashboard } from '../../src/app/reporting/dashboard.js';
import { setSdgTags } from '../../src/app/reporting/sdg.js';
import type { Actor } from '../../src/domain/access/policy.js';
import { dialects } from '../support/databases.js';
import { pdfText, popplerAvailable, squeezed } from '../support/poppler.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const federationAdmin: Actor = { userId: 'test', email: 'test@kyodo.example', role: 'federation-admin', organizationId: null };
const canRead = popplerAvailable('the annual report through the API');

/** The annual report through the API: a PDF, or JSON lines of progress ending with it; the demo's figures in its text. */
describe.each(dialects)('the annual report (%s)', (dialect) => {
  let t: TestApp;
  let admin: string;
  let orgAdmin: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await loadDemo(t.ctx, 'demo password 1234');
    const users = await t.ctx.db.selectFrom('users').select(['id', 'organization_id', 'role']).execute();
    const by = (role: string) => users.find((u) => u.role === role)!;
    admin = await t.bearer({ id: by('federation-admin').id, organizationId: null });
    orgAdmin = await t.bearer({ id: by('org-admin').id, organizationId: by('org-admin').organization_id });
    await setSdgTags(t.ctx, federationAdmin, 'business-line', 'agriculture-biodiesel', ['7.2', '13']);
  }, 120_000);
  afterAll(() => t.close());

  const post = (authorization: string, body: unknown, accept?: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/federation/annual-report', headers: { authorization, ...(accept ? { accept } : {}) }, payload: body as object });

  it('streams its progress step by step, then the PDF, whose text has the year\'s headline figures in Japanese', async () => {
    const response = await post(admin, { fiscalYear: 2024, language: 'ja' }, 'application/x-ndjson');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = response.body.trim().split('\n').map((line) => JSON.parse(line) as { progress?: { written: number; total: number }; result?: { filename: string; pdf: string } });
    const progress = lines.filter((l) => l.progress).map((l) => l.progress!);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.map((p) => p.written)).toEqual([...progress.map((p) => p.written)].sort((a, b) => a - b));
    expect(progress.at(-1)!.written).toBe(progress.at(-1)!.total);
    const result = lines.at(-1)!.result!;
    expect(result.filename).toBe('annual-report-2024-ja.pdf');
    const pdf = Buffer.from(result.pdf, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (!canRead) return;
    const text = squeezed(pdfText(pdf));
    const dashboard = await readDashboard(t.ctx, federationAdmin, { kind: 'federation' }, 2024);
    expect(text).toContain('2024年度（令和6年度）');
    expect(text).toContain('年次報告書');
    expect(text).toContain(dashboard.headline.workerMembers.toLocaleString('ja-JP'));
    expect(text).toContain('農林業・バイオディーゼル燃料');
    expect(text).toContain('エネルギーをみんなに');
    expect(text).not.toContain('AnnualReport');
  }, 120_000);

  it('answers the PDF itself to a plain request, in English when asked', async () => {
    const response = await post(admin, { fiscalYear: 2024, language: 'en' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="annual-report-2024-en.pdf"');
    if (!canRead) return;
    const text = squeezed(pdfText(response.rawPayload));
    expect(text).toContain('AnnualReportFY2024');
    expect(text).toContain('Agriculture,forestryandbiodiesel');
    expect(text).not.toContain('年次報告書');
  }, 120_000);

  it('refuses anyone but the federation administrator with a problem, not a stream', async () => {
    const response = await post(orgAdmin, { fiscalYear: 2024, language: 'ja' }, 'application/x-ndjson');
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'forbidden' });
    const bad = await post(admin, { fiscalYear: 2024, language: 'fr' });
    expect(bad.statusCode).toBe(400);
  });
});
