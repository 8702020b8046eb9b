import { describe, expect, it } from 'vitest';
import { Histogram } from '../../src/report/leadtime.js';
import { periodKey } from '../../src/calendar/periods.js';
import { dayFromYMD } from '../../src/calendar/days.js';

const of = (...values: number[]) => {
  const h = new Histogram();
  for (const v of values) h.add(v);
  return h;
};

describe('Histogram: nearest-rank percentiles (the value at rank ⌈p·n⌉)', () => {
  it('median of 1, 2, 3, 4 is 2 (rank 2), P90 is 4 (rank ⌈3.6⌉ = 4)', () => {
    expect(of(4, 1, 3, 2).spread()).toEqual({ count: 4, median: 2, p90: 4, max: 4 });
  });

  it('ten values: median at rank 5, P90 at rank 9, max the 10th', () => {
    expect(of(0, 1, 1, 2, 3, 4, 4, 7, 8, 13).spread()).toEqual({ count: 10, median: 3, p90: 8, max: 13 });
  });

  it('one value is its own median, P90 and max; none gives nulls', () => {
    expect(of(6).spread()).toEqual({ count: 1, median: 6, p90: 6, max: 6 });
    expect(new Histogram().spread()).toEqual({ count: 0, median: null, p90: null, max: null });
  });

  it('keeps values beyond the dense range apart and in order, and merges', () => {
    const a = of(5000, 2, 40_000);
    const b = of(3, 5000);
    a.merge(b);
    expect(a.entries()).toEqual([
      [2, 1],
      [3, 1],
      [5000, 2],
      [40_000, 1],
    ]);
    expect(a.spread()).toEqual({ count: 5, median: 5000, p90: 40_000, max: 40_000 });
  });

  it('memory stays bounded: a million values over 30 days are 30 counters', () => {
    const h = new Histogram();
    for (let i = 0; i < 1_000_000; i++) h.add(i % 30);
    expect(h.entries()).toHaveLength(30);
    expect(h.spread()).toEqual({ count: 1_000_000, median: 14, p90: 26, max: 29 });
  });
});

describe('periodKey', () => {
  it.each([
    ['month', '2026-06'],
    ['quarter', '2026-Q2'],
    ['half-year', '2026-H1'],
    ['year', '2026'],
  ] as const)('%s of 30 June 2026 is %s', (unit, key) => {
    expect(periodKey(dayFromYMD(2026, 6, 30), unit)).toBe(key);
  });
  it('1 July starts the second half-year and the third quarter', () => {
    expect([periodKey(dayFromYMD(2026, 7, 1), 'half-year'), periodKey(dayFromYMD(2026, 7, 1), 'quarter')]).toEqual(['2026-H2', '2026-Q3']);
  });
});
