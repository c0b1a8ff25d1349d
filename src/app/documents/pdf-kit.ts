import { createRequire } from 'node:module';
import PdfPrinter from 'pdfmake';
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * What every generated document shares: Noto Sans JP (OFL, read from node_modules, only the glyphs used embedded),
 * A4 pages, fixed creation dates so that the same data gives the same bytes, and the table look.
 */

export type DocumentLocale = 'ja' | 'en';

const FONT = 'NotoSansJP';
const requireHere = createRequire(import.meta.url);
let printer: PdfPrinter | null = null;

/** The font files resolve against node_modules from src/ (tsx, Vitest) and from dist/src alike. */
function pdfPrinter(): PdfPrinter {
  if (printer === null) {
    const regular = requireHere.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
    const bold = requireHere.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');
    printer = new PdfPrinter({ [FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  }
  return printer;
}

export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  // pdfkit subsets every embedded TrueType font to the glyphs used.
  const document = pdfPrinter().createPdfKitDocument(definition);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}

export function parseDate(value: string): Date {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new RangeError(`not a YYYY-MM-DD date: ${value}`);
  }
  return date;
}

/** Midnight in Japan on a document's (already parsed) date: its fixed creation date, so equal data gives equal files. */
export function creationDate(value: string): Date {
  return new Date(`${value}T00:00:00+09:00`);
}

const GRID = '#9a9a9a';
export const HEADER_FILL = '#eeeeee';

/** Thin lines around and between all cells, the header row shaded. */
export const gridLayout: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => GRID,
  vLineColor: () => GRID,
  fillColor: (rowIndex) => (rowIndex === 0 ? HEADER_FILL : null),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

export function headerCell(text: string, alignment: 'left' | 'right' = 'left'): TableCell {
  return { text, bold: true, alignment };
}

export function numberCell(text: string, bold = false): TableCell {
  return { text, alignment: 'right', bold };
}

/** An A4 document in Noto Sans JP, numbered at the foot when it runs over one page. */
export function baseDefinition(options: {
  locale: DocumentLocale;
  title: string;
  created: Date;
  page: (current: number, total: number) => string;
  content: Content;
}): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 48],
    language: options.locale,
    info: { title: options.title, creator: 'Kyodo', producer: 'Kyodo', creationDate: options.created, modDate: options.created },
    defaultStyle: { font: FONT, fontSize: 10, lineHeight: 1.25 },
    footer: (currentPage, pageCount) =>
      pageCount > 1 ? { text: options.page(currentPage, pageCount), alignment: 'center', fontSize: 8, margin: [0, 16, 0, 0] } : null,
    content: options.content,
  };
}
