/**
 * The schema of a rule profile (rules/*.yaml). Types are inferred from it, so a profile field
 * exists in exactly one place. Unknown keys are errors everywhere: a typo in a custom profile must
 * not silently switch a rule off.
 */
import { z } from 'zod';
import { FIELDS, FIELD_TYPES, FieldName, ROUTES } from '../ingest/fields.js';
import { t } from '../i18n/index.js';
import '../i18n/catalog/validate.js';

const fieldsOf = (...types: string[]) =>
  FIELDS.filter((f) => types.includes(FIELD_TYPES[f])) as [FieldName, ...FieldName[]];

export const FieldNameSchema = z.enum(FIELDS as [FieldName, ...FieldName[]]);
export const DateFieldSchema = z.enum(fieldsOf('date'));
export const BoolFieldSchema = z.enum(fieldsOf('bool'));
export const RouteSchema = z.enum(ROUTES);

export const LocalizedTextSchema = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });
export const SourceSchema = z.strictObject({
  document: z.string().min(1),
  section: z.string().min(1),
  quote: z.string().optional(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd');
const count = z.number().int().min(0).max(3650);

export const DurationSchema = z.union(
  [
    z.strictObject({ workdays: count }),
    z.strictObject({ days: count }),
    z.strictObject({ weeks: count }),
    z.strictObject({ months: z.number().int().min(0).max(120) }),
  ],
  { error: () => t('lint.duration') },
);
export type DurationSpec = z.infer<typeof DurationSchema>;

export interface ConditionSpec {
  route?: (typeof ROUTES)[number][];
  route_not?: (typeof ROUTES)[number][];
  present?: FieldName[];
  present_any?: FieldName[];
  absent?: FieldName[];
  flags?: Partial<Record<FieldName, boolean>>;
  any?: ConditionSpec[];
  not?: ConditionSpec;
}

/**
 * `flags: { melder_anoniem: true }` holds only for an explicit ja; `{ x: false }` holds for nee
 * and for an empty cell (unknown is not yes).
 */
export const ConditionSchema: z.ZodType<ConditionSpec> = z.lazy(() =>
  z.strictObject({
    route: z.array(RouteSchema).min(1).optional(),
    route_not: z.array(RouteSchema).min(1).optional(),
    present: z.array(FieldNameSchema).min(1).optional(),
    present_any: z.array(FieldNameSchema).min(1).optional(),
    absent: z.array(FieldNameSchema).min(1).optional(),
    flags: z.partialRecord(BoolFieldSchema, z.boolean()).optional(),
    any: z.array(ConditionSchema).min(1).optional(),
    not: ConditionSchema.optional(),
  }),
);

const WindowSchema = z.strictObject({ before: count, after: count });
export const NormSchema = z.strictObject({
  share: z.number().min(0).max(1),
  source: SourceSchema,
});

const ruleBase = {
  title: LocalizedTextSchema,
  severity: z.enum(['error', 'warning', 'info']),
  source: SourceSchema,
  interpretation: z.union([z.string(), LocalizedTextSchema]).optional(),
  when: ConditionSchema.optional(),
  norm: NormSchema.optional(),
  replaces: z.union([z.string(), z.array(z.string())]).optional(),
};

const fromSchema = z.union([DateFieldSchema, z.array(DateFieldSchema).min(1)]);

export const DeadlineRuleSchema = z.strictObject({
  kind: z.literal('deadline'),
  ...ruleBase,
  from: fromSchema,
  duration: DurationSchema,
  to: DateFieldSchema,
  /** the rule that requires its own anchor date reports `missing` instead of not_applicable */
  anchor_required: z.boolean().optional(),
});

export const MomentRuleSchema = z.strictObject({
  kind: z.literal('moment'),
  ...ruleBase,
  from: fromSchema,
  duration: DurationSchema,
  to: DateFieldSchema,
  window: WindowSchema.optional(),
});

const ItemSchema = z.union([
  FieldNameSchema,
  z.strictObject({
    field: FieldNameSchema,
    unless: ConditionSchema.optional(),
    when: ConditionSchema.optional(),
  }),
]);

export const RequiredItemsRuleSchema = z.strictObject({
  kind: z.literal('required_items'),
  ...ruleBase,
  items: z.array(ItemSchema).min(1),
});

export const ConsistencyRuleSchema = z.strictObject({
  kind: z.literal('consistency'),
  ...ruleBase,
  require: ConditionSchema,
});

export const RuleSchema = z.discriminatedUnion('kind', [
  DeadlineRuleSchema,
  MomentRuleSchema,
  RequiredItemsRuleSchema,
  ConsistencyRuleSchema,
]);
export type RuleSpec = z.infer<typeof RuleSchema>;
export const RULE_KINDS = ['deadline', 'moment', 'required_items', 'consistency'] as const;

/** Changes a profile that `extends` another may make to an inherited rule. */
export const RuleOverrideSchema = z.strictObject({
  severity: z.enum(['error', 'warning', 'info']).optional(),
  norm: NormSchema.optional(),
  off: z.boolean().optional(),
  window: WindowSchema.optional(),
  interpretation: z.union([z.string(), LocalizedTextSchema]).optional(),
});
export type RuleOverride = z.infer<typeof RuleOverrideSchema>;

export const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const FeestdagSchema = z.strictObject({
  id: z.string().min(1),
  rule: z.string().min(1),
  name: z.strictObject({ nl: z.string().optional(), en: z.string().optional() }).optional(),
  source: z.string().optional(),
});

/** A published Besluit gelijkstelling dagen (Atw art. 3 lid 3) and the years it settles. */
const year = z.number().int().min(1965).max(2199);
export const BesluitSchema = z.strictObject({
  /** first and last year, e.g. [2017, 2019] */
  years: z.tuple([year, year]),
  title: z.string().min(1),
  /** Staatscourant publication, e.g. "Stcrt. 2016, 58653" */
  stcrt: z.string().min(1).optional(),
  url: z.string().min(1).optional(),
});

export const CalendarSchema = z.strictObject({
  source: SourceSchema.optional(),
  /** the Besluiten gelijkstelling behind gelijkgestelde_dagen; a year outside them warns */
  besluiten: z.array(BesluitSchema).optional(),
  /** replace the inherited feestdagen instead of adding to them */
  replace_feestdagen: z.boolean().optional(),
  feestdagen: z.array(FeestdagSchema).optional(),
  gelijkgestelde_dagen: z
    .array(z.strictObject({ date: isoDate, reason: z.string().optional(), source: z.string() }))
    .optional(),
  extra_closed_days: z
    .array(z.union([isoDate, z.strictObject({ date: isoDate, reason: z.string().optional() })]))
    .optional(),
  extend_calendar_terms: z.boolean().optional(),
});

export const MonitoringDurationSchema = z.strictObject({
  from: fromSchema,
  to: DateFieldSchema,
  when: ConditionSchema.optional(),
  average_months: z.number().positive(),
  source: SourceSchema,
});

export const ProfileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'kleine letters, cijfers en -'),
  version: z.string().min(1),
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  extends: z.string().min(1).optional(),
  sources: z
    .record(z.string(), z.strictObject({ title: z.string(), file: z.string().optional() }))
    .optional(),
  calendar: CalendarSchema.optional(),
  moment_window: WindowSchema.optional(),
  deelregios: z.record(z.string(), z.array(z.string().min(1)).min(1)).optional(),
  gemeente_aliases: z.record(z.string(), z.string()).optional(),
  route_aliases: z.record(z.string(), RouteSchema).optional(),
  monitoring_duration: MonitoringDurationSchema.optional(),
  /** the triage decision tree of this profile, a YAML file relative to the profile */
  triage: z.string().optional(),
  /** who holds regie op veiligheid after each route (triage outcome screen) */
  regie: z.partialRecord(RouteSchema, LocalizedTextSchema).optional(),
  rules: z.record(z.string().regex(RULE_ID), z.unknown()).optional(),
});
export type ProfileSpec = z.infer<typeof ProfileSchema>;
