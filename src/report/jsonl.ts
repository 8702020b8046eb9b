/**
 * `--format jsonl`: one JSON object per line, streamed. Findings come as they are found
 * (`"type":"finding"` plus the fields of SPEC §8), rejected rows as `"type":"rejected"`, and the
 * last line is `"type":"summary"` with the row accounting and the per-rule summary, so a consumer
 * that reads the whole stream has everything and one that stops early has the findings so far.
 */
import { ByteBuffer } from './bytes.js';
import type { Finding } from './findings.js';
import type { FindingStream, Rejected, StreamOut } from './model.js';
import { reportJson } from './json.js';
import { baseName } from './overview.js';

export function findingLine(f: Finding): string {
  return '{"type":"finding",' + JSON.stringify(f).slice(1) + '\n';
}

export function rejectedLine(r: Rejected): string {
  // a base name: a full path can hold a user's name
  return '{"type":"rejected",' + JSON.stringify({ ...r, file: baseName(r.file) }).slice(1) + '\n';
}

export function summaryLine(summary: object): string {
  return JSON.stringify({ type: 'summary', ...summary }) + '\n';
}

/** Findings are encoded straight into bytes (FindingWriter.jsonLineInto) and written 64 KB at a time. */
export function jsonlStream(out: StreamOut): FindingStream {
  const bytes = new ByteBuffer();
  const flush = () => {
    if (bytes.length) out.write(bytes.take());
  };
  return {
    target: { bytes },
    begin() {},
    afterRow() {
      if (bytes.length >= 1 << 16) out.write(bytes.take());
    },
    rejected(r) {
      flush(); // keep the order of the lines
      out.write(rejectedLine(r));
    },
    drain: () => out.drain(),
    end(report) {
      flush();
      const shown = reportJson(report);
      out.write(
        summaryLine({
          peildatum: report.peildatum,
          profile: { id: report.profile.id, version: report.profile.version },
          input: shown.input,
          // the summary as json shows it (--min-cell: small counts "<N", shares that would tell "*")
          rules: shown.summary.rules,
          period_unit: shown.summary.period_unit,
          lead_times: shown.summary.lead_times,
          werkvoorraad: shown.summary.werkvoorraad,
          ...(shown.summary.zicht_op_veiligheid ? { zicht_op_veiligheid: shown.summary.zicht_op_veiligheid } : {}),
          // what a reader must know first (small counts hidden, totals only, pseudonymised ids)
          warnings: report.warnings.filter((w) => w.code === 'min-cell' || w.code === 'aggregate-only' || w.code === 'pseudonymized'),
          provenance: report.provenance,
        }),
      );
    },
  };
}
