// A workspace folder on disk for the VS Code adapter's tests: jest-mock-vscode's workspace.fs is
// backed by the real file system, so the adapter reads and writes a temporary folder.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, vi } from 'vitest';
import * as vscode from 'vscode';
import { createTextDocument } from 'jest-mock-vscode';
import { huntOverviewOf } from '../../src/core/hunt-overview';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { AdviceViewProvider } from '../../src/vscode/advice-view';
import { adviseOnActiveNote } from '../../src/vscode/extension';
import type { AdviceViewSources } from '../../src/vscode/advice-view';

export interface Folder {
  root: string;
  uri: vscode.Uri;
  write(rel: string, text: string): vscode.Uri;
  remove(): void;
}

/** What the extension's file watchers were told to listen for: call them to stand for a change on disk. */
export const watched: { create: ((uri: vscode.Uri) => unknown)[]; change: ((uri: vscode.Uri) => unknown)[]; remove: ((uri: vscode.Uri) => unknown)[] } = { create: [], change: [], remove: [] };
/** The Problems panel as the extension filled it: note URI -> its messages. */
export const problemsPanel = new Map<string, string[]>();

/** jest-mock-vscode leaves watchers and diagnostics unimplemented: small working stand-ins. */
function watchersAndDiagnostics(): void {
  watched.create = [];
  watched.change = [];
  watched.remove = [];
  problemsPanel.clear();
  const listen = (list: ((uri: vscode.Uri) => unknown)[]) => (listener: (uri: vscode.Uri) => unknown) => {
    list.push(listener);
    return { dispose: () => list.splice(list.indexOf(listener), 1) };
  };
  vi.mocked(vscode.workspace.createFileSystemWatcher).mockImplementation(
    () => ({ onDidCreate: listen(watched.create), onDidChange: listen(watched.change), onDidDelete: listen(watched.remove), dispose: () => undefined }) as unknown as vscode.FileSystemWatcher,
  );
  vi.mocked(vscode.languages.createDiagnosticCollection).mockImplementation(
    () =>
      ({
        set: (uri: vscode.Uri, list: readonly vscode.Diagnostic[]) => problemsPanel.set(uri.toString(), list.map((d) => d.message)),
        delete: (uri: vscode.Uri) => problemsPanel.delete(uri.toString()),
        forEach: (fn: (uri: vscode.Uri) => void) => [...problemsPanel.keys()].forEach((k) => fn(vscode.Uri.parse(k))),
        clear: () => problemsPanel.clear(),
        dispose: () => undefined,
      }) as unknown as vscode.DiagnosticCollection,
  );
}

export function tempFolder(): Folder {
  watchersAndDiagnostics();
  const root = mkdtempSync(path.join(os.tmpdir(), 'jha-vscode-unit-'));
  const uri = vscode.Uri.file(root);
  const folder: vscode.WorkspaceFolder = { uri, name: 'vault', index: 0 };
  vi.spyOn(vscode.workspace, 'workspaceFolders', 'get').mockReturnValue([folder]);
  vi.mocked(vscode.workspace.asRelativePath).mockImplementation((p) => {
    const fsPath = typeof p === 'string' ? p : p.fsPath;
    return path.relative(root, fsPath).split(path.sep).join('/');
  });
  // The mock's file system reads and writes the disk but lists no folder: listing added here.
  vi.spyOn(vscode.workspace.fs, 'readDirectory').mockImplementation(async (dir) =>
    readdirSync(dir.fsPath, { withFileTypes: true }).map((e): [string, vscode.FileType] => [
      e.name,
      e.isDirectory() ? vscode.FileType.Directory : e.isFile() ? vscode.FileType.File : vscode.FileType.Unknown,
    ]),
  );
  return {
    root,
    uri,
    write(rel, text) {
      const file = path.join(root, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      return vscode.Uri.file(file);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Settings as the person set them in VS Code (everything else at its default). */
export function configure(values: Record<string, unknown>): void {
  vi.mocked(vscode.workspace.getConfiguration).mockImplementation(
    () =>
      ({ get: (key: string) => values[key], has: (key: string) => key in values, inspect: (key: string) => ({ key, workspaceValue: values[key] }) }) as unknown as vscode.WorkspaceConfiguration,
  );
}

/** Opens `uri` with `text` as the active editor's document; `save` records each save. */
export function openEditor(uri: vscode.Uri, text: string, options: { dirty?: boolean } = {}): vscode.TextDocument & { saved: () => number } {
  const document = createTextDocument(uri, text, 'markdown');
  if (options.dirty) Object.defineProperty(document, 'isDirty', { get: () => true });
  const save = vi.spyOn(document, 'save').mockResolvedValue(true);
  (vscode.window as { activeTextEditor: unknown }).activeTextEditor = { document };
  return Object.assign(document, { saved: () => save.mock.calls.length });
}

/** The document's text after the text edits of a WorkspaceEdit. */
export function applied(document: vscode.TextDocument, edit: vscode.WorkspaceEdit): string {
  let text = document.getText();
  const edits = edit.entries().flatMap(([, list]) => list);
  // From the end, so earlier offsets stay valid.
  const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
  for (const e of sorted) text = text.slice(0, document.offsetAt(e.range.start)) + e.newText + text.slice(document.offsetAt(e.range.end));
  return text;
}

/** A fake webview for `provider`: what it posts, and a way to send it a message. */
function onFakeWebview(provider: vscode.WebviewViewProvider): { posted: unknown[]; receive: (message: unknown) => unknown } {
  const posted: unknown[] = [];
  let receive: (message: unknown) => unknown = () => undefined;
  const webview = {
    options: {},
    html: '',
    cspSource: 'vscode-resource:',
    asWebviewUri: (u: vscode.Uri) => u,
    onDidReceiveMessage: (f: (message: unknown) => unknown) => {
      receive = f;
      return { dispose: () => undefined };
    },
    postMessage: async (m: unknown) => posted.push(m) > 0,
  };
  const view = { webview, visible: true, onDidChangeVisibility: () => ({ dispose: () => undefined }), onDidDispose: () => ({ dispose: () => undefined }) };
  void provider.resolveWebviewView(view as unknown as vscode.WebviewView, {} as vscode.WebviewViewResolveContext, {} as vscode.CancellationToken);
  return { posted, receive: (message) => receive(message) };
}

/** The advice view the activated extension registered, on a fake webview: what it posts. */
export function resolvedView(): unknown[] {
  const provider = vi.mocked(vscode.window.registerWebviewViewProvider).mock.calls.at(-1)?.[1];
  if (!provider) throw new Error('the extension registered no view');
  return onFakeWebview(provider).posted;
}

/** The advice view resolved on a fake webview: what the extension posts, and a way to press its buttons. */
export function adviceView(sources: Partial<AdviceViewSources>): { send: (message: unknown, draws?: boolean) => Promise<void>; posted: unknown[] } {
  const none = async (): Promise<undefined> => undefined;
  const provider = new AdviceViewProvider(vscode.Uri.file('/ext'), {
    read: none,
    states: async () => ({}),
    today: () => '2026-03-11',
    advise: none,
    createFollowUps: none,
    setDone: none,
    hunt: async () => ({ overview: huntOverviewOf([], DEFAULT_SETTINGS, '2026-03-11'), across: { due: [], waiting: [] }, taskNotes: [] }),
    newApplication: none,
    ...sources,
  });
  const { posted, receive } = onFakeWebview(provider);
  return {
    posted,
    send: async (message, draws = true) => {
      const before = posted.length;
      receive(message);
      // The view answers asynchronously (it reads the notes, then posts): wait for the drawing, however
      // loaded the machine; a message that draws nothing gets a moment to do its work.
      if (draws) await vi.waitFor(() => expect(posted.length).toBeGreaterThan(before), { timeout: 10_000, interval: 10 });
      else await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

/** "Advise on this application" on a note written into the folder: the note's text after the edit. */
export async function advisedText(folder: Folder, rel: string, text: string): Promise<string> {
  const document = openEditor(folder.write(rel, text), text);
  await adviseOnActiveNote();
  const call = vi.mocked(vscode.workspace.applyEdit).mock.calls.at(-1);
  if (!call) throw new Error('no edit was applied');
  return applied(document, call[0]);
}
