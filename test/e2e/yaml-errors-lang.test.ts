/**
 * Issue 13.12: a profile or mapping the yaml library cannot parse is explained in the run's
 * language, one catalogue text per yaml error code, with file, line and column; exit 2, one line,
 * nothing of the file quoted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { giacheck } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'giacheck-yamlerr-'));
let n = 0;
const put = (text: string): string => {
  const f = join(dir, `f${++n}.yaml`);
  writeFileSync(f, text);
  return f;
};
const CHECK = ['check', 'fixtures/zl-small.csv', '--as-of', '2026-11-01'];

describe('a broken profile (--profile)', () => {
  it.each([
    ['nl', 'id: mijn-regio\nname: Mijn: regio\n', '2:7: een lijst of map op de plek van een key; staat er een dubbele punt te veel op deze regel? Zet een waarde met ": " tussen aanhalingstekens'],
    ['en', 'id: mijn-regio\nname: Mijn: regio\n', '2:7: a list or map where a key should be; is there a colon too many on this line? Put a value with ": " in quotes'],
    ['nl', 'id: mijn-regio\nrules:\n\tMR-01: {}\n', '3:1: inspringen met een tab is niet toegestaan; gebruik spaties'],
    ['en', 'id: mijn-regio\nrules:\n\tMR-01: {}\n', '3:1: tabs are not allowed as indentation; use spaces'],
    ['nl', 'id: "mijn-regio\nname: x\n', '3:1: er ontbreekt een teken: een sluitend aanhalingsteken, de dubbele punt na een key, een komma of een spatie'],
    // the loader goes on after a doubled key, so the two required keys it lacks are counted too
    ['nl', 'id: mijn-regio\nid: ander\n', '2:1: dubbele key: id (en nog 2; zie giacheck rules lint)'],
    ['en', 'id: mijn-regio\nid: ander\n', '2:1: Map keys must be unique: id (and 2 more; see giacheck rules lint)'],
    ['nl', 'id: mijn-regio\n---\nid: ander\n', '2:1: het bestand bevat meer dan één YAML-document (---); giacheck leest er één'],
    ['en', 'id: mijn-regio\nname: @regio\n', '2:7: a value without quotes cannot start with this character; put the value in quotes'],
  ])('--lang %s: %j', async (lang, text, expected) => {
    const f = put(text);
    const r = await giacheck([...CHECK, '--profile', f, '--lang', lang]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`giacheck: ${f}:${expected}\n`);
  });

  it('an alias without anchor, and an alias bomb: no line to point at, the file is named', async () => {
    const f = put('id: mijn-regio\nname: *regio\n');
    expect((await giacheck([...CHECK, '--profile', f])).stderr).toBe(`giacheck: ${f}: alias zonder anker: het anker (&naam) moet vóór de alias (*naam) staan\n`);
    expect((await giacheck([...CHECK, '--profile', f, '--lang', 'en'])).stderr).toBe(`giacheck: ${f}: alias without anchor: the anchor (&name) must come before the alias (*name)\n`);
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const b = put(bomb.join('\n') + '\n');
    const r = await giacheck([...CHECK, '--profile', b, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`giacheck: ${b}: the file uses too many aliases (more than 50); such a file is not read\n`);
  });

  it('rules lint names it in Dutch too', async () => {
    const f = put('id: mijn-regio\nname: Mijn: regio\n');
    const r = await giacheck(['rules', 'lint', f]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(`${f}:2:7: een lijst of map op de plek van een key;`);
  });
});

describe('a broken mapping (--mapping)', () => {
  it.each([
    ['nl', 'columns:\n  dossier_id: "Nummer\n', '3:1: er ontbreekt een teken: een sluitend aanhalingsteken, de dubbele punt na een key, een komma of een spatie'],
    ['en', 'columns:\n  dossier_id: "Nummer\n', '3:1: a character is missing: a closing quote, the colon after a key, a comma or a space'],
    ['nl', 'columns:\n  dossier_id: Nummer\n  dossier_id: Nr\n', '3:3: dubbele key: dossier_id'],
  ])('--lang %s: %j', async (lang, text, expected) => {
    const f = put(text);
    const r = await giacheck([...CHECK, '--region', 'zuid-limburg', '--mapping', f, '--lang', lang]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`giacheck: ${f}:${expected}\n`);
  });
});

describe('a file that cannot be read for another reason than "not there" or "locked"', () => {
  it('profile, mapping and export: the error code with a next step, in Dutch and English, not Node\'s English text', async () => {
    const p = await giacheck([...CHECK, '--profile', 'fixtures/zl-small.csv/p.yaml']);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/^giacheck: \S*fixtures\/zl-small\.csv\/p\.yaml: kan het bestand niet lezen \(ENOTDIR\); controleer het pad en de rechten\n$/);
    const m = await giacheck([...CHECK, '--region', 'zuid-limburg', '--mapping', 'fixtures/zl-small.csv/m.yaml', '--lang', 'en']);
    expect(m.code).toBe(2);
    expect(m.stderr).toBe('giacheck: fixtures/zl-small.csv/m.yaml: cannot read the file (ENOTDIR); check the path and the permissions\n');
    const x = await giacheck(['check', 'fixtures/zl-small.csv/x.csv', '--region', 'zuid-limburg', '--as-of', '2026-11-01']);
    expect(x.code).toBe(2);
    expect(x.stderr).toBe('giacheck: fixtures/zl-small.csv/x.csv: kan het bestand niet lezen (ENOTDIR); controleer het pad en de rechten\n');
  });
});
