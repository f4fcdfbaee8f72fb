// What the advice pane's vault-wide lists need from each note, kept between draws. A redraw reads
// only the notes the vault said changed (or renamed, created), and even those only when the metadata
// cache holds a new object for them: Obsidian replaces a note's cached metadata when it changes.
// A new day or new settings start again from every note.
import type { App, CachedMetadata, Component, TFile } from 'obsidian';
import { readApplication } from '../core/application';
import { daysBetween } from '../core/dates';
import type { CalendarDate } from '../core/model';
import { momentOf } from '../core/moment';
import { isApplicationNote } from './application-notes';
import { toCoreSettings } from './settings';
import type { PluginSettings } from './settings';
import { taskNoteInfo } from './task-notes';
import type { TaskNoteInfo } from './task-notes';

/** An application with no answer for at least the "waiting too long" days. */
export interface WaitingRow {
  noteName: string;
  path: string;
  summary: string;
  days: number;
}

interface NoteRow {
  /** The cached metadata this row was computed from. */
  source: CachedMetadata | null;
  task?: TaskNoteInfo;
}

export class VaultIndex {
  private readonly rows = new Map<string, NoteRow>();
  private readonly stale = new Set<string>();
  private readonly byId = new Map<string, TaskNoteInfo[]>();
  private readonly waitingRows = new Map<string, WaitingRow>();
  private readonly dueRows = new Map<string, TaskNoteInfo>();
  /** Today and the settings the rows were computed for. */
  private key: string | undefined;
  private complete = false;
  /** The lists as last drawn, until a row of theirs changes. */
  private dueList: TaskNoteInfo[] | undefined;
  private waitingList: WaitingRow[] | undefined;
  /** Notes read so far (each one whose row was computed). */
  reads = 0;

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

  /** Brings the rows up to date; cheap when little changed. */
  refresh(app: App, settings: PluginSettings, today: CalendarDate): this {
    const key = JSON.stringify([today, settings]);
    if (key !== this.key) {
      this.key = key;
      this.rows.clear();
      this.byId.clear();
      this.waitingRows.clear();
      this.dueRows.clear();
      this.dueList = undefined;
      this.waitingList = undefined;
      this.complete = false;
    }
    const pass = { app, settings, today, core: toCoreSettings(settings) };
    if (!this.complete) {
      const seen = new Set<string>();
      for (const file of app.vault.getMarkdownFiles()) {
        seen.add(file.path);
        this.update(file, pass);
      }
      for (const path of [...this.rows.keys()]) if (!seen.has(path)) this.forget(path);
      this.complete = true;
    } else {
      for (const path of this.stale) {
        const file = app.vault.getFileByPath(path);
        if (file?.extension === 'md') this.update(file, pass);
        else this.forget(path);
      }
    }
    this.stale.clear();
    return this;
  }

  /** Task notes of ours by follow-up id (a sync conflict copy may give two), as of the last refresh. */
  taskNotes(): ReadonlyMap<string, TaskNoteInfo[]> {
    return this.byId;
  }

  /** The first `LIST_LENGTH` open task notes due today or before, earliest first, as of the last refresh. */
  due(): TaskNoteInfo[] {
    this.dueList ??= firstOf(this.dueRows.values(), byDue);
    return this.dueList;
  }

  /** The first `LIST_LENGTH` applications waiting too long, longest first, as of the last refresh. */
  waiting(): WaitingRow[] {
    this.waitingList ??= firstOf(this.waitingRows.values(), byWait);
    return this.waitingList;
  }

  private update(file: TFile, pass: Pass): void {
    const source = pass.app.metadataCache.getFileCache(file);
    const old = this.rows.get(file.path);
    if (old && old.source === source) return;
    this.forget(file.path);
    this.reads += 1;
    const row: NoteRow = { source };
    const task = taskNoteInfo(pass.app, file);
    if (task) {
      row.task = task;
      const list = this.byId.get(task.id);
      // By path, so the first one is the same whatever order the notes were read in.
      if (list) {
        list.push(task);
        list.sort((x, y) => x.path.localeCompare(y.path));
      } else this.byId.set(task.id, [task]);
      if (!task.done && task.due !== undefined && task.due <= pass.today) {
        this.dueRows.set(file.path, task);
        if (!unchangedBy(this.dueList, task, byDue)) this.dueList = undefined;
      }
    }
    const waiting = !task && waitingRow(file, source, pass);
    if (waiting) {
      this.waitingRows.set(file.path, waiting);
      if (!unchangedBy(this.waitingList, waiting, byWait)) this.waitingList = undefined;
    }
    this.rows.set(file.path, row);
  }

  private forget(path: string): void {
    const task = this.rows.get(path)?.task;
    this.rows.delete(path);
    const waiting = this.waitingRows.get(path);
    if (waiting && this.waitingRows.delete(path) && !unchangedBy(this.waitingList, waiting, byWait)) this.waitingList = undefined;
    const due = this.dueRows.get(path);
    if (due && this.dueRows.delete(path) && !unchangedBy(this.dueList, due, byDue)) this.dueList = undefined;
    if (!task) return;
    const rest = (this.byId.get(task.id) ?? []).filter((t) => t !== task);
    if (rest.length > 0) this.byId.set(task.id, rest);
    else this.byId.delete(task.id);
  }
}

/** How many rows each vault-wide list shows. */
export const LIST_LENGTH = 30;

/** The first LIST_LENGTH items in `order` (ties broken by path: the same whatever order the notes were read in), without sorting thousands of rows to show thirty. */
function firstOf<T>(items: Iterable<T>, order: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  for (const item of items) {
    const last = first[first.length - 1];
    if (first.length === LIST_LENGTH && last !== undefined && order(item, last) >= 0) continue;
    let at = first.length;
    while (at > 0 && order(item, first[at - 1] as T) < 0) at -= 1;
    first.splice(at, 0, item);
    if (first.length > LIST_LENGTH) first.pop();
  }
  return first;
}

const byDue = (a: TaskNoteInfo, b: TaskNoteInfo): number => compare(a.due ?? '', b.due ?? '') || a.title.localeCompare(b.title) || compare(a.path, b.path);
const byWait = (a: WaitingRow, b: WaitingRow): number => b.days - a.days || compare(a.path, b.path);

/** Whether adding or removing `row` leaves the full `list` as it is: the row comes after its last. */
function unchangedBy<T>(list: T[] | undefined, row: T, order: (a: T, b: T) => number): boolean {
  const last = list?.[LIST_LENGTH - 1];
  return last !== undefined && order(row, last) > 0;
}

/** Code-unit order: quick for thousands of rows. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Pass {
  app: App;
  settings: PluginSettings;
  today: CalendarDate;
  core: ReturnType<typeof toCoreSettings>;
}

function waitingRow(file: TFile, source: CachedMetadata | null, pass: Pass): WaitingRow | undefined {
  if (!isApplicationNote(pass.app, file, pass.settings)) return undefined;
  // The moment needs only the note's own stage and dates: no people's notes, no advice.
  const read = readApplication({ frontmatter: source?.frontmatter, path: file.path }, pass.core);
  if (!read.ok) return undefined;
  const a = read.application;
  const { moment, summary } = momentOf(a, pass.today);
  if (moment !== 'waiting' && moment !== 'ghosted') return undefined;
  const last = [a.applied, ...a.interviews.map((i) => i.date)].filter((d): d is string => Boolean(d) && (d ?? '') <= pass.today).sort().pop();
  const days = last ? daysBetween(last, pass.today) : 0;
  if (days < pass.settings.waitingTooLongDays) return undefined;
  return { noteName: file.basename, path: file.path, summary, days };
}
