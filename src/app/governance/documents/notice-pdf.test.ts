import { describe, expect, it } from 'vitest';
import { pdfReader, popplerAvailable as checkPoppler, squeezed } from '../../../../test/support/poppler.js';
import { noticePdf, type NoticeData } from './notice-pdf.js';

const popplerAvailable = checkPoppler('the notice PDF suite');
const { pagesOf, linesOf, flat, fontsOf, infoOf } = pdfReader('notice-pdf');

function buildNotice(overrides: Partial<NoticeData> = {}, meeting: Partial<NoticeData['meeting']> = {}): NoticeData {
  return {
    locale: 'ja',
    organization: {
      nameJa: 'ワーカーズコープちば労働者協同組合',
      nameEn: 'Workers Co-op Chiba',
      address: '〒260-0015 千葉県千葉市中央区富士見2丁目3番1号',
      representative: '菊地 謙',
    },
    meeting: {
      title: '第8回通常総会',
      bodyKind: 'general_assembly',
      startsAt: '2027-06-20T04:30:00Z',
      endsAt: '2027-06-20T06:30:00Z',
      place: '千葉市文化センター 5階 会議室',
      onlineUrl: 'https://meet.example.jp/kyodo/8th',
      recordDate: '2027-05-31',
      votingDeadline: '2027-06-19T08:00:00Z',
      electronicVoting: true,
      writtenVoting: true,
      proxyAllowed: true,
      proxyCap: 10,
      ...meeting,
    },
    noticeDate: '2027-06-01',
    agenda: [
      { position: 2, title: '定款一部変更の件', kind: 'special', description: null },
      {
        position: 1,
        title: '2026年度事業報告及び決算承認の件',
        kind: 'ordinary',
        description: '2026年度の事業報告、貸借対照表、損益計算書及び剰余金処分案の承認を求めるものです。',
      },
      { position: 3, title: '理事及び監事選任の件', kind: 'election', description: '理事7名、監事2名を選任します。' },
    ],
    documents: ['2026年度事業報告書.pdf', '2026年度決算書.pdf', '定款変更新旧対照表.pdf'],
    ...overrides,
  };
}

describe.skipIf(!popplerAvailable)('notice of meeting (招集通知) as PDF', () => {
  it('reads as a Japanese co-operative notice, on one page', async () => {
    const pdf = await noticePdf(buildNotice());
    expect(pagesOf(pdf)).toHaveLength(1);
    const lines = linesOf(pdf);
    const text = flat(pdf);

    expect(lines[0]).toBe('2027年6月1日');
    expect(lines).toContain('組合員各位');
    expect(lines).toContain('ワーカーズコープちば労働者協同組合');
    expect(lines).toContain('代表理事 菊地 謙');
    expect(lines).toContain('第8回通常総会 招集ご通知');
    expect(text).toContain('拝啓');
    expect(text).toContain(squeezed('さて、第8回通常総会を下記のとおり開催いたしますので、ご出席くださいますようご通知申し上げます。'));
    expect(text).toContain(squeezed('書面、電磁的方法または代理人により議決権を行使することができます'));
    expect(lines).toContain('敬具');
    expect(lines).toContain('記');
    expect(lines).toContain('1. 日時 2027年6月20日（日）午後1時30分から午後3時30分まで');
    expect(lines).toContain('2. 場所 千葉市文化センター 5階 会議室');
    expect(lines).toContain('オンライン参加：https://meet.example.jp/kyodo/8th');

    // The agenda in order of its numbers, each with the kind of decision it needs.
    const agenda = lines.filter((line) => /第\d号議案/.test(line)).map((line) => line.replace(/^3\. 会議の目的事項 /, ''));
    expect(agenda).toEqual(['第1号議案 2026年度事業報告及び決算承認の件（普通決議）', '第2号議案 定款一部変更の件（特別決議）', '第3号議案 理事及び監事選任の件（選挙）']);
    expect(text).toContain('理事7名、監事2名を選任します。');

    expect(text).toContain(squeezed('(1) 書面による議決権の行使：同封の議決権行使書に議案ごとの賛否をご記入のうえ、2027年6月19日（土）午後5時までに到着するようご提出ください。'));
    expect(text).toContain(squeezed('(2) 電磁的方法による議決権の行使：'));
    expect(text).toContain(squeezed('代理人1名が代理できる組合員は10名までです。'));
    expect(text).toContain(squeezed('5. 基準日 2027年5月31日現在の組合員名簿に記載された組合員が議決権を行使することができます。'));
    expect(lines).toContain('6. 添付書類 ・2026年度事業報告書.pdf');
    expect(lines).toContain('・定款変更新旧対照表.pdf');
    expect(lines.at(-1)).toBe('以上');
    expect(text).not.toContain('\uFFFD');
  });

  it('is written in English with the English name and Japan time spelled out', async () => {
    const pdf = await noticePdf(
      buildNotice(
        {
          locale: 'en',
          agenda: [
            { position: 1, title: 'Annual report and accounts for 2026', kind: 'ordinary', description: null },
            { position: 2, title: 'Election of directors', kind: 'election', description: null },
          ],
        },
        { title: '8th Ordinary General Assembly' },
      ),
    );
    const lines = linesOf(pdf);
    const text = flat(pdf);
    expect(lines[0]).toBe('1 June 2027');
    expect(lines).toContain('To all members');
    expect(lines).toContain('Workers Co-op Chiba');
    expect(lines).toContain('菊地 謙, Representative Director');
    expect(lines).toContain('Notice of the 8th Ordinary General Assembly');
    expect(lines).toContain('1. Date and time Sunday 20 June 2027, 1:30 p.m. to 3:30 p.m. JST');
    expect(lines).toContain('3. Agenda Item 1: Annual report and accounts for 2026 (ordinary resolution)');
    expect(lines).toContain('Item 2: Election of directors (election)');
    expect(text).toContain(squeezed('you may vote in writing, electronically or by proxy'));
    expect(text).toContain(squeezed('by Saturday 19 June 2027, 5:00 p.m. JST'));
    expect(text).toContain(squeezed('Members on the register on 31 May 2027 may vote.'));
    expect(lines).toContain('• 2026年度決算書.pdf');
    expect(text).not.toContain('令和');
    expect(text).not.toContain('招集');
  });

  it('speaks to the body that meets: delegates for a delegate assembly, directors for a board held online', async () => {
    const delegates = flat(await noticePdf(buildNotice({}, { bodyKind: 'delegate_assembly', title: '第8回通常総代会' })));
    expect(delegates).toContain('総代各位');
    expect(delegates).toContain('第8回通常総代会招集ご通知');
    expect(delegates).toContain('他の総代を代理人として');
    expect(delegates).toContain('総代会に出席したものとみなします。');

    const board = await noticePdf(
      buildNotice(
        { agenda: [{ position: 1, title: '総会提出議案の件', kind: 'ordinary', description: null }], documents: [] },
        { bodyKind: 'board', title: '第52回理事会', place: null, writtenVoting: false, electronicVoting: false, proxyAllowed: false, votingDeadline: null },
      ),
    );
    const lines = linesOf(board);
    expect(lines).toContain('理事・監事各位');
    expect(lines).toContain('2. 場所 オンライン開催');
    expect(lines).toContain('4. 議決権の行使について 議決権は、会議に出席して行使してください。');
    expect(flat(board)).not.toContain('添付書類');
    expect(flat(board)).not.toContain('なお、当日');
  });

  it('without a deadline, asks for votes by the opening', async () => {
    const text = flat(await noticePdf(buildNotice({}, { votingDeadline: null })));
    expect(text).toContain('開会の時までに議決権を行使してくださいますよう');
  });

  it('embeds Noto Sans JP as subsets, and gives the same bytes for the same data, dated the day of the notice', async () => {
    const first = await noticePdf(buildNotice());
    const second = await noticePdf(buildNotice());
    expect(second.equals(first)).toBe(true);
    const fonts = fontsOf(first);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font).toMatchObject({ embedded: true, subset: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansJP-/);
    }
    expect(first.byteLength).toBeLessThan(150_000);
    expect(infoOf(first)).toMatch(/CreationDate:\s+2027-05-31T15:00:00Z/);
  });

  it('refuses dates that are not dates', async () => {
    await expect(noticePdf(buildNotice({ noticeDate: '2027-02-30' }))).rejects.toThrow(RangeError);
    await expect(noticePdf(buildNotice({}, { startsAt: 'next Sunday' }))).rejects.toThrow(RangeError);
  });
});
