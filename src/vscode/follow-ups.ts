// Follow-up task notes from VS Code: the same TaskNotes notes in the same tasks folder, and the same
// ledger (.job-hunt-advisor/created.json) as the command-line tool and the plugin, so a folder used
// from each in turn never gets a task note twice, nor one back that the person deleted.
import { isLedgerFileName, LEDGER_FOLDER, LEDGER_PATH, mergeLedgers, parseLedger, renderLedger } from '../core/ledger';
import type { LedgerEntry } from '../core/ledger';
import type { CalendarDate, CoreSettings, FollowUp } from '../core/model';
import { isRecord } from '../core/people';
import { readTaskNoteId, renderTaskNote } from '../core/task-note';
import { readFrontmatter } from '../cli/frontmatter';
import { KnownTasks } from '../cli/known-tasks';
import type { FollowUpStates } from './view-state';
import type { WorkspaceFiles } from './workspace-files';

const DONE = new Set(['done', 'completed', 'complete', 'cancelled', 'canceled', 'closed']);

interface TaskNote {
  id: string;
  path: string;
  done: boolean;
}

/** Our task notes in the tasks folder, with the tracker of what exists or existed. */
async function readMemory(files: WorkspaceFiles, settings: CoreSettings): Promise<{ known: KnownTasks; notes: TaskNote[]; ledger: LedgerEntry[]; ledgerText: string; remembered: Set<string> }> {
  const known = new KnownTasks();
  const notes: TaskNote[] = [];
  for (const path of await files.notesBelow(settings.tasksFolder)) {
    const text = await files.read(path);
    const parsed = text === undefined ? undefined : readFrontmatter(text);
    if (!parsed?.ok || !known.addNote(parsed.frontmatter)) continue;
    const fm = parsed.frontmatter as Record<string, unknown>;
    const status = typeof fm.status === 'string' ? fm.status.trim().toLowerCase() : '';
    notes.push({ id: readTaskNoteId(fm) ?? '', path, done: DONE.has(status) || fm.completedDate !== undefined });
  }
  const lists: LedgerEntry[][] = [];
  let ledgerText = '';
  for (const name of (await files.fileNames(LEDGER_FOLDER)).filter(isLedgerFileName)) {
    const text = await files.read(`${LEDGER_FOLDER}/${name}`);
    if (text === undefined) continue;
    if (name === 'created.json') ledgerText = text;
    lists.push(parseLedger(text));
  }
  const ledger = mergeLedgers(...lists);
  const remembered = new Set(ledger.map((e) => e.id));
  for (const id of await idsRememberedByPlugin(files)) remembered.add(id);
  for (const id of remembered) known.addId(id);
  return { known, notes, ledger, ledgerText, remembered };
}

/** Follow-up ids in the Obsidian plugin's data.json, in any hidden configuration folder of the vault. */
async function idsRememberedByPlugin(files: WorkspaceFiles): Promise<string[]> {
  const ids: string[] = [];
  let folders: string[];
  try {
    folders = (await files.hiddenFolders()).map((f) => `${f}/plugins/job-hunt-advisor/data.json`);
  } catch {
    return ids;
  }
  for (const file of folders) {
    const text = await files.read(file);
    if (text === undefined) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const generated = isRecord(data) ? data.generated : undefined;
    if (!isRecord(generated)) continue;
    for (const list of Object.values(generated)) {
      if (!Array.isArray(list)) continue;
      for (const item of list) if (isRecord(item) && typeof item.id === 'string') ids.push(item.id.toLowerCase());
    }
  }
  return ids;
}

/** Whether each follow-up has a task note (open or done), had one (deleted since), or is planned. */
export async function followUpStates(files: WorkspaceFiles, followUps: readonly FollowUp[], settings: CoreSettings): Promise<FollowUpStates> {
  const states: FollowUpStates = {};
  let memory;
  try {
    memory = await readMemory(files, settings);
  } catch {
    return states; // a tasks folder outside the workspace: shown as planned, refused on creation
  }
  const { notes, remembered } = memory;
  for (const f of followUps) {
    const id = f.id.toLowerCase();
    const mine = notes.filter((n) => n.id === id);
    const note = mine.find((n) => !n.done) ?? mine[0];
    if (note) states[f.id] = { state: note.done ? 'done' : 'created', path: note.path };
    else if (remembered.has(id)) states[f.id] = { state: 'dismissed' };
  }
  return states;
}

export interface CreationResult {
  created: string[];
  skipped: string[];
  problems: string[];
}

/** Creates the task notes that never existed, and remembers every one in the ledger. */
export async function createFollowUps(files: WorkspaceFiles, followUps: readonly FollowUp[], settings: CoreSettings, today: CalendarDate): Promise<CreationResult> {
  const result: CreationResult = { created: [], skipped: [], problems: [] };
  try {
    await files.resolve(settings.tasksFolder);
  } catch (error) {
    // Refused before anything is read or written, as the command-line tool refuses it.
    result.problems.push(`The tasks folder setting: ${error instanceof Error ? error.message : String(error)}. Nothing was created.`);
    return result;
  }
  const memory = await readMemory(files, settings);
  const added: LedgerEntry[] = [];
  for (const f of followUps) {
    const planned = renderTaskNote(f, settings);
    const remember = (): void => {
      added.push({ id: f.id.toLowerCase(), application: f.applicationPath, title: f.title, path: planned.path, created: today });
    };
    if (memory.known.has(planned)) {
      result.skipped.push(planned.path);
      remember();
      continue;
    }
    try {
      if (await files.create(planned.path, planned.content)) {
        result.created.push(planned.path);
        memory.known.addPlanned(planned);
      } else result.skipped.push(planned.path);
      remember();
    } catch (error) {
      result.problems.push(`${planned.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const text = renderLedger(mergeLedgers(memory.ledger, added));
  if (text !== memory.ledgerText) {
    try {
      await files.writeOwn(LEDGER_PATH, text);
    } catch (error) {
      result.problems.push(`${LEDGER_PATH}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}
