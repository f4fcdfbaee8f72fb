// The advice view in its own activity-bar container: a webview that follows the active editor.
// The extension computes the state; the webview only draws it (with the Obsidian pane's renderer)
// and sends back which button was pressed. Strict content security policy: no remote content, and
// the one script runs by nonce.
import * as vscode from 'vscode';
import type { FoundNote } from '../core/memory';
import type { FollowUp } from '../core/model';
import type { NoteReading } from './application-note';
import type { FolderView } from './hunt';
import { defaultSettings } from '../core/settings';
import type { HostSettings } from './settings';
import { viewState } from './view-state';
import type { FollowUpStates } from './view-state';

export interface AdviceViewSources {
  /** `packProblems`: what is wrong with the folder's advice pack, one line each, shown on every note as in the Obsidian pane. */
  read(document: vscode.TextDocument): Promise<{ note: { folder: vscode.WorkspaceFolder; path: string; name: string }; reading: NoteReading; settings: HostSettings; packProblems: readonly string[] } | undefined>;
  /** `taskNotes`: the ones the folder's read for this draw found, so they are not read again. */
  states(folder: vscode.Uri, followUps: readonly FollowUp[], settings: HostSettings, taskNotes?: readonly FoundNote[]): Promise<FollowUpStates>;
  today(): string;
  advise(): Promise<void>;
  createFollowUps(): Promise<void>;
  /** Marks the task note at `path` (relative to `folder`) done, or open again. */
  setDone(folder: vscode.Uri, path: string, done: boolean): Promise<void>;
  /** The whole hunt and the section "Across your applications", from the folder's notes. */
  hunt(folder: vscode.Uri): Promise<FolderView>;
  newApplication(): Promise<void>;
}

/** Messages the webview sends. Anything else is ignored. */
type ViewMessage =
  | { type: 'ready' }
  | { type: 'createFollowUps' }
  | { type: 'insertCallout' }
  | { type: 'showPipeline' }
  | { type: 'newApplication' }
  | { type: 'copyDraft'; text: string }
  | { type: 'open'; target: string }
  | { type: 'setDone'; path: string; done: boolean };

function isViewMessage(value: unknown): value is ViewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'createFollowUps':
    case 'insertCallout':
    case 'showPipeline':
    case 'newApplication':
      return true;
    case 'copyDraft':
      return typeof m.text === 'string';
    case 'open':
      return typeof m.target === 'string';
    case 'setDone':
      return typeof m.path === 'string' && typeof m.done === 'boolean';
    default:
      return false;
  }
}

export function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The page: no remote content, styles from the extension only, the one script by nonce. */
export function viewHtml(webview: Pick<vscode.Webview, 'cspSource' | 'asWebviewUri'>, extensionUri: vscode.Uri, scriptNonce: string): string {
  const media = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${scriptNonce}'`,
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${media('advice-view.css')}">`,
    '<title>Job Hunt Advisor</title>',
    '</head>',
    '<body>',
    '<main id="root" aria-live="polite"></main>',
    `<script nonce="${scriptNonce}" src="${media('advice-view.js')}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

export class AdviceViewProvider implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  /** The last markdown document shown: the view keeps it while focus is in the view itself. */
  private document: vscode.TextDocument | undefined;
  private drawing = 0;
  /** The person asked for the whole hunt below an application's advice. */
  private withPipeline = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly sources: AdviceViewSources,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
    view.webview.html = viewHtml(view.webview, this.extensionUri, nonce());
    view.webview.onDidReceiveMessage((message: unknown) => void this.handle(message));
    view.onDidChangeVisibility(() => view.visible && this.refresh());
    view.onDidDispose(() => {
      this.view = undefined;
    });
  }

  /** Draws the view again for the active editor (or the last note shown). */
  refresh(): void {
    void this.draw();
  }

  private async draw(): Promise<void> {
    const view = this.view;
    if (!view || !view.visible) return;
    const turn = ++this.drawing;
    const active = vscode.window.activeTextEditor?.document;
    if (active && active.languageId === 'markdown') this.document = active;
    else if (active) this.document = undefined;
    const today = this.sources.today();
    const read = this.document ? await this.sources.read(this.document) : undefined;
    const folder = this.folder();
    // The whole hunt, the section and the task notes for the states from one read of the folder (a
    // note with a date such as 03/04/2026 was read against the folder too, in the same HuntScan).
    const hunt = folder ? await this.sources.hunt(folder.uri) : undefined;
    let states: FollowUpStates = {};
    if (read && read.reading.kind === 'application') {
      const same = hunt && folder?.uri.toString() === read.note.folder.uri.toString();
      states = await this.sources.states(read.note.folder.uri, read.reading.followUps, read.settings, same ? hunt.taskNotes : undefined);
    }
    if (turn !== this.drawing) return; // a newer draw started meanwhile
    const state = viewState(read?.note, read?.reading, states, read?.settings ?? defaultSettings(), today);
    if (read?.packProblems.length) state.packProblems = read.packProblems;
    if (hunt) {
      // As in the Obsidian pane: the section on every note, the whole hunt on any note that is not
      // an application (or none), or when asked.
      Object.assign(state, hunt.across);
      if (this.withPipeline || read?.reading.kind !== 'application') state.pipeline = hunt.overview;
    }
    await view.webview.postMessage({ type: 'state', state });
  }

  private async handle(message: unknown): Promise<void> {
    if (!isViewMessage(message)) return;
    switch (message.type) {
      case 'ready':
        return this.draw();
      case 'insertCallout':
        await this.showNote();
        await this.sources.advise();
        return this.draw();
      case 'createFollowUps':
        await this.showNote();
        await this.sources.createFollowUps();
        return this.draw();
      case 'copyDraft':
        await vscode.env.clipboard.writeText(message.text);
        void vscode.window.setStatusBarMessage('Job Hunt Advisor: draft copied', 3000);
        return;
      case 'open':
        return this.open(message.target);
      case 'setDone':
        return this.setDone(message.path, message.done);
      case 'showPipeline':
        this.withPipeline = !this.withPipeline;
        return this.draw();
      case 'newApplication':
        return this.sources.newApplication();
    }
  }

  /** The workspace folder (the vault) of the note the view shows; the first one when none is shown. */
  private folder(): vscode.WorkspaceFolder | undefined {
    return this.document ? vscode.workspace.getWorkspaceFolder(this.document.uri) : vscode.workspace.workspaceFolders?.[0];
  }

  /** The checkbox of a follow-up: its task note, in the folder of the note the view shows. */
  private async setDone(path: string, done: boolean): Promise<void> {
    const folder = this.folder();
    if (folder) await this.sources.setDone(folder.uri, path, done);
    // Drawn again either way: a refused tick shows the note as it still is.
    return this.draw();
  }

  /** Commands act on the active editor: focus the note the view shows first. */
  private async showNote(): Promise<void> {
    if (this.document && vscode.window.activeTextEditor?.document !== this.document) {
      await vscode.window.showTextDocument(this.document, { preserveFocus: false });
    }
  }

  /** Opens a task note by path, or a person's note by link target, inside the workspace only. */
  private async open(target: string): Promise<void> {
    const folder = this.folder();
    if (!folder) return;
    const clean = target.replace(/\\/g, '/').replace(/^\/+/, '');
    if (clean.split('/').includes('..')) return;
    const candidates = clean.toLowerCase().endsWith('.md') ? [clean] : [`${clean}.md`];
    for (const candidate of candidates) {
      const uri = vscode.Uri.joinPath(folder.uri, ...candidate.split('/'));
      try {
        await vscode.workspace.fs.stat(uri);
        await vscode.window.showTextDocument(uri);
        return;
      } catch {
        // not there: try a note of that name anywhere in the folder
      }
    }
    const name = candidates[0]?.split('/').pop() ?? '';
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `**/${name}`), '**/node_modules/**', 1);
    if (found[0]) await vscode.window.showTextDocument(found[0]);
    else void vscode.window.showInformationMessage(`No note "${target}" in this workspace folder.`);
  }
}
