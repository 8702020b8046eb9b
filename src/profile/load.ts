/**
 * Loading a rule profile: read YAML, validate against the schema, resolve `extends`, apply
 * overrides (severity, off, replaces) and build the lookups the engine needs. Every problem names
 * the YAML file, line and column. Bundled profiles live in rules/ at the top of the repository.
 */
import { readdirSync } from 'node:fs';
import { dirname, resolve, basename } from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import { parseIsoDay, Day } from '../calendar/days.js';
import { Besluit, checkFeestdagRule, ClosedDay, Feestdag, WerkdagCalendar } from '../calendar/werkdagen.js';
import { ProfileSchema, ProfileSpec, RuleOverrideSchema, RuleOverride, ZichtSchema, ZichtSpec } from './schema.js';
import { RuleDef, RuleSchema, RuleSpec, RULE_KINDS } from '../rules/registry.js';
import { readYaml, readUserFile, zodProblems, YamlFile, YamlProblem, formatProblem, shownKey } from '../yaml/file.js';
import { BUNDLED_DIR, fileExists, readTextFile, seaAsset } from './bundled.js';
import { lookupKey } from './lookup.js';
import { quotedIdentifier } from '../privacy/quote.js';
import type { Profile } from './profile.js';
import { canonicalJson, sha256Hex } from '../model/digest.js';

export type { RuleDef };

export type { Profile };

// gemeente and route lookups live in lookup.ts (light enough for the ingest worker)
export { lookupKey, gemeenteResolver, routeResolver, allGemeenten } from './lookup.js';
// bundled profiles are read through readTextFile: from disk, or from the standalone binary's assets
export { BUNDLED_DIR };

let bundled: string[] | undefined;
let regional: string[] | undefined;

/**
 * The bundled profiles, found in rules/*.yaml (the standalone binary lists them in its asset
 * rules/index.json): a profile that extends nothing first, then those that extend it, each group
 * by id. A region is added by adding its YAML file; src/ names none.
 */
export function bundledProfileIds(): string[] {
  if (bundled) return bundled;
  const manifest = seaAsset('rules/index.json');
  const ids = manifest !== undefined ? (JSON.parse(manifest) as string[]) : readdirSync(BUNDLED_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
  // ordering only (loading validates): a top-level `extends:` line names the parent
  const parent = new Map(ids.map((id) => [id, /^extends:\s*["']?([\w-]+)/m.exec(readTextFile(bundledProfilePath(id)))?.[1]]));
  const depth = (id: string, seen = 0): number => (seen > ids.length ? seen : parent.get(id) ? 1 + depth(parent.get(id)!, seen + 1) : 0);
  bundled = [...ids].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
  regional = bundled.filter((id) => parent.get(id));
  return bundled;
}

/** The bundled regional profiles: those that extend another (the base has no gemeenten). */
export function regionalProfileIds(): string[] {
  bundledProfileIds();
  return regional!;
}

/** The profile a run uses without --region or --profile: the bundled base that extends nothing. */
export function baseProfileId(): string {
  return bundledProfileIds()[0];
}

/** The bundled ids as a list in words ("a, b of c"), for help texts and messages. */
export function bundledProfileList(ids: string[] = bundledProfileIds()): string {
  return new Intl.ListFormat(getLang(), { type: 'disjunction' }).format(ids);
}


export function bundledProfilePath(id: string): string {
  return resolve(BUNDLED_DIR, `${id}.yaml`);
}

interface RawProfile {
  spec: ProfileSpec;
  yaml: YamlFile;
  rules: Map<string, { kind: 'rule'; spec: RuleSpec } | { kind: 'override'; spec: RuleOverride }>;
}

function setZodLocale(): void {
  z.config(getLang() === 'en' ? z.locales.en() : z.locales.nl());
}

/** Read and validate one profile file without resolving `extends`. */
export function readProfileFile(
  file: string,
  text: string,
  opts: LoadOptions = {},
): { raw?: RawProfile; problems: YamlProblem[] } {
  setZodLocale();
  // duplicate keys (a rule id twice) are reported together with everything else (rules lint)
  const { yaml, problems } = readYaml(text, file, { keepGoing: true });
  if (!yaml) return { problems };
  const out: YamlProblem[] = [...problems];
  const parsed = ProfileSchema.safeParse(yaml.data);
  if (!parsed.success) out.push(...zodProblems(yaml, parsed.error));
  const spec = parsed.success ? parsed.data : undefined;
  // a problem elsewhere in the file does not hide the problems of the rules
  const data = yaml.data as { rules?: unknown } | null;
  const ruleEntries =
    spec?.rules ??
    (data && typeof data === 'object' && data.rules && typeof data.rules === 'object' && !Array.isArray(data.rules)
      ? (data.rules as Record<string, unknown>)
      : {});
  const rules: RawProfile['rules'] = new Map();
  for (const [id, value] of Object.entries(ruleEntries)) {
    if (value === 'off' || value === false) {
      rules.set(id, { kind: 'override', spec: { off: true } });
      continue;
    }
    if (value && typeof value === 'object' && !('kind' in value)) {
      const o = RuleOverrideSchema.safeParse(value);
      if (o.success) rules.set(id, { kind: 'override', spec: o.data });
      else out.push(...zodProblems(yaml, o.error, ['rules', id]));
      continue;
    }
    if (value && typeof value === 'object' && !RULE_KINDS.includes((value as { kind: never }).kind)) {
      out.push(
        yaml.problemAt(
          ['rules', id, 'kind'],
          t('profile.unknownKind', { path: `rules.${shownKey(id)}.kind`, kind: shownKey(String((value as { kind: unknown }).kind)), kinds: RULE_KINDS.join(', ') }),
        ),
      );
      continue;
    }
    const r = RuleSchema.safeParse(value);
    if (r.success) rules.set(id, { kind: 'rule', spec: r.data });
    else out.push(...zodProblems(yaml, r.error, ['rules', id]));
  }
  // a norm says where its figure comes from, and a norm_source belongs to a norm
  for (const [id, entry] of rules) {
    const { norm, norm_source } = entry.spec;
    if (norm !== undefined && norm_source === undefined) out.push(yaml.problemAt(['rules', id, 'norm'], t('profile.normWithoutSource', { id })));
    if (norm === undefined && norm_source !== undefined) out.push(yaml.problemAt(['rules', id, 'norm_source'], t('profile.normSourceWithoutNorm', { id })));
  }
  if (!spec) return { problems: out };
  (opts.checkFeestdagen === false ? [] : (spec.calendar?.feestdagen ?? [])).forEach((f, i) => {
    if (!checkFeestdagRule(f.rule)) {
      out.push(yaml.problemAt(['calendar', 'feestdagen', i, 'rule'], t('profile.badFeestdagRule', { rule: f.rule })));
    }
  });
  const checkDate = (d: string, path: (string | number)[]) => {
    if (parseIsoDay(d) === undefined) out.push(yaml.problemAt(path, t('profile.badDate', { date: d })));
  };
  (spec.calendar?.gelijkgestelde_dagen ?? []).forEach((g, i) =>
    checkDate(g.date, ['calendar', 'gelijkgestelde_dagen', i, 'date']),
  );
  (spec.calendar?.extra_closed_days ?? []).forEach((g, i) =>
    checkDate(typeof g === 'string' ? g : g.date, ['calendar', 'extra_closed_days', i]),
  );
  (spec.calendar?.besluiten ?? []).forEach((b, i) => {
    if (b.years[0] > b.years[1]) out.push(yaml.problemAt(['calendar', 'besluiten', i, 'years'], t('profile.besluitYears')));
  });
  const seen = new Map<string, string>();
  for (const [deelregio, gemeenten] of Object.entries(spec.deelregios ?? {})) {
    gemeenten.forEach((g, i) => {
      const key = lookupKey(g);
      if (seen.has(key)) {
        out.push(
          yaml.problemAt(['deelregios', deelregio, i], t('profile.gemeenteTwice', { gemeente: g, deelregio: String(seen.get(key)) })),
        );
      }
      seen.set(key, deelregio);
    });
  }
  return { raw: { spec, yaml, rules }, problems: out };
}

/** Profiles are read through readTextFile: bundled ones may come from the binary's assets. */
function readText(file: string): string {
  return readUserFile(file, readTextFile);
}

export interface LoadResult {
  profile?: Profile;
  problems: YamlProblem[];
  /** the canonical JSON of each document of the chain, nearest first (profileDigest) */
  canonical?: string[];
}

/**
 * Load a profile by path and resolve its `extends` chain. `extends` names a bundled profile id or
 * a path relative to the extending file.
 */
export interface LoadOptions {
  /**
   * Check every feestdag rule with date-holidays while loading (default). The bundled profiles
   * skip it when used for a run (`--region`): `rules lint` and the tests check them, and a run then
   * loads date-holidays only when it builds the calendar (werkdagen.ts), after `check` has handed
   * the ingest worker its job.
   */
  checkFeestdagen?: boolean;
}

export function loadProfileFile(file: string, seen: string[] = [], opts: LoadOptions = {}): LoadResult {
  const abs = resolve(file);
  if (seen.includes(abs)) {
    return { problems: [{ file, message: t('profile.extendsCycle', { chain: [...seen, abs].map((f) => basename(f)).join(' → ') }), path: ['extends'] }] };
  }
  const text = readText(abs);
  const { raw, problems } = readProfileFile(file, text, opts);
  if (!raw) return { problems };
  let parent: Profile | undefined;
  let parentCanonical: string[] = [];
  if (raw.spec.extends) {
    const bundled = bundledProfileIds().includes(raw.spec.extends);
    // anything else than a profile is refused before it is opened: a message about a file that is
    // not a profile would quote it (SPEC §1: never print more than needed)
    if (!bundled && !isYamlPath(raw.spec.extends)) {
      return {
        problems: [...problems, raw.yaml.problemAt(['extends'], t('profile.extendsNotYaml', { regions: bundledProfileIds().join(', ') }))],
      };
    }
    const target = bundled ? bundledProfilePath(raw.spec.extends) : resolve(dirname(abs), raw.spec.extends);
    if (!fileExists(target)) {
      return {
        problems: [...problems, raw.yaml.problemAt(['extends'], t('profile.extendsMissing', { name: raw.spec.extends }))],
      };
    }
    const p = loadProfileFile(target, [...seen, abs], opts);
    if (!p.profile) return { problems: [...problems, ...p.problems] };
    parent = p.profile;
    parentCanonical = p.canonical ?? [];
  }
  const merged = merge(raw, parent, abs, problems);
  const canonical = [canonicalJson(raw.yaml.data), ...parentCanonical];
  merged.digest = {
    sha256: sha256Hex('[' + canonical.join(',') + ']'),
    documents: [{ id: raw.spec.id, file: basename(abs), sha256: sha256Hex(text) }, ...(parent?.digest.documents ?? [])],
  };
  return { profile: problems.length ? undefined : merged, problems, canonical };
}

/** A path that may name a profile or triage tree: it ends in .yaml or .yml. */
export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path.trim());
}

function merge(raw: RawProfile, parent: Profile | undefined, file: string, problems: YamlProblem[]): Profile {
  const { spec, yaml } = raw;
  const rules: RuleDef[] = parent ? parent.rules.map((r) => ({ ...r })) : [];
  const inactive = parent ? [...parent.inactive] : [];
  for (const [id, entry] of raw.rules) {
    const idx = rules.findIndex((r) => r.id === id);
    if (entry.kind === 'override') {
      if (idx < 0) {
        problems.push(yaml.problemAt(['rules', id], t('profile.overrideMissing', { id })));
        continue;
      }
      const o = entry.spec;
      if (o.off) {
        inactive.push({ id, reason: 'off', origin: spec.id });
        rules.splice(idx, 1);
        continue;
      }
      const base = rules[idx].spec;
      const next = { ...base } as RuleSpec & Record<string, unknown>;
      if (o.severity) next.severity = o.severity;
      if (o.norm !== undefined) {
        next.norm = o.norm;
        next.norm_source = o.norm_source;
      }
      if (o.interpretation) next.interpretation = o.interpretation;
      if (o.window) {
        if (base.kind !== 'moment') {
          problems.push(yaml.problemAt(['rules', id, 'window'], t('profile.windowNotMoment', { id })));
        } else (next as { window?: unknown }).window = o.window;
      }
      rules[idx] = { ...rules[idx], spec: next };
      continue;
    }
    if (idx >= 0) {
      problems.push(
        yaml.problemAt(['rules', id], t('profile.redefined', { id, origin: rules[idx].origin })),
      );
      continue;
    }
    const replaces = entry.spec.replaces === undefined ? [] : [entry.spec.replaces].flat();
    for (const target of replaces) {
      const at = rules.findIndex((r) => r.id === target);
      if (at < 0) {
        problems.push(yaml.problemAt(['rules', id, 'replaces'], t('profile.replacesMissing', { id, target })));
        continue;
      }
      inactive.push({ id: target, reason: 'replaced', by: id, origin: spec.id });
      // the replacing rule keeps the replaced rule's norm unless it sets its own (ZL-01 for LV-03)
      const replaced = rules[at].spec;
      if (entry.spec.norm === undefined && replaced.norm !== undefined) {
        entry.spec = { ...entry.spec, norm: replaced.norm, norm_source: replaced.norm_source };
      }
      rules.splice(at, 1);
    }
    rules.push({ id, spec: entry.spec, origin: spec.id, replaces });
  }

  const cal = spec.calendar;
  const parentCal = parent?.calendarSpec;
  const feestdagen: Feestdag[] = cal?.replace_feestdagen
    ? (cal.feestdagen ?? [])
    : [...(parentCal?.feestdagen ?? []), ...(cal?.feestdagen ?? [])];
  const besluiten: Besluit[] = [
    ...(parentCal?.besluiten ?? []),
    ...(cal?.besluiten ?? []).map((b) => ({ from: b.years[0], to: b.years[1], title: b.title, stcrt: b.stcrt, url: b.url })),
  ];
  // a gelijkgestelde dag is gelijkgesteld by a Besluit: its year must be one the profile names
  (cal?.gelijkgestelde_dagen ?? []).forEach((g, i) => {
    const year = Number(g.date.slice(0, 4));
    if (!besluiten.some((b) => b.from <= year && year <= b.to)) {
      problems.push(yaml.problemAt(['calendar', 'gelijkgestelde_dagen', i, 'date'], t('profile.gelijkgesteldNoBesluit', { date: g.date, year })));
    }
  });
  const closedDays: ClosedDay[] = [
    ...(parentCal?.closedDays ?? []),
    ...(cal?.gelijkgestelde_dagen ?? []).map(
      (g): ClosedDay => ({ day: parseIsoDay(g.date) as Day, reason: g.reason ?? g.source, kind: 'gelijkgesteld', source: g.source, origin: spec.id }),
    ),
    ...(cal?.extra_closed_days ?? []).map(
      (g): ClosedDay =>
        typeof g === 'string'
          ? { day: parseIsoDay(g) as Day, reason: spec.id, kind: 'extra', origin: spec.id }
          : { day: parseIsoDay(g.date) as Day, reason: g.reason ?? spec.id, kind: 'extra', origin: spec.id },
    ),
  ];

  const deelregios = spec.deelregios ?? parent?.deelregios ?? {};
  const gemeenteAliases = { ...(parent?.gemeenteAliases ?? {}), ...(spec.gemeente_aliases ?? {}) };
  const known = new Set(Object.values(deelregios).flat().map(lookupKey));
  for (const [alias, target] of Object.entries(spec.gemeente_aliases ?? {})) {
    if (known.size && !known.has(lookupKey(target))) {
      problems.push(yaml.problemAt(['gemeente_aliases', alias], t('profile.aliasTarget', { alias, target })));
    }
  }
  // zicht_op_veiligheid: this profile's keys over the inherited block; the result must be complete
  let zicht: ZichtSpec | undefined = parent?.zicht;
  if (spec.zicht_op_veiligheid) {
    const merged = ZichtSchema.safeParse({ ...(parent?.zicht ?? {}), ...spec.zicht_op_veiligheid });
    if (merged.success) zicht = merged.data;
    else problems.push(...zodProblems(yaml, merged.error, ['zicht_op_veiligheid']));
  }
  let triage = parent?.triage;
  if (spec.triage && !isYamlPath(spec.triage)) problems.push(yaml.problemAt(['triage'], t('profile.triageNotYaml')));
  else if (spec.triage) triage = resolve(dirname(file), spec.triage);

  return {
    id: spec.id,
    version: spec.version,
    name: spec.name,
    description: spec.description ?? parent?.description,
    chain: [spec.id, ...(parent?.chain ?? [])],
    file,
    sources: { ...(parent?.sources ?? {}), ...(spec.sources ?? {}) },
    calendarSpec: {
      feestdagen,
      closedDays,
      extendCalendarTerms: cal?.extend_calendar_terms ?? parentCal?.extendCalendarTerms ?? false,
      besluiten,
    },
    calendarSource: cal?.source ?? parent?.calendarSource,
    momentWindow: spec.moment_window ?? parent?.momentWindow ?? { before: 14, after: 14 },
    deelregios,
    rules,
    inactive,
    routeAliases: { ...(parent?.routeAliases ?? {}), ...(spec.route_aliases ?? {}) },
    gemeenteAliases,
    monitoringDuration: spec.monitoring_duration ?? parent?.monitoringDuration,
    zicht,
    triage,
    regie: { ...(parent?.regie ?? {}), ...(spec.regie ?? {}) },
    digest: { sha256: '', documents: [] },
  };
}

function failOnProblems(result: LoadResult): Profile {
  if (result.profile) return result.profile;
  const [first, ...rest] = result.problems;
  const more = rest.length ? ' ' + t('profile.moreProblems', { count: rest.length }) : '';
  throw new UserError(formatProblem(first) + more);
}

/**
 * A bundled profile's id from what a user types for --region: the id itself, or the region's
 * display name in any case and with spaces or hyphens.
 * Unknown text comes back unchanged (the caller names the valid ids).
 */
export function bundledRegionId(text: string): string {
  const key = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const wanted = key(text.trim());
  return bundledProfileIds().find((id) => key(id) === wanted) ?? text;
}

/** `--region <id>` or `--profile <path>`; throws a one-line UserError when unusable. */
export function loadProfile(opts: { region?: string; profile?: string }): Profile {
  if (opts.profile) return failOnProblems(loadProfileFile(opts.profile));
  const id = opts.region === undefined ? baseProfileId() : bundledRegionId(opts.region);
  if (!bundledProfileIds().includes(id)) {
    throw new UserError(t('profile.unknownRegion', { id: quotedIdentifier(id), regions: bundledProfileIds().join(', ') }));
  }
  return failOnProblems(loadProfileFile(bundledProfilePath(id), [], { checkFeestdagen: false }));
}

const calendarCache = new WeakMap<Profile, WerkdagCalendar>();
export function calendarOf(profile: Profile): WerkdagCalendar {
  let cal = calendarCache.get(profile);
  if (!cal) {
    cal = new WerkdagCalendar(profile.calendarSpec);
    calendarCache.set(profile, cal);
  }
  return cal;
}
