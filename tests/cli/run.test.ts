// End-to-end tests of the command-line tool, in-process, on temporary copies of notes.
import type { Buffer } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeBlock } from '../../src/core/callout';
import { renderLedger } from '../../src/core/ledger';
import { checkSetting } from '../../src/core/settings';
import { cli, snapshotFiles, tempVault, TODAY } from './helpers';

const created: string[] = [];
function vault(files: Record<string, string | Buffer> = {}, copyExample = false): string {
  const dir = tempVault(files, copyExample);
  created.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const ORCHID = 'Applications/Orchid Labs - Analyst.md';

interface ExpertJson { name: string; organization: string }
interface AdviseJson {
  stage: string;
  connectNow: boolean;
  today: string;
  advice: { title: string; experts: ExpertJson[] }[];
  followUps: { title: string; due: string }[];
  written?: boolean;
}
interface FollowUpsJson {
  followUps: { application: string; title: string; due: string; id: string; taskNote?: string }[];
  created?: string[];
  skipped?: string[];
}

describe('help and usage', () => {
  it('prints help for the tool and for each command, exit 0', () => {
    const dir = vault();
    expect(cli(dir, '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('job-hunt-advisor advise <note.md>') as unknown });
    expect(cli(dir, 'advise', '--help').stdout).toContain('--write');
    expect(cli(dir, 'help', 'followups').stdout).toContain('--details');
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['advise'], /advise needs a note/],
    [['advise', 'a.md', 'b.md'], /takes one note/],
    [['advise', 'a.md', '--today', '2026-02-30'], /--today "2026-02-30" is not a calendar date/],
    [['followups', '.', '--today', 'next tuesday'], /--today "next tuesday" is not a calendar date/],
    [['followups', '.', '--today'], /--today needs a value/],
    [['followups', '.', '--loud'], /unknown option "--loud"/],
    [['followups', '.', '--limit', 'ten'], /--limit: .*must be a whole number from 50 to 3000, not "ten"/],
    [['advise', 'a.md', '--details'], /--details is for followups/],
  ])('%j is a usage error: exit 2, one line and a hint', (argv, message) => {
    const r = cli(vault(), ...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(message);
    expect(lines[1]).toMatch(/^Try: job-hunt-advisor/);
  });

  it('says a missing note or folder is missing: exit 1, one line', () => {
    const dir = vault();
    expect(cli(dir, 'advise', 'Nope.md')).toEqual({ code: 1, stdout: '', stderr: 'Nope.md: no such file\n' });
    expect(cli(dir, 'followups', 'Nowhere')).toEqual({ code: 1, stdout: '', stderr: 'Nowhere: no such folder\n' });
  });

  it('tells a folder from a note', () => {
    const dir = vault({ 'A.md': '---\nstage: Applied\n---\n' });
    expect(cli(dir, 'advise', '.').stderr).toMatch(/is a folder: advise reads one note/);
    expect(cli(dir, 'followups', 'A.md').stderr).toMatch(/is a file: followups reads a folder/);
  });
});

describe('advise', () => {
  it('--json gives the canonical stage, the verdict, advice with experts and dated follow-ups', () => {
    const dir = vault({}, true);
    const r = cli(dir, 'advise', ORCHID, '--today', TODAY, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as AdviseJson;
    expect(json.stage).toBe('applied');
    expect(json.today).toBe(TODAY);
    expect(typeof json.connectNow).toBe('boolean');
    expect(json.advice.length).toBeGreaterThan(0);
    for (const a of json.advice) {
      expect(a.title).toBeTruthy();
      expect(a.experts.length).toBeGreaterThan(0);
      for (const e of a.experts) expect(Object.keys(e).sort()).toEqual(['name', 'organization']);
    }
    expect(json.followUps.length).toBeGreaterThan(0);
    for (const f of json.followUps) expect(f.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('takes today from the computer when --today is not given', () => {
    const dir = vault({}, true);
    expect((JSON.parse(cli(dir, 'advise', ORCHID, '--json').stdout) as AdviseJson).today).toBe('2026-03-10');
  });

  it('prints readable text naming experts, and writes nothing without --write', () => {
    const dir = vault({}, true);
    const before = snapshotFiles(dir);
    const r = cli(dir, 'advise', ORCHID, '--today', TODAY);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Ryan Nouis|Megan Chiamos|Justin Barlow/);
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('--write inserts the callout, keeps every other byte, and a second run changes nothing', () => {
    const original = '\uFEFF---\r\nstage: Applied\r\ncompany: Acme\r\napplied: 2026-03-06\r\n---\r\n# Acme\r\n\r\n> [!note] My own callout\r\n> keep me\r\n\r\nLast line without newline';
    const dir = vault({ 'Acme.md': original });
    const first = cli(dir, 'advise', 'Acme.md', '--today', TODAY, '--write', '--json');
    expect(first.code).toBe(0);
    expect((JSON.parse(first.stdout) as AdviseJson).written).toBe(true);
    const after = fs.readFileSync(path.join(dir, 'Acme.md'), 'utf8');
    expect(after).toContain('[!job-hunt-advice]');
    expect(removeBlock(after)).toBe(original);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n'); // CRLF stays CRLF
    const bytes = fs.readFileSync(path.join(dir, 'Acme.md'));
    const second = cli(dir, 'advise', 'Acme.md', '--today', TODAY, '--write');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('nothing changed');
    expect(fs.readFileSync(path.join(dir, 'Acme.md')).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['Acme.md']);
  });

  it("leaves a half-deleted block as the person's text and adds a fresh one", () => {
    const original = '---\nstage: Applied\napplied: 2026-03-06\n---\n%% job-hunt-advisor: start %%\n\n> [!job-hunt-advice] Old advice\n> I edited this.\n\nMy notes.\n';
    const dir = vault({ 'Acme.md': original });
    expect(cli(dir, 'advise', 'Acme.md', '--today', TODAY, '--write').code).toBe(0);
    const after = fs.readFileSync(path.join(dir, 'Acme.md'), 'utf8');
    expect(removeBlock(after)).toBe(original);
    expect(after).toContain('> I edited this.');
  });

  it('never takes markers in a code fence or a look-alike callout for its block', () => {
    const original = [
      '---', 'stage: Applied', 'applied: 2026-03-06', '---',
      '```', '%% job-hunt-advisor: start %%', '> [!job-hunt-advice] in code', '%% job-hunt-advisor: end %%', '```',
      '> [!job-hunt-advice] My own look-alike', '> mine', '',
    ].join('\n');
    const dir = vault({ 'Acme.md': original });
    expect(cli(dir, 'advise', 'Acme.md', '--today', TODAY, '--write').code).toBe(0);
    expect(cli(dir, 'advise', 'Acme.md', '--today', TODAY, '--write').stdout).toContain('nothing changed');
    expect(removeBlock(fs.readFileSync(path.join(dir, 'Acme.md'), 'utf8'))).toBe(original);
  });

  it('--placement end puts a new block after the last line', () => {
    const dir = vault({ 'Acme.md': '---\nstage: Applied\n---\nBody\n' });
    expect(cli(dir, 'advise', 'Acme.md', '--today', TODAY, '--write', '--placement', 'end').code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'Acme.md'), 'utf8');
    expect(text.startsWith('---\nstage: Applied\n---\nBody\n')).toBe(true);
    expect(text.trimEnd().endsWith('%% job-hunt-advisor: end %%')).toBe(true);
  });

  it('never modifies a note it cannot read', () => {
    const broken = '---\nstage: [Applied\n---\nBody\n';
    const dir = vault({ 'Broken.md': broken });
    const r = cli(dir, 'advise', 'Broken.md', '--write');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Broken\.md: broken frontmatter: [^\n]+\n$/);
    expect(fs.readFileSync(path.join(dir, 'Broken.md'), 'utf8')).toBe(broken);
  });

  it('refuses to write through a note that links outside the vault', () => {
    const outside = vault({ 'Real.md': '---\nstage: Applied\n---\n' });
    const dir = vault({ '.job-hunt-advisor.json': '{}' });
    fs.symlinkSync(path.join(outside, 'Real.md'), path.join(dir, 'Link.md'));
    const r = cli(dir, 'advise', 'Link.md', '--today', TODAY, '--write');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/outside the vault/);
    expect(fs.readFileSync(path.join(outside, 'Real.md'), 'utf8')).toBe('---\nstage: Applied\n---\n');
  });
});

describe('followups', () => {
  it('--json lists follow-ups with application, title and due, as a dry run', () => {
    const dir = vault({}, true);
    const before = snapshotFiles(dir);
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as FollowUpsJson;
    expect(json.followUps.length).toBeGreaterThan(3);
    for (const f of json.followUps) {
      expect(f.application).toMatch(/^Applications\/.+\.md$/);
      expect(f.title).toBeTruthy();
      expect(f.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.taskNote).toBeUndefined(); // named only when written
    }
    const dues = json.followUps.map((f) => f.due);
    expect(dues).toEqual([...dues].sort());
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('--details prints every application with its verdict and experts', () => {
    const dir = vault({}, true);
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--details');
    expect(r.code).toBe(0);
    for (const company of ['Northwind Traders', 'Orchid Labs', 'Bluefin Logistics', 'Kestrel Health', 'Juniper Analytics', 'Copperleaf Energy', 'Harbor & Pine Studio']) {
      expect(r.stdout).toContain(company);
    }
    expect(r.stdout).toContain('Craig Rosen');
    expect(r.stdout).toContain('Dry run: nothing written');
  });

  it('--write creates task notes once: a second run creates and changes nothing', () => {
    const dir = vault({}, true);
    const first = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json');
    expect(first.code).toBe(0);
    const made = JSON.parse(first.stdout) as FollowUpsJson;
    expect(made.created?.length).toBe(made.followUps.length);
    for (const p of made.created ?? []) {
      expect(p.startsWith('Job hunt tasks/')).toBe(true);
      expect(fs.readFileSync(path.join(dir, p), 'utf8')).toMatch(/^---\ntitle: .+\nstatus: open\n/);
    }
    const after = snapshotFiles(dir);
    const second = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json');
    expect(second.code).toBe(0);
    const again = JSON.parse(second.stdout) as FollowUpsJson;
    expect(again.created).toEqual([]);
    expect(again.skipped?.length).toBe(made.followUps.length);
    expect(snapshotFiles(dir)).toEqual(after);
  });

  it('does not bring back a task note the person renamed, moved or completed', () => {
    const dir = vault({}, true);
    const made = JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json').stdout) as FollowUpsJson;
    const [a, b] = made.created ?? [];
    expect(a && b).toBeTruthy();
    fs.renameSync(path.join(dir, a!), path.join(dir, 'Job hunt tasks', 'My own name.md'));
    fs.mkdirSync(path.join(dir, 'Archive'));
    const bText = fs.readFileSync(path.join(dir, b!), 'utf8').replace('status: open', 'status: done');
    fs.rmSync(path.join(dir, b!));
    fs.writeFileSync(path.join(dir, 'Archive', 'Done.md'), bText);
    const after = snapshotFiles(dir);
    const again = JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json').stdout) as FollowUpsJson;
    expect(again.created).toEqual([]);
    expect(snapshotFiles(dir)).toEqual(after);
  });

  it('keeps the task notes of an application renamed in Obsidian (which updates their links)', () => {
    const dir = vault({}, true);
    const made = JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json').stdout) as FollowUpsJson;
    expect(made.created?.length).toBeGreaterThan(0);
    fs.renameSync(path.join(dir, ORCHID), path.join(dir, 'Applications', 'Orchid - analyst role.md'));
    const tasks = path.join(dir, 'Job hunt tasks');
    for (const name of fs.readdirSync(tasks)) {
      const file = path.join(tasks, name);
      // Obsidian rewrites the link's target and keeps its alias as it was.
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').split('[[Applications/Orchid Labs - Analyst|').join('[[Applications/Orchid - analyst role|'));
    }
    const notes = (): Map<string, string> => new Map([...snapshotFiles(dir)].filter(([p]) => !p.startsWith('.job-hunt-advisor/')));
    const after = notes();
    const again = JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json').stdout) as FollowUpsJson;
    expect(again.created).toEqual([]);
    // Only the tool's ledger changes: it now knows the renamed application's ids too.
    expect(notes()).toEqual(after);
  });

  it('does not bring back a task note the plugin made and the person deleted (the one ledger in the vault says so)', () => {
    const dir = vault({}, true);
    const planned = JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--json').stdout) as FollowUpsJson;
    const deleted = planned.followUps[0]!;
    // What the plugin writes when it creates a task note: the same ledger the CLI keeps.
    const entry = { id: deleted.id, application: deleted.application, title: deleted.title, path: 'gone.md', created: TODAY };
    fs.mkdirSync(path.join(dir, '.job-hunt-advisor'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.job-hunt-advisor', 'created.json'), renderLedger([entry]));
    const made = JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json').stdout) as FollowUpsJson;
    expect(made.created).toHaveLength(planned.followUps.length - 1);
    const skipped = made.followUps.find((f) => f.id === deleted.id)?.taskNote;
    expect(skipped?.startsWith('Job hunt tasks/')).toBe(true);
    expect(made.created).not.toContain(skipped);
    expect(made.skipped).toEqual([skipped]);
    expect(fs.existsSync(path.join(dir, skipped!))).toBe(false);
  });

  it('refuses a tasks folder outside the vault and creates nothing there', () => {
    const dir = vault({}, true);
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--tasks-folder', '../escaped');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tasks folder "..\/escaped" is outside the vault/);
    expect(fs.existsSync(path.join(dir, '..', 'escaped'))).toBe(false);
  });

  it('reports each bad note in one line, goes on with the others, and runs no code', () => {
    const trace = path.join(vault(), 'ran.txt');
    const dir = vault({
      '.job-hunt-advisor.json': '{}',
      'Good.md': '---\nstage: Applied\ncompany: Acme\napplied: 2026-03-06\n---\n',
      'CRLF with BOM.md': '\uFEFF---\r\nstatus: Interviewing\r\ncompany: Beta\r\ninterview_date: 2026-03-11\r\n---\r\n',
      'Broken.md': '---\nstage: Applied\ncompany: "Acme\n---\n',
      'Script.md': `---js\nrequire('fs').writeFileSync(${JSON.stringify(trace)}, 'ran'); ({ stage: 'Applied' })\n---\n`,
      'Unknown stage.md': '---\nstage: Maybe\ncompany: Gamma\n---\n',
      'Empty.md': '',
      'Plain note.md': '# No frontmatter here\n',
      'Frontmatter only.md': '---\ntitle: Recipes\n---',
      'Bad date.md': '---\nstage: Applied\ncompany: Delta\napplied: 2026-02-30\ninterview_date: next tuesday\n---\n',
    });
    const before = snapshotFiles(dir);
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write');
    expect(fs.existsSync(trace)).toBe(false);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Broken\.md: broken frontmatter: /) as unknown,
      expect.stringMatching(/^Script\.md: front matter in js is not read/) as unknown,
      expect.stringMatching(/^Unknown stage\.md: .*"Maybe"/) as unknown,
      expect.stringMatching(/^Bad date\.md: .*"2026-02-30"/) as unknown,
      expect.stringMatching(/^Bad date\.md: .*"next tuesday"/) as unknown,
    ]));
    expect(lines).toHaveLength(5);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toContain('Acme');
    expect(r.stdout).toContain('(CRLF with BOM)');
    // Notes are never modified; only task notes are added.
    for (const [file, bytes] of before) expect(snapshotFiles(dir).get(file)).toBe(bytes);
  });

  it('reads field maps and stage words from the vault config, and names a wrong config', () => {
    const dir = vault({
      '.job-hunt-advisor.json': JSON.stringify({ fieldMap: { stage: 'pipeline' }, stageAliases: { pondering: 'wishlist' } }),
      'A.md': '---\npipeline: Pondering\ncompany: Acme\n---\n',
    });
    const json = JSON.parse(cli(dir, 'advise', 'A.md', '--today', TODAY, '--json').stdout) as AdviseJson;
    expect(json.stage).toBe('wishlist');
    fs.writeFileSync(path.join(dir, '.job-hunt-advisor.json'), '{"stageAliases": {"pondering": "thinking"}}');
    const r = cli(dir, 'advise', 'A.md', '--today', TODAY);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.job-hunt-advisor\.json: Extra stage words \(stageAliases\): "pondering" must map to one of wishlist/);
  });
});

describe('hostile names and sizes', () => {
  it('keeps task notes inside the tasks folder whatever the names say', () => {
    const dir = vault({
      '.job-hunt-advisor.json': '{}',
      'Evil.md': [
        '---',
        'stage: Interviewing',
        'company: "../../../etc/passwd"',
        'role: "a/b\\\\c:*?<>|#^[]"',
        `hiring_manager: "${'\u202eRTL '.repeat(10)}${'x'.repeat(300)}"`,
        'interview_date: 2026-03-08',
        'interviewers: ["..", "/", "Ana 🙂 Silva"]',
        '---',
        '',
      ].join('\n'),
    });
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json');
    expect(r.stderr).toBe('');
    const made = JSON.parse(r.stdout) as FollowUpsJson;
    expect(made.created?.length).toBeGreaterThan(0);
    const tasks = fs.realpathSync(path.join(dir, 'Job hunt tasks'));
    for (const p of made.created ?? []) {
      const file = fs.realpathSync(path.join(dir, p));
      expect(path.dirname(file)).toBe(tasks);
      // File systems allow 255 bytes per name.
      expect(new TextEncoder().encode(path.basename(file)).length).toBeLessThanOrEqual(255);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['.job-hunt-advisor', '.job-hunt-advisor.json', 'Evil.md', 'Job hunt tasks']);
  });

  it('writes the callout into a 5 MB note without losing a byte of it [stress]', () => {
    const body = 'Line of notes about the role, kept as it is.\n'.repeat(5 * 1024 * 1024 / 45);
    const original = `---\nstage: Applied\napplied: 2026-03-08\n---\n${body}`;
    const dir = vault({ 'Big.md': original });
    expect(cli(dir, 'advise', 'Big.md', '--today', TODAY, '--write').code).toBe(0);
    expect(removeBlock(fs.readFileSync(path.join(dir, 'Big.md'), 'utf8'))).toBe(original);
  });

  it('the same followups --write run 100 times creates each task note once [stress]', () => {
    const dir = vault({ '.job-hunt-advisor.json': '{}', 'A.md': '---\nstage: Interviewing\ncompany: Acme\ninterview_date: 2026-03-12\ninterviewers: [Ana Silva]\n---\n' });
    const first = JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json').stdout) as FollowUpsJson;
    const after = snapshotFiles(dir);
    for (let i = 0; i < 99; i++) expect(cli(dir, 'followups', '.', '--today', TODAY, '--write').code).toBe(0);
    expect(snapshotFiles(dir)).toEqual(after);
    expect(fs.readdirSync(path.join(dir, 'Job hunt tasks'))).toHaveLength(first.created?.length ?? -1);
  });
});

describe('every schema of the interop notes', () => {
  // One note per field-name style and stage vocabulary seen in real vaults.
  const notes: Record<string, [string, string]> = {
    'Wishlist.md': ['---\nstatus: Wishlist\ncompany: A\n---\n', 'wishlist'],
    'Do_Not_Apply.md': ['---\nstage: Do_Not_Apply\ncompany: B\n---\n', 'withdrawn'],
    'Recruiter_Screen.md': ['---\nApp-Stage: Recruiter_Screen\nCompany: "[[C]]"\nJob-Title: Analyst\nApplied-Date: 2026-03-01\n---\n', 'screening'],
    'Under_Review.md': ['---\napplication_status: Under_Review\nemployer: D\nposition: Clerk\napplication_date: 2026-02-01\n---\n', 'interviewing'],
    'Offered.md': ['---\nstage: Offered\ncompany: E\n---\n', 'offer'],
    'not-applied.md': ['---\nstage: not-applied\ncompany: F\n---\n', 'wishlist'],
    'declined.md': ['---\nstage: declined\ncompany: G\n---\n', 'withdrawn'],
    'Bookmarked.md': ['---\nstage: Bookmarked\ncompany: H\n---\n', 'wishlist'],
    'Negotiating.md': ['---\nstage: Negotiating\ncompany: I\n---\n', 'offer'],
    'Ghosted.md': ['---\nstage: Ghosted\ncompany: J\ndateApplied: 2026-01-10\n---\n', 'ghosted'],
    'Accepted.md': ['---\nstage: Accepted\ncompany: K\n---\n', 'accepted'],
    'Interview list.md': [
      '---\nstage: Interview\ncompany: L\ninterviews:\n  - roundName: Onsite\n    roundType: onsite\n    date: 2026-03-12\n    time: "10:00"\n    interviewers: ["[[Ana Silva]]", Ben Ito]\n    status: scheduled\n---\n',
      'interviewing',
    ],
    'Contacts.md': [
      '---\ntype: job-application\nstatus: applied\ncompany: M\napplied_on: 2026-03-05\ncontacts:\n  - name: Jo Park\n    role: Hiring manager\n    linkedin: https://www.linkedin.com/in/example\n---\n',
      'applied',
    ],
  };

  it.each(Object.entries(notes))('%s reads as its canonical stage', (file, [text, stage]) => {
    const dir = vault({ [file]: text });
    const r = cli(dir, 'advise', file, '--today', TODAY, '--json');
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as AdviseJson).stage).toBe(stage);
  });

  it('a whole folder of them plans follow-ups without a single problem', () => {
    const dir = vault(Object.fromEntries(Object.entries(notes).map(([file, [text]]) => [file, text])));
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('paths in messages', () => {
  it('names notes relative to where the command runs, or in full when they are elsewhere', () => {
    const dir = vault({ '.job-hunt-advisor.json': '{}', 'Sub/Broken.md': '---\nstage: [x\n---\n' });
    expect(cli(dir, 'followups', '.').stderr).toMatch(/^Sub[/\\]Broken\.md: broken frontmatter/);
    const elsewhere = vault();
    expect(cli(elsewhere, 'followups', dir).stderr.startsWith(`${path.join(dir, 'Sub', 'Broken.md')}: `)).toBe(true);
  });
});

describe('settings out of range', () => {
  const check = checkSetting('connectionNoteLimit', 20);
  const message = check.ok ? 'not refused' : check.message;

  it('a connection-note limit of 20 in the config file or on --limit: exit 2, the settings table\'s message (the plugin\'s too)', () => {
    const fromFile = cli(vault({ '.job-hunt-advisor.json': '{"connectionNoteLimit": 20}' }), 'followups', '.');
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain(message);
    const fromOption = cli(vault(), 'followups', '.', '--limit', '20');
    expect(fromOption.code).toBe(2);
    expect(fromOption.stderr).toContain(message);
  });
});

describe('which notes are applications (the scope setting in the vault config)', () => {
  const APPLIED = (company: string, extra = ''): string => `---\nstage: Applied\ncompany: ${company}\nrole: Designer\napplied: 2026-02-20\n${extra}---\n`;
  const createdFor = (dir: string): string[] => {
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json');
    expect(r.code).toBe(0);
    return [...new Set((JSON.parse(r.stdout) as FollowUpsJson).followUps.map((f) => f.application))].sort();
  };

  it('folder: only notes in the applications folder are advised and get task notes', () => {
    const dir = vault({
      '.job-hunt-advisor.json': JSON.stringify({ applicationScope: 'folder', applicationsFolder: 'Jobs/' }),
      'Jobs/Acme.md': APPLIED('Acme'),
      'Jobs/Old/Birch.md': APPLIED('Birch'),
      'Notes/Cedar.md': APPLIED('Cedar'),
      'Jobs2/Dune.md': APPLIED('Dune'),
    });
    expect(createdFor(dir)).toEqual(['Jobs/Acme.md', 'Jobs/Old/Birch.md']);
    const tasks = fs.readdirSync(path.join(dir, 'Job hunt tasks')).join('\n');
    expect(tasks).not.toMatch(/Cedar|Dune/);
    const r = cli(dir, 'advise', 'Notes/Cedar.md', '--today', TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Notes/Cedar.md: outside the applications folder "Jobs" (a setting), so not read as an application');
  });

  it('tag: only notes tagged (in the tags property or in the text, not in code) are advised', () => {
    const dir = vault({
      '.job-hunt-advisor.json': JSON.stringify({ applicationScope: 'tag', applicationsTag: '#Job-Application' }),
      'Acme.md': APPLIED('Acme', 'tags: [job-application]\n'),
      'Birch.md': `${APPLIED('Birch')}Applied today #job-application/remote\n`,
      'Cedar.md': `${APPLIED('Cedar')}\`#job-application\` in code is no tag\n\`\`\`\n#job-application\n\`\`\`\n`,
      'Dune.md': APPLIED('Dune', 'tags: job-applications\n'),
    });
    expect(createdFor(dir)).toEqual(['Acme.md', 'Birch.md']);
    const r = cli(dir, 'advise', 'Dune.md', '--today', TODAY);
    expect(r.stderr).toContain('Dune.md: not tagged #job-application (a setting), so not read as an application');
  });

  it('a wrong scope in the config is refused in the settings table\'s words', () => {
    const dir = vault({ '.job-hunt-advisor.json': JSON.stringify({ applicationScope: 'everything' }), 'A.md': APPLIED('Acme') });
    const r = cli(dir, 'advise', 'A.md', '--today', TODAY);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Which notes are applications (applicationScope) must be one of "any-note-with-stage", "folder", "tag", not "everything"');
  });
});

describe("an older plugin's memory (data.json), for a person who now uses only the command-line tool", () => {
  const APPLIED = '---\nstage: Applied\ncompany: Acme\nrole: Designer\napplied: 2026-02-20\n---\n';
  it('a task note that older plugin made and the person deleted is not made again, and the ledger now keeps it', () => {
    const dir = vault({ 'Jobs/Acme.md': APPLIED, '.my-vault-settings/app.json': '{}' });
    const planned = (JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--json').stdout) as FollowUpsJson).followUps;
    expect(planned.length).toBeGreaterThan(0);
    const [first, ...rest] = planned;
    if (!first) throw new Error('nothing planned');
    // Remembered only in an older plugin's data.json (its task note since deleted), in a configuration folder renamed as Obsidian allows.
    const data = JSON.stringify({ settings: {}, generated: { 'Jobs/Acme.md': [{ id: first.id, title: first.title, path: 'Job hunt tasks/gone.md', created: '2026-03-01' }] } });
    const dataFile = path.join(dir, '.my-vault-settings', 'plugins', 'job-hunt-advisor', 'data.json');
    fs.mkdirSync(path.dirname(dataFile), { recursive: true });
    fs.writeFileSync(dataFile, data);
    const r = cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json');
    expect(r.code).toBe(0);
    const written = JSON.parse(r.stdout) as FollowUpsJson;
    expect(written.created).toHaveLength(rest.length);
    expect(fs.readdirSync(path.join(dir, 'Job hunt tasks')).some((n) => n.startsWith(first.title.slice(0, 20)))).toBe(false);
    expect(fs.readFileSync(path.join(dir, '.job-hunt-advisor', 'created.json'), 'utf8')).toContain(first.id.toLowerCase());
    // The plugin's own file is read, never written.
    expect(fs.readFileSync(dataFile, 'utf8')).toBe(data);
    // Once in the ledger, it holds without data.json too.
    fs.rmSync(dataFile);
    expect((JSON.parse(cli(dir, 'followups', '.', '--today', TODAY, '--write', '--json').stdout) as FollowUpsJson).created ?? []).toEqual([]);
  });
});
