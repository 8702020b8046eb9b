/**
 * The schema of a triage decision tree (rules/triage/*.yaml) and of an answers file (--answers,
 * --record, fixtures/scenarios). A tree is data: questions with help text and answers, steps
 * (crisis, triagetafel: things that happen on the way, SPEC §7) and outcomes (a route of SPEC §3).
 * Every node carries its source, so a trainer can always show where a question comes from.
 * Unknown keys are errors, as in profiles: a typo must not silently drop a help text.
 */
import { z } from 'zod';
import {
  BoolFieldSchema,
  DateFieldSchema,
  DurationSchema,
  LocalizedTextSchema,
  RouteSchema,
  SourceSchema,
} from '../model/schema.js';

export const NODE_ID = /^[a-z][a-z0-9_]*$/;
const nodeId = z.string().regex(NODE_ID, 'kleine letters, cijfers en _');

/** Facts an answer or step establishes, e.g. `melder_anoniem: true`; they decide `unless` items. */
const FactsSchema = z.partialRecord(BoolFieldSchema, z.boolean());

/**
 * A dated moment a step or outcome adds to the timeline: `from` a date field plus a duration.
 * `sets` makes the computed date the anchor of that field for the profile's rules (e.g. the
 * direct handover "direct aansluitend" on the veiligheidsbeoordeling, 000 §5.1.1).
 */
export const TimelineEntrySchema = z.strictObject({
  id: nodeId,
  label: LocalizedTextSchema,
  from: DateFieldSchema,
  duration: DurationSchema,
  sets: DateFieldSchema.optional(),
  /** shown next to the date: the assumption or the term in words */
  note: LocalizedTextSchema.optional(),
  source: SourceSchema.optional(),
});
export type TimelineEntrySpec = z.infer<typeof TimelineEntrySchema>;

export const AnswerSchema = z.strictObject({
  id: nodeId,
  label: LocalizedTextSchema,
  next: nodeId,
  /** shown under the answer while it is highlighted */
  help: LocalizedTextSchema.optional(),
  sets: FactsSchema.optional(),
});
export type AnswerSpec = z.infer<typeof AnswerSchema>;

const nodeBase = {
  /** a short label for the flowchart */
  short: LocalizedTextSchema.optional(),
  source: SourceSchema,
  /** where the seed is ambiguous: how this tree reads it */
  interpretation: LocalizedTextSchema.optional(),
};

export const QuestionNodeSchema = z.strictObject({
  kind: z.literal('question'),
  ...nodeBase,
  question: LocalizedTextSchema,
  help: LocalizedTextSchema,
  /** in the order shown; the wizard preselects none of them (issue 13.16) */
  answers: z.array(AnswerSchema).min(2),
});

export const StepNodeSchema = z.strictObject({
  kind: z.literal('step'),
  ...nodeBase,
  title: LocalizedTextSchema,
  text: LocalizedTextSchema,
  next: nodeId,
  sets: FactsSchema.optional(),
  timeline: z.array(TimelineEntrySchema).optional(),
});

export const OutcomeNodeSchema = z.strictObject({
  kind: z.literal('outcome'),
  ...nodeBase,
  route: RouteSchema,
  title: LocalizedTextSchema.optional(),
  note: LocalizedTextSchema.optional(),
  timeline: z.array(TimelineEntrySchema).optional(),
});

export const NodeSchema = z.discriminatedUnion('kind', [QuestionNodeSchema, StepNodeSchema, OutcomeNodeSchema]);
export type QuestionNode = z.infer<typeof QuestionNodeSchema>;
export type StepNode = z.infer<typeof StepNodeSchema>;
export type OutcomeNode = z.infer<typeof OutcomeNodeSchema>;
export type TreeNode = z.infer<typeof NodeSchema>;
export const NODE_KINDS = ['question', 'step', 'outcome'] as const;

/** A part of the tree drawn on a slide of its own (`--format mermaid --section <id>`). */
export const SectionSchema = z.strictObject({
  id: nodeId,
  title: LocalizedTextSchema,
  /** the nodes of this part, each in at most one section */
  nodes: z.array(nodeId).min(1),
});
export type TreeSection = z.infer<typeof SectionSchema>;

export const TreeSchema = z.strictObject({
  version: z.string().min(1),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  start: nodeId,
  sections: z.array(SectionSchema).optional(),
  nodes: z.record(z.string(), z.unknown()),
});

export interface Tree {
  file: string;
  version: string;
  title: { nl: string; en: string };
  description?: { nl: string; en: string };
  start: string;
  sections?: TreeSection[];
  /** in file order */
  nodes: Map<string, TreeNode>;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'jjjj-mm-dd');
const textOrLocalized = z.union([z.string().min(1), LocalizedTextSchema]);

/** --answers / --record / a scenario: the answer id per question node, in the order asked. */
export const AnswersFileSchema = z.strictObject({
  profile: z.string().min(1).optional(),
  melding_datum: isoDate.optional(),
  answers: z.record(z.string(), z.string()),
  /** scenario library: a small story and the route the seeds lead to */
  title: textOrLocalized.optional(),
  story: textOrLocalized.optional(),
  expected: z
    .strictObject({
      route: RouteSchema,
      source: z.string().optional(),
    })
    .optional(),
});
export type AnswersFile = z.infer<typeof AnswersFileSchema>;
