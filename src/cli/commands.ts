/**
 * The commands of giacheck, in the order --help lists them. Each lives in its own file and
 * exports `register(program, run)`. They are loaded on demand: a run of `giacheck check`
 * imports only check.ts and what it needs (not the prompts of triage, not exceljs, not the
 * calendar writer); --help and unknown commands load them all.
 */
import type { Command } from 'commander';
import type { Run } from './io.js';

/** Adds a command; its action runs with `run.io` and sets `run.exitCode`. */
type Register = (program: Command, run: Run) => void;

export const COMMANDS: { name: string; load: () => Promise<{ register: Register }> }[] = [
  { name: 'check', load: () => import('./check.js') },
  { name: 'validate', load: () => import('./validate.js') },
  { name: 'triage', load: () => import('./triage.js') },
  { name: 'rules', load: () => import('./rules.js') },
  { name: 'agenda', load: () => import('./agenda.js') },
  { name: 'kalender', load: () => import('./kalender.js') },
  { name: 'compare', load: () => import('./compare.js') },
  { name: 'generate', load: () => import('./generate.js') },
];

/** The commands to register for these arguments: just the one named, or all of them. */
export async function loadCommands(argv: string[]): Promise<Register[]> {
  const named = COMMANDS.find((c) => c.name === argv[2]);
  const wanted = named ? [named] : COMMANDS;
  return (await Promise.all(wanted.map((c) => c.load()))).map((m) => m.register);
}
