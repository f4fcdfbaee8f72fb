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

  /** Open task notes due today or before, as of the last refresh. */
  due(): Iterable<TaskNoteInfo> {
    return this.dueRows.values();
  }

  /** Applications waiting too long, as of the last refresh. */
  waiting(): Iterable<WaitingRow> {
    return this.waitingRows.values();
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
      if (!task.done && task.due !== undefined && task.due <= pass.today) this.dueRows.set(file.path, task);
    }
    const waiting = !task && waitingRow(file, source, pass);
    if (waiting) this.waitingRows.set(file.path, waiting);
    this.rows.set(file.path, row);
  }

  private forget(path: string): void {
    const task = this.rows.get(path)?.task;
    this.rows.delete(path);
    this.waitingRows.delete(path);
    this.dueRows.delete(path);
    if (!task) return;
    const rest = (this.byId.get(task.id) ?? []).filter((t) => t !== task);
    if (rest.length > 0) this.byId.set(task.id, rest);
    else this.byId.delete(task.id);
  }
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
