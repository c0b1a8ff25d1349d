import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import {
  checkCampaignValues,
  campaignScope,
  canRunCampaigns,
  cumulativeHighlights,
  filterFromParams,
  formatYearMonth,
  headline,
  importProblems,
  isWebAddress,
  nameIn,
  newCampaignValues,
  pageCount,
  paramsOf,
  prefectureShares,
  stageChoices,
  stageCounts,
  suggestedStage,
  toCampaignInput,
} from './campaign-values';

describe('the headline', () => {
  it('says JWCU’s figure as Japanese and English readers write it', () => {
    const progress = { adopted: 878, denominator: 1788, share: 878 / 1788 };
    expect(headline(progress, 'ja')).toBe('1,788団体中878団体（49.1%）');
    expect(headline(progress, 'en')).toBe('878 of 1,788 (49.1%)');
  });

  it('says nothing adopted as 0%', () => {
    expect(headline({ adopted: 0, denominator: 1788, share: 0 }, 'en')).toBe('0 of 1,788 (0%)');
  });
});

describe('the figures of the map and the stages', () => {
  it('gives each prefecture with targets its share adopted, and leaves out one without', () => {
    expect(prefectureShares([
      { prefectureCode: '13', adopted: 31, total: 63, share: 31 / 63 },
      { prefectureCode: '47', adopted: 0, total: 42, share: 0 },
      { prefectureCode: '01', adopted: 0, total: 0, share: 0 },
    ])).toEqual([{ prefectureCode: '13', value: 31 / 63 }, { prefectureCode: '47', value: 0 }]);
  });

  it('counts the stages in the order of the way forward', () => {
    const counts = stageCounts({ 'not-contacted': 700, contacted: 100, 'petition-submitted': 50, 'under-deliberation': 40, adopted: 878, rejected: 20 });
    expect(counts.map((c) => c.stage)).toEqual(['not-contacted', 'contacted', 'petition-submitted', 'under-deliberation', 'adopted', 'rejected']);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(1788);
  });

  it('starts the record-stage form at the usual next step', () => {
    expect(suggestedStage('not-contacted')).toBe('contacted');
    expect(suggestedStage('petition-submitted')).toBe('under-deliberation');
    expect(suggestedStage('under-deliberation')).toBe('adopted');
    expect(suggestedStage('rejected')).toBe('contacted');
    expect(suggestedStage('adopted')).toBe('under-deliberation');
  });

  it('offers every stage but the current one', () => {
    expect(stageChoices('adopted')).toEqual(['not-contacted', 'contacted', 'petition-submitted', 'under-deliberation', 'rejected']);
  });
});

describe('the cumulative chart', () => {
  it('names a month in either language', () => {
    expect(formatYearMonth('2017-05', 'ja')).toBe('2017年5月');
    expect(formatYearMonth('2017-05', 'en')).toBe('May 2017');
    expect(formatYearMonth('later', 'en')).toBe('later');
  });

  it('describes a long series by its first and last months and where it passed each quarter', () => {
    const series = Array.from({ length: 100 }, (_, i) => ({ month: `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, adopted: i * 8 }));
    const points = cumulativeHighlights(series);
    expect(points[0]).toEqual(series[0]);
    expect(points.at(-1)).toEqual(series[99]);
    expect(points.map((p) => p.adopted)).toEqual([0, 200, 400, 600, 792]);
  });

  it('keeps a short series whole', () => {
    const series = [{ month: '2020-12', adopted: 1 }, { month: '2021-01', adopted: 2 }];
    expect(cumulativeHighlights(series)).toEqual(series);
  });
});

describe('the targets’ list in the address', () => {
  it('reads the filter and page, dropping what is not a prefecture, a stage, a kind or a page', () => {
    expect(filterFromParams(new URLSearchParams('prefecture=13&stage=adopted&kind=local-government&q=千代田&page=3'))).toEqual({
      filter: { prefecture: '13', stage: 'adopted', kind: 'local-government', q: '千代田' },
      page: 3,
    });
    expect(filterFromParams(new URLSearchParams('prefecture=tokyo&stage=won&kind=city&page=-1'))).toEqual({ filter: { prefecture: '', stage: '', kind: '', q: '' }, page: 1 });
    expect(filterFromParams(new URLSearchParams(`q=${'か'.repeat(50)}`)).filter.q).toHaveLength(40);
  });

  it('writes back only what is set', () => {
    expect(paramsOf({ prefecture: '01', stage: '', kind: '', q: '' }, 1)).toEqual({ prefecture: '01' });
    expect(paramsOf({ prefecture: '', stage: 'contacted', kind: '', q: 'し' }, 2)).toEqual({ stage: 'contacted', q: 'し', page: '2' });
  });

  it('has at least one page', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(1788, 50)).toBe(36);
    expect(pageCount(100, 50)).toBe(2);
  });
});

describe('the campaign form', () => {
  it('starts today with every local government included', () => {
    expect(newCampaignValues('2026-11-27')).toMatchObject({ periodFrom: '2026-11-27', periodUntil: '', includeLocalGovernments: true });
  });

  it('needs a Japanese name and a start, and an end on or after the start', () => {
    expect(checkCampaignValues({ ...newCampaignValues(''), nameJa: ' ' })).toEqual({ nameJa: 'required', goalJa: 'required', periodFrom: 'required' });
    const named = { ...newCampaignValues('2026-04-01'), nameJa: '法制化', goalJa: '労働者協同組合法の制定' };
    expect(checkCampaignValues({ ...named, periodUntil: '2026-03-31' })).toEqual({ periodUntil: 'end_before_start' });
    expect(checkCampaignValues({ ...named, nameJa: 'あ'.repeat(151) })).toEqual({ nameJa: 'too_long' });
    expect(checkCampaignValues({ ...named, periodUntil: '2027-03-31' })).toEqual({});
  });

  it('sends blank English texts and an open end as null', () => {
    expect(toCampaignInput({ ...newCampaignValues('2000-04-01'), nameJa: ' 協同労働の法制化 ', goalJa: '法律の制定' })).toEqual({
      nameJa: '協同労働の法制化', nameEn: null, goalJa: '法律の制定', goalEn: null, periodFrom: '2000-04-01', periodUntil: null,
    });
  });

  it('shows the English name in English where there is one', () => {
    expect(nameIn({ nameJa: '千代田区', nameEn: null }, 'en')).toBe('千代田区');
    expect(nameIn({ nameJa: '公明党', nameEn: 'Komeito' }, 'en')).toBe('Komeito');
    expect(nameIn({ nameJa: '公明党', nameEn: 'Komeito' }, 'ja')).toBe('公明党');
  });
});

describe('links and the import', () => {
  it('keeps only web addresses', () => {
    expect(isWebAddress('https://www.city.chiyoda.lg.jp/gikai/ikensho.html')).toBe(true);
    expect(isWebAddress(' http://example.jp ')).toBe(true);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress('ftp://example.jp/file')).toBe(false);
    expect(isWebAddress('www.example.jp')).toBe(false);
  });

  it('reads the refused rows in either shape, in row order', () => {
    const error = new ApiError({
      status: 400,
      code: 'import_rejected',
      errors: [
        { field: 'rows.7.stage', code: 'invalid_stage' },
        { field: 'rows.9.row', code: 'duplicate_in_file', row: 9, column: '' } as never,
        { row: 3, column: '団体コード', code: 'unknown_local_government' } as never,
        { field: 'stage', code: 'missing_column' },
      ],
    });
    expect(importProblems(error)).toEqual([
      { row: null, column: 'stage', code: 'missing_column' },
      { row: 3, column: '団体コード', code: 'unknown_local_government' },
      { row: 7, column: 'stage', code: 'invalid_stage' },
      { row: 9, column: null, code: 'duplicate_in_file' },
    ]);
    expect(importProblems(new Error('offline'))).toEqual([]);
  });
});

describe('who runs campaigns, and whose', () => {
  const organizations = [
    { id: 'fed', kind: 'federation' as const },
    { id: 'org-1', kind: 'organization' as const },
  ];

  it('lets the federation administrator and an organization’s staff in, not a member', () => {
    expect(canRunCampaigns({ role: 'federation-admin', organizationId: null })).toBe(true);
    expect(canRunCampaigns({ role: 'clerk', organizationId: 'org-1' })).toBe(true);
    expect(canRunCampaigns({ role: 'org-admin', organizationId: null })).toBe(false);
    expect(canRunCampaigns({ role: 'member', organizationId: 'org-1' })).toBe(false);
  });

  it('shows the federation administrator the federation’s own campaigns unless another organization is chosen', () => {
    expect(campaignScope({ role: 'federation-admin', organizationId: null }, organizations, null)).toBe('fed');
    expect(campaignScope({ role: 'federation-admin', organizationId: null }, organizations, 'org-1')).toBe('org-1');
    expect(campaignScope({ role: 'federation-admin', organizationId: null }, organizations, 'elsewhere')).toBe('fed');
  });

  it('shows staff their own organization’s, whatever the address asks', () => {
    expect(campaignScope({ role: 'clerk', organizationId: 'org-1' }, organizations, 'fed')).toBe('org-1');
  });
});
