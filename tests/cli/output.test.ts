// The scan's JSON is written piece by piece; a script reading it must get exactly what
// JSON.stringify(value, null, 2) gave when the whole output was one string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../stress';
import { JsonList, listElementJson, writeJson } from '../../src/cli/output';

function written(value: Record<string, unknown>): { text: string; pieces: number } {
  let text = '';
  let pieces = 0;
  writeJson(value, (t) => {
    text += t;
    pieces += 1;
  });
  return { text, pieces };
}

describe('writeJson', () => {
  it('writes the same text as JSON.stringify(value, null, 2), for any JSON-like object', () => {
    const anything = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined))));
    fc.assert(fc.property(fc.dictionary(fc.string(), anything), (value) => {
      expect(written(value).text).toBe(JSON.stringify(value, null, 2));
    }), { numRuns: runs(400) });
  });

  it('writes a JsonList as the array of its shapes, one element at a time', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ n: i, name: `Ana ${i}` }));
    const shape = (x: { n: number; name: string }): unknown => ({ id: x.n, who: x.name, more: [x.n, { deep: true }] });
    const { text, pieces } = written({ today: '2026-03-09', followUps: new JsonList(items, shape), empty: new JsonList([], shape) });
    expect(text).toBe(JSON.stringify({ today: '2026-03-09', followUps: items.map(shape), empty: [] }, null, 2));
    expect(pieces).toBeGreaterThan(1000);
  });

  it('prints a list element in place, its lines four spaces in, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(`    ${listElementJson(value)}`).toBe((JSON.stringify(value, null, 2) ?? 'null').replace(/^/gm, '    '));
    }), { numRuns: runs(400) });
  });
});
