// Follow-up task notes from VS Code: the same TaskNotes notes in the same tasks folder, and the same
// ledger (.job-hunt-advisor/created.json) as the command-line tool and the plugin, so a folder used
// from each in turn never gets a task note twice, nor one back that the person deleted.
import type { TaskNoteAt } from '../core/across';
import { noteNameOf } from '../core/application';
import { isLedgerFileName, LEDGER_FOLDER, LEDGER_PATH, ledgerText, olderPluginDataPath, olderPluginEntries, UnreadableLedger } from '../core/ledger';
import { addTaskNoteById, followUpStatus, loadMemory, saveMemory } from '../core/memory';
import type { FollowUpMemory, FoundNote, MemoryIO } from '../core/memory';
import type { CalendarDate, CoreSettings, FollowUp } from '../core/model';
import { readTaskNote, readTaskNoteId, renderTaskNote } from '../core/task-note';
import { readFrontmatter } from '../cli/frontmatter';
import type { FollowUpStates } from './view-state';
import type { WorkspaceFiles } from './workspace-files';

const errorText = (error: unknown): string => (error instanceof Error ? error.message.split('\n')[0] ?? 'unknown error' : String(error));

/**
 * The ledger files' texts, created.json first. UnreadableLedger when one is there but cannot be
 * read as a ledger (a folder or FIFO in its place, an empty file, bytes that are not UTF-8 or not
 * a ledger): taking it for an empty one would forget every task note the person deleted.
 */
async function readLedgers(files: WorkspaceFiles): Promise<string[]> {
  const folder = await files.kindOf(LEDGER_FOLDER);
  if (folder === undefined) return [''];
  if (folder !== 'folder') throw new UnreadableLedger(LEDGER_FOLDER, 'is not a folder');
  let main = '';
  const copies: string[] = [];
  for (const { name, kind, size } of await files.entries(LEDGER_FOLDER)) {
    if (!isLedgerFileName(name)) continue;
    const path = `${LEDGER_FOLDER}/${name}`;
    if (kind === 'folder') throw new UnreadableLedger(path, 'is a folder');
    // Never opened when empty or not a regular file: a FIFO would make the read wait forever.
    if (kind !== 'file' || size === 0) throw new UnreadableLedger(path, 'is empty, or not a regular file');
    const bytes = await files.bytes(path).catch((error: unknown) => {
      throw new UnreadableLedger(path, `cannot be read (${errorText(error)})`);
    });
    const text = ledgerText(path, bytes);
    if (name === 'created.json') main = text;
    else copies.push(text);
  }
  return [main, ...copies];
}

/** The one memory's I/O over the workspace folder, as the CLI's and the plugin's. */
function memoryIO(files: WorkspaceFiles, found: readonly FoundNote[]): MemoryIO {
  return {
    readLedgers: () => readLedgers(files),
    writeLedger: (text) => files.writeOwn(LEDGER_PATH, text),
    listTaskNotes: () => Promise.resolve([...found]),
  };
}

/** The task notes of ours in the tasks folder, read now (creation reads them afresh). */
async function taskNotesIn(files: WorkspaceFiles, settings: CoreSettings): Promise<FoundNote[]> {
  const found: FoundNote[] = [];
  for (const path of await files.notesBelow(settings.tasksFolder)) {
    const text = await files.read(path);
    const parsed = text === undefined ? undefined : readFrontmatter(text);
    if (parsed?.ok && readTaskNoteId(parsed.frontmatter) !== undefined) found.push({ path, frontmatter: parsed.frontmatter });
  }
  return found;
}

/** The one memory (src/core/memory.ts) over the ledger and the task notes found. */
async function readMemory(files: WorkspaceFiles, found: readonly FoundNote[]): Promise<{ memory: FollowUpMemory; notes: Map<string, TaskNoteAt[]>; io: MemoryIO }> {
  const notes = new Map<string, TaskNoteAt[]>();
  for (const { path, frontmatter } of found) {
    const task = readTaskNote(frontmatter, noteNameOf(path));
    if (task === undefined) continue;
    addTaskNoteById(notes, { ...task, path });
  }
  const memory = await loadMemory(memoryIO(files, found));
  // What an older plugin kept in data.json (the core's one migration), below a configuration folder.
  for (const folder of await files.hiddenFolders()) {
    const data = (await files.fileNames(folder)).includes('app.json') ? await files.read(olderPluginDataPath(folder)) : undefined;
    if (data !== undefined) memory.merge(olderPluginEntries(data));
  }
  return { memory, notes, io: memoryIO(files, found) };
}

/**
 * Whether each follow-up has a task note (open or done), had one (deleted since), or is planned.
 * `found`: the task notes the view's read of the whole folder gave (HuntScan), so a draw does not
 * read them a second time; else those in the tasks folder are read.
 */
export async function followUpStates(files: WorkspaceFiles, followUps: readonly FollowUp[], settings: CoreSettings, found?: readonly FoundNote[]): Promise<FollowUpStates> {
  const states: FollowUpStates = {};
  let memory;
  try {
    memory = await readMemory(files, found ?? (await taskNotesIn(files, settings)));
  } catch {
    return states; // a tasks folder outside the workspace: shown as planned, refused on creation
  }
  for (const f of followUps) {
    const status = followUpStatus(f, memory.notes, memory.memory);
    if (status.state !== 'planned') states[f.id] = status;
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
  let read;
  try {
    read = await readMemory(files, await taskNotesIn(files, settings));
  } catch (error) {
    if (!(error instanceof UnreadableLedger)) throw error;
    result.problems.push(error.message);
    return result;
  }
  const { memory, io } = read;
  for (const f of followUps) {
    const planned = renderTaskNote(f, settings);
    if (memory.known(f)) {
      result.skipped.push(planned.path);
      memory.remember(f, planned.path, today);
      continue;
    }
    try {
      if (await files.create(planned.path, planned.content)) result.created.push(planned.path);
      else result.skipped.push(planned.path);
      memory.remember(f, planned.path, today);
    } catch (error) {
      result.problems.push(`${planned.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // Read again and written as the union: the CLI or a synced device may have added entries meanwhile.
  try {
    await saveMemory(io, memory);
  } catch (error) {
    result.problems.push(error instanceof UnreadableLedger ? error.message : `${LEDGER_PATH}: ${errorText(error)}`);
  }
  return result;
}
