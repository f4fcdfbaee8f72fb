// The whole hunt in the VS Code advice view: the folder's application notes read from disk and
// counted by the core, in the folder's own stage words, each open one with its next step; shown on a
// note that is not an application, and on an application when the person asks for it.
import { rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { HuntOverview } from '../../src/core/hunt-overview';
import { followUpStates } from '../../src/vscode/follow-ups';
import { HuntScan } from '../../src/vscode/hunt';
import { readNote } from '../../src/vscode/application-note';
import { WorkspaceFiles } from '../../src/vscode/workspace-files';
import { VSCODE_SETTING_KEYS } from '../../src/vscode/settings';
import { adviceView, openEditor, tempFolder } from './helpers';
import { cli } from '../cli/helpers';
import type { Folder } from './helpers';


const TODAY = '2026-03-11';
const settings = { ...DEFAULT_SETTINGS };

const acme = '---\nstatus: applied\ncompany: Acme\nrole: Analyst\ndate_applied: 2026-03-09\nhiring_manager: Dana Whitfield\n---\n';
const birch = '---\nstatus: interview\ncompany: Birch\nrole: Designer\ndate_applied: 2026-02-20\ninterview_date: 2026-03-13\n---\n';
const cedar = '---\nstatus: rejected\ncompany: Cedar\nrole: Writer\ndate_applied: 2026-02-01\ndecision: 2026-02-15\n---\n';

let folder: Folder;

beforeEach(() => {
  folder = tempFolder();
  vi.spyOn(vscode.workspace.fs, 'stat');
  folder.write('Jobs/Acme - Analyst.md', acme);
  folder.write('Jobs/Birch - Designer.md', birch);
  folder.write('Jobs/Old/Cedar - Writer.md', cedar);
  folder.write('Ideas.md', '# Just thoughts\n');
  folder.write('Job hunt tasks/Thank Ana (abc).md', '---\ntitle: Thank Ana\nstatus: open\njob-hunt-advisor-id: "abc"\n---\n');
  // A code project's dependencies beside the notes: never read.
  folder.write('node_modules/pkg/readme.md', '---\nstatus: applied\ncompany: Not a job\n---\n');
});

afterEach(() => {
  folder.remove();
  vi.clearAllMocks();
});

function counts(o: HuntOverview): Record<string, number> {
  return Object.fromEntries(o.stages.filter((s) => s.count > 0).map((s) => [s.word, s.count]));
}

describe('the whole hunt across the workspace folder', () => {
  it("counts the applications by stage in the folder's own words, and lists each open one's next step, soonest first", async () => {
    const o = (await new HuntScan().read(new WorkspaceFiles(folder.uri), settings, TODAY)).overview;
    expect(o.total).toBe(3);
    expect(counts(o)).toEqual({ applied: 1, interview: 1, rejected: 1 });
    expect(o.appliedTo).toBe(3);
    expect(o.answered).toBe(2);
    expect(o.open.map((a) => a.noteName)).toEqual(expect.arrayContaining(['Acme - Analyst', 'Birch - Designer']));
    expect(o.open).toHaveLength(2);
    // Each next step is the one the note's own advice plans first.
    for (const a of o.open) {
      const text = a.path.endsWith('Acme - Analyst.md') ? acme : birch;
      const read = readNote(text, a.path, settings, TODAY);
      const first = read.kind === 'application' ? [...read.followUps].sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : x.title < y.title ? -1 : 1))[0] : undefined;
      expect(a.next).toEqual(first ? { title: first.title, due: first.due } : undefined);
    }
    const dues = o.open.map((a) => a.next?.due ?? '\uffff');
    expect(dues).toEqual([...dues].sort());
  });

  it('counts an application written in inline fields alone, no frontmatter at all, as the command-line tool does', async () => {
    folder.write('Jobs/Dogwood - Analyst.md', '# Dogwood\n\nCompany:: Dogwood\nRole:: Analyst\nStatus:: interview\n**Date Applied**:: 2026-02-20\nInterview date:: 2026-03-13\n');
    const o = (await new HuntScan().read(new WorkspaceFiles(folder.uri), settings, TODAY)).overview;
    expect(counts(o)).toEqual({ applied: 1, interview: 2, rejected: 1 });
    const cliSees = (JSON.parse(cli(folder.root, 'followups', '.', '--today', TODAY, '--json').stdout) as { followUps: { application: string; title: string; due: string }[] }).followUps;
    const dogwood = o.open.find((a) => a.noteName === 'Dogwood - Analyst');
    const first = cliSees.filter((f) => f.application === 'Jobs/Dogwood - Analyst.md').sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : x.title < y.title ? -1 : 1))[0];
    expect(first).toBeDefined();
    expect(dogwood?.next).toEqual({ title: first?.title, due: first?.due });
  });

  it('two draws at once (the editor switched while the view drew) both see a note that just changed', async () => {
    // Enough notes to be asked after in several batches; the second draw starts while the first is
    // between them, after it took note of the changed one.
    for (let i = 0; i < 40; i++) folder.write(`Jobs/Later/Zeta ${String(i).padStart(2, '0')}.md`, cedar.replace('Cedar', `Zeta ${i}`));
    const scan = new HuntScan();
    const files = new WorkspaceFiles(folder.uri);
    await scan.read(files, settings, TODAY);
    folder.write('Jobs/Acme - Analyst.md', acme.replace('stage: applied', 'stage: interview').replace('status: applied', 'status: interview'));
    let second: Promise<Awaited<ReturnType<HuntScan['read']>>> | undefined;
    const spy = vi.spyOn(vscode.workspace.fs, 'stat').mockImplementation(async (uri) => {
      if (!second && uri.path.endsWith('Zeta 39.md')) {
        second = scan.read(files, settings, TODAY);
        // The first draw waits on the disk here, time enough for the second to read the whole folder.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const { size, mtimeMs, ctimeMs } = statSync(uri.fsPath);
      return { type: vscode.FileType.File, size, mtime: mtimeMs, ctime: ctimeMs };
    });
    try {
      const first = await scan.read(files, settings, TODAY);
      if (!second) throw new Error('the second draw never started');
      for (const view of [first, await second]) expect(counts(view.overview)).toEqual({ interview: 2, rejected: 41 });
    } finally {
      spy.mockRestore();
    }
  });

  it('reads again only the notes that changed on disk, and forgets deleted ones', async () => {
    const scan = new HuntScan();
    const files = new WorkspaceFiles(folder.uri);
    await scan.read(files, settings, TODAY);
    // The mock's readFile is a spy already, carrying the first scan's calls.
    const reads = vi.spyOn(vscode.workspace.fs, 'readFile');
    reads.mockClear();
    const unchanged = (await scan.read(files, settings, TODAY)).overview;
    expect(reads).not.toHaveBeenCalled();
    expect(unchanged.total).toBe(3);
    writeFileSync(path.join(folder.root, 'Jobs/Acme - Analyst.md'), acme.replace('status: applied', 'status: interview\ninterview_date: 2026-03-12'));
    rmSync(path.join(folder.root, 'Jobs/Old/Cedar - Writer.md'));
    const after = (await scan.read(files, settings, TODAY)).overview;
    expect(reads.mock.calls.map(([uri]) => path.basename(uri.fsPath))).toEqual(['Acme - Analyst.md']);
    expect(counts(after)).toEqual({ interview: 2 });
    expect(after.total).toBe(2);
  });

  it('skips a note whose bytes are not UTF-8 and a note with broken YAML, counting the rest', async () => {
    folder.write('Jobs/Latin1.md', '');
    writeFileSync(path.join(folder.root, 'Jobs/Latin1.md'), new Uint8Array([...new TextEncoder().encode('---\nstatus: applied\ncompany: Caf'), 0xe9, 0x0a, ...new TextEncoder().encode('---\n')]));
    folder.write('Jobs/Broken.md', '---\nstatus: [applied\n---\n');
    const o = (await new HuntScan().read(new WorkspaceFiles(folder.uri), settings, TODAY)).overview;
    expect(o.total).toBe(3);
  });
});

describe('the whole hunt in the advice view', () => {
  const hunt = vi.fn(async (root: vscode.Uri) => new HuntScan().read(new WorkspaceFiles(root), settings, TODAY));

  function shown(posted: unknown[]): { pipeline?: HuntOverview; report?: unknown } | undefined {
    const last = posted.at(-1) as { state?: { pipeline?: HuntOverview; report?: unknown } } | undefined;
    return last?.state;
  }

  it('is shown on a note that is not an application, with the counts of the whole folder', async () => {
    const uri = vscode.Uri.file(path.join(folder.root, 'Ideas.md'));
    openEditor(uri, '# Just thoughts\n');
    vi.mocked(vscode.workspace.getWorkspaceFolder).mockReturnValue({ uri: folder.uri, name: 'vault', index: 0 });
    const view = adviceView({
      hunt,
      read: async (document) => ({ note: { folder: { uri: folder.uri, name: 'vault', index: 0 }, path: 'Ideas.md', name: 'Ideas' }, reading: readNote(document.getText(), 'Ideas.md', settings, TODAY), settings, packProblems: [] }),
    });
    await view.send({ type: 'ready' });
    expect(shown(view.posted)?.pipeline?.total).toBe(3);
  });

  it('on an application note only when asked ("Show the whole hunt"), and hidden again by the same button', async () => {
    const uri = vscode.Uri.file(path.join(folder.root, 'Jobs/Acme - Analyst.md'));
    openEditor(uri, acme);
    vi.mocked(vscode.workspace.getWorkspaceFolder).mockReturnValue({ uri: folder.uri, name: 'vault', index: 0 });
    const newApplication = vi.fn(async () => undefined);
    const view = adviceView({
      hunt,
      newApplication,
      read: async (document) => ({ note: { folder: { uri: folder.uri, name: 'vault', index: 0 }, path: 'Jobs/Acme - Analyst.md', name: 'Acme - Analyst' }, reading: readNote(document.getText(), 'Jobs/Acme - Analyst.md', settings, TODAY), settings, packProblems: [] }),
    });
    await view.send({ type: 'ready' });
    expect(shown(view.posted)?.report).toBeDefined();
    expect(shown(view.posted)?.pipeline).toBeUndefined();
    await view.send({ type: 'showPipeline' });
    expect(shown(view.posted)?.pipeline?.open.map((a) => a.noteName)).toContain('Acme - Analyst');
    await view.send({ type: 'showPipeline' });
    expect(shown(view.posted)?.pipeline).toBeUndefined();
    await view.send({ type: 'newApplication' }, false);
    expect(newApplication).toHaveBeenCalledTimes(1);
  });
});

describe('"Across your applications" in the advice view', () => {
  type Section = { due?: { title: string; path: string; due: string }[]; waiting?: { noteName: string; path: string; summary: string }[] };
  const section = (posted: unknown[]): Section | undefined => (posted.at(-1) as { state?: Section } | undefined)?.state;
  const task = (title: string, id: string, more: string) => `---\ntitle: ${title}\nstatus: open\n${more}job-hunt-advisor-id: "${id}"\n---\n`;

  beforeEach(() => {
    // Applied five weeks ago, no answer since: waiting too long (14 days by default).
    folder.write('Jobs/Dune - Writer.md', '---\nstatus: applied\ncompany: Dune\nrole: Writer\ndate_applied: 2026-02-04\n---\n');
    folder.write('Job hunt tasks/Thank Ana (d1).md', task('Send a thank-you letter to Ana', 'd1', 'due: 2026-03-10\n'));
    // Moved out of the tasks folder by the person: still ours, still due.
    folder.write('Archive/Research Birch (d2).md', task('Research Birch', 'd2', 'due: 2026-03-11\n'));
    folder.write('Job hunt tasks/Ask Dune (d3).md', task('Ask Dune for feedback', 'd3', 'due: 2026-03-12\n'));
    folder.write('Job hunt tasks/Connect (d4).md', task('Connect with Dana', 'd4', 'status: done\ncompletedDate: 2026-03-01\ndue: 2026-03-02\n').replace('status: open\n', ''));
  });

  it('lists on an application note the task notes due today or overdue and the applications waiting too long, with the same rules as the pane', async () => {
    const uri = vscode.Uri.file(path.join(folder.root, 'Jobs/Acme - Analyst.md'));
    openEditor(uri, acme);
    vi.mocked(vscode.workspace.getWorkspaceFolder).mockReturnValue({ uri: folder.uri, name: 'vault', index: 0 });
    const scan = new HuntScan();
    const view = adviceView({
      hunt: (root) => scan.read(new WorkspaceFiles(root), settings, TODAY),
      read: async (document) => ({ note: { folder: { uri: folder.uri, name: 'vault', index: 0 }, path: 'Jobs/Acme - Analyst.md', name: 'Acme - Analyst' }, reading: readNote(document.getText(), 'Jobs/Acme - Analyst.md', settings, TODAY), settings, packProblems: [] }),
    });
    await view.send({ type: 'ready' });
    // Earliest first; tomorrow's and the done one are not listed.
    expect(section(view.posted)?.due).toEqual([
      { title: 'Send a thank-you letter to Ana', path: 'Job hunt tasks/Thank Ana (d1).md', due: '2026-03-10' },
      { title: 'Research Birch', path: 'Archive/Research Birch (d2).md', due: '2026-03-11' },
    ]);
    // Acme (applied two days ago) and Birch (an interview coming) are not waiting too long.
    expect(section(view.posted)?.waiting).toEqual([{ noteName: 'Dune - Writer', path: 'Jobs/Dune - Writer.md', summary: expect.stringContaining('2026-02-04') as string }]);

    // Ticked done elsewhere (a completedDate, as TaskNotes writes it): gone at the next draw.
    writeFileSync(path.join(folder.root, 'Job hunt tasks/Thank Ana (d1).md'), task('Send a thank-you letter to Ana', 'd1', 'due: 2026-03-10\ncompletedDate: 2026-03-11\n'));
    await view.send({ type: 'ready' });
    expect(section(view.posted)?.due?.map((d) => d.title)).toEqual(['Research Birch']);
  });

  it('is there on a note that is not an application too, below the whole hunt', async () => {
    openEditor(vscode.Uri.file(path.join(folder.root, 'Ideas.md')), '# Just thoughts\n');
    vi.mocked(vscode.workspace.getWorkspaceFolder).mockReturnValue({ uri: folder.uri, name: 'vault', index: 0 });
    const view = adviceView({
      hunt: (root) => new HuntScan().read(new WorkspaceFiles(root), settings, TODAY),
      read: async (document) => ({ note: { folder: { uri: folder.uri, name: 'vault', index: 0 }, path: 'Ideas.md', name: 'Ideas' }, reading: readNote(document.getText(), 'Ideas.md', settings, TODAY), settings, packProblems: [] }),
    });
    await view.send({ type: 'ready' });
    expect(section(view.posted)?.due?.map((d) => d.title)).toEqual(['Send a thank-you letter to Ana', 'Research Birch']);
    expect(section(view.posted)?.waiting?.map((w) => w.noteName)).toEqual(['Dune - Writer']);
  });

  it("reads the folder once per draw: the follow-ups' states come from the same read, and a redraw with nothing changed reads no note", async () => {
    const uri = vscode.Uri.file(path.join(folder.root, 'Jobs/Acme - Analyst.md'));
    openEditor(uri, acme);
    vi.mocked(vscode.workspace.getWorkspaceFolder).mockReturnValue({ uri: folder.uri, name: 'vault', index: 0 });
    const reading = readNote(acme, 'Jobs/Acme - Analyst.md', settings, TODAY);
    const first = reading.kind === 'application' ? reading.followUps[0] : undefined;
    if (!first) throw new Error('Acme plans no follow-up');
    // Its task note, moved by the person out of the tasks folder: still its task note.
    folder.write('Archive/Mine.md', task(first.title, first.id, ''));
    const scan = new HuntScan();
    const view = adviceView({
      hunt: (root) => scan.read(new WorkspaceFiles(root), settings, TODAY),
      states: (root, followUps, s, taskNotes) => followUpStates(new WorkspaceFiles(root), followUps, s, taskNotes),
      read: async (document) => ({ note: { folder: { uri: folder.uri, name: 'vault', index: 0 }, path: 'Jobs/Acme - Analyst.md', name: 'Acme - Analyst' }, reading: readNote(document.getText(), 'Jobs/Acme - Analyst.md', settings, TODAY), settings, packProblems: [] }),
    });
    const reads = vi.spyOn(vscode.workspace.fs, 'readFile');
    reads.mockClear();
    await view.send({ type: 'ready' });
    const notesRead = () => reads.mock.calls.map(([u]) => path.relative(folder.root, u.fsPath)).filter((p) => p.endsWith('.md'));
    expect(notesRead().filter((p) => p.startsWith('Job hunt tasks'))).toEqual(expect.arrayContaining(['Job hunt tasks/Thank Ana (d1).md']));
    expect(new Set(notesRead()).size).toBe(notesRead().length);
    const states = (view.posted.at(-1) as { state?: { states?: Record<string, { state: string; path?: string }> } }).state?.states;
    expect(states?.[first.id]).toEqual({ state: 'created', path: 'Archive/Mine.md' });
    reads.mockClear();
    await view.send({ type: 'ready' });
    expect(notesRead()).toEqual([]);
  });

  it('waits as long as the folder says (jobHuntAdvisor.waitingTooLongDays)', async () => {
    const patient = { ...settings, waitingTooLongDays: 60 };
    const { across } = await new HuntScan().read(new WorkspaceFiles(folder.uri), patient, TODAY);
    expect(across.waiting).toEqual([]);
    expect(VSCODE_SETTING_KEYS).toContain('waitingTooLongDays');
  });
});
