/**
 * The commands of giacheck, in the order --help lists them. Each lives in its own file and
 * exports `register(program)`.
 */
import type { Command } from 'commander';
import { register as check } from './check.js';
import { register as validate } from './validate.js';
import { register as triage } from './triage.js';
import { register as rules } from './rules.js';
import { register as agenda } from './agenda.js';
import { register as compare } from './compare.js';
import { register as generate } from './generate.js';

export const COMMANDS: ((program: Command) => void)[] = [
  check,
  validate,
  triage,
  rules,
  agenda,
  compare,
  generate,
];
