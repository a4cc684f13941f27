import { isCohortFormula } from '../../../core/kpi/cohort.ts';
import { rolesOf } from '../../../core/kpi/formulas.ts';
import type { KpiDef } from '../../../core/schema/kpis.ts';
import { quoteIdentifier, type Dialect, type ParamKind } from './dialect.ts';
import { FORMULA_SQL, type Check, type RowRefs } from './formulas.ts';

export type SqlParam = string | number;
export interface SqlQuery { sql: string; params: SqlParam[] }

/** The rows a KPI reads, as SQL: a quoted table, the user's query, or a file function; `param` adds a parameter. */
export type FromSql = (param: (value: SqlParam, kind: ParamKind) => string) => string;

/** Reasons a row is not bad but not used either. */
const FILTERED = 'filtered';

/** How many example keys are listed per reason a row was skipped. */
export const EXAMPLE_KEYS = 3;

/**
 * Compiles one KPI to the SQL its engine runs: the rows are typed and checked in SQL (the same checks,
 * in the same order, as the file engine), then only counts per reason and aggregates per bucket and
 * segment come back. Identifiers from kpis.yaml are quoted, values are parameters, never pasted.
 */
export class KpiSql {
  readonly checks: Check[];
  private readonly formula;
  private readonly cohort: boolean;
  private readonly kpi: KpiDef;
  private readonly from: FromSql;
  private readonly dialect: Dialect;
  private readonly key: string | undefined;

  constructor(kpi: KpiDef, from: FromSql, dialect: Dialect, key?: string) {
    this.kpi = kpi;
    this.from = from;
    this.dialect = dialect;
    this.key = key;
    this.formula = FORMULA_SQL[kpi.formula];
    this.cohort = isCohortFormula(kpi.formula);
    // Checks name columns only, never parameters, so they can be written once here.
    this.checks = this.formula.checks(kpi, this.refs(new Params(dialect)));
  }

  /** No rows: only the column names of the source, to check the KPI's columns before running it. */
  columns(): SqlQuery {
    const params = new Params(this.dialect);
    return params.query(`with pledge_source as (${this.from(params.add)}) select * from pledge_source limit 0`);
  }

  /** Rows per reason (null: used; `filtered`: left out by the filter), and the latest time among used rows. */
  counts(): SqlQuery {
    const params = new Params(this.dialect);
    const observed = this.cohort ? ['pledge_r0_ms', 'pledge_r1_ms'] : [this.deadlineIsTimestamp() ? 'pledge_r0_ms' : 'pledge_at_ms'];
    const maxima = observed.map((column, i) => `max(${column}) as observed_${i}`).join(', ');
    return params.query(`${this.checked(params)} select pledge_problem as problem, count(*) as rows, ${maxima} from pledge_checked group by pledge_problem`);
  }

  /** A few keys of skipped rows per reason (only with a declared key). */
  examples(): SqlQuery | undefined {
    if (!this.key) return undefined;
    const params = new Params(this.dialect);
    return params.query(`${this.checked(params)} select problem, key from (select pledge_problem as problem, pledge_key as key,
      row_number() over (partition by pledge_problem order by pledge_key) as pledge_rank from pledge_checked
      where pledge_problem is not null and pledge_problem <> '${FILTERED}') as pledge_bad where pledge_rank <= ${EXAMPLE_KEYS} order by problem, key`);
  }

  /** Aggregates per bucket start (`pledge_bucket`, wall-clock epoch ms) and segment (`pledge_whole` = 0 for a segment's row). */
  buckets(dataDate: number): SqlQuery {
    const params = new Params(this.dialect);
    const zone = params.add(this.kpi.timezone ?? 'UTC', 'text');
    const bucket = (instant: string) => this.dialect.epochMs(this.dialect.periodStart(instant, this.kpi.period, zone));
    const base = this.checked(params);
    if (this.cohort) return params.query(`${base}${this.cohortSql(bucket)}`);
    const refs = this.refs(params);
    const bucketed = this.formula.bucketed ? ` and ${this.formula.bucketed(refs)}` : '';
    const rows = `${base}, pledge_bucketed as (select *, ${bucket('pledge_at')} as pledge_bucket from pledge_checked where ${this.usable()}${bucketed})`;
    if (this.kpi.formula === 'repeat_purchase_rate') return params.query(`${rows}${this.repeatSql()}`);
    const aggregates = Object.entries(this.formula.aggregates(this.kpi, refs, () => params.add(dataDate, 'number')))
      .map(([name, sql]) => `${sql} as ${name}`);
    return params.query(`${rows} select ${this.grouped('pledge_bucketed', aggregates)}`);
  }

  /** `select` list and grouping: per bucket for the whole KPI, and per bucket and segment. */
  private grouped(from: string, aggregates: string[], extra: string[] = []): string {
    const segments = this.segmentColumns();
    const keys = ['pledge_bucket', ...extra];
    if (!segments.length) return `${[...keys, '0 as pledge_whole', ...aggregates].join(', ')} from ${from} group by ${keys.join(', ')}`;
    const columns = [...keys, ...segments, `grouping(${segments.join(', ')}) as pledge_whole`, ...aggregates];
    return `${columns.join(', ')} from ${from} group by grouping sets ((${keys.join(', ')}), (${[...keys, ...segments].join(', ')}))`;
  }

  /** Orders per customer and bucket, then customers and repeat customers per bucket. */
  private repeatSql(): string {
    const segments = this.segmentColumns();
    const inner = `pledge_customers as (select ${this.grouped('pledge_bucketed', ['count(*) as pledge_orders'], ['pledge_r0'])})`;
    const keys = ['pledge_bucket', ...segments, 'pledge_whole'].join(', ');
    return `, ${inner} select ${keys}, count(*) as n, ${this.dialect.countIf('pledge_orders >= 2')} as hits from pledge_customers group by ${keys}`;
  }

  /** Sign-ups in the bucket of the start, departures in the bucket of the end (see core/kpi/cohort.ts). */
  private cohortSql(bucket: (instant: string) => string): string {
    const segments = this.segmentColumns().map((s) => `, ${s}`).join('');
    const spans = `pledge_spans as (select *, ${bucket('pledge_r0')} as pledge_from, ${bucket('pledge_r1')} as pledge_to from pledge_checked where ${this.usable()})`;
    const events = `pledge_events as (select pledge_from as pledge_bucket${segments}, 1 as pledge_in, 0 as pledge_out, 0 as pledge_same from pledge_spans
      union all select pledge_to${segments}, 0, 1, case when pledge_from = pledge_to then 1 else 0 end from pledge_spans where pledge_r1 is not null)`;
    const aggregates = ['sum(pledge_in) as signups', 'sum(pledge_out) as departures', 'sum(pledge_same) as same_bucket_departures'];
    return `, ${spans}, ${events} select ${this.grouped('pledge_events', aggregates)}`;
  }

  /**
   * The rows with no problem, as the conjunction of the checks negated rather than `pledge_problem is
   * null`: the planner then estimates how many rows pass (from the columns' statistics) and groups them
   * by hashing; with the CASE it guesses a handful of rows and sorts them all. Checks never evaluate to
   * NULL once the checks before them passed, so both forms select the same rows.
   */
  private usable(): string {
    const conditions = [
      ...(this.key ? ["pledge_key is not null and pledge_key <> ''", 'pledge_copy = 1'] : []),
      'pledge_kept',
      ...(this.cohort ? [] : ['pledge_at is not null']),
      ...this.checks.map((check) => `not (${check.when})`),
    ];
    return conditions.join(' and ');
  }

  /** The source, its rows typed (`pledge_rows`), and each row's problem, if any (`pledge_checked`). */
  private checked(params: Params): string {
    const d = this.dialect;
    const column = (name: string) => `pledge_source.${quoteIdentifier(name)}`;
    const text = (name: string) => `trim(${d.text(column(name))})`;
    const select: string[] = [];
    const time = (name: string, as: string) => select.push(`${d.instant(column(name))} as ${as}`, `${d.epochMs(d.instant(column(name)))} as ${as}_ms`);
    if (!this.cohort) time(this.kpi.timestamp, 'pledge_at');
    this.formula.kinds.forEach((kind, i) => {
      const name = this.kpi.columns[this.roles()[i] ?? ''] ?? '';
      if (kind === 'time') {
        time(name, `pledge_r${i}`);
        select.push(`coalesce(${text(name)}, '') as pledge_r${i}_raw`);
      }
      else select.push(`${kind === 'number' ? d.number(column(name)) : d.text(column(name))} as pledge_r${i}`);
    });
    this.kpi.segment_by.forEach((name, i) => select.push(`coalesce(${text(name)}, '') as pledge_s${i}`));
    if (this.key) select.push(`${text(this.key)} as pledge_key`, `row_number() over (partition by ${text(this.key)}) as pledge_copy`);
    select.push(`${this.filterSql(params, text)} as pledge_kept`);
    const problems = [
      ...(this.key ? [`when pledge_key is null or pledge_key = '' then 'key'`, `when pledge_copy > 1 then 'duplicate'`] : []),
      `when not pledge_kept then '${FILTERED}'`,
      ...(this.cohort ? [] : [`when pledge_at is null then 'timestamp'`]),
      ...this.checks.map((check) => `when ${check.when} then '${check.code}'`),
    ];
    return `with pledge_source as (${this.from(params.add)}), pledge_rows as (select ${select.join(', ')} from pledge_source),
      pledge_checked as (select *, case ${problems.join(' ')} else null end as pledge_problem from pledge_rows)`;
  }

  /** The KPI's filter: values compare as text, like the file engine (`equals: 5` matches "5"). */
  private filterSql(params: Params, text: (name: string) => string): string {
    const filter = this.kpi.filter;
    if (!filter) return 'true';
    const cell = `coalesce(${text(filter.column)}, '')`;
    const parts: string[] = [];
    if (filter.equals !== undefined) parts.push(`${cell} = ${params.add(String(filter.equals), 'text')}`);
    if (filter.not !== undefined) parts.push(`${cell} <> ${params.add(String(filter.not), 'text')}`);
    if (filter.in) parts.push(filter.in.length ? `${cell} in (${filter.in.map((value) => params.add(String(value), 'text')).join(', ')})` : 'false');
    return parts.length ? `(${parts.join(' and ')})` : 'true';
  }

  private refs(params: Params): RowRefs {
    return { r: (i) => `pledge_r${i}`, ms: (i) => `pledge_r${i}_ms`, raw: (i) => `pledge_r${i}_raw`, param: params.add, dialect: this.dialect };
  }

  private roles(): readonly string[] {
    return rolesOf(this.kpi.formula);
  }

  private segmentColumns(): string[] {
    return this.kpi.segment_by.map((_, i) => `pledge_s${i}`);
  }

  /** on_time_rate timed by its deadline: the data reaches as far as the latest delivery, not the latest promise. */
  private deadlineIsTimestamp(): boolean {
    return this.kpi.formula === 'on_time_rate' && this.kpi.timestamp === this.kpi.columns.promised;
  }
}

/** Parameters in the order their placeholders appear. */
class Params {
  readonly values: SqlParam[] = [];
  private readonly dialect: Dialect;

  constructor(dialect: Dialect) {
    this.dialect = dialect;
  }

  readonly add = (value: SqlParam, kind: ParamKind): string => {
    this.values.push(value);
    return this.dialect.param(this.values.length, kind);
  };

  query(sql: string): SqlQuery {
    return { sql, params: [...this.values] };
  }
}
