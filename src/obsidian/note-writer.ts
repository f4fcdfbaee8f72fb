// Writing the advice into notes. The open note changes through its Editor, by the smallest span that
// differs, so the cursor, undo history and unsaved typing survive; a note in the background changes
// atomically through vault.process.
import type { App, Editor, EditorPosition, TFile } from 'obsidian';
import { decodeUtf8Exactly, notUtf8Message } from '../core/utf8';
import { frontmatterFromText } from './application-notes';
import { smallestChange } from '../core/text-change';
import type { TextChange } from '../core/text-change';

function mapOffset(offset: number, change: TextChange): number {
  if (offset <= change.from) return offset;
  if (offset >= change.to) return offset + change.insert.length - (change.to - change.from);
  return change.from + change.insert.length;
}

/** Applies `transform` to the editor's text; returns false when nothing changed. */
export function changeInEditor(editor: Editor, transform: (text: string) => string): boolean {
  const before = editor.getValue();
  const change = smallestChange(before, transform(before));
  if (!change) return false;
  const anchor = editor.posToOffset(editor.getCursor('anchor'));
  const head = editor.posToOffset(editor.getCursor('head'));
  editor.replaceRange(change.insert, editor.offsetToPos(change.from), editor.offsetToPos(change.to));
  // The person's cursor stays on the text it was on, before or after the block.
  const pos = (offset: number): EditorPosition => editor.offsetToPos(mapOffset(offset, change));
  editor.setSelection(pos(anchor), pos(head));
  return true;
}

export class BrokenFrontmatterError extends Error {}

/** The note's bytes on disk are not UTF-8 that round-trips: never written (its message says why). */
export class NotUtf8Error extends Error {}

const REPLACEMENT = /\uFFFD/g;
const replacements = (text: string): number => text.match(REPLACEMENT)?.length ?? 0;

/** Whether text may hold characters Obsidian's decoding put in place of bytes that are not UTF-8. */
export function mayHaveLostBytes(text: string): boolean {
  return text.includes('\uFFFD');
}

/**
 * Throws NotUtf8Error when the note's bytes do not decode as UTF-8 and encode back the same:
 * Obsidian shows such a note with U+FFFD in place of those bytes, and writing it would lose them.
 * Returns how many U+FFFD the exact text holds, to compare with the text about to be written over.
 */
export async function checkBytes(app: App, file: TFile): Promise<number> {
  const reading = decodeUtf8Exactly(new Uint8Array(await app.vault.readBinary(file)));
  if (!reading.ok) throw new NotUtf8Error(`"${file.basename}" ${notUtf8Message(reading)}.`);
  return replacements(reading.text);
}

/**
 * Applies `transform` to a note in the background. A note whose properties can't be read is left
 * untouched (BrokenFrontmatterError says why): writing around YAML we can't read could lose it.
 */
export async function changeInBackground(app: App, file: TFile, transform: (text: string) => string): Promise<boolean> {
  let changed = false;
  const exact = await checkBytes(app, file);
  await app.vault.process(file, (text) => {
    // More U+FFFD than the bytes hold: the note was replaced by undecodable bytes meanwhile.
    if (replacements(text) > exact) throw new NotUtf8Error(`"${file.basename}" is not UTF-8 text; not read, nothing written.`);
    const fm = frontmatterFromText(text);
    if (!fm.ok) throw new BrokenFrontmatterError(fm.message);
    const after = transform(text);
    changed = after !== text;
    return after;
  });
  return changed;
}
