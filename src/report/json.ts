/** `--format json`: the report object of SPEC §8, with the report-trust fields as they are. */
import { localized } from '../i18n/index.js';
import type { Report } from './model.js';
import { baseName } from './overview.js';
import { reportCells, shownCounts, shownSummary } from './cells.js';

export function reportJson(report: Report) {
  const input = report.input;
  const cells = reportCells(report);
  return {
    tool: report.tool,
    profile: { id: report.profile.id, version: report.profile.version, name: localized(report.profile.name), extends: report.profile.chain.slice(1) },
    peildatum: report.peildatum,
    // what every format opens with, each message in the run's language
    warnings: report.warnings,
    input: {
      // base names: a full path can hold a user's name
      files: input.files.map(baseName),
      rows_read: input.rows_read,
      rows_checked: input.rows_checked,
      rows_rejected: input.rows_rejected,
      per_file: input.per_file.map((f) => ({ ...f, file: baseName(f.file) })),
      not_assessable: input.not_assessable.map((n) => ({ ...n, files: n.files.map(baseName) })),
      pii_columns: input.pii_columns.map((c) => ({ ...c, file: baseName(c.file) })),
      dates_after_peildatum: input.dates_after_peildatum,
      newest_date: input.newest_date,
      peildatum_given: input.peildatum_given,
      gemeenten: input.gemeenten,
      period: input.period,
      rows_outside_period: input.rows_outside_period,
      rows_outside_filter: input.rows_outside_filter,
    },
    // --min-cell: counts below N are the text "<N", percentages that would give one away "*"
    summary: {
      ...(shownSummary(report.summary, cells, Boolean(report.options.aggregate_only)) as Report['summary']),
      rules: report.summary.rules.map((r) => ({ ...(cells.minCell === null ? r : shownCounts(r, cells)), title: localized(r.title) })),
    },
    findings: report.findings,
    findings_total: report.findings_total,
    rejected: report.rejected.map((r) => ({ ...r, file: baseName(r.file) })),
    provenance: report.provenance,
  };
}

export function formatJson(report: Report): string {
  return JSON.stringify(reportJson(report), null, 2) + '\n';
}
