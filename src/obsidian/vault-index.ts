// What the advice pane's vault-wide lists need from each note, kept between draws. A redraw reads
// only the notes the vault said changed (or renamed, created), and even those only when the metadata
// cache holds a new object for them: Obsidian replaces a note's cached metadata when it changes.
// A new day, new settings or a turn of the vault's learnt day/month order start again from every note.
import type { App, CachedMetadata, Component, TFile } from 'obsidian';
import { byDue, byWait, firstOf, isDue, isWaitingTooLong, leavesListAsIs, waitingSummary } from '../core/across';
import type { TaskNoteAt, WaitingApplication } from '../core/across';
import { isRecord } from '../core/fields';
import { addTaskNoteById } from '../core/memory';
import type { CalendarDate } from '../core/model';
import { applicationOn } from '../core/pipeline';
import { readTaskNote } from '../core/task-note';
import { waitingReader } from '../core/waiting';
import { frontmatterOf, noteInput, noteInputs } from './application-notes';
import type { Settings } from '../core/settings';
import type { VaultNotes } from './vault-notes';

/** The note as a task note of ours, or undefined when it carries no follow-up id. */
export function taskNoteInfo(app: App, file: TFile): TaskNoteAt | undefined {
  return taskOf(file, frontmatterOf(app, file));
}

function taskOf(file: TFile, fm: Record<string, unknown> | undefined): TaskNoteAt | undefined {
  const task = readTaskNote(fm, file.basename);
  return task && { ...task, path: file.path };
}

/** A waiting row as kept for every such note: its summary is written only once it is shown. */
interface WaitingEntry extends Omit<WaitingApplication, 'summary'> {
  summary?: string;
  source: CachedMetadata | null;
}

/** Work done in one slice of the background build before the event loop gets a turn. */
const SLICE_MS = 8;

/** A turn of the event loop, in idle time where the platform says when that is. */
function idleTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => resolve(), { timeout: 100 });
    else window.setTimeout(resolve, 0);
  });
}

export class VaultIndex {
  /**
   * Each note's row: the cached metadata it was computed from (no object per note: a first draw
   * keeps one for each of thousands of notes, and the collector copies every one).
   */
  private readonly rows = new Map<string, CachedMetadata | null>();
  /** The task notes' rows, by path. */
  private readonly tasks = new Map<string, TaskNoteAt>();
  private readonly stale = new Set<string>();
  private readonly byId = new Map<string, TaskNoteAt[]>();
  private readonly waitingRows = new Map<string, WaitingEntry>();
  private readonly dueRows = new Map<string, TaskNoteAt>();
  /** Today, the settings and the learnt day/month order's turns the rows were computed for. */
  private key: string | undefined;
  private complete = false;
  /** The lists as last drawn, until a row of theirs changes. */
  private dueList: TaskNoteAt[] | undefined;
  private waitingList: WaitingEntry[] | undefined;
  /** The settings and day of the pane's last refresh. */
  private last: { settings: Settings; today: CalendarDate } | undefined;
  /** What the rows of this pass are computed for, with its reader of waiting days. */
  private lists: Lists | undefined;
  /** Notes read so far (each one whose row was computed). */
  reads = 0;

  /** `notes`: the plugin's reading of the vault (inline fields, the learnt date order) the rows are read through. */
  constructor(private readonly notes: VaultNotes) {}

  /** Keeps the index up to date with the vault's events for as long as `owner` is loaded. */
  watch(app: App, owner: Component): void {
    owner.registerEvent(app.metadataCache.on('changed', (file) => this.changed(file.path)));
    owner.registerEvent(app.vault.on('create', (file) => this.changed(file.path)));
    owner.registerEvent(app.vault.on('delete', (file) => this.deleted(file.path)));
    owner.registerEvent(app.vault.on('rename', (file, oldPath) => this.renamed(oldPath, file.path)));
  }

  changed(path: string): void {
    this.stale.add(path);
  }

  deleted(path: string): void {
    this.forget(path);
    this.stale.delete(path);
  }

  renamed(oldPath: string, newPath: string): void {
    this.deleted(oldPath);
    this.changed(newPath);
  }

  /** Looks at every note again at the next refresh (unchanged ones are not read again). */
  rescan(): void {
    this.complete = false;
  }

  /** What the rows are read for: an unchanged note reads differently once another note turns the vault's date order. */
  private keyFor(settings: Settings, today: CalendarDate): string {
    return JSON.stringify([today, settings, this.notes.dateOrderTurns(settings)]);
  }

  /** Brings the rows up to date; cheap when little changed. */
  refresh(app: App, settings: Settings, today: CalendarDate): this {
    this.last = { settings, today };
    const key = this.keyFor(settings, today);
    const lists = this.listsFor(key, settings, today);
    this.bringUpToDate(app, key, lists);
    // Summaries only for the rows shown: the full read (people too) of thirty notes, not thousands.
    for (const row of this.waitingEntries()) row.summary ??= summaryFor(app, row, lists);
    return this;
  }

  /**
   * Reads every note for the pane's lists a slice at a time (a few ms of work, then a turn of the
   * event loop in idle time), so the first draw after start-up finds the lists ready and Obsidian
   * never freezes for a big vault. A draw before it ends reads the rest at once; the rows it read
   * are kept.
   */
  async buildInSlices(
    app: App, settings: Settings, today: CalendarDate,
    { nextTurn = idleTurn, sliceMs = SLICE_MS }: { nextTurn?: () => Promise<void>; sliceMs?: number } = {},
  ): Promise<void> {
    const key = this.keyFor(settings, today);
    this.last = { settings, today };
    this.startPass(key);
    const lists = this.listsFor(key, settings, today);
    const files = app.vault.getMarkdownFiles();
    let slice = performance.now();
    for (const file of files) {
      // A draw finished the pass meanwhile, or new settings or a new day started another.
      if (this.complete || this.key !== key) return;
      this.update(app, file, lists);
      if (performance.now() - slice >= sliceMs) {
        await nextTurn();
        slice = performance.now();
      }
    }
    if (this.complete || this.key !== key) return;
    this.forgetAllBut(files);
    this.complete = true;
  }

  /** The task notes, up to date: with the pane's last settings and day, or before it drew, task notes only. */
  currentTaskNotes(app: App): ReadonlyMap<string, TaskNoteAt[]> {
    if (this.last) this.refresh(app, this.last.settings, this.last.today);
    else this.bringUpToDate(app, 'task notes only', undefined);
    return this.byId;
  }

  private listsFor(key: string, settings: Settings, today: CalendarDate): Lists {
    if (this.lists?.key !== key) this.lists = { key, settings, today, waitingDays: waitingReader(settings, today), inputs: undefined, notes: this.notes };
    return this.lists;
  }

  /** Starts again from every note when the day or the settings are not the ones the rows were read for. */
  private startPass(key: string): void {
    if (key === this.key) return;
    this.key = key;
    this.rows.clear();
    this.tasks.clear();
    this.byId.clear();
    this.waitingRows.clear();
    this.dueRows.clear();
    this.dueList = undefined;
    this.waitingList = undefined;
    this.complete = false;
  }

  private bringUpToDate(app: App, key: string, lists: Lists | undefined): this {
    this.startPass(key);
    if (!this.complete) {
      const files = app.vault.getMarkdownFiles();
      // From no rows at all (a new index, day or settings), no note has an old row to look up.
      const fresh = this.rows.size === 0;
      for (const file of files) this.update(app, file, lists, fresh);
      this.forgetAllBut(files);
      this.complete = true;
    } else {
      for (const path of this.stale) {
        const file = app.vault.getFileByPath(path);
        if (file?.extension === 'md') this.update(app, file, lists);
        else this.forget(path);
      }
    }
    this.stale.clear();
    return this;
  }

  /** Forgets the rows of notes no longer in the vault (gone without an event): every note of `files` has its row by now. */
  private forgetAllBut(files: readonly TFile[]): void {
    if (this.rows.size <= files.length) return;
    const seen = new Set(files.map((f) => f.path));
    for (const path of [...this.rows.keys()]) if (!seen.has(path)) this.forget(path);
  }

  /** Task notes of ours by follow-up id (a sync conflict copy may give two), as of the last refresh. */
  taskNotes(): ReadonlyMap<string, TaskNoteAt[]> {
    return this.byId;
  }

  /** The first ACROSS_LIST_LENGTH open task notes due today or before, earliest first, as of the last refresh. */
  due(): TaskNoteAt[] {
    this.dueList ??= firstOf(this.dueRows.values(), byDue);
    return this.dueList;
  }

  /** The first ACROSS_LIST_LENGTH applications waiting too long, longest first, as of the last refresh. */
  waiting(): WaitingApplication[] {
    return this.waitingEntries().map(({ noteName, path, days, summary }) => ({ noteName, path, days, summary: summary ?? '' }));
  }

  private waitingEntries(): WaitingEntry[] {
    this.waitingList ??= firstOf(this.waitingRows.values(), byWait);
    return this.waitingList;
  }

  private update(app: App, file: TFile, lists: Lists | undefined, fresh = false): void {
    // null, never undefined: undefined is a note without a row.
    const source = app.metadataCache.getFileCache(file) ?? null;
    const old = fresh ? undefined : this.rows.get(file.path);
    if (old === source) return;
    // Without a row, the note has nothing in the lists to take back.
    if (old !== undefined) this.forget(file.path);
    this.reads += 1;
    const fm: unknown = source?.frontmatter;
    const task = taskOf(file, isRecord(fm) ? fm : undefined);
    if (task) {
      this.tasks.set(file.path, task);
      addTaskNoteById(this.byId, task);
      if (lists && isDue(task, lists.today)) {
        this.dueRows.set(file.path, task);
        if (!leavesListAsIs(this.dueList, task, byDue)) this.dueList = undefined;
      }
    }
    const waiting = !task && lists && waitingRow(app, file, source, lists);
    if (waiting) {
      this.waitingRows.set(file.path, waiting);
      if (!leavesListAsIs(this.waitingList, waiting, byWait)) this.waitingList = undefined;
    }
    this.rows.set(file.path, source);
  }

  private forget(path: string): void {
    const task = this.tasks.get(path);
    this.rows.delete(path);
    this.tasks.delete(path);
    const waiting = this.waitingRows.get(path);
    if (waiting && this.waitingRows.delete(path) && !leavesListAsIs(this.waitingList, waiting, byWait)) this.waitingList = undefined;
    const due = this.dueRows.get(path);
    if (due && this.dueRows.delete(path) && !leavesListAsIs(this.dueList, due, byDue)) this.dueList = undefined;
    if (!task) return;
    const rest = (this.byId.get(task.id) ?? []).filter((t) => t !== task);
    if (rest.length > 0) this.byId.set(task.id, rest);
    else this.byId.delete(task.id);
  }
}

/** What the pane's lists are computed for. */
interface Lists {
  key: string;
  settings: Settings;
  today: CalendarDate;
  /** Only the stage and dates of each note (core/waiting.ts): no people, no advice. */
  waitingDays: ReturnType<typeof waitingReader>;
  /** The notes as the core reads them, for this pass's vault (made at its first note). */
  inputs: ReturnType<typeof noteInputs> | undefined;
  notes: VaultNotes;
}

function waitingRow(app: App, file: TFile, source: CachedMetadata | null, pass: Lists): WaitingEntry | undefined {
  // Pack notes (the person's experts) are outside the core's scope rule, as in waitingReader.
  if (file.extension !== 'md') return undefined;
  pass.inputs ??= noteInputs(pass.notes, pass.settings);
  const days = pass.waitingDays(pass.inputs(file, source?.frontmatter));
  if (!isWaitingTooLong(days, pass.settings)) return undefined;
  return { noteName: file.basename, path: file.path, days, source };
}

/** The row's one line, from the note read in full (its interviewers are named in it). */
function summaryFor(app: App, row: WaitingEntry, pass: Lists): string {
  const file = app.vault.getFileByPath(row.path);
  const read = file && applicationOn(noteInput(pass.notes, file, row.source?.frontmatter, pass.settings), pass.settings);
  return read?.kind === 'application' ? waitingSummary(read.application, pass.today) : '';
}
