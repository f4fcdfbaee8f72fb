// The Tasks-plugin line a follow-up may also get in its application note, read back and kept in
// step with its task note. The line carries the task note's own id (`🆔 jha-<id>`, a Tasks id
// field) and a link to it, so each line belongs to exactly one task note, whatever either is
// renamed to. It never carries `#task`: TaskNotes finds tasks by that tag in the body as well as
// the frontmatter, and would take the application note itself for a task.
import type { CalendarDate } from './model';

/** The Tasks `🆔` value for a follow-up id: Tasks ids allow letters, digits, `-` and `_`. */
export function tasksLineId(followUpId: string): string {
  return `jha-${followUpId.toLowerCase().replace(/[^0-9a-z_-]/g, '')}`;
}

export interface TasksLineState {
  /** The follow-up id the line carries (as in the task note's id field). */
  id: string;
  /** Ticked (`[x]`), open (`[ ]`), or another Tasks status (`[-]` cancelled, `[/]` ...): left alone. */
  done: boolean | undefined;
}

const CHECKBOX = /^(\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+\[)(.)(\].*)$/u;
const ID = /🆔\s+jha-([0-9a-z_-]+)/u;
const FENCE = /^\s*(?:>\s*)*(`{3,}|~{3,})/;
const DONE_DATE = /\s✅\s\d{4}-\d{2}-\d{2}/u;

/** Each line of `text` with its end of line, and whether it sits inside a fenced code block. */
function linesOf(text: string): { line: string; eol: string; code: boolean }[] {
  const parts = text.split(/(\r?\n)/);
  const out: { line: string; eol: string; code: boolean }[] = [];
  let fence: string | undefined;
  for (let i = 0; i < parts.length; i += 2) {
    const line = parts[i] ?? '';
    const marker = FENCE.exec(line)?.[1];
    const inCode = fence !== undefined;
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === undefined ? marker : undefined;
      out.push({ line, eol: parts[i + 1] ?? '', code: true });
      continue;
    }
    out.push({ line, eol: parts[i + 1] ?? '', code: inCode });
  }
  return out;
}

function stateOf(status: string): boolean | undefined {
  if (status === ' ') return false;
  if (status === 'x' || status === 'X') return true;
  return undefined;
}

/** Our Tasks lines in a note (outside code blocks), in order. */
export function readTasksLines(text: string): TasksLineState[] {
  const found: TasksLineState[] = [];
  for (const { line, code } of linesOf(text)) {
    if (code) continue;
    const box = CHECKBOX.exec(line);
    const id = box ? ID.exec(box[3] ?? '')?.[1] : undefined;
    if (box && id) found.push({ id, done: stateOf(box[2] ?? '') });
  }
  return found;
}

/**
 * `text` with the line of follow-up `id` ticked (with Tasks' `✅ <day>` done date) or opened
 * again (done date removed). Every other byte, line ending included, is kept.
 */
export function setTasksLineDone(text: string, id: string, done: boolean, today: CalendarDate): string {
  const wanted = tasksLineId(id);
  return linesOf(text)
    .map(({ line, eol, code }) => {
      const box = code ? null : CHECKBOX.exec(line);
      const rest = box?.[3] ?? '';
      if (!box || `jha-${ID.exec(rest)?.[1] ?? ''}` !== wanted || stateOf(box[2] ?? '') === undefined) return line + eol;
      let fields = rest.replace(DONE_DATE, '');
      if (done) fields = fields.replace(/(\s🆔\s)/u, ` ✅ ${today}$1`);
      return `${box[1] ?? ''}${done ? 'x' : ' '}${fields}${eol}`;
    })
    .join('');
}

/**
 * What a line and its task note should both be after one of them changed. `last` is the state
 * they were last seen to agree on: the side that differs from it is the one the person changed.
 * Unknown (first sight, or the plugin was off meanwhile): done wins, so nothing finished is reopened.
 */
export function reconcileDone(lineDone: boolean, noteDone: boolean, last: boolean | undefined): boolean {
  if (lineDone === noteDone) return lineDone;
  return last === undefined ? true : !last;
}
