// The scan reads plainly flat frontmatter (`key: value` lines) without a YAML parser. It must give
// exactly what js-yaml's core schema gives, or decline and leave the note to the full parser.
import { CORE_SCHEMA, load } from 'js-yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatFrontmatter, readFrontmatter } from '../../src/cli/frontmatter';
import { runs } from '../stress';

const full = (block: string): unknown => {
  try {
    return load(block, { schema: CORE_SCHEMA });
  } catch {
    return 'refused by js-yaml';
  }
};

// Characters that change what a YAML line means, mixed with ordinary text, so that both lines the
// fast path takes and lines it must refuse come up in every run.
const tricky = [':', ': ', '#', ' #', '"', "'", '-', '- ', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', '?', ' ', '  ', '\t',
  '\r', '\u00a0', '\u2028', '\u0085', '\ufeff', '\u0000', '😀', 'é', '~', '.', '_', 'null', 'true', 'False', '0x1F', '0o17', '.5', '1e3', '-3', '+1',
  '.inf', '.NaN', '2026-03-09', '12:30', 'yes', 'Acme', 'x', '1'];
const piece = fc.oneof(fc.constantFrom(...tricky), fc.string({ maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 3 }));
const text = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.oneof(fc.constantFrom('stage', 'company', 'App Stage', 'follow_up', 'Job-Title', 'v1.2', 'a', 'null', 'True', 'e'), text), text).map(([k, v]) => `${k}: ${v}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('stage', 'company', 'a'), fc.constantFrom('', ' ', ':', ' :')).map(([k, v]) => `${k}${v}`) },
  { weight: 1, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom('', '  - item', 'tags:', '  nested: 1', '# comment', '---', '...', '%YAML 1.2', '<<: *a', '? key', 'key : v', '__proto__: x', 'stage: Applied') },
);
const block = fc.array(line, { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'));

describe('flatFrontmatter', () => {
  it('gives exactly what js-yaml gives (same keys, values, types and order), or declines', () => {
    let taken = 0;
    fc.assert(fc.property(block, (b) => {
      const flat = flatFrontmatter(b);
      if (flat === undefined) return;
      taken += 1;
      const parsed = full(b);
      expect(flat).toStrictEqual(parsed);
      expect(Object.keys(flat)).toEqual(Object.keys(parsed as object));
    }), { numRuns: runs(20000) });
    expect(taken).toBeGreaterThan(0); // the generator reaches the fast path, so the check means something
  });

  it('takes a hand-kept note\'s flat frontmatter, with js-yaml\'s types for each value', () => {
    const b = 'company: Acme Labs\nrole: Data Analyst, remote\nstage: Applied\napplied: 2026-03-09\nsalary: 95000\nconnected: true\nfollow_up:\nnote: don\'t chase (yet)';
    expect(flatFrontmatter(b)).toStrictEqual(full(b));
    expect(flatFrontmatter(b)).toStrictEqual({ company: 'Acme Labs', role: 'Data Analyst, remote', stage: 'Applied', applied: '2026-03-09', salary: 95000, connected: true, follow_up: null, note: "don't chase (yet)" });
  });

  it.each([
    ['a quoted value', 'company: "Acme"'],
    ['a colon in a value', 'url: https://example.com'],
    ['a date-time', 'interview: 2026-03-12T14:30:00'],
    ['a list', 'tags:\n  - job'],
    ['a nested map', 'contact:\n  name: Ana'],
    ['an anchor', 'a: &x 1'],
    ['an alias', 'b: *x'],
    ['a tag', 'a: !!str 1'],
    ['a comment', 'a: 1 # one'],
    ['a tab', 'a:\t1'],
    ['CR line ends', 'a: 1\r\nb: 2'],
    ['a repeated key', 'a: 1\na: 2'],
    ['a key that is not text', 'true: 1'],
    ['a space before the colon', 'a : 1'],
    ['a value running onto the next line', 'title: a\n  b'],
    ['a blank line', 'a: 1\n\nb: 2'],
    ['a trailing space', 'a: 1 '],
  ])('declines %s (the full parser reads it)', (_, b) => {
    expect(flatFrontmatter(b)).toBeUndefined();
  });

  it('reads a flat note the same through readFrontmatter as the full parse of its block', () => {
    const note = '---\nstage: Interviewing\ncompany: Orchid Labs\ninterview: 2026-03-12\n---\n# Notes\n';
    expect(readFrontmatter(note)).toEqual({ ok: true, hasFrontmatter: true, body: '# Notes\n', frontmatter: full('stage: Interviewing\ncompany: Orchid Labs\ninterview: 2026-03-12') });
  });
});
