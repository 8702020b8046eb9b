/**
 * A static SVG line chart for the trend over runs (compare --format html): one line over the
 * peildatums, placed on a time axis (so three runs a month apart and one a week later look like
 * that), a dashed line at the norm, each point with its value as text and as a <title>. No script;
 * the HTML gives every chart its data table as well.
 */
import { COLOURS, complianceColour, esc } from '../report/svg.js';

export interface LinePoint {
  /** x label: the peildatum as displayed */
  label: string;
  /** day number of the peildatum (the time axis) */
  day: number;
  /** null: no value at this run (the line is broken there) */
  value: number | null;
  valueText: string;
}

export interface LineChartOptions {
  id: string;
  title: string;
  desc: string;
  /** the top of the y axis (1 for a share; the largest lead time otherwise) */
  yMax: number;
  /** tick labels of the y axis */
  yTick: (v: number) => string;
  /** a share: colour the points against the norm */
  share?: boolean;
  norm?: number | null;
  normText?: string;
  width?: number;
  height?: number;
}

const num = (n: number): string => (Math.round(n * 10) / 10).toString();

export function lineChart(points: LinePoint[], opts: LineChartOptions): string {
  const width = opts.width ?? 360;
  const height = opts.height ?? 180;
  const left = 40;
  const right = 16;
  const top = 22;
  const bottom = 30;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const first = Math.min(...points.map((p) => p.day));
  const last = Math.max(...points.map((p) => p.day));
  const span = last - first;
  // on the time axis; evenly when all runs share one peildatum
  const xOf = (p: LinePoint, i: number): number => left + (span > 0 ? ((p.day - first) / span) * plotW : points.length > 1 ? (i / (points.length - 1)) * plotW : plotW / 2);
  const yMax = opts.yMax > 0 ? opts.yMax : 1;
  const yOf = (v: number): number => top + plotH * (1 - Math.max(0, Math.min(1, v / yMax)));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-trend" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
      `preserveAspectRatio="xMinYMin meet" aria-labelledby="${opts.id}-t ${opts.id}-d" font-family="system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="11">` +
      `<title id="${opts.id}-t">${esc(opts.title)}</title><desc id="${opts.id}-d">${esc(opts.desc)}</desc>`,
  ];
  for (const p of [0, 0.5, 1]) {
    const y = top + plotH * (1 - p);
    out.push(`<line x1="${left}" y1="${num(y)}" x2="${width - right}" y2="${num(y)}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
    out.push(`<text x="${left - 4}" y="${num(y + 4)}" text-anchor="end" font-size="10" fill="${COLOURS.muted}">${esc(opts.yTick(yMax * p))}</text>`);
  }
  if (opts.norm !== null && opts.norm !== undefined) {
    const y = yOf(opts.norm);
    out.push(`<line class="norm" x1="${left}" y1="${num(y)}" x2="${width - right}" y2="${num(y)}" stroke="${COLOURS.text}" stroke-width="1.5" stroke-dasharray="4 3"/>`);
    if (opts.normText) out.push(`<text x="${width - right}" y="${num(y - 3)}" text-anchor="end" font-size="9" fill="${COLOURS.muted}">${esc(opts.normText)}</text>`);
  }
  // the line, broken where a run has no value
  let path = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${num(xOf(p, i))} ${num(yOf(p.value))} `;
    pen = true;
  });
  if (path) out.push(`<path class="line" d="${path.trim()}" fill="none" stroke="${COLOURS.neutral}" stroke-width="2"/>`);
  // date labels from the last run backwards, each at least 64 px from the one after it, so they never overlap
  const labelled = new Set<number>();
  let nextX = Infinity;
  for (let i = points.length - 1; i >= 0; i--) {
    const x = xOf(points[i], i);
    if (nextX - x >= 64) {
      labelled.add(i);
      nextX = x;
    }
  }
  const showValues = points.length <= 8;
  points.forEach((p, i) => {
    const x = xOf(p, i);
    out.push(`<g class="point" data-label="${esc(p.label)}"><title>${esc(`${p.label}: ${p.valueText}`)}</title>`);
    if (p.value !== null) {
      const y = yOf(p.value);
      const fill = opts.share ? complianceColour(p.value, opts.norm) : COLOURS.neutral;
      out.push(`<circle cx="${num(x)}" cy="${num(y)}" r="3.5" fill="${fill}"/>`);
      if (showValues) out.push(`<text x="${num(x)}" y="${num(Math.max(10, y - 6))}" text-anchor="middle" font-size="9.5" fill="${COLOURS.text}">${esc(p.valueText)}</text>`);
    }
    if (labelled.has(i)) {
      const anchor = i === points.length - 1 && points.length > 1 ? 'end' : x - left < 30 ? 'start' : 'middle';
      out.push(`<text x="${num(x)}" y="${height - bottom + 14}" text-anchor="${anchor}" font-size="9.5" fill="${COLOURS.text}">${esc(p.label)}</text>`);
    }
    out.push('</g>');
  });
  out.push(`<line x1="${left}" y1="${top + plotH}" x2="${width - right}" y2="${top + plotH}" stroke="${COLOURS.muted}" stroke-width="1"/>`);
  out.push('</svg>');
  return out.join('');
}
