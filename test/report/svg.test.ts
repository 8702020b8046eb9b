import { describe, expect, it } from 'vitest';
import { COLOURS, complianceBarChart, complianceColour, complianceColumnChart, countBarChart, esc } from '../../src/report/svg.js';

const valueRects = (svg: string) => [...svg.matchAll(/<rect class="value" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => m.slice(1).map(Number));

describe('svg charts', () => {
  it('esc escapes the five XML characters', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('colours compliance against the norm (default 90 %), grey without a value', () => {
    expect(complianceColour(0.95)).toBe(COLOURS.good);
    expect(complianceColour(0.9)).toBe(COLOURS.good);
    expect(complianceColour(0.8)).toBe(COLOURS.near);
    expect(complianceColour(0.7)).toBe(COLOURS.bad);
    expect(complianceColour(0.7, 0.7)).toBe(COLOURS.good);
    expect(complianceColour(null)).toBe(COLOURS.none);
  });

  it('bar chart: bar length is the share of the scale, the norm a dashed marker, the title escaped', () => {
    const svg = complianceBarChart(
      [
        { label: 'A-1', title: 'a <b>', share: 0.25, norm: 0.9, valueText: '25%', normText: 'norm 90%' },
        { label: 'A-2', share: null, valueText: '–' },
      ],
      { id: 'c1', title: 'T', desc: 'D', noValueText: 'geen', width: 408 },
    );
    // scale = 408 − 8 − 200 = 200 px
    expect(valueRects(svg)).toEqual([[8, 40, 50, 14]]);
    expect(svg).toContain('<line class="norm" x1="188"');
    expect(svg).toContain('A-1 · a &lt;b&gt;');
    expect(svg).toContain('>geen</text>');
    expect(svg).toContain('height="132"'); // 24 + 2 × 50 + 8
  });

  it('column chart: one bar per month, heights in proportion, labels thinned when crowded', () => {
    const few = complianceColumnChart(
      [
        { label: '2026-01', share: 1, valueText: '100%' },
        { label: '2026-02', share: 0.5, valueText: '50%' },
      ],
      { id: 'm', title: 'T', desc: 'D', width: 250 },
    );
    const rects = valueRects(few);
    expect(rects.map((r) => r[3])).toEqual([180, 90]); // plot height 240 − 20 − 40
    expect(few).toContain('>2026-02</text>');
    const many = complianceColumnChart(
      Array.from({ length: 36 }, (_, i) => ({ label: `m${i}`, share: 0.5, valueText: '50%' })),
      { id: 'm2', title: 'T', desc: 'D' },
    );
    expect(valueRects(many)).toHaveLength(36);
    const labels = [...many.matchAll(/text-anchor="middle" font-size="10" fill="#1a1a1a">(m\d+)</g)].map((m) => m[1]);
    expect(labels.length).toBeLessThan(36);
    expect(labels[0]).toBe('m0');
  });

  it('count chart scales to the largest count', () => {
    const svg = countBarChart(
      [
        { label: 'V&V', count: 10, valueText: '10' },
        { label: 'Onderzoek', count: 5, valueText: '5' },
        { label: 'leeg', count: 0, valueText: '0' },
      ],
      { id: 'r', title: 'T', desc: 'D', width: 570 },
    );
    // scale = 570 − 260 − 110 = 200 px
    expect(valueRects(svg).map((r) => r[2])).toEqual([200, 100]);
    expect(svg).toContain('V&amp;V');
  });
});
