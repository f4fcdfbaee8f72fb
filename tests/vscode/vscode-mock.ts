// `vscode` in the unit tests (vitest.config.ts resolves the module here): jest-mock-vscode's mock of
// the API, on vitest's spies. Test files share a context, so tests/setup.ts renews the mock after
// each VS Code test file: the next file starts with none of the last one's spies, listeners, open
// editor or settings. The exports are live bindings, so the extension's `vscode.workspace` is the
// new one at once. A name the extension starts to use is added here (else it reads undefined).
import { createVSCodeMock } from 'jest-mock-vscode';
import { vi } from 'vitest';

type Mock = ReturnType<typeof createVSCodeMock>;
const create = (): Mock => createVSCodeMock(vi as unknown as Parameters<typeof createVSCodeMock>[0]);

let mock = create();
export let commands = mock.commands;
export let Diagnostic = mock.Diagnostic;
export let DiagnosticSeverity = mock.DiagnosticSeverity;
export let Disposable = mock.Disposable;
export let EventEmitter = mock.EventEmitter;
export let FileType = mock.FileType;
export let languages = mock.languages;
export let Position = mock.Position;
export let Range = mock.Range;
export let Selection = mock.Selection;
export let Uri = mock.Uri;
export let ViewColumn = mock.ViewColumn;
export let window = mock.window;
export let workspace = mock.workspace;
export let WorkspaceEdit = mock.WorkspaceEdit;

/** A new mock, as a fresh extension host would give. */
export function renewVscode(): void {
  mock = create();
  ({ commands, Diagnostic, DiagnosticSeverity, Disposable, EventEmitter, FileType, languages, Position, Range, Selection, Uri, ViewColumn, window, workspace, WorkspaceEdit } = mock);
}
