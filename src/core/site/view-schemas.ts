import { z } from 'zod';
import { STATUSES } from '../kpi/types.ts';

// What the pages may print, as zod schemas: the view types derive from them, and the build parses
// each site's commitments and reports through them before Astro sees them, so a key no schema names
// (an internal figure added to a view by mistake, say) is dropped rather than published.

const statusView = { status: z.enum(STATUSES), label: z.string() };

export const periodRowSchema = z.object({ ...statusView, period: z.string(), value: z.string() });

/** A row of the public history table: the target in force then, and the company's note on that period. */
export const historyRowSchema = z.object({
  ...periodRowSchema.shape,
  target: z.string(),
  /** Rendered and sanitized markdown from content/notes/ (see src/core/report/render.ts). */
  note: z.object({ heading: z.string(), html: z.string() }).nullable(),
});

/** One line of "changes to this promise": when, what changed, and why (a customer note). */
export const changeViewSchema = z.object({ when: z.string(), text: z.string(), note: z.string().nullable() });

/** One commitment as the public page shows it: finished strings, and its chart as SVG. */
export const commitmentViewSchema = z.object({
  id: z.string().min(1),
  heading: z.string(),
  /** The commitment as the statement's list says it: its own text or the composed sentence. */
  sentence: z.string(),
  kpiName: z.string(),
  target: z.string(),
  cadence: z.string(),
  /** `at least 95%, every month` */
  targetLine: z.string(),
  /** `margin`: "± 3.9, from 190 orders", the latest figure's margin of error and sample, in words. */
  latest: z.object({ ...periodRowSchema.shape, streak: z.string(), margin: z.string().nullable() }).nullable(),
  remedy: z.string().nullable(),
  /** The remedy's and the chart legend's labels, punctuated for the language ("If we miss it: "). */
  remedyLead: z.string(),
  targetLegend: z.string(),
  method: z.string(),
  history: z.array(historyRowSchema),
  /** The target changed within the shown periods (or the promise began): the table then has a target column. */
  showTargets: z.boolean(),
  /** One column instead of two halves: notes and a target column need the width. */
  singleColumn: z.boolean(),
  changes: z.array(changeViewSchema),
  /** The history chart as SVG, for a wide column and for a phone's width. */
  chart: z.object({ wide: z.string(), compact: z.string() }),
  chartLabel: z.string(),
});

/** A report narrative, rendered and sanitized by src/core/report before the build. */
export const reportSchema = z.object({
  slug: z.string().min(1),
  /** The markdown's first `# heading`, else the file name. */
  title: z.string().min(1),
  /** The markdown has its own `# heading`: the page must not add the title a second time. */
  hasHeading: z.boolean(),
  /** The period the report is about, from its file name (`2026-02-carrier-strike.md` → `2026-02`). */
  period: z.string().nullable(),
  html: z.string(),
});

export type PeriodRow = z.infer<typeof periodRowSchema>;
export type CommitmentView = z.infer<typeof commitmentViewSchema>;
export type HistoryRow = z.infer<typeof historyRowSchema>;
export type ChangeView = z.infer<typeof changeViewSchema>;
export type RenderedReport = z.infer<typeof reportSchema>;
