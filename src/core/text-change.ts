// The one span that differs between two texts, for hosts that edit an open note in place (Obsidian's
// Editor, VS Code's WorkspaceEdit), so the cursor, selection and undo history outside it survive.

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
