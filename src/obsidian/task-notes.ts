// Follow-up task notes in the vault: found by the id in their frontmatter (wherever the person moved
// them), created at deterministic paths that are checked first, and remembered once made.
import { normalizePath, TFile } from 'obsidian';
import type { App } from 'obsidian';
import type { CalendarDate, CoreSettings, FollowUp } from '../core/model';
import { renderTaskNote, renderTasksLine } from '../core/task-note';
import { readTasksLines, tasksLineId } from '../core/tasks-line';
import { checkBytes, NotUtf8Error } from './note-writer';
import type { VaultMemory } from './memory';

async function ensureFolder(app: App, path: string): Promise<void> {
  const folder = path.split('/').slice(0, -1).join('/');
  if (folder === '' || app.vault.getFolderByPath(folder)) return;
  try {
    await app.vault.createFolder(folder);
  } catch (error) {
    // Another run (or a sync) made it meanwhile: fine. Anything else is a real problem.
    if (!app.vault.getFolderByPath(folder)) throw error;
  }
}

export interface CreationResult {
  created: TFile[];
  /** Already there or made before (perhaps deleted or completed since): left alone. */
  skipped: number;
  problems: string[];
}

/**
 * Creates the task notes not made before. Never twice: a follow-up remembered for this
 * application, a task note carrying its id anywhere in the vault, or a file at its path, each
 * means it exists (or existed and was deleted or completed on purpose).
 */
export async function createTaskNotes(
  app: App,
  followUps: FollowUp[],
  settings: CoreSettings,
  vault: VaultMemory,
  today: CalendarDate,
): Promise<CreationResult> {
  const result: CreationResult = { created: [], skipped: 0, problems: [] };
  await vault.update(async (memory) => {
    for (const f of followUps) {
      const planned = renderTaskNote(f, settings);
      const path = normalizePath(planned.path);
      // Known to the one memory (made before by any host, perhaps deleted since), or a file there.
      if (memory.known(f) || app.vault.getAbstractFileByPath(path)) {
        memory.remember(f, path, today);
        result.skipped++;
        continue;
      }
      try {
        await ensureFolder(app, path);
        result.created.push(await app.vault.create(path, planned.content));
        memory.remember(f, path, today);
      } catch (error) {
        if (app.vault.getAbstractFileByPath(path)) {
          memory.remember(f, path, today); // made meanwhile by a concurrent run or a sync
          result.skipped++;
        } else {
          result.problems.push(`${path}: ${error instanceof Error ? error.message : 'could not be created'}`);
        }
      }
    }
  });
  return result;
}

/**
 * Appends a Tasks-plugin line per created follow-up to the application note, once, at its end and
 * outside the advice block (which is rewritten on refresh: a ticked box there would be lost).
 */
export async function appendTasksLines(
  app: App,
  note: TFile,
  followUps: FollowUp[],
  settings: CoreSettings,
  vault: VaultMemory,
): Promise<void> {
  const memory = vault.current();
  const due = followUps.filter((f) => {
    const entry = memory.entryFor(f);
    return entry !== undefined && !entry.line;
  });
  if (due.length === 0) return;
  // A note whose bytes are not UTF-8 is never written (the advice pane and commands say why).
  const exact = await checkBytes(app, note).catch((error: unknown) => {
    if (error instanceof NotUtf8Error) return undefined;
    throw error;
  });
  if (exact === undefined) return;
  await app.vault.process(note, (text) => {
    if ((text.match(/\uFFFD/g)?.length ?? 0) > exact) return text;
    const present = new Set(readTasksLines(text).map((l) => `jha-${l.id}`));
    const lines = due.filter((f) => !present.has(tasksLineId(f.id))).map((f) => renderTasksLine(f, settings));
    if (lines.length === 0) return text;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const sep = text === '' || text.endsWith('\n') ? '' : eol;
    return `${text}${sep}${lines.join(eol)}${eol}`;
  });
  await vault.update((fresh) => fresh.markLine(due.map((f) => fresh.entryFor(f)?.id ?? f.id)));
}
