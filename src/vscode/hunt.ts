// The whole hunt in the advice view: every application note in the workspace folder, read the same
// safe way as the open note and advised by the core's one pipeline, then the core's overview
// (applications by stage, each open one's next step) and its section "Across your applications"
// (task notes due, applications waiting too long), both from the one read. The view draws again at
// each pause in typing, so a note is read again only when its size or modification time changed.
// A date such as 03/04/2026 (date order Automatic) reads in the order the folder's notes show, as
// from the CLI: the order is learnt from the notes this read found, and a note read in it is
// advised again when another note turns it.
import * as vscode from 'vscode';
import { acrossLists } from '../core/across';
import type { AcrossLists, TaskNoteAt } from '../core/across';
import { noteNameOf } from '../core/application';
import { huntOverviewOf } from '../core/hunt-overview';
import type { AdvisedNote, HuntOverview } from '../core/hunt-overview';
import { LearntDateOrder } from '../core/learnt-date-order';
import type { CalendarDate } from '../core/model';
import { adviseOn } from '../core/pipeline';
import type { NoteInput } from '../core/pipeline';
import { countsTowardDateOrder } from '../core/scope';
import { readTaskNote } from '../core/task-note';
import { decodeUtf8Exactly } from '../core/utf8';
import { summaryOf } from '../core/wording';
import { readFrontmatter } from '../cli/frontmatter';
import type { Knowledge } from '../core/knowledge';
import type { FoundNote } from '../core/memory';
import type { HostSettings } from './settings';
import type { WorkspaceFiles } from './workspace-files';

/** A note's frontmatter and the text below it. */
interface Parsed {
  frontmatter: unknown;
  body: string;
}

interface Row {
  /** Size and modification time the row was read at. */
  stamp: string;
  /** The frontmatter, when the note's dates count toward the folder's day/month order. */
  dates?: unknown;
  advised?: AdvisedNote;
  task?: { state: TaskNoteAt; note: FoundNote };
  /** Kept when the note was read in the folder's learnt order: advised again when that order turns. */
  ordered?: Parsed;
}

/** What the view shows of the whole folder. */
export interface FolderView {
  overview: HuntOverview;
  across: AcrossLists;
  /** Every task note of ours in the folder, for the follow-ups' states (src/vscode/follow-ups.ts). */
  taskNotes: FoundNote[];
}

/** What a note needs of the folder to read a date such as 03/04/2026: its notes, and the order learnt from them. */
export type FolderDates = Pick<NoteInput, 'vaultNotes' | 'rememberDateOrder'>;

/** How many notes a draw asks the file system about at once. */
const AT_ONCE = 32;

/**
 * The note's frontmatter (undefined when it has none: an application may be written in inline
 * fields alone, as the CLI and the plugin read it) and body; undefined when it is not UTF-8.
 */
function parsedOf(bytes: Uint8Array): Parsed | undefined {
  const text = decodeUtf8Exactly(bytes);
  if (!text.ok) return undefined; // not UTF-8: the view says so when that note is opened
  const parsed = readFrontmatter(text.text);
  if (!parsed.ok) return undefined;
  return { frontmatter: parsed.hasFrontmatter ? parsed.frontmatter : undefined, body: parsed.body };
}

/** The note as an application advised, or as a task note of ours; neither when it is something else. */
function rowOf(path: string, parsed: Parsed, settings: HostSettings, today: CalendarDate, knowledge: Knowledge | undefined, dates: FolderDates): Omit<Row, 'stamp' | 'dates'> {
  const task = readTaskNote(parsed.frontmatter, noteNameOf(path));
  if (task) return { task: { state: { ...task, path }, note: { path, frontmatter: parsed.frontmatter } } };
  let ordered = false;
  const rememberDateOrder: FolderDates['rememberDateOrder'] = (learn) => {
    ordered = true;
    return dates.rememberDateOrder?.(learn);
  };
  const advised = adviseOn({ path, frontmatter: parsed.frontmatter, body: parsed.body, ...dates, rememberDateOrder }, today, settings, knowledge);
  if (advised.kind !== 'advice') return ordered ? { ordered: parsed } : {};
  return {
    advised: { path, frontmatter: parsed.frontmatter, application: advised.report.application, followUps: advised.followUps, momentSummary: summaryOf(advised.report) },
    ...(ordered ? { ordered: parsed } : {}),
  };
}

export class HuntScan {
  private key = '';
  private knowledge: Knowledge | undefined;
  private readonly rows = new Map<string, Row>();
  /** Counts the reads that found a note changed, added or gone: the learnt order holds for one. */
  private generation = 0;
  /** The folder's learnt day/month order, keyed on the generation (the settings are the scan's key). */
  private learnt = new LearntDateOrder();
  /** The folder's reads, one after another (inTurn). */
  private turn: Promise<void> = Promise.resolve();

  /** The note's stamp and what it holds, or undefined when it is unchanged since its row (or gone since listed). */
  private async changedNote(files: WorkspaceFiles, path: string): Promise<{ stamp: string; parsed: Parsed | undefined } | undefined> {
    let uri: vscode.Uri;
    let stat: vscode.FileStat;
    try {
      uri = await files.resolve(path);
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return undefined; // gone since it was listed
    }
    const stamp = `${stat.size}:${stat.mtime}`;
    if (this.rows.get(path)?.stamp === stamp) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined;
    }
    return { stamp, parsed: parsedOf(bytes) };
  }

  /** The folder's notes and its learnt order as of the last read, for a note read against them. */
  private dates(): FolderDates {
    const rows = this.rows;
    return {
      vaultNotes: function* () {
        for (const row of rows.values()) if (row.dates !== undefined) yield row.dates;
      },
      rememberDateOrder: (learn) => this.learnt.order(this.generation, '', learn),
    };
  }

  /**
   * `work` after every read of the folder started before it: draws overlap (the editor switched while
   * the view drew), and a read that met another's half-written rows would skip a changed note.
   */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const done = this.turn.then(work);
    this.turn = done.then(() => undefined, () => undefined);
    return done;
  }

  /** Every note of the folder as it is on disk now, each read again only when it changed or the order turned. */
  private async refresh(files: WorkspaceFiles, settings: HostSettings, today: CalendarDate, knowledge: Knowledge | undefined): Promise<void> {
    const key = JSON.stringify([files.root.toString(), today, settings]);
    if (key !== this.key || knowledge !== this.knowledge) {
      // Another folder, day, settings or advice pack: every note is read again.
      this.key = key;
      this.knowledge = knowledge;
      this.rows.clear();
      this.learnt = new LearntDateOrder();
    }
    const paths = await files.notesBelow('');
    const present = new Set(paths);
    const fresh = new Map<string, Parsed | undefined>();
    // A batch at a time: a draw asks after hundreds of notes, each waiting on the file system.
    for (let at = 0; at < paths.length; at += AT_ONCE) {
      const batch = paths.slice(at, at + AT_ONCE);
      const notes = await Promise.all(batch.map((path) => this.changedNote(files, path)));
      notes.forEach((note, i) => {
        const path = batch[i] as string;
        if (!note) return;
        // The same notes as the CLI's and the plugin's (not the tasks folder's).
        this.rows.set(path, note.parsed && countsTowardDateOrder(path, settings) ? { stamp: note.stamp, dates: note.parsed.frontmatter } : { stamp: note.stamp });
        fresh.set(path, note.parsed);
      });
    }
    let gone = false;
    for (const path of [...this.rows.keys()]) {
      if (!present.has(path)) gone = this.rows.delete(path);
    }
    if (fresh.size === 0 && !gone) return; // nothing changed: nothing is read or learnt again
    this.generation += 1;
    // Learnt before (a note needed it) and turned by this change: the notes read in it are read again.
    const turns = this.learnt.turns;
    if (this.learnt.turnsAt(this.generation, '') !== turns) {
      for (const [path, row] of this.rows) if (row.ordered && !fresh.has(path)) fresh.set(path, row.ordered);
    }
    const dates = this.dates();
    for (const [path, parsed] of fresh) {
      const row = this.rows.get(path);
      if (row) this.rows.set(path, { stamp: row.stamp, ...(row.dates !== undefined ? { dates: row.dates } : {}), ...(parsed ? rowOf(path, parsed, settings, today, knowledge, dates) : {}) });
    }
  }

  read(files: WorkspaceFiles, settings: HostSettings, today: CalendarDate, knowledge?: Knowledge): Promise<FolderView> {
    return this.inTurn(async () => {
      await this.refresh(files, settings, today, knowledge);
      return this.view(settings, today);
    });
  }

  private view(settings: HostSettings, today: CalendarDate): FolderView {
    const notes: AdvisedNote[] = [];
    const tasks: TaskNoteAt[] = [];
    const taskNotes: FoundNote[] = [];
    for (const { advised, task } of this.rows.values()) {
      if (advised) notes.push(advised);
      if (task) {
        tasks.push(task.state);
        taskNotes.push(task.note);
      }
    }
    return {
      overview: huntOverviewOf(notes, settings, today),
      across: acrossLists(tasks, notes.map((n) => n.application), today, settings),
      taskNotes,
    };
  }

  /**
   * For the open note: the folder's notes as on disk now and the order learnt from them, the same
   * the whole-folder read advises with (a walk of the folder; a changed note is read again).
   */
  folderDates(files: WorkspaceFiles, settings: HostSettings, today: CalendarDate, knowledge?: Knowledge): Promise<FolderDates> {
    return this.inTurn(async () => {
      await this.refresh(files, settings, today, knowledge);
      return this.dates();
    });
  }
}
