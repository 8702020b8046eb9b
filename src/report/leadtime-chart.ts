/**
 * The lead-time distribution of one rule as a static inline SVG (no script): a column per term
 * value (or per bin of values when the spread is wide), the rule's term as a dashed line, the
 * axis labelled at 0, the term and the maximum, and a <title> per column with its exact count.
 */
import { esc, COLOURS } from './svg.js';

export interface DistributionChart {
  id: string;
  title: string;
  desc: string;
  /** [value, count] pairs, ascending */
  histogram: [number, number][];
  /** the rule's term in the same unit (dashed line), null when it varies */
  term: number | null;
  /** "werkdagen" / "dagen" for the column titles */
  unit: string;
}

const MAX_COLUMNS = 60;

export function distributionChart(c: DistributionChart): string {
  if (!c.histogram.length) return '';
  const max = c.histogram[c.histogram.length - 1][0];
  const bin = Math.max(1, Math.ceil((max + 1) / MAX_COLUMNS));
  const columns = Math.floor(max / bin) + 1;
  const counts = new Array<number>(columns).fill(0);
  for (const [v, n] of c.histogram) counts[Math.floor(v / bin)] += n;
  const top = Math.max(...counts);
  const width = 640;
  const height = 170;
  const left = 40;
  const right = 10;
  const plotTop = 14;
  const plotBottom = height - 26;
  const colW = (width - left - right) / columns;
  const x = (v: number) => left + (v / bin) * colW;
  let svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart leadtime" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `preserveAspectRatio="xMinYMin meet" aria-labelledby="${c.id}-t ${c.id}-d" font-family="system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="11">` +
    `<title id="${c.id}-t">${esc(c.title)}</title><desc id="${c.id}-d">${esc(c.desc)}</desc>`;
  svg += `<line x1="${left}" y1="${plotBottom}" x2="${width - right}" y2="${plotBottom}" stroke="${COLOURS.grid}"/>`;
  svg += `<text x="${left - 4}" y="${plotTop + 4}" text-anchor="end" fill="${COLOURS.muted}">${top}</text>`;
  svg += `<text x="${left - 4}" y="${plotBottom}" text-anchor="end" fill="${COLOURS.muted}">0</text>`;
  counts.forEach((n, i) => {
    if (!n) return;
    const h = ((plotBottom - plotTop) * n) / top;
    const from = i * bin;
    const to = from + bin - 1;
    const label = bin === 1 ? `${from} ${c.unit}: ${n}` : `${from}–${to} ${c.unit}: ${n}`;
    const late = c.term !== null && from > c.term;
    svg +=
      `<rect x="${(left + i * colW + 0.5).toFixed(1)}" y="${(plotBottom - h).toFixed(1)}" width="${Math.max(1, colW - 1).toFixed(1)}" height="${h.toFixed(1)}" ` +
      `fill="${late ? COLOURS.bad : COLOURS.neutral}"><title>${esc(label)}</title></rect>`;
  });
  const tick = (v: number, text: string) =>
    `<text x="${(x(v) + colW / 2).toFixed(1)}" y="${plotBottom + 14}" text-anchor="middle" fill="${COLOURS.text}">${esc(text)}</text>`;
  svg += tick(0, '0');
  if (c.term !== null && c.term <= max) {
    const tx = (x(c.term) + colW).toFixed(1);
    svg += `<line x1="${tx}" y1="${plotTop - 4}" x2="${tx}" y2="${plotBottom}" stroke="${COLOURS.text}" stroke-dasharray="4 3"/>`;
    if (c.term !== 0 && c.term !== max) svg += tick(c.term, String(c.term));
  }
  if (max !== 0) svg += tick(Math.floor(max / bin) * bin, String(max));
  return svg + '</svg>';
}
