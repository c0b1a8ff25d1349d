import { createRequire } from 'node:module';
import PdfPrinter from 'pdfmake';
import QRCode from 'qrcode';
import { systemActor } from '../../src/app/audit/record-audit.js';
import { jwcuScale } from '../../src/app/demo/load-scale-demo.js';
import { createInvitationBatch, runInvitationBatch, type InvitationDeps } from '../../src/app/portal/invitations.js';
import type { BenchEnv } from '../env.js';
import type { Metric } from '../metric.js';
import { costResult } from '../results.js';
import { percentile } from '../timing.js';

const name = 'letters.print';
/** The issue's target for the letters of 13,420 members. */
const boundSeconds = 60;
/** The seed's worker members (March 2017): the letters the issue sizes the print run at. */
const letterCount = jwcuScale.workerMembers;
const currentStatuses = ['admitted', 'withdrawal_notified'];

/** The worker co-operatives' current worker members, largest organization first, until there are `letterCount`. */
async function invitees(env: BenchEnv): Promise<{ organizationId: string; code: string; membershipIds: string[] }[]> {
  const { db } = env.runtime.ctx;
  const sizes = await db.selectFrom('memberships as m').innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.organization_id', 'o.code', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('m.kind', '=', 'worker').where('m.status', 'in', currentStatuses)
    .groupBy(['m.organization_id', 'o.code']).orderBy('n', 'desc').orderBy('o.code').execute();
  const chosen: { organizationId: string; code: string; membershipIds: string[] }[] = [];
  let left: number = letterCount;
  for (const size of sizes) {
    if (left === 0) break;
    const rows = await db.selectFrom('memberships').select('id').where('organization_id', '=', size.organization_id)
      .where('kind', '=', 'worker').where('status', 'in', currentStatuses).orderBy('member_number_key').orderBy('id').limit(left).execute();
    chosen.push({ organizationId: size.organization_id, code: size.code, membershipIds: rows.map((r) => r.id) });
    left -= rows.length;
  }
  if (left > 0) throw new Error(`${name}: only ${letterCount - left} current worker members: the jwcu dataset is not loaded`);
  return chosen;
}

/** Pages of a pdfkit document: its page objects (`/Type /Pages` is the tree, not a page). */
const pageCount = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

const requireHere = createRequire(import.meta.url);
const font = (file: string): string => requireHere.resolve(`@expo-google-fonts/noto-sans-jp/${file}`);

/** A sign-in letter's wording, fixed: what every page of the baseline prints. */
const fixedLetter = {
  organization: '労働者協同組合ワーカーズコープ・センター事業団',
  title: 'マイページ ご利用のご案内',
  salutation: '山田 花子 様',
  memberNumber: '組合員番号 W000001',
  intro: '組合員のみなさまが、ご自身の出資金・働いた時間・分配金・総会の議決権行使などを、スマートフォンやパソコンで確認できる「マイページ」をご用意しました。下記のコードで、はじめてのログインをしてください。',
  loginId: 'ログインID  center-jigyodan-W000001',
  code: '初回ログインコード  ABCD-EFGH-JKMN',
  validUntil: '2027年1月26日まで有効（1回のみ使えます）',
  address: 'ログインのページ',
  steps: [
    '1. 右のQRコードを読み取るか、上のアドレスを入力してください。',
    '2. 初回ログインコードを入力してください（ハイフンはなくてもかまいません）。',
    '3. ご自分のパスワードを決めてください（12文字以上）。次からはログインIDとパスワードでログインできます。',
  ],
  care: [
    '・この案内は大切に保管し、ほかの人に見せないでください。',
    '・コードが使えないとき、この案内をなくしたときは、事務所にお申し出ください。新しい案内をお渡しします（古いコードは使えなくなります）。',
  ],
};

/**
 * The baseline: a bare pdfmake (pdfkit) document of `pages` A4 pages, each with the same fixed letter (Noto Sans JP,
 * the QR code of the sign-in address embedded once), no database, no codes.
 */
async function barePdf(pages: number, signInUrl: string): Promise<Buffer> {
  const printer = new PdfPrinter({ NotoSansJP: { normal: font('400Regular/NotoSansJP_400Regular.ttf'), bold: font('700Bold/NotoSansJP_700Bold.ttf') } });
  const doc = printer.createPdfKitDocument({ pageSize: 'A4', content: [] });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', font('400Regular/NotoSansJP_400Regular.ttf'));
  doc.registerFont('bold', font('700Bold/NotoSansJP_700Bold.ttf'));
  const qr = await QRCode.toDataURL(signInUrl, { errorCorrectionLevel: 'M', margin: 1, scale: 6 });
  const left = 56;
  const width = 483;
  for (let page = 0; page < pages; page += 1) {
    if (page > 0) doc.addPage({ size: 'A4', margin: left });
    doc.font('regular').fontSize(11).text(fixedLetter.organization, left, left, { width });
    doc.font('bold').fontSize(18).text(fixedLetter.title, left, doc.y + 10, { width });
    doc.font('regular').fontSize(13).text(fixedLetter.salutation, left, doc.y + 14, { width });
    doc.fontSize(10).text(fixedLetter.memberNumber, left, doc.y + 2, { width });
    doc.fontSize(11).text(fixedLetter.intro, left, doc.y + 12, { width, lineGap: 4 });
    const top = doc.y + 16;
    doc.rect(left, top, width, 110).stroke();
    doc.font('bold').fontSize(16).text(fixedLetter.loginId, left + 8, top + 10, { width: width - 16 });
    doc.fontSize(24).text(fixedLetter.code, left + 8, top + 50, { width: width - 16 });
    doc.font('regular').fontSize(10).text(fixedLetter.validUntil, left + 8, top + 88, { width: width - 16 });
    doc.image(qr, left + width - 128, top + 130, { width: 128, height: 128 });
    doc.font('bold').fontSize(11).text(fixedLetter.address, left, top + 130, { width: width - 144 });
    doc.font('regular').fontSize(13).text(signInUrl, left, doc.y + 2, { width: width - 144 });
    doc.fontSize(11);
    for (const step of fixedLetter.steps) doc.text(step, left, doc.y + 8, { width: width - 144, lineGap: 3 });
    doc.fontSize(10);
    for (const line of fixedLetter.care) doc.text(line, left, doc.y + 6, { width, lineGap: 3 });
  }
  doc.end();
  return done;
}

/**
 * Sign-in letters for 13,420 worker members of the jwcu dataset, in-process through the app's invitation batches
 * (as `kyodo members invite` and the background task of POST /organizations/:id/invitations run them): one batch
 * per organization, the largest worker co-operatives first. Each batch reads its members, issues the codes a
 * thousand members per transaction (older unused codes revoked, SHA-256 hashes inserted), lays out one PDF page per
 * member and seals the PDF into the batch for download. Against a bare pdfmake document of as many pages of one
 * fixed letter. Afterwards every code issued is revoked and the sealed letters deleted.
 */
export const lettersPrint: Metric = {
  name,
  description: `s to issue codes and print the sign-in letters of ${letterCount.toLocaleString('en')} worker members (invitation batches, in-process)`,
  dataset: 'jwcu',
  async run(env) {
    const { ctx } = env.runtime;
    const groups = await invitees(env);
    const deps: InvitationDeps = { mail: { mailer: null, from: 'bench@localhost' }, signInUrl: `${env.config.publicUrl}/sign-in/code` };
    // As the route does: the letters sealed into the batch for download, when the data keys are there.
    const keepLetters = ctx.keyring !== undefined;
    env.log(`  ${letterCount.toLocaleString('en')} worker members of ${groups.length} organizations: ${groups.map((g) => `${g.code} ${g.membershipIds.length}`).join(', ')}`);
    const batchIds: string[] = [];

    const app = async (): Promise<{ seconds: number; pages: number; bytes: number }> => {
      const started = performance.now();
      let pages = 0;
      let bytes = 0;
      for (const group of groups) {
        const { batchId } = await createInvitationBatch(ctx, null, systemActor('bench'), deps, group.organizationId,
          { membershipIds: group.membershipIds, kinds: ['worker'], channel: 'letter', language: 'ja' }, { keepLetters });
        batchIds.push(batchId);
        const pdf = await runInvitationBatch(ctx, deps, batchId, { keepLetters });
        if (!pdf) throw new Error(`${name}: the batch of ${group.code} printed no letters`);
        pages += pageCount(pdf);
        bytes += pdf.length;
      }
      return { seconds: (performance.now() - started) / 1000, pages, bytes };
    };
    const bare = async (): Promise<{ seconds: number; pages: number; bytes: number }> => {
      const started = performance.now();
      const pdf = await barePdf(letterCount, deps.signInUrl);
      return { seconds: (performance.now() - started) / 1000, pages: pageCount(pdf), bytes: pdf.length };
    };

    try {
      const rounds = Math.max(1, env.options.rounds);
      const samples: { app: number[]; baseline: number[] } = { app: [], baseline: [] };
      const sizes = { app: 0, baseline: 0 };
      for (let round = 0; round < rounds; round += 1) {
        const order = round % 2 === 0 ? (['baseline', 'app'] as const) : (['app', 'baseline'] as const);
        for (const side of order) {
          const run = await (side === 'app' ? app() : bare());
          if (run.pages !== letterCount) throw new Error(`${name}: the ${side} PDF has ${run.pages} pages, not ${letterCount}`);
          samples[side].push(run.seconds);
          sizes[side] = run.bytes;
          env.log(`  round ${round + 1}/${rounds} ${side.padEnd(8)} ${run.seconds.toFixed(1)} s, ${run.pages.toLocaleString('en')} pages, ${(run.bytes / 1_048_576).toFixed(1)} MiB`);
        }
      }
      // Every letter of the last round has its code, stored as a hash only, one live code per member.
      const last = batchIds.slice(-groups.length);
      const codes = await ctx.db.selectFrom('member_invitations').select([(eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.count<number | string>('code_hash').distinct().as('hashes')])
        .where('batch_id', 'in', last).where('revoked_at', 'is', null).where('channel', '=', 'letter').executeTakeFirstOrThrow();
      if (Number(codes.n) !== letterCount || Number(codes.hashes) !== letterCount) {
        throw new Error(`${name}: the last round left ${Number(codes.n)} live letter codes (${Number(codes.hashes)} distinct hashes), not ${letterCount}`);
      }
      const value = percentile(samples.app, 0.5);
      const baseline = percentile(samples.baseline, 0.5);
      const context =
        `value: median of ${samples.app.length} run(s), ${samples.app.map((s) => s.toFixed(1)).join(', ')} s: sign-in letters for ${letterCount.toLocaleString('en')} current worker members of the ${groups.length} largest worker co-operatives ` +
        `(${groups.map((g) => `${g.code} ${g.membershipIds.length}`).join(', ')}), one invitation batch each called in the bench's process (createInvitationBatch, runInvitationBatch): ` +
        `members read, codes issued a thousand per transaction with older unused codes revoked and SHA-256 hashes inserted, one A4 page per member (pdfmake/pdfkit, Noto Sans JP, the QR code once)` +
        `${keepLetters ? ', the PDF sealed into the batch' : ''}; ${(sizes.app / 1_048_576).toFixed(1)} MiB of PDF in all; ` +
        `baseline: median of ${samples.baseline.length} run(s), a bare pdfmake document of ${letterCount.toLocaleString('en')} pages of one fixed letter (same font and QR code, no database, no codes), ${(sizes.baseline / 1_048_576).toFixed(1)} MiB; ` +
        `${env.dialect}, ${env.dataset} dataset, ${rounds} alternating round(s); the codes issued are revoked afterwards`;
      return [costResult({ name, unit: 's', value, baseline, context, absolute: { kind: 'max', bound: boundSeconds } })];
    } finally {
      // Later metrics see no live code of the bench's and no sealed letters.
      if (batchIds.length) {
        const at = new Date().toISOString();
        for (let i = 0; i < batchIds.length; i += 100) {
          const ids = batchIds.slice(i, i + 100);
          await ctx.db.updateTable('member_invitations').set({ revoked_at: at }).where('batch_id', 'in', ids).where('revoked_at', 'is', null).where('used_at', 'is', null).execute();
          await ctx.db.deleteFrom('invitation_letter_parts').where('batch_id', 'in', ids).execute();
          await ctx.db.updateTable('invitation_batches').set({ letters_sealed: null, letters_expire_at: null }).where('id', 'in', ids).execute();
        }
      }
    }
  },
};
