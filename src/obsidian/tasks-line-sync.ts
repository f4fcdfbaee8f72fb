// Ticking a Tasks-plugin line in an application note completes its task note, and completing the
// task note (in TaskNotes or by hand) ticks the line; reopening either reopens the other. Only
// notes that are ours are read: a task note carrying our id, or an application note the memory
// says got lines.
import { TFile } from 'obsidian';
import type { App } from 'obsidian';
import type { CalendarDate } from '../core/model';
import { readTaskNoteId, setTaskDone } from '../core/task-note';
import { readTasksLines, reconcileDone, setTasksLineDone } from '../core/tasks-line';
import { frontmatterOf } from './application-notes';
import type { VaultMemory } from './memory';
import { taskNoteInfo } from './vault-index';

export interface TasksLineSyncHost {
  app: App;
  memory: VaultMemory;
  today(): CalendarDate;
  /** Now, as a UTC date-time (for the task note's dateModified). */
  now(): string;
  problem(message: string): void;
}

export class TasksLineSync {
  /** Per follow-up id, the state its line and task note last agreed on. */
  private readonly agreed = new Map<string, boolean>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: TasksLineSyncHost) {}

  /** The metadata cache has new data for this note. */
  changed(file: TFile): Promise<void> | undefined {
    const id = readTaskNoteId(frontmatterOf(this.host.app, file));
    if (id !== undefined) {
      const application = this.host.memory.current().applicationWithLine(id);
      return application === undefined ? undefined : this.enqueue(() => this.fromTaskNote(file, id, application));
    }
    if (!this.host.memory.current().entriesFor(file.path).some((e) => e.line)) return undefined;
    return this.enqueue(() => this.fromApplication(file));
  }

  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private enqueue(run: () => Promise<void>): Promise<void> {
    const next = this.queue.then(run, run).catch((error: unknown) => {
      this.host.problem(error instanceof Error ? error.message : 'A task line could not be kept in step with its task note.');
    });
    this.queue = next;
    return next;
  }

  private async fromApplication(file: TFile): Promise<void> {
    const { app } = this.host;
    const text = await app.vault.cachedRead(file);
    const lines = readTasksLines(text);
    if (lines.length === 0) return;
    const index = this.host.memory.index.currentTaskNotes(app);
    const lineChanges: { id: string; done: boolean }[] = [];
    for (const line of lines) {
      if (line.done === undefined) continue;
      for (const note of index.get(line.id) ?? []) {
        const both = reconcileDone(line.done, note.done, this.agreed.get(line.id));
        this.agreed.set(line.id, both);
        if (note.done !== both) await this.setNote(note.path, both);
        if (line.done !== both) lineChanges.push({ id: line.id, done: both });
      }
    }
    if (lineChanges.length > 0) await this.setLines(file, lineChanges);
  }

  private async fromTaskNote(file: TFile, id: string, applicationPath: string): Promise<void> {
    const { app } = this.host;
    const note = taskNoteInfo(app, file);
    const application = app.vault.getFileByPath(applicationPath);
    if (!note || !application) return;
    const line = readTasksLines(await app.vault.cachedRead(application)).find((l) => l.id === id);
    if (!line || line.done === undefined) return;
    const both = reconcileDone(line.done, note.done, this.agreed.get(id));
    this.agreed.set(id, both);
    if (note.done !== both) await this.setNote(file.path, both);
    if (line.done !== both) await this.setLines(application, [{ id, done: both }]);
  }

  private async setNote(path: string, done: boolean): Promise<void> {
    const file = this.host.app.vault.getFileByPath(path);
    if (!(file instanceof TFile)) return;
    const today = this.host.today();
    const now = this.host.now();
    await this.host.app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => setTaskDone(fm, done, today, now));
  }

  private async setLines(file: TFile, changes: { id: string; done: boolean }[]): Promise<void> {
    const today = this.host.today();
    await this.host.app.vault.process(file, (text) => changes.reduce((t, c) => setTasksLineDone(t, c.id, c.done, today), text));
  }
}
