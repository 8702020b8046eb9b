/**
 * The schema of a rule profile (rules/*.yaml). Types are inferred from it, so a profile field
 * exists in exactly one place. Unknown keys are errors everywhere: a typo in a custom profile must
 * not silently switch a rule off.
 */
import { z } from 'zod';
import { AnchorSchema, DateFieldSchema, IsoDateSchema, LocalizedTextSchema, RouteSchema, SourceSchema, WindowSchema } from '../model/schema.js';
import { ConditionSchema } from '../rules/conditions.js';
import { NormSchema } from '../rules/kind.js';

const isoDate = IsoDateSchema;
const fromSchema = AnchorSchema;

/** Changes a profile that `extends` another may make to an inherited rule. */
export const RuleOverrideSchema = z.strictObject({
  severity: z.enum(['error', 'warning', 'info']).optional(),
  norm: NormSchema.optional(),
  norm_source: SourceSchema.optional(),
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
    .record(z.string(), z.strictObject({ title: z.string(), short: z.string().optional(), file: z.string().optional() }))
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
