// A date such as 03/04/2026 under the date order Automatic reads in the order the rest of the folder
// shows, in VS Code as from the command line: the same notes count (not the tasks folder, nor
// node_modules, nor hidden folders), so the same note gets the same interview date, moment and
// follow-up due dates from both. The view follows another note turning the folder's order.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { AdvicePaneState } from '../../src/ui/advice-pane-render';
import { activate, readDocument } from '../../src/vscode/extension';
import { HuntScan } from '../../src/vscode/hunt';
import { WorkspaceFiles } from '../../src/vscode/workspace-files';
import { cli } from '../cli/helpers';
import { advisedText, configure, openEditor, resolvedView, tempFolder } from './helpers';
import type { Folder } from './helpers';

/** The CLI's clock day (tests/cli/helpers.ts): VS Code reads the same day from the faked clock. */
const TODAY = '2026-03-10';
const ACME = 'Jobs/Acme - Analyst.md';
const acme = '---\nstatus: interview\ncompany: Acme\nrole: Analyst\ndate_applied: 2026-02-20\ninterview_date: 03/04/2026\nhiring_manager: Dana Whitfield\n---\n# Acme\n';
const BIRCH = 'Jobs/Birch - Designer.md';
/** 25/03/2026 can only be day first: the folder writes dates DMY, so Acme's interview is 3 April. */
const birch = '---\nstatus: applied\ncompany: Birch\nrole: Designer\ndate_applied: 25/03/2026\n---\n';

let folder: Folder;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T12:00:00`));
  folder = tempFolder();
  configure({});
  vi.mocked(vscode.workspace.applyEdit).mockResolvedValue(true);
  vi.spyOn(vscode.workspace, 'getWorkspaceFolder').mockReturnValue({ uri: folder.uri, name: 'vault', index: 0 });
  folder.write(ACME, acme);
  folder.write(BIRCH, birch);
  // Month first, where the command-line tool never looks: counted, they would make the order unknown.
  const monthFirst = '---\nstatus: applied\ncompany: Elsewhere\ndate_applied: 03/25/2026\n---\n';
  folder.write('Job hunt tasks/Old task.md', monthFirst);
  folder.write('node_modules/pkg/readme.md', monthFirst);
  folder.write('.trash/Gone.md', monthFirst);
  activate({ subscriptions: [] as { dispose(): unknown }[], extensionUri: folder.uri } as unknown as vscode.ExtensionContext);
});

afterEach(() => {
  folder.remove();
  vi.useRealTimers();
  vi.clearAllMocks();
});

interface CliAdvice {
  momentSummary: string;
  followUps: { title: string; due: string }[];
}

/** What `advise <note> --json` says of the note, on the same folder. */
function cliAdvice(rel: string): CliAdvice {
  const r = cli(folder.root, 'advise', rel, '--json', '--vault', '.');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CliAdvice;
}

describe('an ambiguous date in VS Code reads in the order the folder shows, as from the command line', () => {
  it('the callout written by "Advise on this application" has the interview date, moment and due dates the CLI gives', async () => {
    const told = cliAdvice(ACME);
    // The CLI reads 03/04/2026 as 3 April: the interview is ahead.
    expect(told.momentSummary).toContain('2026-04-03');
    const text = await advisedText(folder, ACME, acme);
    expect(told.followUps.length).toBeGreaterThan(0);
    for (const f of told.followUps) expect(text).toContain(`- ${f.due}: ${f.title}`);
    const reading = await readDocument(openEditor(vscode.Uri.file(path.join(folder.root, ACME)), acme), TODAY);
    expect(reading?.kind === 'application' && reading.followUps.map((f) => [f.title, f.due])).toEqual(told.followUps.map((f) => [f.title, f.due]));
  });

  it("the whole-folder read gives the note the CLI's moment and next step", async () => {
    const told = cliAdvice(ACME);
    const o = (await new HuntScan().read(new WorkspaceFiles(folder.uri), DEFAULT_SETTINGS, TODAY)).overview;
    const row = o.open.find((a) => a.path === ACME);
    const first = [...told.followUps].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.title < b.title ? -1 : 1))[0];
    expect(row?.next).toEqual(first && { title: first.title, due: first.due });
  });

  it('the view follows another note turning the order, and a redraw with nothing changed reads no note', async () => {
    const posted = resolvedView();
    openEditor(vscode.Uri.file(path.join(folder.root, ACME)), acme);
    const drawn = async (): Promise<AdvicePaneState> => {
      const before = posted.length;
      (vi.mocked(vscode.window.onDidChangeActiveTextEditor).mock.calls[0]?.[0] as () => void)();
      await vi.waitFor(() => expect(posted.length).toBeGreaterThan(before), { timeout: 10_000, interval: 10 });
      return (posted.at(-1) as { state: AdvicePaneState }).state;
    };
    const dues = (s: AdvicePaneState): string[] => (s.followUps ?? []).map((f) => f.due);
    const before = await drawn();
    expect(dues(before)).toEqual(cliAdvice(ACME).followUps.map((f) => f.due));
    expect(before.report?.application.interviews.map((i) => i.date)).toEqual(['2026-04-03']);
    // Nothing changed: drawn again from what was read.
    const reads = vi.spyOn(vscode.workspace.fs, 'readFile');
    reads.mockClear();
    await drawn();
    expect(reads.mock.calls.map(([uri]) => uri.path).filter((p) => p.endsWith('.md'))).toEqual([]);
    // Birch now writes month first: the folder's order turns, and Acme's interview was 4 March.
    writeFileSync(path.join(folder.root, BIRCH), `${birch.replace('25/03/2026', '03/25/2026')}Month first now.\n`);
    const after = await drawn();
    const told = cliAdvice(ACME);
    expect(told.momentSummary).not.toContain('2026-04-03');
    expect(after.report?.application.interviews.map((i) => i.date)).toEqual(['2026-03-04']);
    expect(dues(after)).toEqual(told.followUps.map((f) => f.due));
    // The whole hunt, drawn on a note that is not an application, follows the turn too.
    openEditor(folder.write('Ideas.md', '# Ideas\n'), '# Ideas\n');
    const hunt = (await drawn()).pipeline;
    const first = [...told.followUps].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.title < b.title ? -1 : 1))[0];
    expect(hunt?.open.find((a) => a.path === ACME)?.next).toEqual(first && { title: first.title, due: first.due });
  });
});
