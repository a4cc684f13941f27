import type { FormulaId } from '../schema/kpis.ts';

/** The column roles each formula reads, as data: `columns` must map every one of them. */
export const FORMULA_ROLES: Record<FormulaId, readonly string[]> = {
  nps: ['score'],
  csat: ['score'],
  ces: ['score'],
  on_time_rate: ['done', 'promised'],
  response_time: ['start', 'end'],
  within_sla_rate: ['start', 'end'],
  churn_rate: ['start', 'end'],
  retention_rate: ['start', 'end'],
  repeat_purchase_rate: ['customer'],
  mean: ['value'],
  sum: ['value'],
  count: [],
  ratio: ['numerator', 'denominator'],
};
