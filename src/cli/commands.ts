/**
 * The commands of giacheck, in the order --help lists them. Each lives in its own file and
 * exports `register(program)`.
 */
import type { Command } from 'commander';
import { register as check } from './check.js';

export const COMMANDS: ((program: Command) => void)[] = [
  check,
];
