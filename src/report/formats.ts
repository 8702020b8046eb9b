/**
 * Report formats chosen by name. A "collect" format gets the finished Report; a "stream" format
 * writes findings as they are found (constant memory). Heavy formatters are loaded on demand, so
 * start-up does not pay for exceljs when printing a table.
 */
import type { FindingStream, RenderOptions, Rendered, Report, StreamOut } from './model.js';

export interface CollectFormat {
  kind: 'collect';
  /** writes bytes that make no sense on a terminal (xlsx) */
  binary?: boolean;
  render(report: Report, opts: RenderOptions): Promise<Rendered>;
}

export interface StreamFormat {
  kind: 'stream';
  open(out: StreamOut, stderr: NodeJS.WritableStream): Promise<FindingStream>;
}

export type Format = CollectFormat | StreamFormat;

export const FORMATS: Record<string, Format> = {
  table: {
    kind: 'collect',
    render: async (report, opts) => (await import('./table.js')).formatTable(report, opts),
  },
  json: {
    kind: 'collect',
    render: async (report) => (await import('./json.js')).formatJson(report),
  },
  jsonl: {
    kind: 'stream',
    open: async (out) => (await import('./jsonl.js')).jsonlStream(out),
  },
  csv: {
    kind: 'stream',
    open: async (out, stderr) => (await import('./csv.js')).csvStream(out, stderr),
  },
  md: {
    kind: 'collect',
    render: async (report) => (await import('./md.js')).formatMarkdown(report),
  },
  html: {
    kind: 'collect',
    render: async (report) => (await import('./html.js')).formatHtml(report),
  },
  xlsx: {
    kind: 'collect',
    binary: true,
    render: async (report) => (await import('./xlsx.js')).formatXlsx(report),
  },
};
