import { describe, expect, it } from 'vitest';
import { COMMANDS, loadCommands } from '../../src/cli/commands.js';

describe('command loading', () => {
  it('loads only the command that runs', async () => {
    const registers = await loadCommands(['node', 'giacheck', 'check', 'x.csv']);
    expect(registers).toHaveLength(1);
    expect(registers[0]).toBe((await import('../../src/cli/check.js')).register);
  });
  it('loads every command for --help, help and unknown words, in the documented order', async () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(['check', 'validate', 'triage', 'rules', 'agenda', 'kalender', 'compare', 'generate']);
    for (const argv of [['node', 'giacheck', '--help'], ['node', 'giacheck', 'help', 'check'], ['node', 'giacheck', 'chek']]) {
      expect(await loadCommands(argv)).toHaveLength(COMMANDS.length);
    }
  });
});

describe('every command in a fresh process, as in-process', () => {
  // In-process runs share one module graph per test file: a command could lean on a module (a
  // message catalogue) that another command or the test file loaded. Here each command runs
  // once through bin/giacheck.js with nothing but its own modules, and must print what it
  // prints in-process, byte for byte, with the same exit code. (check runs so in
  // engine/parallel.test.ts and e2e/report-cli.test.ts, triage in e2e/binary.test.ts.)
  it('validate, rules, agenda, compare, generate, --help and a usage error', async () => {
    const { giacheck, giacheckProcess } = await import('../helpers/cli.js');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'giacheck-commands-'));
    try {
      const [oct, nov] = [join(dir, 'oktober.json'), join(dir, 'november.json')];
      for (const [asOf, file] of [['2026-10-01', oct], ['2026-11-01', nov]]) {
        expect((await giacheck(['check', 'fixtures/zl-small.csv', '--region', 'zuid-limburg', '--as-of', asOf, '--format', 'json', '--output', file])).code).toBe(1);
      }
      const runs: [string[], number][] = [
        [['validate', 'fixtures/validate/dutch-excel.csv', '--as-of', '2026-07-01'], 1],
        [['rules', 'show', 'ZL-05'], 0],
        [['agenda', 'fixtures/zl-small.csv', '--region', 'zuid-limburg', '--as-of', '2026-06-01', '--days', '30'], 0],
        [['compare', oct, nov], 0],
        [['generate', '--cases', '5', '--region', 'zuid-limburg', '--lang', 'en'], 0],
        [['--help'], 0],
        [['chek', 'x.csv'], 2],
      ];
      for (const [args, code] of runs) {
        const inProcess = await giacheck(args);
        expect(inProcess.code, args.join(' ')).toBe(code);
        // the output, or for the usage error commander's message
        expect(code === 2 ? inProcess.stderr : inProcess.stdout, args.join(' ')).toMatch(code === 2 ? /^giacheck: onbekende opdracht 'chek'/ : /\S/);
        expect(giacheckProcess(args), args.join(' ')).toEqual(inProcess);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('giacheck --version', () => {
  it('prints the version of package.json, answered by bin/giacheck.js before anything else loads', async () => {
    const { giacheckProcess, ROOT } = await import('../helpers/cli.js');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    for (const flag of ['--version', '-V']) {
      const r = giacheckProcess([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(version + '\n');
      expect(r.stderr).toBe('');
    }
  });
});
