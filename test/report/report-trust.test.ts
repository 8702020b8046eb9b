/**
 * The report-trust fields of issue 13 as the meeting formats show them, on hand-made Reports:
 * warnings, not-assessable rules, personal-data columns, implausible pairs, "peildatum: vandaag",
 * the headline, "laagste naleving" with its n, norm column only with a norm, source short names,
 * base names of files.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { formatHtml } from '../../src/report/html.js';
import { reportJson } from '../../src/report/json.js';
import { formatMarkdown } from '../../src/report/md.js';
import type { Report } from '../../src/report/model.js';
import { formatXlsx } from '../../src/report/xlsx.js';
import { htmlRow, reportFor, ZL_SMALL } from './helpers.js';

let base: Report;
beforeAll(async () => {
  setLang('nl');
  base = await reportFor([ZL_SMALL], { region: 'zuid-limburg', asOf: '2026-06-01' });
});
afterEach(() => setLang('nl'));

/** the base report with ZL-02 not assessable, two PII columns, a warning, implausible pairs, no --as-of */
function trusty(): Report {
  const r: Report = structuredClone(base);
  r.input.files = ['/home/jansen/Documenten/export-mei.csv'];
  r.input.per_file = r.input.per_file.map((f) => ({ ...f, file: '/home/jansen/Documenten/export-mei.csv' }));
  r.rejected = r.rejected.map((x) => ({ ...x, file: '/home/jansen/Documenten/export-mei.csv' }));
  r.input.not_assessable = [{ rule_id: 'ZL-02', fields: ['directbetrokkenen_geinformeerd_datum'], files: ['/home/jansen/Documenten/export-mei.csv'] }];
  r.input.pii_columns = [
    { file: '/home/jansen/Documenten/export-mei.csv', column: 'Naam client', kind: 'naam' },
    { file: '/home/jansen/Documenten/export-mei.csv', column: 'BSN', kind: 'BSN' },
  ];
  r.input.peildatum_given = false;
  r.input.dates_after_peildatum = 3;
  r.warnings = [{ code: 'pii-columns', message: 'de export bevat 2 kolommen met persoonsgegevens: Naam client, BSN' }];
  r.summary.rules = r.summary.rules.map((x) => (x.rule_id === 'ZL-03' ? { ...x, implausible: 2 } : x));
  r.summary.totals = { ...r.summary.totals, implausible: 2 };
  return r;
}

describe('report-trust fields in html', () => {
  it('opens with the headline, the warnings, the not-assessable rule and the PII columns (no values)', () => {
    const r = trusty();
    const html = formatHtml(r);
    const header = html.slice(html.indexOf('<header>'), html.indexOf('</header>'));
    const c = r.summary.totals;
    expect(header).toContain(`Naleving over alle regels: ${String(Math.round(c.compliance! * 1000) / 10).replace('.', ',')}% · verlopen: ${c.overdue} · te laat: ${c.late} · ontbreekt: ${c.missing} · onwaarschijnlijk: 2`);
    expect(header).toContain('<li>de export bevat 2 kolommen met persoonsgegevens: Naam client, BSN</li>');
    expect(header).toContain('<li>ZL-02 niet te beoordelen: kolom directbetrokkenen_geinformeerd_datum ontbreekt</li>');
    expect(htmlRow(html, 'export-mei.csv', 'pii')).toEqual(['export-mei.csv', 'Naam client', 'naam']);
    expect(header).toContain('<dd>01-06-2026 (vandaag; --as-of kiest een andere peildatum)</dd>');
    expect(header).toContain('3, beoordeeld zoals op de peildatum');
    expect(html).not.toContain('jansen');
  });

  it('shows a not-assessable rule without figures, and the implausible column only when a rule has one', () => {
    const html = formatHtml(trusty());
    expect(htmlRow(html, 'ZL-02', 'rules')?.slice(3)).toEqual(['niet te beoordelen: directbetrokkenen_geinformeerd_datum ontbreekt in de export', '–']);
    expect(html).toContain('<th scope="col" class="num">onwaarschijnlijk</th>');
    expect(htmlRow(html, 'ZL-03', 'rules')?.at(-3)).toBe('2');
    expect(formatHtml(base)).not.toContain('onwaarschijnlijk</th>');
  });

  it('has a colour legend, the sources with short names and full titles, and the norm column only with a norm', () => {
    const html = formatHtml(base);
    expect(html).toContain('groen = norm gehaald');
    expect(html).toContain('<dd><b>ZL-afspraken (000)</b>: Samenwerkingsafspraken Veilig Thuis – gemeenten Zuid-Limburg (werkafspraken 20 januari 2022)</dd>');
    // the bundled profiles have norms (LV-03/ZL-01, LV-04); a profile without any has no norm column
    expect(html).toContain('>Norm</th>');
    const withoutNorm: Report = { ...base, summary: { ...base.summary, rules: base.summary.rules.map((x) => ({ ...x, norm: null, norm_source: null, meets_norm: null })) } };
    expect(formatHtml(withoutNorm)).not.toContain('>Norm</th>');
  });

  it('laagste naleving shows its n and ignores rules with fewer than 5 applicable cases', () => {
    const r: Report = structuredClone(base);
    const g = r.summary.by_gemeente['Heerlen'];
    g.rules['ZL-01'] = { ...g.rules['ZL-01'], applicable: 4, on_time: 0, late: 4, compliance: 0 };
    g.rules['ZL-03'] = { ...g.rules['ZL-03'], applicable: 8, on_time: 6, late: 2, compliance: 0.75 };
    const html = formatHtml(r);
    expect(htmlRow(html, 'Heerlen', 'gemeenten')?.at(-1)).toBe('ZL-03 75% (n=8)');
    expect(html).toContain('regels met minder dan 5 toepasbare dossiers tellen niet mee');
  });
});

describe('report-trust fields in md, xlsx and json', () => {
  it('md: headline, warnings, PII table, not-assessable row', () => {
    const md = formatMarkdown(trusty());
    const head = md.slice(0, md.indexOf('## '));
    expect(head).toContain('**Naleving over alle regels:');
    expect(head).toContain('- ZL-02 niet te beoordelen: kolom directbetrokkenen\\_geinformeerd\\_datum ontbreekt');
    expect(head).toContain('| export-mei.csv | BSN | BSN |');
    expect(head).toContain('- **Peildatum:** 01-06-2026 (vandaag; --as-of kiest een andere peildatum)');
    expect(md).toMatch(/\| ZL-02 \| [^|]+ \| fout \| – \| – \| – \| – \| – \| – \| – \| – \| – \| niet te beoordelen: directbetrokkenen\\_geinformeerd\\_datum ontbreekt in de export \| – \| ZL-afspraken/);
    expect(md).toContain('| onwaarschijnlijk |');
    expect(md).not.toContain('jansen');
  });

  it('xlsx: headline facts, warnings and PII on Samenvatting; no figures for a not-assessable rule', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await formatXlsx(trusty())) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Samenvatting')!;
    const col = (c: number) => [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1).getCell(c).value);
    const a = col(1);
    const b = col(2);
    expect(b[a.indexOf('Peildatum')]).toBe('01-06-2026 (vandaag; --as-of kiest een andere peildatum)');
    expect(b.filter((_v, i) => a[i] === 'Let op')).toEqual(['de export bevat 2 kolommen met persoonsgegevens: Naam client, BSN', 'ZL-02 niet te beoordelen: kolom directbetrokkenen_geinformeerd_datum ontbreekt']);
    expect(b.filter((_v, i) => String(a[i]).startsWith('Kolommen met persoonsgegevens'))).toEqual(['export-mei.csv: Naam client (naam)', 'export-mei.csv: BSN (BSN)']);
    const zl02 = ws.getRow(a.indexOf('ZL-02') + 1).values as unknown[];
    expect(zl02.slice(4, 13).every((v) => v === undefined || v === null)).toBe(true);
    expect(zl02.at(-1)).toBe('niet te beoordelen: directbetrokkenen_geinformeerd_datum ontbreekt in de export');
    expect(JSON.stringify(col(2))).not.toContain('jansen');
  });

  it('json carries the fields as they are, with base names', () => {
    const json = reportJson(trusty());
    expect(json.warnings).toEqual([{ code: 'pii-columns', message: 'de export bevat 2 kolommen met persoonsgegevens: Naam client, BSN' }]);
    expect(json.input).toMatchObject({
      files: ['export-mei.csv'],
      not_assessable: [{ rule_id: 'ZL-02', fields: ['directbetrokkenen_geinformeerd_datum'], files: ['export-mei.csv'] }],
      pii_columns: [{ file: 'export-mei.csv', column: 'Naam client', kind: 'naam' }, { file: 'export-mei.csv', column: 'BSN', kind: 'BSN' }],
      dates_after_peildatum: 3,
      peildatum_given: false,
      gemeenten: null,
    });
    expect(json.findings_total).toBe(base.findings.length);
    expect(JSON.stringify(json)).not.toContain('jansen');
  });
});
