/**
 * `giacheck generate`: options → a synthetic export. The synthesis lives in model.ts, the byte
 * formats in writers.ts; this module only checks the options (one-line UserErrors).
 */
import { Day, parseIsoDay } from '../calendar/days.js';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/catalog/generate.js';
import { allGemeenten, bundledProfileList, loadProfile, regionalProfileIds } from '../profile/load.js';
import type { SynthesisOptions } from './model.js';
import { GENERATE_FORMATS, GenerateFormat } from './writers.js';

export { writeSynthetic, GENERATE_FORMATS } from './writers.js';
export type { GenerateFormat, ByteSink } from './writers.js';
export type { SynthesisOptions, SyntheticRow } from './model.js';

/** The default export date is fixed, not today: the same command must give the same bytes. */
export const DEFAULT_UNTIL = '2026-10-31';
export const MAX_CASES = 50_000_000;

export interface GenerateOptions {
  cases?: string;
  seed?: string;
  region?: string;
  profile?: string;
  until?: string;
  months?: string;
  invalid?: string;
  format?: string;
}

export function resolveGenerateOptions(opts: GenerateOptions): { synthesis: SynthesisOptions; format: GenerateFormat } {
  const casesText = opts.cases ?? '1000';
  const cases = /^\d+$/.test(casesText.replace(/_/g, '')) ? Number(casesText.replace(/_/g, '')) : NaN;
  if (!Number.isSafeInteger(cases) || cases > MAX_CASES) throw new UserError(t('gen.error.cases', { value: casesText, max: MAX_CASES }));
  const monthsText = opts.months ?? '24';
  const months = /^\d+$/.test(monthsText) ? Number(monthsText) : NaN;
  if (!(months >= 1 && months <= 120)) throw new UserError(t('gen.error.months', { value: monthsText }));
  const invalidText = opts.invalid ?? '0';
  const invalid = /^(0|1|0?\.\d+|1\.0*)$/.test(invalidText) ? Number(invalidText) : NaN;
  if (!(invalid >= 0 && invalid <= 1)) throw new UserError(t('gen.error.invalid', { value: invalidText }));
  const untilText = opts.until ?? DEFAULT_UNTIL;
  const until: Day | undefined = parseIsoDay(untilText);
  if (until === undefined) throw new UserError(t('gen.error.until', { value: untilText }));
  const format = (opts.format ?? 'csv') as GenerateFormat;
  if (!GENERATE_FORMATS.includes(format)) {
    throw new UserError(t('error.option', { option: '--format', value: String(opts.format), choices: GENERATE_FORMATS.join(', ') }));
  }
  if (opts.region && opts.profile) throw new UserError(t('error.regionAndProfile'));
  // no default region: regions are data (rules/*.yaml), and a silent default would surprise
  if (!opts.region && !opts.profile) throw new UserError(t('gen.error.region', { regions: bundledProfileList(regionalProfileIds()) }));
  const profile = loadProfile({ region: opts.region, profile: opts.profile });
  if (allGemeenten(profile).length === 0) throw new UserError(t('gen.error.noGemeenten', { profile: profile.id, regions: bundledProfileList(regionalProfileIds()) }));
  return {
    synthesis: { profile, cases, seed: opts.seed ?? '1', until, months, invalid },
    format,
  };
}
