/** Build a Report the way `giacheck check` does, straight from the sources (no CLI spawn). */
import { resolveInput } from '../../src/cli/common.js';
import { buildReport, check } from '../../src/engine/check.js';
import { TOOL } from '../../src/cli/version.js';
import type { Report } from '../../src/report/model.js';
import type { Pseudonymizer } from '../../src/report/pseudonymize.js';

export const ZL_SMALL = 'fixtures/zl-small.csv';

export async function reportFor(
  files: string[],
  opts: { region?: string; asOf: string; includePassed?: boolean; pseudo?: Pseudonymizer; sheet?: string; mapping?: string },
): Promise<Report> {
  const resolved = await resolveInput(files, { region: opts.region, asOf: opts.asOf, sheet: opts.sheet, mapping: opts.mapping });
  const includePassed = Boolean(opts.includePassed);
  const run = await check(resolved, { includePassed, failOn: 'never', pseudo: opts.pseudo });
  return buildReport(run, { includePassed, pseudonymized: Boolean(opts.pseudo), tool: TOOL });
}

/** The row of a rendered HTML table whose first cell is `key` (tags stripped, cells trimmed). */
export function htmlRow(html: string, key: string, tableClass: string): string[] | undefined {
  const table = new RegExp(`<table class="${tableClass}">([\\s\\S]*?)</table>`).exec(html)?.[1];
  if (!table) return undefined;
  for (const tr of table.match(/<tr[^>]*>[\s\S]*?<\/tr>/g) ?? []) {
    const cells = [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1].replace(/<br>/g, ' | ').replace(/<[^>]+>/g, '').trim());
    if (cells[0] === key) return cells;
  }
  return undefined;
}
