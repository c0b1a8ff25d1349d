import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { baseDefinition, creationDate, gridLayout, headerCell, numberCell, parseDate, renderPdf, type DocumentLocale } from '../../documents/pdf-kit.js';
import type { DividendStatement } from '../dividend-statements.js';

/**
 * A member's statement of their dividend by amount of work (従事分量配当金計算書), in Japanese or English: the year's
 * dividend, the member's work against everyone's, the exact share, how the yen left by rounding down were given out
 * (largest remainder), what was set against unpaid capital, and what is paid. Every figure is on the page, so the
 * member can recompute it by hand. Generated documents are the one place the server writes sentences (style.md).
 */

const digits = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });
const englishYen = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'JPY' });
const japaneseDate = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const englishDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

interface Wording {
  title: string;
  draft: string;
  fiscalYear: (year: number, from: string, until: string) => string;
  memberNumber: string;
  addressee: (name: string) => string;
  item: string;
  value: string;
  minutes: string;
  days: string;
  measure: string;
  measures: Record<DividendStatement['measure']['basis'], string>;
  yourWork: string;
  allWork: (members: number) => string;
  dividends: string;
  exact: string;
  rounding: string;
  roundedUp: (rank: number, of: number) => string;
  notRoundedUp: string;
  amount: string;
  unpaid: string;
  withheld: string;
  payment: string;
  explanation: (s: DividendStatement) => string;
  issuedOn: string;
  yen: (n: number) => string;
  hours: (minutes: number) => string;
  work: (s: DividendStatement, amount: number) => string;
  date: (d: string) => string;
  page: (current: number, total: number) => string;
}

const hm = (minutes: number) => ({ h: Math.floor(minutes / 60), m: minutes % 60 });

const wordings: Record<DocumentLocale, Wording> = {
  ja: {
    title: '従事分量配当金計算書',
    draft: '【案】総会の議決前の計算です。金額は変わることがあります。',
    fiscalYear: (year, from, until) => `${year}年度（${from} 〜 ${until}）`,
    memberNumber: '組合員番号',
    addressee: (name) => `${name} 様`,
    item: '項目',
    value: '内容',
    minutes: '従事時間',
    days: '従事日数',
    measure: '従事分量の算定方法（定款）',
    measures: { hours: '従事時間', days: '従事日数', weighted_hours: '役割による加重従事時間' },
    yourWork: 'あなたの従事分量',
    allWork: (members) => `組合員全体の従事分量（${digits.format(members)}名）`,
    dividends: '従事分量配当金の総額',
    exact: '按分額（総額 × あなたの分量 ÷ 全体の分量）',
    rounding: '端数の処理（最大剰余法）',
    roundedUp: (rank, of) => `1円切上げ（端数の大きい順で${digits.format(rank)}番目、切上げは${digits.format(of)}名）`,
    notRoundedUp: '切捨て',
    amount: '従事分量配当金',
    unpaid: '未払込出資金',
    withheld: '未払込出資金への充当（定款による）',
    payment: 'お支払額',
    explanation: (s) =>
      `従事分量配当は、剰余金から準備金・就労創出等積立金・教育繰越金を積み立てた後、組合員が事業に従事した分量に応じて配当するものです（労働者協同組合法）。` +
      `各組合員にまず按分額の円未満を切り捨てた金額を配り、残る${digits.format(s.yenRoundedUp)}円を端数の大きい順に1円ずつ配りました。` +
      `このため全員の配当の合計は総額 ${digits.format(s.dividends)}円 にちょうど一致し、各人の金額は按分額との差が1円未満です。`,
    issuedOn: '発行日',
    yen: (n) => `${digits.format(n)}円`,
    hours: (minutes) => `${digits.format(hm(minutes).h)}時間${hm(minutes).m}分`,
    work: (s, amount) => (s.unit === 'days' ? `${digits.format(amount)}日` : s.unit === 'minutes' ? `${digits.format(amount)}分` : `${digits.format(amount)}（分 × 加重率%）`),
    date: (d) => japaneseDate.format(parseDate(d)),
    page: (current, total) => `${current} / ${total}`,
  },
  en: {
    title: 'Statement of Dividend by Amount of Work',
    draft: 'DRAFT: computed before the general assembly resolved it; the amounts may change.',
    fiscalYear: (year, from, until) => `Fiscal year ${year} (${from} to ${until})`,
    memberNumber: 'Member no.',
    addressee: (name) => name,
    item: 'Item',
    value: 'Value',
    minutes: 'Hours worked',
    days: 'Days worked',
    measure: 'Amount of work measured by (bylaws)',
    measures: { hours: 'hours worked', days: 'days worked', weighted_hours: 'hours weighted by role' },
    yourWork: 'Your amount of work',
    allWork: (members) => `All members' amount of work (${members === 1 ? '1 member' : `${digits.format(members)} members`})`,
    dividends: 'Dividends by amount of work, in total',
    exact: 'Exact share (total × your work ÷ all work)',
    rounding: 'Rounding (largest remainder)',
    roundedUp: (rank, of) => `rounded up by 1 yen (remainder ranked ${digits.format(rank)}; ${digits.format(of)} rounded up)`,
    notRoundedUp: 'rounded down',
    amount: 'Your dividend',
    unpaid: 'Capital unpaid',
    withheld: 'Set against unpaid capital (bylaws)',
    payment: 'Paid to you',
    explanation: (s) =>
      'The dividend by amount of work returns the surplus left after the legal reserve, the job-creation fund and the education carry-forward ' +
      'to the members in proportion to the work they did (Worker Cooperatives Act). Each member first received their exact share rounded down to ' +
      `the yen; the ${digits.format(s.yenRoundedUp)} yen left over went one each to the largest remainders. So the dividends add up exactly to ` +
      `the total of ${englishYen.format(s.dividends)}, and each differs from its exact share by less than one yen.`,
    issuedOn: 'Issued on',
    yen: (n) => englishYen.format(n),
    hours: (minutes) => `${digits.format(hm(minutes).h)} h ${hm(minutes).m} min`,
    work: (s, amount) => (s.unit === 'days' ? `${digits.format(amount)} days` : s.unit === 'minutes' ? `${digits.format(amount)} minutes` : `${digits.format(amount)} (minutes × weight %)`),
    date: (d) => englishDate.format(parseDate(d)),
    page: (current, total) => `Page ${current} of ${total}`,
  },
};

export function renderStatementPdf(s: DividendStatement, locale: DocumentLocale, issuedOn: string): Promise<Buffer> {
  const w = wordings[locale];
  const name = locale === 'en' ? `${s.givenName} ${s.familyName}` : `${s.familyName} ${s.givenName}`;
  const organization = locale === 'en' ? (s.organization.nameEn ?? s.organization.nameJa) : s.organization.nameJa;
  const row = (label: string, value: string, bold = false): TableCell[] => [{ text: label, bold }, numberCell(value, bold)];
  const exact = `${w.yen(s.exact.yen)} + ${digits.format(s.exact.remainder)}/${digits.format(s.exact.denominator)}`;
  const rows: TableCell[][] = [
    [headerCell(w.item), headerCell(w.value, 'right')],
    row(w.minutes, w.hours(s.minutes)),
    row(w.days, locale === 'en' ? digits.format(s.days) : `${digits.format(s.days)}日`),
    row(w.measure, w.measures[s.measure.basis]),
    row(w.yourWork, w.work(s, s.work)),
    row(w.allWork(s.members), w.work(s, s.totalWork)),
    row(w.dividends, w.yen(s.dividends)),
    row(w.exact, exact),
    row(w.rounding, s.roundedUp && s.remainderRank !== null ? w.roundedUp(s.remainderRank, s.yenRoundedUp) : w.notRoundedUp),
    row(w.amount, w.yen(s.amount), true),
  ];
  if (s.withholdAgainstUnpaid) rows.push(row(w.unpaid, w.yen(s.unpaidCapital)), row(w.withheld, w.yen(-s.withheld)));
  rows.push(row(w.payment, w.yen(s.payment), true));

  const content: Content = [
    { text: w.title, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
    ...(s.status === 'posted' ? [] : [{ text: w.draft, bold: true, color: '#a00000', margin: [0, 0, 0, 8] } as Content]),
    { text: organization, margin: [0, 0, 0, 2] },
    { text: w.fiscalYear(s.fiscalYear, s.periodFrom, s.periodUntil), margin: [0, 0, 0, 10] },
    { text: w.addressee(name), fontSize: 13, bold: true },
    { text: `${w.memberNumber} ${s.memberNumber}　${s.familyKana} ${s.givenKana}`, margin: [0, 0, 0, 12] },
    { table: { widths: ['*', 'auto'], headerRows: 1, body: rows }, layout: gridLayout, margin: [0, 0, 0, 12] },
    { text: w.explanation(s), fontSize: 9, margin: [0, 0, 0, 12] },
    { text: `${w.issuedOn} ${w.date(issuedOn)}`, alignment: 'right' },
  ];
  return renderPdf(baseDefinition({ locale, title: `${w.title} ${s.fiscalYear} ${s.memberNumber}`, created: creationDate(issuedOn), page: w.page, content }));
}
