import { z } from 'zod';
import { SEVERITIES } from '../check/finding.ts';
import { ROW_REASONS } from '../kpi/row-reasons.ts';
import { STATUSES } from '../kpi/types.ts';
import { FORMULAS, sampleNounSchema } from './kpis.ts';
import { promiseSchema, targetSchema } from './promise.ts';
import { language, period } from './text.ts';

// The two files a build writes for tools: dist/pledge.json (everything, for the team) and
// dist/public/pledge.json (the open-data twin of the commitment page). The writer parses what it
// writes through these schemas, `pledge pdf` reads dist/pledge.json through them, and
// scripts/export-schemas.ts publishes them as schemas/pledge.schema.json and pledge-public.schema.json.
// Every object is strict: a field nobody named here fails the build's tests instead of slipping out.
//
// Where new fields go (one place each):
// - a figure's statistics (a confidence interval, the sample size): `commitmentPeriodSchema`, and
//   `publicPeriodSchema` if the public may see them;
// - a commitment's definition (since, history): `commitmentSchema` in promise.ts, which `promise` reuses;
// - the published record of closed periods: a `record` key in `pledgeJsonSchema` (and in
//   `publicPledgeSchema` for its public part); public notes on a period: `publicCommitmentSchema`.

const isoDateTime = z.iso.datetime({ offset: true });
/** A period key: `2026-W07`, `2026-03`, `2026-Q1`. */
const periodKey = z.string().min(1);
const status = z.enum(STATUSES);

/** One period of one commitment, judged against its target. */
export const commitmentPeriodSchema = z.strictObject({
  period: periodKey,
  value: z.number().nullable(),
  status,
  /** The public target in force in that period (the commitment's `history`); null before `since`. */
  target: targetSchema.nullable(),
  internalTarget: targetSchema.nullable(),
});

export const commitmentEvaluationSchema = z.strictObject({
  commitmentId: z.string().min(1),
  kpiId: z.string().min(1),
  /** Oldest first. */
  history: z.array(commitmentPeriodSchema),
  /** The latest complete period, if any. */
  latest: commitmentPeriodSchema.nullable(),
  streak: z.strictObject({ kept: z.number().int().min(0), of: z.number().int().min(0) }),
});

/** A 95 % interval around a figure, in its unit (docs/kpis.md, "How sure a figure is"). */
export const intervalSchema = z.strictObject({ low: z.number(), high: z.number() });

export const bucketSchema = z.strictObject({
  period: periodKey,
  start: isoDateTime,
  end: isoDateTime,
  n: z.number().int().min(0),
  value: z.number().nullable(),
  complete: z.boolean(),
  /** Null for a figure that is not an estimate from a sample (sums, counts) or has too few rows for one. */
  ci95: intervalSchema.nullable().optional(),
});

/** A skipped row (file and line), or from a database one reason with how many rows it stands for (no line). */
const rowIssueSchema = z.strictObject({
  file: z.string(),
  line: z.number().int().optional(),
  column: z.string().optional(),
  reason: z.enum(ROW_REASONS),
  message: z.string(),
  rows: z.number().int().min(1).optional(),
  /** The cell that was wrong, shortened. */
  value: z.string().optional(),
});

/** Skipped rows of one reason and column: the count, the first three, and the fix. */
const reasonGroupSchema = z.strictObject({
  reason: z.enum(ROW_REASONS),
  column: z.string().optional(),
  count: z.number().int().min(0),
  examples: z.array(rowIssueSchema),
  fix: z.string(),
});

/** A KPI's figures, without its definition (which is in kpis.yaml). */
export const kpiFiguresSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  visibility: z.enum(['public', 'internal']),
  formula: z.enum(FORMULAS),
  unit: z.string(),
  period,
  rowsRead: z.number().int().min(0),
  rowsUsed: z.number().int().min(0),
  badRows: z.strictObject({ count: z.number().int().min(0), examples: z.array(rowIssueSchema), byReason: z.array(reasonGroupSchema).optional() }),
  /** The time of this KPI's latest row. */
  dataDate: isoDateTime.nullable().optional(),
  buckets: z.array(bucketSchema),
  segments: z.array(z.strictObject({ segment: z.record(z.string(), z.string()), buckets: z.array(bucketSchema) })),
});

export const findingSchema = z.strictObject({
  rule: z.string(),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  hint: z.string(),
});

const dataPath = z.array(z.union([z.string(), z.number()])).readonly();
const statementSchema = z.strictObject({
  text: z.string(),
  lead: z.string(),
  parts: z.array(z.strictObject({ text: z.string(), path: dataPath.nullable(), template: z.string().optional() })),
  commitments: z.array(z.strictObject({ id: z.string(), text: z.string(), path: dataPath })),
});

/** A report narrative: its PDF is `<slug>.pdf`; `period` is what its PDF header names (the latest when null). */
export const reportEntrySchema = z.strictObject({
  slug: z.string().min(1),
  title: z.string(),
  period: periodKey.nullable(),
});

/** dist/pledge.json. `company`, `language`, `period` and `dataDate` are what the PDF headers print. */
export const pledgeJsonSchema = z.strictObject({
  format: z.literal('pledge/1'),
  generatedAt: isoDateTime,
  company: z.string().min(1),
  language,
  /** The latest period any commitment was judged on. */
  period: periodKey.nullable(),
  /** The time of the latest row read. */
  dataDate: isoDateTime.nullable(),
  statement: statementSchema,
  findings: z.array(findingSchema),
  promise: promiseSchema,
  commitments: z.array(commitmentEvaluationSchema),
  kpis: z.array(kpiFiguresSchema),
  reports: z.array(reportEntrySchema),
});
export type PledgeJson = z.infer<typeof pledgeJsonSchema>;

/** What the public may see of a period: `at-risk` only when content/site.yaml says `show_at_risk: true`. */
export const publicPeriodSchema = z.strictObject({
  ...commitmentPeriodSchema.pick({ period: true, value: true, status: true, target: true }).shape,
  /** The sample the figure comes from, and its 95 % interval: how sure the figure is. */
  n: z.number().int().min(0),
  ci95: intervalSchema.nullable(),
  /** The company's note on this period (content/notes/), rendered and sanitized. */
  note: z.string().nullable(),
});

/** A change of the public target: in force from `from`, the first period of the new version. */
export const publicChangeSchema = z.strictObject({
  from: periodKey,
  before: targetSchema,
  after: targetSchema,
  /** Why, for customers: the `note` of the version that ended. */
  note: z.string().nullable(),
});
export type PublicChange = z.infer<typeof publicChangeSchema>;

/** A closed period whose published figure was corrected on purpose (promise.yaml `restatements`). */
export const publicRestatementSchema = z.strictObject({
  period: periodKey,
  /** The figure first published (from content/record/), when the record has it. */
  before: z.number().nullable(),
  after: z.number().nullable(),
  note: z.string(),
});
export type PublicRestatement = z.infer<typeof publicRestatementSchema>;

export type PublicPeriod = z.infer<typeof publicPeriodSchema>;

export const publicCommitmentSchema = z.strictObject({
  id: z.string().min(1),
  text: z.string().nullable(),
  kpi: z.strictObject({
    id: z.string(), name: z.string(), method: z.string(), unit: z.string(), better: z.enum(['higher', 'lower']), formula: z.enum(FORMULAS),
    /** What the sample counts ("from 190 orders"); null for sums and counts, which are not samples. */
    sample_noun: sampleNounSchema.nullable(),
  }),
  target: targetSchema,
  period,
  deadline: z.string().nullable(),
  remedy: z.string().nullable(),
  latest: publicPeriodSchema.nullable(),
  /** Oldest first, at most the last 12 periods. */
  history: z.array(publicPeriodSchema),
  streak: z.strictObject({ kept: z.number().int().min(0), of: z.number().int().min(0) }),
  /** The first period judged, when the commitment says (`since`). */
  since: periodKey.nullable(),
  /** The first public target, in force from `since` (or from the start of the data). */
  firstTarget: targetSchema,
  /** Changes of the public target, oldest first; internal-only changes are not listed. */
  changes: z.array(publicChangeSchema),
  restatements: z.array(publicRestatementSchema),
});

export type PublicCommitment = z.infer<typeof publicCommitmentSchema>;

/** dist/public/pledge.json, and all the public page is made from. */
export const publicPledgeSchema = z.strictObject({
  format: z.literal('pledge-public/1'),
  company: z.string().min(1),
  language,
  statement: z.string(),
  commitments: z.array(publicCommitmentSchema),
  callToAction: z.strictObject({ text: z.string(), url: z.string() }).nullable(),
  feedback: z.strictObject({ channel: z.string(), url: z.string().nullable() }).nullable(),
  dataDate: isoDateTime.nullable(),
  generatedAt: isoDateTime,
});
export type PublicPledgeJson = z.infer<typeof publicPledgeSchema>;
