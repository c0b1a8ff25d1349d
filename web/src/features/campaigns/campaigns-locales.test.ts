import { describe, expect, it } from 'vitest';
import { targetCsvFields } from '../../../../src/domain/advocacy/target-csv';
import en from '../../locales/en.json';
import { hasText as has } from '../../locales/has-text';
import ja from '../../locales/ja.json';
import { MILESTONE_KINDS, STAGES, TARGET_KINDS } from './campaigns';

describe('the texts of campaigns', () => {
  it('name every stage, kind of target and milestone, import column and encoding, download and page control', () => {
    const needed = [
      ...STAGES.map((stage) => `campaigns.stage.${stage}`),
      ...TARGET_KINDS.map((kind) => `campaigns.kind.${kind}`),
      ...MILESTONE_KINDS.map((kind) => `campaigns.milestoneKind.${kind}`),
      ...targetCsvFields.map((field) => `campaigns.import.columnName.${field}`),
      ...['auto', 'utf-8', 'cp932'].map((encoding) => `campaigns.import.encodingName.${encoding}`),
      ...['csvUtf8Ja', 'csvCp932Ja', 'csvUtf8En', 'csvCp932En', 'pdfJa', 'pdfEn'].map((link) => `campaigns.downloads.${link}`),
      ...['first', 'previous', 'next', 'last'].map((control) => `campaigns.targets.${control}Page`),
    ];
    for (const [language, translations] of [['ja', ja], ['en', en]] as const) expect(needed.filter((key) => !has(translations, key)), language).toEqual([]);
  });

  it('say the stages as the Japanese campaign’s papers call them', () => {
    expect(ja.campaigns.stage).toEqual({
      'not-contacted': '未接触', contacted: '接触済み', 'petition-submitted': '請願・陳情提出', 'under-deliberation': '審議中', adopted: '採択（意見書可決）', rejected: '不採択',
    });
  });

  it('say every problem a stage, a link or an imported row can have', () => {
    const problems = [
      'not_a_forward_step', 'same_stage', 'before_current_stage', 'invalid_url', 'duplicate_name', 'unknown_organization', 'unknown_prefecture',
      'invalid_local_government_code', 'invalid_check_digit', 'unknown_local_government', 'not_a_target', 'prefecture_mismatch', 'code_name_mismatch',
      'unknown_target', 'ambiguous_name', 'invalid_stage', 'duplicate_in_file', 'invalid_value',
    ].map((code) => `campaigns.problem.${code}`);
    for (const [language, translations] of [['ja', ja], ['en', en]] as const) expect(problems.filter((key) => !has(translations, key)), language).toEqual([]);
  });
});
