/**
 * `--format jsonl`: one JSON object per line, streamed. Findings come as they are found
 * (`"type":"finding"` plus the fields of SPEC §8), rejected rows as `"type":"rejected"`, and the
 * last line is `"type":"summary"` with the row accounting and the per-rule summary, so a consumer
 * that reads the whole stream has everything and one that stops early has the findings so far.
 */
import { localized } from '../i18n/index.js';
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
      out.write(
        summaryLine({
          peildatum: report.peildatum,
          profile: { id: report.profile.id, version: report.profile.version },
          input: reportJson(report).input,
          rules: report.summary.rules.map((r) => ({ ...r, title: localized(r.title) })),
        }),
      );
    },
  };
}
