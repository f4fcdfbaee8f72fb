// Issue 12: what counts as the managed block. Markers inside raw HTML, math or comments are the
// person's text; lines typed inside a block keep their blank lines and line endings; a `---yaml`
// opening line is frontmatter, and the block never goes above it.
import { describe, expect, it } from 'vitest';
import { findBlock, insertOrRefreshBlock, removeBlock } from '../../src/core/callout';
import { readFrontmatter } from '../../src/cli/frontmatter';

const CALLOUT = '> [!job-hunt-advice] Advice\n> Fresh advice.';
const FM = '---\nstage: Applied\n---\n';
const START = '%% job-hunt-advisor: start %%';
const END = '%% job-hunt-advisor: end %%';
/** Markers the person put there, around a line of theirs that must never be deleted. */
const HIDDEN = `${START}\nMy own line, which must stay.\n> my quote\n${END}`;

describe('markers inside HTML blocks, math and comments are not the block', () => {
  it.each([
    ['<pre>, across blank lines', `<pre>\n\n${HIDDEN}\n\n</pre>`],
    ['<PRE class="x">', `<PRE class="x">\n${HIDDEN}\n</PRE>`],
    ['<div>', `<div>\n${HIDDEN}\n</div>`],
    ['<div class="note"> indented', `  <div class="note">\n${HIDDEN}\n  </div>`],
    ['<details> with <summary>', `<details><summary>Old advice</summary>\n${HIDDEN}\n</details>`],
    ['<table>', `<table>\n<tr><td>\n${HIDDEN}\n</td></tr>\n</table>`],
    ['<textarea>', `<textarea>\n\n${HIDDEN}\n\n</textarea>`],
    ['<script>', `<script>\n${HIDDEN}\n</script>`],
    ['<style>', `<style>\n\n${HIDDEN}\n</style>`],
    ['a custom element alone on its line', `<my-widget data-x="1">\n${HIDDEN}\n</my-widget>`],
    ['an HTML comment, across blank lines', `<!--\n\n${HIDDEN}\n\n-->`],
    ['a processing instruction', `<?php\n${HIDDEN}\n?>`],
    ['a CDATA section', `<![CDATA[\n\n${HIDDEN}\n]]>`],
    ['display math', `$$\n${HIDDEN}\n$$`],
    ['display math opened after text', `$$ \\begin{aligned}\n\n${HIDDEN}\n\n\\end{aligned} $$`],
    ['an Obsidian comment, across blank lines', `%%\nold notes:\n\n${HIDDEN}\n\n%%`],
    ['an Obsidian comment opened mid-line', `Draft %% hidden:\n${HIDDEN}\nend of hidden %%`],
    ['a tilde fence', `~~~md\n${HIDDEN}\n~~~`],
    ['a long backtick fence', `\`\`\`\`\n\`\`\`\n${HIDDEN}\n\`\`\`\`\`\``],
  ])('inside %s: never found, never touched; a fresh block is added', (_, inner) => {
    for (const note of [`${FM}${inner}\n`, `${FM}Before.\n\n${inner}\nAfter.\n`, `${inner}\n`]) {
      expect(findBlock(note)).toBeUndefined();
      for (const placement of ['top', 'end'] as const) {
        const written = insertOrRefreshBlock(note, CALLOUT, placement);
        expect(written).toContain('My own line, which must stay.');
        expect(removeBlock(written)).toBe(note);
        // Written once, found again: refreshing changes nothing, and never adds a third block.
        expect(insertOrRefreshBlock(written, CALLOUT, placement)).toBe(written);
      }
    }
  });

  it.each([
    ['after a closed <pre>', `<pre>\nx\n</pre>\n\n${START}\n\n> old\n\n${END}\n`],
    ['after an HTML block ended by a blank line', `<div>\nx\n\n${START}\n\n> old\n\n${END}\n`],
    ['after closed display math', `$$\nx^2\n$$\n\n${START}\n\n> old\n\n${END}\n`],
    ['after a closed Obsidian comment', `%%\nhidden\n%%\n\n${START}\n\n> old\n\n${END}\n`],
    ['below `%%` and `$$` in inline code', `Write \`%%\` for a comment and \`$$\` for math.\n\n${START}\n\n> old\n\n${END}\n`],
    ['below a one-line comment and inline math', `%% note to self %% and $$x$$\n\n${START}\n\n> old\n\n${END}\n`],
    ['below inline HTML in a paragraph', `Some <span>text</span>\n<b>bold</b>\n\n${START}\n\n> old\n\n${END}\n`],
  ])('a real block %s is still ours, and refreshed in place', (_, body) => {
    const note = `${FM}${body}`;
    expect(findBlock(note)).toBeDefined();
    const written = insertOrRefreshBlock(note, CALLOUT, 'top');
    expect(written).toContain('Fresh advice.');
    expect(written).not.toContain('> old');
    expect(written.split(START)).toHaveLength(2);
  });

  it('a note ending inside unclosed HTML, math or a comment gets its block at the top, where it is found again', () => {
    for (const tail of ['<div>\nopen div', '$$\nx = 1', '%%\nhidden', '<!--\nnot closed']) {
      const note = `${FM}${tail}\n`;
      const written = insertOrRefreshBlock(note, CALLOUT, 'end');
      expect(written.startsWith(`${FM}${START}`)).toBe(true);
      expect(findBlock(written)).toBeDefined();
      expect(removeBlock(written)).toBe(note);
    }
  });
});

describe('lines typed inside the block', () => {
  const block = (inside: string, eol = '\n'): string => `${FM}${START}${eol}${eol}> [!job-hunt-advice] Old${eol}> old${eol}${inside}${eol}${END}${eol}Tail.${eol}`;

  it.each([
    ['blank lines between their lines', 'First line.\n\n\nSecond line, after two blank lines.', '\n'],
    ['CRLF note, their lines with CRLF', 'First.\r\n\r\nSecond.', '\r\n'],
    ['an LF line typed into a CRLF note keeps its LF', 'Typed on Linux.\nThen Windows.\r\n\r\nLast.', '\r\n'],
    ['a CRLF line in an LF note keeps its CRLF', 'Pasted\r\nfrom Windows.', '\n'],
    ['indented and list lines', '  - item one\n\n    continued\n- item two', '\n'],
    ['a table', '| a | b |\n|---|---|\n| 1 | 2 |', '\n'],
  ])('%s: kept exactly, moved below the block', (_, theirs, eol) => {
    const note = block(`${eol}${theirs}${eol}`, eol);
    const written = insertOrRefreshBlock(note, CALLOUT.replace(/\n/g, eol), 'top');
    expect(written).toContain(`${END}${eol}${theirs}${eol}Tail.${eol}`);
    expect(written).not.toContain('> old');
    // Refreshing again changes nothing: the lines are outside the block now.
    expect(insertOrRefreshBlock(written, CALLOUT.replace(/\n/g, eol), 'top')).toBe(written);
  });

  it('their lines typed between callout lines keep their blank lines; the callout lines are rewritten', () => {
    const note = `${FM}${START}\n\n> [!job-hunt-advice] Old\nmine 1\n\nmine 2\n> old\n\n${END}\n`;
    const written = insertOrRefreshBlock(note, CALLOUT, 'top');
    expect(written).toContain(`${END}\nmine 1\n\nmine 2\n`);
    expect(written).not.toContain('old');
  });
});

describe('frontmatter opened with a language', () => {
  it.each([
    ['---yaml', '---yaml\nstage: Applied\ncompany: Acme\n---\nBody.\n'],
    ['---yml', '---yml\nstage: Applied\n---\nBody.\n'],
    ['---json', '---json\n{"stage": "Applied", "company": "Acme"}\n---\nBody.\n'],
    ['---yaml with CRLF', '---yaml\r\nstage: Applied\r\n---\r\nBody.\r\n'],
    ['---yaml after a byte-order mark', '\uFEFF---yaml\nstage: Applied\n---\n'],
    ['a closing line with trailing spaces', '---yaml\nstage: Applied\n---  \nBody.\n'],
  ])('%s: the block goes below the frontmatter, which still reads the same', (_, note) => {
    const written = insertOrRefreshBlock(note, CALLOUT, 'top');
    const closing = note.search(/\n---[ \t]*\r?\n|\n---[ \t]*$/);
    const fmEnd = note.indexOf('\n', closing + 1) + 1 || note.length;
    expect(written.slice(0, fmEnd)).toBe(note.slice(0, fmEnd));
    expect(written.indexOf(START)).toBeGreaterThanOrEqual(fmEnd);
    const before = readFrontmatter(note);
    const after = readFrontmatter(written);
    expect(before.ok && after.ok && after.hasFrontmatter).toBe(true);
    if (before.ok && after.ok) expect(after.frontmatter).toEqual(before.frontmatter);
    expect(removeBlock(written)).toBe(note);
  });

  it('a thematic break of four dashes is not frontmatter', () => {
    const note = '----\nstage: Applied\n---\n';
    expect(insertOrRefreshBlock(note, CALLOUT, 'top').startsWith(START)).toBe(true);
  });
});
