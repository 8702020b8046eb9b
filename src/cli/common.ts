/**
 * Options shared by the commands (SPEC §2) and their translation into plain option objects.
 * Commands never read process.argv themselves.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { UserError } from '../errors.js';
import type { ResolvedInput } from '../engine/check.js';
import { localized, t } from '../i18n/index.js';
import { allGemeenten, gemeenteResolver } from '../profile/lookup.js';
import { Day, dayFromYMD, isValidYMD, parseIsoDay, todayDay, isoDate } from '../calendar/days.js';
import { bundledProfileList, loadProfile, Profile } from '../profile/load.js';
import { loadMapping, Mapping } from '../ingest/mapping.js';
import { normaliseEncoding } from '../ingest/decode.js';
import type { ReadOptions } from '../ingest/readers.js';
import type { Delimiter } from '../ingest/csv.js';
import { bufferStdin } from '../ingest/readers.js';
import { inferRegion } from '../engine/infer-region.js';
import { PERIOD_UNITS, PeriodUnit } from '../calendar/periods.js';
import type { RunPeriod } from '../engine/check.js';
import '../i18n/catalog/stats.js';
import { shownPlace } from '../privacy/quote.js';

export interface GlobalOptions {
  lang?: string;
  debug?: boolean;
  color?: boolean;
  quiet?: boolean;
}

export interface InputOptions extends GlobalOptions {
  region?: string;
  profile?: string;
  mapping?: string;
  asOf?: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  /** --gemeente (check, agenda): repeatable */
  gemeente?: string[];
}

export interface OutputOptions {
  format?: string;
  output?: string;
  failOn?: string;
  pseudonymize?: boolean;
}

/** --lang, --debug, --no-color, --quiet: accepted by every command. */
export function addGlobalOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--lang <taal>', t('opt.lang')).choices(['nl', 'en']))
    .option('--no-color', t('opt.noColor'))
    .option('--quiet', t('opt.quiet'))
    .option('--debug', t('opt.debug'));
}

export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('--region <id>', t('opt.region', { regions: bundledProfileList() }))
    .option('--profile <pad>', t('opt.profile'))
    .option('--mapping <pad>', t('opt.mapping'))
    .option('--as-of <datum>', t('opt.asOf'))
    .option('--encoding <naam>', t('opt.encoding'))
    .option('--delimiter <teken>', t('opt.delimiter'))
    .option('--sheet <naam|nummer>', t('opt.sheet'));
}

/** --gemeente <naam>, repeatable (check and agenda). */
export function addGemeenteOption(cmd: Command): Command {
  return cmd.option('--gemeente <naam>', t('opt.gemeente'), (value: string, previous: string[] = []) => [...previous, value]);
}

/**
 * The official names of --gemeente's values, spelled as the gemeente column may spell them
 * (aliases, case, hyphens); an unknown name is a usage error listing the profile's gemeenten.
 */
export function resolveGemeenten(values: string[] | undefined, profile: Profile): string[] | undefined {
  if (!values?.length) return undefined;
  const resolve = gemeenteResolver(profile);
  const names: string[] = [];
  for (const v of values) {
    const hit = v.trim() ? resolve(v) : undefined;
    if (!hit) {
      throw new UserError(t('error.unknownGemeente', { value: shownPlace(v), profile: localized(profile.name), list: allGemeenten(profile).join(', ') }));
    }
    if (!names.includes(hit.gemeente)) names.push(hit.gemeente);
  }
  return names;
}

export function parsePeildatum(value: string | undefined): Day {
  if (value === undefined) return todayDay();
  const d = parseOptionDate(value);
  if (d === undefined) throw new UserError(t('error.asOf', { value }));
  return d;
}

/** jjjj-mm-dd, or dd-mm-jjjj as Dutch users write it (also d-m-jjjj); undefined when neither or impossible. */
export function parseOptionDate(value: string): Day | undefined {
  const nl = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value.trim());
  if (nl) {
    const [day, month, year] = [Number(nl[1]), Number(nl[2]), Number(nl[3])];
    return isValidYMD(year, month, day) ? dayFromYMD(year, month, day) : undefined;
  }
  return parseIsoDay(value.trim());
}

export interface PeriodOptions {
  from?: string;
  to?: string;
  period?: string;
}

/** --from, --to (on melding_datum) and --period (the period table): check and agenda. */
export function addPeriodOptions(cmd: Command, withTable = true): Command {
  cmd.option('--from <datum>', t('opt.from')).option('--to <datum>', t('opt.to'));
  if (withTable) cmd.addOption(new Option('--period <eenheid>', t('opt.period')).choices([...PERIOD_UNITS]).default('month'));
  return cmd;
}

export function resolvePeriod(opts: PeriodOptions): RunPeriod {
  const date = (option: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const d = parseOptionDate(value);
    if (d === undefined) throw new UserError(t('error.periodDate', { option, value }));
    return d;
  };
  const from = date('--from', opts.from);
  const to = date('--to', opts.to);
  if (from !== undefined && to !== undefined && from > to) throw new UserError(t('error.periodOrder', { from: opts.from!, to: opts.to! }));
  return { from, to, unit: (opts.period ?? 'month') as PeriodUnit };
}

export function readOptions(opts: InputOptions, mapping: Mapping): ReadOptions {
  const delimRaw = opts.delimiter ?? mapping.delimiter;
  let delimiter: Delimiter | undefined;
  if (delimRaw !== undefined) {
    const d = delimRaw === 'tab' || delimRaw === '\\t' ? '\t' : delimRaw;
    if (d !== ',' && d !== ';' && d !== '\t') {
      throw new UserError(t('error.option', { option: '--delimiter', value: delimRaw, choices: ', ; tab' }));
    }
    delimiter = d;
  }
  return {
    encoding: normaliseEncoding(opts.encoding ?? mapping.encoding),
    delimiter,
    sheet: opts.sheet ?? mapping.sheet,
  };
}

export type { ResolvedInput };

/** Profile, mapping, reading options and peildatum from the shared options. */
export async function resolveInput(files: string[], opts: InputOptions): Promise<ResolvedInput> {
  if (!files.length) throw new UserError(t('error.noInput'));
  if (files.filter((f) => f === '-').length > 1) throw new UserError(t('error.stdinTwice'));
  if (opts.region && opts.profile) throw new UserError(t('error.regionAndProfile'));
  const peildatum = parsePeildatum(opts.asOf);
  const mapping = loadMapping(opts.mapping);
  const read = readOptions(opts, mapping);
  let profile: Profile;
  let inferred = false;
  if (opts.region || opts.profile) profile = loadProfile({ region: opts.region, profile: opts.profile });
  else {
    if (files.includes('-')) await bufferStdin();
    profile = await inferRegion(files, mapping, read);
    inferred = true;
  }
  const gemeenten = resolveGemeenten(opts.gemeente, profile);
  return { profile, mapping, read, peildatum, inputs: files, inferred, peildatumGiven: opts.asOf !== undefined, ...(gemeenten ? { gemeenten } : {}) };
}

export function failOnLevel(value: string | undefined): 'error' | 'warning' | 'never' {
  const v = value ?? 'error';
  if (v !== 'error' && v !== 'warning' && v !== 'never') {
    throw new UserError(t('error.option', { option: '--fail-on', value: v, choices: 'error, warning, never' }));
  }
  return v;
}

/** What makes `check` exit 1: findings at a severity level, and/or a rule below its norm. */
export interface FailOn {
  level: 'error' | 'warning' | 'never';
  belowNorm: boolean;
}

const FAIL_ON_CHOICES = ['error', 'warning', 'never', 'below-norm'];

/**
 * `check --fail-on`: one level (error, warning, never), `below-norm`, or a level and below-norm
 * with a comma (`error,below-norm`). `below-norm` alone fails on the norms only. A commander
 * argParser: a wrong value gives commander's own "allowed choices" message (src/cli/help.ts).
 */
export function parseFailOn(value: string): FailOn {
  const parts = value.split(',').map((p) => p.trim().toLowerCase());
  const levels = parts.filter((p) => p !== 'below-norm');
  const ok =
    parts.every((p) => FAIL_ON_CHOICES.includes(p)) &&
    levels.length <= 1 &&
    new Set(parts).size === parts.length &&
    !(levels[0] === 'never' && parts.length > 1);
  if (!ok) throw new InvalidArgumentError(`Allowed choices are ${FAIL_ON_CHOICES.join(', ')}.`);
  return { level: (levels[0] ?? 'never') as FailOn['level'], belowNorm: parts.includes('below-norm') };
}

export function useColor(opts: GlobalOptions, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (opts.color === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY;
}

export { isoDate };

/** `--min-cell <n>` checked (check, compare): undefined when not given; a usage error (exit 2) when not 2 … 1000. */
export function parseMinCell(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(String(value).trim()) || !Number.isInteger(n) || n < 2 || n > 1000) {
    throw new UserError(t('error.option', { option: '--min-cell', value: String(value), choices: '2 … 1000' }));
  }
  return n;
}
