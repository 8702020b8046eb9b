/**
 * Read a `giacheck check --format json` report (SPEC §8) for `compare`. Anything else (another
 * JSON, a jsonl stream, a truncated file) is a UserError naming the file and the first problem.
 * Extra keys are allowed, so reports of a newer giacheck still compare.
 */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/catalog/report.js';
import '../i18n/catalog/usage.js';
import '../i18n/catalog/provenance.js';
import { STATUSES } from '../rules/types.js';
import { shownIdentifier } from '../privacy/quote.js';
import { sha256Hex } from '../model/digest.js';

const int = z.number().int().min(0);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd');

const CountsShape = {
  applicable: int,
  on_time: int,
  late: int,
  overdue: int,
  pending: int,
  missing: int,
  early: int,
  violated: int,
  compliance: z.number().min(0).max(1).nullable(),
};

const GroupSchema = z.looseObject({ ...CountsShape, cases: int, deelregio: z.string().optional() });

/** The provenance of a saved report (issue 16.1); reports of giacheck before it have none. */
const ProvenanceSchema = z.looseObject({
  giacheck: z.looseObject({ version: z.string() }),
  inputs: z.array(z.looseObject({ file: z.string(), format: z.string(), bytes: int, sha256: z.string().nullable() })),
  profile: z.looseObject({
    id: z.string(),
    version: z.string(),
    sha256: z.string(),
    canonical: z.literal('rfc8785-chain'),
    documents: z.array(z.looseObject({ id: z.string(), file: z.string(), sha256: z.string() })),
  }),
  mapping: z.looseObject({ file: z.string(), sha256: z.string() }).nullable(),
  peildatum: isoDate,
  peildatum_given: z.boolean(),
  options: z.looseObject({
    encoding: z.string(),
    delimiter: z.string().nullable(),
    sheet: z.string().nullable(),
    gemeenten: z.array(z.string()).nullable().optional(),
    from: z.string().nullable().optional(),
    to: z.string().nullable().optional(),
    period: z.string().nullable().optional(),
    include_passed: z.boolean(),
    pseudonymized: z.boolean(),
    min_cell: z.number().nullable(),
    aggregate_only: z.boolean(),
    lang: z.enum(['nl', 'en']),
  }),
});

export const SavedReportSchema = z.looseObject({
  tool: z.looseObject({ name: z.literal('giacheck'), version: z.string() }),
  profile: z.looseObject({ id: z.string(), version: z.string(), name: z.string().optional() }),
  peildatum: isoDate,
  input: z.looseObject({ files: z.array(z.string()), rows_read: int, rows_checked: int, rows_rejected: int }),
  summary: z.looseObject({
    rules: z.array(
      z.looseObject({
        ...CountsShape,
        rule_id: z.string().min(1),
        title: z.string(),
        severity: z.string(),
        source: z.string().optional(),
        norm: z.number().nullable().optional(),
      }),
    ),
    totals: z.looseObject({ ...CountsShape, cases: int }),
    by_gemeente: z.record(z.string(), GroupSchema),
    by_deelregio: z.record(z.string(), GroupSchema).optional(),
  }),
  findings: z.array(
    z.looseObject({
      dossier_id: z.string(),
      rule_id: z.string(),
      status: z.enum(STATUSES),
      severity: z.string(),
      due_date: isoDate.nullable(),
      actual_date: isoDate.nullable(),
      days_late: z.number().nullable(),
    }),
  ),
  provenance: ProvenanceSchema.optional(),
});

export type SavedReport = z.infer<typeof SavedReportSchema>;
export type SavedFinding = SavedReport['findings'][number];
export type SavedProvenance = NonNullable<SavedReport['provenance']>;

/**
 * The options of a run as one comparable text (compare and the trend warn when two runs differ
 * in it); the peildatum differs on purpose and is left out.
 */
export function provenanceOptionsKey(p: SavedProvenance): string {
  const o = p.options;
  return [
    `encoding=${o.encoding}`,
    `delimiter=${o.delimiter ?? '-'}`,
    `sheet=${o.sheet ?? '-'}`,
    // --gemeente and --from/--to are warned about on their own (the trend's gemeenten and periods)
    `period=${o.period ?? '-'}`,
    `include-passed=${o.include_passed}`,
    `pseudonymize=${o.pseudonymized}`,
    `min-cell=${o.min_cell ?? '-'}`,
    `aggregate-only=${o.aggregate_only}`,
    `lang=${o.lang}`,
  ].join(' ');
}

/** The mapping a run used as its provenance states it: "file (first 12 hex digits of its SHA-256)", null: none. */
export function provenanceMappingText(p: SavedProvenance): string | null {
  return p.mapping ? `${p.mapping.file} (${p.mapping.sha256.slice(0, 12)})` : null;
}

/** A compared file as read: its bytes' size and SHA-256 (compare's own provenance). */
export interface ReadDigest {
  file: string;
  bytes: number;
  sha256: string;
}

const MAX_BYTES = 512 * 1024 * 1024;

export function parseSavedReport(text: string, file: string): SavedReport {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    // a CSV/XLSX export, a jsonl stream of findings, a truncated report
    const firstLine = text.split('\n', 1)[0];
    const jsonl = /^\s*\{.*"rule_id"/.test(firstLine);
    throw new UserError(t('compare.error.notReport', { file, problem: t(jsonl ? 'compare.problem.jsonl' : 'compare.problem.notJson') }));
  }
  const kind = reportKind(data);
  if (kind) throw new UserError(t('compare.error.notReport', { file, problem: t(kind) }));
  // counts shown as "<5" or a report without its findings: a comparison would be wrong, not just rough
  const options = (data as { provenance?: { options?: { min_cell?: unknown; aggregate_only?: unknown } } }).provenance?.options;
  if (options && ((options.min_cell !== null && options.min_cell !== undefined) || options.aggregate_only === true)) {
    throw new UserError(t('compare.error.suppressed', { file }));
  }
  const parsed = SavedReportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // a key of the file (a gemeente, a rule id) only when it looks like an identifier
    const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? String(p) : shownIdentifier(String(p)))).join('.') + ': ' : '';
    throw new UserError(t('compare.error.notReport', { file, problem: where + issue.message }));
  }
  return parsed.data;
}

/** Another giacheck output than a check report: which one (a message key), else undefined. */
function reportKind(data: unknown): string | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return Array.isArray(data) ? 'compare.problem.export' : undefined;
  const o = data as Record<string, unknown>;
  if ('issues' in o && !('findings' in o)) return 'compare.problem.validate';
  if ('days' in o && 'horizon' in o) return 'compare.problem.agenda';
  if (('old' in o && 'new' in o) || o.kind === 'trend') return 'compare.problem.compare';
  return undefined;
}

export function loadSavedReport(file: string, digest?: (d: ReadDigest) => void): SavedReport {
  let text: string;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UserError(t('error.isDirectory', { file }));
    // a device or a pipe would hang or grow without end
    if (!st.isFile()) throw new UserError(t('error.notRegularFile', { file }));
    if (st.size > MAX_BYTES) throw new UserError(t('compare.error.tooLarge', { file }));
    const bytes = readFileSync(file);
    digest?.({ file, bytes: bytes.length, sha256: sha256Hex(bytes) });
    text = bytes.toString('utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? t('error.notFound', { file }) : `${file}: ${(e as Error).message}`);
  }
  return parseSavedReport(text, file);
}
