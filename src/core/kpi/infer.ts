import type { FormulaId } from '../schema/kpis.ts';
import type { Cell } from './formulas.ts';
import { dateFormatsThatFit, parseTimestamp, type DateFormat } from './time.ts';

/**
 * What a data file's columns look like, from its header and a sample of rows, and which KPI formulas
 * they could feed. Pure: the rows were read by the same reader the KPI engine uses. Suggestions only:
 * the user (or the flags of `pledge kpi add`) decides, and an ambiguous date format is never guessed.
 */

export type ColumnKind =
  | 'timestamp' // ISO 8601, or one date_format that fits every value
  | 'ambiguous-date' // 03/10/2026: day-first and month-first both fit, so the user must say which
  | 'score-0-10' // whole numbers from 0 to 10, at least one above 5 (NPS)
  | 'score-1-5' // whole numbers from 1 to 5 (CSAT)
  | 'integer'
  | 'amount' // numbers with decimals
  | 'id' // text that names a row or a customer (repeats allowed)
  | 'text'
  | 'empty';

export interface ColumnProfile {
  name: string;
  kind: ColumnKind;
  /** For a timestamp that is not ISO 8601: the date_format it needs. For an ambiguous date: the candidates. */
  dateFormats: DateFormat[];
  /** Values in the sample (non-empty), and how many distinct ones: repeats make an id a customer id. */
  filled: number;
  distinct: number;
}

export interface Proposal {
  formula: FormulaId;
  /** Role → column, as kpis.yaml's `columns` writes it. */
  columns: Record<string, string>;
  /** The column that places a row in a period. */
  timestamp: string;
  /** Why, in a few words (shown by the wizard). */
  reason: string;
}

const NAMES = {
  promised: /promis|due|deadline|expected|target|sla/i,
  done: /return|deliver|done|complet|finish|ship|ready|resolv|clos|collect|fix/i,
  start: /open|creat|receiv|start|submit|request|ask|drop|arriv|placed|order/i,
  end: /repl|respon|answer|first|end|resolv|clos|finish/i,
  customer: /customer|client|user|member|account|buyer|email/i,
  nps: /nps|recommend/i,
  csat: /csat|satisf/i,
  ces: /ces\b|effort/i,
};
const ID_NAME = /(^|_|\b)(id|code|ref|number|no|email)$/i;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+([.,]\d+)?$/;

/** The kind of every column, from the sample rows (cells in header order). */
export function profileColumns(header: readonly string[], rows: readonly (readonly Cell[])[]): ColumnProfile[] {
  return header.map((name, index) => profileOne(name, rows.map((row) => cellText(row[index])).filter((text) => text !== '')));
}

function cellText(cell: Cell): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

function profileOne(name: string, values: string[]): ColumnProfile {
  const base = { name, dateFormats: [] as DateFormat[], filled: values.length, distinct: new Set(values).size };
  if (values.length === 0) return { ...base, kind: 'empty' };
  if (values.every((v) => !Number.isNaN(parseTimestamp(v)))) return { ...base, kind: 'timestamp' };
  if (values.every((v) => INTEGER.test(v))) return { ...base, ...numberKind(name, values.map(Number)) };
  if (values.every((v) => DECIMAL.test(v))) return { ...base, kind: 'amount' };
  const dates = dateFormatsThatFit(values).filter((format) => format === 'DD/MM/YYYY' || format === 'MM/DD/YYYY');
  if (dates.length === 1) return { ...base, kind: 'timestamp', dateFormats: dates };
  if (dates.length > 1) return { ...base, kind: 'ambiguous-date', dateFormats: dates };
  return { ...base, kind: ID_NAME.test(name) || base.distinct < values.length ? 'id' : 'text' };
}

/** Whole numbers: a score scale, seconds since 1970 when the name says it is a time, or a plain integer. */
function numberKind(name: string, numbers: number[]): Pick<ColumnProfile, 'kind' | 'dateFormats'> {
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  if (/(_at|time|date)$/i.test(name) && min > 1e8) return { kind: 'timestamp', dateFormats: dateFormatsThatFit(numbers.map(String)) };
  if (min >= 1 && max <= 5) return { kind: 'score-1-5', dateFormats: [] };
  if (min >= 0 && max <= 10 && max > 5) return { kind: 'score-0-10', dateFormats: [] };
  if (ID_NAME.test(name)) return { kind: 'id', dateFormats: [] };
  return { kind: 'integer', dateFormats: [] };
}

/**
 * The formulas the columns could feed, likeliest first: two timestamps (on time when one of them is a
 * promise, else a response time), a 0–10 score (NPS), a 1–5 score (CSAT), a customer id (repeat purchase).
 */
export function proposeKpis(profiles: readonly ColumnProfile[]): Proposal[] {
  const times = profiles.filter((p) => p.kind === 'timestamp' || p.kind === 'ambiguous-date').map((p) => p.name);
  const first = times[0];
  if (first === undefined) return [];
  const proposals: Proposal[] = [...timeProposals(times)];
  for (const p of profiles) {
    if (p.kind === 'score-0-10') proposals.push({ formula: NAMES.csat.test(p.name) ? 'csat' : 'nps', columns: { score: p.name }, timestamp: first, reason: `${p.name} holds whole numbers from 0 to 10` });
    if (p.kind === 'score-1-5') proposals.push({ formula: NAMES.nps.test(p.name) ? 'nps' : NAMES.ces.test(p.name) ? 'ces' : 'csat', columns: { score: p.name }, timestamp: first, reason: `${p.name} holds whole numbers from 1 to 5` });
  }
  const customer = profiles.find((p) => p.kind === 'id' && NAMES.customer.test(p.name));
  if (customer) proposals.push({ formula: 'repeat_purchase_rate', columns: { customer: customer.name }, timestamp: first, reason: `${customer.name} names a customer` });
  return proposals;
}

function timeProposals(times: readonly string[]): Proposal[] {
  if (times.length < 2) return [];
  const promised = times.find((name) => NAMES.promised.test(name));
  const proposals: Proposal[] = [];
  if (promised) {
    const others = times.filter((name) => name !== promised);
    const done = others.find((name) => NAMES.done.test(name)) ?? others[others.length - 1] ?? '';
    proposals.push({ formula: 'on_time_rate', columns: { done, promised }, timestamp: promised, reason: `${promised} is a promised time and ${done} when it was done` });
  }
  const start = times.find((name) => name !== promised && NAMES.start.test(name)) ?? times[0] ?? '';
  const end = times.find((name) => name !== start && name !== promised && NAMES.end.test(name))
    ?? times.find((name) => name !== start && name !== promised) ?? times.find((name) => name !== start) ?? '';
  proposals.push({ formula: 'response_time', columns: { start, end }, timestamp: start, reason: `the time from ${start} to ${end}` });
  return proposals;
}
