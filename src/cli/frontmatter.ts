// Frontmatter for the command-line tool, read the way Obsidian reads it: YAML (or JSON) only.
// gray-matter does the parsing with every engine replaced: YAML through js-yaml's safe core schema
// (it keeps `2026-03-09` a string, as Obsidian's metadata cache does), and every code-running
// language refused. Its own JavaScript engine (an `eval`) is not even bundled: esbuild.config.mjs
// swaps gray-matter's default engines for a module that refuses them all.
import matter from 'gray-matter';
import { CORE_SCHEMA, load } from 'js-yaml';
import { oneLine } from '../core/text';

export type FrontmatterReading =
  | { ok: true; frontmatter: unknown; body: string; hasFrontmatter: boolean }
  | { ok: false; message: string };

/** The note's text without a leading byte-order mark, and whether it had one. */
export function splitBom(text: string): { bom: string; text: string } {
  return text.startsWith('\uFEFF') ? { bom: '\uFEFF', text: text.slice(1) } : { bom: '', text };
}

/** Languages that are code: never run, and said so. */
const CODE_LANGUAGES = new Set(['js', 'javascript', 'coffee', 'coffeescript', 'cson']);

class NotRead extends Error {}

function refuse(language: string): never {
  throw new NotRead(`front matter in ${language} is not read (only YAML is); nothing in it was run`);
}

const parseYaml = (text: string): object => load(text, { schema: CORE_SCHEMA }) as object;

// One line of plainly flat frontmatter: a key of letters, digits, spaces, `_`, `.` and `-` starting
// with a letter, a colon, and either nothing or one space and a value that is one plain YAML
// scalar: no indicator first (quotes, `-`, `[`, `{`, `&`, `*`, `!`, `|`, `>`, `%`, `@`, `` ` ``,
// `#`, `?`, `:`, `,`), no colon or `#` anywhere (mappings, comments), no space at its end (YAML
// drops it), and only printable characters from the Basic Multilingual Plane (no tab, no control
// character, no byte-order mark, no surrogate).
const UNSAFE = ':#\\u0000-\\u001f\\u007f-\\u009f\\ud800-\\udfff\\ufeff\\ufffe\\uffff';
const FLAT_LINE = new RegExp(`^([A-Za-z](?:[A-Za-z0-9_. -]*[A-Za-z0-9_.-])?):(?: ([^\\s\\-?,[\\]{}&*!|>'"%@\`${UNSAFE}](?:[^${UNSAFE}]*[^\\s${UNSAFE}])?))?$`);

const NOT_FLAT = /^[ -]|\n[ -]|[#\t\r]/;

/**
 * Frontmatter that is only `key: value` lines, read without a YAML parser: each key and value
 * resolved by js-yaml's own rule for plain scalars in the core schema (`null`, `true`, `12`, `0x1F`
 * and `.5` are what js-yaml makes of them; dates stay text), so the result is the one js-yaml
 * gives (property-tested). Anything else (quotes, lists, nesting, anchors, tags, comments, tabs,
 * colons in values, a repeated key, a key that is not text, CR line ends) is `undefined`: the caller
 * parses it in full.
 */
export function flatFrontmatter(block: string): Record<string, unknown> | undefined {
  // Most notes that are not flat show it in one pass: an indented or `-` line (a list, a nested
  // map), a comment, a tab or a CR, none of which FLAT_LINE takes anywhere.
  if (NOT_FLAT.test(block)) return undefined;
  const result: Record<string, unknown> = {};
  let start = 0;
  while (start <= block.length) {
    let end = block.indexOf('\n', start);
    if (end < 0) end = block.length;
    const line = FLAT_LINE.exec(block.slice(start, end));
    if (!line) return undefined;
    const key = line[1] ?? '';
    if (CORE_SCHEMA.resolveImplicitScalarTag(key).value !== key || Object.prototype.hasOwnProperty.call(result, key)) return undefined;
    result[key] = CORE_SCHEMA.resolveImplicitScalarTag(line[2] ?? '').value;
    start = end + 1;
  }
  return result;
}

// Passing options also turns off gray-matter's cache of every parsed text (memory in a big scan).
// gray-matter looks engines up by name, then by alias: every code-running name is replaced.
const OPTIONS = {
  language: 'yaml',
  engines: {
    yaml: parseYaml,
    json: (text: string) => JSON.parse(text) as object,
    js: () => refuse('js'),
    javascript: () => refuse('javascript'),
    coffee: () => refuse('coffee'),
    coffeescript: () => refuse('coffeescript'),
    cson: () => refuse('cson'),
  },
};

/** One line from a YAML error: the reason and where, without the excerpt js-yaml adds. */
function reasonOf(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  return oneLine(raw.split(/\r?\n/)[0] ?? raw);
}

/**
 * A copy of `part` that does not keep the note alive. A slice of a string is a view that holds the
 * whole string, and the parsers' values are slices of what they are given: a company or a person's
 * name kept in a follow-up would keep the whole note (its 2-6 KB body) in memory to the end of a
 * scan, 18 MB more at the peak of 10,000 notes (measured). Joined to a character and cut again, the
 * text is copied once, frontmatter-sized.
 */
const detached = (part: string): string => (` ${part}`).slice(1);

// gray-matter's own test for an empty block: comment lines dropped, then nothing but white space.
const grayMatterEmpty = (matterText: string): boolean => matterText.replace(/^\s*#[^\n]+/gm, '').trim() === '';

/** Whether text's first character stays after comment lines are dropped and the rest trimmed. */
const startsWithContent = (text: string): boolean => text !== '' && !/[\s#]/.test(text.charAt(0));

/**
 * What gray-matter (with OPTIONS) makes of a YAML block it cuts where Obsidian does, without its
 * set-up for each call (a Buffer copy of the text, two option objects merged with every engine, an
 * engine looked up by name): the same engine given the same slice, `{}` for a block of comments
 * only, `{}` for null data, as its parseMatter and excerpt steps do. Only for a block without a
 * language after `---`, whose end gray-matter finds at `closeIndex` too; `undefined` otherwise.
 * Property-tested equal to gray-matter over tricky notes.
 */
function asGrayMatterReads(text: string, closeIndex: number, language: string): { data: unknown } | undefined {
  if (language !== '' || text.indexOf('\n---', 3) !== closeIndex) return undefined;
  const matterText = detached(text.slice(3, closeIndex));
  const data: unknown = !startsWithContent(matterText.replace(/^\r?\n/, '')) && grayMatterEmpty(matterText) ? {} : parseYaml(matterText);
  return { data: data ?? {} };
}

/** `viaGrayMatter` (tests only): every block through gray-matter itself, no fast path. */
export function readFrontmatter(noteText: string, viaGrayMatter = false): FrontmatterReading {
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
  const block = detached(text.slice(opening[0].length, Math.max(opening[0].length, closed.index)));
  // An empty block (or only comments) is empty frontmatter, as in Obsidian. A block opening with
  // a key (the usual note) cannot be: its first character survives, so no pass over it is needed.
  if (!startsWithContent(block) && block.replace(/^\s*#[^\n]*/gm, '').trim() === '') return { ok: true, frontmatter: {}, body, hasFrontmatter: true };
  // Plainly flat YAML (the common hand-kept note) needs neither gray-matter nor a YAML parser.
  const flat = lower === 'json' || viaGrayMatter ? undefined : flatFrontmatter(block);
  if (flat) return { ok: true, frontmatter: flat, body, hasFrontmatter: true };
  try {
    const same = viaGrayMatter ? undefined : asGrayMatterReads(text, closed.index, language);
    if (same) return { ok: true, frontmatter: same.data, body, hasFrontmatter: true };
    // Only the frontmatter goes through gray-matter: it copies whatever it is given into a Buffer,
    // which for a vault of long notes would cost more than the parsing.
    const file = matter(text.slice(0, closed.index + closed[0].length), OPTIONS);
    // gray-matter ends the block at the first line that merely starts with `---`; Obsidian only at a
    // line that is `---`. Where they differ, Obsidian's block is parsed with the same safe engine.
    const frontmatter: unknown = file.matter.trim() === block.trim() ? file.data : lower === 'json' ? JSON.parse(block) : parseYaml(block);
    return { ok: true, frontmatter, body, hasFrontmatter: true };
  } catch (error) {
    if (error instanceof NotRead) return { ok: false, message: error.message };
    return { ok: false, message: `broken frontmatter: ${reasonOf(error)}` };
  }
}

/** Whether `text`'s frontmatter parses to exactly `expected`: an edit that touched nothing else. */
export function readsBackAs(text: string, expected: unknown): boolean {
  const parsed = readFrontmatter(text);
  return parsed.ok && JSON.stringify(parsed.frontmatter) === JSON.stringify(expected);
}
