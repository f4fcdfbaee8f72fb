// The written-date formats are read without date-fns' `parse` (32 KB of the plugin for five of its
// forty tokens): the reader must give `parse`'s answer on every text, in every format the core
// tries, including its quirks (a one-letter month is that letter's first month, `3th` is an
// ordinal, white space may trail, years of one to four digits).
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { isValid, parse } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate, NAMED_FORMATS, parsed } from '../../src/core/dates';

const NUMERIC_FORMATS = ['/', '.', '-'].flatMap((sep) => [`yyyy${sep}M${sep}d`, `M${sep}d${sep}yyyy`, `d${sep}M${sep}yyyy`]);
const FORMATS = [...NAMED_FORMATS, ...NUMERIC_FORMATS];

/** What date-fns' `parse` makes of the text, as the core used it (on a UTC reference date). */
function byParse(text: string, format: string): string | undefined {
  const d = parse(text, format, new UTCDateMini(2000, 0, 1));
  return isValid(d) ? calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) : undefined;
}

const MONTH_WORDS = ['Jan', 'January', 'jan', 'JANUARY', 'Feb', 'February', 'Mar', 'March', 'Ma', 'May', 'Jun', 'June', 'Junee', 'Jul', 'July', 'Aug', 'August', 'Sep', 'Sept', 'September', 'Oct', 'October', 'Nov', 'November', 'nov', 'Dec', 'December', 'J', 'M', 'A', 'S', 'x', 'Noviembre', 'Mär'];
const piece = fc.oneof(
  fc.constantFrom(...MONTH_WORDS),
  fc.integer({ min: 0, max: 40 }).map(String),
  fc.integer({ min: 0, max: 40 }).map((n) => String(n).padStart(2, '0')),
  fc.tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom('st', 'nd', 'rd', 'th', 'TH', 'Th', 'x')).map(([n, s]) => `${n}${s}`),
  fc.constantFrom('2026', '1999', '0000', '0026', '26', '9999', '12345', '2024', '2100'),
  fc.constantFrom(' ', ', ', ',', '.', '. ', '-', '/', '  ', '\t', ' \t'),
  fc.string({ maxLength: 2 }),
);
const text = fc.array(piece, { minLength: 1, maxLength: 7 }).map((parts) => parts.join(''));
/** Texts of each format's own shape with random parts: most of them real or nearly real dates. */
function shaped(format: string): fc.Arbitrary<string> {
  const tokens = format.match(/do|d|MMMM|MMM|M|yyyy|./g) ?? [];
  return fc.tuple(...tokens.map((t) => (/^[dMy]/.test(t) ? piece : fc.oneof(fc.constant(t), piece)))).map((parts) => parts.join(''));
}

describe('written dates read as date-fns parse reads them', () => {
  it.each(FORMATS)('%s', (format) => {
    fc.assert(fc.property(fc.oneof(text, shaped(format)), (t) => {
      expect(parsed(t, format)).toBe(byParse(t, format));
    }), { numRuns: 400 });
  });

  it('on the texts people write, and their near misses', () => {
    const texts = ['14 Nov 2026', '14 November 2026', 'Nov 14, 2026', 'November 14, 2026', 'nov 14 2026', '1st March 2026', '3th March 2026', '14. November 2026', '14-Nov-2026', '14 J 2026',
      '29 Feb 2024', '29 Feb 2026', '31 Apr 2026', '0 Nov 2026', '14 Sept 2026', '14 Nov 26', '14 Nov 2026  ', ' 14 Nov 2026', '2026/11/14', '11/14/2026', '14.11.2026', '00/10/2026', '1/0/2026'];
    for (const t of texts) for (const format of FORMATS) expect([t, format, parsed(t, format)]).toEqual([t, format, byParse(t, format)]);
  });
});
