import iconv from 'iconv-lite';
import { membersCsv } from './export.js';
import { buildMemberRow } from './test-fixtures.js';
const rows = Array.from({ length: 64626 }, (_, i) => buildMemberRow({ memberNumber: String(i + 1).padStart(6, '0'), familyName: '髙﨑', address: '東京都①ｶﾀｶﾅ～' }));
const { bytes } = membersCsv(rows, { encoding: 'cp932', locale: 'ja' });
const td = new TextDecoder('shift_jis', { fatal: true });
for (let k = 0; k < 3; k++) {
  let t = performance.now(); const a = iconv.decode(bytes, 'cp932'); console.log('iconv', performance.now() - t);
  t = performance.now(); const b = td.decode(bytes); console.log('textdecoder', performance.now() - t, a === b);
}
