/** `--format json`: the report object of SPEC §8. */
import { localized } from '../i18n/index.js';
import type { Report } from './model.js';

export function reportJson(report: Report) {
  return {
    tool: report.tool,
    profile: { id: report.profile.id, version: report.profile.version, name: localized(report.profile.name), extends: report.profile.chain.slice(1) },
    peildatum: report.peildatum,
    input: {
      files: report.input.files,
      rows_read: report.input.rows_read,
      rows_checked: report.input.rows_checked,
      rows_rejected: report.input.rows_rejected,
      not_assessable: report.input.not_assessable,
      pii_columns: report.input.pii_columns,
      dates_after_peildatum: report.input.dates_after_peildatum,
      newest_date: report.input.newest_date,
      peildatum_given: report.input.peildatum_given,
      gemeenten: report.input.gemeenten,
    },
    warnings: report.warnings,
    summary: {
      ...report.summary,
      rules: report.summary.rules.map((r) => ({ ...r, title: localized(r.title) })),
    },
    findings: report.findings,
    rejected: report.rejected,
  };
}

export function formatJson(report: Report): string {
  return JSON.stringify(reportJson(report), null, 2) + '\n';
}
