// Ticking a follow-up off from the VS Code advice view: what the task note becomes (TaskNotes reads
// it as completed), that only its status lines change through one WorkspaceEdit, and every note the
// edit would damage (not UTF-8, mixed line endings, unsaved typing, broken YAML) is left alone.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseTaskDocument } from '@tasknotes/model';
import { createTextDocument } from 'jest-mock-vscode';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { readFrontmatter } from '../../src/cli/frontmatter';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { renderTaskNote } from '../../src/core/task-note';
import type { AdviceViewSources } from '../../src/vscode/advice-view';
import { setFollowUpDone } from '../../src/vscode/task-done';
import { aFollowUp } from '../core/report-builders';
import { adviceView, applied, tempFolder } from './helpers';
import type { Folder } from './helpers';


const TODAY = '2026-03-11';
const NOW = '2026-03-11T09:30:12.345Z';
const task = renderTaskNote(aFollowUp(), DEFAULT_SETTINGS);

let folder: Folder;
let documents: Map<string, vscode.TextDocument & { saves: () => number }>;

/** The document VS Code would open for a file: its text as given (VS Code's decoding), saved or not. */
function asVsCodeOpens(rel: string, text: string, options: { dirty?: boolean } = {}): vscode.TextDocument & { saves: () => number } {
  const document = createTextDocument(vscode.Uri.file(path.join(folder.root, rel)), text, 'markdown');
  if (options.dirty) Object.defineProperty(document, 'isDirty', { get: () => true });
  const save = vi.spyOn(document, 'save').mockResolvedValue(true);
  const opened = Object.assign(document, { saves: () => save.mock.calls.length });
  documents.set(document.uri.fsPath, opened);
  return opened;
}

/** A task note on disk, and VS Code's document for it (the same text unless told otherwise). */
function aTaskNote(text = task.content, shown = text, options: { dirty?: boolean } = {}): vscode.TextDocument & { saves: () => number } {
  folder.write(task.path, text);
  return asVsCodeOpens(task.path, shown, options);
}

function lastEdit(): vscode.WorkspaceEdit {
  const call = vi.mocked(vscode.workspace.applyEdit).mock.calls.at(-1);
  if (!call) throw new Error('no edit was applied');
  return call[0];
}

beforeEach(() => {
  folder = tempFolder();
  documents = new Map();
  vi.mocked(vscode.workspace.applyEdit).mockResolvedValue(true);
  vi.spyOn(vscode.workspace, 'openTextDocument').mockImplementation((async (uri: vscode.Uri) => {
    const document = documents.get(uri.fsPath);
    if (!document) throw new Error(`not opened in the test: ${uri.fsPath}`);
    return document;
  }) as unknown as typeof vscode.workspace.openTextDocument);
});

afterEach(() => {
  folder.remove();
  vi.clearAllMocks();
});

describe('ticking a follow-up done in the advice view', () => {
  it('writes what TaskNotes reads as a completed task, changing only the status lines, and saves the note', async () => {
    const document = aTaskNote();
    expect(await setFollowUpDone(folder.uri, task.path, true, TODAY, NOW)).toEqual({ ok: true });
    const after = applied(document, lastEdit());
    const read = parseTaskDocument(after, { path: task.path });
    expect(read.task).toMatchObject({ status: 'done', completedDate: TODAY, dateModified: '2026-03-11T09:30:12Z', title: aFollowUp().title, due: aFollowUp().due });
    // Every other line is there as it was, in its place.
    const before = task.content.split('\n');
    const changed = after.split('\n').filter((line) => !before.includes(line));
    expect(changed.sort()).toEqual(['completedDate: 2026-03-11', 'dateModified: "2026-03-11T09:30:12Z"', 'status: done']);
    expect(after.replace(/\nstatus: done\n/, '\nstatus: open\n').replace(/\ncompletedDate: .*\n/, '\n').replace(/dateModified: .*/, before.find((l) => l.startsWith('dateModified')) ?? '')).toBe(task.content);
    expect(vscode.workspace.applyEdit).toHaveBeenCalledTimes(1);
    expect(document.saves()).toBe(1);
  });

  it('opens it again when unticked: status open and no completedDate, the rest as it was', async () => {
    const done = task.content.replace('status: open', 'status: done').replace(/(dateModified: .*\n)/, '$1completedDate: 2026-03-10\n');
    const document = aTaskNote(done);
    expect(await setFollowUpDone(folder.uri, task.path, false, TODAY, NOW)).toEqual({ ok: true });
    const after = applied(document, lastEdit());
    const fm = readFrontmatter(after);
    expect(fm.ok && fm.frontmatter).toMatchObject({ status: 'open', dateModified: '2026-03-11T09:30:12Z' });
    expect(fm.ok && (fm.frontmatter as Record<string, unknown>).completedDate).toBeUndefined();
    expect(parseTaskDocument(after, { path: task.path }).task.status).toBe('open');
    expect(after.replace(/dateModified: .*/, '')).toBe(task.content.replace(/dateModified: .*/, ''));
  });

  it("keeps a note's CRLF line endings and byte-order mark, and a person's own comments and fields", async () => {
    const own = task.content.replace(/priority: (\w+)\n/, 'priority: $1 # my own note\nreviewed: yes\n').replace(/\n/g, '\r\n');
    // VS Code shows the text without the byte-order mark and puts it back when it saves.
    const document = aTaskNote(`\uFEFF${own}`, own);
    expect(await setFollowUpDone(folder.uri, task.path, true, TODAY, NOW)).toEqual({ ok: true });
    const after = applied(document, lastEdit());
    expect(after).not.toMatch(/[^\r]\n/);
    expect(after).toMatch(/priority: \w+ # my own note\r\nreviewed: yes\r\n/);
    expect(after).toContain('\r\nstatus: done\r\n');
  });

  it('writes nothing to a note whose bytes are not UTF-8, or that VS Code shows differently from its bytes (mixed line endings)', async () => {
    folder.write(task.path, ''); // makes its folder
    writeFileSync(path.join(folder.root, task.path), new Uint8Array([...new TextEncoder().encode(task.content.replace('Jane', 'Jos')), 0xe9]));
    asVsCodeOpens(task.path, `${task.content.replace('Jane', 'Jos')}\uFFFD`);
    const latin1 = await setFollowUpDone(folder.uri, task.path, true, TODAY, NOW);
    expect(latin1).toEqual({ ok: false, message: expect.stringMatching(/is not UTF-8 text \(byte 0xE9 at offset \d+.*nothing written\.$/) as unknown });

    const mixed = task.content.replace('status: open\n', 'status: open\r\n');
    aTaskNote(mixed, mixed.replace(/\r\n/g, '\n'));
    const result = await setFollowUpDone(folder.uri, task.path, true, TODAY, NOW);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^.*\.md: VS Code reads it differently from the bytes on disk .*so it was not marked done\.$/) as unknown });
    expect(vscode.workspace.applyEdit).not.toHaveBeenCalled();
  });

  it('leaves unsaved typing alone, and refuses broken YAML, a note that is not a task note, and paths outside the folder', async () => {
    aTaskNote(task.content, `${task.content}typing`, { dirty: true });
    expect(await setFollowUpDone(folder.uri, task.path, true, TODAY, NOW)).toMatchObject({ ok: false, message: expect.stringContaining('unsaved changes') as unknown });

    aTaskNote(task.content.replace(/priority: (\w+)/, 'priority: [$1'));
    expect(await setFollowUpDone(folder.uri, task.path, true, TODAY, NOW)).toMatchObject({ ok: false, message: expect.stringContaining("its properties (YAML) can't be read") as unknown });

    folder.write('Notes/Plain.md', '---\nstatus: open\n---\nA note of mine.\n');
    asVsCodeOpens('Notes/Plain.md', '---\nstatus: open\n---\nA note of mine.\n');
    expect(await setFollowUpDone(folder.uri, 'Notes/Plain.md', true, TODAY, NOW)).toMatchObject({ ok: false, message: expect.stringContaining('not one of the follow-up task notes') as unknown });

    expect(await setFollowUpDone(folder.uri, '../outside.md', true, TODAY, NOW)).toMatchObject({ ok: false, message: expect.stringContaining('outside the workspace folder') as unknown });
    expect(await setFollowUpDone(folder.uri, 'Tasks/Gone.md', true, TODAY, NOW)).toEqual({ ok: false, message: 'The task note "Tasks/Gone.md" is no longer there: nothing was marked.' });
    expect(vscode.workspace.applyEdit).not.toHaveBeenCalled();
  });
});

describe("the advice view's checkbox", () => {
  it("marks the task note in the folder of the note the view shows, then draws the view again; malformed messages do nothing", async () => {
    const setDone = vi.fn<AdviceViewSources['setDone']>(async () => undefined);
    const note = asVsCodeOpens('Applications/Orchid.md', '---\nstage: Applied\n---\n');
    (vscode.window as { activeTextEditor: unknown }).activeTextEditor = { document: note };
    vi.mocked(vscode.workspace.getWorkspaceFolder).mockReturnValue({ uri: folder.uri, name: 'vault', index: 0 });
    const v = adviceView({ setDone });
    await v.send({ type: 'ready' });
    const draws = v.posted.length;
    await v.send({ type: 'setDone', path: task.path, done: true });
    expect(setDone).toHaveBeenCalledWith(folder.uri, task.path, true);
    expect(v.posted.length).toBe(draws + 1);
    await v.send({ type: 'setDone', path: task.path, done: 'yes' }, false);
    await v.send({ type: 'setDone', done: true }, false);
    expect(setDone).toHaveBeenCalledTimes(1);
  });
});
