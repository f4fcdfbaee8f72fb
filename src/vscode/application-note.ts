// One note's text, as the advice for it: the frontmatter read the same safe way as the command-line
// tool, then the core's one pipeline (adviseOn), so a note gets the same callout from every host.
import { insertOrRefreshBlock, renderAdviceCallout } from '../core/callout';
import type { AdviceReport, CalendarDate, FollowUp, Problem } from '../core/model';
import { packNoteView, type PackNoteView } from '../core/packs';
import { isPackNote } from '../core/scope';
import { adviseOn, needsVaultNotes } from '../core/pipeline';
import type { Advised, NoteInput } from '../core/pipeline';
import { readFrontmatter } from '../cli/frontmatter';
import { BUILT_IN_KNOWLEDGE, type Knowledge } from '../core/knowledge';
import type { FolderDates } from './hunt';
import type { HostSettings } from './settings';

export type NoteReading =
  | { kind: 'application'; report: AdviceReport; followUps: FollowUp[] }
  /** Not an application (no stage field, a task note of ours): nothing to advise on. */
  | { kind: 'not-application' }
  /** Looks like one, but something in it cannot be read: one line naming the problem. */
  | { kind: 'problem'; message: string }
  /** A note of the advice pack (never an application): the expert it defines, for the view. */
  | { kind: 'pack-note'; view: PackNoteView };

/** `knowledge`: the nine and the folder's advice pack (the nine alone when absent); `packProblems`: that pack's, by note. */
export function readNote(text: string, notePath: string, settings: HostSettings, today: CalendarDate, knowledge?: Knowledge, packProblems: readonly Problem[] = []): NoteReading {
  if (isPackNote(notePath, settings)) return { kind: 'pack-note', view: packNoteView(notePath, knowledge ?? BUILT_IN_KNOWLEDGE, packProblems, settings.expertsOff) };
  const note = noteOf(text, notePath);
  return 'problem' in note ? note.problem : readingOf(adviseOn(note, today, settings, knowledge));
}

/**
 * {@link readNote} with the folder's notes (src/vscode/hunt.ts), fetched only when the note holds a
 * date such as 03/04/2026 that reads in the order they show, as the CLI and the plugin read it.
 */
export async function readNoteInFolder(
  text: string,
  notePath: string,
  settings: HostSettings,
  today: CalendarDate,
  folderDates: () => Promise<FolderDates>,
  knowledge?: Knowledge,
  packProblems: readonly Problem[] = [],
): Promise<NoteReading> {
  if (isPackNote(notePath, settings)) return readNote(text, notePath, settings, today, knowledge, packProblems);
  const note = noteOf(text, notePath);
  if ('problem' in note) return note.problem;
  const dates = needsVaultNotes(note, settings) ? await folderDates() : {};
  return readingOf(adviseOn({ ...note, ...dates }, today, settings, knowledge));
}

/** The note as the pipeline reads it, read the same safe way as the CLI; or why its frontmatter cannot be read. */
function noteOf(text: string, notePath: string): NoteInput | { problem: NoteReading } {
  const parsed = readFrontmatter(text);
  if (!parsed.ok) return { problem: { kind: 'problem', message: parsed.message } };
  return { path: notePath, frontmatter: parsed.hasFrontmatter ? parsed.frontmatter : undefined, body: parsed.body };
}

function readingOf(advised: Advised): NoteReading {
  if (advised.kind === 'problem') return { kind: 'problem', message: advised.problem.message };
  if (advised.kind === 'not-an-application') return { kind: 'not-application' };
  return { kind: 'application', report: advised.report, followUps: advised.followUps };
}

/** The note's text with the advice block inserted or refreshed; the same text when nothing changes. */
export function withAdvice(text: string, reading: Extract<NoteReading, { kind: 'application' }>, settings: HostSettings): string {
  return insertOrRefreshBlock(text, renderAdviceCallout(reading.report, reading.followUps, { folded: settings.calloutFolded }), settings.calloutPlacement);
}
