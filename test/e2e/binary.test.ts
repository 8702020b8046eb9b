/**
 * The standalone binaries (`npm run build:bin`, Node single executable applications), built once
 * here for this machine and, on Linux with Wine installed, for Windows too, then run as a
 * coordinator would — an empty environment, another working directory, no rules/ or node_modules
 * beside them. The host binary's report must equal the one of `node bin/giacheck.js`; the Windows
 * binary's outputs must equal the Linux binary's byte for byte.
 *
 * Windows: giacheck-win-x64.exe runs in Debian's Wine (`wine64`, which .ci/run installs; its
 * loader is /usr/lib/wine/wine64, not on PATH). The test makes its own Wine prefix in a temporary
 * directory, tells it to be Windows 10 (Node refuses older versions; `HKCU\Software\Wine`
 * Version=win10 is what winecfg writes) and gives the program files, not pipes, as stdin, stdout
 * and stderr: Node gets EBADF opening a pipe under Wine. Skipped, with a message, when Wine is not
 * installed.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giacheckProcess, ROOT } from '../helpers/cli.js';

const HOST = `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
const BINARY = join(ROOT, 'dist', `giacheck-${HOST}${process.platform === 'win32' ? '.exe' : ''}`);
const EXE = join(ROOT, 'dist', 'giacheck-win-x64.exe');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const WINE = [process.env.GIACHECK_WINE, '/usr/lib/wine/wine64', '/usr/bin/wine64'].find((p) => p && existsSync(p));
const WITH_WINE = HOST === 'linux-x64' && WINE !== undefined;
const AS_OF = '2026-11-01';
let dir: string;

function bin(args: string[], env: NodeJS.ProcessEnv = {}, cwd = dir) {
  const r = spawnSync(BINARY, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The Wine prefix of the Windows tests: its own HOME and WINEPREFIX in a temporary directory. */
const wineWork = WITH_WINE ? mkdtempSync(join(tmpdir(), 'giacheck-wine-')) : '';
const wineEnv: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: wineWork,
  WINEPREFIX: join(wineWork, 'prefix'),
  WINEDEBUG: '-all',
  // no Mono or Gecko installer dialogs while the prefix is made
  WINEDLLOVERRIDES: 'mscoree,mshtml=',
};
/** `wineboot --init` needs no binary: it makes the prefix while the binaries are built. */
let wineBoot: Promise<{ code: number | null; stderr: string }> | undefined;

beforeAll(async () => {
  if (WITH_WINE) {
    wineBoot = new Promise((done, fail) => {
      const p = spawn(WINE!, ['wineboot', '--init'], { env: wineEnv, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      p.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
      p.on('error', fail);
      p.on('close', (code) => done({ code, stderr }));
    });
  }
  // from the dist/ that npm test has just compiled
  const targets = WITH_WINE ? `${HOST},win-x64` : HOST;
  await new Promise<void>((done, fail) =>
    execFile(process.execPath, [join(ROOT, 'scripts', 'build-bin.mjs'), '--quiet', '--target', targets, '--compiled'], { cwd: ROOT }, (err, _out, stderr) =>
      err ? fail(new Error(`build-bin: ${err.message}\n${stderr}`)) : done(),
    ),
  );
  dir = mkdtempSync(join(tmpdir(), 'giacheck-binary-'));
  copyFileSync(join(ROOT, 'fixtures', 'demo', 'zuid-limburg-demo.csv'), join(dir, 'export.csv'));
  copyFileSync(join(ROOT, 'fixtures', 'demo', 'noord-oost-gelderland-demo.csv'), join(dir, 'nog.csv'));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('standalone binary', () => {
  it('was built for this platform', () => {
    expect(existsSync(BINARY)).toBe(true);
  });

  it('env -i <binary> --version', () => {
    const r = bin(['--version']);
    expect(r).toEqual({ code: 0, stdout: VERSION + '\n', stderr: '' });
  });

  it('checks a fixture from another directory with an empty environment, like node bin/giacheck.js', () => {
    const args = ['check', 'export.csv', '--region', 'zuid-limburg', '--as-of', AS_OF, '--format', 'json'];
    const r = bin(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const viaNode = giacheckProcess(args, { cwd: dir });
    expect(r.stdout).toBe(viaNode.stdout);
    const report = JSON.parse(r.stdout);
    expect(report.tool).toEqual({ name: 'giacheck', version: VERSION });
    expect(report.profile.id).toBe('zuid-limburg');
    expect(report.input).toMatchObject({ files: ['export.csv'], rows_read: 400, rows_checked: 393, rows_rejected: 7 });
  });

  it('bundled profiles and the ingest worker come from the embedded assets', () => {
    const table = bin(['check', 'nog.csv', '--region', 'noord-oost-gelderland', '--as-of', AS_OF, '--fail-on', 'never']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Nalevingsrapport Noord Oost Gelderland');
    const args = ['check', 'export.csv', '--region', 'zuid-limburg', '--as-of', AS_OF, '--format', 'jsonl'];
    const worker = bin(args, { GIACHECK_WORKER: '1' });
    expect(worker.code).toBe(1);
    expect(worker).toEqual(bin(args, { GIACHECK_WORKER: '0' }));
  });

  it('triage trees come from the assets too; no developer warnings (xlsx through the bundled zip library)', () => {
    const tree = bin(['triage', '--region', 'zuid-limburg', '--explain']);
    expect(tree.stderr).toBe('');
    expect(tree.code).toBe(0);
    expect(tree.stdout).toBe(giacheckProcess(['triage', '--region', 'zuid-limburg', '--explain'], { cwd: dir }).stdout);
    const xlsx = bin(['generate', '--cases', '20', '--region', 'zuid-limburg', '--format', 'xlsx', '--output', 'demo.xlsx']);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stderr).toBe('giacheck: 20 synthetische meldingen (zuid-limburg, seed 1, 01-11-2024 t/m 31-10-2026) geschreven naar demo.xlsx\n');
  });

  it('runs the work without NODE_OPTIONS even when the environment sets it; exit codes pass through', () => {
    // a preload that announces itself: it runs once in the outer process, not in the real run
    writeFileSync(join(dir, 'preload.cjs'), 'process.stderr.write("preload " + JSON.stringify(process.env.NODE_OPTIONS ?? null) + "\\n");');
    const r = bin(['check', 'missing.csv', '--region', 'zuid-limburg'], { NODE_OPTIONS: `--require ${join(dir, 'preload.cjs')}` });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`preload "--require ${join(dir, 'preload.cjs')}"\ngiacheck: missing.csv: bestand niet gevonden\n`);
  });

  it('an export dropped on the binary: HTML beside it in a folder with a space, message, exit code', () => {
    const drop = join(dir, 'map met spatie');
    mkdirSync(drop, { recursive: true });
    copyFileSync(join(dir, 'export.csv'), join(drop, 'export mei.csv'));
    const r = bin([join(drop, 'export mei.csv'), '--as-of', AS_OF], { GIACHECK_PAUSE: '0' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const html = join(drop, 'export mei-naleving-2026-11-01.html');
    expect(r.stdout).toContain(`Rapport:  ${html}\n`);
    expect(r.stdout).toContain('Naleving over alle regels: 89,4%');
    expect(r.stdout).toContain('Nu verlopen (termijn voorbij, nog niet gedaan): 30, in 29 dossiers');
    expect(readFileSync(html, 'utf8')).toContain(`giacheck ${VERSION}`);
    const screen = bin([]);
    expect(screen.code).toBe(0);
    expect(screen.stdout).toContain(`op giacheck-${HOST}.`);
  });
});

/** A Wine start takes seconds, and the tests share two cores with the rest of npm test. */
const WINE_TEST = 120_000;

describe.skipIf(!WITH_WINE)('Windows binary in Wine', () => {
  let work: string;
  let env: NodeJS.ProcessEnv;
  // Z: is Wine's drive for the Linux root
  const winPath = (p: string) => 'Z:' + p.replaceAll('/', '\\');

  function wine(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; exe?: string } = {}) {
    const [inFile, outFile, errFile] = ['stdin', 'stdout', 'stderr'].map((n) => join(work, n));
    writeFileSync(inFile, '');
    const fds = [openSync(inFile, 'r'), openSync(outFile, 'w'), openSync(errFile, 'w')];
    try {
      const r = spawnSync(WINE!, [opts.exe ?? EXE, ...args], { cwd: opts.cwd ?? dir, env: { ...env, ...opts.env }, stdio: fds, timeout: 120_000 });
      if (r.error) throw r.error;
      return { code: r.status, stdout: readFileSync(outFile, 'utf8'), stderr: readFileSync(errFile, 'utf8') };
    } finally {
      fds.forEach(closeSync);
    }
  }

  beforeAll(async () => {
    work = wineWork;
    env = wineEnv;
    const boot = await wineBoot!;
    if (boot.code !== 0) throw new Error(`wine wineboot --init: exit ${boot.code}\n${boot.stderr}`);
    const r = wine(['add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f'], { exe: 'reg' });
    if (r.code !== 0) throw new Error(`wine reg add: exit ${r.code}\n${r.stderr}`);
  }, 180_000);

  afterAll(() => {
    if (!work) return;
    // the prefix's wineserver lingers a few seconds after the last program: stop it, then clean up
    spawnSync(join(WINE!, '..', 'wineserver'), ['-k'], { env, stdio: 'ignore' });
    rmSync(work, { recursive: true, force: true });
  });

  it('giacheck-win-x64.exe --version', () => {
    expect(statSync(EXE).size).toBeGreaterThan(50e6);
    expect(wine(['--version'])).toEqual({ code: 0, stdout: VERSION + '\n', stderr: '' });
  }, WINE_TEST);

  it('check with a Windows path: the report equals the Linux binary byte for byte', () => {
    const md = join(dir, 'export.csv');
    const viaWine = wine(['check', winPath(md), '--region', 'zuid-limburg', '--as-of', AS_OF, '--format', 'md']);
    const viaLinux = bin(['check', md, '--region', 'zuid-limburg', '--as-of', AS_OF, '--format', 'md']);
    expect(viaWine.code).toBe(1);
    expect(viaWine.stderr).toBe('');
    // reports name a file by its base name (a path can hold a user's name): the same on both systems
    expect(viaWine.stdout).toContain('- **Bestanden:** export.csv\n');
    expect(viaWine.stdout).toBe(viaLinux.stdout);
    for (const format of ['json', 'table']) {
      const args = ['check', 'export.csv', '--as-of', AS_OF, '--format', format];
      expect(wine(args), format).toEqual(bin(args));
    }
  }, WINE_TEST);

  it('--format html --output: the same file as the Linux binary writes', () => {
    const w = wine(['check', 'export.csv', '--region', 'zuid-limburg', '--as-of', AS_OF, '--format', 'html', '--quiet', '--output', 'Z:' + join(dir, 'wine.html').replaceAll('/', '\\')]);
    const l = bin(['check', 'export.csv', '--region', 'zuid-limburg', '--as-of', AS_OF, '--format', 'html', '--quiet', '--output', 'linux.html']);
    expect(w).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(l).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'wine.html'))).toEqual(readFileSync(join(dir, 'linux.html')));
  }, WINE_TEST);

  it('validate: the same output and exit code', () => {
    for (const format of ['json', 'table']) {
      const args = ['validate', 'export.csv', '--region', 'zuid-limburg', '--as-of', AS_OF, '--format', format];
      const w = wine(args);
      expect(w.stdout.length, format).toBeGreaterThan(100);
      expect(w, format).toEqual(bin(args));
    }
  }, WINE_TEST);

  it('an export dropped on the .exe: the report beside it, the same message as on Linux', () => {
    const drop = join(dir, 'wine map met spatie');
    mkdirSync(drop, { recursive: true });
    const csv = join(drop, 'export mei.csv');
    copyFileSync(join(dir, 'export.csv'), csv);
    const html = join(drop, 'export mei-naleving-2026-11-01.html');
    const w = wine([winPath(csv), '--as-of', AS_OF], { env: { GIACHECK_PAUSE: '0' } });
    expect(w.stderr).toBe('');
    expect(w.code).toBe(1);
    expect(w.stdout).toContain(`Rapport:  ${winPath(html)}\n`);
    const fromWine = readFileSync(html, 'utf8');
    rmSync(html);
    const l = bin([csv, '--as-of', AS_OF], { GIACHECK_PAUSE: '0' });
    expect(l.code).toBe(1);
    // the same message and report but for the paths, which each system writes its own way
    expect(w.stdout.replaceAll(winPath(csv), csv).replaceAll(winPath(html), html)).toBe(l.stdout);
    expect(fromWine.replaceAll(winPath(csv), csv)).toBe(readFileSync(html, 'utf8'));
    // a second drop keeps the first report
    const again = wine([winPath(csv), '--as-of', AS_OF], { env: { GIACHECK_PAUSE: '0' } });
    expect(again.stdout).toContain(`Rapport:  ${winPath(join(drop, 'export mei-naleving-2026-11-01-2.html'))}\n`);
    expect(readFileSync(html, 'utf8')).toBe(fromWine.replaceAll(winPath(csv), csv));
  }, WINE_TEST);

  it('no arguments: the start screen names the .exe', () => {
    const w = wine([]);
    expect(w.code).toBe(0);
    expect(w.stdout).toContain('op giacheck-win-x64.exe.');
    expect(w.stdout).toContain('  giacheck-win-x64 check export.csv ');
  }, WINE_TEST);
});
