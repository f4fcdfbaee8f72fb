// One note's text, as the advice for it: the frontmatter read the same safe way as the command-line
// tool, then the core's one pipeline (adviseOn), so a note gets the same callout from every host.
import { insertOrRefreshBlock, renderAdviceCallout } from '../core/callout';
import type { AdviceReport, CalendarDate, FollowUp, Problem } from '../core/model';
import { packNoteView, type PackNoteView } from '../core/packs';
import { isPackNote } from '../core/scope';
import { adviseOn } from '../core/pipeline';
import { readFrontmatter } from '../cli/frontmatter';
import { BUILT_IN_KNOWLEDGE, type Knowledge } from '../core/knowledge';
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
  const parsed = readFrontmatter(text);
  if (!parsed.ok) return { kind: 'problem', message: parsed.message };
  const advised = adviseOn({ path: notePath, frontmatter: parsed.hasFrontmatter ? parsed.frontmatter : undefined, body: parsed.body }, today, settings, knowledge);
  if (advised.kind === 'problem') return { kind: 'problem', message: advised.problem.message };
  if (advised.kind === 'not-an-application') return { kind: 'not-application' };
  return { kind: 'application', report: advised.report, followUps: advised.followUps };
}

/** The note's text with the advice block inserted or refreshed; the same text when nothing changes. */
export function withAdvice(text: string, reading: Extract<NoteReading, { kind: 'application' }>, settings: HostSettings): string {
  return insertOrRefreshBlock(text, renderAdviceCallout(reading.report, reading.followUps, { folded: settings.calloutFolded }), settings.calloutPlacement);
}
