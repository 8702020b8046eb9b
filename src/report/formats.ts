/**
 * Report formats chosen by name. A "collect" format gets the finished Report; a "stream" format
 * writes findings as they are found (constant memory). Heavy formatters are loaded on demand, so
 * start-up does not pay for exceljs when printing a table.
 */
import type { Report } from './model.js';

export interface RenderOptions {
  color: boolean;
  maxFindings: number;
  width?: number;
}

export type Rendered = string | Uint8Array;

export interface CollectFormat {
  kind: 'collect';
  /** writes bytes that make no sense on a terminal (xlsx) */
  binary?: boolean;
  render(report: Report, opts: RenderOptions): Promise<Rendered>;
}

export interface StreamFormat {
  kind: 'stream';
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
  jsonl: { kind: 'stream' },
  csv: { kind: 'stream' },
  md: {
    kind: 'collect',
    render: async (report, opts) => (await import('./md.js')).formatMarkdown(report, opts),
  },
  html: {
    kind: 'collect',
    render: async (report, opts) => (await import('./html.js')).formatHtml(report, opts),
  },
  xlsx: {
    kind: 'collect',
    binary: true,
    render: async (report) => (await import('./xlsx.js')).formatXlsx(report),
  },
};

export function registerFormat(name: string, format: Format): void {
  FORMATS[name] = format;
}
