import { withAllColumns } from '../helpers/cases.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dayFromYMD } from '../../src/calendar/days.js';
import { groupAgenda, isoWeek, onAgenda, AgendaItem } from '../../src/agenda/agenda.js';
import { formatAgendaTable } from '../../src/agenda/format.js';
import { eventUid } from '../../src/agenda/ics.js';
import { runAgenda, AgendaOptions } from '../../src/cli/agenda.js';
import { UserError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { testIo } from '../helpers/io.js';

/** The "Rapport geschreven naar …" line every --output run ends with (tested in test/e2e/output-by-name.test.ts). */
const withoutWrittenLine = (text: string) => text.replace(/^giacheck: Rapport geschreven naar .*\n/m, '');

/**
 * Peildatum Wednesday 04-11-2026, Zuid-Limburg:
 * - A-1 (Heerlen) melding Mon 02-11: ZL-01 and ZL-02 due Mon 09-11 (pending);
 * - B-1 (Maastricht) melding Thu 01-10: both due 08-10, overdue 27 days;
 * - C-1 (Kerkrade) V&V, warme overdracht 20-08: ZL-08 (3 months) due 20-11, window 06-11 – 04-12;
 *   ZL-09 (12 months) due 20-08-2027; everything else on time;
 * - D-1 (Heerlen) melding on the peildatum: both due Wed 11-11.
 */
const CSV = `dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum;directbetrokkenen_geinformeerd_datum;triage_besluit;overdracht_datum;overdracht_bevestigd_datum;lokaal_team_contact_datum;dienst_afgerond_datum;warme_overdracht_datum;melder_geinformeerd_datum;ov_inhoud_melding;ov_contactgegevens_melder;ov_contactgegevens_directbetrokkenen;ov_oordeel_vt;ov_veiligheidsvoorwaarden;ov_consequenties;ov_veiligheidsplan;ov_afspraken_monitoring
A-1;Heerlen;02-11-2026;;;;;;;;;;;;;;;;;
B-1;Maastricht;01-10-2026;;;;;;;;;;;;;;;;;
C-1;Kerkrade;04-05-2026;08-05-2026;08-05-2026;V&V;;20-08-2026;21-08-2026;19-08-2026;20-08-2026;01-06-2026;ja;ja;ja;ja;ja;ja;ja;ja
D-1;Heerlen;04-11-2026;;;;;;;;;;;;;;;;;
Z-9;Nergensdorp;04-11-2026;;;;;;;;;;;;;;;;;
`;

class Sink extends Writable {
  text = '';
  isTTY = false;
  override _write(c: Buffer | string, _e: BufferEncoding, cb: () => void): void {
    this.text += String(c);
    cb();
  }
}

let dir: string;
let csv: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'giacheck-agenda-'));
  csv = join(dir, 'export.csv');
  writeFileSync(csv, withAllColumns(CSV));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setLang('nl'));

async function agenda(opts: Partial<AgendaOptions>, env: NodeJS.ProcessEnv = {}): Promise<{ out: string; stderr: string; code: number }> {
  const output = join(dir, `out-${Math.random().toString(36).slice(2)}.txt`);
  const stderr = new Sink();
  const code = await runAgenda([csv], { region: 'zuid-limburg', asOf: '2026-11-04', days: '14', output, ...opts }, testIo({ stderr, env }));
  return { out: readFileSync(output, 'utf8'), stderr: withoutWrittenLine(stderr.text), code };
}

describe('isoWeek', () => {
  it('follows ISO 8601 at year boundaries', () => {
    expect(isoWeek(dayFromYMD(2026, 11, 9))).toMatchObject({ year: 2026, week: 46, monday: dayFromYMD(2026, 11, 9) });
    expect(isoWeek(dayFromYMD(2026, 11, 15))).toMatchObject({ year: 2026, week: 46, monday: dayFromYMD(2026, 11, 9) });
    expect(isoWeek(dayFromYMD(2026, 12, 31))).toMatchObject({ year: 2026, week: 53 });
    expect(isoWeek(dayFromYMD(2027, 1, 3))).toMatchObject({ year: 2026, week: 53 });
    expect(isoWeek(dayFromYMD(2027, 1, 4))).toMatchObject({ year: 2027, week: 1 });
    expect(isoWeek(dayFromYMD(2024, 12, 30))).toMatchObject({ year: 2025, week: 1 });
  });
});

describe('onAgenda', () => {
  const h = dayFromYMD(2026, 11, 18);
  it('deadlines by due date, moments by the opening of their window, overdue always', () => {
    expect(onAgenda('deadline', { status: 'pending', due: h }, h)).toBe(true);
    expect(onAgenda('deadline', { status: 'pending', due: h + 1 }, h)).toBe(false);
    expect(onAgenda('moment', { status: 'pending', due: h + 10, windowStart: h - 4, windowEnd: h + 24 }, h)).toBe(true);
    expect(onAgenda('moment', { status: 'pending', due: h + 20, windowStart: h + 6, windowEnd: h + 34 }, h)).toBe(false);
    expect(onAgenda('deadline', { status: 'overdue', due: h - 400, daysLate: 400 }, h)).toBe(true);
    expect(onAgenda('deadline', { status: 'late', due: h - 1 }, h)).toBe(false);
    expect(onAgenda('deadline', { status: 'on_time', due: h }, h)).toBe(false);
  });
});

describe('formatAgendaTable', () => {
  it('prints a long gemeente block in parts of 100 rows, every item once', () => {
    const peildatum = dayFromYMD(2026, 11, 4);
    const items: AgendaItem[] = Array.from({ length: 250 }, (_, i) => ({
      dossier_id: `X-${String(i).padStart(3, '0')}`, gemeente: 'Heerlen', rule_id: 'ZL-01', title: { nl: 't', en: 't' }, kind: 'deadline',
      field: 'veiligheidsbeoordeling_datum', status: 'overdue', severity: 'error', source: '000', due: peildatum - 10, days_late: 10,
    }));
    const out = formatAgendaTable(
      { tool: { name: 'giacheck', version: '0' }, profile: { id: 'zl', version: '1', name: { nl: 'ZL', en: 'ZL' } }, peildatum, peildatum_given: true, days: 14, horizon: peildatum + 14,
        input: { files: ['x'], rows_read: 250, rows_checked: 250, rows_rejected: 0, period: { from: null, to: null }, rows_outside_period: 0, newest_date: null }, warnings: [], groups: groupAgenda(items), total: 250, pseudonymized: false },
      { color: false, width: 200 },
    );
    expect(out.match(/^│ Dossier /gm)).toHaveLength(3);
    const ids = [...out.matchAll(/^│ (X-\d{3}) /gm)].map((m) => m[1]);
    expect(ids).toEqual(items.map((i) => i.dossier_id));
    expect(out.match(/^Heerlen \(250\)$/gm)).toHaveLength(1);
  });
});

describe('giacheck agenda', () => {
  it('prints overdue items on top, then per ISO week and gemeente', async () => {
    // the bordered layout (--width 160 and more; the compact one is tested in test/e2e/agenda-width-tmux.test.ts)
    const { out, code } = await agenda({ format: 'table', width: '200' });
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'Agenda Zuid-Limburg',
      'Van 04-11-2026 tot en met 18-11-2026 (14 dagen vanaf de peildatum); verlopen termijnen bovenaan',
      // the weeks listed: C-1's ZL-08 (window opens 06-11) stands in the week of its date 20-11
      'Weken: week 46 van 2026 tot en met week 47 van 2026 (09-11-2026 – 22-11-2026)',
      'Een monitoringsmoment waarvan het venster uiterlijk 18-11-2026 opent, staat in de week van zijn eigen datum (de laatste: 20-11-2026).',
      `Bestanden: ${basename(csv)}`,
      'Rijen: 5 gelezen, 4 gecontroleerd, 1 afgewezen',
    ]);
    const headings = lines.filter((l) => /^(Verlopen|Week) /.test(l));
    expect(headings).toEqual(['Verlopen (2)', 'Week 46 van 2026: 09-11-2026 – 15-11-2026 (4)', 'Week 47 van 2026: 16-11-2026 – 22-11-2026 (1)']);
    // per group a heading per gemeente, then its table; rows as [group/gemeente, cells…]
    const rows: string[][] = [];
    let group = '';
    let gemeente = '';
    for (const l of lines) {
      if (/^(Verlopen|Week) /.test(l)) group = l.split(' (')[0].split(':')[0];
      else if (/^\S.* \(\d+\)$/.test(l)) gemeente = l;
      else if (l.startsWith('│ ') && !l.startsWith('│ Dossier')) rows.push([`${group} / ${gemeente}`, ...l.split('│').slice(1, -1).map((c) => c.trim())]);
    }
    expect(rows).toEqual([
      ['Verlopen / Maastricht (2)', 'B-1', 'ZL-01', 'veiligheidsbeoordeling', '08-10-2026', '', 'verlopen (27 dag(en) over tijd)', 'fout'],
      ['Verlopen / Maastricht (2)', 'B-1', 'ZL-02', 'brief/informatie aan de directbetrokkenen', '08-10-2026', '', 'verlopen (27 dag(en) over tijd)', 'fout'],
      ['Week 46 van 2026 / Heerlen (4)', 'A-1', 'ZL-01', 'veiligheidsbeoordeling', '09-11-2026', '', 'open', 'fout'],
      ['Week 46 van 2026 / Heerlen (4)', 'A-1', 'ZL-02', 'brief/informatie aan de directbetrokkenen', '09-11-2026', '', 'open', 'fout'],
      ['Week 46 van 2026 / Heerlen (4)', 'D-1', 'ZL-01', 'veiligheidsbeoordeling', '11-11-2026', '', 'open', 'fout'],
      ['Week 46 van 2026 / Heerlen (4)', 'D-1', 'ZL-02', 'brief/informatie aan de directbetrokkenen', '11-11-2026', '', 'open', 'fout'],
      ['Week 47 van 2026 / Kerkrade (1)', 'C-1', 'ZL-08', 'monitoring na 3 maanden', '20-11-2026', 'venster 06-11-2026 – 04-12-2026', 'open', 'fout'],
    ]);
    // ZL-09 of C-1 (due 20-08-2027) is not on the agenda
    expect(out).not.toContain('ZL-09');
  });

  it('compact below 160 columns: no borders, nothing cut, the window with what to register, no line wider than --width', async () => {
    const { out } = await agenda({ format: 'table', width: '80' });
    const lines = out.split('\n');
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(80);
    expect(out).not.toMatch(/[┌│└]/);
    expect(lines.slice(1, 4)).toEqual([
      'Van 04-11-2026 tot en met 18-11-2026 (14 dagen vanaf de peildatum); verlopen',
      'termijnen bovenaan',
      'Weken: week 46 van 2026 tot en met week 47 van 2026 (09-11-2026 – 22-11-2026)',
    ]);
    const at = lines.indexOf('Verlopen (2)');
    expect(lines.slice(at, at + 7)).toEqual([
      'Verlopen (2)',
      'Maastricht (2)',
      'Dossier  Regel  Te registreren                     Uiterlijk    Over tijd  Ernst',
      '-'.repeat(80),
      'B-1      ZL-01  veiligheidsbeoordeling             08-10-2026  27 dag(en)  fout',
      'B-1      ZL-02  brief/informatie aan de            08-10-2026  27 dag(en)  fout',
      '                directbetrokkenen',
    ]);
    // the weeks (all open) have no status column
    const k = lines.indexOf('Kerkrade (1)');
    expect(lines.slice(k, k + 5)).toEqual([
      'Kerkrade (1)',
      'Dossier  Regel  Te registreren                                 Uiterlijk   Ernst',
      '-'.repeat(80),
      'C-1      ZL-08  monitoring na 3 maanden (venster 06-11-2026 –  20-11-2026  fout',
      '                04-12-2026)',
    ]);
  });

  it('--days decides what is near: a moment counts from the opening of its window', async () => {
    const json = (out: string) => JSON.parse(out) as { items: { dossier_id: string; rule_id: string; week: string }[]; until: string };
    const three = json((await agenda({ format: 'json', days: '3' })).out);
    expect(three.until).toBe('2026-11-07');
    // window of C-1's ZL-08 opens 06-11 ≤ 07-11; A-1 (09-11) and D-1 (11-11) are not due yet
    expect(three.items.map((i) => `${i.dossier_id} ${i.rule_id} ${i.week}`)).toEqual(['B-1 ZL-01 overdue', 'B-1 ZL-02 overdue', 'C-1 ZL-08 2026-W47']);
    const one = json((await agenda({ format: 'json', days: '1' })).out);
    expect(one.items.map((i) => `${i.dossier_id} ${i.rule_id}`)).toEqual(['B-1 ZL-01', 'B-1 ZL-02']);
  });

  it('JSON holds the items with ISO dates and the window', async () => {
    const j = JSON.parse((await agenda({ format: 'json' })).out);
    expect(j).toMatchObject({ peildatum: '2026-11-04', days: 14, until: '2026-11-18', total: 7, profile: { id: 'zuid-limburg' } });
    expect(j.weeks).toEqual({ first: '2026-W46', last: '2026-W47', from: '2026-11-09', to: '2026-11-22' });
    expect((await agenda({ format: 'json', days: '1' })).out).toContain('"weeks": null');
    expect(j.input).toEqual({ files: [basename(csv)], rows_read: 5, rows_checked: 4, rows_rejected: 1, period: { from: null, to: null }, rows_outside_period: 0, newest_date: '2026-11-04' });
    // the file by its base name (a full path can hold a user's name)
    expect(JSON.stringify(j)).not.toContain(dir);
    expect(j.items[0]).toEqual({
      week: 'overdue', gemeente: 'Maastricht', deelregio: 'Maastricht-Heuvelland', dossier_id: 'B-1', rule_id: 'ZL-01',
      title: 'Veiligheidsbeoordeling binnen 5 werkdagen na de melding', kind: 'deadline', field: 'veiligheidsbeoordeling_datum',
      status: 'overdue', severity: 'error', due_date: '2026-10-08', window_start: null, window_end: null, days_late: 27, source: '000 §5.1.1',
    });
    expect(j.items[6]).toMatchObject({ week: '2026-W47', dossier_id: 'C-1', rule_id: 'ZL-08', kind: 'moment', due_date: '2026-11-20', window_start: '2026-11-06', window_end: '2026-12-04', days_late: null });
  });

  it('Markdown has one table per group', async () => {
    const md = (await agenda({ format: 'md' })).out;
    expect(md).toContain('\n- Weken: week 46 van 2026 tot en met week 47 van 2026 (09-11-2026 – 22-11-2026)\n');
    expect(md).toContain('## Verlopen (2)\n\n| Gemeente | Dossier | Regel | Te registreren | Uiterlijk | Venster | Status | Ernst |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n| Maastricht | B-1 | ZL-01 | veiligheidsbeoordeling | 08-10-2026 |   | verlopen (27 dag(en) over tijd) | fout |');
    expect(md).toContain('## Week 47 van 2026: 16-11-2026 – 22-11-2026 (1)');
  });

  it('writes an ICS calendar: all-day events on the due date (overdue ones on the peildatum), stable UIDs, no other data', async () => {
    const ics = join(dir, 'agenda.ics');
    const { stderr } = await agenda({ format: 'table', ics });
    expect(stderr).toBe(`giacheck: ${ics}: 7 afspraken geschreven\n`);
    expect(statSync(ics).mode & 0o777).toBe(0o600);
    const text = readFileSync(ics, 'utf8');
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    const events = unfolded.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(7);
    const a1 = events.find((e) => e.includes('SUMMARY:ZL-01 dossier A-1'))!;
    expect(a1).toContain('SUMMARY:ZL-01 dossier A-1 – veiligheidsbeoordeling\r\n');
    expect(a1).toContain('DTSTART;VALUE=DATE:20261109\r\n');
    expect(a1).toContain('DTEND;VALUE=DATE:20261110\r\n');
    expect(a1).toContain(`UID:${eventUid('A-1', 'ZL-01')}\r\n`);
    expect(eventUid('A-1', 'ZL-01')).toMatch(/^[0-9a-f]{32}@giacheck$/);
    const b1 = events.find((e) => e.includes('SUMMARY:ZL-01 dossier B-1'))!;
    // an overdue item stands on the peildatum (04-11), saying since when; its own date in the description
    expect(b1).toContain('SUMMARY:ZL-01 dossier B-1 – veiligheidsbeoordeling (verlopen sinds 08-10-2026)\r\n');
    expect(b1).toContain('DTSTART;VALUE=DATE:20261104\r\n');
    expect(b1).toContain('DTEND;VALUE=DATE:20261105\r\n');
    expect(b1).toContain('Uiterlijk: 08-10-2026');
    expect(b1).toContain('Deelregio: Maastricht-Heuvelland');
    const c1 = events.find((e) => e.includes('dossier C-1'))!;
    expect(c1).toContain('DTSTART;VALUE=DATE:20261120');
    expect(c1).toContain('venster 06-11-2026 – 04-12-2026');
    // the same run again gives the same UIDs (importing next month updates instead of doubling)
    const ics2 = join(dir, 'agenda2.ics');
    await agenda({ format: 'json', ics: ics2 });
    const uids = (t: string) => [...t.matchAll(/^UID:(.+)\r$/gm)].map((m) => m[1]).sort();
    expect(uids(readFileSync(ics2, 'utf8'))).toEqual(uids(text));
    // only the fields the agenda needs: no melding date, no other column of the export
    expect(unfolded).not.toMatch(/02-11-2026|01-10-2026|Nergensdorp/);
  });

  it('--pseudonymize replaces dossier ids in the agenda and the calendar', async () => {
    const ics = join(dir, 'pseudo.ics');
    const { out } = await agenda({ format: 'json', ics, pseudonymize: true }, { GIACHECK_PSEUDO_KEY: 'een-sleutel-van-minstens-16' });
    const ids = JSON.parse(out).items.map((i: { dossier_id: string }) => i.dossier_id);
    expect(ids.every((id: string) => /^P-[0-9a-f]{16}$/.test(id))).toBe(true);
    const text = readFileSync(ics, 'utf8');
    expect(text).not.toMatch(/\b[ABCD]-1\b/);
    expect(text).toContain(`SUMMARY:ZL-01 dossier ${ids[0]}`);
    await expect(agenda({ pseudonymize: true }, {})).rejects.toThrow(UserError);
  });

  it('says so when nothing is due', async () => {
    const empty = join(dir, 'leeg.csv');
    writeFileSync(empty, 'dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum;directbetrokkenen_geinformeerd_datum\nE-1;Heerlen;02-11-2026;03-11-2026;03-11-2026\n');
    const output = join(dir, 'leeg.txt');
    await runAgenda([empty], { region: 'zuid-limburg', asOf: '2026-11-04', output }, testIo());
    expect(readFileSync(output, 'utf8').trim().split('\n').at(-1)).toBe('Niets op de agenda: geen verlopen termijnen en niets dat in de komende 14 dagen afloopt.');
  });

  it('rejects a bad --days, an unsupported format and --ics = --output', async () => {
    await expect(agenda({ days: 'veertien' })).rejects.toThrow('--days "veertien": kies uit 0 … 3660');
    await expect(agenda({ days: '-1' })).rejects.toThrow(UserError);
    await expect(agenda({ format: 'html' })).rejects.toThrow('--format html wordt door dit commando niet ondersteund (kies uit table, md, json)');
    const same = join(dir, 'x.txt');
    await expect(runAgenda([csv], { region: 'zuid-limburg', asOf: '2026-11-04', ics: same, output: same }, testIo())).rejects.toThrow('--ics en --output wijzen naar hetzelfde bestand');
  });

  it('speaks English with --lang en', async () => {
    setLang('en');
    const { out } = await agenda({ format: 'table', width: '200' });
    expect(out.split('\n').slice(0, 4)).toEqual([
      'Agenda Zuid-Limburg',
      'From 2026-11-04 up to and including 2026-11-18 (14 days from the reference date); overdue items on top',
      'Weeks: week 46 of 2026 up to and including week 47 of 2026 (2026-11-09 – 2026-11-22)',
      'A monitoring moment whose window opens by 2026-11-18 is listed in the week of its own date (the last: 2026-11-20).',
    ]);
    expect(out).toContain('Week 46 of 2026: 2026-11-09 – 2026-11-15 (4)');
  });
});
