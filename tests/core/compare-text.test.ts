import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../stress';
import { compareText } from '../../src/core/text';

// Follow-ups of one day and kind are listed by title: the order must be the collator's, with or
// without it loaded.
describe('compareText', () => {
  const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 8 });
  const nearly = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', ' ', '-', '_', '1', '.', "'", 'z', 'Z'), maxLength: 6 });

  it('orders printable ASCII as localeCompare does', () => {
    fc.assert(
      fc.property(fc.oneof(ascii, nearly), fc.oneof(ascii, nearly), (a, b) => {
        expect(Math.sign(compareText(a, b))).toBe(Math.sign(a.localeCompare(b)));
      }),
      { numRuns: runs(20000) },
    );
  });

  it('orders follow-up titles as localeCompare does, other text included', () => {
    const titles = ['Send a thank-you letter to Ana Silva', 'Send a thank-you letter to ana silva', 'Send a thank-you letter to Ben Ito', 'Send a thank-you letter to Chloé Moreau', 'Send a thank-you letter to each person who interviewed you on 2026-03-10', 'Send a thank-you letter to Émile', 'Send a thank-you letter to Ana-Maria', "Send a thank-you letter to O'Brien"];
    expect([...titles].sort(compareText)).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  });
});
