/**
 * Reading a YAML file (profile, mapping, triage tree, answers) so that every later complaint can
 * name the line and column it is about. Also the guard against hostile YAML: aliases are capped
 * (a "billion laughs" document fails instead of exploding) and duplicate keys are errors.
 */
import { LineCounter, parseDocument, isNode, isCollection, Document } from 'yaml';
import type { ZodError } from 'zod';

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

export function readYaml(text: string, file: string): { yaml?: YamlFile; problems: YamlProblem[] } {
  if (text.length > MAX_YAML_BYTES) {
    return { problems: [{ file, message: `YAML-bestand groter dan ${MAX_YAML_BYTES} bytes`, path: [] }] };
  }
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems: YamlProblem[] = [];
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    problems.push({ file, line: pos.line, col: pos.col, message: err.message.split('\n')[0], path: [] });
  }
  if (problems.length) return { problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    return { problems: [{ file, message: (e as Error).message.split('\n')[0], path: [] }] };
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
      return { file, ...locate(path), message, path: path.map((p) => (typeof p === 'symbol' ? String(p) : p)) };
    },
  };
  return { yaml, problems };
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
    const where = path.length ? path.join('.') + ': ' : '';
    return yaml.problemAt(at, where + issue.message);
  });
}

export function formatProblem(p: YamlProblem): string {
  const loc = p.line !== undefined ? `${p.file}:${p.line}:${p.col ?? 1}` : p.file;
  return `${loc}: ${p.message}`;
}
