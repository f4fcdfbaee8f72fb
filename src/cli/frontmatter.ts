// Frontmatter for the command-line tool, read the way Obsidian reads it.
// gray-matter would `eval` a `---js` block and parse YAML dates into Date objects; here only YAML
// (and JSON) are read, with js-yaml's safe core schema, which keeps `2026-03-09` a string, as
// Obsidian's metadata cache does.
import matter from 'gray-matter';
import { CORE_SCHEMA, load } from 'js-yaml';

export type FrontmatterReading =
  | { ok: true; frontmatter: unknown; body: string; hasFrontmatter: boolean }
  | { ok: false; message: string };

/** The note's text without a leading byte-order mark, and whether it had one. */
export function splitBom(text: string): { bom: string; text: string } {
  return text.startsWith('\uFEFF') ? { bom: '\uFEFF', text: text.slice(1) } : { bom: '', text };
}

class NotRead extends Error {}

function refuse(language: string): never {
  throw new NotRead(`front matter in ${language} is not read (only YAML is); nothing in it was run`);
}

// Passing options also turns off gray-matter's cache of every parsed text (memory in a big scan).
const OPTIONS = {
  language: 'yaml',
  engines: {
    // gray-matter's types want an object; whatever YAML gives is checked by the core.
    yaml: (text: string) => load(text, { schema: CORE_SCHEMA }) as object,
    json: (text: string) => JSON.parse(text) as object,
    // gray-matter looks engines up by name, then by alias: every code-running name is replaced.
    js: () => refuse('js'),
    javascript: () => refuse('javascript'),
    coffee: () => refuse('coffee'),
    coffeescript: () => refuse('coffeescript'),
    cson: () => refuse('cson'),
  },
};

/** One line from a YAML error: the reason and where, without the excerpt js-yaml adds. */
function oneLine(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine = raw.split(/\r?\n/)[0] ?? raw;
  return firstLine.trim().replace(/\s+/g, ' ');
}

export function readFrontmatter(noteText: string): FrontmatterReading {
  const { text } = splitBom(noteText);
  // Obsidian only sees frontmatter between a first line `---` and a later line `---`; the same
  // rule here (gray-matter alone would take an unclosed block for frontmatter).
  const opening = /^---([^\r\n-][^\r\n]*)?\r?\n/.exec(text);
  const closing = /\n---[ \t]*(?:\r?\n|$)/g;
  closing.lastIndex = opening ? opening[0].length - 1 : 0;
  const closed = opening ? closing.exec(text) : null;
  if (!opening || !closed) return { ok: true, frontmatter: undefined, body: text, hasFrontmatter: false };
  const end = closed.index + closed[0].length;
  const language = opening[1]?.trim() ?? '';
  try {
    // Only the frontmatter goes through gray-matter: it copies whatever it is given into a
    // Buffer, which for a whole vault of long notes costs more than the parsing.
    const file = matter(text.slice(0, end), OPTIONS);
    return { ok: true, frontmatter: file.data, body: text.slice(end), hasFrontmatter: true };
  } catch (error) {
    if (error instanceof NotRead) return { ok: false, message: error.message };
    if (language !== '' && !/^(ya?ml|json)$/i.test(language)) {
      return { ok: false, message: `front matter in ${language} is not read (only YAML is)` };
    }
    return { ok: false, message: `broken frontmatter: ${oneLine(error)}` };
  }
}
