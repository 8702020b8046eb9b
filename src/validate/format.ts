/**
 * Formats of the validate report: `table` (terminal, default), `json` (the report as data) and
 * `md` (Markdown, to hand out at the werkprocessenoverleg). Table and Markdown are built from the
 * same sections, so they always say the same thing. Text that came from the export (column names,
 * echoed dates) is cleaned of control characters, so a hostile header cannot move the cursor or
 * break a Markdown table.
 */
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import { formatNumber, localized, t } from '../i18n/index.js';
import '../i18n/catalog/validate.js';
import { parseIsoDay } from '../calendar/days.js';
import { displayDate } from '../report/messages.js';
import { provenanceLine, provenanceRows } from '../report/provenance.js';
import { fittingLayout, compactTable, wrapFull, wrapWords } from '../report/table.js';
import { ISSUE_CODES, SEVERITY } from './codes.js';
import type { Issue, ValidationReport } from './validate.js';
import { problemJson } from './list.js';
import { reportCells } from '../report/cells.js';
import { fillJson, fillSections } from './fill.js';

export const VALIDATE_FORMATS = ['table', 'json', 'csv', 'xlsx', 'md'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];
/** The formats that list every problem (src/validate/list.ts); table and md show examples. */
export const LIST_FORMATS: readonly ValidateFormat[] = ['json', 'csv', 'xlsx'];

/** What `--format json` knows before the run: the keys before "problems". */
export function validationJsonHead(report: Pick<ValidationReport, 'tool' | 'profile' | 'peildatum'>): { tool?: { name: string; version: string }; profile: object; peildatum: string } {
  return {
    tool: report.tool,
    profile: { id: report.profile.id, version: report.profile.version, name: localized(report.profile.name) },
    peildatum: report.peildatum,
  };
}

/** What `--format json` writes after "problems". */
export function validationJsonRest(report: ValidationReport): object {
  return {
    input: report.input,
    columns: report.columns,
    issues: report.issues,
    pii: report.pii,
    fill: fillJson(report.fill, reportCells(report)),
    options: report.options,
    provenance: report.provenance,
  };
}

/**
 * The report as JSON (the contract of `--format json`) with `problems`, every problem of the run
 * (the CLI streams the same bytes, src/validate/list.ts); titles in the current language.
 */
export function validationJson(report: ValidationReport, problems: readonly Issue[]): object {
  return { ...validationJsonHead(report), problems: problems.map(problemJson), ...validationJsonRest(report) };
}

/** No control characters (ANSI escapes, line breaks) from an export in a report. */
export function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

interface Section {
  title: string;
  head: string[];
  rows: string[][];
  note?: string;
}

interface Sections {
  title: string;
  lines: string[];
  sections: Section[];
  verdict: string;
  ok: boolean;
}

function isoToDisplay(iso: string): string {
  const d = parseIsoDay(iso);
  return d === undefined ? iso : displayDate(d);
}

/** `complete`: Markdown, with every fill rate per gemeente and per month; the table shows the fields below 100 %. */
function build(report: ValidationReport, complete = false): Sections {
  const sev = (s: string) => t(`severity.${s}`);
  const lines = [
    `${t('report.profile')}: ${localized(report.profile.name)} (${report.profile.id} ${report.profile.version}) · ${t('report.peildatum')}: ${isoToDisplay(report.peildatum)}`,
    `${t('report.files')}: ${report.input.files.map(clean).join(', ')}`,
    t('validate.rows', {
      read: formatNumber(report.input.rows_read),
      valid: formatNumber(report.input.rows_valid),
      errors: formatNumber(report.input.rows_with_errors),
      warnings: formatNumber(report.input.rows_with_warnings),
    }),
    t('validate.columns', {
      found: formatNumber(report.columns.found.length),
      mapped: formatNumber(Object.keys(report.columns.mapped).length),
      unknown: report.columns.unknown.length ? report.columns.unknown.map(clean).join(', ') : '–',
      missing: report.columns.missing.length ? report.columns.missing.join(', ') : '–',
    }),
  ];
  const sections: Section[] = [];
  if (report.pii.length) {
    sections.push({
      title: t('validate.piiTitle'),
      head: [t('col.file'), t('col.column'), t('validate.col.kind'), t('validate.col.basis')],
      rows: report.pii.map((p) => [clean(p.file), clean(p.column), t(`pii.${p.kind}`), t(`validate.basis.${p.basis}`)]),
      note: t('validate.piiNote'),
    });
  }
  const codes = ISSUE_CODES.filter((c) => report.issues.by_code[c]);
  if (codes.length) {
    sections.push({
      title: t('validate.byCode'),
      head: [t('validate.col.code'), t('col.severity'), t('col.count'), t('col.title')],
      rows: codes.map((c) => [c, sev(SEVERITY[c]), formatNumber(report.issues.by_code[c]!), t(`code.${c}`)]),
    });
    const cols = Object.entries(report.issues.by_column);
    if (cols.length) {
      sections.push({
        title: t('validate.byColumn'),
        head: [t('col.column'), t('col.count'), t('validate.col.codes')],
        rows: cols
          .map(([col, counts]) => [col, Object.values(counts).reduce((a, b) => a + (b ?? 0), 0), counts] as const)
          .sort((a, b) => b[1] - a[1])
          .map(([col, n, counts]) => [
            clean(col),
            formatNumber(n),
            Object.entries(counts)
              .map(([code, k]) => `${code} ${formatNumber(k ?? 0)}`)
              .join(', '),
          ]),
      });
    }
    // the examples per kind (--max-examples), each with how many of how many are shown
    const multiFile = report.input.files.length > 1;
    const shownCodes = codes.filter((c) => report.examples.some((e) => e.code === c));
    if (report.options.aggregate_only) lines.push(t('validate.aggregateOnly'));
    else if (report.examples_per_code === 0) lines.push(t('validate.examplesNone'));
    shownCodes.forEach((c, i) => {
      const list = report.examples.filter((e) => e.code === c);
      const total = report.issues.by_code[c]!;
      const notes = [
        ...(list.length < total ? [t('validate.examplesLeftOut', { count: formatNumber(total - list.length), max: formatNumber(report.examples_per_code) })] : []),
        ...(i === shownCodes.length - 1 ? [t('validate.examplesNote')] : []),
      ];
      sections.push({
        title: t('validate.examplesOf', { code: c, title: t(`code.${c}`), shown: formatNumber(list.length), total: formatNumber(total) }),
        head: [...(multiFile ? [t('col.file')] : []), t('col.row'), t('col.column'), t('col.reason')],
        rows: list.map((e) => [
          ...(multiFile ? [clean(e.file)] : []),
          e.row === null ? t('validate.header') : String(e.row),
          clean(e.column),
          clean(e.message) + (e.expected ? ` (${t('validate.expected', { type: t(`type.${e.expected}`) })})` : ''),
        ]),
        ...(notes.length ? { note: notes.join(' ') } : {}),
      });
    });
  }
  const cells = reportCells(report);
  if (cells.minCell !== null) lines.push(t('validate.minCell', { n: cells.minCell, below: cells.minCell - 1 }));
  const fill = fillSections(report.fill, complete, cells);
  lines.push(...fill.lines);
  sections.push(...fill.sections);
  const ok = report.issues.errors === 0;
  const verdict = ok
    ? report.issues.warnings
      ? t('validate.verdictWarnings', { warnings: formatNumber(report.issues.warnings) })
      : t('validate.verdictClean')
    : t('validate.verdictErrors', { errors: formatNumber(report.issues.errors), warnings: formatNumber(report.issues.warnings) });
  return { title: t('validate.title', { profile: localized(report.profile.name) }), lines, sections, verdict, ok };
}

/** Column widths that fit the terminal: natural widths, the widest column shrunk first. */
export function fitWidths(rows: string[][], width: number): number[] {
  const n = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: n }, (_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)) + 2);
  const border = n + 1;
  for (let guard = 0; guard < 50; guard++) {
    const excess = widths.reduce((a, b) => a + b, 0) + border - width;
    if (excess <= 0) break;
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest] <= 14) break;
    widths[widest] = Math.max(14, widths[widest] - excess);
  }
  return widths;
}

export function formatValidationTable(report: ValidationReport, opts: { color: boolean; width?: number }): string {
  return fittingLayout(
    opts.width,
    () => formatValidationBordered(report, opts.color, Math.min(Math.max(40, opts.width ?? 100), 200)),
    (width) => formatValidationCompact(report, opts.color, width),
  );
}

function formatValidationBordered(report: ValidationReport, color: boolean, width: number): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const s = build(report);
  const out = [chalk.bold(s.title), ...s.lines];
  for (const sec of s.sections) {
    out.push('', chalk.bold.underline(sec.title));
    const table = new Table({
      head: sec.head.map((h) => chalk.bold(h)),
      style: { head: [], border: [], compact: true },
      wordWrap: true,
      colWidths: fitWidths([sec.head, ...sec.rows], width),
    });
    for (const r of sec.rows) table.push(r);
    out.push(table.toString());
    if (sec.note) out.push(chalk.dim(sec.note));
  }
  // the provenance above the verdict: the verdict stays the last line a terminal shows
  out.push('', ...wrapWords(provenanceLine(report.provenance), width).map((l) => chalk.dim(l)));
  out.push('', s.ok ? chalk.green(s.verdict) : chalk.red(s.verdict));
  return out.join('\n') + '\n';
}

/**
 * The report for a terminal narrower than COMPACT_BELOW (issue 13.8): no borders, every line at
 * most `width` characters, and nothing cut: a long reason or column name wraps onto the next lines.
 */
function formatValidationCompact(report: ValidationReport, color: boolean, width: number): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const s = build(report);
  const para = (text: string) => wrapFull(text, width);
  const out = [...para(s.title).map((l) => chalk.bold(l)), ...s.lines.flatMap(para)];
  for (const sec of s.sections) {
    out.push('', ...para(sec.title).map((l) => chalk.bold.underline(l)));
    const last = sec.head.length - 1;
    out.push(compactTable(sec.head.map((head, i) => ({ head, wrap: true, ...(i === last ? { flex: true } : {}) })), sec.rows, width, (x) => chalk.bold(x)));
    if (sec.note) out.push(...para(sec.note).map((l) => chalk.dim(l)));
  }
  // the provenance above the verdict: the verdict stays the last line a terminal shows
  out.push('', ...para(provenanceLine(report.provenance)).map((l) => chalk.dim(l)));
  out.push('', ...para(s.verdict).map((l) => (s.ok ? chalk.green(l) : chalk.red(l))));
  return out.join('\n') + '\n';
}

/** A Markdown table cell: no pipes, line breaks or HTML from the export. */
function mdCell(text: string): string {
  return clean(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}

export function formatValidationMarkdown(report: ValidationReport): string {
  const s = build(report, true);
  const out = [`# ${mdCell(s.title)}`, '', ...s.lines.map((l) => `- ${mdCell(l)}`)];
  for (const sec of s.sections) {
    out.push('', `## ${mdCell(sec.title)}`, '');
    out.push(`| ${sec.head.map(mdCell).join(' | ')} |`, `| ${sec.head.map(() => '---').join(' | ')} |`);
    for (const r of sec.rows) out.push(`| ${r.map(mdCell).join(' | ')} |`);
    if (sec.note) out.push('', `_${mdCell(sec.note)}_`);
  }
  out.push('', `## ${mdCell(t('prov.title'))}`, '', mdCell(t('prov.intro')), '');
  out.push(`| ${mdCell(t('prov.col.what'))} | ${mdCell(t('prov.col.value'))} |`, '| --- | --- |');
  for (const r of provenanceRows(report.provenance)) out.push(`| ${mdCell(r.what)} | ${mdCell(r.value)} |`);
  out.push('', `**${mdCell(s.verdict)}**`, '');
  return out.join('\n');
}

/** The table or Markdown (json, csv and xlsx list every problem: src/validate/list.ts). */
export function formatValidation(report: ValidationReport, format: 'table' | 'md', opts: { color: boolean; width?: number }): string {
  if (format === 'md') return formatValidationMarkdown(report);
  return formatValidationTable(report, opts);
}
