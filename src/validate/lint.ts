/**
 * `rules lint`: every problem of a custom profile at once, each with its YAML line and column.
 * The profile loader (src/profile/load.ts) finds the schema, key, kind, extends and calendar
 * problems; this adds the triage tree the profile points at (its file must exist and, through the
 * triage loader, be a walkable tree).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/catalog/validate.js';
import { isYamlPath, loadProfileFile, Profile } from '../profile/load.js';
import { readUserFile, readYaml, YamlProblem } from '../yaml/file.js';
import { loadTreeFile } from '../triage/load.js';

export interface LintResult {
  file: string;
  profile?: Profile;
  problems: YamlProblem[];
}

function readText(file: string): string {
  return readUserFile(file);
}

/** The profile's own `triage:` file: it must exist and hold a valid tree. */
function triageProblems(file: string, text: string): YamlProblem[] {
  const { yaml } = readYaml(text, file, { keepGoing: true });
  const data = yaml?.data as { triage?: unknown } | null | undefined;
  if (!yaml || !data || typeof data !== 'object' || typeof data.triage !== 'string') return [];
  // the profile loader has already refused a triage path that is no .yaml/.yml (not opened)
  if (!isYamlPath(data.triage)) return [];
  const path = resolve(dirname(resolve(file)), data.triage);
  if (!existsSync(path)) return [yaml.problemAt(['triage'], t('lint.triageMissing', { file: data.triage }))];
  try {
    return loadTreeFile(path).problems;
  } catch (e) {
    if (e instanceof UserError) return [yaml.problemAt(['triage'], e.message)];
    throw e;
  }
}

export function lintProfile(file: string): LintResult {
  const text = readText(file);
  const loaded = loadProfileFile(file);
  const own = [...loaded.problems, ...triageProblems(file, text)];
  // the profile's own file first, then by position
  own.sort(
    (a, b) =>
      Number(a.file !== file) - Number(b.file !== file) ||
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0),
  );
  return { file, profile: own.length ? undefined : loaded.profile, problems: own };
}
