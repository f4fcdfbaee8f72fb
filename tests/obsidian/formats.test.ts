// @vitest-environment happy-dom
// The plugin reads the neighbours' formats as the command-line tool does: dates as people write
// them, under the vault's own day/month order, and Dataview inline fields from the note's text
// (Obsidian's metadata cache does not hold them).
import { describe, expect, it, vi } from 'vitest';
import { adviseOnNote, frontmatterOf, isApplicationNote, readBodiesInScope } from '../../src/obsidian/application-notes';
import { adviseNote } from '../../src/obsidian/advice-notes';
import { advicePaneState } from '../../src/ui/advice-pane-state';
import type { Settings } from '../../src/core/settings';
import type { VaultNotes } from '../../src/obsidian/vault-notes';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { file, makeApp, original, read, settle, startPlugin, taskNotes, TODAY, vaultNotes } from './harness';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../src/cli/run';

function readApplicationNote(notes: VaultNotes, path: string, settings: Settings) {
  const f = file(notes.app, path);
  const advised = adviseOnNote(notes, f, frontmatterOf(notes.app, f), settings, '2026-04-05');
  if (advised.kind !== 'advice') throw new Error(`not advised: ${advised.kind}`);
  return { ok: true as const, application: advised.report.application };
}

const AMBIGUOUS = '---\nstage: Applied\ncompany: Acme\napplied: 03/04/2026\n---\n';

describe('dates people write, in the plugin', () => {
  it('an ambiguous date reads in the order the other notes show', () => {
    const app = original(makeApp({ 'Applications/Acme.md': AMBIGUOUS, 'Applications/Other.md': '---\nstage: Applied\napplied: 25.02.2026\n---\n' }));
    const read = readApplicationNote(vaultNotes(app), 'Applications/Acme.md', { ...DEFAULT_SETTINGS });
    expect(read.ok && read.application.applied).toBe('2026-04-03');
    expect(read.ok && read.application.warnings).toEqual([]);
  });

  it('counts the same notes as the CLI: not the tasks folder, nor node_modules or hidden folders', () => {
    const monthFirst = '---\nstage: Applied\napplied: 03/25/2026\n---\n';
    const files = {
      'Applications/Acme.md': '---\nstage: Interviewing\ncompany: Acme\ninterview: 03/04/2026\n---\n',
      'Applications/Other.md': '---\nstage: Applied\napplied: 25.02.2026\n---\n',
      // Month first, where the CLI never looks: counted, they would leave the order unknown.
      'Job hunt tasks/Old task.md': monthFirst,
      'node_modules/pkg/readme.md': monthFirst,
      '.trash/Gone.md': monthFirst,
    };
    const app = original(makeApp(files));
    const f = file(app, 'Applications/Acme.md');
    const advised = adviseOnNote(vaultNotes(app), f, frontmatterOf(app, f), { ...DEFAULT_SETTINGS }, '2026-03-10');
    // The CLI on the same notes (tests/cli/helpers.ts does not load under happy-dom).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jha-formats-'));
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
    let stdout = '';
    run(['advise', 'Applications/Acme.md', '--json', '--vault', '.'], { stdout: (t) => void (stdout += t), stderr: () => undefined, cwd: dir, today: () => '2026-03-10' });
    rmSync(dir, { recursive: true, force: true });
    const told = JSON.parse(stdout) as { followUps: { title: string; due: string }[] };
    expect(told.followUps.map((x) => x.title).join('\n')).toContain('2026-04-03');
    expect(advised.kind === 'advice' && advised.followUps.map((x) => [x.title, x.due])).toEqual(told.followUps.map((x) => [x.title, x.due]));
  });

  it('with no order shown or set, it is a warning naming the setting, and no date is guessed', () => {
    const notes = vaultNotes(original(makeApp({ 'Applications/Acme.md': AMBIGUOUS })));
    const read = readApplicationNote(notes, 'Applications/Acme.md', { ...DEFAULT_SETTINGS });
    expect(read.ok && read.application.applied).toBeUndefined();
    expect(read.ok && read.application.warnings.map((w) => w.message).join('\n')).toContain('set Date order (dateOrder) to MDY or DMY');
    const set = readApplicationNote(notes, 'Applications/Acme.md', { ...DEFAULT_SETTINGS, dateOrder: 'MDY' });
    expect(set.ok && set.application.applied).toBe('2026-03-04');
  });
});

describe('the vault\'s date order, remembered in the plugin', () => {
  it('is learnt once for many notes that need it, and again after a note changes', async () => {
    const notes: Record<string, string> = { 'Applications/Other.md': '---\nstage: Applied\napplied: 25.02.2026\n---\n' };
    for (let i = 0; i < 20; i++) notes[`Applications/Acme ${i}.md`] = AMBIGUOUS;
    const mock = makeApp(notes);
    const app = original(mock);
    const r = await startPlugin(mock, { settings: { autoCreate: false } });
    const scans = vi.spyOn(app.vault, 'getMarkdownFiles');
    for (let i = 0; i < 20; i++) expect(readApplicationNote(r.plugin.notes, `Applications/Acme ${i}.md`, r.plugin.settings).application.applied).toBe('2026-04-03');
    expect(scans.mock.calls.length).toBeLessThanOrEqual(1);
    // The only day-first date becomes month-first: the order is learnt again, not kept.
    await app.vault.modify(file(app, 'Applications/Other.md'), '---\nstage: Applied\napplied: 02/25/2026\n---\n');
    await settle(r);
    expect(readApplicationNote(r.plugin.notes, 'Applications/Acme 0.md', r.plugin.settings).application.applied).toBe('2026-03-04');
    scans.mockRestore();
  });

  it("the whole hunt follows it: a note unchanged is read again when another note turns the vault's order", async () => {
    const interviewing = '---\nstage: Interviewing\ncompany: Acme\ninterview: 03/12/2026\n---\n';
    const mock = makeApp({ 'Applications/Acme.md': interviewing, 'Applications/Other.md': '---\nstage: Applied\napplied: 25.02.2026\n---\n' });
    const app = original(mock);
    const r = await startPlugin(mock, { settings: { autoCreate: false } });
    const p = r.plugin;
    // The pane on a note that is not an application: the whole hunt, each open application's next step.
    const acme = (): string | undefined => {
      const state = advicePaneState(file(app, 'Ideas.md'), { app, settings: p.settings, memory: p.memory, today: TODAY, notes: p.notes, index: p.vaultIndex, pipeline: p.pipeline });
      return state.pipeline?.open.find((a) => a.noteName === 'Acme')?.next?.title;
    };
    // Day first, as the other note shows: the interview is on 3 December.
    expect(acme()).toMatch(/2026-12-03/);
    await app.vault.modify(file(app, 'Applications/Other.md'), '---\nstage: Applied\napplied: 02/25/2026\n---\n');
    await settle(r);
    // Month first now: 12 March, though Acme's note did not change.
    expect(acme()).toMatch(/2026-03-12/);
  });

  it("so do the applications waiting too long: an unchanged note's days follow the order another note turned", async () => {
    const mock = makeApp({ 'Applications/Acme.md': AMBIGUOUS, 'Applications/Other.md': '---\nstage: Applied\napplied: 25.02.2026\n---\n' });
    const app = original(mock);
    const r = await startPlugin(mock, { settings: { autoCreate: false } });
    const p = r.plugin;
    const acme = (): string | undefined => {
      const state = advicePaneState(null, { app, settings: p.settings, memory: p.memory, today: '2026-05-20', notes: p.notes, index: p.vaultIndex });
      return state.waiting?.find((w) => w.path === 'Applications/Acme.md')?.summary;
    };
    // Day first: applied on 3 April.
    expect(acme()).toMatch(/2026-04-03/);
    await app.vault.modify(file(app, 'Applications/Other.md'), '---\nstage: Applied\napplied: 02/25/2026\n---\n');
    await settle(r);
    // Month first: on 4 March.
    expect(acme()).toMatch(/2026-03-04/);
  });
});

const INLINE_ONLY = '# Initech\n\nStage:: Interviewing\nCompany:: [[Initech]]\nApplied:: 2026-02-20\nFirst round (interview:: 2026-03-05) with (interviewer:: Ana Silva) and (interviewer:: Ben Ito).\n';
const BOTH = '---\nstage: Applied\ncompany: Acme\n---\nStatus:: Rejected\n```\nRole:: In code\n```\n[role:: Analyst]\n';

describe('Dataview inline fields, in the plugin', () => {
  it('read from the note text once the bodies are read; the frontmatter wins, with a warning naming the field', async () => {
    const app = original(makeApp({ 'Applications/Initech.md': INLINE_ONLY, 'Applications/Acme.md': BOTH }));
    const settings = { ...DEFAULT_SETTINGS };
    const notes = vaultNotes(app, settings);
    await readBodiesInScope(notes, settings);
    const initech = file(app, 'Applications/Initech.md');
    expect(isApplicationNote(notes, initech, settings)).toBe(true);
    const a = adviseOnNote(notes, initech, frontmatterOf(app, initech), settings, TODAY);
    if (a.kind !== 'advice') throw new Error(a.kind);
    expect(a.report.application.company).toBe('Initech');
    expect(a.report.application.interviewers.map((p) => p.name)).toEqual(['Ana Silva', 'Ben Ito']);
    const acme = readApplicationNote(notes, 'Applications/Acme.md', settings);
    expect(acme.application.stage).toBe('applied');
    expect(acme.application.role).toBe('Analyst');
    expect(acme.application.warnings.map((w) => w.field)).toEqual(['Status']);
  });

  it('a body changed since it was read is not used; the change event brings the new one', async () => {
    const mock = makeApp({ 'Applications/Initech.md': INLINE_ONLY });
    const app = original(mock);
    const r = await startPlugin(mock, { settings: { autoCreate: false } });
    const initech = file(app, 'Applications/Initech.md');
    expect(isApplicationNote(r.plugin.notes, initech, r.plugin.settings)).toBe(true);
    await app.vault.modify(initech, INLINE_ONLY.replace('Company:: [[Initech]]', 'Company:: Initrode'));
    await settle(r);
    const a = adviseOnNote(r.plugin.notes, initech, frontmatterOf(app, initech), r.plugin.settings, TODAY);
    expect(a.kind === 'advice' && a.report.application.company).toBe('Initrode');
  });

  it('a note kept only in inline fields gets its follow-ups after start-up, and its callout, which is not read back as fields', async () => {
    const r = await startPlugin(makeApp({ 'Applications/Initech.md': INLINE_ONLY }));
    await settle(r);
    const titles = taskNotes(r.app).map((f) => read(r.app, f.path)).filter((t) => t.includes('Initech'));
    expect(titles.join('\n')).toMatch(/Ana Silva/);
    expect(titles.join('\n')).toMatch(/Ben Ito/);
    const initech = file(r.app, 'Applications/Initech.md');
    expect((await adviseNote(r.plugin.notes, initech, r.plugin.settings, TODAY)).ok).toBe(true);
    const once = read(r.app, initech.path);
    expect(once).toContain('Initech');
    expect(await adviseNote(r.plugin.notes, initech, r.plugin.settings, TODAY)).toEqual({ ok: true, changed: false });
  });
});
