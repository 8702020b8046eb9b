/**
 * What a rule kind is: one module (src/rules/kinds/*.ts) that says everything about the kind, in
 * the shape of an ESLint rule (`meta` + `create`) and a Spectral function (options schema beside
 * it): its parameter schema, the fields a rule of the kind reads, its status → message-key table,
 * how it describes itself, and `compile`, which returns its one evaluator over the packed row
 * (src/model/row.ts). src/rules/registry.ts lists the kinds and derives the rest from them.
 */
import { z } from 'zod';
import { t } from '../i18n/index.js';
import '../i18n/catalog/validate.js';
import type { FieldName } from '../model/fields.js';
import { EMPTY_CELL } from '../model/row.js';
import { DurationSpec, LocalizedTextSchema, SourceSchema } from '../model/schema.js';
import { conditionFields, ConditionSchema, ConditionSpec } from './conditions.js';
import { RuleContext, Status, STATUSES } from './types.js';

/**
 * A rule's norm: the share of judged cases that should comply (0.9 = 90 %), e.g. a national
 * network's published ambition. Its `norm_source` (required with it) is where the figure comes
 * from, distinct from the rule's own `source` (where the term comes from).
 */
export const NormSchema = z.number().min(0).max(1);

/** The keys every rule has, whatever its kind. */

export const ruleBase = {
  title: LocalizedTextSchema,
  severity: z.enum(['error', 'warning', 'info']),
  source: SourceSchema,
  interpretation: z.union([z.string(), LocalizedTextSchema]).optional(),
  when: ConditionSchema.optional(),
  norm: NormSchema.optional(),
  norm_source: SourceSchema.optional(),
  replaces: z.union([z.string(), z.array(z.string())]).optional(),
};

/** A rule of a loaded profile. */
export interface RuleDefOf<S> {
  id: string;
  spec: S;
  /** the profile that declared the rule */
  origin: string;
  /** ids of inherited rules this one replaces */
  replaces: string[];
}

/**
 * A rule's outcome for one row, as OUT ints in an outcome array (rule r's at r * OUT): the status
 * (index in STATUSES), due and actual date, days late, the moment window, and the missing items as
 * a bit mask (required_items: bit k for item k; deadline: 1 when its anchor is missing; with status
 * not_applicable, 1 says the rule did not apply because its anchor date was missing). Dates and
 * numbers that do not apply are EMPTY_CELL. src/rules/outcome.ts turns one into a Result.
 */
export const OUT = 8;
export const O_DUE = 1;
export const O_ACTUAL = 2;
export const O_DAYS = 3;
export const O_WINDOW_START = 4;
export const O_WINDOW_END = 5;
export const O_MISSING = 6;
/** implausible: the anchor date */
export const O_ANCHOR = 7;

/** Status indices for kernels (the order of STATUSES). */
export const S = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<Status, number>;

/** Writes a rule's outcome for the packed row at ints[base…] to out[o…o+OUT). */
export type Kernel = (ints: Int32Array, base: number, out: Int32Array, o: number) => void;

export function write(
  out: Int32Array,
  o: number,
  status: number,
  due = EMPTY_CELL,
  actual = EMPTY_CELL,
  days = EMPTY_CELL,
  ws = EMPTY_CELL,
  we = EMPTY_CELL,
  missing = 0,
  anchor = EMPTY_CELL,
): void {
  out[o] = status;
  out[o + O_DUE] = due;
  out[o + O_ACTUAL] = actual;
  out[o + O_DAYS] = days;
  out[o + O_WINDOW_START] = ws;
  out[o + O_WINDOW_END] = we;
  out[o + O_MISSING] = missing;
  out[o + O_ANCHOR] = anchor;
}

/**
 * A date pair that cannot be right: the completion before its anchor, or either date after the
 * day of the run. Such a pair is data quality, not compliance (the status implausible); validate's
 * date-order and future-date warnings say the same of whole rows.
 */
export function implausible(anchor: number, actual: number, today: number): boolean {
  return anchor > today || (actual !== EMPTY_CELL && (actual < anchor || actual > today));
}

type KindSchema = z.ZodObject<{ kind: z.ZodLiteral<string> } & z.ZodRawShape>;

export interface RuleKind<Sch extends KindSchema = KindSchema> {
  /** the rule's keys in a profile (ruleBase plus the kind's parameters), unknown keys refused */
  schema: Sch;
  /** a term with a due date (deadline, moment): agenda items, "op tijd" messages, lead times */
  term: boolean;
  /** the canonical fields a rule reads: a field absent from an export makes the rule not assessable */
  fields(spec: z.infer<Sch>): Set<FieldName>;
  /** message key per status the kind can give (src/report/messages.ts fills in the parameters) */
  messages: Partial<Record<Status, string>>;
  /** the fields named by an outcome's missing mask */
  missingItems(spec: z.infer<Sch>, mask: number): FieldName[];
  /**
   * a term's anchor fields (the first present counts): without one the pair is not applicable and
   * the outcome says so (not_applicable with missing mask 1), counted per rule apart (issue 16.5)
   */
  anchor?(spec: z.infer<Sch>): FieldName[];
  /** the rule's parameters in words, a line per aspect, with canonical field names (rules show) */
  parameters(spec: z.infer<Sch>, ctx: { momentWindow: { before: number; after: number } }): string[];
  /** the one evaluator of the kind */
  compile(def: RuleDefOf<z.infer<Sch>>, ctx: RuleContext): Kernel;
}

export function defineKind<Sch extends KindSchema>(kind: RuleKind<Sch>): RuleKind<Sch> {
  return kind;
}

/** The fields a term (deadline, moment) reads: its conditions, its anchors and its `to`. */
export function termFields(spec: { when?: ConditionSpec; from: FieldName | FieldName[]; to: FieldName }): Set<FieldName> {
  const out = conditionFields(spec.when, new Set<FieldName>());
  for (const f of [spec.from].flat()) out.add(f);
  return out.add(spec.to);
}

// ---- words shared by the kinds' descriptions -----------------------------------------------------

export function durationText(d: DurationSpec): string {
  const [unit, n] = Object.entries(d)[0] as [string, number];
  return t(`rules.duration.${unit}`, { n });
}

export function anchorText(from: string | string[]): string {
  return Array.isArray(from) && from.length > 1 ? `(${t('rules.firstOf', { fields: from.join(', ') })})` : [from].flat()[0];
}
