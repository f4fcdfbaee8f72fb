import { describe, expect, it } from 'vitest';
import { escapeMarkdown, joinNames, oneLine } from '../../src/core/text';

describe('oneLine', () => {
  it('makes line breaks, tabs, control characters and runs of spaces one space, ends trimmed', () => {
    expect(oneLine('  Ana\r\n  Silva\t\u0000Ltd\u2028x  ')).toBe('Ana Silva Ltd x');
    expect(oneLine('\n\t ')).toBe('');
  });
});

describe('escapeMarkdown', () => {
  it('leaves ordinary names alone, including hyphens, apostrophes, emoji and right-to-left text', () => {
    for (const name of ["Jean-Luc O'Brien", 'Zoë 🚀 Ltd.', 'שרה כהן', 'محمد']) expect(escapeMarkdown(name)).toBe(name);
  });

  it('escapes a leading list marker or ordered-list number', () => {
    expect(escapeMarkdown('- a')).toBe('\\- a');
    expect(escapeMarkdown('+ a')).toBe('\\+ a');
    expect(escapeMarkdown('12. a')).toBe('12\\. a');
    expect(escapeMarkdown('3) a')).toBe('3\\) a');
  });
});

describe('escapeMarkdown, on what would become syntax', () => {
  it('escapes every Markdown and Obsidian punctuation mark, so the text renders as typed', () => {
    const hostile = '[[Link]] %%c%% <b> a|b ==h== $x$ ^id #tag {x} *e* _u_ ~s~ `c` a&b \\';
    const escaped = escapeMarkdown(hostile);
    // No two syntax characters side by side without a backslash, and no bare one of the set.
    expect(escaped).not.toMatch(/(^|[^\\])[[\]%<>|=$^#{}*_~`&]/);
    expect(escaped.replace(/\\(.)/g, '$1')).toBe(hostile);
  });

  it('is one line, whatever the note held', () => {
    expect(escapeMarkdown('Ana\n# Heading')).toBe('Ana \\# Heading');
  });
});

describe('joinNames', () => {
  it('joins with commas and a final "and", leaving blank names out', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['Ana Silva'])).toBe('Ana Silva');
    expect(joinNames(['Ana Silva', ' ', 'Ben\nIto'])).toBe('Ana Silva and Ben Ito');
    expect(joinNames(['Ana', 'Ben', 'Cy'])).toBe('Ana, Ben and Cy');
  });
});
