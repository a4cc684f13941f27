import { z } from 'zod';
import { FORMULA_ROLES } from '../kpi/roles.ts';
import { DATE_FORMATS } from '../kpi/time.ts';
import { period, plainText } from './text.ts';

export const FORMULAS = [
  'nps', 'csat', 'ces', 'on_time_rate', 'response_time', 'within_sla_rate', 'churn_rate',
  'retention_rate', 'repeat_purchase_rate', 'mean', 'sum', 'count', 'ratio',
] as const;
export type FormulaId = (typeof FORMULAS)[number];

// The formula → column roles table lives with the engine (no zod there, so worker threads load fast).
export { FORMULA_ROLES } from '../kpi/roles.ts';

/** An IANA time zone Intl knows, e.g. Europe/London. */
const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'this is not a time zone pledge knows. | Use an IANA name such as Europe/London, America/Sao_Paulo or UTC.');

/**
 * A path inside the project, relative to content/: normalised first (`data/../data/orders.csv` is
 * `data/orders.csv`), then refused if it is absolute or still climbs out. Where links lead is checked
 * when the file is read (adapters/project-path.ts).
 */
export const projectPath = z
  .string()
  .trim()
  .min(1)
  .transform((written, ctx) => {
    const normal = normalisePath(written);
    if (normal === undefined) {
      ctx.addIssue({ code: 'custom', message: 'this path leaves the project. | Put the data file inside the project, e.g. data/orders.csv.' });
      return z.NEVER;
    }
    return normal;
  });

/** `a/./b/../c` → `a/c` (either slash); undefined when absolute, climbing above the start, or empty. */
export function normalisePath(written: string): string | undefined {
  if (/^([/\\]|[a-z]:)/i.test(written)) return undefined;
  const parts: string[] = [];
  for (const part of written.split(/[/\\]+/)) {
    if (part === '..') {
      if (parts.pop() === undefined) return undefined;
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.length ? parts.join('/') : undefined;
}

/**
 * A KPI computed inside a database: a table (or view, `schema.table`) or a read-only query, on a
 * connection from connections.yaml. `key` names a column whose repeated values are bad rows.
 */
export const sqlSourceSchema = z.strictObject({
  connection: z.string().min(1),
  table: z.string().trim().min(1).optional(),
  query: z.string().trim().min(1).optional(),
  key: z.string().min(1).optional(),
}).refine((source) => (source.table === undefined) !== (source.query === undefined),
  'give either table or query, not both and not neither. | For example: source: { connection: warehouse, table: orders }.');
export type SqlSource = z.infer<typeof sqlSourceSchema>;

/** Where a KPI's rows are: a data file (CSV, JSON, NDJSON, Parquet) or a table or query on a connection. */
export const kpiSourceSchema = z.union([projectPath, sqlSourceSchema], {
  // A string is a path: say what is wrong with the path (it leaves the project, say), not "not a table".
  error: (issue) => {
    const pathIssue = issue.code === 'invalid_union' && typeof issue.input === 'string' ? issue.errors[0]?.[0]?.message : undefined;
    return pathIssue ?? 'a source is a data file or a table on a connection. | Write source: data/orders.csv, or source: { connection: warehouse, table: orders }.';
  },
});
export type KpiSource = z.infer<typeof kpiSourceSchema>;

export const isSqlSource = (source: KpiSource): source is SqlSource => typeof source === 'object';

/** How a source is named in messages: the file, or `connection:table` / `connection:query`. */
export function sourceName(source: KpiSource): string {
  if (!isSqlSource(source)) return source;
  return `${source.connection}:${source.table ?? 'query'}`;
}

/** What a KPI's rows are, in words the public page has in every language ("from 190 orders"). */
export const SAMPLE_NOUNS = ['answers', 'orders', 'requests', 'customers', 'records'] as const;
export type SampleNounKey = (typeof SAMPLE_NOUNS)[number];
/** One of SAMPLE_NOUNS, or the KPI's own word in the promise's language, singular and plural. */
export const sampleNounSchema = z.union([
  z.enum(SAMPLE_NOUNS),
  z.strictObject({ one: plainText, other: plainText }),
], {
  // An empty or HTML word comes as its own issue, at `one` or `other`; here the value, or the mapping's shape, is wrong.
  error: (issue) => (issue.code === 'invalid_union' && isMapping(issue.input) && ownWordProblem(issue.input, issue.errors[1] ?? []))
    || `say what one row is: ${SAMPLE_NOUNS.join(', ')}, or your own word. | For example: sample_noun: orders, or sample_noun: { one: ticket, other: tickets }.`,
});

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Your own word as a mapping that is not `{ one: <text>, other: <text> }`: which key is missing, unknown or not a text. */
function ownWordProblem(mapping: Record<string, unknown>, issues: readonly z.core.$ZodIssue[]): string | undefined {
  const problems = issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `"${key}" is not one of its keys`);
    const key = String(issue.path[0]);
    if (issue.code === 'invalid_type') return [mapping[key] === undefined ? `"${key}" is missing` : `"${key}" is not a text`];
    return [];
  });
  return problems.length ? `your own word needs two texts, "one" (singular) and "other" (plural): ${problems.join(', ')}. | For example: sample_noun: { one: ticket, other: tickets }.` : undefined;
}
export type SampleNoun = z.infer<typeof sampleNounSchema>;

const filterValue = z.union([z.string(), z.number(), z.boolean()]);
export const filterSchema = z.strictObject({
  column: z.string().min(1),
  equals: filterValue.optional(),
  not: filterValue.optional(),
  in: z.array(filterValue).optional(),
});
export type KpiFilter = z.infer<typeof filterSchema>;

export const kpiSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'the id must be lowercase letters, digits, dashes or underscores. | For example: on_time_delivery.'),
  name: plainText,
  formula: z.enum(FORMULAS),
  /** Data file, relative to content/, or a table or query on a connection. */
  source: kpiSourceSchema,
  /** Which column plays which role for the formula, e.g. { score: nps_score }. */
  columns: z.record(z.string(), z.string().min(1)).default({}),
  /** The column whose time places a row in a period. */
  timestamp: z.string().min(1),
  timezone: timeZone.optional(),
  filter: filterSchema.optional(),
  period: period.default('month'),
  segment_by: z.array(z.string().min(1)).default([]),
  min_sample: z.number().int().min(1).default(1),
  visibility: z.enum(['public', 'internal']).default('public'),
  unit: z.string().default(''),
  better: z.enum(['higher', 'lower']),
  method: plainText,
  /** What a row is, for "from 190 orders" on the public page; derived from the formula or the source's name when absent. */
  sample_noun: sampleNounSchema.optional(),
  /** response_time: which statistic of the durations. */
  statistic: z.enum(['median', 'p90', 'p95', 'mean']).optional(),
  /** response_time / within_sla_rate: the unit durations are reported in. */
  duration_unit: z.enum(['minutes', 'hours']).optional(),
  /** within_sla_rate: the longest end − start that still counts, in duration_unit. */
  sla: z.number().positive().optional(),
}).superRefine((kpi, ctx) => {
  for (const role of FORMULA_ROLES[kpi.formula] ?? []) {
    if (!kpi.columns[role]) {
      ctx.addIssue({ code: 'custom', path: ['columns'],
        message: `KPI "${kpi.id}" uses formula ${kpi.formula}, which needs a column for "${role}". | Add it under columns, e.g. columns: { ${FORMULA_ROLES[kpi.formula].map((r) => `${r}: <column>`).join(', ')} }.` });
    }
  }
  // Refused rather than ignored: the page says "from 190 orders" only beside a sample's figure.
  if (kpi.sample_noun !== undefined && (kpi.formula === 'sum' || kpi.formula === 'count')) {
    ctx.addIssue({ code: 'custom', path: ['sample_noun'],
      message: `KPI "${kpi.id}" uses formula ${kpi.formula}, a total rather than a sample, so the public page names no rows beside it. | Remove sample_noun.` });
  }
  if (kpi.formula === 'within_sla_rate' && kpi.sla === undefined) {
    ctx.addIssue({ code: 'custom', path: ['sla'],
      message: `KPI "${kpi.id}" uses formula within_sla_rate, which needs the longest allowed duration. | Add sla: 24 (in duration_unit, hours by default).` });
  }
});
export type KpiDef = z.infer<typeof kpiSchema>;

export const dataSourceSchema = z.strictObject({
  file: projectPath,
  /** Columns that never reach the public site (emails, agent names, free-text comments). */
  internal_columns: z.array(z.string().min(1)).default([]),
  timezone: timeZone.optional(),
  delimiter: z.string().length(1).optional(),
  /** The decimal separator of number cells: `,` for exports from a spreadsheet set to Portuguese, say. */
  decimal: z.enum(['.', ',']).optional(),
  /**
   * How the file writes its timestamps, when not ISO 8601: DD/MM/YYYY or MM/DD/YYYY (a time such as
   * 11:25 may follow), or seconds / milliseconds since 1970 (epoch_s, epoch_ms). Never guessed.
   */
  date_format: z.enum(DATE_FORMATS).optional(),
  /** A column that identifies a row (e.g. order_id): a repeated value is a bad row. Costs memory per distinct value. */
  key: z.string().min(1).optional(),
});
export type DataSource = z.infer<typeof dataSourceSchema>;

export const kpisFileSchema = z.strictObject({
  kpis: z.array(kpiSchema).min(1, 'define at least one KPI. | Add one under kpis:, with an id, a formula and a source.'),
  sources: z.array(dataSourceSchema).default([]),
});
export type KpisFile = z.infer<typeof kpisFileSchema>;
