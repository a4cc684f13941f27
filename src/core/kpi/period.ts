import type { Period } from '../schema/text.ts';
import { daysFromCivil, Zone } from './time.ts';

const DAY_MS = 86_400_000;

/** One period: its stable key (`2026-W07`, `2026-03`, `2026-Q1`) and its instants, start inclusive, end exclusive. */
export interface PeriodRange {
  key: string;
  start: number;
  end: number;
}

/** Civil date of a day number (Howard Hinnant's civil_from_days). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Start day (days since epoch, wall clock) and key of the period holding a wall-clock day. */
function periodDays(day: number, period: Period): { key: string; startDay: number; endDay: number } {
  if (period === 'week') {
    const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; Monday = 0
    const monday = day - weekday;
    const thursday = civilFromDays(monday + 3); // ISO weeks belong to the year of their Thursday
    const week = Math.floor((monday + 3 - daysFromCivil(thursday.year, 1, 1)) / 7) + 1;
    return { key: `${thursday.year}-W${pad(week)}`, startDay: monday, endDay: monday + 7 };
  }
  const { year, month } = civilFromDays(day);
  const first = period === 'month' ? month : month - ((month - 1) % 3);
  const months = period === 'month' ? 1 : 3;
  const next = first + months > 12 ? { y: year + 1, m: first + months - 12 } : { y: year, m: first + months };
  const key = period === 'month' ? `${year}-${pad(month)}` : `${year}-Q${(first + 2) / 3}`;
  return { key, startDay: daysFromCivil(year, first, 1), endDay: daysFromCivil(next.y, next.m, 1) };
}

/** Finds the period of an instant, in UTC or a time zone; remembers the last answer since rows come roughly in order. */
export class Periods {
  private readonly zone: Zone | undefined;
  private last: PeriodRange = { key: '', start: 0, end: 0 };

  readonly period: Period;

  constructor(period: Period, timeZone?: string) {
    this.period = period;
    this.zone = timeZone && timeZone !== 'UTC' ? new Zone(timeZone) : undefined;
  }

  of(utcMs: number): PeriodRange {
    const last = this.last;
    if (utcMs >= last.start && utcMs < last.end) return last;
    this.last = this.ofWall(this.zone ? this.zone.toWall(utcMs) : utcMs);
    return this.last;
  }

  /** The period holding a wall-clock time in the zone (e.g. the bucket start a database returned). */
  ofWall(wallMs: number): PeriodRange {
    const { key, startDay, endDay } = periodDays(Math.floor(wallMs / DAY_MS), this.period);
    return { key, start: this.toUtc(startDay * DAY_MS), end: this.toUtc(endDay * DAY_MS) };
  }

  /** The period right after this one. */
  next(range: PeriodRange): PeriodRange {
    return this.of(range.end);
  }

  private toUtc(wallMs: number): number {
    return this.zone ? this.zone.toUtc(wallMs) : wallMs;
  }
}

const PERIOD_KEYS: Record<Period, RegExp> = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  week: /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/,
};

/** Which kind of period a key names (`2026-03` month, `2026-Q1` quarter, `2026-W07` week), if any. */
export function periodKindOf(key: string): Period | undefined {
  return (Object.keys(PERIOD_KEYS) as Period[]).find((kind) => PERIOD_KEYS[kind].test(key));
}

/**
 * Keys of one kind sort as text in time order (zero-padded), so comparing them needs no dates.
 * Negative when a is earlier than b.
 */
export function comparePeriodKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The key of the period right after `key` (`2026-03` → `2026-04`, `2026-Q4` → `2027-Q1`, `2026-W53` → `2027-W01`). */
export function nextPeriodKey(key: string): string {
  const kind = periodKindOf(key);
  const match = kind ? PERIOD_KEYS[kind].exec(key) : null;
  if (!kind || !match) return key;
  const year = Number(match[1]);
  const index = Number(match[2]);
  if (kind === 'week') {
    const jan4 = daysFromCivil(year, 1, 4);
    const mondayOfWeek1 = jan4 - ((((jan4 + 3) % 7) + 7) % 7);
    return periodDays(mondayOfWeek1 + index * 7, 'week').key;
  }
  const startMonth = kind === 'month' ? index : (index - 1) * 3 + 1;
  return periodDays(daysFromCivil(year, startMonth, 1) + (kind === 'month' ? 31 : 92), kind).key;
}
