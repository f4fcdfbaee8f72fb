// Follow-up task notes in the vault: found by the id in their frontmatter (wherever the person moved
// them), created at deterministic paths that are checked first, and remembered once made.
import { normalizePath, TFile } from 'obsidian';
import type { App } from 'obsidian';
import type { CalendarDate, CoreSettings, FollowUp } from '../core/model';
import { renderTaskNote, renderTasksLine } from '../core/task-note';
import { readTasksLines, tasksLineId } from '../core/tasks-line';
import { idsMadeByCli } from './cli-ledger';
import { checkBytes, NotUtf8Error } from './note-writer';
import type { GeneratedFollowUps } from './generated-follow-ups';
import { keptTaskNotes, taskNoteInfo } from './vault-index';
import type { TaskNoteInfo } from './vault-index';
import type { GeneratedFollowUp } from './settings';

export type { TaskNoteInfo };

/** Every task note of ours in the vault, by follow-up id (a sync conflict copy may give two). */
export function indexTaskNotes(app: App): ReadonlyMap<string, TaskNoteInfo[]> {
  // The running plugin's index, when there is one: only the notes changed since are read again.
  const kept = keptTaskNotes(app);
  if (kept) return kept;
  const index = new Map<string, TaskNoteInfo[]>();
  for (const file of app.vault.getMarkdownFiles()) {
    const info = taskNoteInfo(app, file);
    if (!info) continue;
    const list = index.get(info.id);
    if (list) list.push(info);
    else index.set(info.id, [info]);
  }
  return index;
}

export type FollowUpState = 'planned' | 'created' | 'done' | 'dismissed';

export interface FollowUpStatus {
  state: FollowUpState;
  /** The task note, when it exists. */
  path?: string;
}

export function followUpStatus(f: FollowUp, index: ReadonlyMap<string, TaskNoteInfo[]>, generated: GeneratedFollowUps): FollowUpStatus {
  const remembered = generated.find(f.applicationPath, f);
  const notes = [...(index.get(f.id) ?? []), ...(remembered && remembered.id !== f.id ? index.get(remembered.id) ?? [] : [])];
  const note = notes.find((n) => !n.done) ?? notes[0];
  if (note) return { state: note.done ? 'done' : 'created', path: note.path };
  return remembered ? { state: 'dismissed' } : { state: 'planned' };
}

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
  generated: GeneratedFollowUps,
  today: CalendarDate,
): Promise<CreationResult> {
  const result: CreationResult = { created: [], skipped: 0, problems: [] };
  const index = indexTaskNotes(app);
  const byApplication = new Map<string, GeneratedFollowUp[]>();
  const remember = (f: FollowUp, path: string): void => {
    const list = byApplication.get(f.applicationPath) ?? [];
    list.push({ id: f.id, kind: f.kind, title: f.title, path, created: today });
    byApplication.set(f.applicationPath, list);
  };
  // Read only when something is about to be created: most runs create nothing.
  let madeByCli: Set<string> | undefined;
  for (const f of followUps) {
    if (generated.find(f.applicationPath, f)) {
      result.skipped++;
      continue;
    }
    const existing = index.get(f.id)?.[0];
    const planned = renderTaskNote(f, settings);
    const path = normalizePath(planned.path);
    if (!existing) madeByCli ??= await idsMadeByCli(app);
    // Made before by the command-line tool (maybe deleted since): remembered here too, never made again.
    if (existing || app.vault.getAbstractFileByPath(path) || madeByCli?.has(f.id.toLowerCase())) {
      remember(f, existing?.path ?? path);
      result.skipped++;
      continue;
    }
    try {
      await ensureFolder(app, path);
      result.created.push(await app.vault.create(path, planned.content));
      remember(f, path);
    } catch (error) {
      if (app.vault.getAbstractFileByPath(path)) {
        remember(f, path); // made meanwhile by a concurrent run or a sync
        result.skipped++;
      } else {
        result.problems.push(`${path}: ${error instanceof Error ? error.message : 'could not be created'}`);
      }
    }
  }
  for (const [applicationPath, entries] of byApplication) await generated.add(applicationPath, entries);
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
  generated: GeneratedFollowUps,
): Promise<void> {
  const due = followUps.filter((f) => {
    const g = generated.find(note.path, f);
    return g !== undefined && !g.line;
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
  await generated.markLine(note.path, due.map((f) => generated.find(note.path, f)?.id ?? f.id));
}
