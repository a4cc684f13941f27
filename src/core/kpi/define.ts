import type { FormulaId } from '../schema/kpis.ts';
import type { Period } from '../schema/text.ts';

/**
 * A new KPI definition, as kpis.yaml writes it, from a few choices: what `pledge kpi add` and the
 * wizard ask, with each formula's usual unit, direction and a method sentence filled in. Pure data;
 * the schema validates the result before anything is written.
 */
export interface KpiChoice {
  formula: FormulaId;
  /** Data file, relative to content/ (e.g. data/repairs.csv). */
  source: string;
  columns: Record<string, string>;
  timestamp: string;
  id?: string | undefined;
  name?: string | undefined;
  period?: Period | undefined;
  unit?: string | undefined;
  better?: 'higher' | 'lower' | undefined;
  method?: string | undefined;
  visibility?: 'public' | 'internal' | undefined;
  minSample?: number | undefined;
  statistic?: 'median' | 'p90' | 'p95' | 'mean' | undefined;
  durationUnit?: 'minutes' | 'hours' | undefined;
  sla?: number | undefined;
}

interface FormulaDefaults {
  unit: (choice: KpiChoice) => string;
  better?: 'higher' | 'lower';
  name: string;
  /** `rows` names the file's rows in plain words ("repairs" for repairs.csv). */
  method: (choice: KpiChoice, period: string, rows: string) => string;
}

const durationOf = (choice: KpiChoice) => choice.durationUnit ?? 'hours';

/** Each formula's usual unit, direction, name and method (the method is shown to the public: plain words). */
export const FORMULA_DEFAULTS: Record<FormulaId, FormulaDefaults> = {
  on_time_rate: { unit: () => '%', better: 'higher', name: 'On time',
    method: (c, p, r) => `Of the ${r} promised in the ${p}, the share where ${c.columns.done} is at or before ${c.columns.promised}.` },
  response_time: { unit: durationOf, better: 'lower', name: 'Response time',
    method: (c, p, r) => `The ${c.statistic ?? 'median'} time from ${c.columns.start} to ${c.columns.end}, in ${durationOf(c)}, over the ${r} of the ${p}.` },
  within_sla_rate: { unit: () => '%', better: 'higher', name: 'Within the time limit',
    method: (c, p, r) => `Of the ${r} of the ${p}, the share where ${c.columns.end} came at most ${c.sla ?? '?'} ${durationOf(c)} after ${c.columns.start}.` },
  nps: { unit: () => 'points', better: 'higher', name: 'Net Promoter Score',
    method: (c, p) => `From the 0–10 scores in ${c.columns.score} given in the ${p}: % promoters (9–10) minus % detractors (0–6).` },
  csat: { unit: () => '%', better: 'higher', name: 'Customer satisfaction',
    method: (c, p) => `Of the 1–5 scores in ${c.columns.score} given in the ${p}, the share scoring 4 or 5.` },
  ces: { unit: () => 'points', better: 'lower', name: 'Customer effort',
    method: (c, p) => `The mean customer-effort score in ${c.columns.score} over the responses of the ${p}.` },
  churn_rate: { unit: () => '%', better: 'lower', name: 'Churn',
    method: (_c, p) => `Customers lost during the ${p}, as a share of the customers active at its start.` },
  retention_rate: { unit: () => '%', better: 'higher', name: 'Retention',
    method: (_c, p) => `Customers at the end of the ${p}, less those new in it, as a share of the customers at its start.` },
  repeat_purchase_rate: { unit: () => '%', better: 'higher', name: 'Repeat customers',
    method: (c, p) => `Of the customers (${c.columns.customer}) with an order in the ${p}, the share with two or more.` },
  mean: { unit: () => '', name: 'Average', method: (c, p, r) => `The mean of ${c.columns.value} over the ${r} of the ${p}.` },
  sum: { unit: () => '', name: 'Total', method: (c, p, r) => `The sum of ${c.columns.value} over the ${r} of the ${p}.` },
  count: { unit: () => '', name: 'Count', method: (_c, p, r) => `The number of ${r} in the ${p}.` },
  ratio: { unit: () => '', name: 'Ratio',
    method: (c, p, r) => `The sum of ${c.columns.numerator} divided by the sum of ${c.columns.denominator}, over the ${r} of the ${p}.` },
};

/** The KPI as a plain object in kpis.yaml's key order (undefined keys left out). */
export function kpiFromChoice(choice: KpiChoice, takenIds: readonly string[] = []): Record<string, unknown> {
  const defaults = FORMULA_DEFAULTS[choice.formula];
  const period = choice.period ?? 'month';
  const stem = choice.source.split('/').pop()?.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'data';
  const kpi: Record<string, unknown> = {
    id: choice.id ?? freeId(`${stem}_${choice.formula}`, takenIds),
    name: choice.name ?? defaults.name,
    formula: choice.formula,
    source: choice.source,
    columns: choice.columns,
    timestamp: choice.timestamp,
    period,
    min_sample: choice.minSample,
    visibility: choice.visibility ?? 'public',
    unit: choice.unit ?? defaults.unit(choice),
    better: choice.better ?? defaults.better,
    statistic: choice.statistic,
    duration_unit: choice.durationUnit,
    sla: choice.sla,
    method: choice.method ?? defaults.method(choice, period, stem.replace(/_/g, ' ')),
  };
  return Object.fromEntries(Object.entries(kpi).filter(([, value]) => value !== undefined));
}

function freeId(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}_${n}`)) return `${base}_${n}`;
}
