// Whether a note's bytes may be written back: only when they are UTF-8 that round-trips exactly.
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8Exactly } from '../../src/core/utf8';
import { runs } from '../stress';

// Bytes near the edges of UTF-8: leads, continuations, surrogate and overlong ranges.
const edgyByte = fc.constantFrom(0x00, 0x0a, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff);
const bytes = fc.array(fc.oneof(edgyByte, fc.integer({ min: 0, max: 255 })), { maxLength: 40 }).map((a) => Uint8Array.from(a));

describe('decodeUtf8Exactly', () => {
  it('accepts exactly the bytes that survive a decode and encode (Node as the referee)', () => {
    fc.assert(fc.property(bytes, (b) => {
      const roundTrips = Buffer.from(Buffer.from(b).toString('utf8'), 'utf8').equals(Buffer.from(b));
      const reading = decodeUtf8Exactly(b);
      expect(reading.ok).toBe(roundTrips);
      if (reading.ok) expect(reading.text).toBe(Buffer.from(b).toString('utf8'));
      // Everything before the byte it names is good UTF-8.
      else expect(decodeUtf8Exactly(b.slice(0, reading.offset)).ok || b[reading.offset - 1]! >= 0x80).toBe(true);
    }), { numRuns: runs(3000) });
  });

  it('keeps a byte-order mark as text and accepts any string encoded', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const reading = decodeUtf8Exactly(new TextEncoder().encode(`\uFEFF${s}`));
      expect(reading).toEqual({ ok: true, text: `\uFEFF${s}` });
    }));
  });

  it.each([
    ['CESU-8', [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], 0],
    ['overlong', [0x41, 0xc0, 0xaf], 1],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['Latin-1 é', [0x63, 0x61, 0x66, 0xe9], 3],
    ['cut short', [0x41, 0x42, 0xe2, 0x82], 2],
  ])('%s: refused, naming the first bad byte', (_, list, offset) => {
    expect(decodeUtf8Exactly(Uint8Array.from(list))).toEqual({ ok: false, offset, byte: list[offset] });
  });
});
