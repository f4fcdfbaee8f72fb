// The advice as an Obsidian callout, and the managed block that holds it inside the note.
// The note belongs to the person: every byte outside our block is theirs and stays exactly as it was.
import { compareDates } from './dates';
import type { AdviceReport, Backer, FollowUp } from './model';
import { escapeMarkdown, oneLine } from './text';
import { answerOf, marksOf, verdictBalance, verdictHeadline } from './wording';

export const CALLOUT_TYPE = 'job-hunt-advice';
export const BLOCK_START = '%% job-hunt-advisor: start %%';
export const BLOCK_END = '%% job-hunt-advisor: end %%';
const MARKER_PREFIX = '%% job-hunt-advisor: ';

// ---------------------------------------------------------------------------------------------
// Rendering

/** "Zack McCarty (Qwick), Megan Chiamos (365 Cannabis) *hedged*": a hedge or a general remark says so. */
function expertNames(backers: readonly Backer[]): string {
  return backers
    .map((b) => {
      const marks = marksOf(b);
      const who = `${escapeMarkdown(b.expert.name)} (${escapeMarkdown(b.expert.organization)})`;
      return marks.length > 0 ? `${who} *${marks.join(', ')}*` : who;
    })
    .join(', ');
}

/** "Jane Doe", "the hiring manager at Orchid Labs", "the hiring manager". Escaped. */
function hiringManagerPhrase(report: AdviceReport): string {
  const { hiringManager, company } = report.application;
  const name = hiringManager ? oneLine(hiringManager.name) : '';
  if (name) return escapeMarkdown(name);
  const at = company ? oneLine(company) : '';
  return at ? `the hiring manager at ${escapeMarkdown(at)}` : 'the hiring manager';
}

export interface CalloutOptions {
  /** Written folded (`[!job-hunt-advice]-`), so the person's own text stays in view. Default: true. */
  folded?: boolean;
}

/** How many advice titles the callout lists; the pane has all of them. */
export const CALLOUT_ADVICE_COUNT = 3;

/**
 * The advice for one application as an Obsidian callout of type `job-hunt-advice`: short (the
 * verdict, its reason, the top advice titles with their experts, the follow-ups), folded unless
 * asked otherwise, and dated: it says the day it was written and gives dates, never "in 3 days",
 * which would be wrong tomorrow. Every line starts with `>`, every piece of note text is escaped,
 * and the output depends only on its inputs, so refreshing with the same report changes nothing.
 */
export function renderAdviceCallout(report: AdviceReport, followUps: FollowUp[], options: CalloutOptions = {}): string {
  const fold = options.folded === false ? '+' : '-';
  const lines: string[] = [
    `[!${CALLOUT_TYPE}]${fold} Connect with ${hiringManagerPhrase(report)} on LinkedIn? ${answerOf(report)} (as of ${report.today})`,
    `**${escapeMarkdown(verdictHeadline(report))}** ${escapeMarkdown(verdictBalance(report))}`,
  ];

  const top = report.advice.slice(0, CALLOUT_ADVICE_COUNT);
  if (top.length > 0) {
    lines.push('', '**Advice for this moment**');
    for (const item of top) {
      const by = item.backers.length > 0 ? ` — ${expertNames(item.backers)}` : '';
      lines.push(`- ${escapeMarkdown(item.title)}${by}`);
    }
    const more = report.advice.length - top.length;
    if (more > 0) lines.push(`- and ${more} more in the advice pane`);
  }

  if (followUps.length > 0) {
    lines.push('', '**Follow-ups**');
    const sorted = [...followUps].sort((a, b) => compareDates(a.due, b.due) || compareDates(a.id, b.id));
    for (const f of sorted) lines.push(`- ${f.due}: ${escapeMarkdown(f.title)}`);
  }

  lines.push('', `*Job Hunt Advisor, as of ${report.today}. Nothing is sent for you. Rewritten on refresh: keep your own notes outside this box.*`);
  // Blank `>` lines split the sections into paragraphs whatever the "strict line breaks" setting.
  return lines.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
}

// ---------------------------------------------------------------------------------------------
// The managed block
//
// Written as:
//   %% job-hunt-advisor: start %%
//   (empty line)
//   > [!job-hunt-advice] ...
//   (empty line)
//   %% job-hunt-advisor: end %%
// The two empty lines are Markdown, not decoration: without them a quote or list right above the
// block would swallow the callout, and the note's own paragraph right below the block would be
// read into it (Markdown's "lazy continuation"). They also keep our lines out of any inline code
// span the person left open next to the block.
//
// What counts as our block: a start marker line and the next end marker line, each exactly the
// marker at column 0 (trailing spaces allowed), outside the frontmatter (`---`, `---yaml`, ...),
// outside fenced code (``` or ~~~, any length, indented up to 3 spaces), inline code spanning
// lines, raw HTML blocks (<pre>, <div>, <!-- -->, ...: CommonMark's seven kinds), `$$` display
// math and `%%` Obsidian comments.
// Anything else that looks like ours (a user's own `> [!job-hunt-advice]` callout, markers in
// code) is the person's text.
//
// A half-deleted block: a start marker with no end marker after it, or an end marker with no
// start before it, is not a block. We never guess where it ended, so we never delete from it:
// the orphan marker and everything around it stay, and a fresh complete block is inserted.
// Lines the person typed inside a block (anything not starting with `>`, other than blank lines)
// are kept on refresh, with the blank lines between them and their own line endings: they move
// to just below the end marker. Edits to the callout's own `>`
// lines are rewritten, as the callout's last line says.

/** One line of the note: its content without the line ending, and where it sits. */
interface Line {
  start: number;
  /** Offset just past the content, before `\r\n` or `\n`. */
  end: number;
  /** Offset of the next line (past the line ending). */
  next: number;
  text: string;
  eol: '' | '\n' | '\r\n';
}

const BOM = '\uFEFF';

/** The note's lines; a byte-order mark is no part of the first line. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = text.startsWith(BOM) ? 1 : 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      // The last line; an empty last line after a final newline is not a line.
      if (start < text.length || lines.length === 0) {
        lines.push({ start, end: text.length, next: text.length, text: text.slice(start), eol: '' });
      }
      break;
    }
    const crlf = nl > start && text.charCodeAt(nl - 1) === 13;
    const end = crlf ? nl - 1 : nl;
    lines.push({ start, end, next: nl + 1, text: text.slice(start, end), eol: crlf ? '\r\n' : '\n' });
    start = nl + 1;
  }
  return lines;
}

// A lone `\r` counts as ordinary text (`s` flag), the same whether or not a `\n` follows it later.
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/s;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})\s*$/;
const FENCE_CHAR = /^ {0,3}[`~]/;
const NOT_BLANK = /\S/;

// The frontmatter's opening line: `---`, or `---yaml`/`---json` (a language after the dashes, as
// gray-matter reads it; the CLI reads those, so the block must never go above them).
const FRONTMATTER_OPEN = /^---(?:[^-].*)?$/s;

/** Index of the first line after the frontmatter (0 when there is none). */
function frontmatterLineCount(lines: readonly Line[]): number {
  const first = lines[0];
  if (!first || !FRONTMATTER_OPEN.test(first.text) || first.eol === '') return 0;
  for (let i = 1; i < lines.length; i++) {
    if (/^---[ \t]*$/.test(lines[i]?.text ?? '')) return i + 1;
  }
  return 0; // never closed: not frontmatter
}

// Raw HTML blocks (CommonMark 4.6): Markdown, and so our markers, mean nothing inside them.
// Types 1-5 end at their closing text (across blank lines); types 6 and 7 end at a blank line.
const HTML_BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const HTML_ATTRIBUTE = `\\s+[A-Za-z_:][\\w.:-]*(?:\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s"'=<>\`]+))?`;
const HTML_OPENERS: ReadonlyArray<{ open: RegExp; close?: RegExp; interruptsParagraph: boolean }> = [
  { open: /^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, close: /<\/(?:pre|script|style|textarea)>/i, interruptsParagraph: true },
  { open: /^ {0,3}<!--/, close: /-->/, interruptsParagraph: true },
  { open: /^ {0,3}<\?/, close: /\?>/, interruptsParagraph: true },
  { open: /^ {0,3}<![A-Za-z]/, close: />/, interruptsParagraph: true },
  { open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/, interruptsParagraph: true },
  { open: new RegExp(`^ {0,3}</?(?:${HTML_BLOCK_TAGS})(?:\\s|/?>|$)`, 'i'), interruptsParagraph: true },
  { open: new RegExp(`^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:${HTML_ATTRIBUTE})*\\s*/?>|</[A-Za-z][A-Za-z0-9-]*\\s*>)\\s*$`), interruptsParagraph: false },
];

/** How many times `token` occurs in `text` (not overlapping). */
function count(text: string, token: string): number {
  let n = 0;
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length)) n++;
  return n;
}

interface Scan {
  lines: Line[];
  /** First line after the frontmatter. */
  bodyLine: number;
  /** Per line: true when it is code (fenced content, a fence line, or inside a multi-line code span). */
  code: boolean[];
  /** True when the note ends inside a fenced code block that never closes. */
  endsInFence: boolean;
}

/** Inline code spans across a paragraph's text, as [start, end) offsets into that text. */
function codeSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const runAt = (at: number): number => {
    let j = at;
    while (text.charCodeAt(j) === 96) j++;
    return j - at;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') { i += 2; continue; } // an escaped backtick opens nothing
    if (ch !== '`') { i++; continue; }
    const len = runAt(i);
    let k = i + len;
    let close = -1;
    while (k < text.length) {
      if (text.charCodeAt(k) !== 96) { k++; continue; }
      const run = runAt(k);
      if (run === len) { close = k; break; }
      k += run;
    }
    if (close < 0) { i += len; continue; } // no closer: the backticks are literal
    spans.push([i, close + len]);
    i = close + len;
  }
  return spans;
}

/** `withFrontmatter` false: the text is a note's body already (a `---` rule there is not frontmatter). */
function scan(text: string, withFrontmatter = true): Scan {
  const lines = splitLines(text);
  const bodyLine = withFrontmatter ? frontmatterLineCount(lines) : 0;
  const code = lines.map(() => false);
  let fence: { char: string; length: number } | undefined;
  let paragraph: number[] = [];

  // Marks the lines of a paragraph that an inline code span covers, from one of its earlier lines.
  const closeParagraph = (): void => {
    // Only a paragraph with a marker-like line after its first line can hide a marker in code.
    const suspect = paragraph.slice(1).some((i) => lines[i]!.text.startsWith(MARKER_PREFIX));
    if (suspect) {
      const first = lines[paragraph[0]!]!;
      const last = lines[paragraph[paragraph.length - 1]!]!;
      const joined = text.slice(first.start, last.end);
      for (const [from, to] of codeSpans(joined)) {
        for (const i of paragraph) {
          const line = lines[i]!;
          if (line.start - first.start > from && line.start - first.start < to) code[i] = true;
        }
      }
    }
    paragraph = [];
  };

  // Besides fences: an HTML block (closed by its text, or by a blank line), display math between
  // `$$` lines, and an Obsidian comment between `%%` (a line with an odd number of `%%` opens or
  // closes one; our marker lines hold two). Markers in any of them are the person's text.
  let html: { close?: RegExp } | undefined;
  let math = false;
  let comment = false;
  for (let i = bodyLine; i < lines.length; i++) {
    const line = lines[i]!;
    const content = line.text;
    if (fence) {
      code[i] = true;
      const m = FENCE_CHAR.test(content) ? FENCE_CLOSE.exec(content) : null;
      if (m?.[1] && m[1][0] === fence.char && m[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (html) {
      if (html.close === undefined && !NOT_BLANK.test(content)) {
        html = undefined; // the blank line ends it and belongs to nobody
      } else {
        code[i] = true;
        if (html.close?.test(content)) html = undefined;
        continue;
      }
    }
    // `$$` and `%%` in inline code on the line are text, not math or a comment.
    const plain = content.includes('`') ? content.replace(/(`+)(?!`).*?[^`]\1(?!`)/g, '') : content;
    if (math || comment) {
      code[i] = true;
      if (math && count(plain, '$$') % 2 === 1) math = false;
      if (comment && count(plain, '%%') % 2 === 1) comment = false;
      continue;
    }
    // Most lines start with neither fence character: skip the regular expression for them.
    const open = FENCE_CHAR.test(content) ? FENCE_OPEN.exec(content) : null;
    if (open?.[1] && !(open[1][0] === '`' && open[2]?.includes('`'))) {
      closeParagraph();
      fence = { char: open[1][0]!, length: open[1].length };
      code[i] = true;
      continue;
    }
    const opener = content.includes('<') ? HTML_OPENERS.find((h) => h.open.test(content) && (h.interruptsParagraph || paragraph.length === 0)) : undefined;
    if (opener) {
      closeParagraph();
      code[i] = true;
      const rest = content.replace(opener.open, '');
      if (opener.close === undefined || !opener.close.test(rest)) html = { close: opener.close };
      continue;
    }
    if (plain.includes('$$') && count(plain, '$$') % 2 === 1) {
      closeParagraph();
      code[i] = true;
      math = true;
      continue;
    }
    if (plain.includes('%%') && count(plain, '%%') % 2 === 1) {
      closeParagraph();
      code[i] = true;
      comment = true;
      continue;
    }
    if (!NOT_BLANK.test(content)) closeParagraph();
    else paragraph.push(i);
  }
  closeParagraph();
  return { lines, bodyLine, code, endsInFence: fence !== undefined || html !== undefined || math || comment };
}

function isMarker(line: Line, marker: string): boolean {
  return line.text.startsWith(MARKER_PREFIX) && line.text.trimEnd() === marker;
}

interface BlockLines {
  startLine: number;
  endLine: number;
}

function locate(s: Scan): BlockLines | undefined {
  let pendingStart: number | undefined;
  for (let i = s.bodyLine; i < s.lines.length; i++) {
    if (s.code[i]) continue;
    const line = s.lines[i]!;
    // The latest start before an end wins, so an orphan start further up never pairs with our end.
    if (isMarker(line, BLOCK_START)) pendingStart = i;
    else if (isMarker(line, BLOCK_END) && pendingStart !== undefined) return { startLine: pendingStart, endLine: i };
  }
  return undefined;
}

/**
 * Where our managed block is: from the first character of its start marker to just past its end
 * marker (the end marker's line ending is not included). Undefined when the note has none.
 */
export function findBlock(noteText: string): { start: number; end: number } | undefined {
  const s = scan(noteText);
  const found = locate(s);
  if (!found) return undefined;
  return { start: s.lines[found.startLine]!.start, end: s.lines[found.endLine]!.end };
}

/**
 * The lines of a note's body (the text below its frontmatter) that hold `::` and are the person's
 * prose: not in fenced code, raw HTML, display math, an Obsidian comment or our advice block.
 * Inline code on a line is blanked out. For inline fields, which are read from these lines only.
 */
export function proseLinesWithFields(body: string): string[] {
  const s = scan(body, false);
  const block = locate(s);
  const lines: string[] = [];
  for (let i = 0; i < s.lines.length; i++) {
    if (s.code[i] || (block && i >= block.startLine && i <= block.endLine)) continue;
    let text = s.lines[i]!.text;
    if (!text.includes('::')) continue;
    if (text.includes('`')) {
      for (const [from, to] of codeSpans(text)) text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
    }
    if (text.includes('::')) lines.push(text);
  }
  return lines;
}

/** The note's line ending: the first one it uses, `\n` when it has none. */
function lineEndingOf(text: string): '\n' | '\r\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

function blockText(callout: string, eol: string): string {
  const lines = callout.replace(/(\r?\n)+$/, '').split(/\r?\n/);
  // A line not starting with `>` would leave the callout, and refresh would keep it as the
  // person's text: a programming error, caught here rather than written into a note.
  if (lines.some((l) => !l.startsWith('>'))) {
    throw new Error('The advice callout must be a callout: every line starting with ">".');
  }
  return [BLOCK_START, '', ...lines, '', BLOCK_END].join(eol);
}

/**
 * Puts the callout into the note inside the managed block. With a block already there, only its
 * inside is replaced. Otherwise the block goes right after the frontmatter (or at the very start,
 * after a byte-order mark) for `top`, or after the last byte for `end`. The note's line endings
 * are used for the block. At `end`, a note without a final newline gets one newline before the
 * block and still ends without one; a note with a final newline keeps one after the block. When
 * the note ends inside an unclosed code fence, the block goes to the top instead (at the end it
 * would be code, and never found again).
 */
export function insertOrRefreshBlock(noteText: string, callout: string, placement: 'top' | 'end'): string {
  const s = scan(noteText);
  const found = locate(s);
  if (found) return refresh(noteText, s, found, callout);

  const eol = lineEndingOf(noteText);
  const block = blockText(callout, eol);
  const atEnd = (): string => {
    if (noteText === '' || noteText === BOM) return `${noteText}${block}${eol}`;
    if (noteText.endsWith('\n')) return `${noteText}${block}${eol}`;
    return `${noteText}${eol}${block}`;
  };
  if (placement === 'end' && !s.endsInFence) return atEnd();

  const after = s.lines[s.bodyLine - 1];
  if (after && after.eol === '') return atEnd(); // frontmatter closes on the last byte
  const at = after ? after.next : noteText.startsWith(BOM) ? 1 : 0;
  return `${noteText.slice(0, at)}${block}${eol}${noteText.slice(at)}`;
}

function refresh(noteText: string, s: Scan, found: BlockLines, callout: string): string {
  const startLine = s.lines[found.startLine]!;
  const endLine = s.lines[found.endLine]!;
  const eol = startLine.eol === '\r\n' ? '\r\n' : '\n';
  // The person's lines: from the first to the last line inside that is not ours (not a callout
  // line, not blank), with their blank lines and line endings as typed; callout lines among them
  // are ours and rewritten.
  const inside = s.lines.slice(found.startLine + 1, found.endLine);
  const theirs = (l: Line): boolean => l.text.trim() !== '' && !l.text.startsWith('>');
  const first = inside.findIndex(theirs);
  let keptText = '';
  if (first >= 0) {
    const last = inside.length - 1 - [...inside].reverse().findIndex(theirs);
    const kept = inside.slice(first, last + 1).filter((l) => !l.text.startsWith('>'));
    keptText = eol + kept.map((l, k) => (k < kept.length - 1 ? l.text + l.eol : l.text)).join('');
  }
  return `${noteText.slice(0, startLine.start)}${blockText(callout, eol)}${keptText}${noteText.slice(endLine.end)}`;
}

/**
 * Takes the managed block out of the note, with the one line break that was added with it, and
 * nothing else. A note without a block is returned as it is.
 */
export function removeBlock(noteText: string): string {
  const s = scan(noteText);
  const found = locate(s);
  if (!found) return noteText;
  const startLine = s.lines[found.startLine]!;
  const endLine = s.lines[found.endLine]!;
  // The line break added with the block is the one the block itself was written with.
  const eol = startLine.eol;
  const before = noteText.slice(0, startLine.start);
  const after = noteText.slice(endLine.end);
  if (after.startsWith(eol)) return before + after.slice(eol.length);
  // The block is the note's last line: the line break before it was ours.
  return before.endsWith(eol) && before.length > 0 ? before.slice(0, before.length - eol.length) : before;
}
