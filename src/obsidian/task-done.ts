// Ticking a follow-up off in the pane: its task note gets TaskNotes' own fields for a finished task
// (the core's setTaskDone), written through processFrontMatter so nothing else in the note moves.
// Unticking puts it back to open.
import { normalizePath } from 'obsidian';
import type { App } from 'obsidian';
import type { CalendarDate } from '../core/model';
import { setTaskDone } from '../core/task-note';

export type DoneOutcome = { ok: true } | { ok: false; message: string };

export async function setFollowUpDone(app: App, path: string, done: boolean, today: CalendarDate): Promise<DoneOutcome> {
  const file = app.vault.getFileByPath(normalizePath(path));
  if (!file) return { ok: false, message: `The task note "${path}" is no longer there: nothing was marked.` };
  try {
    // The core's rule (status, completedDate, dateModified); the clock is read here, in the host.
    const now = new Date().toISOString();
    await app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => setTaskDone(fm, done, today, now));
    return { ok: true };
  } catch {
    return { ok: false, message: `"${file.basename}": its properties (YAML) can't be read, so it was not marked ${done ? 'done' : 'open'}. Fix them and try again.` };
  }
}
