// Issue 12 for the command-line tool: nothing lost, nothing duplicated, under any bytes, race or
// fault. Each kind the outside review found gets several attacks of our own; the review's own
// inputs are among them.
import { Buffer } from 'node:buffer';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import { buildSync } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { LEDGER_PATH, parseLedger, renderLedger } from '../../src/core/ledger';
import { run } from '../../src/cli/run';
import type { WriteHooks } from '../../src/cli/vault';
import { cli, REPO, tempVault, TODAY } from '../cli/helpers';

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

/** An error as the file system gives it. */
function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

const GOOD = '---\nstage: Applied\ncompany: Good Co\napplied: 2026-03-02\n---\n';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('faults stop nothing: one line each, the rest handled', () => {
  interface Json { created: string[]; followUps: { application: string }[] }
  const applications = (r: { stdout: string }): string[] => [...new Set((JSON.parse(r.stdout) as Json).followUps.map((f) => f.application))].sort();

  it.each(['EACCES', 'EPERM', 'EIO'])('a folder that cannot be read (%s): named once, every other application handled', (code) => {
    const dir = vault({ 'A/One.md': GOOD, 'Locked/Two.md': GOOD, 'Z/Three.md': GOOD });
    const r = cliWithHooks(dir, { beforeReadFolder: (f) => { if (f === path.join(dir, 'Locked')) throw fsError(code); } }, 'followups', '.', '--write', '--json');
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^Locked: folder not read: .+; the rest was read$/)]);
    expect(applications(r)).toEqual(['A/One.md', 'Z/Three.md']);
    expect((JSON.parse(r.stdout) as Json).created.length).toBeGreaterThan(0);
  });

  it.skipIf(isRoot)('a folder without read permission (chmod 000): named once, the rest handled', () => {
    const dir = vault({ 'A/One.md': GOOD, 'Locked/Two.md': GOOD });
    fs.chmodSync(path.join(dir, 'Locked'), 0);
    try {
      const r = cli(dir, 'followups', '.', '--today', TODAY, '--json');
      expect(lines(r.stderr)).toEqual(['Locked: folder not read: permission denied; the rest was read']);
      expect(applications(r)).toEqual(['A/One.md']);
    } finally {
      fs.chmodSync(path.join(dir, 'Locked'), 0o755);
    }
  });

  it('a folder deleted during the walk: named once, the rest handled', () => {
    const dir = vault({ 'A/One.md': GOOD, 'Gone/Two.md': GOOD, 'Gone/Deeper/Three.md': GOOD, 'Z/Four.md': GOOD });
    const r = cliWithHooks(dir, { beforeReadFolder: (f) => { if (f === path.join(dir, 'A')) fs.rmSync(path.join(dir, 'Gone'), { recursive: true }); } }, 'followups', '.', '--write', '--json');
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual(['Gone: folder not read: no such file or folder; the rest was read']);
    expect(applications(r)).toEqual(['A/One.md', 'Z/Four.md']);
  });

  it('a folder replaced by a file during the walk, and a note deleted after it was listed: one line each', () => {
    const dir = vault({ 'A/One.md': GOOD, 'B/Two.md': GOOD, 'C/Three.md': GOOD, 'D/Four.md': GOOD });
    const r = cliWithHooks(dir, {
      beforeReadFolder: (f) => {
        if (f === path.join(dir, 'B')) { fs.rmSync(f, { recursive: true }); fs.writeFileSync(f, 'now a file'); }
        if (f === path.join(dir, 'D')) fs.rmSync(path.join(dir, 'A', 'One.md'));
      },
    }, 'followups', '.', '--json');
    expect(r.code).toBe(1);
    expect(lines(r.stderr).sort()).toEqual(['A/One.md: no such file or folder', 'B: folder not read: is not a folder; the rest was read']);
    expect(applications(r)).toEqual(['C/Three.md', 'D/Four.md']);
  });

  describe('a FIFO is never opened for reading, so nothing waits on it', () => {
    const fifo = (file: string): void => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      execFileSync('mkfifo', [file]);
    };

    it('advise on a FIFO: one line, exit 1, at once', () => {
      const dir = vault();
      fifo(path.join(dir, 'Pipe.md'));
      const r = cli(dir, 'advise', 'Pipe.md', '--today', TODAY, '--write');
      expect(r.code).toBe(1);
      expect(lines(r.stderr)).toEqual(['Pipe.md: is a named pipe (FIFO), not a note; not read']);
    });

    it('a FIFO named like a note in a scan, in the tasks folder and as plugin data: one line for each note-like one, the rest handled', () => {
      const dir = vault({ 'Good.md': GOOD });
      fifo(path.join(dir, 'Applications', 'Pipe.md'));
      fifo(path.join(dir, 'Job hunt tasks', 'Pipe task.md'));
      fifo(path.join(dir, '.my-config', 'plugins', 'job-hunt-advisor', 'data.json'));
      fs.writeFileSync(path.join(dir, '.my-config', 'app.json'), '{}');
      const r = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json');
      expect(r.code).toBe(1);
      expect(lines(r.stderr).sort()).toEqual([
        'Applications/Pipe.md: is a named pipe (FIFO), not a note; not read',
        'Job hunt tasks/Pipe task.md: is a named pipe (FIFO), not a note; not read',
      ]);
      expect((JSON.parse(r.stdout) as Json).created.length).toBeGreaterThan(0);
    });

    it('a FIFO as the config file: one line, exit 2, at once', () => {
      const dir = vault({ 'Good.md': GOOD });
      fs.rmSync(path.join(dir, '.job-hunt-advisor.json'));
      fifo(path.join(dir, '.job-hunt-advisor.json'));
      const r = cli(dir, 'advise', 'Good.md', '--today', TODAY);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)[0]).toMatch(/\.job-hunt-advisor\.json: is a named pipe \(FIFO\)/);
    });
  });
});

describe('an unreadable ledger is never taken for an empty one', () => {
  const LEDGER = path.join('.job-hunt-advisor', 'created.json');
  const ENTRY = { id: '0123456789abcdef', application: 'Good.md', kind: 'check-in' as const, title: 'Check in', path: 'Job hunt tasks/x.md', created: TODAY };
  const at = (dir: string, rel: string): string => path.join(dir, rel);
  const put = (dir: string, rel: string, bytes: string | Buffer): void => {
    fs.mkdirSync(path.dirname(at(dir, rel)), { recursive: true });
    fs.writeFileSync(at(dir, rel), bytes);
  };
  const attacks: [string, (dir: string) => void, string, RegExp][] = [
    ['a folder in its place', (d) => fs.mkdirSync(at(d, LEDGER), { recursive: true }), LEDGER, /is a folder/],
    ['a file where its folder goes', (d) => put(d, '.job-hunt-advisor', 'not a folder'), '.job-hunt-advisor', /is not a folder/],
    ['a FIFO in its place (never waited on)', (d) => { fs.mkdirSync(at(d, '.job-hunt-advisor')); execFileSync('mkfifo', [at(d, LEDGER)]); }, LEDGER, /is a named pipe \(FIFO\)/],
    ['Latin-1 bytes', (d) => put(d, LEDGER, Buffer.from(renderLedger([{ ...ENTRY, title: 'Café' }]), 'latin1')), LEDGER, /is not UTF-8 text \(byte 0xE9 at offset \d+\)/],
    ['text that is not JSON', (d) => put(d, LEDGER, 'hello, I am not a ledger\n'), LEDGER, /is not JSON \(line 1\)/],
    ['a ledger cut short in an entry', (d) => put(d, LEDGER, renderLedger([ENTRY, { ...ENTRY, id: 'fedcba9876543210' }]).slice(0, -40)), LEDGER, /is not JSON \(line 5\)/],
    ['JSON of another shape', (d) => put(d, LEDGER, '{"created": 5}'), LEDGER, /is JSON, but not a list of created follow-ups/],
    ['JSON null', (d) => put(d, LEDGER, 'null'), LEDGER, /is JSON, but not a list/],
    ['an empty file', (d) => put(d, LEDGER, ''), LEDGER, /is empty/],
    ['only blank lines', (d) => put(d, LEDGER, '\n \n'), LEDGER, /is empty/],
    ['a sync-conflict copy that is a folder', (d) => { put(d, LEDGER, renderLedger([ENTRY])); fs.mkdirSync(at(d, '.job-hunt-advisor/created.sync-conflict-20260309.json')); }, '.job-hunt-advisor/created.sync-conflict-20260309.json', /is a folder/],
    ['a conflicted copy holding garbage', (d) => { put(d, LEDGER, renderLedger([ENTRY])); put(d, '.job-hunt-advisor/created (conflicted copy).json', '\u0000\u0000'); }, '.job-hunt-advisor/created (conflicted copy).json', /is not JSON/],
  ];

  it.each(attacks)('%s: followups --write says so in one line naming it, creates nothing, and leaves it as it was', (_, make, shown, problem) => {
    const dir = vault({ 'Good.md': GOOD });
    make(dir);
    const before = fs.statSync(at(dir, shown)).isFile() ? fs.readFileSync(at(dir, shown)) : undefined;
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json');
    expect(r.code).toBe(1);
    const [line, ...more] = lines(r.stderr);
    expect(more).toEqual([]);
    expect(line?.startsWith(`${shown.split(path.sep).join('/')}: `)).toBe(true);
    expect(line).toMatch(problem);
    expect(line).toMatch(/none is created/);
    expect((JSON.parse(r.stdout) as { created: string[] }).created).toEqual([]);
    expect(fs.existsSync(at(dir, 'Job hunt tasks'))).toBe(false);
    if (before) expect(fs.readFileSync(at(dir, shown)).equals(before)).toBe(true);
  });

  it.skipIf(isRoot)('a ledger without read permission (chmod 000): one line, nothing created, not replaced', () => {
    const dir = vault({ 'Good.md': GOOD });
    put(dir, LEDGER, renderLedger([ENTRY]));
    fs.chmodSync(at(dir, LEDGER), 0);
    try {
      const r = cli(dir, 'followups', '.', '--today', TODAY, '--write');
      expect(lines(r.stderr)).toEqual([expect.stringMatching(/^\.job-hunt-advisor\/created\.json: permission denied; .*none is created/)]);
      expect(fs.existsSync(at(dir, 'Job hunt tasks'))).toBe(false);
    } finally {
      fs.chmodSync(at(dir, LEDGER), 0o644);
    }
  });

  it('a ledger replaced by a folder while the task notes are made: one line, and the folder is not written over', () => {
    const dir = vault({ 'Good.md': GOOD });
    let once = false;
    const r = cliWithHooks(dir, {
      beforeCreate: () => {
        if (once) return;
        once = true;
        fs.mkdirSync(at(dir, LEDGER), { recursive: true });
      },
    }, 'followups', '.', '--write', '--json');
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^\.job-hunt-advisor\/created\.json: is a folder; not replaced, so the task notes just created are not remembered in it$/)]);
    expect(fs.statSync(at(dir, LEDGER)).isDirectory()).toBe(true);
  });

  it.each([
    ['two ledgers joined line by line (a union merge)', (a: string, b: string): string => a + b],
    ['a merge conflict left in', (a: string, b: string): string => `<<<<<<< HEAD\n${a}=======\n${b}>>>>>>> laptop\n`],
  ])('%s still reads, every entry remembered: nothing made twice', (_, join) => {
    const dir = vault({ 'Good.md': GOOD });
    const first = JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json').stdout) as { created: string[] };
    expect(first.created.length).toBeGreaterThan(0);
    const ledger = fs.readFileSync(at(dir, LEDGER), 'utf8');
    fs.writeFileSync(at(dir, LEDGER), join(ledger, renderLedger([ENTRY])));
    fs.rmSync(at(dir, 'Job hunt tasks'), { recursive: true });
    const again = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json');
    expect(again.stderr).toBe('');
    expect((JSON.parse(again.stdout) as { created: string[] }).created).toEqual([]);
    expect(parseLedger(fs.readFileSync(at(dir, LEDGER), 'utf8')).map((e) => e.id)).toContain(ENTRY.id);
  });
});

describe('the tasks folder', () => {
  it.each(['EACCES', 'EROFS', 'ENOSPC'])('cannot be written (%s): each task note named once per line, nothing else in the line', (code) => {
    const dir = vault({ 'Good.md': GOOD });
    const r = cliWithHooks(dir, { beforeCreate: () => { throw fsError(code); } }, 'followups', '.', '--write');
    expect(r.code).toBe(1);
    const problems = lines(r.stderr);
    expect(problems.length).toBeGreaterThan(0);
    for (const line of problems) {
      const [notePath] = line.split(': ');
      expect(notePath).toMatch(/^Job hunt tasks\/.+\.md$/);
      expect(line.split(notePath!)).toHaveLength(2);
      expect(line).toMatch(/: not created: (permission denied|the disk is read-only|no space left on the disk)$/);
    }
  });

  it('its folder cannot be made: each line names the task note once', () => {
    const dir = vault({ 'Good.md': GOOD });
    const r = cliWithHooks(dir, { beforeMakeFolder: () => { throw fsError('EROFS'); } }, 'followups', '.', '--write');
    expect(lines(r.stderr).length).toBeGreaterThan(1);
    for (const line of lines(r.stderr)) {
      expect(line).toMatch(/^(Job hunt tasks\/[^:]+\.md|\.job-hunt-advisor\/created\.json): not created, its folder could not be made: the disk is read-only$/);
    }
  });

  it.skipIf(isRoot)('a read-only tasks folder (chmod 555): the path once per line', () => {
    const dir = vault({ 'Good.md': GOOD, 'Job hunt tasks/.keep': '' });
    fs.chmodSync(path.join(dir, 'Job hunt tasks'), 0o555);
    try {
      const r = cli(dir, 'followups', '.', '--today', TODAY, '--write');
      for (const line of lines(r.stderr)) expect(line).toMatch(/^Job hunt tasks\/[^:]+\.md: not created: permission denied$/);
    } finally {
      fs.chmodSync(path.join(dir, 'Job hunt tasks'), 0o755);
    }
  });

  it.each([
    ['a/../b', 'b'],
    ['./a/./b/../c/', 'a/c'],
    ['a\\..\\b', 'b'],
    ['x/y/../../z', 'z'],
  ])('--tasks-folder %j is checked, read and written as %j', (folder, written) => {
    const dir = vault({ 'Good.md': GOOD });
    const first = JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json', '--tasks-folder', folder).stdout) as { created: string[] };
    expect(first.created.length).toBeGreaterThan(0);
    for (const p of first.created) expect(p.startsWith(`${written}/`)).toBe(true);
    for (const p of first.created) expect(fs.existsSync(path.join(dir, p))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'a', 'b'))).toBe(false);
    // Read from the same folder on the next run: nothing again, the task notes not taken for applications.
    fs.rmSync(path.join(dir, '.job-hunt-advisor'), { recursive: true });
    const again = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json', '--tasks-folder', folder);
    expect(again.stderr).toBe('');
    expect((JSON.parse(again.stdout) as { created: string[] }).created).toEqual([]);
  });

  it.each(['a/../../outside', '../x', 'a/b/../../../x'])('--tasks-folder %j leaves the vault: refused, exit 2, nothing written', (folder) => {
    const dir = vault({ 'Good.md': GOOD });
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--tasks-folder', folder);
    expect(r.code).toBe(2);
    expect(fs.readdirSync(dir).sort()).toEqual(['.job-hunt-advisor.json', 'Good.md']);
  });

  it.each([
    ['NUL', 'NUL_'],
    ['com1', 'com1_'],
    ['LPT9/tasks', 'LPT9_/tasks'],
    ['Tasks/CON.d', 'Tasks/CON_.d'],
    ['AUX ', 'AUX_'],
    ['PRN.', 'PRN_'],
    ['tasks.../nul .x', 'tasks/nul_ .x'],
    ['COM²', 'COM²_'],
  ])('--tasks-folder %j: never a Windows device name; written to and read from %j', (folder, written) => {
    const dir = vault({ 'Good.md': GOOD });
    const first = JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json', '--tasks-folder', folder).stdout) as { created: string[] };
    expect(first.created.length).toBeGreaterThan(0);
    for (const p of first.created) expect(path.dirname(p)).toBe(written);
    fs.rmSync(path.join(dir, '.job-hunt-advisor'), { recursive: true });
    const again = JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json', '--tasks-folder', folder).stdout) as { created: string[] };
    expect(again.created).toEqual([]);
  });

  it.each(['CON', 'nul.txt', 'Com1 .tar', 'LPT1.', 'conout$'])('an application or a person named %j gives task notes whose names are not device names', (name) => {
    const dir = vault({ 'App.md': `---\nstage: Interviewing\ncompany: ${JSON.stringify(name)}\ninterview_date: 2026-03-05\ninterviewers: [${JSON.stringify(name)}]\nhiring_manager: ${JSON.stringify(name)}\n---\n` });
    const r = JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json').stdout) as { created: string[] };
    expect(r.created.length).toBeGreaterThan(0);
    for (const p of r.created) {
      for (const segment of p.split('/')) expect(segment).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)\s*(\.|$)/i);
    }
  });
});

describe('two runs at once never lose ledger entries; deleted task notes stay deleted', () => {
  const ledgerIds = (dir: string): string[] => parseLedger(fs.readFileSync(path.join(dir, LEDGER_PATH), 'utf8')).map((e) => e.id).sort();
  const taskNotes = (dir: string): string[] => (fs.existsSync(path.join(dir, 'Job hunt tasks')) ? fs.readdirSync(path.join(dir, 'Job hunt tasks')).sort() : []);
  const created = (r: { stdout: string }): string[] => (JSON.parse(r.stdout) as { created: string[] }).created;
  const LOCK = path.join('.job-hunt-advisor', 'created.lock');

  it('a second run while the first creates: waits, then one line, nothing created; later it creates, and the ledger holds both', () => {
    const dir = vault({ 'A/One.md': GOOD, 'B/Two.md': GOOD.replace('Good Co', 'Other Co') });
    let second: { code: number; stderr: string } | undefined;
    const first = cliWithHooks(dir, {
      beforeCreate: () => {
        if (second) return;
        let stderr = '';
        const io = { stdout: (): void => undefined, stderr: (t: string): void => { stderr += t; }, cwd: dir, today: () => TODAY, lock: { waitMs: 20, staleMs: 60_000 } };
        second = { code: run(['followups', 'B', '--write', '--json'], io), stderr };
      },
    }, 'followups', 'A', '--write', '--json');
    expect(first.code).toBe(0);
    expect(second?.code).toBe(1);
    expect(second?.stderr).toMatch(/^\.job-hunt-advisor\/created\.lock: another run \(process \d+ on .+, since .+\) is creating task notes in this vault; nothing created, try again when it is done\n$/);
    expect(fs.existsSync(path.join(dir, LOCK))).toBe(false);
    const later = cli(dir, 'followups', 'B', '--today', TODAY, '--write', '--json');
    expect(later.code).toBe(0);
    const all = [...created(first), ...created(later)];
    expect(ledgerIds(dir)).toHaveLength(all.length);
    // Every task note deleted: none comes back, from either folder.
    fs.rmSync(path.join(dir, 'Job hunt tasks'), { recursive: true });
    expect(created(cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json'))).toEqual([]);
    expect(taskNotes(dir)).toEqual([]);
  });

  it('entries another writer added to the ledger while this run created its notes are kept (read again before the rename)', () => {
    const dir = vault({ 'A/One.md': GOOD });
    const foreign = { id: 'ffffffffffffffff', application: 'Elsewhere.md', title: 'Made on the laptop', path: 'Job hunt tasks/x.md', created: TODAY };
    let once = false;
    const r = cliWithHooks(dir, {
      beforeCreate: () => {
        if (once) return;
        once = true;
        fs.mkdirSync(path.join(dir, '.job-hunt-advisor'), { recursive: true });
        fs.writeFileSync(path.join(dir, LEDGER_PATH), renderLedger([foreign]));
      },
    }, 'followups', '.', '--write', '--json');
    expect(r.code).toBe(0);
    expect(ledgerIds(dir)).toContain(foreign.id);
    expect(ledgerIds(dir)).toHaveLength(created(r).length + 1);
  });

  it.each([
    // A process that has ended (`node --version` exits before starting a script: a few ms, not a whole Node start).
    ['its process is gone', (): string => JSON.stringify({ pid: spawnSync(process.execPath, ['--version']).pid, host: os.hostname(), since: '2026-01-01T00:00:00Z', token: 'x' })],
    ['it is half-written', (): string => '{"pid": 12'],
    ['it is empty', (): string => ''],
  ])('a lock left behind where %s is taken over; the run creates, and leaves no lock', (_, body) => {
    const dir = vault({ 'A/One.md': GOOD, '.job-hunt-advisor/created.lock': body() });
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json');
    expect(r.stderr).toBe('');
    expect(created(r).length).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(dir, '.job-hunt-advisor'))).toEqual(['created.json']);
  });

  it('a lock older than the stale age is taken over even when its process lives', () => {
    const dir = vault({ 'A/One.md': GOOD, '.job-hunt-advisor/created.lock': JSON.stringify({ pid: process.pid, host: os.hostname(), since: 'old', token: 'x' }) });
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(path.join(dir, LOCK), hourAgo, hourAgo);
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json');
    expect(created(r).length).toBeGreaterThan(0);
  });

  it('the lock is released when creating fails part-way', () => {
    const dir = vault({ 'A/One.md': GOOD });
    const r = cliWithHooks(dir, { beforeCreate: () => { throw fsError('ENOSPC'); } }, 'followups', '.', '--write');
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, LOCK))).toBe(false);
  });

  it('[stress] eight processes on eight folders of one vault at once: every entry in the ledger, and nothing comes back after deletion', async () => {
    const bundle = path.join(vault(), 'cli.cjs');
    buildSync({ entryPoints: [path.join(REPO, 'src/cli/main.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent' });
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) for (let j = 0; j < 3; j++) files[`F${i}/App ${j}.md`] = GOOD.replace('Good Co', `Company ${i}-${j}`);
    const dir = vault(files);
    const runOne = (folder: string): Promise<number> => new Promise((resolve) => {
      execFile(process.execPath, [bundle, 'followups', folder, '--write', '--today', TODAY], { cwd: dir }, (error) => resolve(error ? Number((error as { code?: number }).code ?? 1) : 0));
    });
    const codes = await Promise.all(Array.from({ length: 8 }, (_, i) => runOne(`F${i}`)));
    expect(codes).toEqual(Array.from({ length: 8 }, () => 0));
    const notes = taskNotes(dir);
    expect(notes.length).toBeGreaterThan(8);
    expect(ledgerIds(dir)).toHaveLength(notes.length);
    fs.rmSync(path.join(dir, 'Job hunt tasks'), { recursive: true });
    const again = await Promise.all(Array.from({ length: 8 }, (_, i) => runOne(`F${i}`)));
    expect(again).toEqual(Array.from({ length: 8 }, () => 0));
    expect(taskNotes(dir)).toEqual([]);
  }, 60_000);
});

describe('a task note deleted, then its application renamed: it does not come back', () => {
  const APP = '---\nstage: Interviewing\ncompany: Kestrel Health\nrole: Designer\napplied: 2026-02-20\ninterview_date: 2026-03-05\ninterviewers: [Ana Silva, Ben Ito]\nhiring_manager: Ana Silva\n---\n';
  const created = (r: { stdout: string }): string[] => (JSON.parse(r.stdout) as { created: string[] }).created;
  const write = (dir: string): { stdout: string; stderr: string; code: number } => cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json');

  /** Renames the note as Obsidian does: the file moves, and links to it in the task notes follow. */
  function renameAsObsidian(dir: string, from: string, to: string): void {
    fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    fs.renameSync(path.join(dir, from), path.join(dir, to));
    const tasks = path.join(dir, 'Job hunt tasks');
    for (const name of fs.readdirSync(tasks)) {
      const file = path.join(tasks, name);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').split(from.replace(/\.md$/, '')).join(to.replace(/\.md$/, '')));
    }
  }

  it.each([
    ['renamed in its folder', 'Applications/Kestrel.md', 'Applications/Kestrel Health - Designer.md'],
    ['moved to another folder', 'Applications/Kestrel.md', 'Archive/2026/Kestrel.md'],
    ['renamed in case only', 'Applications/Kestrel.md', 'Applications/KESTREL.md'],
  ])('%s: the deleted one stays deleted, the others are recognised, nothing is made twice', (_, from, to) => {
    const dir = vault({ [from]: APP });
    const first = created(write(dir));
    expect(first.length).toBeGreaterThan(1);
    fs.rmSync(path.join(dir, first[0]!));
    renameAsObsidian(dir, from, to);
    const again = write(dir);
    expect(again.stderr).toBe('');
    expect(created(again)).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'Job hunt tasks'))).toHaveLength(first.length - 1);
  });

  it('the plugin moved its memory (the one ledger) with the rename: nothing comes back either', () => {
    const dir = vault({ 'Applications/Kestrel.md': APP });
    const first = created(write(dir));
    const ledger = parseLedger(fs.readFileSync(path.join(dir, LEDGER_PATH), 'utf8'));
    fs.rmSync(path.join(dir, '.job-hunt-advisor'), { recursive: true });
    for (const p of first) fs.rmSync(path.join(dir, p));
    fs.renameSync(path.join(dir, 'Applications/Kestrel.md'), path.join(dir, 'Applications/Kestrel 2026.md'));
    // What the plugin writes when it sees the rename: the same entries, under the new path.
    fs.mkdirSync(path.join(dir, '.job-hunt-advisor'), { recursive: true });
    fs.writeFileSync(path.join(dir, LEDGER_PATH), renderLedger(ledger.map((e) => ({ ...e, application: 'Applications/Kestrel 2026.md' }))));
    expect(created(write(dir))).toEqual([]);
  });

  it('a new application with other names still gets its task notes', () => {
    const dir = vault({ 'Applications/Kestrel.md': APP });
    const first = created(write(dir));
    fs.rmSync(path.join(dir, first[0]!));
    renameAsObsidian(dir, 'Applications/Kestrel.md', 'Applications/Kestrel old.md');
    fs.writeFileSync(path.join(dir, 'Applications/Orchid.md'), APP.replace('Kestrel Health', 'Orchid Labs').replace(/Ana Silva/g, 'Cy Oh').replace('Ben Ito', 'Dee Roy'));
    expect(created(write(dir)).length).toBeGreaterThan(0);
  });
});

describe('a task note depends only on its application, never on the day or the zone it was made in', () => {
  const APPS: Record<string, string> = {
    'Applications/Kestrel.md': '---\nstage: Interviewing\ncompany: Kestrel Health\nrole: Designer\napplied: 2026-02-20\ninterview_date: 2026-03-05\ninterviewers: [Ana Silva, Ben Ito]\nhiring_manager: Ana Silva\n---\n',
    'Applications/Orchid.md': '---\nstage: Applied\ncompany: Orchid Labs\nrole: Analyst\napplied: 2026-03-02\nhiring_manager: Jane Doe\n---\n',
    'Applications/Juniper.md': '---\nstage: Offer\ncompany: Juniper Analytics\nrole: BI Developer\napplied: 2026-01-10\ninterview_date: 2026-02-20T23:30:00-08:00\ninterviewers: [Cy Oh]\n---\n',
  };

  /** The task notes one "device" writes: a fresh copy of the vault, its own day and zone. */
  function device(today: string, zone: string): Map<string, string> {
    const before = process.env.TZ;
    process.env.TZ = zone;
    try {
      const dir = vault(APPS);
      const r = cli(dir, 'followups', '.', '--today', today, '--write', '--json');
      expect(r.code).toBe(0);
      const notes = new Map<string, string>();
      for (const p of (JSON.parse(r.stdout) as { created: string[] }).created) notes.set(p, fs.readFileSync(path.join(dir, p), 'utf8'));
      return notes;
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  }

  const sameBytes = (dayA: string, zoneA: string, dayB: string, zoneB: string): void => {
    const a = device(dayA, zoneA);
    const b = device(dayB, zoneB);
    const both = [...a.keys()].filter((p) => b.has(p));
    expect(both.length).toBeGreaterThan(0);
    for (const p of both) expect(b.get(p), p).toBe(a.get(p));
  };

  it.each([
    ['UTC+14 and Los Angeles', 'Pacific/Kiritimati', 'America/Los_Angeles'],
    ['UTC and Kolkata', 'UTC', 'Asia/Kolkata'],
    ['Berlin and Honolulu', 'Europe/Berlin', 'Pacific/Honolulu'],
  ])('two devices on the same calendar day in %s write the same bytes to every task-note path', (_, zoneA, zoneB) => {
    sameBytes('2026-03-09', zoneA, '2026-03-09', zoneB);
  });

  it.each([
    ['the next day, in another zone', '2026-03-09', 'UTC', '2026-03-10', 'Asia/Kolkata'],
    ['a week apart', '2026-03-06', 'Europe/Berlin', '2026-03-13', 'Pacific/Honolulu'],
    ['a month apart, across a daylight-saving change', '2026-02-25', 'America/New_York', '2026-03-27', 'Europe/London'],
    ['across the year', '2025-12-31', 'Pacific/Kiritimati', '2026-01-02', 'Pacific/Pago_Pago'],
  ])('two devices on %s write the same bytes to every task-note path both create', (_, dayA, zoneA, dayB, zoneB) => {
    sameBytes(dayA, zoneA, dayB, zoneB);
  });

  it('every shape of application, on each day of three weeks: each task-note path always gets the same bytes', () => {
    const shapes: Record<string, string> = {
      ...APPS,
      'Applications/Undated.md': '---\nstage: Interviewing\ncompany: Undated Co\nrecruiter: Rita Okafor\napplied: 2026-02-01\n---\n',
      'Applications/No dates.md': '---\nstage: Applied\ncompany: No Dates Co\nhiring_manager: Lee Park\n---\n',
      'Applications/Recruiter.md': '---\nstage: Applied\ncompany: Quayside\nrecruiter: Noor Haddad\napplied: 2026-03-01\n---\n',
      'Applications/Rejected.md': '---\nstage: Rejected\ncompany: Rej Co\nhiring_manager: Ana Silva\ninterview_date: 2026-02-25\ninterviewers: [Ana Silva]\ndecision_date: 2026-03-04\n---\n',
      'Applications/Hired.md': '---\nstage: Accepted\ncompany: Hire Co\nhiring_manager: Bo Chen\ndecision_date: 2026-03-05\n---\n',
      'Applications/Connected.md': '---\nstage: Wishlist\ncompany: Link Co\nhiring_manager: Di Ng\nconnected: true\n---\n',
      'Applications/Ghosted.md': '---\nstage: Ghosted\ncompany: Quiet Co\napplied: 2026-01-10\nfollowUpDate: 2026-03-12\n---\n',
      'Applications/Rounds.md': '---\nstage: Interviewing\ncompany: Two Rounds\nhiring_manager: Cy Oh\napplied: 2026-02-10\ninterviews:\n  - date: 2026-03-04\n    interviewers: [Eve Moss]\n  - date: 2026-03-18\n    interviewers: [Raj Patel, Cy Oh]\n---\n',
    };
    const seen = new Map<string, string>();
    let shared = 0;
    for (let day = 0; day < 21; day++) {
      const today = new Date(Date.UTC(2026, 2, 1 + day)).toISOString().slice(0, 10);
      const dir = vault(shapes);
      const r = cli(dir, 'followups', '.', '--today', today, '--write', '--json');
      expect(r.code, r.stderr).toBe(0);
      for (const p of (JSON.parse(r.stdout) as { created: string[] }).created) {
        const text = fs.readFileSync(path.join(dir, p), 'utf8');
        expect(text, `${p} on ${today}`).not.toMatch(/\b(today|tomorrow|yesterday|ago|in \d+ days?)\b/);
        const before = seen.get(p);
        if (before === undefined) seen.set(p, text);
        else {
          shared++;
          expect(text, `${p} on ${today}`).toBe(before);
        }
      }
    }
    expect(shared).toBeGreaterThan(100);
  });
});

describe('names that differ only in case', () => {
  interface Json { created: string[]; followUps: { application: string; id: string }[] }
  const write = (dir: string): Json => JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json').stdout) as Json;
  const taskFiles = (dir: string): string[] => fs.readdirSync(path.join(dir, 'Job hunt tasks')).sort();

  it.each([
    ['Acme.md', 'ACME.md'],
    ['Jobs/acme - analyst.md', 'Jobs/Acme - Analyst.md'],
    ['Jobs/Acme.md', 'JOBS/Acme.md'],
    ['Café.md', 'CAFÉ.md'],
  ])('%s and %s each get their own task notes, under names that differ in more than case', (a, b) => {
    const dir = vault({ [a]: GOOD.replace('Good Co', 'Acme'), [b]: GOOD.replace('Good Co', 'ACME') });
    const json = write(dir);
    const ids = (app: string): string[] => json.followUps.filter((f) => f.application === app).map((f) => f.id);
    expect(ids(a).length).toBeGreaterThan(0);
    expect(ids(b)).toHaveLength(ids(a).length);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    expect(json.created).toHaveLength(json.followUps.length);
    // A case-insensitive disk (macOS, Windows) would take two names differing only in case for one file.
    expect(new Set(json.created.map((p) => p.toLowerCase())).size).toBe(json.created.length);
    expect(write(dir).created).toEqual([]);
  });

  /**
   * The vault as an older version left it for `Acme.md`: ids made from the path with its case
   * folded, which are the ids this version gives `acme.md`. So: made for `acme.md`, then renamed.
   */
  function madeByAnOlderVersion(keepLedger = true): { dir: string; made: string[] } {
    const dir = vault({ 'acme.md': GOOD.replace('Good Co', 'Acme') });
    const made = write(dir).created;
    fs.renameSync(path.join(dir, 'acme.md'), path.join(dir, 'Acme.md'));
    for (const p of made) {
      const file = path.join(dir, p);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').split('[[acme]]').join('[[Acme]]'));
    }
    const ledger = path.join(dir, LEDGER_PATH);
    if (keepLedger) fs.writeFileSync(ledger, fs.readFileSync(ledger, 'utf8').split('"application":"acme.md"').join('"application":"Acme.md"'));
    else fs.rmSync(ledger);
    return { dir, made };
  }

  it('after the upgrade, an application whose task notes an older version made gets none again', () => {
    const { dir, made } = madeByAnOlderVersion();
    const before = taskFiles(dir);
    expect(write(dir).created).toEqual([]);
    expect(taskFiles(dir)).toEqual(before);
    expect(made.length).toBeGreaterThan(0);
  });

  it('after the upgrade, a task note the person deleted under the older version stays deleted', () => {
    const { dir, made } = madeByAnOlderVersion();
    fs.rmSync(path.join(dir, made[0]!));
    expect(write(dir).created).toEqual([]);
    expect(taskFiles(dir)).toHaveLength(made.length - 1);
  });

  it('after the upgrade, task notes of the older version are recognised without any ledger', () => {
    const { dir } = madeByAnOlderVersion(false);
    expect(write(dir).created).toEqual([]);
  });

  it("after the upgrade, ACME.md added beside Acme.md gets its own task notes: the older ids of Acme.md are not taken for its", () => {
    const { dir, made } = madeByAnOlderVersion();
    fs.writeFileSync(path.join(dir, 'ACME.md'), GOOD.replace('Good Co', 'ACME'));
    const json = write(dir);
    expect(json.created.length).toBe(made.length);
    expect(json.created.every((p) => json.followUps.some((f) => f.application === 'ACME.md'))).toBe(true);
    expect(taskFiles(dir)).toHaveLength(2 * made.length);
  });
});
