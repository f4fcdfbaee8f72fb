// The advice callout in application notes: computed from the note's own text (the open editor may be
// ahead of the metadata cache), written through the Editor when the note is open, else in the background.
import { MarkdownView } from 'obsidian';
import type { App, Editor, TFile } from 'obsidian';
import { insertOrRefreshBlock, removeBlock, renderAdviceCallout } from '../core/callout';
import type { CalendarDate } from '../core/model';
import { adviseOnNote, frontmatterFromText } from './application-notes';
import { bodyForFields } from './note-bodies';
import { BrokenFrontmatterError, changeInBackground, changeInEditor, checkBytes, mayHaveLostBytes, NotUtf8Error } from './note-writer';
import type { Settings } from '../core/settings';
import type { VaultNotes } from './vault-notes';

export type AdviceOutcome = { ok: true; changed: boolean } | { ok: false; message: string };

/** The note's text with the advice block inserted or refreshed, or why not (naming the note). */
export function withAdvice(notes: VaultNotes, file: TFile, text: string, settings: Settings, today: CalendarDate): { ok: true; text: string } | { ok: false; message: string } {
  const fm = frontmatterFromText(text);
  if (!fm.ok) return { ok: false, message: `"${file.basename}": ${fm.message}. Nothing was written.` };
  // The text itself, not the body last read: the editor may be ahead of the disk.
  const advised = adviseOnNote(notes, file, fm.frontmatter, settings, today, bodyForFields(text));
  if (advised.kind !== 'advice') {
    const why = advised.kind === 'problem' ? advised.problem : advised.reason;
    return { ok: false, message: `"${file.basename}": ${why.message}. Nothing was written.` };
  }
  const callout = renderAdviceCallout(advised.report, advised.followUps, { folded: settings.calloutFolded });
  return { ok: true, text: insertOrRefreshBlock(text, callout, settings.calloutPlacement) };
}

/**
 * The advice written through the open editor. A text holding U+FFFD may be a note whose bytes are
 * not UTF-8 (Obsidian shows them so): its bytes are checked first, so the answer is a promise then.
 */
export function adviseInEditor(notes: VaultNotes, editor: Editor, file: TFile, settings: Settings, today: CalendarDate): AdviceOutcome | Promise<AdviceOutcome> {
  const apply = (): AdviceOutcome => {
    const next = withAdvice(notes, file, editor.getValue(), settings, today);
    if (!next.ok) return next;
    return { ok: true, changed: changeInEditor(editor, () => next.text) };
  };
  if (!mayHaveLostBytes(editor.getValue())) return apply();
  return checkBytes(notes.app, file).then(apply, (error: unknown) => {
    if (error instanceof NotUtf8Error) return { ok: false, message: error.message };
    throw error;
  });
}

/** The editor showing this note, when it is open in one. */
export function openEditorOf(app: App, file: TFile): Editor | undefined {
  for (const leaf of app.workspace.getLeavesOfType('markdown')) {
    const view = leaf.view;
    if (view instanceof MarkdownView && view.file === file) return view.editor;
  }
  return undefined;
}

async function inBackground(app: App, file: TFile, transform: (text: string) => string): Promise<AdviceOutcome> {
  try {
    return { ok: true, changed: await changeInBackground(app, file, transform) };
  } catch (error) {
    if (error instanceof BrokenFrontmatterError) return { ok: false, message: `"${file.basename}": ${error.message}. Nothing was written.` };
    if (error instanceof AdviceRefused || error instanceof NotUtf8Error) return { ok: false, message: error.message };
    throw error;
  }
}

class AdviceRefused extends Error {}

/** Inserts or refreshes the advice wherever the note is: its open editor, or on disk. */
export async function adviseNote(notes: VaultNotes, file: TFile, settings: Settings, today: CalendarDate): Promise<AdviceOutcome> {
  const editor = openEditorOf(notes.app, file);
  if (editor) return adviseInEditor(notes, editor, file, settings, today);
  return adviseInBackground(notes, file, settings, today);
}

/** The advice written on disk (`vault.process`): for a note not open, or open in reading view. */
export function adviseInBackground(notes: VaultNotes, file: TFile, settings: Settings, today: CalendarDate): Promise<AdviceOutcome> {
  return inBackground(notes.app, file, (text) => {
    const next = withAdvice(notes, file, text, settings, today);
    if (!next.ok) throw new AdviceRefused(next.message);
    return next.text;
  });
}

/** `editor` null: the note is shown in reading view, so the block is removed on disk. */
export async function removeAdvice(app: App, file: TFile, editor?: Editor | null): Promise<AdviceOutcome> {
  const open = editor === null ? undefined : editor ?? openEditorOf(app, file);
  if (open) {
    if (mayHaveLostBytes(open.getValue())) {
      try {
        await checkBytes(app, file);
      } catch (error) {
        if (error instanceof NotUtf8Error) return { ok: false, message: error.message };
        throw error;
      }
    }
    return { ok: true, changed: changeInEditor(open, removeBlock) };
  }
  return inBackground(app, file, removeBlock);
}
