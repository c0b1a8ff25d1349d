import { describe, expect, it } from 'vitest';
import { checkMilestone, isWebUrl } from './campaign.js';
import { campaignLocalGovernments } from './local-targets.js';
import { parseStage, planTargetImport, type ImportTarget } from './target-csv.js';

/** The campaign's targets: every local government, some with a stage already, and one parliamentary group. */
function buildTargets(overrides: Record<string, Partial<ImportTarget>> = {}): ImportTarget[] {
  const governments = campaignLocalGovernments().map((g): ImportTarget => ({
    id: `t-${g.code}`, kind: 'local-government', localGovernmentCode: g.code, prefectureCode: g.prefectureCode, nameJa: g.nameJa, nameEn: null,
    stage: 'not-contacted', stageOn: null, responsiblePerson: null, notes: null, version: 1, ...overrides[g.code],
  }));
  return [...governments, {
    id: 't-group', kind: 'parliamentary-group', localGovernmentCode: null, prefectureCode: null, nameJa: '協同組合振興研究議員連盟', nameEn: 'Parliamentary association',
    stage: 'contacted', stageOn: '2008-03-01', responsiblePerson: null, notes: null, version: 1,
  }];
}

const plan = (lines: string[][], targets = buildTargets()) => planTargetImport(lines[0]!, lines.slice(1), targets);

describe('reading targets\' stages from a CSV file', () => {
  it('reads stages in Japanese (with full-width brackets or without) and as codes', () => {
    expect(parseStage('採択（意見書可決）')).toBe('adopted');
    expect(parseStage('採択(意見書可決)')).toBe('adopted');
    expect(parseStage('採択')).toBe('adopted');
    expect(parseStage('請願・陳情提出')).toBe('petition-submitted');
    expect(parseStage('不採択')).toBe('rejected');
    expect(parseStage('under-deliberation')).toBe('under-deliberation');
    expect(parseStage('Not contacted')).toBe('not-contacted');
    expect(parseStage('決まった')).toBeNull();
  });

  it('matches a row by a 6-digit code, a 5-digit code without its check digit, a code that lost its leading zero, or a name', () => {
    const result = plan([
      ['団体コード', '団体名', '都道府県', '段階', '日付'],
      ['011002', '', '', '接触済み', '2016-04-01'],
      ['13101', '', '', '請願・陳情提出', '2016-05-01'],
      ['12106', '', '', 'contacted', '2016/6/1'],
      ['', '府中市', '東京都', '審議中', '令和2年6月1日'],
      ['', '広島県府中市', '', '採択（意見書可決）', '2016-07-01'],
      ['', '協同組合振興研究議員連盟', '', '請願・陳情提出', '2009-01-10'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.changes.map((c) => [c.row, c.target.id, c.stage?.stage, c.stage?.on])).toEqual([
      [2, 't-011002', 'contacted', '2016-04-01'],
      [3, 't-131016', 'petition-submitted', '2016-05-01'],
      // 012106 (岩見沢市) once Excel dropped the leading zero: no code starts 12106.
      [4, 't-012106', 'contacted', '2016-06-01'],
      [5, 't-132063', 'under-deliberation', '2020-06-01'],
      [6, 't-342084', 'adopted', '2016-07-01'],
      [7, 't-group', 'petition-submitted', '2009-01-10'],
    ]);
  });

  it('refuses every bad row with its row, column and reason: unknown code, wrong check digit, ambiguous or unknown name, bad stage and date', () => {
    const result = plan([
      ['団体コード', '団体名', '都道府県', '段階', '日付'],
      ['999999', '', '', '接触済み', '2016-04-01'],
      ['011001', '', '', '接触済み', '2016-04-01'],
      ['', '府中市', '', '接触済み', '2016-04-01'],
      ['', '存在しない村', '', '接触済み', '2016-04-01'],
      ['011002', '', '', '決定', '2016-04-31'],
      ['016951', '', '', '接触済み', '2016-04-01'],
      ['011002', '函館市', '', '接触済み', '2016-04-01'],
      ['131016', '', '大阪府', '接触済み', '2016-04-01'],
    ]);
    expect(result.changes).toEqual([]);
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '団体コード', 'unknown_local_government'],
      [3, '団体コード', 'invalid_check_digit'],
      [4, '団体名', 'ambiguous_name'],
      [5, '団体名', 'unknown_target'],
      [6, '段階', 'invalid_stage'],
      [6, '日付', 'invalid_date'],
      // 色丹村 is on the official list but has no assembly: not a target.
      [7, '団体コード', 'not_a_target'],
      [8, '団体名', 'code_name_mismatch'],
      [9, '都道府県', 'prefecture_mismatch'],
    ]);
    expect(result.errors[2]!.message).toContain('東京都');
    expect(result.errors[2]!.message).toContain('広島県');
  });

  it('moves a target several steps forward in one row; refuses a step back or an earlier date unless the row says 訂正', () => {
    const targets = buildTargets({
      '011002': { stage: 'adopted', stageOn: '2017-03-10' },
      '012025': { stage: 'under-deliberation', stageOn: '2017-02-01' },
    });
    const refused = plan([
      ['code', 'stage', 'date', 'correction'],
      ['011002', 'under-deliberation', '2017-04-01', ''],
      ['012025', 'adopted', '2017-01-15', 'no'],
      ['131016', 'adopted', '2017-05-01', ''],
    ], targets);
    expect(refused.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, 'stage', 'not_a_forward_step'], [3, 'date', 'before_current_stage']]);

    const corrected = plan([
      ['code', 'stage', 'date', 'correction'],
      ['011002', 'under-deliberation', '2017-04-01', '訂正'],
      ['012025', 'adopted', '2017-01-15', 'yes'],
      ['131016', 'adopted', '2017-05-01', ''],
    ], targets);
    expect(corrected.errors).toEqual([]);
    expect(corrected.changes.map((c) => c.stage)).toEqual([
      { stage: 'under-deliberation', on: '2017-04-01', correction: true },
      { stage: 'adopted', on: '2017-01-15', correction: true },
      // From not contacted straight to adopted: an ordinary step, not a correction.
      { stage: 'adopted', on: '2017-05-01', correction: false },
    ]);
  });

  it('counts rows that say what the campaign says already as unchanged, and keeps the person and notes an empty cell leaves out', () => {
    const targets = buildTargets({ '011002': { stage: 'adopted', stageOn: '2017-03-10', responsiblePerson: '山田' } });
    const result = plan([
      ['団体コード', '段階', '日付', '担当者', 'メモ'],
      ['011002', '採択（意見書可決）', '2017-03-10', '', ''],
      ['131016', '未接触', '', '', ''],
      ['012025', '未接触', '', '佐藤', ''],
    ], targets);
    expect(result.errors).toEqual([]);
    expect(result.unchanged).toBe(2);
    expect(result.changes).toMatchObject([{ row: 4, stage: null, responsiblePerson: '佐藤', notes: null }]);
  });

  it('refuses the same target twice, a stage without its date, and a date changed without a stage', () => {
    const targets = buildTargets({ '011002': { stage: 'contacted', stageOn: '2016-01-01' } });
    const result = plan([
      ['団体コード', '段階', '日付'],
      ['131016', '接触済み', '2016-04-01'],
      ['131016', '審議中', '2016-05-01'],
      ['012025', '接触済み', ''],
      ['011002', '接触済み', '2016-02-01'],
    ], targets);
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, '団体コード', 'duplicate_in_file'], [4, '日付', 'required'], [5, '日付', 'same_stage']]);
  });

  it('needs a column naming the target, one for the stage and one for its date', () => {
    expect(() => plan([['担当者', 'メモ'], ['a', 'b']])).toThrow(expect.objectContaining({
      code: 'incomplete_mapping', errors: ['code', 'stage', 'date'].map((field) => expect.objectContaining({ field, code: 'required' })),
    }));
  });
});

describe('milestones and links', () => {
  it('checks a milestone\'s date and title', () => {
    expect(() => checkMilestone({ kind: 'law-passed', on: '2020-12-04', titleJa: '労働者協同組合法成立', titleEn: null, description: null })).not.toThrow();
    expect(() => checkMilestone({ kind: 'other', on: '2020-02-30', titleJa: ' ', titleEn: null, description: null }))
      .toThrow(expect.objectContaining({ errors: [expect.objectContaining({ field: 'on', code: 'invalid_date' }), expect.objectContaining({ field: 'titleJa', code: 'required' })] }));
  });

  it('takes only web pages as links', () => {
    expect(isWebUrl('https://www.city.example.lg.jp/gikai/ikensho.pdf')).toBe(true);
    expect(isWebUrl('http://example.jp')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://example.jp', 'example.jp']) expect(isWebUrl(bad)).toBe(false);
  });
});
