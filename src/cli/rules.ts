/**
 * `giacheck rules list | show <id> | lint <profile.yaml>`: the rules of a profile with their kind,
 * parameters, source and interpretation, and the linter for custom profiles (src/validate/lint.ts).
 * Without --region/--profile, list and show look at every bundled profile.
 */
import { Command, Option } from 'commander';
import { Chalk, ChalkInstance } from 'chalk';
import { UserError } from '../errors.js';
import { localized, t } from '../i18n/index.js';
import '../i18n/catalog/validate.js';
import { bundledProfileIds, loadProfile, Profile, RuleDef } from '../profile/load.js';
import type { ConditionSpec, DurationSpec, RuleSpec } from '../profile/schema.js';
import { formatProblem } from '../profile/yamlFile.js';
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

export function durationText(d: DurationSpec): string {
  const [unit, n] = Object.entries(d)[0] as [string, number];
  return t(`rules.duration.${unit}`, { n });
}

function fromText(from: string | string[]): string {
  return Array.isArray(from) && from.length > 1 ? `(${t('rules.firstOf', { fields: from.join(', ') })})` : [from].flat()[0];
}

export function conditionText(c: ConditionSpec): string {
  const parts: string[] = [];
  if (c.route) parts.push(`triage_besluit ∈ {${c.route.join(', ')}}`);
  if (c.route_not) parts.push(`triage_besluit ∉ {${c.route_not.join(', ')}}`);
  if (c.present) parts.push(t('rules.present', { fields: c.present.join(', ') }));
  if (c.present_any) parts.push(t('rules.presentAny', { fields: c.present_any.join(', ') }));
  if (c.absent) parts.push(t('rules.absent', { fields: c.absent.join(', ') }));
  for (const [field, wanted] of Object.entries(c.flags ?? {})) parts.push(t(wanted ? 'rules.flagTrue' : 'rules.flagFalse', { field }));
  if (c.any) parts.push(t('rules.any', { list: c.any.map((a) => `(${conditionText(a)})`).join(t('rules.or')) }));
  if (c.not) parts.push(t('rules.not', { cond: conditionText(c.not) }));
  return parts.join(t('rules.and'));
}

/** The parameters of a rule in one line per aspect, with canonical field names (mapping-ready). */
export function parameterLines(spec: RuleSpec, profile: Profile): string[] {
  const lines: string[] = [];
  switch (spec.kind) {
    case 'deadline':
      lines.push(`${spec.to} ≤ ${fromText(spec.from)} + ${durationText(spec.duration)}`);
      break;
    case 'moment': {
      lines.push(`${spec.to} ≈ ${fromText(spec.from)} + ${durationText(spec.duration)}`);
      const w = spec.window ?? profile.momentWindow;
      lines.push(t(spec.window ? 'rules.window' : 'rules.windowDefault', { before: w.before, after: w.after }));
      break;
    }
    case 'required_items':
      lines.push(
        t('rules.items', {
          items: spec.items
            .map((item) => {
              if (typeof item === 'string') return item;
              const extra = [
                item.when ? t('rules.onlyWhen', { cond: conditionText(item.when) }) : '',
                item.unless ? t('rules.unless', { cond: conditionText(item.unless) }) : '',
              ].filter(Boolean);
              return extra.length ? `${item.field} (${extra.join('; ')})` : item.field;
            })
            .join(', '),
        }),
      );
      break;
    case 'consistency':
      lines.push(t('rules.require', { cond: conditionText(spec.require) }));
      break;
  }
  return lines;
}

function ruleJson(def: RuleDef, profile: Profile) {
  const { kind, title, severity, source, interpretation, norm, when, replaces: _r, ...params } = def.spec as RuleSpec & Record<string, unknown>;
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
  };
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
  if (s.norm) out.push(`${pad}${t('rules.norm')}: ${Math.round(s.norm.share * 100)}% (${s.norm.source.document} ${s.norm.source.section})`);
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
    cmd.option('--region <id>', t('opt.region')).option('--profile <pad>', t('opt.profile'));
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
