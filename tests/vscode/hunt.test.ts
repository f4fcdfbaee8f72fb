// The whole hunt in the VS Code advice view: the folder's application notes read from disk and
// counted by the core, in the folder's own stage words, each open one with its next step; shown on a
// note that is not an application, and on an application when the person asks for it.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { HuntOverview } from '../../src/core/hunt-overview';
import { HuntScan } from '../../src/vscode/hunt';
import { readNote } from '../../src/vscode/application-note';
import { WorkspaceFiles } from '../../src/vscode/workspace-files';
import { adviceView, openEditor, tempFolder } from './helpers';
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
    const o = await new HuntScan().overview(new WorkspaceFiles(folder.uri), settings, TODAY);
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

  it('reads again only the notes that changed on disk, and forgets deleted ones', async () => {
    const scan = new HuntScan();
    const files = new WorkspaceFiles(folder.uri);
    await scan.overview(files, settings, TODAY);
    // The mock's readFile is a spy already, carrying the first scan's calls.
    const reads = vi.spyOn(vscode.workspace.fs, 'readFile');
    reads.mockClear();
    const unchanged = await scan.overview(files, settings, TODAY);
    expect(reads).not.toHaveBeenCalled();
    expect(unchanged.total).toBe(3);
    writeFileSync(path.join(folder.root, 'Jobs/Acme - Analyst.md'), acme.replace('status: applied', 'status: interview\ninterview_date: 2026-03-12'));
    rmSync(path.join(folder.root, 'Jobs/Old/Cedar - Writer.md'));
    const after = await scan.overview(files, settings, TODAY);
    expect(reads.mock.calls.map(([uri]) => path.basename(uri.fsPath))).toEqual(['Acme - Analyst.md']);
    expect(counts(after)).toEqual({ interview: 2 });
    expect(after.total).toBe(2);
  });

  it('skips a note whose bytes are not UTF-8 and a note with broken YAML, counting the rest', async () => {
    folder.write('Jobs/Latin1.md', '');
    writeFileSync(path.join(folder.root, 'Jobs/Latin1.md'), new Uint8Array([...new TextEncoder().encode('---\nstatus: applied\ncompany: Caf'), 0xe9, 0x0a, ...new TextEncoder().encode('---\n')]));
    folder.write('Jobs/Broken.md', '---\nstatus: [applied\n---\n');
    const o = await new HuntScan().overview(new WorkspaceFiles(folder.uri), settings, TODAY);
    expect(o.total).toBe(3);
  });
});

describe('the whole hunt in the advice view', () => {
  const overview = vi.fn(async (root: vscode.Uri) => new HuntScan().overview(new WorkspaceFiles(root), settings, TODAY));

  function shown(posted: unknown[]): { pipeline?: HuntOverview; report?: unknown } | undefined {
    const last = posted.at(-1) as { state?: { pipeline?: HuntOverview; report?: unknown } } | undefined;
    return last?.state;
  }

  it('is shown on a note that is not an application, with the counts of the whole folder', async () => {
    const uri = vscode.Uri.file(path.join(folder.root, 'Ideas.md'));
    openEditor(uri, '# Just thoughts\n');
    vi.mocked(vscode.workspace.getWorkspaceFolder).mockReturnValue({ uri: folder.uri, name: 'vault', index: 0 });
    const view = adviceView({
      overview,
      read: async (document) => ({ note: { folder: { uri: folder.uri, name: 'vault', index: 0 }, path: 'Ideas.md', name: 'Ideas' }, reading: readNote(document.getText(), 'Ideas.md', settings, TODAY), settings }),
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
      overview,
      newApplication,
      read: async (document) => ({ note: { folder: { uri: folder.uri, name: 'vault', index: 0 }, path: 'Jobs/Acme - Analyst.md', name: 'Acme - Analyst' }, reading: readNote(document.getText(), 'Jobs/Acme - Analyst.md', settings, TODAY), settings }),
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
