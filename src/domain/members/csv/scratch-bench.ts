import { parse } from 'csv-parse/sync';
import { membersCsv } from './export.js';
import { decodeCsv } from './decode.js';
import { suggestMapping } from './mapping.js';
import { validateRows } from './validate.js';
import { buildMemberRow } from './test-fixtures.js';

const rows = Array.from({ length: 64626 }, (_, i) => buildMemberRow({ memberNumber: String(i + 1).padStart(6, '0') }));
const { bytes } = membersCsv(rows, { encoding: 'cp932', locale: 'ja' });
const time = (label: string, f: () => unknown) => { const t = performance.now(); const r = f(); console.log(label, (performance.now() - t).toFixed(0), 'ms'); return r; };
for (let k = 0; k < 3; k++) {
  const { text } = time('decode', () => decodeCsv(bytes)) as { text: string };
  time('parse default', () => parse(text, { relax_column_count: true, relax_quotes: true }));
  time('parse array delim', () => parse(text, { relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n', '\r'] }));
  time('parse bare', () => parse(text));
  const recs = parse(text) as string[][];
  const headers = recs.shift() ?? [];
  time('validate', () => validateRows(recs, suggestMapping(headers), { headers }));
}
