// @vitest-environment happy-dom
// The editor gets the smallest change that turns the note into its new text: applying it always gives
// exactly the new text, and it never cuts a character (an emoji's surrogate pair, a CRLF) in two.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallestChange } from '../../src/core/text-change';
import { runs } from '../stress';

const pieces = fc.constantFrom('a', 'b', '\n', '\r\n', '😀', '👩‍💻', '>', ' ', 'é');
const text = fc.array(pieces, { maxLength: 30 }).map((p) => p.join(''));

function splitsPair(s: string, i: number): boolean {
  const before = s.charCodeAt(i - 1);
  const after = s.charCodeAt(i);
  return (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) || (before === 13 && after === 10);
}

describe('smallestChange', () => {
  it('turns the old text into the new one, by whole characters only', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const change = smallestChange(before, after);
        if (before === after) return change === undefined;
        if (!change) return false;
        const applied = before.slice(0, change.from) + change.insert + before.slice(change.to);
        expect(applied).toBe(after);
        for (const i of [change.from, change.to]) expect(splitsPair(before, i)).toBe(false);
        for (const i of [change.from, change.from + change.insert.length]) expect(splitsPair(after, i)).toBe(false);
        return true;
      }),
      { numRuns: runs(2000) },
    );
  });

  it('touches only the block when the rest of a note is the same', () => {
    const note = 'Intro\n\nMy notes 😀\n';
    const withBlock = 'Intro\n%% block %%\n\nMy notes 😀\n';
    expect(smallestChange(note, withBlock)).toEqual({ from: 6, to: 6, insert: '%% block %%\n' });
  });
});
