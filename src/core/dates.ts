// Calendar dates. A note's date is a day on a calendar, not an instant: the same note gives the
// same day in every time zone. Dates as people write them are read by the few date-fns format tokens
// they need (below), with date-fns' English locale matching month names and ordinals; day arithmetic
// is integer arithmetic on day counts (below), so no time-zone offset enters.
import { enUS } from 'date-fns/locale/en-US';
import type { CalendarDate, DateOrder, DateOrderSetting } from './model';

export type DateReading =
  | { kind: 'date'; date: CalendarDate }
  | { kind: 'empty' }
  | { kind: 'invalid'; /** the value as written, for the message */ shown: string; /** why, when more can be said */ why?: string; /** readable under a day/month order */ ambiguous?: true };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2})/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC so the host's zone never matters.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Builds a calendar date from its parts, or undefined when the day does not exist (2026-02-30). */
export function calendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Reads any date shape a note may hold: `YYYY-MM-DD`, a date-time (the day as written, whatever
 * the offset), a JavaScript Date (js-yaml gives UTC midnight for a plain date, so UTC fields), or a
 * date people write (`11/14/2026`, `14.11.2026`, `14 Nov 2026`, `Nov 14, 2026`) read under `order`.
 */
export function readCalendarDate(value: unknown, order: DateOrderSetting = 'auto'): DateReading {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) return { kind: 'invalid', shown: 'an invalid date' };
    const date = calendarDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return date ? { kind: 'date', date } : { kind: 'invalid', shown: value.toISOString() };
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return { kind: 'empty' };
    const m = ISO_DAY.exec(text);
    if (m) {
      const date = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
      if (date) return { kind: 'date', date };
    }
    const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    return m ? { kind: 'invalid', shown } : readWrittenDate(text, shown, order);
  }
  if (Array.isArray(value) && value.length === 0) return { kind: 'empty' };
  const shown = typeof value === 'number' || typeof value === 'boolean' ? String(value) : 'a non-date value';
  return { kind: 'invalid', shown };
}

// ---- Dates as people write them ---------------------------------------------------------------

/** Day, month and year as numbers with one separator (`/`, `.` or `-`), the year in four digits. */
const NUMERIC = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})\.?$/;
/** With the month's name, in English (date-fns' default locale): tried in this order. */
export const NAMED_FORMATS = ['d MMM yyyy', 'd MMMM yyyy', 'MMM d, yyyy', 'MMMM d, yyyy', 'MMM d yyyy', 'MMMM d yyyy', 'do MMM yyyy', 'do MMMM yyyy', 'd. MMMM yyyy', 'd-MMM-yyyy'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// date-fns' `parse` brings a parser for each of its forty tokens and a Date to set (32 KB of the
// plugin): these formats use five, read here by date-fns' own rules for each (the numbers' patterns
// of its parsers, its locale's matchers for names and ordinals), property-tested equal to `parse`.
const DAY = /^(3[0-1]|[0-2]?\d)/;
const MONTH = /^(1[0-2]|0?\d)/;
const YEAR = /^\d{1,4}/;
const TOKENS = /do|d|MMMM|MMM|M|yyyy|./g;
type Match = { value: number; rest: string } | null;
const number = (pattern: RegExp, text: string, offset = 0): Match => {
  const m = pattern.exec(text);
  return m ? { value: parseInt(m[0], 10) + offset, rest: text.slice(m[0].length) } : null;
};
const month = (text: string, width: 'wide' | 'abbreviated' | 'narrow'): Match => enUS.match.month(text, { width, context: 'formatting' });

/** The day `text` is in `format` (date-fns tokens `d`, `do`, `M`, `MMM`, `MMMM`, `yyyy`), or undefined. */
export function parsed(text: string, format: string): CalendarDate | undefined {
  let rest = text;
  let year = 0;
  let monthIndex = -1;
  let day = 0;
  for (const token of format.match(TOKENS) ?? []) {
    let m: Match;
    if (token === 'd') m = number(DAY, rest);
    else if (token === 'do') m = enUS.match.ordinalNumber(rest, { unit: 'date' });
    else if (token === 'M') m = number(MONTH, rest, -1);
    else if (token === 'MMM') m = month(rest, 'abbreviated') ?? month(rest, 'narrow');
    else if (token === 'MMMM') m = month(rest, 'wide') ?? month(rest, 'abbreviated') ?? month(rest, 'narrow');
    else if (token === 'yyyy') m = number(YEAR, rest);
    else m = rest.startsWith(token) ? { value: 0, rest: rest.slice(token.length) } : null;
    if (!m) return undefined;
    if (token[0] === 'd') day = m.value;
    else if (token[0] === 'M') monthIndex = m.value;
    else if (token === 'yyyy') year = m.value;
    rest = m.rest;
  }
  // Like `parse`: only white space may follow; then the day must exist (calendarDate checks).
  return /\S/.test(rest) ? undefined : calendarDate(year, monthIndex + 1, day);
}

function spoken(date: CalendarDate): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}`;
}

function readWrittenDate(text: string, shown: string, order: DateOrderSetting): DateReading {
  const n = NUMERIC.exec(text);
  if (n) {
    const [, a = '', sep = '/', b = '', c = ''] = n;
    if (a.length === 4) {
      const date = parsed(`${a}${sep}${b}${sep}${c}`, `yyyy${sep}M${sep}d`);
      return date ? { kind: 'date', date } : { kind: 'invalid', shown };
    }
    if (c.length !== 4) return { kind: 'invalid', shown, why: 'its year is not written in four digits' };
    const body = `${a}${sep}${b}${sep}${c}`;
    const mdy = parsed(body, `M${sep}d${sep}yyyy`);
    const dmy = parsed(body, `d${sep}M${sep}yyyy`);
    if (order === 'MDY' || order === 'DMY') {
      const date = order === 'MDY' ? mdy : dmy;
      if (date) return { kind: 'date', date };
      return { kind: 'invalid', shown, why: `it is not a date in the ${order} order set in Date order (dateOrder)` };
    }
    // Without a day/month order (none set, none learned from the vault): only what one order allows.
    if (mdy && dmy && mdy !== dmy) {
      return {
        kind: 'invalid',
        shown,
        why: `it could be ${spoken(mdy)} or ${spoken(dmy)}; set Date order (dateOrder) to MDY or DMY`,
        ambiguous: true,
      };
    }
    const date = mdy ?? dmy;
    return date ? { kind: 'date', date } : { kind: 'invalid', shown };
  }
  if (/[a-z]/i.test(text) && /\d{4}/.test(text)) {
    for (const format of NAMED_FORMATS) {
      const date = parsed(text, format);
      if (date) return { kind: 'date', date };
    }
  }
  return { kind: 'invalid', shown };
}

/**
 * The day/month order a vault's own dates show, from the numeric ones only one order can read
 * (`11/14/2026` is MDY, `14.11.2026` DMY). Undefined when none tells, or when they disagree.
 */
export function learnDateOrder(values: Iterable<unknown>): DateOrder | undefined {
  let mdy = 0;
  let dmy = 0;
  for (const value of values) {
    const vote = dateOrderVote(value);
    if (vote === 'MDY') mdy++;
    else if (vote === 'DMY') dmy++;
  }
  if (mdy > 0 && dmy === 0) return 'MDY';
  if (dmy > 0 && mdy === 0) return 'DMY';
  return undefined;
}

/** What one value says about the day/month order, if anything. */
export function dateOrderVote(value: unknown): DateOrder | undefined {
  if (typeof value !== 'string') return undefined;
  const n = NUMERIC.exec(value.trim());
  if (!n || (n[4] ?? '').length !== 4) return undefined;
  const a = Number(n[1]);
  const b = Number(n[3]);
  if (a > 12 && b >= 1 && b <= 12 && a <= 31) return 'DMY';
  if (b > 12 && a >= 1 && a <= 12 && b <= 31) return 'MDY';
  return undefined;
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && readCalendarDate(value).kind === 'date';
}

/** The day `days` after `date` (negative: before). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + Math.trunc(days));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Calendar dates (and other plain ASCII keys such as follow-up ids) in order: `YYYY-MM-DD` sorts as
 * text, the same order `localeCompare` gives, without loading a collator (the first `localeCompare`
 * of a process costs 10 to 25 ms, most of the start of one `advise`).
 */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two dates. */
export function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

/** "today", "tomorrow", "yesterday", "in 4 days", "3 days ago": from `today` to `date`. */
export function relativeDay(date: CalendarDate, today: CalendarDate): string {
  const n = daysBetween(today, date);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  if (n > 1) return n < 14 ? `in ${n} days` : n < 60 ? `in ${Math.round(n / 7)} weeks` : `in ${Math.round(n / 30)} months`;
  const ago = -n;
  return ago < 14 ? `${ago} days ago` : ago < 60 ? `${Math.round(ago / 7)} weeks ago` : `${Math.round(ago / 30)} months ago`;
}

// ---- Day arithmetic ------------------------------------------------------------------------
// A calendar date as a count of days, in integer arithmetic on the proleptic Gregorian calendar
// (no Date objects, so no time zone can enter and no day is ever skipped or doubled; a date-fns
// day difference on Date objects cost 4 to 6 us a call on the core's hot path, this 0.2).

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (negative before it). */
export function dayNumber(date: CalendarDate): number {
  // Read digit by digit: three slices and their numbers for each of the thousands of days a pass
  // over the vault compares. Anything else in those places goes by the slices (the same answer).
  const y = digitsAt(date, 0, 4);
  const m = digitsAt(date, 5, 7);
  const d = digitsAt(date, 8, 10);
  const month = m < 0 ? Number(date.slice(5, 7)) : m;
  const day = d < 0 ? Number(date.slice(8, 10)) : d;
  const year = (y < 0 ? Number(date.slice(0, 4)) : y) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The number the ASCII digits from `start` to `end` write; -1 when any of them is not one. */
function digitsAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The `YYYY-MM-DD` date of a day count: the inverse of {@link dayNumber}, kept within years 1 to 9999. */
export function fromDayNumber(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  // A five-digit year would sort before today as text, so a letter due after an interview on
  // 9999-12-31 would come out due today.
  if (year > 9999) return '9999-12-31';
  if (year < 1) return '0001-01-01';
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}
