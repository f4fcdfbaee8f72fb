import fc from 'fast-check';
import matter from 'gray-matter';
import process from 'node:process';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, calendarDate, compareDates, daysBetween, isCalendarDate, readCalendarDate, relativeDay } from '../../src/core/dates';
import { runs } from '../stress';

/** What gray-matter (js-yaml 3, as the CLI uses) makes of one YAML value. */
function yamlValue(text: string): unknown {
  return (matter(`---\nvalue: ${text}\n---\n`, {}).data as { value: unknown }).value;
}

describe('readCalendarDate', () => {
  it('a YYYY-MM-DD string, as Obsidian gives it', () => {
    expect(readCalendarDate('2026-03-09')).toEqual({ kind: 'date', date: '2026-03-09' });
    expect(readCalendarDate('  2026-03-09 ')).toEqual({ kind: 'date', date: '2026-03-09' });
  });

  it('a js-yaml Date at UTC midnight is that day', () => {
    const value = yamlValue('2026-03-09');
    expect(value).toBeInstanceOf(Date);
    expect(readCalendarDate(value)).toEqual({ kind: 'date', date: '2026-03-09' });
  });

  it('a date-time written as text keeps the day as written, whatever its offset', () => {
    expect(readCalendarDate('2026-03-09T23:30:00-08:00')).toEqual({ kind: 'date', date: '2026-03-09' });
    expect(readCalendarDate('2026-03-09T00:30:00+14:00')).toEqual({ kind: 'date', date: '2026-03-09' });
    expect(readCalendarDate('2026-03-09 14:30')).toEqual({ kind: 'date', date: '2026-03-09' });
    expect(readCalendarDate("'2026-03-09'".slice(1, -1))).toEqual({ kind: 'date', date: '2026-03-09' });
  });

  it.each(['2026-02-30', '2026-13-01', '2025-02-29', '2026-00-10', '0000-01-01', 'next tuesday'])(
    'an impossible or unreadable date %s is invalid, shown as written',
    (text) => {
      expect(readCalendarDate(text)).toEqual({ kind: 'invalid', shown: text });
    },
  );

  it('03/09/2026 with no day/month order is invalid and says why; 2026-3-9 (year first) is a day', () => {
    expect(readCalendarDate('03/09/2026')).toMatchObject({ kind: 'invalid', shown: '03/09/2026', ambiguous: true });
    expect(readCalendarDate('2026-3-9')).toEqual({ kind: 'date', date: '2026-03-09' });
  });

  it('a leap day exists in leap years only', () => {
    expect(readCalendarDate('2028-02-29')).toEqual({ kind: 'date', date: '2028-02-29' });
    expect(calendarDate(2100, 2, 29)).toBeUndefined();
    expect(calendarDate(2000, 2, 29)).toBe('2000-02-29');
  });

  it.each([null, undefined, '', '   ', []])('%j is empty, not invalid', (value) => {
    expect(readCalendarDate(value)).toEqual({ kind: 'empty' });
  });

  it('numbers, booleans, objects and invalid Dates are invalid, never NaN', () => {
    expect(readCalendarDate(20260309)).toEqual({ kind: 'invalid', shown: '20260309' });
    expect(readCalendarDate(true)).toEqual({ kind: 'invalid', shown: 'true' });
    expect(readCalendarDate({ date: '2026-03-09' })).toEqual({ kind: 'invalid', shown: 'a non-date value' });
    expect(readCalendarDate(new Date(Number.NaN))).toEqual({ kind: 'invalid', shown: 'an invalid date' });
  });

  it('far past and far future dates within years 1 to 9999', () => {
    expect(readCalendarDate('0001-01-01')).toEqual({ kind: 'date', date: '0001-01-01' });
    expect(readCalendarDate('9999-12-31')).toEqual({ kind: 'date', date: '9999-12-31' });
    expect(readCalendarDate(new Date(Date.UTC(9999, 11, 31)))).toEqual({ kind: 'date', date: '9999-12-31' });
  });

  it('isCalendarDate accepts only real YYYY-MM-DD days', () => {
    expect(isCalendarDate('2026-03-09')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-03-09T10:00')).toBe(false);
    expect(isCalendarDate(new Date(0))).toBe(false);
  });
});

describe('arithmetic on calendar days', () => {
  it('across daylight-saving changes, a day is a day', () => {
    // US clocks go forward on 2026-03-08 and back on 2026-11-01; Europe on 03-29 and 10-25.
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-11-01', -1)).toBe('2026-10-31');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-03-07', '2026-03-10')).toBe(3);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-11-02', '2026-10-31')).toBe(-2);
  });

  it('across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('relativeDay says it in words', () => {
    expect(relativeDay('2026-03-09', '2026-03-09')).toBe('today');
    expect(relativeDay('2026-03-10', '2026-03-09')).toBe('tomorrow');
    expect(relativeDay('2026-03-08', '2026-03-09')).toBe('yesterday');
    expect(relativeDay('2026-03-13', '2026-03-09')).toBe('in 4 days');
    expect(relativeDay('2026-03-06', '2026-03-09')).toBe('3 days ago');
  });
});

describe('the same answers in every time zone', () => {
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  /** Everything a note's dates feed into, computed under the current TZ. */
  function answers(): unknown[] {
    const out: unknown[] = [];
    for (const v of ['2026-03-09', '2026-03-09T23:30:00-08:00', '2026-03-09T00:30:00+14:00', '2026-02-30', '']) {
      out.push(readCalendarDate(v), readCalendarDate(yamlValue(v)));
    }
    out.push(readCalendarDate(new Date(Date.UTC(2026, 2, 9))));
    // Days around every DST change of these zones in 2026 (and Havana's, which happens at midnight).
    for (const start of ['2026-03-07', '2026-03-28', '2026-04-04', '2026-09-26', '2026-10-24', '2026-10-31', '2026-03-14', '2026-11-07']) {
      for (const n of [-3, -1, 1, 2, 3, 30, 365]) {
        const later = addDays(start, n);
        out.push(later, daysBetween(start, later), relativeDay(later, start));
      }
    }
    return out;
  }

  const zones = ['Pacific/Kiritimati', 'America/Los_Angeles', 'Pacific/Pago_Pago', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Havana', 'Europe/London'];

  it('the runtime really switches zones (else this test would prove nothing)', () => {
    process.env.TZ = 'Pacific/Kiritimati';
    const kiritimati = new Date(2026, 0, 1).getTimezoneOffset();
    process.env.TZ = 'America/Los_Angeles';
    const losAngeles = new Date(2026, 0, 1).getTimezoneOffset();
    expect(kiritimati).toBe(-14 * 60);
    expect(losAngeles).toBe(8 * 60);
  });

  it.each(zones)('%s gives the same results as UTC', (zone) => {
    process.env.TZ = 'UTC';
    const utc = answers();
    process.env.TZ = zone;
    expect(answers()).toEqual(utc);
  });
});

describe('compareDates', () => {
  // Sorting by it must give the order the lists, callouts and plans had with localeCompare.
  const day = fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
    .map((d) => calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ?? '2026-03-09');
  const id = fc.stringMatching(/^[0-9a-f]{16}$/);
  it('orders calendar dates and follow-up ids as localeCompare does', () => {
    fc.assert(fc.property(fc.oneof(fc.tuple(day, day), fc.tuple(id, id)), ([a, b]) => {
      expect(Math.sign(compareDates(a, b))).toBe(Math.sign(a.localeCompare(b)));
    }), { numRuns: runs(5000) });
  });
});
