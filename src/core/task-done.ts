// Ticking a task note done (or open again) for a host that writes the note's text, as VS Code does,
// rather than a frontmatter object (Obsidian's processFrontMatter): the very fields setTaskDone
// sets, as the smallest frontmatter edits, and the frontmatter the edited note must read back as
// (a host writes nothing when it does not).
import type { FrontmatterEdit } from './frontmatter-edit';
import type { CalendarDate } from './model';
import { setTaskDone } from './task-note';

export interface TaskDoneChange {
  edits: FrontmatterEdit[];
  /** The frontmatter after the change: what the edited text must parse back to. */
  expected: Record<string, unknown>;
}

export function taskDoneChange(frontmatter: Record<string, unknown>, done: boolean, today: CalendarDate, now: string): TaskDoneChange {
  // setTaskDone only sets and deletes top-level text fields, so a shallow copy keeps the original whole.
  const expected = { ...frontmatter };
  setTaskDone(expected, done, today, now);
  const edits: FrontmatterEdit[] = [];
  for (const key of Object.keys(frontmatter)) if (!(key in expected)) edits.push({ kind: 'remove', key });
  for (const [key, value] of Object.entries(expected)) {
    if (value !== frontmatter[key] && typeof value === 'string') edits.push({ kind: 'set', key, value });
  }
  return { edits, expected };
}
