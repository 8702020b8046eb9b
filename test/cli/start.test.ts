/** src/cli/start.ts: which argv is a start request, the console guess, the report's file name. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownConsole, reportPath, shouldPause, startRequest } from '../../src/cli/start.js';

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'giacheck start '));
  file = join(dir, 'export mei.csv');
  writeFileSync(file, 'dossier_id\n');
  mkdirSync(join(dir, 'map'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const argv = (...args: string[]) => ['node', 'giacheck', ...args];

describe('startRequest', () => {
  it('no arguments, or only --lang: the start screen', () => {
    expect(startRequest(argv())).toEqual({ kind: 'screen', debug: false });
    expect(startRequest(argv('--lang', 'en'))).toEqual({ kind: 'screen', debug: false });
    expect(startRequest(argv('--lang=en'))).toEqual({ kind: 'screen', debug: false });
  });

  it('one existing file, with or without the options a shortcut may add: a drop', () => {
    expect(startRequest(argv(file))).toEqual({ kind: 'drop', file, asOf: undefined, region: undefined, debug: false });
    expect(startRequest(argv(file, '--as-of', '2026-11-01', '--region=zuid-limburg', '--debug'))).toEqual({
      kind: 'drop',
      file,
      asOf: '2026-11-01',
      region: 'zuid-limburg',
      debug: true,
    });
    // a path-like name that is not there: the drop mode says "bestand niet gevonden"
    expect(startRequest(argv(join(dir, 'weg.csv')))?.kind).toBe('drop');
  });

  it('several files or a folder: the drop mode explains; commands, options and words go to commander', () => {
    expect(startRequest(argv(file, file))).toEqual({ kind: 'notOne', files: [file, file], debug: false });
    expect(startRequest(argv(join(dir, 'map')))).toEqual({ kind: 'notOne', files: [join(dir, 'map')], debug: false });
    for (const args of [['check', file], ['rules'], ['--help'], ['--version', file], [file, '--format', 'json'], ['chek'], ['--as-of', '2026-11-01'], ['--lang']]) {
      expect(startRequest(argv(...args)), args.join(' ')).toBeUndefined();
    }
  });
});

describe('the console guess', () => {
  const exe = 'C:\\Users\\coordinator\\Downloads\\giacheck.exe';
  it('a console Windows opened for the program carries its path as title', () => {
    expect(ownConsole(exe, exe)).toBe(true);
    expect(ownConsole('c:\\users\\coordinator\\downloads\\GIACHECK.EXE', exe)).toBe(true);
    expect(ownConsole('giacheck.exe', exe)).toBe(true);
    expect(ownConsole('"C:\\Users\\coordinator\\Downloads\\giacheck.exe"', exe)).toBe(true);
  });
  it('a shell sets its own title', () => {
    expect(ownConsole('C:\\WINDOWS\\system32\\cmd.exe - giacheck.exe  export.csv', exe)).toBe(false);
    expect(ownConsole('Opdrachtprompt - giacheck export.csv', exe)).toBe(false);
    expect(ownConsole('Windows PowerShell', exe)).toBe(false);
    expect(ownConsole('', exe)).toBe(false);
  });
  it('pauses only on Windows with a console on stdin, unless GIACHECK_PAUSE decides', () => {
    const tty = { isTTY: true } as NodeJS.ReadableStream & { isTTY?: boolean };
    const pipe = {} as NodeJS.ReadableStream & { isTTY?: boolean };
    expect(shouldPause({ env: {}, stdin: tty }, 'win32', exe, exe)).toBe(true);
    expect(shouldPause({ env: {}, stdin: pipe }, 'win32', exe, exe)).toBe(false);
    expect(shouldPause({ env: {}, stdin: tty }, 'win32', 'Windows PowerShell', exe)).toBe(false);
    expect(shouldPause({ env: {}, stdin: tty }, 'linux', '/usr/bin/giacheck', '/usr/bin/giacheck')).toBe(false);
    expect(shouldPause({ env: { GIACHECK_PAUSE: '0' }, stdin: tty }, 'win32', exe, exe)).toBe(false);
    expect(shouldPause({ env: { GIACHECK_PAUSE: '1' }, stdin: pipe }, 'linux', '', '')).toBe(true);
  });
});

describe('reportPath', () => {
  it('sits next to the export and never takes a name that exists', () => {
    const taken = new Set<string>();
    const first = reportPath(file, '2026-11-01', (p) => taken.has(p));
    expect(first).toBe(join(dir, 'export mei-naleving-2026-11-01.html'));
    taken.add(first);
    const second = reportPath(file, '2026-11-01', (p) => taken.has(p));
    expect(second).toBe(join(dir, 'export mei-naleving-2026-11-01-2.html'));
    taken.add(second);
    expect(reportPath(file, '2026-11-01', (p) => taken.has(p))).toBe(join(dir, 'export mei-naleving-2026-11-01-3.html'));
    expect(reportPath(join(dir, 'zonder-extensie'), '2026-11-01', () => false)).toBe(join(dir, 'zonder-extensie-naleving-2026-11-01.html'));
  });
});
