// Issue 12 for the command-line tool: nothing lost, nothing duplicated, under any bytes, race or
// fault. Each kind the outside review found gets several attacks of our own; the review's own
// inputs are among them.
import { Buffer } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import type { WriteHooks } from '../../src/cli/vault';
import { cli, tempVault, TODAY } from '../cli/helpers';

const made: string[] = [];
function vault(files: Record<string, string | Buffer> = {}): string {
  const dir = tempVault({ '.job-hunt-advisor.json': '{}', ...files });
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** stderr as lines, none of them a stack trace. */
function lines(stderr: string): string[] {
  expect(stderr).not.toMatch(/\n\s+at |Error:|\.ts:\d+|unexpected error/);
  return stderr.split('\n').filter((l) => l !== '');
}

/** run() with write hooks, as another program acting inside the tool's write would. */
function cliWithHooks(cwd: string, hooks: WriteHooks, ...argv: string[]): { code: number; stderr: string; stdout: string } {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd, today: () => TODAY, hooks });
  return { code, stdout, stderr };
}

const APPLICATION = '---\nstage: Applied\ncompany: Café Nord\nrole: Analyst\napplied: 2026-03-02\nhiring_manager: Zoë Brand\n---\n';

describe('bytes that are not UTF-8 are never written back', () => {
  const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
  const withBytes = (...bytes: number[]): Buffer => Buffer.concat([Buffer.from(APPLICATION, 'utf8'), Buffer.from('Notes: '), Buffer.from(bytes), Buffer.from(' end\n')]);
  const attacks: [string, Buffer][] = [
    ['Windows-1252 (é, curly quotes, €)', Buffer.concat([latin1(APPLICATION), Buffer.from([0x93, 0x71, 0x94, 0x20, 0x80, 0x0a])])],
    ['Latin-1 throughout', latin1(`${APPLICATION}Réunion à l'agence, très bien.\n`)],
    ['CESU-8 (an emoji as two encoded surrogates)', withBytes(0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80)],
    ['a lone surrogate, encoded', withBytes(0xed, 0xb0, 0x80)],
    ['an overlong slash', withBytes(0xc0, 0xaf)],
    ['an overlong NUL (Java modified UTF-8)', withBytes(0xc0, 0x80)],
    ['an overlong three-byte form', withBytes(0xe0, 0x80, 0xaf)],
    ['a code point past U+10FFFF', withBytes(0xf4, 0x90, 0x80, 0x80)],
    ['a sequence cut short at the end', Buffer.concat([Buffer.from(APPLICATION), Buffer.from([0xe2, 0x82])])],
    ['a stray continuation byte', withBytes(0x80)],
    ['UTF-16 with its byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(APPLICATION, 'utf16le')])],
    ['UTF-16 big-endian with its byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(APPLICATION, 'utf16le').swap16()])],
  ];

  it.each(attacks)('advise --write on %s: one line, exit 1, every byte kept', (_, bytes) => {
    const dir = vault({ 'Bytes.md': bytes });
    const r = cli(dir, 'advise', 'Bytes.md', '--today', TODAY, '--write');
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^Bytes\.md: is not UTF-8 text \(byte 0x[0-9A-F]{2} at offset \d+, .*\); not read, nothing written$/)]);
    expect(fs.readFileSync(path.join(dir, 'Bytes.md')).equals(bytes)).toBe(true);
  });

  it('names the first bad byte and where it is', () => {
    const bytes = latin1(`${APPLICATION}é`);
    const dir = vault({ 'Bytes.md': bytes });
    const r = cli(dir, 'advise', 'Bytes.md', '--today', TODAY);
    expect(r.stderr).toContain(`byte 0xE9 at offset ${APPLICATION.indexOf('é')}`);
  });

  it('followups --write: one line per such application; the others get their task notes; a non-note in Latin-1 is not mentioned', () => {
    const dir = vault({
      'Latin.md': latin1(`${APPLICATION}é\n`),
      'Cesu.md': withBytes(0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80),
      'Plain text.md': latin1('Just some Latin-1 text, no frontmatter: é\n'),
      'Good.md': '---\nstage: Applied\ncompany: Good Co\napplied: 2026-03-02\n---\n',
    });
    const before = fs.readFileSync(path.join(dir, 'Latin.md'));
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json');
    expect(r.code).toBe(1);
    expect(lines(r.stderr).sort()).toEqual([expect.stringMatching(/^Cesu\.md: is not UTF-8 text/), expect.stringMatching(/^Latin\.md: is not UTF-8 text/)]);
    const json = JSON.parse(r.stdout) as { created: string[]; followUps: { application: string }[] };
    expect(json.followUps.map((f) => f.application)).toEqual(json.followUps.map(() => 'Good.md'));
    expect(json.created.length).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(dir, 'Latin.md')).equals(before)).toBe(true);
  });

  it.each([
    ['a UTF-8 byte-order mark', `\uFEFF${APPLICATION}`],
    ['a real U+FFFD the person typed', `${APPLICATION}A replacement character: \uFFFD, kept.\n`],
    ['four-byte emoji and combining marks', `${APPLICATION}🧑🏽‍💻 Zoe\u0308\n`],
  ])('UTF-8 with %s is written, every byte of it kept', (_, text) => {
    const dir = vault({ 'Fine.md': text });
    const r = cli(dir, 'advise', 'Fine.md', '--today', TODAY, '--write');
    expect(r.code).toBe(0);
    const after = fs.readFileSync(path.join(dir, 'Fine.md'), 'utf8');
    expect(after.startsWith(text.slice(0, text.indexOf('---\n', 4) + 4))).toBe(true);
    expect(after.endsWith(text.slice(text.indexOf('---\n', 4) + 4))).toBe(true);
  });
});

describe('a change between the check and the write is never lost', () => {
  const NOTE = `${APPLICATION}My own line.\n`;
  const appended = '\nA line typed at that very instant.\n';

  it.each([
    ['after the temporary file is written, before the check', 'beforeCheck'],
    ['after the check, right before the rename', 'beforeRename'],
  ] as const)('a line appended %s: refused, the line kept, no temporary file left', (_, hook) => {
    const dir = vault({ 'Race.md': NOTE });
    const note = path.join(dir, 'Race.md');
    const r = cliWithHooks(dir, { [hook]: () => fs.appendFileSync(note, appended) }, 'advise', 'Race.md', '--write');
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual(['Race.md: changed while being read; not written, try again']);
    expect(fs.readFileSync(note, 'utf8')).toBe(NOTE + appended);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['replaced by another program (write aside, then rename)', (note: string) => { fs.writeFileSync(`${note}.x`, `${NOTE}edit\n`); fs.renameSync(`${note}.x`, note); }],
    ['truncated', (note: string) => fs.truncateSync(note, 10)],
    ['rewritten with the same length', (note: string) => fs.writeFileSync(note, NOTE.replace('My own', 'Our own'.slice(0, 6)))],
  ])('the note %s before the check: refused, that version kept', (_, act) => {
    const dir = vault({ 'Race.md': NOTE });
    const note = path.join(dir, 'Race.md');
    const r = cliWithHooks(dir, { beforeCheck: act }, 'advise', 'Race.md', '--write');
    expect(r.code).toBe(1);
    const after = fs.readFileSync(note, 'utf8');
    expect(after).not.toContain('job-hunt-advisor: start');
    expect(after).not.toBe(NOTE);
  });

  it('deleted before the rename: refused, not brought back', () => {
    const dir = vault({ 'Race.md': NOTE });
    const note = path.join(dir, 'Race.md');
    const r = cliWithHooks(dir, { beforeCheck: () => fs.rmSync(note) }, 'advise', 'Race.md', '--write');
    expect(r.code).toBe(1);
    expect(fs.existsSync(note)).toBe(false);
  });

  it('with nothing happening meanwhile, the write goes through and nothing is left beside the note', () => {
    const dir = vault({ 'Race.md': NOTE });
    const r = cliWithHooks(dir, { beforeCheck: () => undefined, beforeRename: () => undefined }, 'advise', 'Race.md', '--write');
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'Race.md'), 'utf8')).toContain('job-hunt-advisor: start');
    expect(fs.readdirSync(dir).sort()).toEqual(['.job-hunt-advisor.json', 'Race.md']);
  });
});

describe('the managed block, end to end', () => {
  it.each(['yaml', 'yml', 'json'])('---%s frontmatter: advise --write puts the block below it, and the note still reads the same', (lang) => {
    const fm = lang === 'json' ? '{"stage": "Applied", "company": "Acme", "applied": "2026-03-02"}' : 'stage: Applied\ncompany: Acme\napplied: 2026-03-02';
    const note = `---${lang}\n${fm}\n---\nMy notes.\n`;
    const dir = vault({ 'Lang.md': note });
    expect(cli(dir, 'advise', 'Lang.md', '--today', TODAY, '--write').code).toBe(0);
    const after = fs.readFileSync(path.join(dir, 'Lang.md'), 'utf8');
    expect(after.startsWith(`---${lang}\n${fm}\n---\n%% job-hunt-advisor: start %%`)).toBe(true);
    const again = cli(dir, 'advise', 'Lang.md', '--today', TODAY, '--write');
    expect(again.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'Lang.md'), 'utf8')).toBe(after);
  });

  it('markers inside <pre>, <div> and $$ math: the lines there survive advise --write, twice', () => {
    const mine = '%% job-hunt-advisor: start %%\nkeep me\n%% job-hunt-advisor: end %%';
    const note = `${APPLICATION}<pre>\n\n${mine}\n</pre>\n\n<div>\n${mine}\n</div>\n\n$$\n${mine}\n$$\n`;
    const dir = vault({ 'Html.md': note });
    cli(dir, 'advise', 'Html.md', '--today', TODAY, '--write');
    cli(dir, 'advise', 'Html.md', '--today', TODAY, '--write');
    const after = fs.readFileSync(path.join(dir, 'Html.md'), 'utf8');
    expect(after.split('keep me')).toHaveLength(4);
    expect(after.endsWith(note.slice(APPLICATION.length))).toBe(true);
  });
});
