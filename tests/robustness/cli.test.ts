// Issue 4 for the command-line tool: every bad input gets one line naming the note, nothing runs,
// nothing is lost, nothing is made twice. Cases already covered in tests/cli are listed in
// TESTING.md; these are the rest.
import * as fs from 'node:fs';
import * as path from 'node:path';
import process from 'node:process';
import { afterEach, describe, expect, it } from 'vitest';
import { removeBlock } from '../../src/core/callout';
import { LEDGER_PATH, parseLedger } from '../../src/core/ledger';
import { TASK_ID_FIELD } from '../../src/core/task-note';
import { readFrontmatter } from '../../src/cli/frontmatter';
import { cli, snapshotFiles, tempVault, TODAY } from '../cli/helpers';

const made: string[] = [];
function vault(files: Record<string, string> = {}, copyExample = false): string {
  const dir = tempVault({ '.job-hunt-advisor.json': '{}', ...files }, copyExample);
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

interface FollowUpsJson {
  followUps: { application: string; title: string; due: string; id: string; scheduled?: string }[];
  created?: string[];
  skipped?: string[];
}

function followups(dir: string, ...extra: string[]): FollowUpsJson {
  const r = cli(dir, 'followups', '.', '--today', TODAY, '--json', ...extra);
  return JSON.parse(r.stdout) as FollowUpsJson;
}

/** Every task note's follow-up id below the tasks folder (and anywhere else in the vault). */
function taskIds(dir: string): string[] {
  const ids: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.md')) {
        const fm = readFrontmatter(fs.readFileSync(full, 'utf8'));
        const id = fm.ok && fm.frontmatter ? (fm.frontmatter as Record<string, unknown>)[TASK_ID_FIELD] : undefined;
        if (typeof id === 'string') ids.push(id);
      }
    }
  };
  walk(dir);
  return ids.sort();
}

/** stderr as lines; each must start with the note's path and hold no stack trace. */
function problemLines(stderr: string): string[] {
  expect(stderr).not.toMatch(/\n\s+at |Error:|\.ts:\d+/);
  return stderr.split('\n').filter((l) => l !== '');
}

describe('frontmatter', () => {
  it.each([
    ['a number', 'stage: 3', /^Stage\.md: stage is the number 3/],
    ['a list', 'stage: [Applied, Rejected]', /^Stage\.md: stage lists several values \(Applied, Rejected\)/],
    ['null', 'stage: null', /^Stage\.md: stage is empty/],
    ['empty', 'stage:', /^Stage\.md: stage is empty/],
    ['a map', 'stage: {a: 1}', /^Stage\.md: stage/],
  ])('a stage that is %s: one line naming the note and the field, exit 1, note untouched', (_, line, message) => {
    const text = `---\n${line}\ncompany: Acme\n---\nBody\n`;
    const dir = vault({ 'Stage.md': text });
    const r = cli(dir, 'advise', 'Stage.md', '--today', TODAY, '--write');
    expect(r.code).toBe(1);
    const lines = problemLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(fs.readFileSync(path.join(dir, 'Stage.md'), 'utf8')).toBe(text);
  });

  it('duplicate keys: one line naming the note, nothing written', () => {
    const text = '---\nstage: Applied\nstage: Rejected\n---\n';
    const dir = vault({ 'Dup.md': text });
    const r = cli(dir, 'advise', 'Dup.md', '--today', TODAY, '--write');
    expect(r.code).toBe(1);
    expect(problemLines(r.stderr)).toEqual([expect.stringMatching(/^Dup\.md: broken frontmatter: duplicated mapping key/)]);
    expect(fs.readFileSync(path.join(dir, 'Dup.md'), 'utf8')).toBe(text);
  });

  it.each(['js', 'javascript', 'coffee'])('---%s front matter in a folder scan never runs, and is named', (language) => {
    const trace = path.join(vault(), `ran-${language}.txt`);
    const payload = language === 'coffee'
      ? `require('fs').writeFileSync ${JSON.stringify(trace)}, 'ran'`
      : `require('fs').writeFileSync(${JSON.stringify(trace)}, 'ran'); ({ stage: 'Applied' })`;
    const dir = vault({ 'Script.md': `---${language}\n${payload}\n---\nBody\n` });
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write');
    expect(fs.existsSync(trace)).toBe(false);
    expect(r.code).toBe(1);
    expect(problemLines(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^Script\\.md: front matter in ${language} is not read`))]);
  });

  it('a YAML code tag (!!js/function) is refused as broken, never run', () => {
    const trace = path.join(vault(), 'ran.txt');
    const dir = vault({ 'Tag.md': `---\nstage: Applied\ncompany: !!js/function "function () { require('fs').writeFileSync('${trace}', 'x') }"\n---\n` });
    const r = cli(dir, 'advise', 'Tag.md', '--today', TODAY, '--write');
    expect(r.code).toBe(1);
    expect(problemLines(r.stderr)).toEqual([expect.stringMatching(/^Tag\.md: broken frontmatter: unknown scalar tag/)]);
    expect(fs.existsSync(trace)).toBe(false);
  });

  it('aliases nested nine deep (a "billion laughs" note) are read in an instant, not expanded', () => {
    const lines = ['---', 'stage: Applied', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
    lines.push('interviewers: *a9', 'contacts: *a9', 'company: *a9', '---', '');
    const dir = vault({ 'Laughs.md': lines.join('\n') });
    const started = Date.now();
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.code).toBe(0);
    expect(problemLines(r.stderr).every((l) => l.startsWith('Laughs.md: '))).toBe(true);
  });

  it('huge values: read, task-note names capped, messages kept short', () => {
    const dir = vault({
      'Huge.md': `---\nstage: Interviewing\ncompany: ${'C'.repeat(200_000)}\nrole: ${'R'.repeat(100_000)}\ninterview_date: 2026-03-12\ninterviewers: ["${'I'.repeat(50_000)}"]\n---\n`,
      'Huge stage.md': `---\nstage: ${'S'.repeat(100_000)}\n---\n`,
    });
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json');
    expect(r.code).toBe(1);
    const lines = problemLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Huge stage\.md: stage /);
    expect(lines[0]!.length).toBeLessThan(400);
    const json = JSON.parse(r.stdout) as FollowUpsJson;
    expect(json.created?.length).toBeGreaterThan(0);
    for (const p of json.created ?? []) expect(new TextEncoder().encode(path.basename(p)).length).toBeLessThanOrEqual(255);
  });

  describe('dates of every shape', () => {
    it.each([
      ['impossible', 'applied: 2026-02-30', /^D\.md: applied "2026-02-30" is not a date; ignored$/],
      ['five-digit year', 'applied: 12345-01-01', /^D\.md: applied "12345-01-01" is not a date; ignored$/],
      ['words', 'applied: last week', /^D\.md: applied "last week" is not a date; ignored$/],
      ['a number', 'applied: 20260301', /^D\.md: applied .*20260301/],
    ])('%s: a warning naming note, field and value; the rest is still advised', (_, line, message) => {
      const dir = vault({ 'D.md': `---\nstage: Applied\ncompany: Acme\n${line}\n---\n` });
      const r = cli(dir, 'advise', 'D.md', '--today', TODAY, '--json');
      expect(r.code).toBe(0);
      expect(problemLines(r.stderr)).toEqual([expect.stringMatching(message)]);
    });

    it('empty dates are simply absent: no warning', () => {
      const dir = vault({ 'D.md': '---\nstage: Applied\ncompany: Acme\napplied: ""\ninterview_date:\nfollowUpDate: " "\n---\n' });
      const r = cli(dir, 'advise', 'D.md', '--today', TODAY, '--json');
      expect(r).toMatchObject({ code: 0, stderr: '' });
    });

    it('far past and far future: every follow-up due today or later, within year 9999', () => {
      const dir = vault({
        'Past.md': '---\nstage: Interviewing\ncompany: Old\napplied: 0001-01-01\ninterview_date: 0050-03-01\n---\n',
        'Future.md': '---\nstage: Interviewing\ncompany: Far\napplied: 2026-03-01\ninterview_date: 9999-12-31\n---\n',
      });
      const json = followups(dir);
      expect(json.followUps.length).toBeGreaterThan(0);
      for (const f of json.followUps) {
        expect(f.due >= TODAY).toBe(true);
        expect(f.due <= '9999-12-31').toBe(true);
        expect(f.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (f.scheduled) expect(f.scheduled <= f.due).toBe(true);
      }
      // The letter for an interview on the last day there is can't be due before it.
      const letter = json.followUps.find((f) => f.application === 'Future.md' && /thank-you/.test(f.title));
      expect(letter?.due).toBe('9999-12-31');
    });

    it('date-times with offsets keep the day written, identical in every time zone', () => {
      const dir = vault({
        'A.md': '---\nstage: Interviewing\ncompany: Acme\napplied: 2026-03-01T23:30:00-08:00\ninterview_date: 2026-03-12T00:15:00+14:00\n---\n',
        'B.md': '---\nstage: Applied\ncompany: Beta\napplied: 2026-03-08T23:59:59Z\n---\n',
      });
      const zone = process.env.TZ;
      const outputs: string[] = [];
      try {
        for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata']) {
          process.env.TZ = tz;
          outputs.push(cli(dir, 'followups', '.', '--today', TODAY, '--json', '--details').stdout);
        }
      } finally {
        if (zone === undefined) delete process.env.TZ;
        else process.env.TZ = zone;
      }
      expect(new Set(outputs).size).toBe(1);
      const json = JSON.parse(outputs[0]!) as FollowUpsJson;
      expect(json.followUps.some((f) => f.title.includes('2026-03-12'))).toBe(true);
    });
  });
});

describe('note text', () => {
  it.each([
    ['no frontmatter', '# Notes\nJust text.\n'],
    ['an empty file', ''],
    ['frontmatter only, no stage', '---\ntitle: Recipes\n---'],
    ['an unclosed block', '---\nstage: Applied\n'],
  ])('%s: skipped quietly in a folder, explained by advise, never written', (_, text) => {
    const dir = vault({ 'N.md': text });
    expect(cli(dir, 'followups', '.', '--today', TODAY, '--write')).toMatchObject({ code: 0, stderr: '' });
    const r = cli(dir, 'advise', 'N.md', '--today', TODAY, '--write');
    expect(r.code).toBe(1);
    expect(problemLines(r.stderr)).toEqual([expect.stringMatching(/^N\.md: .*(frontmatter|stage)/)]);
    expect(fs.readFileSync(path.join(dir, 'N.md'), 'utf8')).toBe(text);
  });

  it.each([
    ['frontmatter only', '---\nstage: Applied\napplied: 2026-03-06\n---'],
    ['a BOM', '\uFEFF---\nstage: Applied\napplied: 2026-03-06\n---\nBody\n'],
    ['CRLF', '---\r\nstage: Applied\r\napplied: 2026-03-06\r\n---\r\nBody\r\n'],
    ['no final newline', '---\nstage: Applied\napplied: 2026-03-06\n---\nBody'],
    ['a BOM, CRLF and no final newline', '\uFEFF---\r\nstage: Applied\r\n---\r\nBody'],
  ])('%s: advised, and --write keeps every byte around the block', (_, text) => {
    for (const placement of ['top', 'end']) {
      const dir = vault({ 'N.md': text });
      expect(cli(dir, 'advise', 'N.md', '--today', TODAY, '--write', '--placement', placement).code).toBe(0);
      const after = fs.readFileSync(path.join(dir, 'N.md'), 'utf8');
      expect(after).toContain('[!job-hunt-advice]');
      expect(removeBlock(after)).toBe(text);
      if (text.includes('\r\n')) expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    }
  });

  it("the user's own callouts and markers in code, with a managed block edited inside: nothing lost", () => {
    const text = [
      '---', 'stage: Applied', 'applied: 2026-03-06', '---',
      '> [!job-hunt-advice] my own callout, not the tool\'s', '> keep', '',
      '~~~~', '%% job-hunt-advisor: start %%', '~~~~', '',
      '%% job-hunt-advisor: start %%', '', '> [!job-hunt-advice] old', '> old line', 'A line I typed inside.', '', '%% job-hunt-advisor: end %%',
      'After.', '',
    ].join('\n');
    const dir = vault({ 'N.md': text });
    expect(cli(dir, 'advise', 'N.md', '--today', TODAY, '--write').code).toBe(0);
    const after = fs.readFileSync(path.join(dir, 'N.md'), 'utf8');
    expect(after).toContain("> [!job-hunt-advice] my own callout, not the tool's\n> keep\n");
    expect(after).toContain('~~~~\n%% job-hunt-advisor: start %%\n~~~~\n');
    expect(after).toContain('A line I typed inside.');
    expect(after).not.toContain('> old line');
    expect(after.split('%% job-hunt-advisor: end %%')).toHaveLength(2);
  });
});

describe('names', () => {
  it('task notes stay inside the tasks folder, named safely, and their project link names the application note', () => {
    const hostile = ['a/b', 'c\\d', '..', '../../x', 'CON', 'nul.txt', 'x:*?"<>|#^[]', 'Ana 🙂 Silva', 'مرحبا שלום', '\u202eevil', 'L'.repeat(300)];
    const files: Record<string, string> = {};
    hostile.forEach((name, i) => {
      files[`Apps/App ${i}.md`] = `---\nstage: Interviewing\ncompany: ${JSON.stringify(name)}\nrole: ${JSON.stringify(name)}\ninterview_date: 2026-03-12\ninterviewers: [${JSON.stringify(name)}]\nhiring_manager: ${JSON.stringify(name)}\n---\n`;
    });
    const dir = vault(files);
    const json = followups(dir, '--write');
    expect(json.created?.length).toBeGreaterThanOrEqual(hostile.length);
    const tasks = fs.realpathSync(path.join(dir, 'Job hunt tasks'));
    for (const p of json.created ?? []) {
      const file = fs.realpathSync(path.join(dir, p));
      expect(path.dirname(file)).toBe(tasks);
      const name = path.basename(file);
      expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
      expect(name).not.toMatch(/[\\/:*?"<>|#^[\]\u202e]|^\./);
      // The link back: the application note's path (shown by its name), which Obsidian resolves to it.
      const fm = readFrontmatter(fs.readFileSync(file, 'utf8'));
      const projects = fm.ok ? (fm.frontmatter as { projects: string[] }).projects : [];
      const [, link, alias] = /^\[\[([^|]+)\|(.+)\]\]$/.exec(projects[0] ?? '') ?? [];
      const app = json.followUps.find((f) => p.includes(f.id.slice(0, 8)))?.application;
      expect(link).toBe((app ?? '').replace(/\.md$/, ''));
      expect(alias).toBe(path.basename(app ?? '', '.md'));
      expect(fs.existsSync(path.join(dir, `${link}.md`))).toBe(true);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['.job-hunt-advisor', '.job-hunt-advisor.json', 'Apps', 'Job hunt tasks']);
  });

  it('an application note whose own name a wikilink cannot carry gets a Markdown link to its path', () => {
    const dir = vault({ 'Apps/Acme [draft] #1.md': '---\nstage: Applied\ncompany: Acme\napplied: 2026-03-06\n---\n' });
    const json = followups(dir, '--write');
    const text = fs.readFileSync(path.join(dir, json.created![0]!), 'utf8');
    const link = /projects:\n {2}- "\[.*\]\((.+)\)"/.exec(text)?.[1];
    expect(decodeURIComponent(link ?? '')).toBe('Apps/Acme [draft] #1.md');
  });
});

describe('repetition', () => {
  it('advise --write and followups --write 100 times: byte-identical vault, no extra file [stress]', () => {
    const dir = vault({}, true);
    const note = 'Applications/Kestrel Health - Product Designer.md';
    expect(cli(dir, 'advise', note, '--today', TODAY, '--write').code).toBe(0);
    expect(cli(dir, 'followups', '.', '--today', TODAY, '--write').code).toBe(0);
    const once = snapshotFiles(dir);
    for (let i = 0; i < 99; i++) {
      cli(dir, 'advise', note, '--today', TODAY, '--write');
      cli(dir, 'followups', '.', '--today', TODAY, '--write');
    }
    expect(snapshotFiles(dir)).toEqual(once);
  });

  it('a task note deleted or completed after the tool made it never returns, on later days too', () => {
    const dir = vault({}, true);
    const first = followups(dir, '--write');
    const [gone, done] = first.created ?? [];
    fs.rmSync(path.join(dir, gone!));
    const donePath = path.join(dir, done!);
    fs.writeFileSync(donePath, fs.readFileSync(donePath, 'utf8').replace('status: open', 'status: done'));
    fs.renameSync(donePath, path.join(dir, 'Done elsewhere.md'));
    for (const today of [TODAY, '2026-03-10']) {
      const again = JSON.parse(cli(dir, 'followups', '.', '--today', today, '--write', '--json').stdout) as FollowUpsJson;
      expect(again.created).not.toContain(gone);
      expect(again.created).not.toContain(done);
    }
    expect(fs.existsSync(path.join(dir, gone!))).toBe(false);
    expect(new Set(taskIds(dir)).size).toBe(taskIds(dir).length);
  });

  it('the ledger is inside the vault, sorted, and the same bytes on every run', () => {
    const dir = vault({}, true);
    followups(dir, '--write');
    const text = fs.readFileSync(path.join(dir, LEDGER_PATH), 'utf8');
    const entries = parseLedger(text);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort());
    expect(entries.length).toBeGreaterThan(0);
    followups(dir, '--write');
    expect(fs.readFileSync(path.join(dir, LEDGER_PATH), 'utf8')).toBe(text);
    // A dry run writes no ledger.
    const dry = vault({}, true);
    followups(dry);
    expect(fs.existsSync(path.join(dry, LEDGER_PATH))).toBe(false);
  });

  it('two devices on copies of one vault, merged by a sync: no duplicate task note, and a deletion holds', () => {
    const a = vault({}, true);
    const b = vault({}, true);
    followups(a, '--write');
    // The other device works on another day and after a change to one application.
    const kestrel = path.join(b, 'Applications/Kestrel Health - Product Designer.md');
    fs.writeFileSync(kestrel, fs.readFileSync(kestrel, 'utf8').replace('date: 2026-03-12', 'date: 2026-03-11'));
    cli(b, 'followups', '.', '--today', '2026-03-10', '--write');
    // The sync: b's files over a's; a's ledger survives as a conflict copy.
    const merged = vault();
    fs.cpSync(a, merged, { recursive: true });
    fs.copyFileSync(path.join(a, LEDGER_PATH), path.join(merged, '.job-hunt-advisor', 'created.sync-conflict-20260310-a.json'));
    fs.cpSync(b, merged, { recursive: true, force: true });
    const before = taskIds(merged);
    expect(new Set(before).size).toBe(before.length);
    const again = JSON.parse(cli(merged, 'followups', '.', '--today', '2026-03-10', '--write', '--json').stdout) as FollowUpsJson;
    expect(again.created).toEqual([]);
    expect(taskIds(merged)).toEqual(before);
    // A note only device a made, deleted after the sync, stays deleted.
    const onlyA = fs.readdirSync(path.join(a, 'Job hunt tasks')).find((n) => !fs.existsSync(path.join(b, 'Job hunt tasks', n)));
    expect(onlyA).toBeDefined();
    fs.rmSync(path.join(merged, 'Job hunt tasks', onlyA!));
    cli(merged, 'followups', '.', '--today', '2026-03-10', '--write');
    expect(fs.existsSync(path.join(merged, 'Job hunt tasks', onlyA!))).toBe(false);
  });

  it('an application renamed in Obsidian (task links follow) does not duplicate, even with a task deleted', () => {
    const dir = vault({}, true);
    const first = followups(dir, '--write');
    const orchid = first.created!.filter((p) => fs.readFileSync(path.join(dir, p), 'utf8').includes('[[Applications/Orchid Labs - Analyst|'));
    expect(orchid.length).toBeGreaterThan(1);
    fs.renameSync(path.join(dir, 'Applications/Orchid Labs - Analyst.md'), path.join(dir, 'Applications/Orchid (old).md'));
    for (const p of orchid) {
      const file = path.join(dir, p);
      // Obsidian rewrites the link's target and keeps the alias it had.
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').split('[[Applications/Orchid Labs - Analyst|').join('[[Applications/Orchid (old)|'));
    }
    const count = taskIds(dir).length;
    const again = followups(dir, '--write');
    expect(again.created).toEqual([]);
    expect(taskIds(dir)).toHaveLength(count);
    // Deleting one now: the ledger learnt the renamed application's ids on the run above.
    fs.rmSync(path.join(dir, orchid[0]!));
    expect(followups(dir, '--write').created).toEqual([]);
  });
});

describe('the ledger itself', () => {
  it('is never written outside the vault through a link', () => {
    const outside = vault();
    const dir = vault({ 'A.md': '---\nstage: Applied\ncompany: Acme\napplied: 2026-03-06\n---\n' });
    fs.symlinkSync(outside, path.join(dir, '.job-hunt-advisor'));
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write');
    expect(r.stderr).toMatch(/^\.job-hunt-advisor\/created\.json: .*outside the vault/m);
    expect(fs.readdirSync(outside)).toEqual(['.job-hunt-advisor.json']);
  });

  it('a ledger that is not JSON is one line, never a crash, and is neither rebuilt nor replaced', () => {
    const dir = vault({ 'A.md': '---\nstage: Applied\ncompany: Acme\napplied: 2026-03-06\n---\n', [LEDGER_PATH]: '{ not json' });
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^\.job-hunt-advisor\/created\.json: is not JSON \(line 1\); .* none is created .*\n$/);
    expect(fs.readFileSync(path.join(dir, LEDGER_PATH), 'utf8')).toBe('{ not json');
  });
});
