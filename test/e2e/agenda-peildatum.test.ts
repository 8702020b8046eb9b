/**
 * Issue 13.11 for the agenda: without --as-of it says that today is the peildatum, and warns
 * when the export's newest date lies more than 31 days before it, with check's rule and text
 * (src/engine/peildatum.ts): on stderr, in the table, Markdown and JSON, and in the .ics as the
 * calendar's description. The clock is faked (Date only), so "today" is a known day.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { giacheck } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'giacheck-agenda-peil-'));
// fixtures/zl-small.csv: its newest date is 20-05-2026
const ARGS = ['agenda', 'fixtures/zl-small.csv', '--region', 'zuid-limburg', '--days', '14'];

async function on(today: string, args: string[]) {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${today}T12:00:00Z`) });
  try {
    return await giacheck(args);
  } finally {
    vi.useRealTimers();
  }
}

/** An .ics property with its folded lines joined (RFC 5545 §3.1). */
function icsProperty(file: string, name: string): string | undefined {
  const text = readFileSync(file, 'utf8').replace(/\r\n[ \t]/g, '');
  return text.split('\r\n').find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
}

afterEach(() => vi.useRealTimers());

const TODAY_NL = 'peildatum: vandaag, 21-06-2026 (geef --as-of voor een andere dag)';
const STALE_NL = 'de nieuwste datum in de export (20-05-2026) ligt 32 dagen vóór de peildatum: is dit de export van deze maand?';

describe('agenda: today as peildatum and a stale export', () => {
  it('table: the two lines on stderr and under "Let op:", the same as check says them', async () => {
    const r = await on('2026-06-21', [...ARGS, '--width', '200']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`giacheck: ${TODAY_NL}\ngiacheck: ${STALE_NL}\n`);
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('Let op:');
    expect(lines.slice(at - 1, at + 4)).toEqual(['', 'Let op:', `- ${TODAY_NL}`, `- ${STALE_NL}`, '']);
    expect(lines[1]).toBe('Van 21-06-2026 tot en met 05-07-2026 (14 dagen vanaf de peildatum); verlopen termijnen bovenaan');
    const check = await on('2026-06-21', ['check', 'fixtures/zl-small.csv', '--region', 'zuid-limburg', '--format', 'json', '--fail-on', 'never']);
    expect(JSON.parse(check.stdout).warnings.filter((w: any) => ['peildatum-today', 'stale-export'].includes(w.code)).map((w: any) => w.message)).toEqual([TODAY_NL, STALE_NL]);
  });

  it('md, json and the .ics say it too', async () => {
    const ics = join(dir, 'a.ics');
    const md = await on('2026-06-21', [...ARGS, '--format', 'md', '--ics', ics, '--quiet']);
    expect(md.stderr).toBe('');
    expect(md.stdout).toContain(`\n\n**Let op:**\n\n- ${TODAY_NL}\n- ${STALE_NL}\n`);
    expect(icsProperty(ics, 'X-WR-CALDESC')).toBe(`${TODAY_NL} · ${STALE_NL}`);
    const json = JSON.parse((await on('2026-06-21', [...ARGS, '--format', 'json', '--quiet'])).stdout);
    expect(json.peildatum).toBe('2026-06-21');
    expect(json.peildatum_given).toBe(false);
    expect(json.input.newest_date).toBe('2026-05-20');
    expect(json.warnings).toEqual([
      { code: 'peildatum-today', message: TODAY_NL },
      { code: 'stale-export', message: STALE_NL },
    ]);
  });

  it('31 days is not stale yet: only "vandaag"', async () => {
    const ics = join(dir, 'b.ics');
    const r = await on('2026-06-20', [...ARGS, '--format', 'json', '--ics', ics]);
    expect(r.stderr.split('\n')[0]).toBe('giacheck: peildatum: vandaag, 20-06-2026 (geef --as-of voor een andere dag)');
    expect(JSON.parse(r.stdout).warnings.map((w: any) => w.code)).toEqual(['peildatum-today']);
    expect(icsProperty(ics, 'X-WR-CALDESC')).toBe('peildatum: vandaag, 20-06-2026 (geef --as-of voor een andere dag)');
  });

  it('with --as-of nothing of it, as in check: no warnings, no calendar description', async () => {
    const ics = join(dir, 'c.ics');
    const r = await on('2026-06-21', [...ARGS, '--as-of', '2026-06-21', '--format', 'json', '--ics', ics]);
    const json = JSON.parse(r.stdout);
    expect(json.peildatum_given).toBe(true);
    expect(json.warnings).toEqual([]);
    expect(r.stderr).toBe(`giacheck: ${ics}: ${json.total} afspraken geschreven\n`);
    expect(icsProperty(ics, 'X-WR-CALDESC')).toBeUndefined();
    const table = await on('2026-06-21', [...ARGS, '--as-of', '2026-06-21', '--width', '200']);
    expect(table.stdout).not.toContain('Let op');
  });

  it('--lang en', async () => {
    const r = await on('2026-06-21', [...ARGS, '--width', '200', '--lang', 'en']);
    const today = 'peildatum: today, 2026-06-21 (give --as-of for another day)';
    const stale = 'the newest date in the export (2026-05-20) is 32 days before the peildatum: is this the export of this month?';
    expect(r.stderr).toBe(`giacheck: ${today}\ngiacheck: ${stale}\n`);
    expect(r.stdout).toContain(`\nNote:\n- ${today}\n- ${stale}\n`);
  });
});
