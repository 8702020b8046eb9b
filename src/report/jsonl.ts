/**
 * `--format jsonl`: one JSON object per line, streamed. Findings come as they are found
 * (`"type":"finding"` plus the fields of SPEC §8), rejected rows as `"type":"rejected"`, and the
 * last line is `"type":"summary"` with the row accounting and the per-rule summary, so a consumer
 * that reads the whole stream has everything and one that stops early has the findings so far.
 */
import type { Finding } from './findings.js';
import type { Rejected } from './model.js';

export function findingLine(f: Finding): string {
  return '{"type":"finding",' + JSON.stringify(f).slice(1) + '\n';
}

export function rejectedLine(r: Rejected): string {
  return '{"type":"rejected",' + JSON.stringify(r).slice(1) + '\n';
}

export function summaryLine(summary: object): string {
  return JSON.stringify({ type: 'summary', ...summary }) + '\n';
}
