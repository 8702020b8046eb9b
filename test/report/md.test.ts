import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { setLang } from '../../src/i18n/index.js';
import { formatMarkdown, mdEscape, mdTable } from '../../src/report/md.js';
import type { Report } from '../../src/report/model.js';
import { reportFor, ZL_SMALL } from './helpers.js';

let report: Report;

beforeAll(async () => {
  setLang('nl');
  report = await reportFor([ZL_SMALL], { region: 'zuid-limburg', asOf: '2026-06-01' });
});
afterEach(() => setLang('nl'));

/** the lines of the section under `## title` up to the next heading */
function section(md: string, title: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${title}`);
  expect(start, title).toBeGreaterThan(0);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith('## '));
  return (end < 0 ? rest : rest.slice(0, end)).filter((l) => l !== '');
}

describe('mdEscape / mdTable', () => {
  it('escapes pipes, emphasis, links, HTML and line breaks', () => {
    expect(mdEscape('a|b')).toBe('a\\|b');
    expect(mdEscape('<script>x</script>')).toBe('\\<script\\>x\\</script\\>');
    expect(mdEscape('[klik](http://x) *vet* _schuin_ `code`')).toBe('\\[klik\\](http://x) \\*vet\\* \\_schuin\\_ \\`code\\`');
    expect(mdEscape('regel 1\nregel 2\r\nregel 3')).toBe('regel 1 regel 2 regel 3');
    expect(mdEscape('&lt; en V&V')).toBe('\\&lt; en V&V');
  });

  it('leaves the backslashes of a Windows path single; escapes one only where it would escape', () => {
    expect(mdEscape('Z:\\exports\\mei 2026.csv')).toBe('Z:\\exports\\mei 2026.csv');
    expect(mdEscape('\\\\server\\share\\vt.csv')).toBe('\\\\\\server\\share\\vt.csv');
    // before punctuation a lone backslash would eat the escape of the next character
    expect(mdEscape('C:\\tmp\\_oud\\*.csv')).toBe('C:\\tmp\\\\\\_oud\\\\\\*.csv');
    expect(mdEscape('a\\-b')).toBe('a\\\\-b');
    // at the end it could become a hard line break
    expect(mdEscape('C:\\exports\\')).toBe('C:\\exports\\\\');
  });

  it('CommonMark backslash unescaping gives the text back (property)', () => {
    // CommonMark: a backslash before ASCII punctuation escapes it; before anything else it is literal
    const unescape = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    const chars = fc.constantFrom('\\', '*', '_', '|', '[', ']', '<', '>', '`', '~', '-', ':', '&', 'a', 'Z', '1', ' ', '.', 'é');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        expect(unescape(mdEscape(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('aligns numeric columns right and keeps one row per line', () => {
    expect(mdTable(['a', { head: 'n', right: true }], [['x|y', '3'], ['', '4']])).toBe('| a | n |\n| --- | ---: |\n| x\\|y | 3 |\n|   | 4 |');
  });
});

describe('formatMarkdown', () => {
  it('has the header facts and the per-rule table with compliance and source', () => {
    const md = formatMarkdown(report);
    expect(md.split('\n').slice(0, 6)).toEqual([
      '# Nalevingsrapport Zuid-Limburg',
      '',
      '- **Profiel:** zuid-limburg 2026.11 (extends landelijk)',
      '- **Peildatum:** 01-06-2026',
      '- **Bestanden:** zl-small.csv',
      '- **Rijen:** 4 gelezen, 2 gecontroleerd, 2 afgewezen',
    ]);
    const rules = section(md, 'Naleving per regel');
    expect(rules[0]).toBe('| Regel | Omschrijving | Ernst | Toepasbaar | op tijd | te laat | verlopen | open | ontbreekt | te vroeg | afwijking | Naleving | Norm | Bron |');
    expect(rules[1]).toBe('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    expect(rules).toContain('| ZL-01 | Veiligheidsbeoordeling binnen 5 werkdagen na de melding | fout | 2 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 50,0% | 90% (niet gehaald) | ZL-afspraken §5.1.1 |');
    expect(rules).toContain('| ZL-10 | Geen monitoring geregistreerd na een directe overdracht | info | 2 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 100,0% | – | ZL-afspraken §5.1.5 |');
    // a rule with a norm and nothing to judge: the norm cannot be judged, which is not "below the norm"
    expect(rules).toContain('| LV-04 | Voorwaarden & Vervolg of Onderzoek binnen 10 weken na de veiligheidsbeoordeling afgerond | waarschuwing | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | – | 80% (niet te beoordelen) | VT verbetert werkwijze 2018 Veiligheidsbeoordeling |');
    expect(rules.filter((l) => /^\| (LV|ZL)-\d\d \|/.test(l))).toHaveLength(report.summary.rules.length);
  });

  it('has per gemeente, per deelregio, per month, routes, monitoring, findings and rejected rows', () => {
    const md = formatMarkdown(report);
    expect(section(md, 'Per gemeente')).toContain('| Sittard-Geleen | Westelijke Mijnstreek | 1 | 6 | 1 | 1 | 2 | 0 | 2 | 0 | 0 | 16,7% | – |');
    expect(section(md, 'Per deelregio')).toContain('| Maastricht-Heuvelland | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | – | – |');
    expect(section(md, 'Per maand van melding')).toContain('| 2026-04 | 2 | 12 | 7 | 1 | 2 | 0 | 2 | 0 | 0 | 58,3% | – |');
    expect(section(md, 'Routes na de veiligheidsbeoordeling')).toContain('| directe overdracht lokale veld | 2 | 100,0% |');
    expect(section(md, 'Duur van de monitoring (afgesloten)')).toEqual([
      'nog geen afgesloten monitoringen; 0 open (afspraak: gemiddeld 18 maanden, VT verbetert werkwijze 2018 Langer volgen)',
    ]);
    const findings = section(md, 'Bevindingen (meest urgent eerst)');
    expect(findings[0]).toBe('Bevindingen per regel: eerst de regel met de meest urgente bevinding, binnen elke regel verlopen bovenaan.');
    expect(findings.filter((l) => l.startsWith('### '))).toEqual([
      '### ZL-02 · Brief aan de directbetrokkenen binnen 5 werkdagen na de melding (1 bevinding(en))',
      '### ZL-03 · Lokale veld start binnen 3 weken na een directe overdracht contact met het gezin (1 bevinding(en))',
      '### ZL-01 · Veiligheidsbeoordeling binnen 5 werkdagen na de melding (1 bevinding(en))',
      '### ZL-04 · Lokale veld bevestigt de ontvangst van de overdracht (1 bevinding(en))',
      '### ZL-06 · Overdrachtsinformatie bij directe overdracht compleet (1 bevinding(en))',
    ]);
    expect(findings[2]).toBe('| Dossier | Gemeente | Deelregio | Status | Ernst | Uiterlijk | Gedaan | Dagen te laat | Toelichting |');
    expect(findings.filter((l) => l.startsWith('| ZL-0002'))).toEqual([
      '| ZL-0002 | Sittard-Geleen | Westelijke Mijnstreek | verlopen | fout | 04-05-2026 |   | 28 | brief/informatie aan de directbetrokkenen ontbreekt; uiterste datum 04-05-2026 is 28 dag(en) verstreken |',
      '| ZL-0002 | Sittard-Geleen | Westelijke Mijnstreek | verlopen | fout | 28-05-2026 |   | 4 | contact lokaal team met het gezin ontbreekt; uiterste datum 28-05-2026 is 4 dag(en) verstreken |',
      '| ZL-0002 | Sittard-Geleen | Westelijke Mijnstreek | te laat | fout | 04-05-2026 | 06-05-2026 | 2 | veiligheidsbeoordeling op 06-05-2026, 2 dag(en) na de uiterste datum 04-05-2026 |',
      '| ZL-0002 | Sittard-Geleen | Westelijke Mijnstreek | ontbreekt | fout |   |   |   | ontbreekt: bevestiging van de overdracht |',
      '| ZL-0002 | Sittard-Geleen | Westelijke Mijnstreek | ontbreekt | fout |   |   |   | ontbreekt: contactgegevens melder |',
    ]);
    const rejected = section(md, 'Afgewezen rijen');
    expect(rejected.slice(2, 4)).toEqual([
      '| zl-small.csv | 4 | gemeente | gemeente "Maastrich" hoort niet bij profiel Zuid-Limburg; bedoelde u Maastricht? |',
      '| zl-small.csv | 5 | melding\\_datum | datum bestaat niet: "31-02-2026" |',
    ]);
    expect(rejected.at(-1)).toBe('Niet actief in dit profiel: LV-03 (vervangen door ZL-01), LV-02 (vervangen door ZL-02)');
  });

  it('lists every finding per rule, by gemeente, with gemeente and deelregio columns', () => {
    const many: Report = {
      ...report,
      findings: Array.from({ length: 150 }, (_, i) => ({ ...report.findings[0], dossier_id: `D-${i}`, gemeente: i < 100 ? 'Vaals' : 'Beek', deelregio: i < 100 ? 'Maastricht-Heuvelland' : 'Westelijke Mijnstreek' })),
    };
    const lines = section(formatMarkdown(many), 'Bevindingen (meest urgent eerst)');
    expect(lines).toContain('### ZL-02 · Brief aan de directbetrokkenen binnen 5 werkdagen na de melding (150 bevinding(en))');
    const rows = lines.filter((l) => l.startsWith('| D-'));
    expect(rows).toHaveLength(150);
    expect(rows[0].startsWith('| D-100 | Beek | Westelijke Mijnstreek | verlopen |')).toBe(true);
    expect(rows[149].startsWith('| D-99 | Vaals | Maastricht-Heuvelland |')).toBe(true);
    expect(lines.join('\n')).not.toContain('getoond');
  });

  it('a pipe or HTML in a dossier id cannot break the table', () => {
    const evil: Report = { ...report, findings: [{ ...report.findings[0], dossier_id: 'A|B<img src=x>', message: 'x\n| y' }] };
    const line = section(formatMarkdown(evil), 'Bevindingen (meest urgent eerst)')[4];
    expect(line.startsWith('| A\\|B\\<img src=x\\> | Sittard-Geleen |')).toBe(true);
    expect(line.endsWith('| x \\| y |')).toBe(true);
    expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(11); // 9 cells
  });

  it('speaks English with --lang en', () => {
    setLang('en');
    const md = formatMarkdown(report);
    expect(md.startsWith('# Compliance report Zuid-Limburg\n')).toBe(true);
    expect(section(md, 'Compliance per rule')).toContain(
      '| ZL-01 | Veiligheidsbeoordeling within 5 werkdagen of the melding | error | 2 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 50.0% | 90% (not met) | ZL-afspraken §5.1.1 |',
    );
  });
});
