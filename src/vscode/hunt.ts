// The whole hunt in the advice view: every application note in the workspace folder, read the same
// safe way as the open note and advised by the core's one pipeline, then the core's overview
// (applications by stage, each open one's next step) and its section "Across your applications"
// (task notes due, applications waiting too long), both from the one read. The view draws again at
// each pause in typing, so a note is read again only when its size or modification time changed.
import * as vscode from 'vscode';
import { acrossLists } from '../core/across';
import type { AcrossLists, TaskNoteAt } from '../core/across';
import { noteNameOf } from '../core/application';
import { huntOverviewOf } from '../core/hunt-overview';
import type { AdvisedNote, HuntOverview } from '../core/hunt-overview';
import type { CalendarDate } from '../core/model';
import { adviseOn } from '../core/pipeline';
import { readTaskNote } from '../core/task-note';
import { decodeUtf8Exactly } from '../core/utf8';
import { summaryOf } from '../core/wording';
import { readFrontmatter } from '../cli/frontmatter';
import type { Knowledge } from '../core/knowledge';
import type { FoundNote } from '../core/memory';
import type { HostSettings } from './settings';
import type { WorkspaceFiles } from './workspace-files';

interface Row {
  /** Size and modification time the row was read at. */
  stamp: string;
  advised?: AdvisedNote;
  task?: { state: TaskNoteAt; note: FoundNote };
}

/** What the view shows of the whole folder. */
export interface FolderView {
  overview: HuntOverview;
  across: AcrossLists;
  /** Every task note of ours in the folder, for the follow-ups' states (src/vscode/follow-ups.ts). */
  taskNotes: FoundNote[];
}

/** How many notes a draw asks the file system about at once. */
const AT_ONCE = 32;

/** Folders of code, not notes: a workspace folder may be a project with its notes beside it. */
const NOT_NOTES = new Set(['node_modules']);

/** The note as an application advised, or as a task note of ours; neither when it is something else. */
function rowOf(path: string, bytes: Uint8Array, settings: HostSettings, today: CalendarDate, knowledge: Knowledge | undefined): Omit<Row, 'stamp'> {
  const text = decodeUtf8Exactly(bytes);
  if (!text.ok) return {}; // not UTF-8: the view says so when that note is opened
  const parsed = readFrontmatter(text.text);
  if (!parsed.ok || !parsed.hasFrontmatter) return {};
  const task = readTaskNote(parsed.frontmatter, noteNameOf(path));
  if (task) return { task: { state: { ...task, path }, note: { path, frontmatter: parsed.frontmatter } } };
  const advised = adviseOn({ path, frontmatter: parsed.frontmatter, body: parsed.body }, today, settings, knowledge);
  if (advised.kind !== 'advice') return {};
  return { advised: { path, frontmatter: parsed.frontmatter, application: advised.report.application, followUps: advised.followUps, momentSummary: summaryOf(advised.report) } };
}

export class HuntScan {
  private key = '';
  private knowledge: Knowledge | undefined;
  private readonly rows = new Map<string, Row>();

  /** The note's row read again, or undefined when it is unchanged since its row (or gone since listed). */
  private async changedRow(files: WorkspaceFiles, path: string, settings: HostSettings, today: CalendarDate, knowledge: Knowledge | undefined): Promise<Row | undefined> {
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
    return { stamp, ...rowOf(path, bytes, settings, today, knowledge) };
  }

  async read(files: WorkspaceFiles, settings: HostSettings, today: CalendarDate, knowledge?: Knowledge): Promise<FolderView> {
    const key = JSON.stringify([files.root.toString(), today, settings]);
    if (key !== this.key || knowledge !== this.knowledge) {
      // Another folder, day, settings or advice pack: every note is read again.
      this.key = key;
      this.knowledge = knowledge;
      this.rows.clear();
    }
    const paths = await files.notesBelow('', (folder) => NOT_NOTES.has(folder.split('/').pop() ?? ''));
    const present = new Set(paths);
    // A batch at a time: a draw asks after hundreds of notes, each waiting on the file system.
    for (let at = 0; at < paths.length; at += AT_ONCE) {
      const batch = paths.slice(at, at + AT_ONCE);
      const rows = await Promise.all(batch.map((path) => this.changedRow(files, path, settings, today, knowledge)));
      rows.forEach((row, i) => row && this.rows.set(batch[i] as string, row));
    }
    for (const path of [...this.rows.keys()]) if (!present.has(path)) this.rows.delete(path);
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
}
