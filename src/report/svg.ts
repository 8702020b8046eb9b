/**
 * Static SVG charts for the HTML report, rendered here (server-side) as plain strings: no browser
 * bundle, no script, no remote font, so the report opens offline and prints the same. Every chart
 * carries a <title> and <desc> (role="img") and prints its values as text next to the marks, so
 * the numbers do not depend on colour or on seeing the bars; the HTML report also gives each chart
 * its data table.
 */
import { printableText } from '../model/text.js';

/** Escape text for XML/HTML content and attribute values (no control or bidi-override characters). */
export function esc(text: string): string {
  return printableText(text).replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

export const COLOURS = {
  good: '#2e7d32',
  near: '#a15c00',
  bad: '#c62828',
  none: '#9e9e9e',
  neutral: '#1f5f99',
  grid: '#d0d0d0',
  text: '#1a1a1a',
  muted: '#555555',
  track: '#eeeeee',
};

/** Colour of a compliance share against its norm (default 90 %), as in the terminal table. */
export function complianceColour(share: number | null, norm?: number | null): string {
  if (share === null) return COLOURS.none;
  const target = norm ?? 0.9;
  return share >= target ? COLOURS.good : share >= target - 0.15 ? COLOURS.near : COLOURS.bad;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}

const num = (n: number): string => (Math.round(n * 10) / 10).toString();

/** `id` must be unique in the document: aria-labelledby points at the chart's title and desc. */
function open(width: number, height: number, id: string, title: string, desc: string, cls: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart ${cls}" role="img" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" preserveAspectRatio="xMinYMin meet" aria-labelledby="${id}-t ${id}-d" ` +
    `font-family="system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="12">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>`
  );
}

export interface ComplianceBar {
  /** rule id, gemeente, … */
  label: string;
  /** longer text under the label (rule title) */
  title?: string;
  /** small print (source) */
  note?: string;
  share: number | null;
  norm?: number | null;
  /** value printed right of the bar ("87,5%") */
  valueText: string;
  /** no bar because --min-cell hides the share: this text instead of "nothing to judge" */
  hiddenText?: string;
  /** e.g. "norm 90%" printed next to the norm marker */
  normText?: string;
}

/**
 * Horizontal bars 0–100 %, one per rule: the rule id and title above the bar, the source in small
 * print, the value right of the bar and a dashed marker at the rule's norm.
 */
export function complianceBarChart(bars: ComplianceBar[], opts: { id: string; title: string; desc: string; noValueText: string; width?: number }): string {
  const width = opts.width ?? 760;
  const left = 8;
  // room right of the bar for the value or "geen beoordeelde dossiers"
  const barMax = width - left - 200;
  const rowH = 50;
  const top = 24;
  const height = top + bars.length * rowH + 8;
  const out: string[] = [open(width, height, opts.id, opts.title, opts.desc, 'chart-rules')];
  // scale: 0, 50, 100 %
  for (const p of [0, 0.5, 1]) {
    const x = left + barMax * p;
    out.push(`<line x1="${num(x)}" y1="${top - 6}" x2="${num(x)}" y2="${height - 4}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
    out.push(`<text x="${num(x)}" y="${top - 10}" text-anchor="middle" font-size="10" fill="${COLOURS.muted}">${p * 100}%</text>`);
  }
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    const heading = b.title ? `${b.label} · ${b.title}` : b.label;
    out.push(`<g class="bar" data-label="${esc(b.label)}">`);
    out.push(`<title>${esc(`${heading}${b.note ? ` (${b.note})` : ''}: ${b.share === null ? (b.hiddenText ?? opts.noValueText) : b.valueText}`)}</title>`);
    out.push(`<text x="${left}" y="${y + 11}" font-weight="600" fill="${COLOURS.text}">${esc(clip(heading, 105))}</text>`);
    const barY = y + 16;
    out.push(`<rect x="${left}" y="${barY}" width="${num(barMax)}" height="14" fill="${COLOURS.track}"/>`);
    if (b.share !== null) {
      const w = Math.max(0, Math.min(1, b.share)) * barMax;
      out.push(`<rect class="value" x="${left}" y="${barY}" width="${num(w)}" height="14" fill="${complianceColour(b.share, b.norm)}"/>`);
    }
    out.push(
      `<text x="${num(left + barMax + 6)}" y="${barY + 11}" fill="${b.share === null ? COLOURS.muted : COLOURS.text}" font-weight="${b.share === null ? 400 : 600}">` +
        `${esc(b.share === null ? (b.hiddenText ?? opts.noValueText) : b.valueText)}</text>`,
    );
    if (b.norm !== null && b.norm !== undefined) {
      const nx = left + Math.max(0, Math.min(1, b.norm)) * barMax;
      out.push(`<line class="norm" x1="${num(nx)}" y1="${barY - 3}" x2="${num(nx)}" y2="${barY + 17}" stroke="${COLOURS.text}" stroke-width="2" stroke-dasharray="3 2"/>`);
    }
    const small = [b.note, b.norm !== null && b.norm !== undefined ? b.normText : undefined].filter(Boolean).join(' · ');
    if (small) out.push(`<text x="${left}" y="${barY + 27}" font-size="10" fill="${COLOURS.muted}">${esc(clip(small, 130))}</text>`);
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('');
}

export interface ColumnPoint {
  label: string;
  share: number | null;
  valueText: string;
}

/** Vertical bars 0–100 % per month of melding, the value above each bar. */
export function complianceColumnChart(points: ColumnPoint[], opts: { id: string; title: string; desc: string; width?: number }): string {
  const width = opts.width ?? 720;
  const height = 240;
  const left = 40;
  const right = 10;
  const top = 20;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const out: string[] = [open(width, height, opts.id, opts.title, opts.desc, 'chart-months')];
  for (const p of [0, 0.25, 0.5, 0.75, 1]) {
    const y = top + plotH * (1 - p);
    out.push(`<line x1="${left}" y1="${num(y)}" x2="${width - right}" y2="${num(y)}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
    out.push(`<text x="${left - 4}" y="${num(y + 4)}" text-anchor="end" font-size="10" fill="${COLOURS.muted}">${p * 100}%</text>`);
  }
  const n = Math.max(1, points.length);
  const slot = plotW / n;
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  // label every k-th month so labels never overlap (about 44 px per label)
  const every = Math.max(1, Math.ceil(44 / slot));
  points.forEach((p, i) => {
    const cx = left + slot * (i + 0.5);
    out.push(`<g class="bar" data-label="${esc(p.label)}"><title>${esc(`${p.label}: ${p.valueText}`)}</title>`);
    if (p.share !== null) {
      const h = Math.max(0, Math.min(1, p.share)) * plotH;
      out.push(`<rect class="value" x="${num(cx - barW / 2)}" y="${num(top + plotH - h)}" width="${num(barW)}" height="${num(h)}" fill="${complianceColour(p.share)}"/>`);
      if (every === 1) {
        out.push(`<text x="${num(cx)}" y="${num(top + plotH - h - 3)}" text-anchor="middle" font-size="9" fill="${COLOURS.text}">${esc(p.valueText)}</text>`);
      }
    }
    if (i % every === 0) {
      out.push(`<text x="${num(cx)}" y="${height - bottom + 14}" text-anchor="middle" font-size="10" fill="${COLOURS.text}">${esc(p.label)}</text>`);
    }
    out.push('</g>');
  });
  out.push(`<line x1="${left}" y1="${top + plotH}" x2="${width - right}" y2="${top + plotH}" stroke="${COLOURS.muted}" stroke-width="1"/>`);
  out.push('</svg>');
  return out.join('');
}

export interface CountBar {
  label: string;
  count: number;
  valueText: string;
}

/** Horizontal bars scaled to the largest count (the route mix). */
export function countBarChart(bars: CountBar[], opts: { id: string; title: string; desc: string; width?: number }): string {
  const width = opts.width ?? 720;
  const labelW = 260;
  const barMax = width - labelW - 110;
  const rowH = 22;
  const height = bars.length * rowH + 8;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const out: string[] = [open(width, height, opts.id, opts.title, opts.desc, 'chart-routes')];
  bars.forEach((b, i) => {
    const y = 4 + i * rowH;
    out.push(`<g class="bar" data-label="${esc(b.label)}"><title>${esc(`${b.label}: ${b.valueText}`)}</title>`);
    out.push(`<text x="${labelW - 8}" y="${y + 12}" text-anchor="end" fill="${COLOURS.text}">${esc(clip(b.label, 42))}</text>`);
    out.push(`<rect x="${labelW}" y="${y + 2}" width="${num(barMax)}" height="13" fill="${COLOURS.track}"/>`);
    if (b.count > 0) out.push(`<rect class="value" x="${labelW}" y="${y + 2}" width="${num((b.count / max) * barMax)}" height="13" fill="${COLOURS.neutral}"/>`);
    out.push(`<text x="${num(labelW + barMax + 6)}" y="${y + 12}" fill="${COLOURS.text}">${esc(b.valueText)}</text></g>`);
  });
  out.push('</svg>');
  return out.join('');
}
