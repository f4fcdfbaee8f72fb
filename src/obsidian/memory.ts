// The plugin's I/O for the one memory of created follow-ups (src/core/memory.ts): the vault's ledger
// through the adapter (a hidden folder, which Obsidian does not index), the task notes from the
// plugin's vault index. The CLI reads and writes the same ledger the same way.
import type { App, DataAdapter } from 'obsidian';
import { isLedgerFileName, LEDGER_FOLDER, LEDGER_PATH, ledgerText, UnreadableLedger } from '../core/ledger';
import type { LedgerEntry } from '../core/ledger';
import { FollowUpMemory, loadMemory, saveMemory } from '../core/memory';
import type { FoundNote, MemoryIO } from '../core/memory';
import { frontmatterOf } from './application-notes';
import type { TaskNoteAt } from '../core/across';
import type { VaultIndex } from './vault-index';

const errorText = (error: unknown): string => (error instanceof Error ? error.message.split('\n')[0] ?? 'unknown error' : String(error));

/**
 * A ledger file's text; undefined when it went missing since it was listed. UnreadableLedger when
 * it is there but cannot be read as one. An empty file is never opened: a FIFO (size 0 too) would
 * make the read wait forever, and an empty ledger has forgotten what it held.
 */
async function readLedgerFile(adapter: DataAdapter, path: string): Promise<string | undefined> {
  const stat = await adapter.stat(path).catch((error: unknown) => {
    throw new UnreadableLedger(path, `cannot be read (${errorText(error)})`);
  });
  if (!stat) return undefined;
  if (stat.type === 'folder') throw new UnreadableLedger(path, 'is a folder');
  if (stat.size === 0) throw new UnreadableLedger(path, 'is empty, or not a regular file');
  const bytes = await adapter.readBinary(path).catch((error: unknown) => {
    throw new UnreadableLedger(path, `cannot be read (${errorText(error)})`);
  });
  return ledgerText(path, new Uint8Array(bytes));
}

export class VaultMemory {
  /** As last read or changed: what the pane draws from between runs. */
  private last = FollowUpMemory.from([''], []);
  /** The task-note rows already added to `last`. */
  private added = new WeakSet<FoundNote>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly app: App,
    readonly index: VaultIndex,
  ) {}

  readonly io: MemoryIO = {
    readLedgers: async () => {
      const { adapter } = this.app.vault;
      const folder = await adapter.stat(LEDGER_FOLDER);
      if (!folder) return [''];
      if (folder.type !== 'folder') throw new UnreadableLedger(LEDGER_FOLDER, 'is not a folder');
      const { files, folders } = await adapter.list(LEDGER_FOLDER).catch((error: unknown) => {
        throw new UnreadableLedger(LEDGER_FOLDER, `cannot be listed (${errorText(error)})`);
      });
      const named = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
      const inPlace = folders.find((path) => isLedgerFileName(named(path)));
      if (inPlace !== undefined) throw new UnreadableLedger(inPlace, 'is a folder');
      let main = '';
      const copies: string[] = [];
      for (const path of files.sort()) {
        if (!isLedgerFileName(named(path))) continue;
        const text = await readLedgerFile(adapter, path);
        if (text === undefined) continue;
        if (named(path) === 'created.json') main = text;
        else copies.push(text);
      }
      return [main, ...copies];
    },
    writeLedger: async (text) => {
      const { adapter } = this.app.vault;
      if (!(await adapter.exists(LEDGER_FOLDER))) await adapter.mkdir(LEDGER_FOLDER);
      await adapter.write(LEDGER_PATH, text);
    },
    listTaskNotes: () => Promise.resolve(this.taskNotes()),
  };

  /** Per task-note row of the index (a new row when the note changed): its frontmatter, read once. */
  private readonly found = new WeakMap<TaskNoteAt, FoundNote>();

  private taskNotes(): FoundNote[] {
    const notes: FoundNote[] = [];
    for (const list of this.index.currentTaskNotes(this.app).values()) {
      for (const info of list) {
        let note = this.found.get(info);
        if (!note) {
          const file = this.app.vault.getFileByPath(info.path);
          note = { path: info.path, frontmatter: file ? frontmatterOf(this.app, file) : undefined };
          this.found.set(info, note);
        }
        notes.push(note);
      }
    }
    return notes;
  }

  /** The memory as last read, with the task notes as they are now: for a synchronous draw. */
  current(): FollowUpMemory {
    // Only rows new since the last call: adding every task note again made each redraw cost a
    // pass over all of them (an edited note gets a new row, so it is added again).
    for (const note of this.taskNotes()) {
      if (this.added.has(note)) continue;
      this.last.addTaskNote(note);
      this.added.add(note);
    }
    return this.last;
  }

  /** Entries remembered elsewhere (data.json of older versions) added to the ledger; true when there were any. */
  async adopt(entries: readonly LedgerEntry[]): Promise<boolean> {
    if (entries.length === 0) return false;
    try {
      await this.update((memory) => memory.merge(entries));
    } catch (error) {
      // Kept in data.json until the ledger can be read again (creating says why, in one notice).
      if (error instanceof UnreadableLedger) return false;
      throw error;
    }
    return true;
  }

  /** Runs `change` on the memory freshly read, then writes the ledger if it changed; one run at a time. */
  update<T>(change: (memory: FollowUpMemory) => T | Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const memory = await loadMemory(this.io);
      this.last = memory;
      this.added = new WeakSet<FoundNote>();
      const result = await change(memory);
      await saveMemory(this.io, memory);
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
