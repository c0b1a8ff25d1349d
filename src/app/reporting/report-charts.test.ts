import { describe, expect, it } from 'vitest';
import { CHART_FONT, horizontalBarChart, membersTrendChart, PALETTE, turnoverTrendChart } from './report-charts.js';

const format = (value: number) => value.toLocaleString('ja-JP');
const size = { width: 499, height: 200 };

function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? '');
}

describe('annual report charts (echarts SSR to SVG)', () => {
  it('draws turnover by year as labelled columns, the report year darker, text in the embedded font', () => {
    const svg = turnoverTrendChart({ labels: ['2014年度', '2015年度', '2016年度'], values: [28_400, 30_100, 32_520], highlight: 2, unit: '百万円', format, ...size });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="499" height="200"');
    expect(texts(svg)).toEqual(expect.arrayContaining(['2014年度', '2016年度', '百万円', '28,400', '32,520']));
    expect(svg).toContain(`font-family:${CHART_FONT}`);
    expect(svg).toContain(`fill="${PALETTE[0]}"`);
    expect(svg).toContain('fill="#24506b"');
    // No animation left half-way: the columns are drawn at their full height.
    expect(svg).not.toContain('<animate');
  });

  it('draws members by kind as stacked lines with a legend', () => {
    const svg = membersTrendChart({
      labels: ['FY2014', 'FY2015', 'FY2016'],
      series: [
        { name: 'Worker members', values: [11_020, 11_800, 12_345] },
        { name: 'User members', values: [2_800, 3_000, 3_210] },
      ],
      unit: 'people',
      format,
      ...size,
    });
    expect(texts(svg)).toEqual(expect.arrayContaining(['Worker members', 'User members', 'FY2015', 'people']));
    expect(svg).toContain(`stroke="${PALETTE[1]}"`);
  });

  it('draws horizontal bars in the order given, each in its own colour when given', () => {
    const svg = horizontalBarChart({
      items: [
        { label: '3. すべての人に健康と福祉を', value: 14_200, color: '#4C9F38' },
        { label: '4. 質の高い教育をみんなに', value: 8_120, color: '#C5192D' },
      ],
      unit: '百万円',
      format,
      labelWidth: 180,
      ...size,
    });
    const labels = texts(svg);
    expect(labels).toEqual(expect.arrayContaining(['3. すべての人に健康と福祉を', '4. 質の高い教育をみんなに', '14,200', '8,120']));
    expect(svg).toContain('fill="#4C9F38"');
    expect(svg).toContain('fill="#C5192D"');
    // The first item is at the top: its label is drawn higher (smaller y) than the second's.
    const y = (label: string) => Number(new RegExp(`translate\\([\\d.]+ ([\\d.]+)\\)[^>]*>${label}<`).exec(svg)?.[1]);
    expect(y('3. すべての人に健康と福祉を')).toBeLessThan(y('4. 質の高い教育をみんなに'));
  });

  it('gives the same SVG for the same data however many charts were drawn before', () => {
    const draw = () => turnoverTrendChart({ labels: ['2015年度', '2016年度'], values: [1, 2], highlight: 1, unit: '百万円', format, ...size });
    const first = draw();
    draw();
    expect(draw()).toBe(first);
  });
});
