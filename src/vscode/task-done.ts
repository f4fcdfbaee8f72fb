// Ticking a follow-up off in the advice view: its task note gets TaskNotes' fields for a finished
// task (the core's taskDoneChange: `status: done`, `completedDate`, `dateModified`), or is opened
// again, through one WorkspaceEdit, so undo works in the note. Only the frontmatter lines that change
// are touched; a note whose bytes would not come back the same is never written.
import * as vscode from 'vscode';
import { editFrontmatter } from '../core/frontmatter-edit';
import type { CalendarDate } from '../core/model';
import { taskDoneChange } from '../core/task-done';
import { readTaskNoteId } from '../core/task-note';
import { smallestChange } from '../core/text-change';
import { decodeUtf8Exactly, notUtf8Message } from '../core/utf8';
import { readFrontmatter, readsBackAs } from '../cli/frontmatter';
import { OutsideWorkspace, WorkspaceFiles } from './workspace-files';

export type DoneOutcome = { ok: true } | { ok: false; message: string };

/**
 * Marks the task note at `path` (workspace-relative) done or open again. `now` is a UTC date-time
 * from the host's clock. A saved note is saved again; one with unsaved changes is refused, so the
 * person's typing is neither saved for them nor mixed with ours.
 */
export async function setFollowUpDone(folder: vscode.Uri, path: string, done: boolean, today: CalendarDate, now: string): Promise<DoneOutcome> {
  const refused = (why: string): DoneOutcome => ({ ok: false, message: `${path}: ${why}, so it was not marked ${done ? 'done' : 'open'}.` });
  if (!/\.md$/i.test(path)) return refused('it is not a Markdown note');
  let uri: vscode.Uri;
  let bytes: Uint8Array;
  try {
    uri = await new WorkspaceFiles(folder).resolve(path);
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    if (error instanceof OutsideWorkspace) return refused(error.message);
    return { ok: false, message: `The task note "${path}" is no longer there: nothing was marked.` };
  }
  const disk = decodeUtf8Exactly(bytes);
  if (!disk.ok) return { ok: false, message: `${path} ${notUtf8Message(disk)}.` };
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.isDirty) return refused('it has unsaved changes (save it first)');
  const text = document.getText();
  // VS Code keeps a byte-order mark out of the text and writes it back on save.
  if (text !== disk.text.replace(/^\uFEFF/, '')) return refused('VS Code reads it differently from the bytes on disk (mixed line endings or another encoding)');
  const parsed = readFrontmatter(text);
  if (!parsed.ok) return refused(`its properties (YAML) can't be read (${parsed.message})`);
  const frontmatter = parsed.frontmatter;
  if (typeof frontmatter !== 'object' || frontmatter === null || Array.isArray(frontmatter) || readTaskNoteId(frontmatter) === undefined) {
    return refused('it is not one of the follow-up task notes');
  }
  const change = taskDoneChange(frontmatter as Record<string, unknown>, done, today, now);
  const edited = editFrontmatter(text, change.edits);
  if (!edited.ok) return refused(edited.message);
  if (!readsBackAs(edited.text, change.expected)) return refused('its properties could not be changed without touching other fields');
  const at = smallestChange(text, edited.text);
  if (!at) return { ok: true };
  // Typed meanwhile (in another editor of the same note): that text wins.
  if (document.getText() !== text || document.isDirty) return refused('it changed while it was being marked');
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(document.positionAt(at.from), document.positionAt(at.to)), at.insert);
  if (!(await vscode.workspace.applyEdit(edit))) return refused('VS Code refused the edit');
  await document.save();
  return { ok: true };
}
