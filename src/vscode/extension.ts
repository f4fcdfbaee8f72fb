// The VS Code host: wires VS Code's events and commands to the core. Activation only registers;
// every note is read when it is shown or a command runs. No network, no telemetry.
import * as vscode from 'vscode';
import { findBlock, removeBlock } from '../core/callout';
import { calendarDate } from '../core/dates';
import { noteNameOf } from '../core/application';
import type { CalendarDate, Problem } from '../core/model';
import { readNoteInFolder, withAdvice } from './application-note';
import type { NoteReading } from './application-note';
import { AdviceViewProvider } from './advice-view';
import { COMMANDS, CONFIG_SECTION, HAS_CALLOUT_KEY, IS_APPLICATION_KEY, ADVICE_VIEW_ID } from './manifest';
import { calloutPreviewPlugin } from './preview-callout';
import type { MarkdownIt } from './preview-callout';
import { readHostSettings } from './settings';
import type { HostSettings } from './settings';
import { smallestChange } from '../core/text-change';
import { createFollowUps, followUpStates } from './follow-ups';
import { WorkspaceFiles } from './workspace-files';
import { askForApplication, createApplication } from './new-application';
import { setFollowUpDone } from './task-done';
import { HuntScan } from './hunt';
import { WorkspacePacks } from './advice-pack';
import { BUILT_IN_KNOWLEDGE, type Knowledge } from '../core/knowledge';
import { expertsOffProblems, packProblemLines } from '../core/packs';

/** Today on this computer's calendar: the host reads the clock, the core never does. */
export function localToday(now: Date = new Date()): CalendarDate {
  return calendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? '1970-01-01';
}

/** The workspace folder's own settings file: the one the command-line tool reads (its CONFIG_FILE). */
export const FOLDER_SETTINGS_FILE = '.job-hunt-advisor.json';

/** Problems already shown: a wrong setting is said once, not at every keystroke. */
const shownProblems = new Set<string>();

/** Each workspace folder's advice pack; its problems go to the Problems panel once activated. */
let packs = new WorkspacePacks();
/** The whole folder as last read: the view's hunt, and the notes a date such as 03/04/2026 reads by. */
let hunt = new HuntScan();

/**
 * The nine and the pack of the note's workspace folder, and the pack's problems (for a pack note's
 * view); an expertsOff entry naming nobody is said once.
 */
async function packFor(uri: vscode.Uri, settings: HostSettings): Promise<[Knowledge | undefined, Problem[]]> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const reading = folder ? await packs.readingFor(folder.uri, settings) : undefined;
  for (const { message } of expertsOffProblems(reading?.knowledge ?? BUILT_IN_KNOWLEDGE, settings.expertsOff)) {
    if (shownProblems.has(message)) continue;
    shownProblems.add(message);
    void vscode.window.showWarningMessage(`Job Hunt Advisor: ${message}.`);
  }
  const problems = [...(reading?.problems ?? [])].flatMap(([notePath, lines]) => lines.map((message) => ({ notePath, message })));
  return [reading?.knowledge, problems];
}

/** The settings for the note at `uri`: its folder's settings file, then VS Code's settings. */
export async function hostSettings(uri: vscode.Uri): Promise<HostSettings> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const text = folder ? await new WorkspaceFiles(folder.uri).read(FOLDER_SETTINGS_FILE) : undefined;
  const { settings, problems } = readHostSettings(
    vscode.workspace.getConfiguration(CONFIG_SECTION, uri),
    text === undefined ? undefined : { name: FOLDER_SETTINGS_FILE, text },
  );
  for (const problem of problems) {
    if (shownProblems.has(problem)) continue;
    shownProblems.add(problem);
    void vscode.window.showWarningMessage(`Job Hunt Advisor: ${problem}; the default is used.`);
  }
  return settings;
}

/** The note's path relative to its workspace folder (the vault), or undefined outside one. */
export function notePath(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; path: string; name: string } | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const path = vscode.workspace.asRelativePath(uri, false);
  return { folder, path, name: noteNameOf(path) };
}

export function isMarkdown(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && document.languageId === 'markdown';
}

export async function readDocument(document: vscode.TextDocument, today: CalendarDate = localToday()): Promise<NoteReading | undefined> {
  const note = notePath(document.uri);
  if (!note) return undefined;
  return readOpenNote(document.getText(), note, document.uri, await hostSettings(document.uri), today);
}

/**
 * The open note's text through the core's pipeline, with its folder's pack, and its folder's notes
 * when it holds a date such as 03/04/2026: the same notes the whole-folder read advises with.
 */
async function readOpenNote(text: string, note: { folder: vscode.WorkspaceFolder; path: string }, uri: vscode.Uri, settings: HostSettings, today = localToday()): Promise<NoteReading> {
  const [knowledge, problems] = await packFor(uri, settings);
  const folderDates = () => hunt.folderDates(new WorkspaceFiles(note.folder.uri), settings, today, knowledge);
  return readNoteInFolder(text, note.path, settings, today, folderDates, knowledge, problems);
}

/** Replaces the document's text through a WorkspaceEdit (so undo works), saving it when it was saved. */
async function replaceText(document: vscode.TextDocument, read: string, updated: string): Promise<boolean> {
  // Typed meanwhile (while the settings were read): that text wins; the command can run again.
  if (document.getText() !== read) throw new Error(`${vscode.workspace.asRelativePath(document.uri)} changed while the advice was being made: run the command again`);
  const change = smallestChange(read, updated);
  if (!change) return false;
  const wasDirty = document.isDirty;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(change.from), document.positionAt(change.to)), change.insert);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`${vscode.workspace.asRelativePath(document.uri)}: the edit was refused`);
  // Unsaved changes are the person's to save; a note that was saved stays saved, as in Obsidian.
  if (!wasDirty) await document.save();
  return true;
}

function activeMarkdown(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return isMarkdown(document) ? document : undefined;
}

export async function adviseOnActiveNote(): Promise<void> {
  const document = activeMarkdown();
  if (!document) return void vscode.window.showInformationMessage('Open an application note to get advice on it.');
  const note = notePath(document.uri);
  const settings = await hostSettings(document.uri);
  const text = document.getText();
  const reading = note ? await readOpenNote(text, note, document.uri, settings) : undefined;
  if (!note || !reading) return void vscode.window.showWarningMessage('Job Hunt Advisor reads notes inside an open workspace folder only.');
  if (reading.kind === 'problem') return void vscode.window.showWarningMessage(`${note.path}: ${reading.message}`);
  if (reading.kind === 'not-application') return void vscode.window.showInformationMessage(`${note.path} is not an application note (it has no stage).`);
  if (reading.kind === 'pack-note') return void vscode.window.showInformationMessage(`${note.path} is a note of your advice pack${reading.view.expert ? ` (${reading.view.expert.name})` : ''}, never an application: no advice is written into it.`);
  const changed = await replaceText(document, text, withAdvice(text, reading, settings));
  void vscode.window.setStatusBarMessage(changed ? 'Job Hunt Advisor: advice written' : 'Job Hunt Advisor: the advice is up to date', 4000);
}

export async function removeCalloutFromActiveNote(): Promise<void> {
  const document = activeMarkdown();
  if (!document) return;
  const text = document.getText();
  if (!findBlock(text)) return void vscode.window.showInformationMessage('This note holds no advice callout.');
  await replaceText(document, text, removeBlock(text));
}

export async function createFollowUpsForActiveNote(): Promise<void> {
  const document = activeMarkdown();
  if (!document) return void vscode.window.showInformationMessage('Open an application note to plan its follow-ups.');
  const note = notePath(document.uri);
  const settings = await hostSettings(document.uri);
  const reading = note ? await readOpenNote(document.getText(), note, document.uri, settings) : undefined;
  if (!note || !reading || reading.kind !== 'application') return void vscode.window.showInformationMessage('This note is not an application note.');
  const result = await createFollowUps(new WorkspaceFiles(note.folder.uri), reading.followUps, settings, localToday());
  for (const problem of result.problems) void vscode.window.showWarningMessage(problem);
  const made = result.created.length;
  if (made === 0 && result.problems.length > 0) return;
  void vscode.window.showInformationMessage(
    made === 0
      ? 'Every follow-up of this application already has a task note, or had one: nothing created.'
      : `Created ${made} task note${made === 1 ? '' : 's'} in ${settings.tasksFolder}.`,
  );
}

export async function newApplication(): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return void vscode.window.showInformationMessage('Open the folder that holds your application notes first.');
  const answers = await askForApplication();
  if (!answers) return;
  const result = await createApplication(new WorkspaceFiles(folder.uri), answers, await hostSettings(folder.uri), localToday());
  if (!result.ok) return void vscode.window.showWarningMessage(`Job Hunt Advisor: ${result.message}`);
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, ...result.path.split('/')));
}

/** Sets the context keys that show the commands for application notes only. */
async function updateContext(): Promise<void> {
  const document = activeMarkdown();
  const reading = document ? await readDocument(document) : undefined;
  void vscode.commands.executeCommand('setContext', IS_APPLICATION_KEY, reading?.kind === 'application');
  void vscode.commands.executeCommand('setContext', HAS_CALLOUT_KEY, document !== undefined && findBlock(document.getText()) !== undefined);
}

export function activate(context: vscode.ExtensionContext): { extendMarkdownIt: (md: MarkdownIt) => MarkdownIt } {
  hunt = new HuntScan();
  const diagnostics = vscode.languages.createDiagnosticCollection('Job Hunt Advisor');
  packs = new WorkspacePacks(diagnostics);
  // A pack note created, edited or deleted (in VS Code or outside it): its pack is read again.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
  const packChanged = (uri: vscode.Uri): void => {
    if (packs.changed(uri)) later();
  };
  const view = new AdviceViewProvider(context.extensionUri, {
    read: async (document) => {
      const note = notePath(document.uri);
      if (!note) return undefined;
      const settings = await hostSettings(document.uri);
      const [knowledge, problems] = await packFor(document.uri, settings);
      const packProblems = packProblemLines(problems, knowledge ?? BUILT_IN_KNOWLEDGE, settings.expertsOff);
      return { note, reading: await readOpenNote(document.getText(), note, document.uri, settings), settings, packProblems };
    },
    states: (folder, followUps, settings, taskNotes) => followUpStates(new WorkspaceFiles(folder), followUps, settings, taskNotes),
    today: localToday,
    advise: adviseOnActiveNote,
    createFollowUps: createFollowUpsForActiveNote,
    setDone: async (folder, path, done) => {
      const outcome = await setFollowUpDone(folder, path, done, localToday(), new Date().toISOString());
      if (!outcome.ok) void vscode.window.showWarningMessage(`Job Hunt Advisor: ${outcome.message}`);
    },
    hunt: async (folder) => {
      const settings = await hostSettings(folder);
      return hunt.read(new WorkspaceFiles(folder), settings, localToday(), await packs.knowledgeFor(folder, settings));
    },
    newApplication,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (): void => {
    // Typing fires a change per key: read the note once it pauses.
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void updateContext();
      view.refresh();
    }, 300);
  };
  // Task notes, the ledger and the other applications change on disk too (a command, the CLI, a
  // sync): the view (its checkboxes, the whole hunt) is drawn again then, not only on typing.
  const files = vscode.workspace.createFileSystemWatcher('{**/*.md,**/.job-hunt-advisor/*.json}');
  context.subscriptions.push(
    files,
    files.onDidCreate(later),
    files.onDidChange(later),
    files.onDidDelete(later),
    vscode.commands.registerCommand(COMMANDS.advise.id, adviseOnActiveNote),
    vscode.commands.registerCommand(COMMANDS.createFollowUps.id, createFollowUpsForActiveNote),
    vscode.commands.registerCommand(COMMANDS.removeCallout.id, removeCalloutFromActiveNote),
    vscode.commands.registerCommand(COMMANDS.newApplication.id, newApplication),
    vscode.commands.registerCommand(COMMANDS.showAdvice.id, () => vscode.commands.executeCommand(`${ADVICE_VIEW_ID}.focus`)),
    vscode.window.registerWebviewViewProvider(ADVICE_VIEW_ID, view),
    vscode.window.onDidChangeActiveTextEditor(() => {
      void updateContext();
      view.refresh();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) later();
    }),
    vscode.workspace.onDidSaveTextDocument(() => later()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(CONFIG_SECTION)) later();
    }),
    { dispose: () => timer && clearTimeout(timer) },
    diagnostics,
    watcher,
    watcher.onDidCreate(packChanged),
    watcher.onDidChange(packChanged),
    watcher.onDidDelete(packChanged),
  );
  // The first note is read after activation, not during it.
  setTimeout(() => void updateContext(), 0);
  return { extendMarkdownIt: (md) => md.use(calloutPreviewPlugin) };
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
