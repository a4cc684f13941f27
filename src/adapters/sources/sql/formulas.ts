import type { RowText } from '../../../core/check/messages.ts';
import type { FormulaId, KpiDef } from '../../../core/schema/kpis.ts';
import { quantileOf } from '../../../core/kpi/formulas.ts';
import type { Dialect, ParamKind } from './dialect.ts';

/** How a role's column is read: a number, an instant (with its epoch ms beside it) or text. */
export type RoleKind = 'number' | 'time' | 'text';

/** Columns of the checked rows a formula refers to: `r(i)` the typed value of role i, `ms(i)` its epoch ms. */
export interface RowRefs {
  r(role: number): string;
  ms(role: number): string;
  /** The role's value as trimmed text ('' when empty): an optional time that is there but unreadable is a bad row. */
  raw(role: number): string;
  param(value: string | number, kind: ParamKind): string;
  dialect: Dialect;
}

/**
 * A reason a row is skipped: a code (what SQL returns), the condition, the column and message to show
 * (English, after the column's name), and the same as a case of `rows.says`, for every other language.
 */
export interface Check { code: string; when: string; column: string; message: string; says: RowText }

/**
 * One formula in SQL: how its columns are read, when a row is bad (in the order the file engine checks),
 * which rows go into buckets, and the aggregates per bucket. The aggregate names are the ones the core's
 * `restore` reads (core/kpi/formulas.ts and cohort.ts): n, hits, promoters, detractors, sum, sum_squares, quantile,
 * numerator, denominator; signups, departures, same_bucket_departures for churn and retention.
 */
export interface FormulaSql {
  kinds: readonly RoleKind[];
  checks(kpi: KpiDef, refs: RowRefs): Check[];
  /** Only rows meeting this are bucketed (others are used but wait, e.g. a ticket with no reply yet). */
  bucketed?(refs: RowRefs): string;
  /** Aggregates per bucket; `dataDate()` adds the data date (epoch ms, for overdue rows) as a parameter. */
  aggregates(kpi: KpiDef, refs: RowRefs, dataDate: () => string): Record<string, string>;
}

const columnOf = (kpi: KpiDef, role: string) => kpi.columns[role] ?? '';

function scoreCheck(kpi: KpiDef, refs: RowRefs, min: number, max: number): Check[] {
  const score = refs.r(0);
  return [{
    code: 'score', column: columnOf(kpi, 'score'), message: `is empty or not a score from ${min} to ${max}`,
    says: { case: 'db-not-a-score', params: { column: columnOf(kpi, 'score'), min, max } },
    when: `${score} is null or ${score} <> floor(${score}) or ${score} < ${min} or ${score} > ${max}`,
  }];
}

const requiredTime = (kpi: KpiDef, refs: RowRefs, role: number, name: string): Check => ({
  code: `time_${role}`, column: columnOf(kpi, name), message: 'is empty or not a date-time', when: `${refs.r(role)} is null`,
  says: { case: 'db-not-a-date', params: { column: columnOf(kpi, name) } },
});

const requiredNumber = (kpi: KpiDef, refs: RowRefs, role: number, name: string): Check => ({
  code: `number_${role}`, column: columnOf(kpi, name), message: 'is empty or not a number', when: `${refs.r(role)} is null`,
  says: { case: 'db-not-a-number', params: { column: columnOf(kpi, name) } },
});

/** An optional time (not done yet when empty) that is written but is not a date-time, e.g. "n/a". */
const readableTime = (kpi: KpiDef, refs: RowRefs, role: number, name: string): Check => ({
  code: `unreadable_${role}`, column: columnOf(kpi, name), message: 'is not a date-time', when: `${refs.r(role)} is null and ${refs.raw(role)} <> ''`,
  says: { case: 'db-unreadable-date', params: { column: columnOf(kpi, name) } },
});

/** end before start: both present and running backwards. */
const backwards = (kpi: KpiDef, refs: RowRefs): Check => ({
  code: 'backwards', column: columnOf(kpi, 'end'), message: `is before ${columnOf(kpi, 'start')}`,
  says: { case: 'end-before-start', params: { end: columnOf(kpi, 'end'), start: columnOf(kpi, 'start') } },
  when: `${refs.ms(1)} is not null and ${refs.ms(1)} < ${refs.ms(0)}`,
});

const spanChecks = (kpi: KpiDef, refs: RowRefs) => [requiredTime(kpi, refs, 0, 'start'), readableTime(kpi, refs, 1, 'end'), backwards(kpi, refs)];


const score = (min: number, max: number, aggregates: FormulaSql['aggregates']): FormulaSql => ({
  kinds: ['number'],
  checks: (kpi, refs) => scoreCheck(kpi, refs, min, max),
  aggregates,
});

// sum_squares: with n and sum, what the core needs for a mean's 95 % interval (restoreTotal in core/kpi/formulas.ts).
const total: FormulaSql['aggregates'] = (_kpi, refs) => ({ n: 'count(*)', sum: `sum(${refs.r(0)})`, sum_squares: `sum(${refs.r(0)} * ${refs.r(0)})` });

const msUnit = (kpi: KpiDef) => (kpi.duration_unit === 'minutes' ? 60_000 : 3_600_000);

/** The SLA rate and on-time rate: rows still open count once their deadline is before the data date. */
function deadlineAggregates(refs: RowRefs, decided: string, hit: string, deadline: string, dataDate: () => string): Record<string, string> {
  return { n: refs.dialect.countIf(`${decided} or ${deadline} < ${dataDate()}`), hits: refs.dialect.countIf(`${decided} and ${hit}`) };
}

export const FORMULA_SQL: Record<FormulaId, FormulaSql> = {
  nps: score(0, 10, (_kpi, refs) => ({ n: 'count(*)', promoters: refs.dialect.countIf(`${refs.r(0)} >= 9`), detractors: refs.dialect.countIf(`${refs.r(0)} <= 6`) })),
  csat: score(1, 5, (_kpi, refs) => ({ n: 'count(*)', hits: refs.dialect.countIf(`${refs.r(0)} >= 4`) })),
  ces: score(1, 7, total),
  on_time_rate: {
    kinds: ['time', 'time'],
    checks: (kpi, refs) => [readableTime(kpi, refs, 0, 'done'), requiredTime(kpi, refs, 1, 'promised')],
    aggregates: (_kpi, refs, dataDate) =>
      deadlineAggregates(refs, `${refs.ms(0)} is not null`, `${refs.ms(0)} <= ${refs.ms(1)}`, refs.ms(1), dataDate),
  },
  response_time: {
    kinds: ['time', 'time'],
    checks: spanChecks,
    bucketed: (refs) => `${refs.ms(1)} is not null`,
    aggregates(kpi, refs) {
      const duration = `(${refs.ms(1)} - ${refs.ms(0)})`;
      const q = quantileOf(kpi);
      const exact: Record<string, string> = q === undefined ? {} : { quantile: refs.dialect.percentile(refs.param(q, 'number'), refs.dialect.number(duration)) };
      return { n: 'count(*)', sum: `sum(${duration})`, sum_squares: `sum(${refs.dialect.number(duration)} * ${refs.dialect.number(duration)})`, ...exact };
    },
  },
  within_sla_rate: {
    kinds: ['time', 'time'],
    checks: spanChecks,
    aggregates(kpi, refs, dataDate) {
      const sla = refs.param((kpi.sla ?? 0) * msUnit(kpi), 'number');
      return deadlineAggregates(refs, `${refs.ms(1)} is not null`, `${refs.ms(1)} - ${refs.ms(0)} <= ${sla}`, `${refs.ms(0)} + ${sla}`, dataDate);
    },
  },
  churn_rate: { kinds: ['time', 'time'], checks: spanChecks, aggregates: () => ({}) },
  retention_rate: { kinds: ['time', 'time'], checks: spanChecks, aggregates: () => ({}) },
  repeat_purchase_rate: {
    kinds: ['text'],
    checks: (kpi, refs) => [{
      code: 'customer', column: columnOf(kpi, 'customer'), message: 'is empty', when: `${refs.r(0)} is null or trim(${refs.r(0)}) = ''`,
      says: { case: 'db-empty', params: { column: columnOf(kpi, 'customer') } },
    }],
    aggregates: () => ({}), // two levels (orders per customer, then customers): see compile.ts
  },
  mean: { kinds: ['number'], checks: (kpi, refs) => [requiredNumber(kpi, refs, 0, 'value')], aggregates: total },
  sum: { kinds: ['number'], checks: (kpi, refs) => [requiredNumber(kpi, refs, 0, 'value')], aggregates: total },
  count: { kinds: [], checks: () => [], aggregates: () => ({ n: 'count(*)' }) },
  ratio: {
    kinds: ['number', 'number'],
    checks: (kpi, refs) => [requiredNumber(kpi, refs, 0, 'numerator'), requiredNumber(kpi, refs, 1, 'denominator')],
    aggregates: (_kpi, refs) => ({ n: 'count(*)', numerator: `sum(${refs.r(0)})`, denominator: `sum(${refs.r(1)})` }),
  },
};
