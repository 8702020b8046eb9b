/**
 * `giacheck rules list | show <id> | lint <profile.yaml>`: the rules of a profile with their kind,
 * parameters, source and interpretation, and the linter for custom profiles (src/validate/lint.ts).
 * Without --region/--profile, list and show look at every bundled profile.
 */
import { Command, Option } from 'commander';
import { Chalk, ChalkInstance } from 'chalk';
import { UserError } from '../errors.js';
import { formatPercent, localized, t } from '../i18n/index.js';
import '../i18n/catalog/validate.js';
import { bundledProfileIds, bundledProfileList, loadProfile, Profile, RuleDef } from '../profile/load.js';
import { conditionText } from '../rules/conditions.js';
import { kindOf, RuleSpec } from '../rules/registry.js';
import { formatProblem } from '../yaml/file.js';
import { suggest } from '../ingest/suggest.js';
import { lintProfile } from '../validate/lint.js';
import { addGlobalOptions, GlobalOptions, useColor } from './common.js';
import { openOutput } from './output.js';
import { processIo, type Io, type Run } from './io.js';

interface RulesOptions extends GlobalOptions {
  region?: string;
  profile?: string;
  format?: string;
}

const FORMATS = ['table', 'json'];

function formatOf(opts: RulesOptions): 'table' | 'json' {
  const f = opts.format ?? 'table';
  if (!FORMATS.includes(f)) throw new UserError(t('error.option', { option: '--format', value: f, choices: FORMATS.join(', ') }));
  return f as 'table' | 'json';
}

/** --region / --profile, or every bundled profile. */
function profilesOf(opts: RulesOptions): Profile[] {
  if (opts.region && opts.profile) throw new UserError(t('error.regionAndProfile'));
  if (opts.region || opts.profile) return [loadProfile({ region: opts.region, profile: opts.profile })];
  return bundledProfileIds().map((id) => loadProfile({ region: id }));
}

// ---- describing a rule -------------------------------------------------------------------------

/** The parameters of a rule in one line per aspect, with canonical field names (mapping-ready). */
export function parameterLines(spec: RuleSpec, profile: Profile): string[] {
  return kindOf(spec).parameters(spec, profile);
}

function ruleJson(def: RuleDef, profile: Profile) {
  const { kind, title, severity, source, interpretation, norm, norm_source, when, replaces: _r, ...params } = def.spec as RuleSpec & Record<string, unknown>;
  return {
    id: def.id,
    kind,
    severity,
    title: localized(title),
    origin: def.origin,
    replaces: def.replaces,
    parameters: { ...params, ...(when ? { when } : {}), ...(kind === 'moment' && !params.window ? { window: profile.momentWindow } : {}) },
    summary: parameterLines(def.spec, profile),
    source,
    interpretation: interpretation === undefined ? null : localized(interpretation),
    norm: norm ?? null,
    norm_source: norm_source ?? null,
  };
}

/** "90% (document section; the title of the document)" */
function normText(norm: number, source: { document: string; section: string } | undefined, profile: Profile): string {
  const title = source && profile.sources[source.document]?.title;
  return `${formatPercent(norm, 0)}${source ? ` (${source.document} ${source.section}${title ? `; ${title}` : ''})` : ''}`;
}

function ruleBlock(def: RuleDef, profile: Profile, chalk: ChalkInstance, full: boolean): string {
  const s = def.spec;
  const pad = '       ';
  const out = [
    `${chalk.bold(def.id.padEnd(6))} ${t(`kind.${s.kind}`)} · ${t(`severity.${s.severity}`)} · ${localized(s.title)}`,
  ];
  for (const line of parameterLines(s, profile)) out.push(`${pad}${t('rules.params')}: ${line}`);
  if (s.when) out.push(`${pad}${t('rules.when')}: ${conditionText(s.when)}`);
  out.push(`${pad}${t('rules.source')}: ${s.source.document} ${s.source.section}${profile.sources[s.source.document] ? ` (${profile.sources[s.source.document].title})` : ''}`);
  if (full && s.source.quote) out.push(`${pad}${t('rules.quote')}: "${s.source.quote}"`);
  if (s.norm !== undefined) out.push(`${pad}${t('rules.norm')}: ${normText(s.norm, s.norm_source, profile)}`);
  if (def.replaces.length) out.push(`${pad}${t('rules.replaces')}: ${def.replaces.join(', ')}`);
  if (full) out.push(`${pad}${t('rules.origin')}: ${def.origin}`);
  if (s.interpretation) out.push(`${pad}${t('rules.interpretation')}: ${localized(s.interpretation).replace(/\s+/g, ' ')}`);
  return out.join('\n');
}

function profileHeading(p: Profile, chalk: ChalkInstance): string {
  const ext = p.chain.length > 1 ? `, extends ${p.chain.slice(1).join(' → ')}` : '';
  return chalk.bold.underline(t('rules.profile', { name: localized(p.name), id: p.id, version: p.version, extends: ext }));
}

function inactiveText(p: Profile): string | undefined {
  if (!p.inactive.length) return undefined;
  return t('rules.inactive', {
    list: p.inactive
      .map((r) => (r.reason === 'replaced' ? t('report.inactiveReplaced', { id: r.id, by: r.by ?? '' }) : t('report.inactiveOff', { id: r.id })))
      .join(', '),
  });
}

async function write(text: string, io: Io): Promise<void> {
  const out = openOutput(undefined, io.stdout);
  out.write(text);
  await out.close();
}

export async function rulesList(opts: RulesOptions, io: Io = processIo()): Promise<number> {
  const format = formatOf(opts);
  const profiles = profilesOf(opts);
  if (format === 'json') {
    await write(
      JSON.stringify(
        profiles.map((p) => ({
          profile: { id: p.id, version: p.version, name: localized(p.name), extends: p.chain.slice(1) },
          rules: p.rules.map((r) => ruleJson(r, p)),
          inactive: p.inactive,
        })),
        null,
        2,
      ) + '\n',
      io,
    );
    return 0;
  }
  const chalk = new Chalk({ level: useColor(opts, Boolean(io.stdout.isTTY), io.env) ? 1 : 0 });
  const out: string[] = [];
  for (const p of profiles) {
    if (out.length) out.push('');
    out.push(profileHeading(p, chalk), '');
    out.push(p.rules.map((r) => ruleBlock(r, p, chalk, false)).join('\n\n'));
    const inactive = inactiveText(p);
    if (inactive) out.push('', chalk.dim(inactive));
  }
  await write(out.join('\n') + '\n', io);
  return 0;
}

export async function rulesShow(id: string, opts: RulesOptions, io: Io = processIo()): Promise<number> {
  const format = formatOf(opts);
  const profiles = profilesOf(opts);
  const key = id.trim().toUpperCase();
  const hits = profiles.flatMap((p) => p.rules.filter((r) => r.id.toUpperCase() === key).map((r) => ({ p, r })));
  // a rule is shown from the profile that declares it; an inherited copy adds nothing
  const declared = hits.filter((h) => h.r.origin === h.p.id);
  const shown = declared.length ? declared : hits.slice(0, 1);
  if (!shown.length) {
    const inactive = profiles.flatMap((p) => p.inactive.filter((r) => r.id.toUpperCase() === key).map((r) => ({ p, r })));
    if (inactive.length) {
      const { p, r } = inactive[0];
      const reason = r.reason === 'replaced' ? t('rules.reasonReplaced', { by: r.by ?? '' }) : t('rules.reasonOff');
      throw new UserError(t('rules.inactiveShow', { id: r.id, profile: p.id, reason }));
    }
    const all = [...new Set(profiles.flatMap((p) => p.rules.map((r) => r.id)))];
    const near = suggest(id, all);
    const names = profiles.map((p) => p.id).join(', ');
    throw new UserError(near ? t('rules.notFoundSuggest', { id, profiles: names, suggestion: near }) : t('rules.notFound', { id, profiles: names }));
  }
  if (format === 'json') {
    await write(JSON.stringify(shown.map(({ p, r }) => ({ profile: p.id, ...ruleJson(r, p) })), null, 2) + '\n', io);
    return 0;
  }
  const chalk = new Chalk({ level: useColor(opts, Boolean(io.stdout.isTTY), io.env) ? 1 : 0 });
  await write(shown.map(({ p, r }) => profileHeading(p, chalk) + '\n\n' + ruleBlock(r, p, chalk, true)).join('\n\n') + '\n', io);
  return 0;
}

export async function rulesLint(file: string, opts: RulesOptions, io: Io = processIo()): Promise<number> {
  const format = formatOf(opts);
  const result = lintProfile(file);
  const ok = result.problems.length === 0;
  let text: string;
  if (format === 'json') {
    text =
      JSON.stringify(
        {
          file,
          ok,
          problems: result.problems.map((p) => ({ file: p.file, line: p.line ?? null, col: p.col ?? null, message: p.message })),
          ...(result.profile ? { profile: { id: result.profile.id, version: result.profile.version, extends: result.profile.chain.slice(1), rules_active: result.profile.rules.length } } : {}),
        },
        null,
        2,
      ) + '\n';
  } else if (ok) {
    const p = result.profile!;
    const ext = p.chain.length > 1 ? t('lint.okExtends', { chain: p.chain.slice(1).join(' → ') }) : '';
    text = t('lint.ok', { file, rules: p.rules.length, extends: ext }) + '\n';
  } else {
    text = result.problems.map((p) => formatProblem(p)).join('\n') + '\n' + t('lint.problems', { file, count: result.problems.length }) + '\n';
  }
  io.stdout.write(text);
  return ok ? 0 : 1;
}

export function register(program: Command, run: Run): void {
  const rules = program.command('rules').description(t('cmd.rules'));
  const withProfile = (cmd: Command) =>
    cmd.option('--region <id>', t('opt.region', { regions: bundledProfileList() })).option('--profile <pad>', t('opt.profile'));
  const withFormat = (cmd: Command) => cmd.addOption(new Option('--format <formaat>', t('opt.rulesFormat')).default('table'));

  const list = rules.command('list').description(t('cmd.rules.list'));
  withFormat(withProfile(list));
  addGlobalOptions(list);
  list.action(async (opts: RulesOptions) => {
    run.exitCode = await rulesList(opts, run.io);
  });

  const show = rules.command('show').description(t('cmd.rules.show')).argument('<id>', t('arg.ruleId'));
  withFormat(withProfile(show));
  addGlobalOptions(show);
  show.action(async (id: string, opts: RulesOptions) => {
    run.exitCode = await rulesShow(id, opts, run.io);
  });

  const lint = rules.command('lint').description(t('cmd.rules.lint')).argument('<profiel.yaml>', t('arg.profileFile'));
  withFormat(lint);
  addGlobalOptions(lint);
  lint.action(async (file: string, opts: RulesOptions) => {
    run.exitCode = await rulesLint(file, opts, run.io);
  });
  for (const c of [list, show, lint]) c.exitOverride();
}
