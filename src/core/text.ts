// Text from people's notes, made fit for the one place it goes. One of each helper: every module
// that shows, writes or joins note text uses these, so a fix to one is a fix everywhere.

/**
 * Text on one line: line breaks, tabs, other white space and control characters become single
 * spaces (a newline would end a callout line, a YAML scalar or a task title), ends trimmed.
 */
export function oneLine(text: string): string {
  // Most names and titles are already one line with single spaces: nothing to replace, no new string.
  if (!NOT_ONE_LINE.test(text)) return text.trim();
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
  return text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

/** What oneLine replaces, other than a single space: any other white space, two spaces, a control character. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
const NOT_ONE_LINE = /[^\S ]| {2}|[\u0000-\u001f\u007f-\u009f]/;

/**
 * Note text in Markdown, shown as the literal characters it holds: one line, every Markdown and
 * Obsidian punctuation mark given a backslash (CommonMark shows `\[` as `[`). The source then
 * never holds `[[`, `%%`, `<tag`, `|`, `==`, `$`, `^id`, `{}` or `#tag` made of the person's
 * text, so nothing they typed opens a link, comment, HTML tag, table cell, highlight, math,
 * block id or tag, and no bare URL, `www.` name or e-mail address links anywhere. A leading `-`,
 * `+` or `1.` would start a list: escaped as well. The one escape for a name in Markdown: the
 * callout, the task note's body and link label, the Tasks checklist line.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_~=[\]{}<>|#%$^&]/g, '\\$&')
    .replace(/^([-+])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    // Bare URLs, `www.` names and e-mail addresses would become live links (GFM autolinks):
    // an escaped `:`, `.` or `@` shows the same character and links nothing.
    .replace(/:(?=\/\/)/g, (colon: string, at: number, all: string) => (followsScheme(all, at) ? '\\:' : colon))
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}

/**
 * Whether the `://` at `at` ends a URL scheme: the letters, digits, `+`, `.` and `-` just before it
 * hold a letter. Looked for behind each `://` (a regex trying every letter as a scheme's start was
 * quadratic in a long word; lookbehind is not for Obsidian on older iPhones).
 */
function followsScheme(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (!((c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45)) return false;
  }
  return false;
}

/** "Ana Silva", "Ana Silva and Ben Ito", "Ana Silva, Ben Ito and Cy Oh"; blank names left out. */
export function joinNames(names: readonly string[]): string {
  const clean = names.map(oneLine).filter((n) => n !== '');
  if (clean.length <= 1) return clean[0] ?? '';
  return `${clean.slice(0, -1).join(', ')} and ${clean[clean.length - 1] ?? ''}`;
}

// Printable ASCII in the order a collator puts it (Unicode's root collation, the order
// localeCompare gives in English): white space and punctuation, symbols, digits, then letters, a
// letter's two cases equal until the strings differ in nothing else (then lower case first).
const COLLATION_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';
const PRIMARY = new Int8Array(128).fill(-1);
for (let i = 0; i < COLLATION_ORDER.length; i++) {
  const c = COLLATION_ORDER.charCodeAt(i);
  PRIMARY[c] = i;
  if (c >= 0x61 && c <= 0x7a) PRIMARY[c - 0x20] = i;
}
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Text in the order `localeCompare` gives. Titles and names in plain ASCII are compared from the
 * table above (property-tested against localeCompare): the first localeCompare of a process loads
 * ICU's collator, 10 to 25 ms of one `advise`. Any other text goes to localeCompare.
 */
export function compareText(a: string, b: string): number {
  if (!PRINTABLE_ASCII.test(a) || !PRINTABLE_ASCII.test(b)) return a.localeCompare(b);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (PRIMARY[a.charCodeAt(i)] ?? 0) - (PRIMARY[b.charCodeAt(i)] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  // Equal but for case: the first letter that differs decides, lower case first.
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x > y ? -1 : 1;
  }
  return 0;
}
