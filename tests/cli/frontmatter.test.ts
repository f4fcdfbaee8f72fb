import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/cli/frontmatter';

describe('readFrontmatter', () => {
  it('keeps dates as the strings Obsidian shows, not Date objects', () => {
    const r = readFrontmatter('---\napplied: 2026-03-08\ninterview: 2026-03-12T14:30:00+09:00\n---\nBody\n');
    expect(r).toEqual({ ok: true, hasFrontmatter: true, body: 'Body\n', frontmatter: { applied: '2026-03-08', interview: '2026-03-12T14:30:00+09:00' } });
  });

  it('reads a note with a byte-order mark and CRLF line ends', () => {
    const r = readFrontmatter('\uFEFF---\r\nstage: Applied\r\ncompany: Acme\r\n---\r\nBody\r\n');
    expect(r.ok && r.frontmatter).toEqual({ stage: 'Applied', company: 'Acme' });
  });

  it('treats an empty file and a note without frontmatter as having none', () => {
    expect(readFrontmatter('')).toMatchObject({ ok: true, hasFrontmatter: false });
    expect(readFrontmatter('# Just a heading\n')).toMatchObject({ ok: true, hasFrontmatter: false, body: '# Just a heading\n' });
  });

  it('gives broken YAML one line, without the excerpt or a stack', () => {
    const r = readFrontmatter('---\nstage: [Applied\ncompany: Acme\n---\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^broken frontmatter: /);
    expect(r.message).not.toContain('\n');
    expect(r.message).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('reports duplicate keys as broken rather than picking one silently', () => {
    const r = readFrontmatter('---\nstage: Applied\nstage: Rejected\n---\n');
    expect(r.ok).toBe(false);
  });

  it.each(['js', 'javascript', 'JavaScript', 'coffee', 'coffeescript', 'cson'])('never runs ---%s front matter', (language) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jha-js-'));
    const trace = path.join(dir, 'ran.txt');
    const payload = `require('fs').writeFileSync(${JSON.stringify(trace)}, 'ran'); ({ stage: 'Applied' })`;
    const r = readFrontmatter(`---${language}\n${payload}\n---\nBody\n`);
    expect(fs.existsSync(trace)).toBe(false);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/front matter in .+ is not read/) as unknown });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a language it has no reader for, naming it', () => {
    expect(readFrontmatter('---toml\nstage = "Applied"\n---\n')).toEqual({ ok: false, message: 'front matter in toml is not read (only YAML is)' });
  });

  it('does not cache: the same text read twice gives separate objects', () => {
    const text = '---\nstage: Applied\n---\n';
    const a = readFrontmatter(text);
    const b = readFrontmatter(text);
    expect(a.ok && b.ok && a.frontmatter !== b.frontmatter).toBe(true);
  });
});

describe('what counts as frontmatter, as in Obsidian', () => {
  it.each([
    ['an unclosed block', '---\nstage: Applied\n'],
    ['a thematic break of four dashes', '----\nstage: Applied\n----\n'],
    ['dashes not on the first line', '\n---\nstage: Applied\n---\n'],
  ])('%s is not frontmatter', (_, text) => {
    expect(readFrontmatter(text)).toMatchObject({ ok: true, hasFrontmatter: false });
  });

  it('reads an empty block and a block closed on the last byte', () => {
    expect(readFrontmatter('---\n---\nBody')).toMatchObject({ ok: true, hasFrontmatter: true, frontmatter: {} });
    expect(readFrontmatter('---\nstage: Applied\n---')).toMatchObject({ ok: true, frontmatter: { stage: 'Applied' } });
  });
});
