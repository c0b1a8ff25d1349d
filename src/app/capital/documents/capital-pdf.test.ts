import { describe, expect, it } from 'vitest';
import { pdfReader, popplerAvailable as checkPoppler } from '../../../../test/support/poppler.js';
import { renderCertificatePdf, renderRegisterPdf, type CapitalDocumentOrganization, type CertificateData, type RegisterData } from './capital-pdf.js';

const popplerAvailable = checkPoppler('the capital PDF suite');
const { pagesOf, fontsOf, infoOf } = pdfReader('capital-pdf');

function wordsOf(line: string): string[] {
  return line.trim().split(/\s+/);
}

const organization: CapitalDocumentOrganization = {
  nameJa: 'ワーカーズコープちば労働者協同組合',
  nameEn: 'Workers Co-op Chiba',
  address: '千葉県千葉市中央区富士見2丁目3番1号',
  postalCode: '2600015',
  representative: '菊地 謙',
};

function buildCertificate(overrides: Partial<CertificateData> = {}): CertificateData {
  return {
    locale: 'ja',
    organization,
    member: {
      memberNumber: '000284', familyName: '髙橋', givenName: '和子', familyKana: 'タカハシ', givenKana: 'カズコ',
      postalCode: '2630023', address: '千葉県千葉市稲毛区緑町1丁目8番',
    },
    asOf: '2026-03-31',
    issuedOn: '2026-11-26',
    certificateNumber: 'C-2026-0042',
    sharePrice: 10_000,
    shares: 12,
    subscribed: 120_000,
    paid: 100_000,
    unpaid: 20_000,
    movements: [
      { date: '2019-04-01', description: '加入時出資', shares: 5, amount: 50_000 },
      { date: '2024-05-01', description: '増口', shares: 7, amount: 70_000 },
      { date: '2025-06-30', description: '出資金払込', shares: 0, amount: 50_000 },
    ],
    ...overrides,
  };
}

// Names with the variant kanji families are registered with: 髙 (はしご高), 﨑 (たつさき), 𠮷 (つちよし, outside the
// BMP), 邉, 齋, 德, 濱, 櫻 — all in Noto Sans JP.
const rareNames = [
  { name: '山﨑 𠮷男', kana: 'ヤマザキ ヨシオ' },
  { name: '渡邉 齋', kana: 'ワタナベ ヒトシ' },
  { name: '髙橋 德子', kana: 'タカハシ ノリコ' },
  { name: '濱田 櫻', kana: 'ハマダ サクラ' },
];

function buildRegister(count: number, overrides: Partial<RegisterData> = {}): RegisterData {
  const rows = Array.from({ length: count }, (_, i) => {
    const person = rareNames[i % rareNames.length] ?? rareNames[0]!;
    const shares = (i % 7) + 1;
    const unpaid = (i % 3) * 5_000;
    return { memberNumber: String(i + 1).padStart(6, '0'), ...person, shares, subscribed: shares * 10_000, paid: shares * 10_000 - unpaid, unpaid };
  });
  const totals = rows.reduce(
    (sum, row) => ({ members: sum.members + 1, shares: sum.shares + row.shares, subscribed: sum.subscribed + row.subscribed, paid: sum.paid + row.paid, unpaid: sum.unpaid + row.unpaid }),
    { members: 0, shares: 0, subscribed: 0, paid: 0, unpaid: 0 },
  );
  return { locale: 'ja', organization, asOf: '2026-03-31', sharePrice: 10_000, rows, totals, ...overrides };
}

describe.skipIf(!popplerAvailable)('capital documents as PDF', () => {
  describe('出資金残高証明書 (capital balance statement)', () => {
    it('states the balance of one member in Japanese, with era dates and yen amounts, on one page', async () => {
      const pdf = await renderCertificatePdf(buildCertificate());
      const pages = pagesOf(pdf);
      expect(pages).toHaveLength(1);
      const text = pages[0] ?? '';
      const lines = text.split('\n').map((line) => line.trim());

      expect(lines).toContain('出資金残高証明書');
      expect(lines).toContain('タカハシ カズコ');
      expect(lines).toContain('髙橋 和子 様');
      expect(lines).toContain('上記のとおり出資金の残高を証明します。');
      expect(lines).toContain('ワーカーズコープちば労働者協同組合');
      expect(lines).toContain('〒263-0023');
      expect(lines).toContain('千葉県千葉市稲毛区緑町1丁目8番');
      const labelled = (label: string): string[] => wordsOf(lines.find((line) => line.startsWith(label)) ?? '');
      expect(labelled('証明書番号')).toEqual(['証明書番号', 'C-2026-0042']);
      expect(labelled('組合員番号')).toEqual(['組合員番号', '000284']);
      expect(labelled('基準日')).toEqual(['基準日', '2026年3月31日（令和8年3月31日）']);
      expect(labelled('1口の金額')).toEqual(['1口の金額', '10,000円']);
      expect(labelled('出資口数')).toEqual(['出資口数', '12口']);
      expect(labelled('引受出資金額')).toEqual(['引受出資金額', '120,000円']);
      expect(labelled('払込済出資金額')).toEqual(['払込済出資金額', '100,000円']);
      expect(labelled('未払込出資金額')).toEqual(['未払込出資金額', '20,000円']);
      expect(labelled('発行日')).toEqual(['発行日', '2026年11月26日（令和8年11月26日）']);
      expect(labelled('代表理事')).toEqual(['代表理事', '菊地', '謙']);
      // Movements, oldest first; a date before 令和 carries the era of its day.
      expect(labelled('2019年4月1日')).toEqual(['2019年4月1日（平成31年4月1日）', '加入時出資', '5口', '50,000円']);
      expect(labelled('2024年5月1日')).toEqual(['2024年5月1日（令和6年5月1日）', '増口', '7口', '70,000円']);
      expect(labelled('2025年6月30日')).toEqual(['2025年6月30日（令和7年6月30日）', '出資金払込', '0口', '50,000円']);
      expect(text).not.toContain('\uFFFD');
    });

    it('embeds Noto Sans JP as subsets only, so a one-page certificate stays small', async () => {
      const pdf = await renderCertificatePdf(buildCertificate());
      const fonts = fontsOf(pdf);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font).toMatchObject({ embedded: true, subset: true });
        expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansJP-/);
      }
      expect(pdf.byteLength).toBeLessThan(100_000); // the whole font file is over 5 MB
    });

    it('is the same file every time for the same data, dated the day it is issued', async () => {
      const first = await renderCertificatePdf(buildCertificate());
      const second = await renderCertificatePdf(buildCertificate());
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
      expect(infoOf(first)).toMatch(/CreationDate:\s+2026-11-25T15:00:00Z/); // 2026-11-26 00:00 in Japan
    });

    it('is written in English with the English name of the organization, plain dates and yen amounts', async () => {
      const pdf = await renderCertificatePdf(
        buildCertificate({ locale: 'en', movements: [{ date: '2019-04-01', description: 'Contribution on admission', shares: 12, amount: 120_000 }] }),
      );
      const text = pagesOf(pdf).join('');
      const lines = text.split('\n').map((line) => line.trim());
      expect(lines).toContain('Capital Balance Statement');
      expect(lines).toContain('髙橋 和子');
      expect(lines).toContain('タカハシ カズコ');
      expect(lines).toContain('Workers Co-op Chiba');
      expect(lines).toContain('Member no.: 000284');
      expect(lines).toContain('Issued on: November 26, 2026');
      expect(wordsOf(lines.find((line) => line.startsWith('Balance as of')) ?? '')).toEqual(['Balance', 'as', 'of', 'March', '31,', '2026']);
      expect(wordsOf(lines.find((line) => line.startsWith('Capital subscribed')) ?? '')).toEqual(['Capital', 'subscribed', '¥120,000']);
      expect(wordsOf(lines.find((line) => line.startsWith('Shares held')) ?? '')).toEqual(['Shares', 'held', '12', 'shares']);
      expect(text).toContain('April 1, 2019');
      expect(text).not.toContain('令和');
    });

    it('refuses a date that is not YYYY-MM-DD', async () => {
      await expect(renderCertificatePdf(buildCertificate({ asOf: '2026-02-30' }))).rejects.toThrow(RangeError);
    });
  });

  describe('出資者名簿 (capital register)', () => {
    it('lists 2,000 members over many pages, repeating the header row and numbering the pages, then the totals', async () => {
      const data = buildRegister(2_000);
      const pdf = await renderRegisterPdf(data);
      const pages = pagesOf(pdf);
      expect(pages.length).toBeGreaterThan(10);

      const header = ['組合員番号', '氏名', 'フリガナ', '出資口数', '引受出資金額', '払込済出資金額', '未払込出資金額'];
      pages.forEach((page, index) => {
        const lines = page.split('\n').map((line) => line.trim()).filter((line) => line !== '');
        expect(lines.map(wordsOf), `page ${index + 1}`).toContainEqual(header);
        expect(lines.at(-1), `page ${index + 1}`).toBe(`${index + 1} / ${pages.length}`);
        if (index > 0) expect(lines[0]).toMatch(/^出資者名簿\s+ワーカーズコープちば労働者協同組合\s+基準日\s+2026年3月31日（令和8年3月31日）$/);
      });
      const first = pages[0] ?? '';
      expect(first).toContain('出資者名簿');
      expect(first).toMatch(/基準日\s+2026年3月31日（令和8年3月31日）/);
      expect(first).toMatch(/1口の金額\s+10,000円/);

      // Every member exactly once, in order, none lost or repeated at a page break.
      const rows = pages.flatMap((page) => page.split('\n').map(wordsOf).filter((words) => /^\d{6}$/.test(words[0] ?? '')));
      expect(rows.map((words) => words[0])).toEqual(data.rows.map((row) => row.memberNumber));

      const totals = wordsOf(pages.at(-1)?.split('\n').find((line) => line.trim().startsWith('合計')) ?? '');
      expect(totals).toEqual(['合計（2,000名）', '7,995口', '79,950,000円', '69,955,000円', '9,995,000円']);
    });

    it('prints rare kanji exactly as given: no glyph is missing from the embedded subset', async () => {
      const data = buildRegister(rareNames.length);
      const pdf = await renderRegisterPdf(data);
      const lines = pagesOf(pdf).join('').split('\n').map(wordsOf);
      for (const row of data.rows) {
        const line = lines.find((words) => words[0] === row.memberNumber);
        const amounts = [`${row.shares}口`, `${row.subscribed.toLocaleString('ja-JP')}円`, `${row.paid.toLocaleString('ja-JP')}円`, `${row.unpaid.toLocaleString('ja-JP')}円`];
        expect(line).toEqual([row.memberNumber, ...row.name.split(' '), ...row.kana.split(' '), ...amounts]);
      }
      for (const font of fontsOf(pdf)) expect(font).toMatchObject({ embedded: true, subset: true });
    });

    it('is written in English, without page numbers on a single page', async () => {
      const pdf = await renderRegisterPdf(buildRegister(3, { locale: 'en' }));
      const pages = pagesOf(pdf);
      expect(pages).toHaveLength(1);
      const lines = (pages[0] ?? '').split('\n').map((line) => line.trim()).filter((line) => line !== '');
      expect(lines).toContain('Capital Register');
      expect(lines.map(wordsOf)).toContainEqual(['Member', 'no.', 'Name', 'Kana', 'Shares', 'Subscribed', 'Paid', 'in', 'Unpaid']);
      expect(lines.map(wordsOf)).toContainEqual(['000001', '山﨑', '𠮷男', 'ヤマザキ', 'ヨシオ', '1', '¥10,000', '¥10,000', '¥0']);
      expect(lines.map(wordsOf)).toContainEqual(['Total', '(3', 'members)', '6', '¥60,000', '¥45,000', '¥15,000']);
      expect(pages[0]).toMatch(/Balance as of: March 31, 2026/);
      expect(pages[0]).not.toMatch(/Page \d/);
    });
  });
});
