/** Issue 13 point 5: the output file's name picks the format; a wrong folder fails before the run. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { giacheck } from '../helpers/cli.js';

const FIXTURE = 'fixtures/demo/zuid-limburg-demo.csv';
const BASE = ['--region', 'zuid-limburg', '--as-of', '2026-11-01', '--fail-on', 'never'];
const AGENDA = ['--region', 'zuid-limburg', '--as-of', '2026-11-01'];

describe('check --output without --format', () => {
  const dir = mkdtempSync(join(tmpdir(), 'giacheck-out-'));

  it.each([
    ['rapport.html', 'html', (b: Buffer) => b.toString('utf8').startsWith('<!doctype html') || b.toString('utf8').startsWith('<!DOCTYPE html')],
    ['rapport.json', 'json', (b: Buffer) => JSON.parse(b.toString('utf8')).tool.name === 'giacheck'],
    ['rapport.md', 'md', (b: Buffer) => b.toString('utf8').startsWith('#')],
    ['rapport.xlsx', 'xlsx', (b: Buffer) => b.subarray(0, 2).toString('latin1') === 'PK'],
    ['rapport.jsonl', 'jsonl', (b: Buffer) => JSON.parse(b.toString('utf8').split('\n')[0]) !== null],
    ['rapport.csv', 'csv', (b: Buffer) => /rule_id|Regel/.test(b.toString('utf8').split('\n')[0])],
  ])('%s is written as %s with one line on stderr', async (name, format, looksRight) => {
    const file = join(dir, name);
    const r = await giacheck(['check', FIXTURE, ...BASE, '--output', file]);
    expect(r.code).toBe(0);
    expect(looksRight(readFileSync(file))).toBe(true);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(new RegExp(`^giacheck: Rapport geschreven naar ${file.replace(/[.\\/]/g, '\\$&')} \\(${format}, \\d+ bevinding(en)?\\)$`));
  });

  it('json and jsonl report the same number of findings', async () => {
    const count = async (name: string) => /\((\w+), (\d+) /.exec((await giacheck(['check', FIXTURE, ...BASE, '--output', join(dir, name)])).stderr)![2];
    const n = await count('a.json');
    expect(await count('a.jsonl')).toBe(n);
    expect(await count('a.csv')).toBe(n);
    const report = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    expect(Number(n)).toBe(report.findings.length);
  });

  it('says it in English with --lang en', async () => {
    const file = join(dir, 'en.md');
    const r = await giacheck(['check', FIXTURE, ...BASE, '--output', file, '--lang', 'en']);
    expect(r.stderr).toMatch(/^giacheck: Report written to .*en\.md \(md, \d+ findings\)$/m);
  });

  it('--quiet keeps stderr empty', async () => {
    const r = await giacheck(['check', FIXTURE, ...BASE, '--output', join(dir, 'q.html'), '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('a --format that contradicts the extension is a usage error before any work', async () => {
    const file = join(dir, 'wrong.html');
    const r = await giacheck(['check', 'does-not-exist.csv', ...BASE, '--format', 'json', '--output', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`giacheck: --format json past niet bij --output ${file} (die extensie schrijft html); laat --format weg of kies een andere bestandsnaam\n`);
    expect(existsSync(file)).toBe(false);
  });

  it('a matching --format is fine, and an unknown extension falls back to the table', async () => {
    expect((await giacheck(['check', FIXTURE, ...BASE, '--format', 'md', '--output', join(dir, 'ok.md')])).code).toBe(0);
    const r = await giacheck(['check', FIXTURE, ...BASE, '--output', join(dir, 'rapport.txt')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'rapport.txt'), 'utf8')).not.toMatch(/^[{<#]/);
    expect(r.stderr).toMatch(/\(table, \d+ bevindingen\)/);
  });

  it('a missing output folder is reported before the input is read (even a missing input)', async () => {
    const file = join(dir, 'nope', 'rapport.html');
    const r = await giacheck(['check', 'does-not-exist.csv', ...BASE, '--output', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`de map ${join(dir, 'nope')} bestaat niet`);
    expect(readdirSync(dir).some((f) => f.startsWith('nope'))).toBe(false);
  });

  it('an output that is a folder is refused up front', async () => {
    const r = await giacheck(['check', FIXTURE, ...BASE, '--output', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is een map; geef een bestandsnaam');
  });
});

describe('validate, agenda and compare follow the file name too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'giacheck-out2-'));

  it('validate --output x.md writes markdown; x.html is refused (validate writes no html)', async () => {
    const md = join(dir, 'v.md');
    const r = await giacheck(['validate', FIXTURE, ...BASE, '--output', md]);
    expect(readFileSync(md, 'utf8').startsWith('#')).toBe(true);
    expect(r.stderr).toMatch(/^giacheck: Rapport geschreven naar .*v\.md \(md, \d+ melding(en)?\)$/m);
    const bad = await giacheck(['validate', FIXTURE, ...BASE, '--output', join(dir, 'v.html')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('dit commando schrijft geen html (kies uit table, json, csv, xlsx, md, of geef --format)');
  });

  it('agenda --output x.json writes json; compare --output y.md writes markdown', async () => {
    const aj = join(dir, 'agenda.json');
    const a = await giacheck(['agenda', FIXTURE, ...AGENDA, '--days', '60', '--output', aj]);
    expect(a.code).toBe(0);
    expect(JSON.parse(readFileSync(aj, 'utf8')).days).toBe(60);
    expect(a.stderr).toMatch(/Rapport geschreven naar .*agenda\.json \(json, \d+ termijn(en)?\)/);
    const old = join(dir, 'old.json');
    await giacheck(['check', FIXTURE, ...BASE, '--output', old, '--quiet']);
    const cm = join(dir, 'cmp.md');
    const c = await giacheck(['compare', old, old, '--output', cm]);
    expect(c.code).toBe(0);
    expect(readFileSync(cm, 'utf8').startsWith('#')).toBe(true);
    expect(c.stderr).toMatch(/Rapport geschreven naar .*cmp\.md \(md, 0 wijzigingen\)/);
  });

  it('agenda --ics into a missing folder fails before the run', async () => {
    const r = await giacheck(['agenda', FIXTURE, ...AGENDA, '--ics', join(dir, 'x', 'a.ics')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bestaat niet');
  });
});
