// The CLI's memory in the vault merges like a set: in any order, any number of times, across copies
// made by a sync, no entry is ever lost, and the same entries always give the same bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLedgerFileName, mergeLedgers, parseLedger, renderLedger } from '../../src/core/ledger';
import type { LedgerEntry } from '../../src/core/ledger';

const entry: fc.Arbitrary<LedgerEntry> = fc.record({
  id: fc.stringMatching(/^[0-9a-f]{16}$/),
  application: fc.string({ maxLength: 40 }),
  title: fc.string({ maxLength: 60 }),
  path: fc.string({ maxLength: 60 }),
  created: fc.constantFrom('2026-03-08', '2026-03-09', '2026-03-10'),
});
const ledger = fc.array(entry, { maxLength: 12 });
const ids = (list: LedgerEntry[]): string[] => list.map((e) => e.id).sort();

describe('the ledger', () => {
  it('reads back what it wrote', () => {
    fc.assert(fc.property(ledger, (list) => {
      expect(parseLedger(renderLedger(list))).toEqual(mergeLedgers(list));
    }));
  });

  it('merges as a union: order, grouping and repetition never change the result', () => {
    fc.assert(fc.property(ledger, ledger, ledger, (a, b, c) => {
      const ab = mergeLedgers(a, b);
      expect(mergeLedgers(b, a)).toEqual(ab);
      expect(mergeLedgers(mergeLedgers(a, b), c)).toEqual(mergeLedgers(a, mergeLedgers(b, c)));
      expect(mergeLedgers(ab, ab, a)).toEqual(ab);
      expect(ids(ab)).toEqual([...new Set([...a, ...b].map((e) => e.id))].sort());
    }));
  });

  it('the same entries give the same bytes, whatever their order', () => {
    fc.assert(fc.property(ledger, (list) => {
      expect(renderLedger([...list].reverse())).toBe(renderLedger(list));
    }));
  });

  it('two copies joined line by line (a union merge, a careless paste) still give every entry', () => {
    fc.assert(fc.property(ledger, ledger, (a, b) => {
      const joined = `${renderLedger(a)}${renderLedger(b)}`;
      expect(new Set(ids(mergeLedgers(parseLedger(joined))))).toEqual(new Set(ids(mergeLedgers(a, b))));
    }));
  });

  it('never throws on any text, and reads nothing from garbage', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      expect(Array.isArray(parseLedger(text))).toBe(true);
    }));
    expect(parseLedger('{ not json')).toEqual([]);
    expect(parseLedger('{"created": [{"id": ""}, {"title": "no id"}, 3, null]}')).toEqual([]);
  });

  it('knows its sync-conflict copies', () => {
    for (const name of ['created.json', 'created.sync-conflict-20260310-101010-ABCDEF.json', 'created (conflicted copy).json', 'created 2.json']) {
      expect(isLedgerFileName(name)).toBe(true);
    }
    for (const name of ['created.json.tmp', 'notes.json', 'recreated.json', '.created.json.x1.tmp']) expect(isLedgerFileName(name)).toBe(false);
  });
});
