// Frontmatter for the command-line tool, read the way Obsidian reads it: YAML (or JSON) only, with
// js-yaml's safe core schema, which keeps `2026-03-09` a string, as Obsidian's metadata cache does.
// gray-matter is not used: its JavaScript engine `eval`s a `---js` block, and even unused it would
// put that `eval` into the bundled tool.
import { CORE_SCHEMA, load } from 'js-yaml';

export type FrontmatterReading =
  | { ok: true; frontmatter: unknown; body: string; hasFrontmatter: boolean }
  | { ok: false; message: string };

/** The note's text without a leading byte-order mark, and whether it had one. */
export function splitBom(text: string): { bom: string; text: string } {
  return text.startsWith('\uFEFF') ? { bom: '\uFEFF', text: text.slice(1) } : { bom: '', text };
}

/** Languages that are code: never run, and said so. */
const CODE_LANGUAGES = new Set(['js', 'javascript', 'coffee', 'coffeescript', 'cson']);

/** One line from a YAML error: the reason and where, without the excerpt js-yaml adds. */
function oneLine(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine = raw.split(/\r?\n/)[0] ?? raw;
  return firstLine.trim().replace(/\s+/g, ' ');
}

export function readFrontmatter(noteText: string): FrontmatterReading {
  const { text } = splitBom(noteText);
  // Obsidian only sees frontmatter between a first line `---` and a later line `---`; the same
  // rule here (an unclosed block is not frontmatter).
  const opening = /^---([^\r\n-][^\r\n]*)?\r?\n/.exec(text);
  const closing = /\n---[ \t]*(?:\r?\n|$)/g;
  closing.lastIndex = opening ? opening[0].length - 1 : 0;
  const closed = opening ? closing.exec(text) : null;
  if (!opening || !closed) return { ok: true, frontmatter: undefined, body: text, hasFrontmatter: false };
  const body = text.slice(closed.index + closed[0].length);
  const language = opening[1]?.trim() ?? '';
  const lower = language.toLowerCase();
  if (CODE_LANGUAGES.has(lower)) return { ok: false, message: `front matter in ${language} is not read (only YAML is); nothing in it was run` };
  if (language !== '' && !/^(ya?ml|json)$/.test(lower)) return { ok: false, message: `front matter in ${language} is not read (only YAML is)` };
  const block = text.slice(opening[0].length, Math.max(opening[0].length, closed.index));
  // An empty block (or only comments) is empty frontmatter, as in Obsidian.
  if (block.replace(/^\s*#[^\n]*/gm, '').trim() === '') return { ok: true, frontmatter: {}, body, hasFrontmatter: true };
  try {
    const frontmatter: unknown = lower === 'json' ? JSON.parse(block) : load(block, { schema: CORE_SCHEMA });
    return { ok: true, frontmatter, body, hasFrontmatter: true };
  } catch (error) {
    return { ok: false, message: `broken frontmatter: ${oneLine(error)}` };
  }
}
