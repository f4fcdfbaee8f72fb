// The smallest replacement that turns one text into another: applied as a WorkspaceEdit, it keeps
// the cursor, the selection and the undo history of everything outside the advice block.

export interface TextChange {
  /** Offsets in the old text. */
  start: number;
  end: number;
  text: string;
}

/** undefined when the texts are equal. Never splits a surrogate pair. */
export function smallestChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Keep pairs whole: a low surrogate at the cut moves the cut back by one.
  const isLow = (s: string, i: number): boolean => i >= 0 && i < s.length && s.charCodeAt(i) >= 0xdc00 && s.charCodeAt(i) <= 0xdfff;
  if (start > 0 && isLow(before, start)) start--;
  while (tail > 0 && isLow(before, before.length - tail)) tail--;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}
