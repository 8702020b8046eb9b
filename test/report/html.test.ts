import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { formatHtml } from '../../src/report/html.js';
import type { Report } from '../../src/report/model.js';
import { htmlRow, reportFor, ZL_SMALL } from './helpers.js';

let report: Report;

beforeAll(async () => {
  setLang('nl');
  report = await reportFor([ZL_SMALL], { region: 'zuid-limburg', asOf: '2026-06-01' });
});
afterEach(() => setLang('nl'));

describe('formatHtml', () => {
  it('is one self-contained document: no script, no remote load, a CSP that forbids both', () => {
    const html = formatHtml(report);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="nl">')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"`);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(|src=/i);
    // the only URL is the SVG namespace, which is a name, not a load
    const urls = html.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
  });

  it('has the header with profile, peildatum, files and row accounting', () => {
    const html = formatHtml(report);
    expect(html).toContain('<h1>Nalevingsrapport Zuid-Limburg</h1>');
    expect(html).toContain('<dt>Peildatum</dt><dd>01-06-2026</dd>');
    expect(html).toContain('<dt>Bestanden</dt><dd>zl-small.csv</dd>');
    expect(html).toContain('<dd class="rows">4 gelezen, 2 gecontroleerd, 2 afgewezen</dd>');
    expect(htmlRow(html, 'zl-small.csv', 'files')).toEqual(['zl-small.csv', 'csv', '4', '2', '2']);
    expect(html).toContain('zuid-limburg 2026.11 (extends landelijk)');
  });

  it('lists every rule with its compliance, counts and source in a real table', () => {
    const html = formatHtml(report);
    expect(html).toMatch(/<table class="rules"><caption class="sr-only">Naleving per regel<\/caption><thead><tr><th scope="col">Regel<\/th>/);
    for (const r of report.summary.rules) expect(htmlRow(html, r.rule_id, 'rules')).toBeDefined();
    // ZL-01: 2 applicable, 1 on time, 1 late → 50,0 %
    expect(htmlRow(html, 'ZL-01', 'rules')).toEqual([
      'ZL-01',
      'Veiligheidsbeoordeling binnen 5 werkdagen na de melding | Bron: ZL-afspraken §5.1.1',
      'fout',
      '2', '1', '1', '0', '0', '0', '0', '0',
      '50,0%',
      '90% (niet gehaald)',
    ]);
    expect(htmlRow(html, 'ZL-10', 'rules')?.slice(-2)).toEqual(['100,0%', '–']);
    expect(htmlRow(html, 'LV-01', 'rules')?.slice(-2)).toEqual(['–', '–']);
    expect(htmlRow(html, 'LV-04', 'rules')?.slice(-2)).toEqual(['–', '80% (niet te beoordelen)']);
    expect(html).toContain('Niet actief in dit profiel: LV-03 (vervangen door ZL-01), LV-02 (vervangen door ZL-02)');
  });

  it('draws the compliance chart as inline SVG with one bar per rule, values also as text', () => {
    const html = formatHtml(report);
    const svg = /<svg[^>]*class="chart chart-rules"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="chart-rules-t chart-rules-d"');
    expect(svg).toContain('<title id="chart-rules-t">Naleving per regel</title>');
    const bars = svg.match(/<g class="bar" data-label="[^"]+">/g) ?? [];
    expect(bars.map((b) => /data-label="([^"]+)"/.exec(b)![1])).toEqual(report.summary.rules.map((r) => r.rule_id));
    // ZL-01 at 50 % of a 552-px scale; ZL-10 at 100 %; LV-01 has no judged cases and no value bar
    const bar = (id: string) => new RegExp(`<g class="bar" data-label="${id}">([\\s\\S]*?)</g>`).exec(svg)![1];
    expect(bar('ZL-01')).toMatch(/<rect class="value" x="8" y="\d+" width="276" height="14" fill="#c62828"\/>/);
    expect(bar('ZL-01')).toContain('>50,0%</text>');
    expect(bar('ZL-01')).toContain('Bron: ZL-afspraken §5.1.1');
    expect(bar('ZL-10')).toMatch(/<rect class="value" x="8" y="\d+" width="552" height="14" fill="#2e7d32"\/>/);
    expect(bar('LV-01')).not.toContain('class="value"');
    expect(bar('LV-01')).toContain('geen beoordeelde dossiers');
  });

  it('has tables per gemeente, per deelregio and per month, a month chart and the route mix', () => {
    const html = formatHtml(report);
    expect(htmlRow(html, 'Sittard-Geleen', 'gemeenten')).toEqual(['Sittard-Geleen', 'Westelijke Mijnstreek', '1', '6', '1', '1', '2', '0', '2', '0', '0', '16,7%', '–']);
    expect(htmlRow(html, 'Heerlen', 'gemeenten')?.slice(-2)).toEqual(['100,0%', '–']);
    expect(htmlRow(html, 'Vaals', 'gemeenten')?.slice(2, 4)).toEqual(['0', '0']);
    expect(htmlRow(html, 'Parkstad', 'deelregios')).toEqual(['Parkstad', '1', '6', '6', '0', '0', '0', '0', '0', '0', '100,0%', '–']);
    expect(htmlRow(html, '2026-04', 'months')).toEqual(['2026-04', '2', '12', '7', '1', '2', '0', '2', '0', '0', '58,3%', '–']);
    expect(html).toMatch(/<svg[^>]*class="chart chart-months"[\s\S]*?<g class="bar" data-label="2026-04">/);
    expect(htmlRow(html, 'directe overdracht lokale veld', 'routes')).toEqual(['directe overdracht lokale veld', '2', '100,0%']);
    expect(htmlRow(html, 'Onderzoek', 'routes')).toEqual(['Onderzoek', '0', '0,0%']);
    expect(html).toMatch(/<svg[^>]*class="chart chart-routes"/);
    expect(html).toContain('nog geen afgesloten monitoringen; 0 open (afspraak: gemiddeld 18 maanden, VT verbetert werkwijze 2018 Langer volgen)');
  });

  it('groups findings by rule, the rule with the most urgent finding first, and lists rejected rows', () => {
    const html = formatHtml(report);
    const groups = [...html.matchAll(/<h3 id="findings-([^"]+)">/g)].map((m) => m[1]);
    // ZL-02 and ZL-03 are overdue, ZL-01 late, ZL-04 and ZL-06 missing
    expect(groups).toEqual(['ZL-02', 'ZL-03', 'ZL-01', 'ZL-04', 'ZL-06']);
    expect(html).toMatch(
      /<tr class="st-overdue"><th scope="row">ZL-0002<\/th><td>Sittard-Geleen<\/td><td class="status">verlopen<\/td><td>fout<\/td><td class="date">04-05-2026<\/td><td class="date"><\/td><td class="num">28<\/td><td>brief\/informatie aan de directbetrokkenen ontbreekt; uiterste datum 04-05-2026 is 28 dag\(en\) verstreken<\/td><\/tr>/,
    );
    expect(htmlRow(html, 'zl-small.csv', 'rejected')).toEqual(['zl-small.csv', '4', 'gemeente', 'gemeente &quot;Maastrich&quot; hoort niet bij profiel Zuid-Limburg; bedoelde u Maastricht?']);
    expect(html).toContain('<tr><td>zl-small.csv</td><td class="num">4</td><td>gemeente</td><td>gemeente &quot;Maastrich&quot; hoort niet bij profiel Zuid-Limburg; bedoelde u Maastricht?</td></tr>');
    expect(html).toContain('<td>datum bestaat niet: &quot;31-02-2026&quot;</td>');
  });

  it('lists every finding, grouped by rule and then gemeente in open <details>, with full counts in the index', () => {
    const many: Report = {
      ...report,
      findings: Array.from({ length: 250 }, (_, i) => ({
        ...report.findings[0],
        dossier_id: `D-${String(i).padStart(3, '0')}`,
        gemeente: i % 2 ? 'Heerlen' : 'Beek',
        deelregio: i % 2 ? 'Parkstad' : 'Westelijke Mijnstreek',
      })),
    };
    const html = formatHtml(many);
    expect(html.match(/<tr class="st-/g)).toHaveLength(250);
    expect(html).toContain('<li><a href="#findings-ZL-02">ZL-02</a> <span class="badge">250 bevinding(en)</span></li>');
    const places = [...html.matchAll(/<details class="gemeente-findings" open><summary>([^<]+) <span class="badge">([^<]+)<\/span>/g)].map((m) => `${m[1]}: ${m[2]}`);
    expect(places).toEqual(['Beek (Westelijke Mijnstreek): 125 bevinding(en)', 'Heerlen (Parkstad): 125 bevinding(en)']);
    expect(html).toMatch(/<details class="rule-findings" open><summary><h3 id="findings-ZL-02">/);
    expect(html).not.toContain('bevindingen getoond');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes every text: HTML in a dossier id, message or file name does not become markup', () => {
    const evil: Report = {
      ...report,
      input: { ...report.input, files: ['<b>x</b>.csv'], per_file: [{ ...report.input.per_file[0], file: '<b>x</b>.csv' }] },
      findings: [
        { ...report.findings[0], dossier_id: '<img src=x onerror=alert(1)>', message: '</td><script>alert(1)</script>' },
      ],
      rejected: [{ file: 'a.csv', row: 2, column: 'gemeente', reason: '"><svg onload=alert(1)>' }],
    };
    const html = formatHtml(evil);
    expect(html).not.toMatch(/<script|<img|<b>x|<svg onload/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;');
  });

  it('shows the norm of a rule in the table and as a marker in the chart', () => {
    const withNorm: Report = {
      ...report,
      summary: { ...report.summary, rules: report.summary.rules.map((r) => (r.rule_id === 'ZL-01' ? { ...r, norm: 0.9, meets_norm: false } : r)) },
    };
    const html = formatHtml(withNorm);
    expect(htmlRow(html, 'ZL-01', 'rules')?.slice(-2)).toEqual(['50,0%', '90% (niet gehaald)']);
    const bar = /<g class="bar" data-label="ZL-01">([\s\S]*?)<\/g>/.exec(html)![1];
    // the norm marker at 90 % of the 552-px scale, right of the 8-px margin
    expect(bar).toContain('<line class="norm" x1="504.8"');
    expect(bar).toContain('norm 90%');
    expect(/<g class="bar" data-label="ZL-02">([\s\S]*?)<\/g>/.exec(html)![1]).not.toContain('class="norm"');
  });

  it('is laid out for A4, sections flowing on (no near-empty pages) and headings kept with what follows', () => {
    const html = formatHtml(report);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('section { break-before: auto;');
    expect(html).not.toContain('break-before: page');
    // rules, gemeenten, deelregio's, months, routes, lead times, werkvoorraad, zicht op veiligheid, findings, rejected
    expect(html.match(/<section id="/g)?.length).toBe(10);
    expect(html).toContain('<section id="rules" aria-labelledby="rules-h" class="first">');
  });

  it('switches to English with the language', () => {
    setLang('en');
    const html = formatHtml(report);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<h2 id="rules-h">Compliance per rule</h2>');
    expect(html).toContain('<dt>Reference date</dt><dd>2026-06-01</dd>');
    expect(htmlRow(html, 'ZL-01', 'rules')?.[1]).toBe('Veiligheidsbeoordeling within 5 werkdagen of the melding | Source: ZL-afspraken §5.1.1');
    expect(htmlRow(html, 'ZL-01', 'rules')?.slice(-2)).toEqual(['50.0%', '90% (not met)']);
  });
});
