/**
 * Zicht op veiligheid at the peildatum (src/report/zicht.ts), as a user runs it: one small export
 * with a case per situation, checked on Wednesday 20 May 2026 (Hemelvaart 14 May and the
 * gelijkgestelde 15 May 2026 are closed), in every format; the regional difference (a handover at
 * the triagetafel counts as confirmed in Zuid-Limburg, 000 §2 i, not in Noord Oost Gelderland);
 * pseudonymised ids; a missing column; `rules show zicht`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giacheck } from '../helpers/cli.js';
import { withAllColumns } from '../helpers/cases.js';

const ENV = { LANG: 'nl_NL.UTF-8', GIACHECK_PSEUDO_KEY: 'sleutel-van-minstens-16-tekens' };
const run = (args: string[]) => giacheck(args, { env: ENV });

const HEAD = 'dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum;triage_besluit;overdracht_datum;overdracht_via_triagetafel;overdracht_bevestigd_datum;warme_overdracht_datum';
const rows = (gemeente: string) => [
  // no triage decision: the 5 werkdagen end on the peildatum itself (12, 13, 18, 19, 20 May) → VT
  `Z-1;${gemeente};11-05-2026;;;;;;`,
  // no triage decision, term ended 19 May (11, 12, 13, 18, 19) → unclear
  `Z-2;${gemeente};08-05-2026;;;;;;`,
  // direct handover 11 May, not confirmed: confirmation due 20 May → still VT
  `Z-3;${gemeente};04-05-2026;06-05-2026;overdracht_lokaal_veld;11-05-2026;;;`,
  // direct handover 8 May, not confirmed by 19 May → unclear
  `Z-4;${gemeente};04-05-2026;06-05-2026;overdracht_lokaal_veld;08-05-2026;;;`,
  // confirmed on 12 May → lokale veld
  `Z-5;${gemeente};04-05-2026;06-05-2026;overdracht_lokaal_veld;08-05-2026;;12-05-2026;`,
  // V&V under way, nothing handed over → VT
  `Z-6;${gemeente};30-03-2026;01-04-2026;voorwaarden_en_vervolg;;;;`,
  // Onderzoek with a warme overdracht (the confirmation, 001 §3) → lokale veld
  `Z-7;${gemeente};02-02-2026;04-02-2026;onderzoek;;;;01-05-2026`,
  // GI: passes with the handover → GI
  `Z-8;${gemeente};06-04-2026;08-04-2026;overdracht_gi;10-04-2026;;;`,
  // einde bemoeienis → nobody
  `Z-9;${gemeente};06-04-2026;08-04-2026;geen_vervolg;;;;`,
  // handed to the directbetrokkenen → they themselves
  `Z-10;${gemeente};06-04-2026;08-04-2026;overdracht_directbetrokkene;10-04-2026;;;`,
  // at the triagetafel on Friday 1 May, no confirmation: ZL lokale veld; elsewhere unclear from 11 May (5 mei closed)
  `Z-11;${gemeente};27-04-2026;29-04-2026;overdracht_lokaal_veld;01-05-2026;ja;;`,
  // confirmed only after the peildatum: not yet at the peildatum → unclear (term ended 19 May)
  `Z-12;${gemeente};04-05-2026;06-05-2026;overdracht_lokaal_veld;08-05-2026;;25-05-2026;`,
  // decision taken after the peildatum: none at the peildatum, term ended 12 May → unclear
  `Z-13;${gemeente};04-05-2026;21-05-2026;overdracht_lokaal_veld;;;;`,
];

let dir: string;
let zl: string;
let nog: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'giacheck-zicht-'));
  zl = join(dir, 'zl.csv');
  writeFileSync(zl, withAllColumns([HEAD, ...rows('Heerlen')].join('\n') + '\n'));
  nog = join(dir, 'nog.csv');
  writeFileSync(nog, withAllColumns([HEAD, ...rows('Apeldoorn')].join('\n') + '\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = ['--as-of', '2026-05-20', '--fail-on', 'never'];
const zichtOf = async (file: string, region: string, extra: string[] = []) =>
  JSON.parse((await run(['check', file, '--region', region, ...BASE, '--format', 'json', ...extra])).stdout).summary.zicht_op_veiligheid;

describe('zicht op veiligheid per case at the peildatum', () => {
  it('json: the holder of each situation, counts per gemeente and deelregio, the unclear dossiers oldest first', async () => {
    const z = await zichtOf(zl, 'zuid-limburg');
    expect(z).toMatchObject({ peildatum: '2026-05-20', assessable: true, missing_fields: [], triage_term_workdays: 5, confirm_term_workdays: 5 });
    expect(z.totals).toEqual({ cases: 13, vt: 3, lokaal_veld: 3, gi: 1, directbetrokkene: 1, geen: 1, onduidelijk: 4 });
    expect(z.by_gemeente.Heerlen).toEqual({ cases: 13, deelregio: 'Parkstad', vt: 3, lokaal_veld: 3, gi: 1, directbetrokkene: 1, geen: 1, onduidelijk: 4 });
    expect(z.by_gemeente.Maastricht).toEqual({ cases: 0, deelregio: 'Maastricht-Heuvelland', vt: 0, lokaal_veld: 0, gi: 0, directbetrokkene: 0, geen: 0, onduidelijk: 0 });
    expect(z.by_deelregio.Parkstad.onduidelijk).toBe(4);
    expect(z.unclear).toEqual([
      { dossier_id: 'Z-13', gemeente: 'Heerlen', reason: 'geen_triagebesluit', term_end: '2026-05-12' },
      { dossier_id: 'Z-12', gemeente: 'Heerlen', reason: 'overdracht_niet_bevestigd', term_end: '2026-05-19' },
      { dossier_id: 'Z-2', gemeente: 'Heerlen', reason: 'geen_triagebesluit', term_end: '2026-05-19' },
      { dossier_id: 'Z-4', gemeente: 'Heerlen', reason: 'overdracht_niet_bevestigd', term_end: '2026-05-19' },
    ]);
    expect(z.quotes.map((q: { document: string; section: string }) => `${q.document} ${q.section}`)).toEqual(['000 Bijlage 1', '000 §5.1.1', '000 §5.2.1', '000 §2 i']);
  });

  it('Noord Oost Gelderland: a handover at the triagetafel still needs the LT confirmation (001 §1)', async () => {
    const z = await zichtOf(nog, 'noord-oost-gelderland');
    expect(z.totals).toEqual({ cases: 13, vt: 3, lokaal_veld: 2, gi: 1, directbetrokkene: 1, geen: 1, onduidelijk: 5 });
    expect(z.unclear[0]).toEqual({ dossier_id: 'Z-11', gemeente: 'Apeldoorn', reason: 'overdracht_niet_bevestigd', term_end: '2026-05-11' });
    expect(z.quotes.map((q: { document: string; section: string }) => `${q.document} ${q.section}`)).toEqual(['001 §1', '001 §3']);
  });

  it('--pseudonymize hashes the ids in the list; a missing column makes the section not assessable', async () => {
    const z = await zichtOf(zl, 'zuid-limburg', ['--pseudonymize']);
    expect(z.unclear).toHaveLength(4);
    for (const u of z.unclear) expect(u.dossier_id).toMatch(/^P-[0-9a-f]{16}$/);
    const lacking = join(dir, 'zonder-bevestiging.csv');
    writeFileSync(lacking, 'dossier_id;gemeente;melding_datum;veiligheidsbeoordeling_datum;triage_besluit;overdracht_datum\nZ-1;Heerlen;11-05-2026;;;\n');
    const r = await run(['check', lacking, '--region', 'zuid-limburg', ...BASE, '--format', 'md']);
    expect(r.stdout).toContain('**Zicht op veiligheid niet te beoordelen: de export mist warme\\_overdracht\\_datum, overdracht\\_bevestigd\\_datum, overdracht\\_via\\_triagetafel.**');
    const j = await zichtOf(lacking, 'zuid-limburg');
    expect(j).toMatchObject({ assessable: false, missing_fields: ['warme_overdracht_datum', 'overdracht_bevestigd_datum', 'overdracht_via_triagetafel'], unclear: [] });
    expect(j.totals.cases).toBe(0);
  });

  it('table, md, html, jsonl, csv and xlsx: the same counts and list as their own section', async () => {
    const table = await run(['check', zl, '--region', 'zuid-limburg', ...BASE, '--width', '80']);
    const lines = table.stdout.split('\n');
    expect(lines).toContain('Zicht op veiligheid op de peildatum');
    const zichtPart = lines.slice(lines.indexOf('Zicht op veiligheid op de peildatum'));
    expect(zichtPart.find((l) => l.startsWith('Heerlen '))?.trim().split(/\s+/).slice(-7)).toEqual(['13', '3', '3', '1', '1', '1', '4']);
    expect(lines).toContain('Onduidelijk belegd (4)');
    expect(lines.find((l) => l.startsWith('Z-13 '))?.trim().split(/\s{2,}/)).toEqual(['Z-13', 'Heerlen', 'geen triagebesluit', '12-05-2026']);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);

    const md = (await run(['check', zl, '--region', 'zuid-limburg', ...BASE, '--format', 'md'])).stdout;
    expect(md).toContain('## Zicht op veiligheid op de peildatum');
    expect(md).toContain('| Heerlen | 13 | 3 | 3 | 1 | 1 | 1 | 4 |');
    expect(md).toContain('| Z-4 | Heerlen | overdracht niet bevestigd | 19-05-2026 |');
    expect(md).toContain('- 000 §2 i: “Het lokale veld bevestigt schriftelijk of digitaal');

    const html = (await run(['check', zl, '--region', 'zuid-limburg', ...BASE, '--format', 'html'])).stdout;
    const section = html.slice(html.indexOf('id="zicht"'), html.indexOf('</section>', html.indexOf('id="zicht"')));
    expect(section).toContain('<tr><th scope="row">Heerlen</th><td class="num">13</td><td class="num">3</td><td class="num">3</td><td class="num">1</td><td class="num">1</td><td class="num">1</td><td class="num">4</td></tr>');
    expect(section).toContain('<tr><th scope="row">Z-13</th><td>Heerlen</td><td>geen triagebesluit</td><td class="date">12-05-2026</td></tr>');
    // the legend carries the seed quotes
    expect(section).toContain('<dd><b>000 §5.2.1</b>: “De verantwoordelijkheid voor het zicht op veiligheid gaat van Veilig Thuis over naar het');
    expect(section).toContain('<svg ');

    const jsonl = (await run(['check', zl, '--region', 'zuid-limburg', ...BASE, '--format', 'jsonl'])).stdout.trim().split('\n');
    const summary = JSON.parse(jsonl[jsonl.length - 1]);
    expect(summary.type).toBe('summary');
    expect(summary.zicht_op_veiligheid.totals.onduidelijk).toBe(4);

    const csv = await run(['check', zl, '--region', 'zuid-limburg', ...BASE, '--format', 'csv']);
    const zichtLines = csv.stderr.split('\n').filter((l) => l.includes('zicht op veiligheid'));
    expect(zichtLines).toEqual([
      'giacheck: zicht op veiligheid op de peildatum: Veilig Thuis 3, Lokale veld 3, GI 1, Directbetrokkenen zelf 1, Niemand (einde bemoeienis) 1, Onduidelijk 4',
      'giacheck: zicht op veiligheid onduidelijk: Z-13 (Heerlen): geen triagebesluit, termijn verlopen op 12-05-2026',
      'giacheck: zicht op veiligheid onduidelijk: Z-12 (Heerlen): overdracht niet bevestigd, termijn verlopen op 19-05-2026',
      'giacheck: zicht op veiligheid onduidelijk: Z-2 (Heerlen): geen triagebesluit, termijn verlopen op 19-05-2026',
      'giacheck: zicht op veiligheid onduidelijk: Z-4 (Heerlen): overdracht niet bevestigd, termijn verlopen op 19-05-2026',
    ]);
    expect(csv.stdout).not.toContain('zicht');

    const xlsx = join(dir, 'z.xlsx');
    await run(['check', zl, '--region', 'zuid-limburg', ...BASE, '--output', xlsx]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const counts = wb.getWorksheet('Zicht op veiligheid')!;
    const heerlen = counts.getColumn(1).values.indexOf('Heerlen');
    expect((counts.getRow(heerlen).values as unknown[]).slice(1, 9)).toEqual(['Heerlen', 13, 3, 3, 1, 1, 1, 4]);
    const unclear = wb.getWorksheet('Zicht onduidelijk')!;
    expect(unclear.rowCount).toBe(5);
    expect((unclear.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['Z-13', 'Heerlen', 'geen triagebesluit']);
  });

  it('rules show zicht: the block with its terms, reading and seed quotes; json too', async () => {
    const r = await run(['rules', 'show', 'zicht', '--region', 'zuid-limburg']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Termijn bevestiging overdracht: 5 werkdagen na de overdracht');
    expect(r.stdout).toContain('Overdracht bevestigd: overdracht_bevestigd_datum, warme_overdracht_datum; of overdracht via de triagetafel');
    expect(r.stdout).toContain('  000 Bijlage 1: “Als Veilig Thuis de triage niet binnen de termijn van vijf werkdagen heeft afgerond');
    const j = JSON.parse((await run(['rules', 'show', 'zicht', '--region', 'noord-oost-gelderland', '--format', 'json'])).stdout);
    expect(j[0]).toMatchObject({ profile: 'noord-oost-gelderland', zicht_op_veiligheid: { triagetafel_confirms: false, confirm_term: { workdays: 5 } } });
  });

  it('a profile whose merged block is incomplete is a profile error naming the key', async () => {
    const p = join(dir, 'eigen.yaml');
    writeFileSync(p, 'id: eigen\nversion: "1"\nname: { nl: Eigen, en: Own }\nzicht_op_veiligheid:\n  triagetafel_confirms: true\nrules: {}\n');
    const r = await run(['rules', 'lint', p]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('eigen.yaml:5:3: zicht_op_veiligheid.triage_term: verplicht veld ontbreekt\n');
    expect(r.stdout).toContain('eigen.yaml: 7 probleem/problemen\n');
  });
});
