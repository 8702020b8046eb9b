/**
 * Issue 16.1: every report says what it was made from. The SHA-256 of each input is the one
 * `sha256sum` gives (hashed while reading, on one thread and in the ingest worker); the profile
 * hash is of the canonical form of its chain; the mapping's hash, the version, the peildatum and
 * the options stand beside it in every format of check, validate and compare.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giacheck, giacheckProcess, ROOT } from '../helpers/cli.js';
import { TOOL } from '../../src/cli/version.js';

const DEMO = 'fixtures/demo/zuid-limburg-demo.csv';
const MAPPED = 'fixtures/mapping/regsys-export.csv';
const MAPPING = 'fixtures/mapping/regsys.yaml';
const RUN = ['--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never'];

const sha256sum = (file: string): string => execFileSync('sha256sum', [join(ROOT, file)], { encoding: 'utf8' }).split(' ')[0];
const groups = (hex: string) => hex.match(/.{4}/g)!.join(' ');

/** JSON with sorted keys and no whitespace, written here apart from src/model/digest.ts. */
function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
const profileHash = (...files: string[]) =>
  execFileSync('sha256sum', { input: sortedJson(files.map((f) => parse(readFileSync(join(ROOT, f), 'utf8')))), encoding: 'utf8' }).split(' ')[0];

let dir: string;
let demoHash: string;
let zlHash: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'giacheck-prov-'));
  demoHash = sha256sum(DEMO);
  zlHash = profileHash('rules/zuid-limburg.yaml', 'rules/landelijk.yaml');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check: provenance in every format', () => {
  it('json: the provenance object, its input hash equal to sha256sum of the export', async () => {
    const r = await giacheck(['check', DEMO, ...RUN, '--format', 'json']);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout).provenance;
    expect(p).toEqual({
      giacheck: { version: TOOL.version },
      inputs: [{ file: 'zuid-limburg-demo.csv', format: 'csv', bytes: statSync(join(ROOT, DEMO)).size, sha256: demoHash }],
      profile: {
        id: 'zuid-limburg',
        version: expect.any(String),
        sha256: zlHash,
        canonical: 'rfc8785-chain',
        documents: [
          { id: 'zuid-limburg', file: 'zuid-limburg.yaml', sha256: sha256sum('rules/zuid-limburg.yaml') },
          { id: 'landelijk', file: 'landelijk.yaml', sha256: sha256sum('rules/landelijk.yaml') },
        ],
      },
      mapping: null,
      peildatum: '2026-11-01',
      peildatum_given: true,
      options: { encoding: 'auto', delimiter: null, sheet: null, gemeenten: null, from: null, to: null, period: 'month', include_passed: false, pseudonymized: false, min_cell: null, aggregate_only: false, lang: 'nl' },
    });
  });

  it('the worker path hashes the same bytes (json, jsonl summary line, csv on stderr)', () => {
    const env = { GIACHECK_WORKER: '1' };
    const json = giacheckProcess(['check', DEMO, ...RUN, '--format', 'json'], { env });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).provenance.inputs[0].sha256).toBe(demoHash);
    const jsonl = giacheckProcess(['check', DEMO, ...RUN, '--format', 'jsonl'], { env });
    const last = JSON.parse(jsonl.stdout.trimEnd().split('\n').at(-1)!);
    expect(last.type).toBe('summary');
    expect(last.provenance.inputs[0].sha256).toBe(demoHash);
    expect(last.provenance.profile.sha256).toBe(zlHash);
    const csv = giacheckProcess(['check', DEMO, ...RUN, '--format', 'csv'], { env });
    const line = csv.stderr.split('\n').find((l) => l.startsWith('giacheck: herkomst: '))!;
    expect(JSON.parse(line.slice('giacheck: herkomst: '.length)).inputs[0].sha256).toBe(demoHash);
    // the CSV itself stays rows only
    expect(csv.stdout).not.toContain(demoHash);
  });

  it('standard input is hashed as read; the peildatum says it was defaulted', async () => {
    const r = await giacheck(['check', '-', '--region', 'zuid-limburg', '--format', 'json', '--fail-on', 'never', '--quiet'], { input: readFileSync(join(ROOT, DEMO)) });
    const p = JSON.parse(r.stdout).provenance;
    expect(p.inputs).toEqual([{ file: 'stdin', format: 'csv', bytes: statSync(join(ROOT, DEMO)).size, sha256: demoHash }]);
    expect(p.peildatum_given).toBe(false);
    expect(p.peildatum).toBe(JSON.parse(r.stdout).peildatum);
  });

  it('the mapping file and the options that change the outcome are named', async () => {
    const r = await giacheck(['check', MAPPED, '--mapping', MAPPING, '--region', 'zuid-limburg', '--as-of', '2026-11-01', '--include-passed', '--lang', 'en', '--format', 'json', '--fail-on', 'never']);
    const p = JSON.parse(r.stdout).provenance;
    expect(p.mapping).toEqual({ file: 'regsys.yaml', sha256: sha256sum(MAPPING) });
    expect(p.inputs[0].sha256).toBe(sha256sum(MAPPED));
    expect(p.options).toMatchObject({ include_passed: true, lang: 'en' });
  });

  it('the selection (--gemeente, --from/--to) and the period table (--period) are options that change the outcome', async () => {
    const args = ['check', DEMO, ...RUN, '--gemeente', 'heerlen', '--gemeente', 'Vaals', '--from', '01-01-2026', '--to', '2026-06-30', '--period', 'quarter'];
    const p = JSON.parse((await giacheck([...args, '--format', 'json'])).stdout).provenance;
    expect(p.options).toEqual({
      encoding: 'auto',
      delimiter: null,
      sheet: null,
      gemeenten: ['Heerlen', 'Vaals'],
      from: '2026-01-01',
      to: '2026-06-30',
      period: 'quarter',
      include_passed: false,
      pseudonymized: false,
      min_cell: null,
      aggregate_only: false,
      lang: 'nl',
    });
    // the footer line, wrapped at the width of the terminal
    const table = (await giacheck([...args, '--width', '120'])).stdout.trimEnd();
    expect(table.slice(table.lastIndexOf('\nHerkomst: ') + 1).replace(/\n/g, ' ')).toBe(
      `Herkomst: giacheck ${TOOL.version} · zuid-limburg-demo.csv ${demoHash.slice(0, 12)} · profiel zuid-limburg ${zlHash.slice(0, 12)} · geen mapping · peildatum 01-11-2026 (opgegeven) · --encoding auto --gemeente Heerlen --gemeente Vaals --from 2026-01-01 --to 2026-06-30 --period quarter --lang nl`,
    );
  });

  it('table: one footer line with short hashes', async () => {
    const r = await giacheck(['check', DEMO, ...RUN, '--width', '250']);
    const last = r.stdout.trimEnd().split('\n').at(-1);
    expect(last).toBe(
      `Herkomst: giacheck ${TOOL.version} · zuid-limburg-demo.csv ${demoHash.slice(0, 12)} · profiel zuid-limburg ${zlHash.slice(0, 12)} · geen mapping · peildatum 01-11-2026 (opgegeven) · --encoding auto --lang nl`,
    );
  });

  it('md and html: a "Herkomst" section with the hashes in groups of four', async () => {
    const md = (await giacheck(['check', DEMO, ...RUN, '--format', 'md'])).stdout;
    expect(md).toContain('\n## Herkomst\n');
    expect(md).toContain(`| Invoer zuid-limburg-demo.csv (${statSync(join(ROOT, DEMO)).size.toLocaleString('nl-NL')} bytes, csv) | ${groups(demoHash)} |`);
    expect(md).toContain(`| Profiel zuid-limburg`);
    expect(md).toContain(`| ${groups(zlHash)} |`);
    expect(md).toContain('| Peildatum | 01-11-2026 (opgegeven met --as-of) |');
    const html = (await giacheck(['check', DEMO, ...RUN, '--format', 'html'])).stdout;
    const footer = html.slice(html.indexOf('<footer>'));
    expect(footer).toContain('<h2 id="herkomst-h">Herkomst</h2>');
    expect(footer).toContain(`<code>${groups(demoHash)}</code>`);
    expect(footer).toContain(`<code>${groups(zlHash)}</code>`);
  });

  it('xlsx: a sheet "Herkomst"', async () => {
    const out = join(dir, 'r.xlsx');
    expect((await giacheck(['check', DEMO, ...RUN, '--output', out, '--quiet'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Herkomst')!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push([String(row.getCell(1).value), String(row.getCell(2).value)]));
    expect(rows[0]).toEqual(['Wat', 'Waarde']);
    expect(rows).toContainEqual(['giacheck-versie', TOOL.version]);
    expect(rows.find((r) => r[0].startsWith('Invoer zuid-limburg-demo.csv'))?.[1]).toBe(groups(demoHash));
    expect(rows).toContainEqual(['Mapping', 'geen']);
  });
});

describe('the profile hash is of the canonical form of the chain', () => {
  it('comments, key order and quoting do not change it; a changed severity does', async () => {
    const run = async (file: string) => JSON.parse((await giacheck(['check', DEMO, '--profile', file, '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never'])).stdout).provenance.profile;
    const copy = join(dir, 'zl.yaml');
    copyFileSync(join(ROOT, 'rules/zuid-limburg.yaml'), copy);
    const same = await run(copy);
    expect(same.sha256).toBe(zlHash);
    const commented = join(dir, 'zl-comment.yaml');
    writeFileSync(commented, '# een opmerking\n' + readFileSync(copy, 'utf8').replace(/^id: (.*)$/m, "id: '$1'"));
    const c = await run(commented);
    expect(c.sha256).toBe(zlHash);
    expect(c.documents[0].sha256).toBe(execFileSync('sha256sum', [commented], { encoding: 'utf8' }).split(' ')[0]);
    expect(c.documents[0].sha256).not.toBe(same.documents[0].sha256);
    const changed = join(dir, 'zl-changed.yaml');
    const text = readFileSync(copy, 'utf8');
    const once = text.replace(/severity: error/, 'severity: warning');
    expect(once).not.toBe(text);
    writeFileSync(changed, once);
    expect((await run(changed)).sha256).not.toBe(zlHash);
  });
});

describe('validate and compare carry the same', () => {
  it('validate: json provenance, the table line, the md section', async () => {
    const j = JSON.parse((await giacheck(['validate', DEMO, ...RUN, '--format', 'json'])).stdout).provenance;
    expect(j.inputs).toEqual([{ file: 'zuid-limburg-demo.csv', format: 'csv', bytes: statSync(join(ROOT, DEMO)).size, sha256: demoHash }]);
    expect(j.profile.sha256).toBe(zlHash);
    expect(j.peildatum_given).toBe(true);
    const table = (await giacheck(['validate', DEMO, ...RUN])).stdout;
    expect(table).toContain(`zuid-limburg-demo.csv ${demoHash.slice(0, 12)}`);
    const md = (await giacheck(['validate', DEMO, ...RUN, '--format', 'md'])).stdout;
    expect(md).toContain(groups(demoHash));
  });

  it("compare lists each run's provenance and its own, and warns when they differ", async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    await giacheck(['check', DEMO, ...RUN, '--output', a, '--quiet']);
    await giacheck(['check', DEMO, '--region', 'zuid-limburg', '--as-of', '2026-12-01', '--fail-on', 'never', '--include-passed', '--output', b, '--quiet']);
    const r = await giacheck(['compare', a, b, '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j.old.provenance.inputs[0].sha256).toBe(demoHash);
    expect(j.new.provenance.peildatum).toBe('2026-12-01');
    expect(j.provenance.inputs).toEqual([
      { file: 'a.json', format: 'json', bytes: statSync(a).size, sha256: execFileSync('sha256sum', [a], { encoding: 'utf8' }).split(' ')[0] },
      { file: 'b.json', format: 'json', bytes: statSync(b).size, sha256: execFileSync('sha256sum', [b], { encoding: 'utf8' }).split(' ')[0] },
    ]);
    expect(j.warnings).toEqual([
      {
        code: 'provenance',
        what: 'options',
        old: expect.stringContaining('include-passed=false'),
        new: expect.stringContaining('include-passed=true'),
        message: expect.stringMatching(/^de runs zijn niet met hetzelfde gemaakt: opties /),
      },
    ]);
    expect(r.stderr).toContain('giacheck: waarschuwing: de runs zijn niet met hetzelfde gemaakt: opties');
    const table = (await giacheck(['compare', a, b, '--quiet'])).stdout;
    expect(table).toContain(`Oud: Herkomst: giacheck ${TOOL.version} · zuid-limburg-demo.csv ${demoHash.slice(0, 12)}`);
    expect(table).toContain('Deze vergelijking: giacheck');
    const md = (await giacheck(['compare', a, b, '--format', 'md', '--quiet'])).stdout;
    expect(md).toContain(`| ${groups(demoHash)} |`);
    // the same runs twice: no provenance warning
    expect(JSON.parse((await giacheck(['compare', a, a, '--format', 'json', '--quiet'])).stdout).warnings.map((w: { code: string }) => w.code)).not.toContain('provenance');
  });
});
