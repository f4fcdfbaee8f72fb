// Day arithmetic is done on day numbers, without Dates: a day a time zone skipped or repeated is
// still one day, and adding days is the exact inverse of counting them.
import fc from 'fast-check';
import process from 'node:process';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, calendarDate, daysBetween } from '../../src/core/dates';
import { runs } from '../stress';

describe('adding days', () => {
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('counts a day Kiritimati skipped (1994-12-31) like any other', () => {
    process.env.TZ = 'Pacific/Kiritimati';
    expect(addDays('1994-12-31', -3)).toBe('1994-12-28');
    expect(addDays('1994-12-30', 1)).toBe('1994-12-31');
    expect(addDays('1994-12-30', 2)).toBe('1995-01-01');
  });

  it('is the inverse of daysBetween, within years 1 to 9999', () => {
    const day = fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
      .map(([y, m, d]) => calendarDate(y, m, d))
      .filter((d): d is string => d !== undefined);
    fc.assert(
      fc.property(day, fc.integer({ min: -800000, max: 800000 }), (start, n) => {
        const later = addDays(start, n);
        if (later === '9999-12-31' || later === '0001-01-01') return; // clamped at the ends
        expect(calendarDate(Number(later.slice(0, 4)), Number(later.slice(5, 7)), Number(later.slice(8, 10)))).toBe(later);
        expect(daysBetween(start, later)).toBe(n);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('counts the days between two dates as the calendar does (checked against UTC day counts), within years 1 to 9999', () => {
    const day = fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
      .filter(([y, m, d]) => calendarDate(y, m, d) !== undefined);
    const utcDay = ([y, m, d]: [number, number, number]): number => {
      const date = new Date(0);
      date.setUTCFullYear(y, m - 1, d);
      return date.getTime() / 86_400_000;
    };
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(daysBetween(calendarDate(...a) ?? '', calendarDate(...b) ?? '')).toBe(utcDay(b) - utcDay(a));
      }),
      { numRuns: runs(2000) },
    );
    expect(daysBetween('1970-01-01', '2026-03-09')).toBe(20521);
  });
});
