/**
 * Timestamps without a date library: a fast ISO-8601 parser (the hot path of every KPI) and time-zone
 * offsets from Intl, cached, because Intl is far too slow to call once per row.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : MONTH_DAYS[month - 1] ?? 0;
}

/** The number written by two ASCII digits at `at`, or −1. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * Parses `YYYY-MM-DD`, optionally followed by `T` or a space, `HH:MM`, `:SS`, `.fraction`, and `Z` or
 * `±HH:MM` / `±HHMM`. Returns epoch milliseconds, or NaN when the text is not such a timestamp or names a
 * day that does not exist. A timestamp with no zone is a wall-clock time: `naiveToUtc` turns it into
 * UTC (the default reads it as UTC).
 */
export function parseTimestamp(text: string, naiveToUtc?: (wallMs: number) => number): number {
  const length = text.length;
  if (length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const century = twoDigits(text, 0);
  const year = century < 0 ? -1 : century * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (year < 0 || year < century * 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  let ms = daysFromCivil(year, month, day) * DAY_MS;
  if (length === 10) return naiveToUtc ? naiveToUtc(ms) : ms;
  const sep = text.charCodeAt(10);
  if ((sep !== 84 && sep !== 32) || length < 16 || text.charCodeAt(13) !== 58) return NaN;
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  ms += hour * 3_600_000 + minute * 60_000;
  let at = 16;
  if (text.charCodeAt(at) === 58) {
    const second = twoDigits(text, at + 1);
    if (second < 0 || second > 59) return NaN;
    ms += second * 1000;
    at += 3;
    if (text.charCodeAt(at) === 46 || text.charCodeAt(at) === 44) {
      let end = at + 1;
      while (end < length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      if (end === at + 1) return NaN;
      ms += Math.floor(Number(`0.${text.slice(at + 1, end)}`) * 1000);
      at = end;
    }
  }
  return zoned(text, at, ms, naiveToUtc);
}

function zoned(text: string, at: number, wallMs: number, naiveToUtc?: (wallMs: number) => number): number {
  const length = text.length;
  if (at === length) return naiveToUtc ? naiveToUtc(wallMs) : wallMs;
  const sign = text.charCodeAt(at);
  if ((sign === 90 || sign === 122) && at + 1 === length) return wallMs;
  if (sign !== 43 && sign !== 45) return NaN;
  const hours = twoDigits(text, at + 1);
  const colon = text.charCodeAt(at + 3) === 58 ? 1 : 0;
  const minutes = twoDigits(text, at + 3 + colon);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || at + 5 + colon !== length) return NaN;
  const offset = (hours * 60 + minutes) * 60_000;
  return sign === 43 ? wallMs - offset : wallMs + offset;
}

/** The number written by two ASCII digits at `at` of a byte array, or −1 (twoDigits for bytes). */
function twoByteDigits(bytes: Uint8Array, at: number): number {
  const tens = (bytes[at] ?? 0) - 48;
  const ones = (bytes[at + 1] ?? 0) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * parseTimestamp of bytes [from, end), without making a string of them: the CSV reader's fast path
 * for timestamp columns, where a string per cell and its parse were a quarter of the scan. It takes a
 * subset of what parseTimestamp takes, with the same result: a timestamp without a zone only when
 * `naive` (then as UTC), and no fraction of a second or surrounding space. The epoch ms go to
 * `into[column]` (a number array, not a return value: a returned double is a heap number when the call
 * is not inlined, one allocation per cell). False for anything else, and the caller then hands over the
 * text, read as it always was; so false here never means "not a date".
 * `lastDay` caches the day number of the last date seen by this column (sorted exports repeat it).
 */
export function parseTimestampBytes(bytes: Uint8Array, from: number, end: number, naive: boolean, lastDay: Int32Array, column: number, into: Float64Array): boolean {
  const length = end - from;
  if (length < 10 || bytes[from + 4] !== 45 || bytes[from + 7] !== 45) return false;
  const century = twoByteDigits(bytes, from);
  const yy = twoByteDigits(bytes, from + 2);
  const month = twoByteDigits(bytes, from + 5);
  const day = twoByteDigits(bytes, from + 8);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return false;
  const year = century * 100 + yy;
  // The date as one number (year, month, day in decimal places): the key of the cached day number.
  const date = year * 10_000 + month * 100 + day;
  let days: number;
  if (lastDay[column * 2] === date) days = lastDay[column * 2 + 1] ?? 0;
  else {
    if (day > daysInMonth(year, month)) return false;
    days = daysFromCivil(year, month, day);
    lastDay[column * 2] = date;
    lastDay[column * 2 + 1] = days;
  }
  let ms = days * DAY_MS;
  if (length === 10) return naive && put(into, column, ms);
  const sep = bytes[from + 10];
  if ((sep !== 84 && sep !== 32) || length < 16 || bytes[from + 13] !== 58) return false;
  const hour = twoByteDigits(bytes, from + 11);
  const minute = twoByteDigits(bytes, from + 14);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
  ms += hour * 3_600_000 + minute * 60_000;
  let at = from + 16;
  if (bytes[at] === 58 && at < end) {
    const second = twoByteDigits(bytes, at + 1);
    if (second < 0 || second > 59 || at + 3 > end) return false;
    ms += second * 1000;
    at += 3;
  }
  if (at === end) return naive && put(into, column, ms);
  const sign = bytes[at];
  if (sign === 90 || sign === 122) return at + 1 === end && put(into, column, ms);
  if ((sign !== 43 && sign !== 45) || at + 5 > end) return false;
  const hours = twoByteDigits(bytes, at + 1);
  const colon = bytes[at + 3] === 58 ? 1 : 0;
  const minutes = twoByteDigits(bytes, at + 3 + colon);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || at + 5 + colon !== end) return false;
  const offset = (hours * 60 + minutes) * 60_000;
  return put(into, column, sign === 43 ? ms - offset : ms + offset);
}

/** Stores a parsed timestamp; true. */
function put(into: Float64Array, column: number, ms: number): true {
  into[column] = ms;
  return true;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const SLOT_MS = 15 * 60_000;

/** UTC offsets of one IANA zone, memoised per 15 minutes (every real zone changes offset on such a boundary). */
export class Zone {
  private readonly format: Intl.DateTimeFormat;
  private readonly cache = new Map<number, number>();

  readonly name: string;

  constructor(name: string) {
    this.name = name;
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  }

  /** Milliseconds to add to a UTC instant to get the wall-clock time in this zone. */
  offsetAt(utcMs: number): number {
    const slot = Math.floor(utcMs / SLOT_MS);
    let offset = this.cache.get(slot);
    if (offset === undefined) {
      offset = this.compute(slot * SLOT_MS);
      this.cache.set(slot, offset);
    }
    return offset;
  }

  toWall(utcMs: number): number {
    return utcMs + this.offsetAt(utcMs);
  }

  /** The instant a wall-clock time happens; in a DST gap, the instant just after it. */
  toUtc(wallMs: number): number {
    const guess = wallMs - this.offsetAt(wallMs);
    return wallMs - this.offsetAt(guess);
  }

  private compute(utcMs: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(utcMs)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const wall = daysFromCivil(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1) * DAY_MS
      + (parts.hour ?? 0) * 3_600_000 + (parts.minute ?? 0) * 60_000 + (parts.second ?? 0) * 1000;
    return wall - utcMs;
  }
}

/** How a source writes its timestamps (`date_format` in kpis.yaml). The time after the date is optional. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'epoch_s', 'epoch_ms'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** `D/M/YYYY` or `DD.MM.YYYY`, then optionally ` HH:MM`, `:SS`, `.fraction` (spreadsheets' exports). */
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?$/;
const EPOCH = /^-?\d+(\.\d+)?$/;

/**
 * The parser of one date format. Day-first and month-first dates are wall-clock times, like ISO ones
 * without a zone; epoch numbers are instants. Never guesses: a date that does not fit is NaN.
 */
export function timestampParser(format: DateFormat = 'YYYY-MM-DD'): (text: string, naiveToUtc?: (wallMs: number) => number) => number {
  if (format === 'YYYY-MM-DD') return parseTimestamp;
  if (format === 'epoch_s' || format === 'epoch_ms') {
    const scale = format === 'epoch_s' ? 1000 : 1;
    return (text) => (EPOCH.test(text) ? Math.round(Number(text) * scale) : NaN);
  }
  const dayFirst = format === 'DD/MM/YYYY';
  return (text, naiveToUtc) => {
    const match = DAY_FIRST.exec(text);
    if (!match) return NaN;
    const [, a = '', , b = '', y = '', h = '0', mi = '0', s = '0', fraction = ''] = match;
    const [day, month, year, hour, minute, second] = [dayFirst ? a : b, dayFirst ? b : a, y, h, mi, s].map(Number) as [number, number, number, number, number, number];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return NaN;
    const wall = daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000
      + (fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0);
    return naiveToUtc ? naiveToUtc(wall) : wall;
  };
}

/**
 * Which date_format a value that is not ISO 8601 seems to be written in, to suggest one (never to
 * apply it): `31/03/2026` can only be day-first, `03/31/2026` only month-first, `03/10/2026` either.
 */
export function dateFormatsThatFit(values: readonly string[]): DateFormat[] {
  const fits = DATE_FORMATS.filter((format) => format !== 'YYYY-MM-DD' && values.length > 0
    && values.every((value) => !Number.isNaN(timestampParser(format)(value.trim()))));
  // A bare number fits both epochs: seconds unless it is too big to be seconds before the year 5000.
  if (fits.includes('epoch_s') && fits.includes('epoch_ms')) {
    return values.some((value) => Math.abs(Number(value)) > 1e11) ? ['epoch_ms'] : ['epoch_s'];
  }
  return fits;
}
