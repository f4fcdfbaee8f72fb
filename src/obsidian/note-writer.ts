// Writing the advice into notes. The open note changes through its Editor, by the smallest span that
// differs, so the cursor, undo history and unsaved typing survive; a note in the background changes
// atomically through vault.process.
import type { App, Editor, EditorPosition, TFile } from 'obsidian';
import { decodeUtf8Exactly, notUtf8Message } from '../core/utf8';
import { frontmatterFromText } from './application-notes';

export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** The one span that differs between two texts (common prefix and suffix left out). */
export function smallestChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF: widen to whole characters.
  const low = (s: string, i: number): boolean => i > 0 && i < s.length && /[\uDC00-\uDFFF\n]/.test(s.charAt(i)) && /[\uD800-\uDBFF\r]/.test(s.charAt(i - 1));
  while (start > 0 && (low(before, start) || low(after, start))) start--;
  while (end > 0 && (low(before, before.length - end) || low(after, after.length - end))) end--;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

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
