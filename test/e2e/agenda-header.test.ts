/**
 * Issue 13.15: the agenda's header names exactly the weeks listed, their first Monday and last
 * Sunday, here over a year end (ISO week 1 of 2026 starts on 29-12-2025) with Kerstmis in a term.
 * ZL-01 is 5 werkdagen after the melding: 15-12-2025 → 22-12-2025; 19-12-2025 → 30-12-2025 (25
 * and 26 December are feestdagen); 22-12-2025 → 31-12-2025; 01-12-2025 → 08-12-2025, overdue.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { giacheck } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'giacheck-agenda-head-'));
const csv = join(dir, 'jaarwisseling.csv');
writeFileSync(csv, 'dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum\nY-1;Heerlen;15-12-2025;\nY-2;Heerlen;19-12-2025;\nY-3;Kerkrade;22-12-2025;\nY-5;Vaals;01-12-2025;\n');
const ARGS = ['agenda', csv, '--region', 'zuid-limburg', '--as-of', '2025-12-22', '--days', '14', '--quiet'];

describe('agenda header over a year end', () => {
  it('table: the weeks line is week 52 of 2025 up to week 1 of 2026, Monday 22-12-2025 to Sunday 04-01-2026, and those are the blocks listed', async () => {
    const r = await giacheck([...ARGS, '--width', '200']);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Agenda Zuid-Limburg',
      'Van 22-12-2025 tot en met 05-01-2026 (14 dagen vanaf de peildatum); verlopen termijnen bovenaan',
      'Weken: week 52 van 2025 tot en met week 1 van 2026 (22-12-2025 – 04-01-2026)',
    ]);
    expect(lines.filter((l) => /^(Week \d|Verlopen)/.test(l))).toEqual(['Verlopen (1)', 'Week 52 van 2025: 22-12-2025 – 28-12-2025 (1)', 'Week 1 van 2026: 29-12-2025 – 04-01-2026 (2)']);
    const rows = [...r.stdout.matchAll(/^│ (Y-\d) +│ ZL-01 │ [^│]+│ (\d\d-\d\d-\d{4}) /gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ['Y-5', '08-12-2025'],
      ['Y-1', '22-12-2025'],
      ['Y-2', '30-12-2025'],
      ['Y-3', '31-12-2025'],
    ]);
  });

  it('md, json and --lang en: the same range', async () => {
    const md = (await giacheck([...ARGS, '--format', 'md'])).stdout;
    expect(md).toContain('\n- Weken: week 52 van 2025 tot en met week 1 van 2026 (22-12-2025 – 04-01-2026)\n');
    const json = JSON.parse((await giacheck([...ARGS, '--format', 'json'])).stdout);
    expect(json.weeks).toEqual({ first: '2025-W52', last: '2026-W01', from: '2025-12-22', to: '2026-01-04' });
    expect(json.until).toBe('2026-01-05');
    expect(json.items.map((i: any) => [i.week, i.dossier_id, i.due_date])).toEqual([
      ['overdue', 'Y-5', '2025-12-08'],
      ['2025-W52', 'Y-1', '2025-12-22'],
      ['2026-W01', 'Y-2', '2025-12-30'],
      ['2026-W01', 'Y-3', '2025-12-31'],
    ]);
    const en = (await giacheck([...ARGS, '--lang', 'en', '--width', '200'])).stdout.split('\n');
    expect(en[2]).toBe('Weeks: week 52 of 2025 up to and including week 1 of 2026 (2025-12-22 – 2026-01-04)');
  });

  it('one week only: "Weken: week 1 van 2026 (29-12-2025 – 04-01-2026)"; the .ics has the same days', async () => {
    const ics = join(dir, 'a.ics');
    const r = await giacheck(['agenda', csv, '--region', 'zuid-limburg', '--as-of', '2025-12-29', '--days', '3', '--quiet', '--width', '200', '--ics', ics]);
    expect(r.stdout.split('\n')[2]).toBe('Weken: week 1 van 2026 (29-12-2025 – 04-01-2026)');
    const starts = readFileSync(ics, 'utf8').match(/^DTSTART;VALUE=DATE:\d{8}/gm);
    // Y-1 (due 22-12) and Y-5 (due 08-12) are overdue on 29-12-2025: placed on the peildatum
    expect(starts).toEqual(['DTSTART;VALUE=DATE:20251229', 'DTSTART;VALUE=DATE:20251229', 'DTSTART;VALUE=DATE:20251230', 'DTSTART;VALUE=DATE:20251231']);
  });
});
