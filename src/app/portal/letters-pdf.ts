import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import PdfPrinter from 'pdfmake';
import QRCode from 'qrcode';
import { groupCode } from '../../domain/portal/one-time-code.js';
import { creationDate, parseDate, type DocumentLocale } from '../documents/pdf-kit.js';

/**
 * Printed sign-in letters (マイページ ご利用案内): one A4 page per member, in Japanese or English by the member's
 * language, with the login id, the one-time code in groups of four, the sign-in address and its QR code, and when
 * the code stops working. Made for thousands of members at once: the QR code is the same on every page (the
 * address, never the code), so it is drawn once as an image and placed on each page; the font is Noto Sans JP,
 * subset once for the whole document.
 */

export interface SignInLetter {
  locale: DocumentLocale;
  organizationName: string;
  memberName: string;
  memberNumber: string;
  loginId: string;
  /** The code as generated (12 characters); printed grouped. */
  code: string;
  /** The last day the code works, YYYY-MM-DD (Japan). */
  validUntil: string;
}

const requireHere = createRequire(import.meta.url);
const fontFile = (weight: 'regular' | 'bold'): string =>
  requireHere.resolve(weight === 'regular' ? '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf' : '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');
let printer: PdfPrinter | null = null;

/** pdfmake's printer gives the pdfkit document (the library of pdf-kit.ts); the letters draw on it directly. */
function pdfPrinter(): PdfPrinter {
  printer ??= new PdfPrinter({ NotoSansJP: { normal: fontFile('regular'), bold: fontFile('bold') } });
  return printer;
}

const japaneseDate = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const englishDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

interface LetterWording {
  title: string;
  salutation: (name: string) => string;
  intro: string;
  memberNumber: string;
  loginId: string;
  code: string;
  validUntil: (date: string) => string;
  address: string;
  steps: string[];
  care: string[];
}

const wordings: Record<DocumentLocale, LetterWording> = {
  ja: {
    title: 'マイページ ご利用のご案内',
    salutation: (name) => `${name} 様`,
    intro: '組合員のみなさまが、ご自身の出資金・働いた時間・分配金・総会の議決権行使などを、スマートフォンやパソコンで確認できる「マイページ」をご用意しました。下記のコードで、はじめてのログインをしてください。',
    memberNumber: '組合員番号',
    loginId: 'ログインID',
    code: '初回ログインコード',
    validUntil: (date) => `${japaneseDate.format(parseDate(date))}まで有効（1回のみ使えます）`,
    address: 'ログインのページ',
    steps: [
      '右のQRコードを読み取るか、上のアドレスを入力してください。',
      '初回ログインコードを入力してください（ハイフンはなくてもかまいません）。',
      'ご自分のパスワードを決めてください（12文字以上）。次からはログインIDとパスワードでログインできます。',
    ],
    care: [
      'この案内は大切に保管し、ほかの人に見せないでください。',
      'コードが使えないとき、この案内をなくしたときは、事務所にお申し出ください。新しい案内をお渡しします（古いコードは使えなくなります）。',
    ],
  },
  en: {
    title: 'Your member portal: how to sign in',
    salutation: (name) => `Dear ${name},`,
    intro: 'Your co-operative has opened a member portal where you can see your shares, your hours of work, your dividends and your meetings, and vote, on a phone or a computer. Use the code below to sign in for the first time.',
    memberNumber: 'Member number',
    loginId: 'Login ID',
    code: 'One-time sign-in code',
    validUntil: (date) => `Valid until ${englishDate.format(parseDate(date))} (works once)`,
    address: 'Sign-in page',
    steps: [
      'Scan the QR code on the right, or type the address above.',
      'Enter the one-time code (the hyphens may be left out).',
      'Choose your own password (12 characters or more). From then on, sign in with your login ID and password.',
    ],
    care: [
      'Keep this letter safe and do not show it to anyone.',
      'If the code does not work or you lose this letter, ask the office: they will give you a new letter (the old code then stops working).',
    ],
  },
};

/**
 * The QR code of the sign-in address, as a PNG data URL: pdfkit keeps an image given as a string in its registry,
 * so it is decoded and embedded once and every page refers to the same image.
 */
export function signInQrPng(signInUrl: string): Promise<string> {
  return QRCode.toDataURL(signInUrl, { errorCorrectionLevel: 'M', margin: 1, scale: 6, color: { dark: '#000000', light: '#ffffff' } });
}

const page = { width: 595.28, height: 841.89, margin: 56 };
const contentWidth = page.width - 2 * page.margin;
const qrSize = 128;

/** Draws one letter on the document's current page, top to bottom. */
function drawLetter(doc: PDFKit.PDFDocument, letter: SignInLetter, signInUrl: string, qr: string): void {
  const w = wordings[letter.locale];
  const left = page.margin;
  doc.fillColor('#000000');
  doc.font(REGULAR).fontSize(11).text(letter.organizationName, left, page.margin, { width: contentWidth });
  doc.font(BOLD).fontSize(18).text(w.title, left, doc.y + 10, { width: contentWidth });
  doc.font(REGULAR).fontSize(13).text(w.salutation(letter.memberName), left, doc.y + 14, { width: contentWidth });
  doc.fontSize(10).fillColor('#444444').text(`${w.memberNumber} ${letter.memberNumber}`, left, doc.y + 2, { width: contentWidth });
  doc.fillColor('#000000').fontSize(11).text(w.intro, left, doc.y + 12, { width: contentWidth, lineGap: 4 });

  // The box with the login id and the code: what the member types.
  const labelWidth = 150;
  const top = doc.y + 16;
  const rows = [44, 66];
  doc.lineWidth(1).strokeColor('#333333').rect(left, top, contentWidth, rows[0]! + rows[1]!).stroke();
  doc.moveTo(left, top + rows[0]!).lineTo(left + contentWidth, top + rows[0]!).stroke();
  doc.moveTo(left + labelWidth, top).lineTo(left + labelWidth, top + rows[0]! + rows[1]!).stroke();
  doc.fontSize(11).text(w.loginId, left + 8, top + 14, { width: labelWidth - 16 });
  doc.font(BOLD).fontSize(16).text(letter.loginId, left + labelWidth + 8, top + 10, { width: contentWidth - labelWidth - 16, lineBreak: false });
  doc.font(REGULAR).fontSize(11).text(w.code, left + 8, top + rows[0]! + 14, { width: labelWidth - 16 });
  doc.font(BOLD).fontSize(24).text(groupCode(letter.code), left + labelWidth + 8, top + rows[0]! + 6, { characterSpacing: 2, lineBreak: false });
  doc.font(REGULAR).fontSize(10).text(w.validUntil(letter.validUntil), left + labelWidth + 8, top + rows[0]! + 44, { width: contentWidth - labelWidth - 16, lineBreak: false });

  // The address, the QR code of it on the right, and the steps.
  const addressTop = top + rows[0]! + rows[1]! + 20;
  const textWidth = contentWidth - qrSize - 16;
  doc.image(qr, left + contentWidth - qrSize, addressTop, { width: qrSize, height: qrSize });
  doc.font(BOLD).fontSize(11).text(w.address, left, addressTop, { width: textWidth });
  doc.font(REGULAR).fontSize(13).text(signInUrl, left, doc.y + 2, { width: textWidth });
  doc.fontSize(11);
  w.steps.forEach((step, i) => doc.text(`${i + 1}. ${step}`, left, doc.y + 8, { width: textWidth, lineGap: 3 }));

  doc.fontSize(10).fillColor('#333333');
  let y = Math.max(doc.y, addressTop + qrSize) + 20;
  for (const line of w.care) {
    doc.text(`・${line}`, left, y, { width: contentWidth, lineGap: 3 });
    y = doc.y + 6;
  }
}

const REGULAR = 'NotoSansJP';
const BOLD = 'NotoSansJP-Bold';

/** Pages drawn between two emptyings of pdfkit's word-layout cache. */
const layoutCachePages = 500;

/** pdfkit keeps its registered fonts in `_fontFamilies`, each with a `layoutCache` of the words laid out (not public API). */
function forgetWordLayouts(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: Record<string, unknown> }> })._fontFamilies ?? {};
  for (const font of Object.values(families)) {
    if (font.layoutCache) font.layoutCache = Object.create(null) as Record<string, unknown>;
  }
}

/** Lets the event loop run (the database, the HTTP server) between pages without awaiting a stream. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the letters as one PDF, a page each, to `out` while they are drawn, and ends `out`. `letters` may be an
 * async source (codes issued a thousand at a time): each page is drawn as its letter arrives and pdfkit writes it
 * out when the next page begins; the drawing waits while `out` is full (its writes are slow: sealed parts go to the
 * database), so memory stays flat for 50,000 members. pdfkit (under pdfmake) embeds each font once, subset to the
 * glyphs used across the whole document. Its cache of word layouts is emptied every few hundred pages: every page has
 * words of its own (the name, the login id, the code) that it would otherwise keep to the end, while without any
 * cache the long Japanese paragraphs are laid out again on each page (four times slower). Resolves with the number
 * of pages once `out` has finished.
 */
export async function writeSignInLetters(
  letters: Iterable<SignInLetter> | AsyncIterable<SignInLetter>, options: { signInUrl: string; date: string; locale?: DocumentLocale }, out: Writable,
): Promise<number> {
  const created = creationDate(options.date);
  const locale = options.locale ?? 'ja';
  const doc = pdfPrinter().createPdfKitDocument({
    pageSize: 'A4',
    language: locale,
    info: { title: wordings[locale].title, creator: 'Kyodo', producer: 'Kyodo', creationDate: created, modDate: created },
    content: [],
  });
  const written = finished(out);
  // Until the end, a failure of `out` surfaces at the next page rather than as an unhandled rejection.
  let failure: unknown = null;
  written.catch((error: unknown) => { failure = error; });
  const drawn = new Promise<void>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => { out.write(chunk); });
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, fontFile('regular'));
  doc.registerFont(BOLD, fontFile('bold'));
  const qr = await signInQrPng(options.signInUrl);
  let pages = 0;
  for await (const letter of letters) {
    if (failure) throw failure;
    // pdfmake leaves one empty page for an empty content: the first letter goes on it.
    if (pages > 0) doc.addPage({ size: 'A4', margin: page.margin });
    drawLetter(doc, letter, options.signInUrl, qr);
    pages += 1;
    if (pages % layoutCachePages === 0) forgetWordLayouts(doc);
    if (out.writableNeedDrain) await once(out, 'drain');
    else if (pages % 200 === 0) await yieldToLoop();
  }
  doc.end();
  await drawn;
  out.end();
  await written;
  return pages;
}

/** The letters as one PDF in memory: a reprint of one letter, a few letters (tests). */
export async function signInLettersPdf(letters: Iterable<SignInLetter> | AsyncIterable<SignInLetter>, options: { signInUrl: string; date: string; locale?: DocumentLocale }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const collect = new Writable({ write(chunk: Buffer, _encoding, callback) { chunks.push(chunk); callback(); } });
  await writeSignInLetters(letters, options, collect);
  return Buffer.concat(chunks);
}
