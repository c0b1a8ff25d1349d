import { describe, expect, it } from 'vitest';
import { pdfReader, popplerAvailable as checkPoppler, squeezed } from '../../../../test/support/poppler.js';
import { minutesPdf, type MinutesData, type MinutesMotion, type MinutesResolutionResult } from './minutes-pdf.js';

const popplerAvailable = checkPoppler('the minutes PDF suite');
const { rawLinesOf, linesOf, flat, fontsOf, infoOf } = pdfReader('minutes-pdf');

function resolution(overrides: Partial<MinutesResolutionResult> = {}): MinutesResolutionResult {
  return {
    type: 'resolution',
    votes: { for: 35, against: 20, abstain: 4, invalid: 1 },
    outcome: 'adopted',
    rule: 'majority_of_present',
    needed: 31,
    got: 35,
    chairDecision: null,
    ...overrides,
  };
}

function motion(overrides: Partial<MinutesMotion> = {}): MinutesMotion {
  return { title: '2026年度事業報告及び決算承認の件（原案）', proposer: '理事会', amendments: [], result: resolution(), ...overrides };
}

function buildMinutes(overrides: Partial<MinutesData> = {}): MinutesData {
  return {
    locale: 'ja',
    organization: { nameJa: 'ワーカーズコープちば労働者協同組合', nameEn: 'Workers Co-op Chiba', address: '千葉県千葉市中央区富士見2丁目3番1号' },
    meeting: {
      title: '第8回通常総会',
      bodyKind: 'general_assembly',
      openedAt: '2027-06-20T04:30:00Z',
      closedAt: '2027-06-20T06:20:00Z',
      place: '千葉市文化センター 5階 会議室',
      onlineUrl: 'https://meet.example.jp/kyodo/8th',
    },
    attendance: { entitled: 80, inPerson: 30, online: 6, written: 18, electronic: 4, proxy: 2, present: 60, quorumNeeded: 40, quorumMet: true },
    chair: '渡邉 齋',
    recorder: '菊地 謙',
    items: [
      {
        position: 1,
        title: '2026年度事業報告及び決算承認の件',
        kind: 'ordinary',
        proceedings: '菊地理事が事業報告及び決算について説明し、監事から監査報告があった。',
        motions: [motion()],
      },
      {
        position: 2,
        title: '定款一部変更の件',
        kind: 'special',
        proceedings: null,
        motions: [
          motion({
            title: '定款第12条の改正（原案）',
            amendments: [
              {
                title: '施行日を2028年4月1日に改める',
                proposer: '髙橋 和子',
                result: resolution({ votes: { for: 25, against: 30, abstain: 5, invalid: 0 }, outcome: 'rejected', got: 25 }),
              },
            ],
            result: resolution({ votes: { for: 45, against: 12, abstain: 3, invalid: 0 }, rule: 'two_thirds_of_present', needed: 40, got: 45 }),
          }),
        ],
      },
      {
        position: 3,
        title: '理事選任の件',
        kind: 'election',
        proceedings: '理事定数3名に対し4名が立候補した。',
        motions: [
          motion({
            title: '理事選挙',
            proposer: null,
            result: {
              type: 'election',
              method: 'stv_meek',
              seats: 3,
              ballots: 60,
              invalid: 2,
              quota: 14.5,
              candidates: [
                { name: '山﨑 𠮷男', votes: 22, elected: true },
                { name: '濱田 櫻', votes: 16, elected: true },
                { name: '髙橋 德子', votes: 12, elected: true },
                { name: '渡邉 齋', votes: 8, elected: false },
              ],
              outcome: 'elected',
              rule: 'stv_quota',
            },
          }),
        ],
      },
    ],
    signers: [
      { role: '議長', name: '渡邉 齋' },
      { role: '議事録署名人', name: '髙橋 和子' },
      { role: '議事録署名人', name: '濱田 櫻' },
    ],
    draftedOn: '2027-06-22',
    ...overrides,
  };
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

describe.skipIf(!popplerAvailable)('minutes (議事録) as PDF', () => {
  it('records when, where, who attended and that the quorum was met', async () => {
    const pdf = await minutesPdf(buildMinutes());
    const lines = linesOf(pdf);
    const text = flat(pdf);
    expect(lines[0]).toBe('第8回通常総会 議事録');
    expect(lines[1]).toBe('ワーカーズコープちば労働者協同組合');
    expect(lines).toContain('2027年6月20日（日）午後1時30分 開会 午後3時20分 閉会');
    expect(lines).toContain('千葉市文化センター 5階 会議室');
    expect(lines).toContain('オンライン：https://meet.example.jp/kyodo/8th');
    expect(lines).toContain('議決権を有する組合員の数 80名');
    expect(lines).toContain('本人出席（会場） 30名');
    expect(lines).toContain('本人出席（オンライン） 6名');
    expect(lines).toContain('書面による議決権行使 18名');
    expect(lines).toContain('電磁的方法による議決権行使 4名');
    expect(lines).toContain('代理人による議決権行使 2名');
    expect(lines).toContain('出席者合計 60名');
    expect(lines).toContain('定足数 40名（充足）');
    expect(text).toContain('以上のとおり、出席者数60名は定足数40名以上であり、本総会は適法に成立した。');
    expect(text).toContain('渡邉齋が議長となり、午後1時30分、開会を宣言した。');
    expect(text).toContain('午後3時20分、閉会を宣言した。');
  });

  it('gives each item its counts and the rule that decided it as a sentence; amendments indented and voted first', async () => {
    const pdf = await minutesPdf(buildMinutes());
    const raw = rawLinesOf(pdf);
    const lines = linesOf(pdf);
    const text = flat(pdf);

    expect(lines).toContain('第1号議案 2026年度事業報告及び決算承認の件（普通決議）');
    expect(lines).toContain('第2号議案 定款一部変更の件（特別決議）');
    expect(lines).toContain('第3号議案 理事選任の件（選挙）');
    expect(lines).toContain('賛成 35 反対 20 棄権 4 無効 1');
    expect(text).toContain(squeezed('出席組合員の議決権の過半数の賛成（必要数 31、賛成 35）により原案どおり可決'));

    const motionLine = raw.findIndex((line) => line.includes('議案：定款第12条の改正（原案）'));
    const amendmentLine = raw.findIndex((line) => line.includes('修正動議1：施行日を2028年4月1日に改める'));
    const amendmentResult = text.indexOf(squeezed('賛成が出席組合員の議決権の過半数に達しなかった（必要数 31、賛成 25）ため否決'));
    const motionResult = text.indexOf(squeezed('出席組合員の議決権の3分の2以上の賛成（必要数 40、賛成 45）により原案どおり可決'));
    expect(amendmentLine).toBeGreaterThan(motionLine);
    expect(indentOf(raw[amendmentLine]!)).toBeGreaterThan(indentOf(raw[motionLine]!));
    expect(amendmentResult).toBeGreaterThan(-1);
    expect(motionResult).toBeGreaterThan(amendmentResult);
    expect(lines).toContain('提出者：髙橋 和子');
  });

  it('shows an election per candidate, with the method, the quota and who was elected', async () => {
    const pdf = await minutesPdf(buildMinutes());
    const lines = linesOf(pdf);
    expect(lines).toContain('候補者 第1順位票 当選');
    expect(lines).toContain('山﨑 𠮷男 22 当選');
    expect(lines).toContain('髙橋 德子 12 当選');
    expect(lines).toContain('渡邉 齋 8');
    expect(lines).toContain('投票総数 60（うち無効 2）');
    expect(flat(pdf)).toContain(
      squeezed('単記移譲式投票（Meek方式）により、当選基数 14.5 票に達した者を当選者と定め（定数 3 名）、山﨑 𠮷男、濱田 櫻、髙橋 德子が当選'),
    );

    const approval = await minutesPdf(
      buildMinutes({
        items: [
          {
            position: 1,
            title: '監事選任の件',
            kind: 'election',
            proceedings: null,
            motions: [
              motion({
                title: '監事選挙',
                result: {
                  type: 'election',
                  method: 'approval',
                  seats: 2,
                  ballots: 58,
                  invalid: 0,
                  quota: null,
                  candidates: [
                    { name: '濱田 櫻', votes: 40, elected: true },
                    { name: '山﨑 𠮷男', votes: 33, elected: true },
                    { name: '髙橋 和子', votes: 20, elected: false },
                  ],
                  outcome: 'elected',
                  rule: 'approval_most_votes',
                },
              }),
            ],
          },
        ],
      }),
    );
    expect(linesOf(approval)).toContain('候補者 得票数 当選');
    expect(flat(approval)).toContain(squeezed('承認投票により、得票の多い順に定数 2 名まで当選者を定め、濱田 櫻、山﨑 𠮷男が当選'));
  });

  it('words a missing quorum, a tie the chair decides, a tie that fails, and an amended motion', async () => {
    const items: MinutesData['items'] = [
      {
        position: 1,
        title: '定款一部変更の件',
        kind: 'special',
        proceedings: null,
        motions: [motion({ result: resolution({ outcome: 'no_quorum', rule: 'quorum_not_met', needed: 40, got: 30, votes: { for: 0, against: 0, abstain: 0, invalid: 0 } }) })],
      },
      {
        position: 2,
        title: '事業計画の件',
        kind: 'ordinary',
        proceedings: null,
        motions: [
          motion({
            amendments: [{ title: '予算額を改める', proposer: null, result: resolution({ got: 33 }) }],
            result: resolution({ votes: { for: 30, against: 30, abstain: 0, invalid: 0 }, outcome: 'tie_for_chair', rule: 'tie_chair_decides', got: 30, chairDecision: 'adopted' }),
          }),
          motion({ title: '動議', result: resolution({ votes: { for: 30, against: 30, abstain: 0, invalid: 0 }, outcome: 'rejected', rule: 'tie_rejected', got: 30 }) }),
          motion({ title: '撤回された動議', result: null }),
        ],
      },
    ];
    const pdf = await minutesPdf(buildMinutes({ items, attendance: { ...buildMinutes().attendance, present: 30, quorumMet: false } }));
    const text = flat(pdf);
    expect(text).toContain('出席者数30名が定足数40名に満たないため、本総会は議決することができない。');
    expect(text).toContain(squeezed('出席組合員が定足数に達しなかった（必要数 40、出席 30）ため、議決できず'));
    expect(text).toContain(squeezed('出席組合員の議決権の過半数の賛成（必要数 31、賛成 33）により可決'));
    expect(text).toContain(squeezed('賛否同数（賛成 30、反対 30）のため、議長の決するところにより修正のとおり可決'));
    expect(text).toContain(squeezed('賛否同数（賛成 30、反対 30）のため否決'));
    expect(text).toContain('採決は行われなかった。');
  });

  it('ends with the signers: name and a blank for the seal', async () => {
    const pdf = await minutesPdf(buildMinutes());
    const lines = linesOf(pdf);
    const text = flat(pdf);
    expect(text).toContain('以上の議事の経過の要領及びその結果を明確にするため、この議事録を作成し、議長及び議事録署名人が次に記名押印する。');
    expect(lines).toContain('2027年6月22日');
    expect(lines).toContain('議事録作成者 菊地 謙');
    const signatures = lines.slice(lines.indexOf('2027年6月22日'));
    expect(signatures).toContain('議長 渡邉 齋 印');
    expect(signatures.filter((line) => line.startsWith('議事録署名人'))).toEqual(['議事録署名人 髙橋 和子 印', '議事録署名人 濱田 櫻 印']);
    expect(text).not.toContain('\uFFFD');
  });

  it('is written in English with the same rules in words', async () => {
    const pdf = await minutesPdf(
      buildMinutes({
        locale: 'en',
        meeting: { ...buildMinutes().meeting, title: '8th Ordinary General Assembly' },
        signers: [
          { role: 'Chair', name: '渡邉 齋' },
          { role: 'Minutes signer', name: '髙橋 和子' },
        ],
      }),
    );
    const lines = linesOf(pdf);
    const text = flat(pdf);
    expect(lines[0]).toBe('Minutes of the 8th Ordinary General Assembly');
    expect(lines).toContain('Workers Co-op Chiba');
    expect(lines).toContain('Opened Sunday 20 June 2027, 1:30 p.m. JST; closed 3:20 p.m. JST');
    expect(lines).toContain('Members entitled to vote 80');
    expect(lines).toContain('Quorum 40 (met)');
    expect(lines).toContain('Item 1: 2026年度事業報告及び決算承認の件 (ordinary resolution)');
    expect(lines).toContain('For 35, against 20, abstentions 4, invalid 1');
    expect(text).toContain(squeezed('Adopted by a majority of the votes of the members present (needed 31, for 35)'));
    expect(text).toContain(squeezed('Rejected: fewer than a majority of the votes of the members present were for it (needed 31, for 25)'));
    expect(text).toContain(squeezed("By single transferable vote (Meek's method), the candidates reaching the quota of 14.5 were declared elected to the 3 seats"));
    expect(lines).toContain('Chair 渡邉 齋 Seal');
    expect(lines).toContain('Minutes signer 髙橋 和子 Seal');
    expect(text).not.toContain('議事録');
  });

  it('embeds Noto Sans JP as subsets, and gives the same bytes for the same data, dated the day it was drawn up', async () => {
    const first = await minutesPdf(buildMinutes());
    const second = await minutesPdf(buildMinutes());
    expect(second.equals(first)).toBe(true);
    for (const font of fontsOf(first)) {
      expect(font).toMatchObject({ embedded: true, subset: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansJP-/);
    }
    expect(infoOf(first)).toMatch(/CreationDate:\s+2027-06-21T15:00:00Z/);
  });

  it('refuses a meeting that closes before it opens', async () => {
    await expect(minutesPdf(buildMinutes({ meeting: { ...buildMinutes().meeting, closedAt: '2027-06-20T04:00:00Z' } }))).rejects.toThrow(RangeError);
  });
});
