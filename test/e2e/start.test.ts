/**
 * giacheck without a command, end to end through bin/giacheck.js in a real process (standard
 * input matters here): an export dropped on the program, in a folder with a space in its name,
 * gets its HTML report beside it and a Dutch message; no arguments give the start screen.
 * test/e2e/binary.test.ts runs the same with the standalone binaries (Linux, and Windows in Wine).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'giacheck.js');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
let dir: string;
let exportFile: string;

function run(args: string[], env: NodeJS.ProcessEnv = {}, input = '') {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: tmpdir(),
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1', GIACHECK_PAUSE: '0', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'giacheck sleep hier '));
  exportFile = join(dir, 'export mei 2026.csv');
  copyFileSync(join(ROOT, 'fixtures', 'demo', 'zuid-limburg-demo.csv'), exportFile);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an export dropped on giacheck', () => {
  it('writes <export>-naleving-<peildatum>.html beside it and says where and what it found', () => {
    const r = run([exportFile, '--as-of', '2026-11-01']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1); // findings at error level, as `check` would exit
    const report = join(dir, 'export mei 2026-naleving-2026-11-01.html');
    expect(r.stdout).toBe(
      [
        `giacheck ${VERSION}: nalevingsrapport Zuid-Limburg, peildatum 01-11-2026`,
        '',
        `Export:   ${exportFile}`,
        '          400 rijen gelezen, 393 gecontroleerd, 7 afgewezen',
        `Rapport:  ${report}`,
        '',
        'Naleving over alle regels: 89,4% (1.600 van de 1.790 beoordeelde termijnen en eisen op orde)',
        'Nu verlopen (termijn voorbij, nog niet gedaan): 30, in 29 dossiers',
        'Regio Zuid-Limburg: afgeleid uit de gemeenten in de export.',
        'Afgewezen rijen: 7; het rapport noemt ze met rij, kolom en reden.',
        '',
        'Open het rapport met een dubbelklik: het opent in uw webbrowser, ook zonder internet.',
        '',
      ].join('\n'),
    );
    // the same report `check --format html` writes, with every finding listed
    const viaCheck = spawnSync(process.execPath, [BIN, 'check', exportFile, '--as-of', '2026-11-01', '--format', 'html', '--max-findings', '0', '--quiet'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
    });
    expect(readFileSync(report, 'utf8')).toBe(viaCheck.stdout);
    expect(readFileSync(report, 'utf8')).toContain(`giacheck ${VERSION}`);
    if (process.platform !== 'win32') expect(statSync(report).mode & 0o777).toBe(0o600);
  });

  it('never overwrites an earlier report: the next one gets -2', () => {
    const first = join(dir, 'export mei 2026-naleving-2026-11-01.html');
    writeFileSync(first, 'vorige maand');
    const r = run([exportFile, '--as-of', '2026-11-01', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(readFileSync(first, 'utf8')).toBe('vorige maand');
    expect(r.stdout).toContain(`Report:   ${join(dir, 'export mei 2026-naleving-2026-11-01-2.html')}\n`);
    expect(r.stdout).toContain('Compliance over all rules: 89.4% (1,600 of the 1,790 judged deadlines and requirements met)');
    expect(readdirSync(dir).filter((f) => f.endsWith('.html')).sort()).toEqual([
      'export mei 2026-naleving-2026-11-01-2.html',
      'export mei 2026-naleving-2026-11-01.html',
    ]);
  });

  it('waits for Enter when asked to (GIACHECK_PAUSE=1), also after an error', () => {
    const ok = run([exportFile, '--as-of', '2026-11-01'], { GIACHECK_PAUSE: '1' }, '\n');
    expect(ok.code).toBe(1);
    expect(ok.stdout.endsWith('\nDruk op Enter om dit venster te sluiten.\n')).toBe(true);
    const other = join(dir, 'andere regio.csv');
    writeFileSync(other, 'dossier_id;gemeente;melding_datum\nA1;Amsterdam;01-10-2026\n');
    const bad = run([other], { GIACHECK_PAUSE: '1' }, '\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `giacheck: kon ${other} niet controleren: regio niet af te leiden: geen enkele gemeente hoort bij een gebundelde regio; geef --region (noord-oost-gelderland, zuid-limburg) of --profile\n` +
        'Sleep de export uit het registratiesysteem (CSV, XLSX of JSON) op giacheck, of zie giacheck --help.\n',
    );
    expect(bad.stdout).toBe('\nDruk op Enter om dit venster te sluiten.\n');
    expect(readdirSync(dir).some((f) => f.startsWith('andere regio-naleving'))).toBe(false);
    // stdin closed without a line: it does not hang
    expect(run([other], { GIACHECK_PAUSE: '1' }).code).toBe(2);
  });

  it('a folder, several files, a missing file: one message in the same style, exit 2', () => {
    expect(run([dir])).toEqual({ code: 2, stdout: '', stderr: `giacheck: ${dir} is een map; sleep een exportbestand (CSV, XLSX of JSON) op giacheck.\n` });
    expect(run([exportFile, exportFile]).stderr).toBe(
      'giacheck: 2 bestanden ontvangen; sleep één export tegelijk op giacheck (meerdere exports in één rapport: giacheck check a.csv b.csv).\n',
    );
    const missing = run([join(dir, 'weg.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe(`giacheck: kon ${join(dir, 'weg.csv')} niet controleren: ${join(dir, 'weg.csv')}: bestand niet gevonden`);
  });
});

describe('giacheck with no arguments', () => {
  it('prints the Dutch start screen, not the usage dump', () => {
    const r = run([]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe(`giacheck ${VERSION}: controle van de GIA-werkafspraken van Veilig Thuis en het lokale veld`);
    expect(r.stdout).toContain('sleep de export uit uw registratiesysteem (CSV, XLSX of JSON) op giacheck.');
    expect(r.stdout).toContain('  giacheck check export.csv --format html --output rapport.html\n');
    expect(r.stdout).toContain('  giacheck validate export.csv ');
    expect(r.stdout).not.toMatch(/Usage|Options:/);
    expect(run(['--lang', 'en']).stdout).toContain('How it works: drop the export');
  });

  it('unknown words and commands still go to commander', () => {
    const r = run(['chek']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("giacheck: onbekende opdracht 'chek'; bedoelde u check? (zie giacheck --help)\n");
  });
});
