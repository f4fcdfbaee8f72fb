// Small, exact edits to a note's YAML frontmatter as text: set one top-level field, take one out,
// or add one item to a top-level list. Every other line, comment, blank line, quote style, line ending and the body
// stay byte for byte; an edit it cannot make safely is refused with a reason, never guessed.
import { yamlString } from './task-note';

export type FrontmatterEdit =
  /** `key: value`, replacing the field (and its continuation lines) when it is there. */
  | { kind: 'set'; key: string; value: string }
  /** One more item at the end of the list `key`, made a list when it is missing or empty. */
  | { kind: 'append'; key: string; item: string }
  /** The field `key` (and its continuation lines) taken out; nothing when it is not there. */
  | { kind: 'remove'; key: string };

export type EditResult = { ok: true; text: string } | { ok: false; message: string };

/** Words YAML reads as something other than text (true, null, 12, 2026-03-09...) need quotes. */
const NEEDS_QUOTES = /^(?:true|false|yes|no|on|off|null|y|n|~)$/i;

/**
 * A YAML scalar for `text`: plain when that reads back as the same string (as Obsidian writes
 * `stage: Applied`), double-quoted otherwise. Calendar dates stay plain: Obsidian types them as dates.
 */
export function yamlScalar(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  // A leading digit may read as a number (12, 1e3, 0x1F, 1_000): quoted.
  const plain = /^\p{L}[\p{L}\p{N} _.,()&'/+-]*$/u.test(text) && !/\s$/.test(text);
  return plain && !NEEDS_QUOTES.test(text) && !text.includes(': ') && !text.includes(' #') ? text : yamlString(text);
}

interface Block {
  /** Text before the opening `---` line (a byte-order mark). */
  bom: string;
  /** Lines between the two `---` lines. */
  lines: string[];
  eol: string;
  /** Everything from the closing `---` line on. */
  rest: string;
  opening: string;
}

function splitBlock(text: string): Block | undefined {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const plain = text.slice(bom.length);
  const opening = /^---[ \t]*(\r?\n)/.exec(plain);
  if (!opening) return undefined;
  const eol = opening[1] ?? '\n';
  const after = plain.slice(opening[0].length);
  // The block ends at the first line that is exactly `---` (as Obsidian reads it).
  const closing = /(^|\r?\n)---[ \t]*(?=\r?\n|$)/.exec(after);
  if (!closing) return undefined;
  const inner = after.slice(0, closing.index);
  const lines = inner === '' ? [] : inner.split(/\r?\n/);
  return { bom, lines, eol, rest: after.slice(closing.index + (closing[1] ?? '').length), opening: opening[0] };
}

/** The key of a top-level `key: ...` line, unquoted; undefined for any other line. */
function topLevelKey(line: string): { key: string; value: string } | undefined {
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"\-?:[\]{},&*!|>%@`][^:#]*?|-[^\s:#][^:#]*?))[ \t]*:(?:[ \t]+(.*))?$/.exec(line);
  if (!m) return undefined;
  const key = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] !== undefined ? m[2].replace(/''/g, "'") : (m[3] ?? '');
  return { key, value: (m[4] ?? '').trim() };
}

/** Lines that belong to the field starting at `start`: indented lines, list items and blanks before them. */
function fieldEnd(lines: string[], start: number): number {
  let end = start + 1;
  let last = start + 1;
  while (end < lines.length) {
    const line = lines[end] ?? '';
    if (/^[ \t]+\S/.test(line) || /^- |^-$/.test(line)) last = end + 1;
    else if (line.trim() !== '' && !/^#/.test(line)) break;
    end++;
  }
  return last;
}

function findField(lines: string[], key: string): number {
  return lines.findIndex((line) => topLevelKey(line)?.key === key);
}

function keyText(key: string): string {
  return /^[\p{L}_][\p{L}\p{N} _-]*$/u.test(key) && !/\s$/.test(key) ? key : yamlString(key);
}

function applyOne(lines: string[], edit: FrontmatterEdit): string | undefined {
  const at = findField(lines, edit.key);
  const end = at === -1 ? -1 : fieldEnd(lines, at);
  if (edit.kind === 'remove') {
    if (at !== -1) lines.splice(at, end - at);
    return undefined;
  }
  if (edit.kind === 'set') {
    const line = `${keyText(edit.key)}: ${yamlScalar(edit.value)}`;
    if (at === -1) lines.push(line);
    else lines.splice(at, end - at, line);
    return undefined;
  }
  const item = `- ${yamlString(edit.item)}`;
  if (at === -1) {
    lines.push(`${keyText(edit.key)}:`, `  ${item}`);
    return undefined;
  }
  const value = topLevelKey(lines[at] ?? '')?.value ?? '';
  const inline = value.replace(/\s+#.*$/, '');
  if (inline === '' || inline === '[]' || inline === '~' || inline === 'null') {
    const items = lines.slice(at + 1, end).filter((l) => /^\s*- /.test(l) || /^\s*-$/.test(l));
    if (inline === '' && items.length > 0) {
      // After the last item, with the same indentation as the list's first item.
      const indent = /^(\s*)-/.exec(items[0] ?? '')?.[1] ?? '  ';
      lines.splice(end, 0, `${indent}${item}`);
      return undefined;
    }
    if (end > at + 1 && inline === '') return `${edit.key} holds something other than a list; add the entry by hand`;
    lines.splice(at, end - at, `${lines[at]?.replace(/:.*$/, ':') ?? `${keyText(edit.key)}:`}`, `  ${item}`);
    return undefined;
  }
  if (/^[[{|>&*!]/.test(inline)) return `${edit.key} is written as ${inline.slice(0, 1)}...; make it a list with one entry per line first`;
  // One value on the line: it becomes the list's first item.
  lines.splice(at, end - at, `${keyText(edit.key)}:`, `  - ${value}`, `  ${item}`);
  return undefined;
}

/** Applies the edits in order. A note without frontmatter gets a new block at the top. */
export function editFrontmatter(text: string, edits: readonly FrontmatterEdit[]): EditResult {
  const block = splitBlock(text);
  const eol = block?.eol ?? (text.includes('\r\n') ? '\r\n' : '\n');
  const lines = block ? [...block.lines] : [];
  for (const edit of edits) {
    const problem = applyOne(lines, edit);
    if (problem) return { ok: false, message: problem };
  }
  if (!block) {
    const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
    return { ok: true, text: `${bom}---${eol}${lines.join(eol)}${eol}---${eol}${text.slice(bom.length)}` };
  }
  const inner = lines.length > 0 ? `${lines.join(eol)}${eol}` : '';
  return { ok: true, text: `${block.bom}${block.opening}${inner}${block.rest}` };
}
