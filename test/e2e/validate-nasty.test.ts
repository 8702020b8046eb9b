/**
 * Never crash (issue 5), end to end: the CLI (in-process, test/helpers/cli.ts) on nasty files. Every run ends in a report
 * (exit 0 or 1) or in exit 2 with exactly one line on stderr naming the file (and the line where
 * known), never with a stack trace unless --debug.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { giacheck } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'giacheck-nasty-'));
const H = 'dossier_id;gemeente;melding_datum\n';
const laughs =
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' +
  Array.from({ length: 9 }, (_, i) => {
    const [prev, name] = [String.fromCharCode(97 + i), String.fromCharCode(98 + i)];
    return `${name}: &${name} [${new Array(9).fill('*' + prev).join(',')}]\n`;
  }).join('');

const FILES: Record<string, string | Buffer> = {
  'binary.csv': Buffer.from(Array.from({ length: 1024 }, (_, i) => i % 256)),
  'nul.csv': Buffer.from(H + 'A-1;Heer\u0000len;01-06-2026\n'),
  'nul-late.csv': Buffer.from(H + Array.from({ length: 20_000 }, (_, i) => `A-${i};Heerlen;01-06-2026\n`).join('') + 'B-1;Heer\u0000len;01-06-2026\n'),
  'long-line.csv': H + 'A-1;' + 'x'.repeat(1024 * 1024 + 10) + ';01-06-2026\nA-2;Heerlen;01-06-2026\n',
  'long-header.csv': 'a'.repeat(1024 * 1024 + 10) + '\n',
  'quote.csv': H + 'A-1;"Heerlen;01-06-2026\nA-2;Vaals;02-06-2026\n',
  'trunc-utf8.csv': Buffer.concat([Buffer.from(H + 'A-1;Heerlen;01-06-2026\n'.repeat(20_000)), Buffer.from('A-2;Heerlen;01-06-2026;caf'), Buffer.from([0xc3])]),
  'empty.csv': '',
  'bom.csv': Buffer.from([0xef, 0xbb, 0xbf]),
  'mojibake.csv': H + 'A-1;Heerlen;01-06-2026\nA-2;Vaals;02-06-2026;geÃ¯nformeerd\n',
  'bad.json': '[{"dossier_id": "A-1", "gemeente": "Heerlen", "melding_datum": "01-06-2026"},\n{"dossier_id": "A-2" "x": 1}]',
  'bad.xlsx': Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(300, 7)]),
  'bomb.yaml': 'id: x\nversion: "1"\nname: { nl: x, en: x }\n' + laughs,
  'map-bomb.yaml': 'columns:\n  dossier_id: Dossier\n' + laughs,
  'ok.csv': H + 'A-1;Heerlen;01-06-2026\n',
};
const p = (name: string) => join(dir, name);

beforeAll(() => {
  for (const [name, content] of Object.entries(FILES)) writeFileSync(p(name), content);
  mkdirSync(p('dir.csv'));
});

interface Case {
  args: () => string[];
  code: number;
  stderr?: RegExp;
}

const RUN = ['--region', 'zuid-limburg', '--as-of', '2026-07-01'];
const CASES: Record<string, Case> = {
  'binary file': { args: () => [p('binary.csv')], code: 2, stderr: /binary\.csv: dit lijkt een binair bestand/ },
  'NUL byte at the start': { args: () => [p('nul.csv')], code: 2, stderr: /nul\.csv: dit lijkt een binair bestand/ },
  'directory': { args: () => [p('dir.csv')], code: 2, stderr: /dir\.csv: is een map, geen bestand/ },
  'empty file': { args: () => [p('empty.csv')], code: 2, stderr: /empty\.csv: leeg bestand/ },
  'only a BOM': { args: () => [p('bom.csv')], code: 2, stderr: /bom\.csv: leeg bestand/ },
  'unbalanced quote': { args: () => [p('quote.csv')], code: 2, stderr: /quote\.csv: regel 2 \(rij 2\): aanhalingsteken wordt niet gesloten/ },
  'header longer than 1 MB': { args: () => [p('long-header.csv')], code: 2, stderr: /long-header\.csv: regel 1 \(rij 1\): kopregel langer dan 1000000 tekens/ },
  'mojibake': { args: () => [p('mojibake.csv')], code: 2, stderr: /mojibake\.csv: regel 3: tekst lijkt verminkt/ },
  'broken JSON': { args: () => [p('bad.json')], code: 2, stderr: /bad\.json:2:\d+: geen geldige JSON/ },
  'broken XLSX': { args: () => [p('bad.xlsx')], code: 2, stderr: /bad\.xlsx: geen volledig XLSX-bestand \(het zip-archief is afgebroken of beschadigd\); exporteer het bestand opnieuw$/ },
  'YAML bomb as profile': { args: () => [p('ok.csv'), '--profile', p('bomb.yaml')], code: 2, stderr: /bomb\.yaml: het bestand gebruikt te veel aliassen \(meer dan 50\)/ },
  'YAML bomb as mapping': { args: () => [p('ok.csv'), '--mapping', p('map-bomb.yaml')], code: 2, stderr: /map-bomb\.yaml: het bestand gebruikt te veel aliassen \(meer dan 50\)/ },
  'a 1 MB line is a rejected row, the rest is read': { args: () => [p('long-line.csv')], code: 1 },
  'a NUL later in the file is an ordinary bad cell': { args: () => [p('nul-late.csv')], code: 1 },
  'UTF-8 cut off at the end of a big file': { args: () => [p('trunc-utf8.csv')], code: 2, stderr: /trunc-utf8\.csv: ongeldige UTF-8 rond byte \d+/ },
};

describe.each(['validate', 'check'])('giacheck %s on nasty input', (command) => {
  it.each(Object.entries(CASES))('%s', async (_name, c) => {
    const args = [command, ...c.args(), ...(c.args().includes('--profile') ? ['--as-of', '2026-07-01'] : RUN), '--format', 'json'];
    const r = await giacheck(args);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    if (command === 'check' && c.code === 1) {
      // these exports hold dossier_id, gemeente and melding_datum only: check reads every row,
      // and then fails because no rule can be judged on them (issue 13.1)
      expect(r.code).toBe(2);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^giacheck: geen enkele regel is te beoordelen: de export mist /);
    } else if (c.code === 2) {
      expect(r.code).toBe(2);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^giacheck: /);
      expect(lines[0]).toMatch(c.stderr!);
      expect(r.stdout).toBe('');
    } else {
      // a report: check's exit code depends on its findings, validate's on the bad rows
      expect(r.code).toBe(command === 'validate' ? c.code : r.code === 0 ? 0 : 1);
      expect(lines).toEqual([]);
      const report = JSON.parse(r.stdout);
      const rows = command === 'validate' ? report.input.rows_valid + report.input.rows_with_errors : report.input.rows_checked + report.input.rows_rejected;
      expect(rows).toBe(report.input.rows_read);
      expect(command === 'validate' ? report.input.rows_with_errors : report.input.rows_rejected).toBe(1);
    }
  });
});

describe('stack traces only with --debug', () => {
  it('--debug adds the stack after the one-line message', async () => {
    const r = await giacheck(['validate', p('quote.csv'), ...RUN, '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^giacheck: .*quote\.csv: regel 2/);
    expect(r.stderr).toMatch(/^\s+at /m);
  });
});
