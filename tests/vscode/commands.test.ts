// The VS Code host's commands against jest-mock-vscode, on a real temporary folder: what the note
// becomes, what is created on disk, and what is never created twice.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { insertOrRefreshBlock, renderAdviceCallout, BLOCK_START } from '../../src/core/callout';
import { advise } from '../../src/core/advice';
import { adviseOn } from '../../src/core/pipeline';
import { readApplication } from '../../src/core/application';
import { planFollowUps } from '../../src/core/followups';
import { parseLedger } from '../../src/core/ledger';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { CONFIG_FILE } from '../../src/cli/vault';
import { activate, adviseOnActiveNote, FOLDER_SETTINGS_FILE, newApplication, createFollowUpsForActiveNote, localToday, removeCalloutFromActiveNote } from '../../src/vscode/extension';
import { COMMANDS, extensionManifest } from '../../src/vscode/manifest';
import { readNote } from '../../src/vscode/application-note';
import { viewState } from '../../src/vscode/view-state';
import { applied, configure, openEditor, tempFolder } from './helpers';
import type { Folder } from './helpers';


const today = localToday();
const NOTE = 'Applications/Orchid Labs - Analyst.md';
const noteText = [
  '---',
  'stage: Applied',
  'company: Orchid Labs',
  'role: Analyst',
  'date_applied: 2026-03-08',
  'hiring_manager: Dana Whitfield',
  'recruiter: Marco Bell',
  '---',
  '# Orchid Labs: Analyst',
  '',
  'Sent through the careers page.',
  '',
].join('\n');

let folder: Folder;

beforeEach(() => {
  folder = tempFolder();
  configure({});
  vi.mocked(vscode.workspace.applyEdit).mockResolvedValue(true);
});

afterEach(() => {
  folder.remove();
  vi.clearAllMocks();
});

/** The edit the last command applied. */
function lastEdit(): vscode.WorkspaceEdit {
  const call = vi.mocked(vscode.workspace.applyEdit).mock.calls.at(-1);
  if (!call) throw new Error('no edit was applied');
  return call[0];
}

describe('activation', () => {
  it('registers every command the manifest shows in the palette, the advice view and the preview plugin', () => {
    const context = { subscriptions: [] as { dispose(): unknown }[], extensionUri: folder.uri } as unknown as vscode.ExtensionContext;
    const event = () => ({ dispose: () => undefined });
    vi.mocked(vscode.workspace.createFileSystemWatcher).mockReturnValue({ onDidCreate: event, onDidChange: event, onDidDelete: event, dispose: () => undefined } as unknown as vscode.FileSystemWatcher);
    const api = activate(context);
    // Changes on disk (task notes, the ledger, other notes) redraw the view too.
    expect(vscode.workspace.createFileSystemWatcher).toHaveBeenCalledWith('{**/*.md,**/.job-hunt-advisor/*.json}');
    const registered = vi.mocked(vscode.commands.registerCommand).mock.calls.map(([id]) => id);
    const manifest = extensionManifest('0.0.0') as { contributes: { commands: { command: string }[] } };
    expect(registered.sort()).toEqual(manifest.contributes.commands.map((c) => c.command).sort());
    expect(vscode.window.registerWebviewViewProvider).toHaveBeenCalledTimes(1);
    expect(typeof api.extendMarkdownIt).toBe('function');
    // Activation only registers: no note is read or written.
    expect(vscode.workspace.applyEdit).not.toHaveBeenCalled();
  });
});

describe('Advise on this application', () => {
  it('inserts the same block the core renders, through one WorkspaceEdit that leaves the rest alone, and saves a saved note', async () => {
    const document = openEditor(folder.write(NOTE, noteText), noteText);
    await adviseOnActiveNote();
    const after = applied(document, lastEdit());
    const read = readApplication({ frontmatter: { stage: 'Applied', company: 'Orchid Labs', role: 'Analyst', date_applied: '2026-03-08', hiring_manager: 'Dana Whitfield', recruiter: 'Marco Bell' }, path: NOTE });
    if (!read.ok) throw new Error('example note should read');
    const report = advise(read.application, today);
    expect(after).toBe(insertOrRefreshBlock(noteText, renderAdviceCallout(report, planFollowUps(report, DEFAULT_SETTINGS)), 'top'));
    const [, edits] = lastEdit().entries()[0] ?? [];
    expect(edits).toHaveLength(1);
    // The replaced range starts after the frontmatter: the person's text before it is untouched.
    expect(document.offsetAt(edits?.[0]?.range.start ?? new vscode.Position(0, 0))).toBe(noteText.indexOf('# Orchid'));
    expect(document.saved()).toBe(1);
  });

  it('keeps unsaved text and leaves saving to the person when the note has unsaved changes', async () => {
    const typed = noteText.replace('Sent through', 'Typed but not saved. Sent through');
    const document = openEditor(folder.write(NOTE, noteText), typed, { dirty: true });
    await adviseOnActiveNote();
    const after = applied(document, lastEdit());
    expect(after).toContain('Typed but not saved.');
    expect(after).toContain(BLOCK_START);
    expect(document.saved()).toBe(0);
  });

  it('changes nothing when the advice is already current, and writes nothing for a note that is not an application', async () => {
    const document = openEditor(folder.write(NOTE, noteText), noteText);
    await adviseOnActiveNote();
    const current = applied(document, lastEdit());
    vi.mocked(vscode.workspace.applyEdit).mockClear();
    openEditor(folder.write(NOTE, current), current);
    await adviseOnActiveNote();
    expect(vscode.workspace.applyEdit).not.toHaveBeenCalled();

    openEditor(folder.write('Log.md', '# Job search log\n'), '# Job search log\n');
    await adviseOnActiveNote();
    expect(vscode.workspace.applyEdit).not.toHaveBeenCalled();
    expect(vscode.window.showInformationMessage).toHaveBeenCalledWith(expect.stringContaining('is not an application note'));
  });

  it('names the note and the problem in one line when its frontmatter is broken', async () => {
    const broken = '---\nstage: [Applied\n---\nBody\n';
    openEditor(folder.write(NOTE, broken), broken);
    await adviseOnActiveNote();
    expect(vscode.workspace.applyEdit).not.toHaveBeenCalled();
    const message = vi.mocked(vscode.window.showWarningMessage).mock.calls[0]?.[0] ?? '';
    expect(message.startsWith(`${NOTE}: `)).toBe(true);
    expect(message).not.toContain('\n');
  });
});

describe('Remove advice callout', () => {
  it('takes the block out and gives the note back as it was', async () => {
    const document = openEditor(folder.write(NOTE, noteText), noteText);
    await adviseOnActiveNote();
    const withBlock = applied(document, lastEdit());
    const again = openEditor(folder.write(NOTE, withBlock), withBlock);
    await removeCalloutFromActiveNote();
    expect(applied(again, lastEdit())).toBe(noteText);
  });
});

describe('Create follow-up tasks', () => {
  const tasks = (): string[] => (existsSync(path.join(folder.root, 'Job hunt tasks')) ? readdirSync(path.join(folder.root, 'Job hunt tasks')).sort() : []);

  it('creates TaskNotes task notes in the tasks folder and remembers them in the shared ledger, once', async () => {
    openEditor(folder.write(NOTE, noteText), noteText);
    await createFollowUpsForActiveNote();
    const made = tasks();
    expect(made.length).toBeGreaterThan(0);
    const ledger = parseLedger(readFileSync(path.join(folder.root, '.job-hunt-advisor/created.json'), 'utf8'));
    expect(ledger.map((e) => e.path).sort()).toEqual(made.map((m) => `Job hunt tasks/${m}`).sort());
    const first = readFileSync(path.join(folder.root, 'Job hunt tasks', made[0] ?? ''), 'utf8');
    expect(first).toMatch(/^---\n[\s\S]*job-hunt-advisor-id: /);

    // Run again: nothing new. Delete one: it does not come back.
    await createFollowUpsForActiveNote();
    expect(tasks()).toEqual(made);
    rmSync(path.join(folder.root, 'Job hunt tasks', made[0] ?? ''));
    await createFollowUpsForActiveNote();
    expect(tasks()).toEqual(made.slice(1));
    expect(vscode.window.showInformationMessage).toHaveBeenLastCalledWith(expect.stringContaining('nothing created'));
  });

  it('does not create what the command-line tool or the Obsidian plugin created before', async () => {
    openEditor(folder.write(NOTE, noteText), noteText);
    await createFollowUpsForActiveNote();
    const made = tasks();
    const ledgerText = readFileSync(path.join(folder.root, '.job-hunt-advisor/created.json'), 'utf8');
    const ids = parseLedger(ledgerText).map((e) => e.id);
    expect(ids.length).toBe(made.length);
    // A fresh folder whose one memory holds them: one in a sync-conflict copy, the rest in created.json.
    folder.remove();
    folder = tempFolder();
    const [cliId, ...pluginIds] = ids;
    folder.write('.job-hunt-advisor/created.sync-conflict-20260309.json', JSON.stringify({ created: [{ id: cliId, application: NOTE, title: 't', path: 'p', created: today }] }));
    folder.write('.job-hunt-advisor/created.json', JSON.stringify({ created: pluginIds.map((id) => ({ id, application: NOTE, kind: 'check-in', title: 't', path: 'p', created: today })) }));
    openEditor(folder.write(NOTE, noteText), noteText);
    await createFollowUpsForActiveNote();
    expect(tasks()).toEqual([]);
  });

  // A ledger that cannot be read is never taken for an empty one (it would forget every task note
  // the person deleted, and the next write would replace it): nothing is created, one line names it.
  const unreadable: [string, (root: string) => void, string][] = [
    ['a folder in place of created.json', (root) => mkdirSync(path.join(root, '.job-hunt-advisor/created.json'), { recursive: true }), 'is a folder'],
    ['a file where its folder goes', (root) => writeFileSync(path.join(root, '.job-hunt-advisor'), 'x'), 'is not a folder'],
    ['an empty created.json', (root) => {
      mkdirSync(path.join(root, '.job-hunt-advisor'), { recursive: true });
      writeFileSync(path.join(root, '.job-hunt-advisor/created.json'), '');
    }, 'is empty'],
    ['a FIFO in its place', (root) => {
      mkdirSync(path.join(root, '.job-hunt-advisor'), { recursive: true });
      execFileSync('mkfifo', [path.join(root, '.job-hunt-advisor/created.json')]);
    }, 'not a regular file'],
    ['bytes that are not UTF-8', (root) => {
      mkdirSync(path.join(root, '.job-hunt-advisor'), { recursive: true });
      writeFileSync(path.join(root, '.job-hunt-advisor/created.json'), Uint8Array.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    }, 'is not UTF-8'],
    ['a ledger cut short', (root) => {
      mkdirSync(path.join(root, '.job-hunt-advisor'), { recursive: true });
      writeFileSync(path.join(root, '.job-hunt-advisor/created.json'), '{"created": [{"id": "abc", "appl');
    }, 'cannot be read'],
    ['a sync-conflict copy that is not a ledger', (root) => {
      mkdirSync(path.join(root, '.job-hunt-advisor'), { recursive: true });
      writeFileSync(path.join(root, '.job-hunt-advisor/created.sync-conflict-20260309.json'), 'not json at all');
    }, 'cannot be read'],
  ];
  for (const [what, make, says] of unreadable) {
    it(`creates nothing and says so in one line when the ledger is unreadable: ${what}`, async () => {
      make(folder.root);
      openEditor(folder.write(NOTE, noteText), noteText);
      await createFollowUpsForActiveNote();
      expect(tasks()).toEqual([]);
      const warned = vi.mocked(vscode.window.showWarningMessage).mock.calls.map((c) => String(c[0]));
      expect(warned).toEqual([expect.stringContaining('.job-hunt-advisor')]);
      expect(warned[0]).toContain(says);
      expect(warned[0]).not.toContain('\n');
    });
  }

  it('keeps entries another writer added to the ledger while it created task notes', async () => {
    const other = { id: 'someone-elses-follow-up', application: 'Elsewhere.md', kind: 'check-in', title: 'Check in', path: 'Job hunt tasks/Elsewhere.md', created: today };
    openEditor(folder.write(NOTE, noteText), noteText);
    const spy = vi.spyOn(vscode.workspace.fs, 'writeFile');
    // The CLI writes its entry just as VS Code creates its first task note.
    spy.mockImplementationOnce(async (uri, bytes) => {
      folder.write('.job-hunt-advisor/created.json', JSON.stringify({ created: [other] }));
      spy.mockRestore();
      return vscode.workspace.fs.writeFile(uri, bytes);
    });
    await createFollowUpsForActiveNote();
    const ids = parseLedger(readFileSync(path.join(folder.root, '.job-hunt-advisor/created.json'), 'utf8')).map((e) => e.id);
    expect(ids).toContain(other.id);
    expect(ids.length).toBe(tasks().length + 1);
  });

  it('writes task notes only inside the workspace folder, whatever the tasks folder setting says', async () => {
    configure({ tasksFolder: '../outside' });
    openEditor(folder.write(NOTE, noteText), noteText);
    await createFollowUpsForActiveNote();
    expect(existsSync(path.join(folder.root, '..', 'outside'))).toBe(false);
    expect(vscode.window.showWarningMessage).toHaveBeenCalledWith(expect.stringContaining('outside the workspace folder'));
  });
});

describe('New job application', () => {
  it("writes the note in the folder's own field names and stage words, under a free name, never over an existing note", async () => {
    folder.write(NOTE, noteText);
    const shown = vi.spyOn(vscode.window, 'showTextDocument').mockResolvedValue({} as vscode.TextEditor);
    vi.mocked(vscode.window.showInputBox).mockResolvedValueOnce('Orchid Labs').mockResolvedValueOnce('Analyst');
    await newApplication();
    // The existing note keeps its text; the new one gets the next free name beside it.
    expect(readFileSync(path.join(folder.root, NOTE), 'utf8')).toBe(noteText);
    const made = readdirSync(path.join(folder.root, 'Applications')).filter((n) => n !== path.basename(NOTE));
    expect(made).toHaveLength(1);
    const text = readFileSync(path.join(folder.root, 'Applications', made[0] ?? ''), 'utf8');
    expect(text).toMatch(/^---\n[\s\S]*company: Orchid Labs\n[\s\S]*role: Analyst\n/);
    expect(shown).toHaveBeenCalledTimes(1);
  });

  it('writes nothing when the person cancels', async () => {
    vi.mocked(vscode.window.showInputBox).mockResolvedValueOnce(undefined);
    await newApplication();
    expect(readdirSync(folder.root)).toEqual([]);
  });
});

describe("the folder's settings file", () => {
  it('is the file the command-line tool reads, and signs the drafts in the task notes', async () => {
    expect(FOLDER_SETTINGS_FILE).toBe(CONFIG_FILE);
    folder.write(CONFIG_FILE, JSON.stringify({ yourName: 'Sam Rivera', tasksFolder: 'Follow-ups' }));
    openEditor(folder.write(NOTE, noteText), noteText);
    await createFollowUpsForActiveNote();
    const made = readdirSync(path.join(folder.root, 'Follow-ups'));
    expect(made.length).toBeGreaterThan(0);
    const drafts = made.map((m) => readFileSync(path.join(folder.root, 'Follow-ups', m), 'utf8')).filter((t) => t.includes('Draft'));
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) expect(d).toContain('Sam Rivera');
  });
});

describe('which notes are applications (the scope setting)', () => {
  it('a note outside the applications folder is neither advised nor given task notes; one inside is', async () => {
    configure({ applicationScope: 'folder', applicationsFolder: 'Applications' });
    const outside = 'Notes/Orchid Labs - Analyst.md';
    openEditor(folder.write(outside, noteText), noteText);
    await adviseOnActiveNote();
    await createFollowUpsForActiveNote();
    expect(vscode.workspace.applyEdit).not.toHaveBeenCalled();
    expect(existsSync(path.join(folder.root, DEFAULT_SETTINGS.tasksFolder))).toBe(false);
    openEditor(folder.write(NOTE, noteText), noteText);
    await createFollowUpsForActiveNote();
    expect(readdirSync(path.join(folder.root, DEFAULT_SETTINGS.tasksFolder)).length).toBeGreaterThan(0);
  });

  it('the advice view says why a note outside the scope is not read, as the Obsidian pane says it', () => {
    const settings = { ...DEFAULT_SETTINGS, applicationScope: 'folder' as const, applicationsFolder: 'Applications' };
    const outside = 'Notes/Orchid Labs - Analyst.md';
    const state = viewState({ path: outside, name: 'Orchid Labs - Analyst' }, readNote(noteText, outside, settings, today), {}, settings, today);
    expect(state.notApplication?.scope).toBe('Only notes in the folder "Applications" are read as applications (a setting).');
    expect(state.report).toBeUndefined();
  });

  it("tag, from the folder's settings file as the command-line tool reads it: an untagged note is not advised", async () => {
    folder.write(CONFIG_FILE, JSON.stringify({ applicationScope: 'tag', applicationsTag: 'job-application' }));
    openEditor(folder.write(NOTE, noteText), noteText);
    await adviseOnActiveNote();
    expect(vscode.workspace.applyEdit).not.toHaveBeenCalled();
    const tagged = noteText.replace('Sent through the careers page.', 'Sent through the careers page. #job-application');
    const document = openEditor(folder.write(NOTE, tagged), tagged);
    await adviseOnActiveNote();
    expect(applied(document, lastEdit())).toContain(BLOCK_START);
  });
});

describe("an older plugin's memory (data.json)", () => {
  it('a follow-up only that older plugin remembered is not created again from VS Code', async () => {
    openEditor(folder.write(NOTE, noteText), noteText);
    const reading = readApplication({ frontmatter: { stage: 'Applied', company: 'Orchid Labs', role: 'Analyst', date_applied: '2026-03-08', hiring_manager: 'Dana Whitfield', recruiter: 'Marco Bell' }, path: NOTE });
    if (!reading.ok) throw new Error(reading.problem.message);
    const planned = planFollowUps(advise(reading.application, today));
    expect(planned.length).toBeGreaterThan(0);
    folder.write('.my-vault-settings/app.json', '{}');
    folder.write('.my-vault-settings/plugins/job-hunt-advisor/data.json', JSON.stringify({
      generated: { [NOTE]: planned.map((f) => ({ id: f.id, title: f.title, path: 'gone.md', created: today })) },
    }));
    await createFollowUpsForActiveNote();
    expect(existsSync(path.join(folder.root, DEFAULT_SETTINGS.tasksFolder))).toBe(false);
  });
});

describe('the manifest', () => {
  it('puts every command under the category, offers the note commands only on application notes, and wakes on Markdown only', () => {
    const m = extensionManifest('1.2.3') as {
      version: string;
      activationEvents: string[];
      contributes: { commands: { category: string }[]; menus: { commandPalette: { command: string; when: string }[] } };
    };
    expect(m.version).toBe('1.2.3');
    expect(m.activationEvents).toEqual(['onLanguage:markdown']);
    expect(new Set(m.contributes.commands.map((c) => c.category))).toEqual(new Set(['Job Hunt Advisor']));
    const when = Object.fromEntries(m.contributes.menus.commandPalette.map((c) => [c.command, c.when]));
    expect(when[COMMANDS.advise.id]).toContain('jobHuntAdvisor.isApplication');
    expect(when[COMMANDS.createFollowUps.id]).toContain('jobHuntAdvisor.isApplication');
  });
});

describe('Dataview inline fields in VS Code', () => {
  it('a note written only in inline fields gets the advice its frontmatter twin gets, and keeps reading so once the block is in', async () => {
    const text = '# Orchid Labs\n\nStage:: Applied\nCompany:: Orchid Labs\n[role:: Analyst] sent (hiring_manager:: Dana Whitfield)\n';
    const document = openEditor(folder.write(NOTE, text), text);
    await adviseOnActiveNote();
    const after = applied(document, lastEdit());
    const twin = adviseOn({ path: NOTE, frontmatter: { stage: 'Applied', company: 'Orchid Labs', role: 'Analyst', hiring_manager: 'Dana Whitfield' } }, today, DEFAULT_SETTINGS);
    if (twin.kind !== 'advice') throw new Error('the twin should read');
    expect(after).toBe(insertOrRefreshBlock(text, renderAdviceCallout(twin.report, twin.followUps), 'top'));
    expect(after).toContain('Dana Whitfield');
    // Asked again on the note with its block: nothing changes (the block's text is not read as fields).
    vi.mocked(vscode.workspace.applyEdit).mockClear();
    const again = openEditor(folder.write(NOTE, after), after);
    await adviseOnActiveNote();
    const calls = vi.mocked(vscode.workspace.applyEdit).mock.calls;
    if (calls.length > 0) expect(applied(again, lastEdit())).toBe(after);
  });
});
