/**
 * Reading a YAML file (profile, mapping, triage tree, answers) so that every later complaint can
 * name the line and column it is about. Also the guard against hostile YAML: aliases are capped
 * (a "billion laughs" document fails instead of exploding) and duplicate keys are errors.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { LineCounter, parseDocument, isNode, isCollection, Document } from 'yaml';
import { z, type ZodError, type ZodType } from 'zod';
import { UserError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import '../i18n/catalog/validate.js';
import '../i18n/catalog/usage.js';
import { yaml as yamlCatalog } from '../i18n/catalog/yaml.js';
import { isIdentifier, shownIdentifier } from '../privacy/quote.js';

export interface YamlProblem {
  file: string;
  line?: number;
  col?: number;
  message: string;
  path: (string | number)[];
}

export interface YamlFile {
  file: string;
  data: unknown;
  /** line/col of the node at `path`, or of its nearest ancestor that exists */
  locate(path: readonly (string | number | symbol)[]): { line?: number; col?: number };
  problemAt(path: readonly (string | number | symbol)[], message: string): YamlProblem;
}

const MAX_YAML_BYTES = 2 * 1024 * 1024;

/**
 * A key or value of a YAML file appears in a message only when it looks like an identifier: a
 * profile may be pointed at any file (`extends:`), and a message must not turn a file into output
 * (a name and BSN as a key, a line of /etc/shadow). Everything else is named by line and column.
 * The policy is src/privacy/quote.ts's, the same as for cells of an export.
 */
export const isShownKey = isIdentifier;

/** The key itself, or "(niet getoond)". */
export const shownKey = shownIdentifier;

/** The alias cap of doc.toJS: a "billion laughs" document fails instead of exploding. */
const MAX_ALIAS_COUNT = 50;

/**
 * A parse error of the yaml library in the run's language: one catalogue text per yaml error
 * code (catalog/yaml.ts). The library's own message is English and may quote the file (a token,
 * an alias name), so none of it is shown; the line and column say where.
 */
function yamlErrorText(code: string): string {
  return t(Object.hasOwn(yamlCatalog.nl, `yaml.code.${code}`) ? `yaml.code.${code}` : 'yaml.code.other');
}

/** An error thrown by doc.toJS: too many aliases, or an alias whose anchor comes later. */
function toJsErrorText(e: unknown): string {
  const message = e instanceof Error ? e.message : '';
  if (/alias count/i.test(message)) return t('yaml.aliasBomb', { max: MAX_ALIAS_COUNT });
  if (/unresolved alias/i.test(message)) return t('yaml.unresolvedAlias');
  return t('yaml.code.other');
}

/**
 * `keepGoing`: a duplicate key is reported but does not stop the reading, so a linter can report
 * it together with every other problem of the file (the later value wins in `data`).
 */
export function readYaml(
  text: string,
  file: string,
  opts: { keepGoing?: boolean } = {},
): { yaml?: YamlFile; problems: YamlProblem[] } {
  if (text.length > MAX_YAML_BYTES) {
    return { problems: [{ file, message: t('yaml.tooLarge', { max: MAX_YAML_BYTES }), path: [] }] };
  }
  const lineCounter = new LineCounter();
  // logLevel error: a warning (e.g. a map used as a key) must not reach stderr as a second line
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  const problems: YamlProblem[] = [];
  let fatal = false;
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    const duplicate = err.code === 'DUPLICATE_KEY';
    let message = yamlErrorText(err.code);
    // name the doubled key: "dubbele key: ZL-01"
    if (duplicate) message += ': ' + shownKey((/^[^:\n]*/.exec(text.slice(err.pos[0], err.pos[0] + 200))?.[0] ?? '').trim().replace(/^["']|["']$/g, ''));
    problems.push({ file, line: pos.line, col: pos.col, message, path: [] });
    if (!duplicate || !opts.keepGoing) fatal = true;
  }
  if (fatal) return { problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return { problems: [{ file, message: toJsErrorText(e), path: [] }] };
  }
  const locate = (path: readonly (string | number | symbol)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) {
        let offset = node.range[0];
        // point at the key of a missing child rather than at the start of the parent map
        if (n < path.length && isCollection(node)) {
          const pair = (node.items as { key?: unknown }[]).find(
            (p) => isNode(p.key) && String((p.key as { value?: unknown }).value) === String(path[n]),
          );
          if (pair && isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
        }
        const pos = lineCounter.linePos(offset);
        return { line: pos.line, col: pos.col };
      }
    }
    return {};
  };
  const yaml: YamlFile = {
    file,
    data,
    locate,
    problemAt(path, message) {
      return { file, ...locate(path), message: oneLine(message), path: path.map((p) => (typeof p === 'symbol' ? String(p) : p)) };
    },
  };
  return { yaml, problems };
}

/** A problem is one line: a multi-line key or value quoted in a message is folded and cut short. */
function oneLine(message: string): string {
  const s = message.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/ {2,}/g, ' ');
  return s.length > 300 ? s.slice(0, 299) + '…' : s;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

/** Levenshtein distance, for "bedoelde u" on enum values. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * A zod message, made readable for a profile author: a missing key says so, an unknown field name
 * or route code (an enum with a long list) names the value and the nearest valid one instead of
 * listing thirty options.
 */
function issueMessage(yaml: YamlFile, issue: ZodError['issues'][number], path: (string | number)[]): string {
  const value = valueAt(yaml.data, path);
  if (issue.code === 'invalid_type' && value === undefined) return t('lint.required');
  const options = (issue as { values?: unknown[] }).values;
  if (issue.code === 'invalid_value' && options && options.length > 4 && (typeof value === 'string' || typeof value === 'number')) {
    const text = String(value);
    let best: string | undefined;
    let bestD = Infinity;
    for (const o of options) {
      const d = distance(text.toLowerCase(), String(o).toLowerCase());
      if (d < bestD) [best, bestD] = [String(o), d];
    }
    const suggest = best !== undefined && bestD <= Math.max(2, Math.floor(text.length / 3));
    if (!isShownKey(text)) {
      return suggest ? t('lint.unknownValueHiddenSuggest', { suggestion: best as string }) : t('lint.unknownValueHidden');
    }
    return suggest ? t('lint.unknownValueSuggest', { value: text, suggestion: best as string }) : t('lint.unknownValue', { value: text });
  }
  if (issue.code === 'unrecognized_keys') return unknownKeysMessage((issue as { keys?: string[] }).keys ?? []);
  return issue.message;
}

/** "onbekende key: "kleur"", or "onbekende key (niet getoond)" for a key that is no identifier. */
function unknownKeysMessage(keys: readonly string[]): string {
  const shown = keys.filter(isShownKey).map((k) => `"${k}"`);
  const hidden = keys.length - shown.length;
  if (!shown.length) return hidden <= 1 ? t('lint.unknownKeyHidden') : t('lint.unknownKeysHidden', { count: hidden });
  if (hidden) return t('lint.unknownKeysMixed', { keys: shown.join(', '), count: hidden });
  return t(shown.length === 1 ? 'lint.unknownKey' : 'lint.unknownKeys', { keys: shown.join(', ') });
}

/** A YAML path as text, each key shown only when it looks like an identifier. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? String(p) : shownKey(p))).join('.');
}

/** Turn zod issues into located problems; `prefix` is where the validated value sits in the file. */
export function zodProblems(
  yaml: YamlFile,
  error: ZodError,
  prefix: readonly (string | number)[] = [],
): YamlProblem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    // an unknown key: point at the key itself
    const keys = (issue as { keys?: string[] }).keys;
    const at = issue.code === 'unrecognized_keys' && keys?.length ? [...path, keys[0]] : path;
    const where = path.length ? pathText(path) + ': ' : '';
    return yaml.problemAt(at, where + issueMessage(yaml, issue, path));
  });
}

export function formatProblem(p: YamlProblem): string {
  const loc = p.line !== undefined ? `${p.file}:${p.line}:${p.col ?? 1}` : p.file;
  return `${loc}: ${p.message}`;
}

/**
 * Read a file the user named; a missing or unreadable file is one UserError line naming it. Only a
 * regular file is read: a device (/dev/zero), a pipe or a socket would hang or grow without end,
 * and a file far larger than any profile or mapping is refused before it is read.
 */
export function readUserFile(file: string, read: (file: string) => string = (f) => readFileSync(f, 'utf8'), maxBytes = MAX_YAML_BYTES): string {
  let st: Stats | undefined;
  try {
    st = statSync(file);
  } catch {
    // not on disk: `read` says why (ENOENT), or serves a bundled file from the binary's assets
  }
  if (st?.isDirectory()) throw new UserError(t('error.isDirectory', { file }));
  if (st && !st.isFile()) throw new UserError(t('error.notRegularFile', { file }));
  if (st && st.size > maxBytes) throw new UserError(`${file}: ${t('yaml.tooLarge', { max: maxBytes })}`);
  try {
    return read(file);
  } catch (e) {
    throw new UserError(fileErrorMessage(file, e));
  }
}

/** A file of the user's that cannot be read, in the run's language: not there, locked, or why not. */
export function fileErrorMessage(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return t('error.notFound', { file });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY' || code === 'ETXTBSY') return t('error.locked', { file, code });
  return t('file.unreadable', { file, code: code ?? (e instanceof Error ? e.name : 'Error') });
}

/**
 * YAML text checked against a schema (mapping files, triage answers): the first problem, with its
 * line and column, becomes the one-line UserError. Zod speaks the user's language.
 */
export function parseYamlWith<T>(text: string, file: string, schema: ZodType<T>): { data: T; yaml: YamlFile } {
  z.config(getLang() === 'en' ? z.locales.en() : z.locales.nl());
  const { yaml, problems } = readYaml(text, file);
  if (!yaml) throw new UserError(formatProblem(problems[0]));
  const parsed = schema.safeParse(yaml.data ?? {});
  if (!parsed.success) throw new UserError(formatProblem(zodProblems(yaml, parsed.error)[0]));
  return { data: parsed.data, yaml };
}
