import { z } from 'zod';
import { isoDate, language, period, plainText, url } from './text.ts';

export const PROMISE_TYPES = ['quality', 'service', 'delivery', 'price', 'innovation', 'csr', 'personalization', 'communication'] as const;
export const COMPARISONS = ['>=', '<=', '>', '<'] as const;
export const EXCEED_DIMENSIONS = ['time', 'cost', 'service'] as const;
export const LIFECYCLE_STAGES = ['awareness', 'acquisition', 'conversion', 'loyalty', 'reactivation'] as const;

export const targetSchema = z.strictObject({
  comparison: z.enum(COMPARISONS),
  value: z.number({ error: 'the target needs a number. | Write a number such as 95 (no units or % sign here; put those in "unit").' }),
  unit: plainText.optional(),
});
export type Target = z.infer<typeof targetSchema>;

/** A period key (`2026-03`, `2026-Q1`, `2026-W07`); that it fits the commitment's period is checked in versions.ts. */
export const periodKey = z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4]|W(0[1-9]|[1-4]\d|5[0-3]))$/,
  'this is not a period. | Write a month as 2026-03, a quarter as 2026-Q1 or an ISO week as 2026-W07.');

/** An earlier version of a commitment: the targets in force up to and including `until`, and why they changed after it. */
export const commitmentVersionSchema = z.strictObject({
  /** The last period this version was in force. */
  until: periodKey,
  target: targetSchema,
  internal_target: targetSchema.optional(),
  /** For customers: why the target changed after `until`. Shown on the public page. */
  note: plainText.optional(),
});
export type CommitmentVersion = z.infer<typeof commitmentVersionSchema>;

export const commitmentSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'the id must be lowercase letters, digits and dashes. | For example: fast-delivery.'),
  text: plainText.optional(),
  kpi: z.string().min(1, 'a commitment needs a KPI. | Name a KPI id from kpis.yaml.').optional(),
  target: targetSchema.optional(),
  internal_target: targetSchema.optional(),
  period: period.optional(),
  deadline: isoDate.optional(),
  remedy: plainText.optional(),
  /** The dimension this commitment exceeds expectations on, if any. */
  exceeds: z.enum(EXCEED_DIMENSIONS).optional(),
  /** The first period judged; earlier ones are shown as "before this promise". */
  since: periodKey.optional(),
  /** Earlier versions, oldest first; the commitment's own targets are in force after the last `until`. */
  history: z.array(commitmentVersionSchema).optional(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const touchpointSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'the id must be lowercase letters, digits and dashes. | For example: checkout.'),
  name: plainText,
  stage: z.enum(['awareness', 'acquisition', 'conversion', 'loyalty', 'reactivation']),
  expected: plainText,
  kpi: z.string().optional(),
});

/** A published figure corrected on purpose: `pledge record` then rewrites that period, keeping what was first published. */
export const restatementSchema = z.strictObject({
  commitment: z.string().min(1),
  period: periodKey,
  note: plainText,
});
export type Restatement = z.infer<typeof restatementSchema>;

export const promiseSchema = z.strictObject({
  company: plainText,
  language,
  audience: z.strictObject({ who: plainText, needs: plainText.optional() }),
  values: z.array(plainText).min(1, 'list at least one value. | For example: values: [honesty, care].'),
  unique_assets: z.array(plainText).default([]),
  promise_types: z.array(z.enum(PROMISE_TYPES)).min(1, 'name at least one promise type. | For example: promise_types: [delivery].'),
  benefit: plainText,
  /** A hand-written statement; when absent pledge composes one from the templates. */
  statement: plainText.optional(),
  commitments: z.array(commitmentSchema).min(1, 'a promise needs at least one commitment. | Add one under commitments:, with a kpi, a target and a period.'),
  call_to_action: z.strictObject({ text: plainText, url }).optional(),
  feedback: z.strictObject({ channel: plainText, url: url.optional() }).optional(),
  touchpoints: z.array(touchpointSchema).default([]),
  /** Closed periods whose published figure changed on purpose, each with a note for customers (see content/record/). */
  restatements: z.array(restatementSchema).optional(),
});
export type PromiseInput = z.input<typeof promiseSchema>;
export type PromiseDoc = z.infer<typeof promiseSchema>;
