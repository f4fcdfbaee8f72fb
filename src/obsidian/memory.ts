// The plugin's I/O for the one memory of created follow-ups (src/core/memory.ts): the vault's ledger
// through the adapter (a hidden folder, which Obsidian does not index), the task notes from the
// plugin's vault index. The CLI reads and writes the same ledger the same way.
import type { App } from 'obsidian';
import { isLedgerFileName, LEDGER_FOLDER, LEDGER_PATH } from '../core/ledger';
import type { LedgerEntry } from '../core/ledger';
import { FollowUpMemory, loadMemory, saveMemory } from '../core/memory';
import type { FoundNote, MemoryIO } from '../core/memory';
import { frontmatterOf } from './application-notes';
import type { TaskNoteInfo, VaultIndex } from './vault-index';

export class VaultMemory {
  /** As last read or changed: what the pane draws from between runs. */
  private last = FollowUpMemory.from([''], []);
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly app: App,
    readonly index: VaultIndex,
  ) {}

  readonly io: MemoryIO = {
    readLedgers: async () => {
      const { adapter } = this.app.vault;
      try {
        if (!(await adapter.exists(LEDGER_FOLDER))) return [''];
        const { files } = await adapter.list(LEDGER_FOLDER);
        let main = '';
        const copies: string[] = [];
        for (const path of files.sort()) {
          const name = path.slice(path.lastIndexOf('/') + 1);
          if (!isLedgerFileName(name)) continue;
          try {
            const text = await adapter.read(path);
            if (name === 'created.json') main = text;
            else copies.push(text);
          } catch {
            // One unreadable copy: the others still count.
          }
        }
        return [main, ...copies];
      } catch {
        return [''];
      }
    },
    writeLedger: async (text) => {
      const { adapter } = this.app.vault;
      if (!(await adapter.exists(LEDGER_FOLDER))) await adapter.mkdir(LEDGER_FOLDER);
      await adapter.write(LEDGER_PATH, text);
    },
    listTaskNotes: () => Promise.resolve(this.taskNotes()),
  };

  /** Per task-note row of the index (a new row when the note changed): its frontmatter, read once. */
  private readonly found = new WeakMap<TaskNoteInfo, FoundNote>();

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
    for (const note of this.taskNotes()) this.last.addTaskNote(note);
    return this.last;
  }

  /** Entries remembered elsewhere (data.json of older versions) added to the ledger; true when there were any. */
  async adopt(entries: readonly LedgerEntry[]): Promise<boolean> {
    if (entries.length === 0) return false;
    await this.update((memory) => memory.merge(entries));
    return true;
  }

  /** Runs `change` on the memory freshly read, then writes the ledger if it changed; one run at a time. */
  update<T>(change: (memory: FollowUpMemory) => T | Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const memory = await loadMemory(this.io);
      this.last = memory;
      const result = await change(memory);
      await saveMemory(this.io, memory);
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
