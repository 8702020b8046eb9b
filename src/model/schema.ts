/**
 * Schema atoms of the domain vocabulary, shared by the profile schema (src/profile/schema.ts)
 * and the rule kinds (src/rules/kinds/*.ts): field and route names, localised texts, sources,
 * durations and windows.
 */
import { z } from 'zod';
import { t } from '../i18n/index.js';
import '../i18n/catalog/validate.js';
import { FIELDS, FIELD_TYPES, FieldName, ROUTES } from './fields.js';

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

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd');
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

/** A moment's window: days before and after the due date, bounds included. */
export const WindowSchema = z.strictObject({ before: count, after: count });

/** The first date present among these fields is the anchor (SPEC §5). */
export const AnchorSchema = z.union([DateFieldSchema, z.array(DateFieldSchema).min(1)]);
export type AnchorSpec = z.infer<typeof AnchorSchema>;
