// The whole hunt in the advice view: every application note in the workspace folder, read the same
// safe way as the open note and advised by the core's one pipeline, then the core's overview
// (applications by stage, each open one's next step). The view draws again at each pause in
// typing, so a note is read again only when its size or modification time changed.
import * as vscode from 'vscode';
import { huntOverviewOf } from '../core/hunt-overview';
import type { AdvisedNote, HuntOverview } from '../core/hunt-overview';
import type { CalendarDate } from '../core/model';
import { adviseOn } from '../core/pipeline';
import { decodeUtf8Exactly } from '../core/utf8';
import { summaryOf } from '../core/wording';
import { readFrontmatter } from '../cli/frontmatter';
import type { Knowledge } from '../core/knowledge';
import type { HostSettings } from './settings';
import type { WorkspaceFiles } from './workspace-files';

interface Row {
  /** Size and modification time the row was read at. */
  stamp: string;
  advised?: AdvisedNote;
}

/** Folders of code, not notes: a workspace folder may be a project with its notes beside it. */
const NOT_NOTES = new Set(['node_modules']);

function advisedNote(path: string, bytes: Uint8Array, settings: HostSettings, today: CalendarDate, knowledge: Knowledge | undefined): AdvisedNote | undefined {
  const text = decodeUtf8Exactly(bytes);
  if (!text.ok) return undefined; // not UTF-8: the view says so when that note is opened
  const parsed = readFrontmatter(text.text);
  if (!parsed.ok || !parsed.hasFrontmatter) return undefined;
  const advised = adviseOn({ path, frontmatter: parsed.frontmatter, body: parsed.body }, today, settings, knowledge);
  if (advised.kind !== 'advice') return undefined;
  return { path, frontmatter: parsed.frontmatter, application: advised.report.application, followUps: advised.followUps, momentSummary: summaryOf(advised.report) };
}

export class HuntScan {
  private key = '';
  private knowledge: Knowledge | undefined;
  private readonly rows = new Map<string, Row>();

  async overview(files: WorkspaceFiles, settings: HostSettings, today: CalendarDate, knowledge?: Knowledge): Promise<HuntOverview> {
    const key = JSON.stringify([files.root.toString(), today, settings]);
    if (key !== this.key || knowledge !== this.knowledge) {
      // Another folder, day, settings or advice pack: every note is read again.
      this.key = key;
      this.knowledge = knowledge;
      this.rows.clear();
    }
    const present = new Set<string>();
    for (const path of await files.notesBelow('', (folder) => NOT_NOTES.has(folder.split('/').pop() ?? ''))) {
      present.add(path);
      let uri: vscode.Uri;
      let stat: vscode.FileStat;
      try {
        uri = await files.resolve(path);
        stat = await vscode.workspace.fs.stat(uri);
      } catch {
        continue; // gone since it was listed
      }
      const stamp = `${stat.size}:${stat.mtime}`;
      if (this.rows.get(path)?.stamp === stamp) continue;
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        continue;
      }
      const advised = advisedNote(path, bytes, settings, today, knowledge);
      this.rows.set(path, advised ? { stamp, advised } : { stamp });
    }
    for (const path of [...this.rows.keys()]) if (!present.has(path)) this.rows.delete(path);
    const notes = [...this.rows.values()].flatMap((r) => (r.advised ? [r.advised] : []));
    return huntOverviewOf(notes, settings, today);
  }
}
