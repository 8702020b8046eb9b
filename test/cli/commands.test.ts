import { describe, expect, it } from 'vitest';
import { COMMANDS, loadCommands } from '../../src/cli/commands.js';

describe('command loading', () => {
  it('loads only the command that runs', async () => {
    const registers = await loadCommands(['node', 'giacheck', 'check', 'x.csv']);
    expect(registers).toHaveLength(1);
    expect(registers[0]).toBe((await import('../../src/cli/check.js')).register);
  });
  it('loads every command for --help, help and unknown words, in the documented order', async () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(['check', 'validate', 'triage', 'rules', 'agenda', 'compare', 'generate']);
    for (const argv of [['node', 'giacheck', '--help'], ['node', 'giacheck', 'help', 'check'], ['node', 'giacheck', 'chek']]) {
      expect(await loadCommands(argv)).toHaveLength(COMMANDS.length);
    }
  });
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
