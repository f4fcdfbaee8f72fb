// The scan reads most blocks without gray-matter's set-up for each call (its Buffer copy of the
// note, option objects, engine look-up): that shortcut must give exactly what gray-matter gives,
// for every note, or leave the note to gray-matter. Checked against the same reader forced
// through gray-matter for every block (the flat fast path off too).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/cli/frontmatter';
import { runs } from '../stress';

// Openings (with and without a language), lines that close or nearly close a block, comments,
// YAML that errors (a repeated key, a bad indent), nulls, anchors, tabs, unicode and BOMs.
const opening = fc.constantFrom('---', '---', '---', '--- ', '---\t', '---yaml', '---YAML', '--- yml', '---json', '---Json', '----', '---toml', '---js');
const piece = fc.oneof(
  fc.constantFrom(':', ': ', '#', ' #', '"', "'", '- ', '[', ']', '{', '}', ',', '&a ', '*a', '!!str ', '|', '>', '%', '@', '`', '?', ' ', '\t', '~', 'null', 'true',
    '0x1F', '.5', '2026-03-09', '12:30', 'é', '😀', '\ufeff', '\u2028', 'Acme', 'stage', 'x', '1', '---', '...'),
  fc.string({ maxLength: 3 }),
);
const text = fc.array(piece, { maxLength: 4 }).map((p) => p.join(''));
const line = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom('stage', 'company', 'a', 'b', 'App Stage', '"q"', '? k', 'excerpt_separator'), text).map(([k, v]) => `${k}: ${v}`) },
  { weight: 2, arbitrary: text },
  { weight: 3, arbitrary: fc.constantFrom('', ' ', '  - item', 'tags:', '  nested: 1', '\tx: 1', '# comment', '#', '  # indented comment', '---', '--- ', '---x', '----',
    '...', 'null', '~', '"just a string"', 'stage: Applied', 'stage: Rejected', 'anchor: &a 1', 'alias: *a', '[1, 2]', '{a: 1}', '- top') },
);
const note = fc.record({
  bom: fc.boolean(),
  open: opening,
  lines: fc.array(line, { maxLength: 6 }),
  close: fc.constantFrom('---', '--- ', '---\t', '', '----'),
  eol: fc.constantFrom('\n', '\r\n', 'mixed'),
  body: fc.constantFrom('', 'Body\n', '# Heading\n---\nmore\n', '\n'),
}).map(({ bom, open, lines, close, eol, body }) => {
  const all = [open, ...lines, ...(close === '' ? [] : [close])];
  const joined = all.map((l, i) => l + (eol === 'mixed' ? (i % 2 ? '\r\n' : '\n') : eol)).join('');
  return `${bom ? '\ufeff' : ''}${joined}${body}`;
});

describe('reading frontmatter without gray-matter\'s per-call set-up', () => {
  it('gives exactly what gray-matter gives (values, types, key order, errors, body)', () => {
    let read = 0;
    fc.assert(fc.property(note, (t) => {
      const reference = readFrontmatter(t, true);
      const fast = readFrontmatter(t);
      expect(fast).toStrictEqual(reference);
      if (fast.ok && fast.frontmatter) expect(Object.keys(fast.frontmatter)).toEqual(Object.keys(reference.ok ? reference.frontmatter as object : {}));
      if (reference.ok && reference.hasFrontmatter) read += 1;
    }), { numRuns: runs(10000) });
    expect(read).toBeGreaterThan(0); // notes with frontmatter come up, so the comparison means something
  });

  it.each([
    ['a block of comments only', '---\n# only a comment\n---\nBody', {}],
    ['null data', '---\nnull\n---\n', {}],
    ['a lone ~', '---\n~\n---\n', {}],
    ['a lone #', '---\n#\n---\n', {}],
    ['spaces after the opening dashes', '---   \nstage: Applied\n---\n', { stage: 'Applied' }],
    ['an indented comment first', '---\n  # c\nstage: x\n---\n', { stage: 'x' }],
    ['a scalar, not a map', '---\njust words\n---\n', 'just words'],
  ])('reads %s as gray-matter does', (_, t, expected) => {
    expect(readFrontmatter(t)).toMatchObject({ ok: true, hasFrontmatter: true, frontmatter: expected });
    expect(readFrontmatter(t)).toStrictEqual(readFrontmatter(t, true));
  });
});
