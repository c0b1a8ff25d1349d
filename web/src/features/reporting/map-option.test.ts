import { CustomChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { describe, expect, it } from 'vitest';
import { mapCells } from './map-layout';
import { mapOption } from './map-option';
import { outlinesFromSvgMap } from './outlines';
import { prefectures } from './prefectures';

use([CustomChart, TooltipComponent, SVGRenderer]);

const colours = { stops: ['#edf2ff', '#748ffc', '#364fc7'], empty: '#e9ecef', darkText: '#000000', lightText: '#ffffff' };
const values = prefectures.map((p, i) => ({ prefectureCode: p.code, value: (i * 37) % 101 })).filter((v) => v.prefectureCode !== '47');
const format = (n: number) => `${n}人`;

/** The map drawn to an SVG string on the server, as the browser draws it. */
const draw = (width: number, height: number, option: ReturnType<typeof mapOption>): string => {
  const chart = init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
};

const input = (language: 'ja' | 'en') => ({
  cells: mapCells(values, language, colours).cells,
  format,
  fontFamily: 'sans-serif',
  border: '#ffffff',
  emptyBorder: '#868e96',
  highlight: '#000000',
  noData: 'データなし',
  selectable: true,
});

describe('the map option, drawn', () => {
  it('draws 47 squares with their short names, and the figure where squares are large', () => {
    const svg = draw(780, 720, mapOption(input('ja')));
    expect(svg.match(/<path /g)?.length).toBe(47);
    for (const name of ['北海道', '東京', '神奈川', '鹿児島', '沖縄']) expect(svg).toContain(`>${name}<`);
    expect(svg).toContain('>0人<');
    expect(svg).toContain('>—<');
  });

  it('leaves figures to the tooltip when squares are small', () => {
    const svg = draw(390, 360, mapOption(input('en')));
    expect(svg).toContain('>TKY<');
    expect(svg).not.toContain('人<');
  });

  it('draws outlines instead when it has them', () => {
    const outlines = outlinesFromSvgMap({
      viewBox: '0 0 100 100',
      locations: prefectures.map((p, i) => ({ name: p.nameEn, id: p.code, path: `M ${i * 2},${i * 2} l 2,0 l 0,2 z` })),
    });
    const svg = draw(400, 400, mapOption({ ...input('en'), outlines }));
    expect(svg.match(/<path /g)?.length).toBe(47);
    expect(svg).not.toContain('>TKY<');
  });

  it('says the name and the formatted figure in the tooltip', () => {
    const option = mapOption(input('ja'));
    const tooltip = option.tooltip as { formatter: (item: unknown) => string };
    expect(tooltip.formatter({ dataIndex: 12 })).toBe('東京都<br/><b>40人</b>');
    expect(tooltip.formatter({ dataIndex: 46 })).toBe('沖縄県<br/><b>データなし</b>');
  });
});
