/**
 * Issue 16.5, the validate half (CBS's spiegelrapport is the model): how full every canonical
 * field is, per gemeente and per month of melding, so "100 % on time" on 12 cases of 400 shows as
 * such. Counted over the usable rows (the rows check reads): a cell is filled when it holds a
 * usable value (a date, ja/nee, a known route, a handover item); a row with an error is not
 * counted here, its problems are in the issues.
 *
 * Memory is bounded: one counter per field per gemeente and per month, and at most MAX_GROUPS
 * gemeenten or months; rows beyond that are counted in one group "overige" (said in the report).
 */
import type { Day } from '../calendar/days.js';
import { monthKey } from '../calendar/days.js';
import { FIELD_INDEX, FIELDS, FieldName } from '../model/fields.js';
import { EMPTY_CELL } from '../model/row.js';
import { formatNumber, formatPercent, t } from '../i18n/index.js';
import '../i18n/catalog/fill.js';
import { ALL_CELLS, type CellPolicy, HIDDEN_SHARE } from '../report/cells.js';

/** Gemeenten or months kept apart; the rest is counted together (a national export has ~342 gemeenten). */
export const MAX_GROUPS = 2000;
const NF = FIELDS.length;

/** One gemeente or month: its usable rows and, per field, the rows with a usable value. */
export interface FillGroup {
  /** a gemeente's official name, or a month as yyyy-mm; null for the group of the rest (overige) */
  key: string | null;
  rows: number;
  filled: Record<FieldName, number>;
}

export interface FillReport {
  /** the usable rows counted (= input.rows_valid) */
  rows: number;
  /** per field: the rows with a usable value over all groups */
  filled: Record<FieldName, number>;
  /** fields with a column in none of the inputs: their share is not 0 % but unknown (null in rates) */
  no_column: FieldName[];
  by_gemeente: FillGroup[];
  by_month: FillGroup[];
}

class Groups {
  private readonly index = new Map<string, number>();
  /** rows, then NF filled counters, per group; the last group may be the rest */
  private counts: Int32Array = new Int32Array(16 * (NF + 1));
  private keys: (string | null)[] = [];
  private rest = -1;

  slot(key: string): number {
    let i = this.index.get(key);
    if (i !== undefined) return i;
    if (this.keys.length >= MAX_GROUPS) {
      if (this.rest < 0) this.rest = this.add(null);
      return this.rest;
    }
    i = this.add(key);
    this.index.set(key, i);
    return i;
  }

  private add(key: string | null): number {
    const i = this.keys.length;
    this.keys.push(key);
    if ((i + 1) * (NF + 1) > this.counts.length) {
      const grown = new Int32Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
    return i;
  }

  count(slot: number, ints: Int32Array, base: number): void {
    const at = slot * (NF + 1);
    this.counts[at]++;
    for (let f = 0; f < NF; f++) if (ints[base + f] !== EMPTY_CELL) this.counts[at + 1 + f]++;
  }

  groups(order: (a: string, b: string) => number): FillGroup[] {
    const out: FillGroup[] = this.keys.map((key, i) => {
      const at = i * (NF + 1);
      const filled = {} as Record<FieldName, number>;
      FIELDS.forEach((f, fi) => (filled[f] = this.counts[at + 1 + fi]));
      return { key, rows: this.counts[at], filled };
    });
    return out.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : order(a.key, b.key)));
  }
}

/** Counts the fill of the usable rows as validate reads them. */
export class FillCounter {
  private readonly gemeenten = new Groups();
  private readonly months = new Groups();
  private readonly present = new Set<FieldName>();
  private rows = 0;
  private readonly total = new Int32Array(NF);

  /** The fields with a column in a file that was read. */
  columns(fields: Iterable<FieldName>): void {
    for (const f of fields) this.present.add(f);
  }

  /** A usable row: its packed ints (src/model/row.ts) and its official gemeente. */
  add(ints: Int32Array, base: number, gemeente: string): void {
    this.rows++;
    for (let f = 0; f < NF; f++) if (ints[base + f] !== EMPTY_CELL) this.total[f]++;
    this.gemeenten.count(this.gemeenten.slot(gemeente), ints, base);
    const melding = ints[base + FIELD_INDEX.melding_datum];
    this.months.count(this.months.slot(monthKey(melding as Day)), ints, base);
  }

  /** `gemeenten`: the profile's order (deelregio, then name); others after them by name. */
  report(gemeenten: readonly string[]): FillReport {
    const rank = new Map(gemeenten.map((g, i) => [g, i]));
    const byProfile = (a: string, b: string) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b, 'nl');
    const filled = {} as Record<FieldName, number>;
    FIELDS.forEach((f, fi) => (filled[f] = this.total[fi]));
    return {
      rows: this.rows,
      filled,
      no_column: FIELDS.filter((f) => !this.present.has(f)),
      by_gemeente: this.gemeenten.groups(byProfile),
      by_month: this.months.groups((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    };
  }
}

/**
 * A field's share of filled rows; null when no input has its column (unknown, not 0 %) or there
 * are no rows.
 */
export function fillRate(fill: FillReport, field: FieldName, filled: number, rows: number): number | null {
  if (rows === 0 || fill.no_column.includes(field)) return null;
  return filled / rows;
}

/** A share for a report: exact ratio to four decimals (JSON). */
export function rate4(r: number | null): number | null {
  return r === null ? null : Math.round(r * 10000) / 10000;
}

/**
 * The fill as `--format json` gives it: counts and rates per field, overall, per gemeente, per
 * month. --min-cell (`cells`): a count below N is "<N", a rate that would give one away "*".
 */
export function fillJson(fill: FillReport, cells: CellPolicy = ALL_CELLS): object {
  const rates = (filled: Record<FieldName, number>, rows: number) =>
    Object.fromEntries(FIELDS.map((f) => [f, fillShare(fill, f, filled[f], rows, cells)]));
  const counts = (filled: Record<FieldName, number>) => Object.fromEntries(FIELDS.map((f) => [f, cells.value(filled[f])]));
  const group = (name: 'gemeente' | 'month') => (g: FillGroup) => ({
    [name]: g.key,
    ...(g.key === null ? { other: true } : {}),
    rows: cells.value(g.rows),
    filled: counts(g.filled),
    rate: rates(g.filled, g.rows),
  });
  return {
    basis: 'rows_valid',
    rows: cells.value(fill.rows),
    filled: counts(fill.filled),
    rate: rates(fill.filled, fill.rows),
    no_column: fill.no_column,
    by_gemeente: fill.by_gemeente.map(group('gemeente')),
    by_month: fill.by_month.map(group('month')),
  };
}

/** A share for a data format: to four decimals, null (no column, no rows) or "*" (--min-cell). */
export function fillShare(fill: FillReport, field: FieldName, filled: number, rows: number, cells: CellPolicy): number | null | typeof HIDDEN_SHARE {
  const r = fillRate(fill, field, filled, rows);
  return r === null ? null : cells.hidesShare(filled, rows) ? HIDDEN_SHARE : rate4(r);
}

/**
 * A share as the table and Markdown show it: never "100,0%" for a field that is not full in
 * every row, never "0,0%" for one that is filled somewhere; "–" without a column or rows.
 */
export function fillPercent(fill: FillReport, field: FieldName, filled: number, rows: number, cells: CellPolicy = ALL_CELLS): string {
  const r = fillRate(fill, field, filled, rows);
  if (r === null) return '–';
  if (cells.hidesShare(filled, rows)) return HIDDEN_SHARE;
  if (filled < rows && r >= 0.9995) return formatPercent(0.999);
  if (filled > 0 && r < 0.0005) return formatPercent(0.001);
  return formatPercent(r);
}

/** What validate's table and Markdown show of the fill: a title, a header, rows, a note. */
export interface FillSection {
  title: string;
  head: string[];
  rows: string[][];
  note?: string;
}

function groupName(g: FillGroup): string {
  return g.key ?? t('fill.other');
}

/** The group with the lowest share of `field` (the first of equals), as "Vaals 40,0%". */
function lowest(fill: FillReport, field: FieldName, groups: FillGroup[], cells: CellPolicy): string {
  let best: FillGroup | undefined;
  for (const g of groups) {
    if (g.rows === 0) continue;
    if (!best || g.filled[field] * best.rows < best.filled[field] * g.rows) best = g;
  }
  if (!best) return '–';
  // a hidden share (--min-cell) names no group either: which one is lowest would give it away
  if (cells.hidesShare(best.filled[field], best.rows)) return HIDDEN_SHARE;
  return `${groupName(best)} ${fillPercent(fill, field, best.filled[field], best.rows, cells)}`;
}

/**
 * The lines and sections of the fill. `complete` (Markdown): every field per gemeente and per
 * month; otherwise (the terminal table, 80 columns) only the fields below 100 %, each with its
 * lowest gemeente and month.
 */
export function fillSections(fill: FillReport, complete: boolean, cells: CellPolicy = ALL_CELLS): { lines: string[]; sections: FillSection[] } {
  if (fill.rows === 0) return { lines: [], sections: [] };
  const present = FIELDS.filter((f) => !fill.no_column.includes(f));
  const lines = fill.no_column.length ? [t('fill.noColumn', { fields: fill.no_column.join(', ') })] : [];
  if (complete) {
    const table = (title: string, groups: FillGroup[]): FillSection => ({
      title,
      head: [t('fill.col.field'), t('fill.total'), ...groups.map(groupName)],
      rows: [
        [t('fill.rows'), cells.count(fill.rows), ...groups.map((g) => cells.count(g.rows))],
        ...FIELDS.map((f) => [f, fillPercent(fill, f, fill.filled[f], fill.rows, cells), ...groups.map((g) => fillPercent(fill, f, g.filled[f], g.rows, cells))]),
      ],
      note: t('fill.mdNote'),
    });
    return { lines, sections: [table(t('fill.byGemeente'), fill.by_gemeente), table(t('fill.byMonth'), fill.by_month)] };
  }
  const below = present
    .filter((f) => fill.filled[f] < fill.rows)
    .sort((a, b) => fill.filled[a] - fill.filled[b] || FIELDS.indexOf(a) - FIELDS.indexOf(b));
  const full = present.length - below.length;
  if (!below.length) return { lines: [t('fill.allFull', { present: formatNumber(present.length), rows: cells.count(fill.rows) }), ...lines], sections: [] };
  return {
    lines,
    sections: [
      {
        title: t('fill.title', { rows: cells.count(fill.rows) }),
        head: [t('fill.col.field'), t('fill.col.filled'), t('fill.col.lowGemeente'), t('fill.col.lowMonth')],
        rows: below.map((f) => [f, fillPercent(fill, f, fill.filled[f], fill.rows, cells), lowest(fill, f, fill.by_gemeente, cells), lowest(fill, f, fill.by_month, cells)]),
        note: t('fill.note', { full: formatNumber(full), present: formatNumber(present.length) }),
      },
    ],
  };
}
