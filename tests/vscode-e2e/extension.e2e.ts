// End to end in a real VS Code (code-server) with the built .vsix: the commands from the palette, the
// advice view, the callout in the Markdown preview, and what lands on disk, compared byte for byte
// with what the command-line tool writes for the same note on the same day.
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, unlink } from 'node:fs/promises';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, calendarDate } from '../../src/core/dates';
import { frameWith, missing, openFile, paletteOffers, ROOT, runCommand, snapshot, startCodeServer, until } from './code-server';
import type { CodeServer } from './code-server';

const why = missing();
if (why && process.env.CI) throw new Error(why);

const now = new Date();
const today = calendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? '';
const NOTE = 'New applications/Lumen Robotics - Test Engineer.md';
// Dates around today, so the moment (an interview ahead) is the same on every day the test runs.
const noteText = [
  '---',
  'stage: Interviewing',
  'company: Lumen Robotics',
  'role: Test Engineer',
  `applied: ${addDays(today, -10)}`,
  'hiring_manager: Rosa Diaz',
  `interview: ${addDays(today, 3)}`,
  'interviewers:',
  '  - Rosa Diaz',
  '  - Tom Becker',
  '---',
  '# Lumen Robotics: Test Engineer',
  '',
  'My own notes about the role stay exactly as I wrote them.',
  '',
].join('\n');
// A second application, outside the folder the CLI's followups run covers, for the view's own buttons.
const KITE = 'Other applications/Kite Labs - Data Analyst.md';
const kiteText = [
  '---',
  'stage: Applied',
  'company: Kite Labs',
  'role: Data Analyst',
  `applied: ${addDays(today, -2)}`,
  'hiring_manager: Omar Haddad',
  '---',
  '# Kite Labs: Data Analyst',
  '',
  'Referred by a former colleague.',
  '',
].join('\n');
// The vault's own .job-hunt-advisor.json (a name to sign drafts with) is read by both hosts.
const extra = { [NOTE]: noteText, [KITE]: kiteText };
const CLI = path.join(ROOT, 'bin/job-hunt-advisor.cjs');
const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.join(ROOT, 'docs/screenshots') : path.join(os.tmpdir(), 'jha-vscode-shots');

/** The same vault and note, handled by the command-line tool instead. */
async function cliVault(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'jha-cli-')), 'vault');
  await cp(path.join(ROOT, 'examples/vault'), dir, { recursive: true });
  for (const [rel, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function cli(args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args, '--today', today], { encoding: 'utf8' });
}

describe.skipIf(why !== undefined)('the VS Code extension in code-server', () => {
  let vs: CodeServer;
  let cliDir: string;
  let before: Map<string, Buffer>;
  let newNote = '';

  beforeAll(async () => {
    vs = await startCodeServer(path.join(ROOT, 'examples/vault'), extra);
    before = snapshot(vs.vault);
    cliDir = await cliVault();
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await vs?.close();
    if (cliDir) await rm(path.dirname(cliDir), { recursive: true, force: true });
  });

  const onDisk = (rel: string): string | undefined => {
    const file = path.join(vs.vault, rel);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };

  async function step<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      console.error(vs.log());
      await vs.page.screenshot({ path: path.join(os.tmpdir(), `jha-vscode-failure-${Date.now()}.png`) }).catch(() => undefined);
      throw error;
    }
  }

  it('offers the application commands only on an application note', () =>
    step(async () => {
      await openFile(vs.page, 'Job search log.md');
      await vs.page.waitForTimeout(1500);
      expect(await paletteOffers(vs.page, 'Job Hunt Advisor: Advise on this application')).toBe(false);
      await openFile(vs.page, 'Lumen Robotics - Test Engineer.md');
      await vs.page.waitForTimeout(1500);
      expect(await paletteOffers(vs.page, 'Job Hunt Advisor: Advise on this application')).toBe(true);
    }), 120_000);

  it('writes the same callout block as the command-line tool, keeping the note’s own text', () =>
    step(async () => {
      await runCommand(vs.page, 'Job Hunt Advisor: Advise on this application');
      const written = await until('the callout on disk', () => {
        const text = onDisk(NOTE);
        return text?.includes('%% job-hunt-advisor: start %%') ? text : undefined;
      });
      cli(['advise', path.join(cliDir, NOTE), '--write']);
      expect(written).toBe(readFileSync(path.join(cliDir, NOTE), 'utf8'));
      expect(written).toContain('My own notes about the role stay exactly as I wrote them.');
      expect(written).toMatch(/^> \[!job-hunt-advice\][-+]? Connect with Rosa Diaz on LinkedIn\?/m);
    }), 120_000);

  it('shows the verdict, the experts and the follow-ups in the advice view', () =>
    step(async () => {
      await runCommand(vs.page, 'Job Hunt Advisor: Show the advice view');
      const frame = await frameWith(vs.page, '.jha-verdict-headline');
      const json = JSON.parse(cli(['advise', path.join(cliDir, NOTE), '--json'])) as { verdict: { headline: string }; followUps: { title: string }[] };
      expect(await frame.textContent('.jha-verdict-headline')).toBe(json.verdict.headline);
      expect(await frame.textContent('.jha-title')).toBe('Lumen Robotics');
      // The first screen's next steps and the folded list of all follow-ups: the CLI's plan, no more.
      const followUps = await frame.$$eval('.jha-followup-title', (els) => els.map((e) => e.textContent ?? ''));
      expect([...new Set(followUps)].sort()).toEqual(json.followUps.map((f) => f.title).sort());
      expect(await frame.$$eval('.jha-expert', (els) => els.length)).toBeGreaterThan(0);
      await vs.page.screenshot({ path: path.join(SHOTS, 'vscode-advice-view.png') });
    }), 120_000);

  it('creates the same task notes and ledger as the command-line tool, and never twice', () =>
    step(async () => {
      await openFile(vs.page, 'Lumen Robotics - Test Engineer.md');
      await runCommand(vs.page, 'Job Hunt Advisor: Create follow-up tasks');
      const ledger = await until('the ledger', () => onDisk('.job-hunt-advisor/created.json'));
      cli(['followups', path.join(cliDir, 'New applications'), '--write']);
      expect(ledger).toBe(readFileSync(path.join(cliDir, '.job-hunt-advisor/created.json'), 'utf8'));
      const mine = snapshot(path.join(vs.vault, 'Job hunt tasks'));
      const theirs = snapshot(path.join(cliDir, 'Job hunt tasks'));
      expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
      expect(mine.size).toBeGreaterThan(0);
      for (const [name, bytes] of theirs) expect(mine.get(name)?.toString('utf8'), name).toBe(bytes.toString('utf8'));

      // The command-line tool, run next on the same folder, finds nothing left to create.
      const after = JSON.parse(cli(['followups', path.join(vs.vault, 'New applications'), '--write', '--json'])) as { created: string[] };
      expect(after.created).toEqual([]);

      // A task note the person deleted does not come back.
      const [first] = [...mine.keys()].sort();
      await unlink(path.join(vs.vault, 'Job hunt tasks', first ?? ''));
      await runCommand(vs.page, 'Job Hunt Advisor: Create follow-up tasks');
      await vs.page.locator('.notifications-toasts', { hasText: 'nothing created' }).first().waitFor({ timeout: 15_000 });
      expect(existsSync(path.join(vs.vault, 'Job hunt tasks', first ?? ''))).toBe(false);
    }), 120_000);

  it('ticks a follow-up done from the advice view, changing only its status lines, then opens its task note', () =>
    step(async () => {
      await openFile(vs.page, 'Lumen Robotics - Test Engineer.md');
      await runCommand(vs.page, 'Job Hunt Advisor: Show the advice view');
      const frame = await frameWith(vs.page, '.jha-next .jha-tick');
      const row = frame.locator('.jha-next li.jha-followup', { has: frame.locator('.jha-tick') }).first();
      const task = (await row.locator('.jha-followup-title').getAttribute('title')) ?? '';
      expect(task).toMatch(/^Job hunt tasks\/.+\.md$/);
      const was = onDisk(task) ?? '';
      expect(was).toMatch(/^status: open$/m);
      await row.locator('.jha-tick').click();
      const done = await until('the task note marked done', () => {
        const text = onDisk(task);
        return text?.includes('\nstatus: done\n') ? text : undefined;
      });
      expect(done).toContain(`\ncompletedDate: ${today}\n`);
      // Every other line as it was: only status, completedDate and dateModified differ.
      const lines = (text: string): string[] => text.split('\n').filter((l) => !/^(status|completedDate|dateModified):/.test(l));
      expect(lines(done)).toEqual(lines(was));
      // Drawn again from the disk: that follow-up is no longer among the next steps to do.
      await frame.locator(`.jha-next .jha-followup-title[title="${task}"]`).waitFor({ state: 'detached', timeout: 15_000 });

      // A task note's title in the view opens it in the editor.
      const other = frame.locator('.jha-next .jha-followup-title[title^="Job hunt tasks/"]').first();
      const target = (await other.getAttribute('title')) ?? '';
      await other.click();
      await vs.page.locator('.tab.active', { hasText: path.basename(target) }).first().waitFor({ state: 'visible', timeout: 15_000 });
    }), 120_000);

  it('shows the whole hunt in the advice view on a note that is not an application: every application, by stage, and those waiting too long', () =>
    step(async () => {
      await openFile(vs.page, 'Job search log.md');
      const frame = await frameWith(vs.page, '.jha-pipeline');
      const rows = (JSON.parse(cli(['export', vs.vault, '--json'])) as { applications: { company: string; stage: string }[] }).applications;
      await frame.locator('.jha-pipeline .jha-heading', { hasText: `Your job hunt: ${rows.length} applications` }).waitFor({ timeout: 15_000 });
      const shown = await frame.$$eval('.jha-pipeline-stage', (els) => els.map((e) => [e.querySelector('.jha-pipeline-word')?.textContent ?? '', Number(e.querySelector('.jha-pipeline-count')?.textContent ?? '')] as const));
      // Every application counted once, under its stage (named in the folder's most common word).
      expect(shown.reduce((n, [, c]) => n + c, 0)).toBe(rows.length);
      expect(shown.find(([word]) => /^interview/i.test(word))?.[1]).toBeGreaterThan(0);
      const open = await frame.$$eval('.jha-pipeline-item .jha-link', (els) => els.map((e) => e.textContent ?? ''));
      expect(open).toContain('Kite Labs - Data Analyst');
      // Below it, "Across your applications" as in the Obsidian pane: Orchid Labs, applied to in
      // March with no answer since, waits too long on any day this test runs.
      const across = frame.locator('.jha-fold-vault');
      await across.locator('.jha-fold-title', { hasText: 'Across your applications' }).waitFor({ timeout: 15_000 });
      const waiting = await across.locator('.jha-vault-list').nth(1).locator('.jha-link').allTextContents();
      expect(waiting).toContain('Orchid Labs - Analyst');
    }), 120_000);

  it("the view's buttons write the callout and the task notes of another application, as the CLI would; Remove advice callout takes the callout out", () =>
    step(async () => {
      await openFile(vs.page, 'Kite Labs - Data Analyst.md');
      await runCommand(vs.page, 'Job Hunt Advisor: Show the advice view');
      const frame = await frameWith(vs.page, '.jha-verdict-headline');
      await frame.locator('.jha-title', { hasText: 'Kite Labs' }).waitFor({ timeout: 15_000 });
      await frame.locator('.jha-button', { hasText: 'Insert advice callout' }).click();
      const written = await until('the callout in the Kite note', () => {
        const text = onDisk(KITE);
        return text?.includes('%% job-hunt-advisor: start %%') ? text : undefined;
      });
      cli(['advise', path.join(cliDir, KITE), '--write']);
      expect(written).toBe(readFileSync(path.join(cliDir, KITE), 'utf8'));

      const mineBefore = new Set(snapshot(path.join(vs.vault, 'Job hunt tasks')).keys());
      const theirsBefore = new Set(snapshot(path.join(cliDir, 'Job hunt tasks')).keys());
      await frame.locator('.jha-next .jha-button.mod-cta', { hasText: /^Create \d+ tasks?$/ }).click();
      await until('the Kite task notes in the ledger', () => (onDisk('.job-hunt-advisor/created.json')?.includes('Kite Labs') ? true : undefined));
      cli(['followups', path.join(cliDir, 'Other applications'), '--write']);
      const mine = [...snapshot(path.join(vs.vault, 'Job hunt tasks'))].filter(([name]) => !mineBefore.has(name));
      const theirs = [...snapshot(path.join(cliDir, 'Job hunt tasks'))].filter(([name]) => !theirsBefore.has(name));
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.map(([name, bytes]) => [name, bytes.toString('utf8')]).sort()).toEqual(theirs.map(([name, bytes]) => [name, bytes.toString('utf8')]).sort());
      // The button is gone once nothing is left to create.
      await frame.locator('.jha-next .jha-button.mod-cta').waitFor({ state: 'detached', timeout: 15_000 });

      await openFile(vs.page, 'Kite Labs - Data Analyst.md');
      await runCommand(vs.page, 'Job Hunt Advisor: Remove advice callout');
      await until('the Kite note as it was', () => (onDisk(KITE) === kiteText ? true : undefined));
    }), 120_000);

  it('renders the advice as a callout in the Markdown preview, folded as the note folds it', () =>
    step(async () => {
      await openFile(vs.page, 'Lumen Robotics - Test Engineer.md');
      await runCommand(vs.page, 'Markdown: Open Preview to the Side');
      const frame = await frameWith(vs.page, 'blockquote.jha-callout[data-callout="job-hunt-advice"]');
      // Written folded by default (`[!job-hunt-advice]-`): a closed <details>, its title the summary.
      expect(onDisk(NOTE)).toMatch(/^> \[!job-hunt-advice\]- /m);
      const title = await frame.textContent('blockquote.jha-callout > details > summary.jha-callout-title');
      expect(title).toMatch(/^Connect with Rosa Diaz on LinkedIn\?/);
      expect(await frame.$eval('blockquote.jha-callout > details', (d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await frame.textContent('body')).not.toContain('%% job-hunt-advisor');
      expect(await frame.textContent('body')).not.toContain('[!job-hunt-advice]');
      await vs.page.screenshot({ path: path.join(SHOTS, 'vscode-preview.png') });
    }), 120_000);

  it('creates a new application note from the palette and opens it', () =>
    step(async () => {
      await runCommand(vs.page, 'Job Hunt Advisor: New job application');
      const input = vs.page.locator('.quick-input-widget input');
      for (const answer of ['Acme Robotics', 'QA Lead']) {
        await input.waitFor({ state: 'visible' });
        await input.fill(answer);
        await vs.page.keyboard.press('Enter');
        await vs.page.waitForTimeout(300);
      }
      await vs.page.locator('.tab.active', { hasText: 'Acme Robotics - QA Lead.md' }).first().waitFor({ timeout: 15_000 });
      const made = await until('the new note', () => [...snapshot(vs.vault).keys()].find((p) => p.endsWith('/Acme Robotics - QA Lead.md')));
      expect(made).toBe('Applications/Acme Robotics - QA Lead.md');
      expect(onDisk(made)).toMatch(/company: Acme Robotics\n/);
      newNote = made;
    }), 120_000);

  it("a pack note in the workspace changes the verdict shown, live; opened, it shows the expert it defines", () =>
    step(async () => {
      // The example vault's pack: Inès Moreau would wait after a no, which turns Copperleaf to not yet.
      const COPPERLEAF = 'Applications/Copperleaf Energy - Sales Engineer.md';
      const INES = 'Job hunt advice/Ines Moreau.md';
      const headline = (extraArgs: string[]): string =>
        (JSON.parse(cli(['advise', path.join(vs.vault, COPPERLEAF), '--json', ...extraArgs])) as { verdict: { headline: string } }).verdict.headline;
      const withPack = headline([]);
      const without = headline(['--no-packs']);
      expect(withPack).toMatch(/^Not yet/);
      expect(without).toMatch(/^Yes/);
      await openFile(vs.page, 'Copperleaf Energy - Sales Engineer.md');
      await runCommand(vs.page, 'Job Hunt Advisor: Show the advice view');
      const frame = await frameWith(vs.page, '.jha-verdict-headline');
      const shows = (text: string): Promise<void> => frame.locator('.jha-verdict-headline', { hasText: text }).first().waitFor({ timeout: 20_000 });
      await shows(withPack);
      expect(await frame.textContent('.jha-pane')).toContain('Inès Moreau');
      // The pack note deleted on disk: the view follows, without her; put back, with her again.
      const kept = readFileSync(path.join(vs.vault, INES));
      await unlink(path.join(vs.vault, INES));
      await shows(without);
      expect(await frame.textContent('.jha-pane')).not.toContain('Inès Moreau');
      writeFileSync(path.join(vs.vault, INES), kept);
      await shows(withPack);
      // The pack note itself, opened: not "not an application", but what it defines and that it is in use.
      await openFile(vs.page, 'Ines Moreau.md');
      const note = await frameWith(vs.page, '.jha-pack-note');
      const said = (await note.textContent('.jha-pack-note')) ?? '';
      expect(said).toContain('Advice pack note: Inès Moreau (Former team lead, my mentor)');
      expect(said).toContain('In use: Inès Moreau speaks beside the nine experts');
      expect(said).toContain('rejected');
      expect(await note.textContent('.jha-pane')).not.toContain('is not an application note');
    }), 120_000);

  it('changed nothing else in the folder', () => {
    const after = snapshot(vs.vault);
    const changed = [...after.keys()].filter((p) => !before.get(p)?.equals(after.get(p) ?? Buffer.alloc(0)));
    const removed = [...before.keys()].filter((p) => !after.has(p));
    const expected = (p: string): boolean => p === NOTE || p === newNote || p.startsWith('Job hunt tasks/') || p === '.job-hunt-advisor/created.json';
    expect(readFileSync(path.join(vs.vault, KITE), 'utf8')).toBe(kiteText);
    expect(changed.filter((p) => !expected(p))).toEqual([]);
    expect(removed).toEqual([]);
  });
});
