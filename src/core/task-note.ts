// A follow-up as a task note in TaskNotes' default schema, or as a Tasks-plugin line. Names come
// from people's notes, so every value is escaped for YAML and every path is made safe: a task note
// always lands inside the tasks folder, whatever a company or a person is called.
import { isCalendarDate, readCalendarDate } from './dates';
import { splitGraphemes } from './drafts';
import type { CalendarDate, CoreSettings, FollowUp, PlannedNote } from './model';
import { DEFAULT_SETTINGS } from './settings';
import { tasksLineId } from './tasks-line';
import { escapeMarkdown, oneLine } from './text';

/** The frontmatter field that ties a task note to its follow-up, even after the person renames it. */
export const TASK_ID_FIELD = 'job-hunt-advisor-id';

// ---- Safe names and paths ---------------------------------------------------------------------

/** Most file systems allow 255 bytes per name; keep room for " (id).md" and sync tools' suffixes. */
const MAX_NAME_BYTES = 200;
// Windows' device names, alone or before an extension (`NUL.txt` and `nul .tar.gz` are NUL too),
// with the superscript digits Windows also counts.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)(?=\s*(\.|$))/i;

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Cuts at a user-perceived character boundary, within `maxCodePoints` and MAX_NAME_BYTES. */
function capLength(text: string, maxCodePoints: number): string {
  let kept = '';
  let codePoints = 0;
  let bytes = 0;
  for (const grapheme of splitGraphemes(text)) {
    const size = Array.from(grapheme).length;
    const more = utf8Length(grapheme);
    if (codePoints + size > maxCodePoints || bytes + more > MAX_NAME_BYTES) break;
    kept += grapheme;
    codePoints += size;
    bytes += more;
  }
  if (kept === '' && text !== '') {
    // One enormous grapheme (a long combining sequence): fall back to whole code points.
    kept = Array.from(text).slice(0, Math.min(maxCodePoints, MAX_NAME_BYTES / 4)).join('');
  }
  return kept;
}

/**
 * A file name that is valid on Windows, macOS, Linux, Android and iOS and that Obsidian links can
 * reach: without `\ / : * ? " < > | # ^ [ ]` or control characters, single-spaced, no leading dot,
 * no `..`, at most `maxLength` code points (and 200 UTF-8 bytes), never empty.
 */
export function safeFileName(text: string, maxLength = 120): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cs}]/gu, ' ')
    // Direction overrides can make a name read differently from what it is.
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\\/:*?"<>|#^[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\.{2,}/g, '.');
  const max = Math.max(1, Math.floor(maxLength) || 1);
  const trimEnds = (s: string): string => s.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  const name = trimEnds(capLength(trimEnds(cleaned), max));
  const fallback = capLength('Untitled', max);
  if (WINDOWS_RESERVED.test(name)) {
    const device = WINDOWS_RESERVED.exec(name)?.[1] ?? name;
    return name.length < max ? `${device}_${name.slice(device.length)}` : fallback;
  }
  return name === '' ? fallback : name;
}

/**
 * A folder from settings as the one vault path every host checks, reads and writes: `\\` and `/`
 * alike, `.` and empty segments dropped, `a/../b` resolved to `b`, a `..` above the vault's root
 * dropped (it stays inside), each name made safe (`NUL` becomes `NUL_`); '' for the vault's root.
 */
export function safeFolderPath(folder: string): string {
  const segments: string[] = [];
  for (const raw of folder.split(/[\\/]+/)) {
    const s = raw.trim();
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(safeFileName(s));
  }
  return segments.join('/');
}

let lastFolder: string | undefined;
let lastFolderPath = '';

/** The tasks folder as a safe vault path; the default folder when nothing is left (never the root). */
export function tasksFolderPath(folder: string): string {
  // Asked for every note a scan reads (is it in the tasks folder?), always with the same setting.
  if (folder !== lastFolder) {
    lastFolderPath = safeFolderPath(folder) || DEFAULT_SETTINGS.tasksFolder;
    lastFolder = folder;
  }
  return lastFolderPath;
}

function shortId(id: string): string {
  return (id.toLowerCase().replace(/[^0-9a-z]/g, '') || 'task').slice(0, 8);
}

/**
 * `<tasks folder>/<safe title> (<short id>).md`: the id keeps two similar titles apart. Without the
 * Tasks plugin's signifiers (📅 ✅ ...): the Tasks line links this path, and Tasks would read a
 * `📅 2026-01-01` in it as the line's due date.
 */
export function taskNotePath(f: FollowUp, settings: CoreSettings): string {
  return `${tasksFolderPath(settings.tasksFolder)}/${safeFileName(f.title.replace(TASKS_SIGNIFIERS, ' '))} (${shortId(f.id)}).md`;
}

// ---- YAML and Markdown escaping ---------------------------------------------------------------

function isYamlPrintable(cp: number): boolean {
  return (
    cp === 0x09 ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff && cp !== 0x2028 && cp !== 0x2029) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** A double-quoted YAML scalar that reads back as exactly `text`, whatever it holds. */
export function yamlString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (isYamlPrintable(cp)) out += ch;
    else out += cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** A fence longer than any backtick run in the text, so the draft can't close it early. */
function fenced(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text.replace(/\r\n?/g, '\n')}\n${fence}`;
}

/**
 * A link to the application by its vault path (`[[Jobs/Initech - Backend Developer|Initech - Backend
 * Developer]]`), shown by its name. Always the path, not only when two notes share the name: whether
 * a name is ambiguous depends on which notes a device has synced so far, and the task note's bytes
 * must not (tasknotes.dev/spec 11.2.1: the path resolves from the vault root, the alias is display
 * only). A Markdown link when the name holds characters a wikilink can't carry.
 */
function applicationLink(f: FollowUp): string {
  const name = oneLine(f.applicationName);
  const target = f.applicationPath.replace(/\.md$/i, '');
  // A wikilink's alias can't be escaped: a name that would need it (HTML, code, math, comments,
  // a URL) gets a Markdown link, whose label is escaped like every other name.
  const plainName = !/[[\]#^|<>`$%=*_~\\@]|:\/\/|www\./i.test(name);
  if (name !== '' && plainName && !/[[\]#^|]/.test(target)) {
    return target === name ? `[[${name}]]` : `[[${target}|${name}]]`;
  }
  const encoded = f.applicationPath
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `[${escapeMarkdown(name) || 'Application'}](${encoded})`;
}

// ---- TaskNotes' required dates ----------------------------------------------------------------

/**
 * TaskNotes' spec requires `dateCreated` and `dateModified` on every task (tasknotes.dev/spec 2.2,
 * checked by 6.4 check 1), as UTC second-precision date-times (3.3.2). We write the application's
 * day the follow-up hangs on (its scheduled or due day, else the day applied or interviewed) at
 * 00:00:00Z, never the clock or today: the note then depends only on the application, so two
 * devices creating the same follow-up on any day, in any zone, write the same bytes and a sync
 * keeps one file, not a conflict copy. The file system keeps the real time.
 */
export function plannedInstant(f: FollowUp): string {
  const day = [f.scheduled, f.dueByNote, f.anchor].filter(isCalendarDate).sort()[0] ?? '1970-01-01';
  return `${day}T00:00:00Z`;
}

/** TaskNotes' contexts are plain words; its cards add the `@` when they show one. */
function plainContext(context: string): string {
  return context.replace(/^@+/, '').trim();
}

/**
 * The frontmatter change that marks a task note done or open again, as TaskNotes writes it
 * (spec 2.2.1: `completedDate` present exactly when a non-recurring task is done; 6.4 check 6:
 * `dateModified` never before `dateCreated`). `now` is a UTC date-time from the host's clock.
 */
export function setTaskDone(frontmatter: Record<string, unknown>, done: boolean, today: CalendarDate, now: string): void {
  frontmatter.status = done ? 'done' : 'open';
  if (done) frontmatter.completedDate = today;
  else delete frontmatter.completedDate;
  const stamp = now.replace(/\.\d+(?=Z$)/, '');
  const created = typeof frontmatter.dateCreated === 'string' ? frontmatter.dateCreated : '';
  frontmatter.dateModified = created !== '' && Date.parse(created) > Date.parse(stamp) ? created : stamp;
}

// ---- Rendering --------------------------------------------------------------------------------

/** The whole task note: TaskNotes frontmatter plus a body with the reason, experts and draft. */
export function renderTaskNote(f: FollowUp, settings: CoreSettings): PlannedNote {
  const link = applicationLink(f);
  const lines = [
    '---',
    `title: ${yamlString(oneLine(f.title))}`,
    'status: open',
    `priority: ${f.priority}`,
    // The note's own day, even once passed (task plugins show it overdue); none when nothing sets one.
    ...(f.dueByNote ? [`due: ${dateValue(f.dueByNote)}`] : []),
    ...(f.scheduled ? [`scheduled: ${dateValue(f.scheduled)}`] : []),
    'tags:',
    '  - task',
    ...(f.context && plainContext(f.context) !== '' ? ['contexts:', `  - ${yamlString(plainContext(f.context))}`] : []),
    'projects:',
    `  - ${yamlString(link)}`,
    `dateCreated: ${yamlString(plannedInstant(f))}`,
    `dateModified: ${yamlString(plannedInstant(f))}`,
    `${TASK_ID_FIELD}: ${yamlString(f.id)}`,
    '---',
    '',
    escapeMarkdown(f.reason),
    '',
  ];
  if (f.experts.length > 0) {
    // The person's own experts are never passed off as the nine.
    lines.push(`Experts: ${f.experts.map((e) => escapeMarkdown(`${e.name} (${e.organization})${e.pack ? ', from your advice pack' : ''}`)).join('; ')}`, '');
  }
  if (f.draft) lines.push('Draft to edit before you send it:', '', fenced(f.draft), '');
  lines.push(
    `Application: ${link}`,
    '',
    '*Nothing is sent automatically: Job Hunt Advisor only drafts. You decide whether to send it, and you send it yourself.*',
    '',
  );
  return { path: taskNotePath(f, settings), content: lines.join('\n'), followUp: f };
}

function dateValue(date: string): string {
  return isCalendarDate(date) ? date : yamlString(date);
}

// Tasks reads its fields from the end of the line: its emoji in a title must not read as fields.
const TASKS_SIGNIFIERS = /[📅⏳🛫➕✅❌🔁🔺⏫🔼🔽⏬🆔⛔🏁]\uFE0F?/gu;
const PRIORITY_EMOJI: Record<FollowUp['priority'], string> = { high: ' ⏫', normal: '', low: ' 🔽' };

/**
 * `- [ ] Send a thank-you letter to Ana Silva [[Job hunt tasks/... (8c1dfbf1)|task note]] ⏫ ⏳ 2026-03-09
 * 📅 2026-03-10 🆔 jha-8c1dfbf1c86d5828` (Tasks emoji format). No `#task` (see tasks-line.ts); a `#`
 * in a name is shown full-width so it can't become that tag either.
 */
export function renderTasksLine(f: FollowUp, settings: CoreSettings): string {
  // Escaped like every name (the Tasks plugin renders the description as Markdown).
  const title = escapeMarkdown(f.title.replace(TASKS_SIGNIFIERS, ' ').replace(/#/g, '＃')) || 'Follow-up';
  const note = taskNotePath(f, settings).replace(/\.md$/, '');
  const scheduled = f.scheduled ? ` ⏳ ${f.scheduled}` : '';
  const due = f.dueByNote ? ` 📅 ${f.dueByNote}` : '';
  return `- [ ] ${title} [[${note}|task note]]${PRIORITY_EMOJI[f.priority]}${scheduled}${due} 🆔 ${tasksLineId(f.id)}`;
}

/** The follow-up id a task note carries, so a renamed, moved or completed task is still recognised. */
export function readTaskNoteId(frontmatter: unknown): string | undefined {
  if (typeof frontmatter !== 'object' || frontmatter === null || Array.isArray(frontmatter)) return undefined;
  const value = (frontmatter as Record<string, unknown>)[TASK_ID_FIELD];
  if (typeof value !== 'string') return undefined;
  const id = value.trim().toLowerCase();
  return id === '' ? undefined : id;
}

/**
 * Statuses that close a task note: TaskNotes' `done` and the words people and other task plugins
 * use for done or given up. A closed task is neither due nor to do, in every host.
 */
const CLOSED_STATUSES: ReadonlySet<string> = new Set(['done', 'completed', 'complete', 'cancelled', 'canceled', 'closed']);

/** A task note of ours as every host shows it. */
export interface TaskNoteState {
  /** The follow-up id it carries (lower case). */
  id: string;
  /** Its `title`, else the file's name (TaskNotes' own fallback). */
  title: string;
  /** A closing status, or a `completedDate` (TaskNotes writes one exactly when a task is done). */
  done: boolean;
  /** Its `due` day, when that reads as a calendar date. */
  due?: CalendarDate;
}

/**
 * The task note's state from its frontmatter and its file name without `.md` (for the title), or
 * undefined when it carries no follow-up id: then it is not ours.
 */
export function readTaskNote(frontmatter: unknown, baseName: string): TaskNoteState | undefined {
  const id = readTaskNoteId(frontmatter);
  if (id === undefined) return undefined;
  const fm = frontmatter as Record<string, unknown>;
  const status = typeof fm.status === 'string' ? fm.status.trim().toLowerCase() : '';
  const state: TaskNoteState = {
    id,
    title: typeof fm.title === 'string' && fm.title.trim() !== '' ? fm.title : baseName,
    done: CLOSED_STATUSES.has(status) || fm.completedDate !== undefined,
  };
  const due = readCalendarDate(fm.due);
  if (due.kind === 'date') state.due = due.date;
  return state;
}
