// The managed block never loses a byte of the person's text, whatever the note holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_END, BLOCK_START, findBlock, insertOrRefreshBlock, removeBlock } from '../../src/core/callout';
import { runs } from '../stress';

const CALLOUT = '> [!job-hunt-advice] Connect with Jane Doe on LinkedIn? Yes, now\n> - For: Ryan Nouis (TruPath)';
const NEWER = '> [!job-hunt-advice] Connect with Jane Doe on LinkedIn? Not yet\n>\n> Wait for the interview.';

// Pieces that stress the block: markers and look-alikes, fences of both kinds and lengths,
// frontmatter fences, quotes, inline code, CRLF, lone CR, BOM, and unicode.
const piece = fc.oneof(
  fc.constantFrom(
    BLOCK_START, BLOCK_END, `  ${BLOCK_START}`, `${BLOCK_END}  `, '%%', '%% job-hunt-advisor: %%',
    '> [!job-hunt-advice] mine', '> quote', '```', '````', '~~~', '   ```md', '    ```', '`', '``', '---', '...',
    '\n', '\r\n', '\r', '\uFEFF', '', ' ', '# Heading', '- item', 'שלום', '😀', '\u2028', '[[Link]]', '<div>',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const line = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));
const note = fc
  .tuple(fc.array(line, { maxLength: 14 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(), fc.boolean())
  .map(([lines, eol, frontmatter, bom, finalNewline]) => {
    const body = lines.join(eol) + (finalNewline && lines.length > 0 ? eol : '');
    const fm = frontmatter ? `---${eol}stage: applied${eol}---${eol}` : '';
    return `${bom ? '\uFEFF' : ''}${fm}${body}`;
  });
const placement = fc.constantFrom<'top' | 'end'>('top', 'end');
const RUNS = { numRuns: runs(1500) };

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('managed block properties', () => {
  it('insert then remove gives back the note byte for byte', () => {
    fc.assert(
      fc.property(note, placement, (text, where) => {
        fc.pre(findBlock(text) === undefined);
        expect(removeBlock(insertOrRefreshBlock(text, CALLOUT, where))).toBe(text);
      }),
      RUNS,
    );
  });

  it('inserting adds only the block (and a line break), leaving the text around it as it was', () => {
    fc.assert(
      fc.property(note, placement, (text, where) => {
        fc.pre(findBlock(text) === undefined);
        const out = insertOrRefreshBlock(text, CALLOUT, where);
        const block = findBlock(out);
        expect(block).toBeDefined();
        const before = out.slice(0, block!.start);
        const after = out.slice(block!.end);
        // What surrounds the block is the note, split in two, plus at most one added line break.
        const joined = before + after;
        expect(joined.length - text.length).toBeLessThanOrEqual(2);
        expect(text.startsWith(before) || text.startsWith(before.replace(/\r?\n$/, ''))).toBe(true);
        expect(text.endsWith(after) || text.endsWith(after.replace(/^\r?\n/, ''))).toBe(true);
      }),
      RUNS,
    );
  });

  it('refreshing is idempotent, and a refresh with other advice keeps the text outside the block', () => {
    fc.assert(
      fc.property(note, placement, placement, (text, first, second) => {
        const once = insertOrRefreshBlock(text, CALLOUT, first);
        expect(insertOrRefreshBlock(once, CALLOUT, second)).toBe(once);
        const block = findBlock(once)!;
        const refreshed = insertOrRefreshBlock(once, NEWER, second);
        const again = findBlock(refreshed)!;
        expect(refreshed.slice(0, again.start)).toBe(once.slice(0, block.start));
        expect(refreshed.slice(again.end)).toBe(once.slice(block.end));
        expect(insertOrRefreshBlock(refreshed, NEWER, first)).toBe(refreshed);
      }),
      RUNS,
    );
  });

  it('a note that already has a block never gets a second one', () => {
    fc.assert(
      fc.property(note, note, placement, placement, (head, tail, first, second) => {
        // A block of ours somewhere in the middle of arbitrary text.
        const withBlock = `${insertOrRefreshBlock(head, CALLOUT, 'end')}\n${tail}`;
        fc.pre(findBlock(withBlock) !== undefined);
        const starts = count(withBlock, BLOCK_START);
        const out = insertOrRefreshBlock(insertOrRefreshBlock(withBlock, NEWER, first), CALLOUT, second);
        expect(count(out, BLOCK_START)).toBe(starts);
      }),
      RUNS,
    );
  });

  it('removing a block from a note without one changes nothing', () => {
    fc.assert(
      fc.property(note, (text) => {
        fc.pre(findBlock(text) === undefined);
        expect(removeBlock(text)).toBe(text);
      }),
      RUNS,
    );
  });
});
