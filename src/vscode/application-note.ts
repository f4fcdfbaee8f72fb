// One note's text, as the advice for it: the frontmatter read the same safe way as the command-line
// tool, then the core's one pipeline (adviseOn), so a note gets the same callout from every host.
import { insertOrRefreshBlock, renderAdviceCallout } from '../core/callout';
import type { AdviceReport, CalendarDate, FollowUp } from '../core/model';
import { adviseOn } from '../core/pipeline';
import { readFrontmatter } from '../cli/frontmatter';
import type { Knowledge } from '../core/knowledge';
import { isPackNote } from './advice-pack';
import type { HostSettings } from './settings';

export type NoteReading =
  | { kind: 'application'; report: AdviceReport; followUps: FollowUp[] }
  /** Not an application (no stage field, a task note of ours): nothing to advise on. */
  | { kind: 'not-application' }
  /** Looks like one, but something in it cannot be read: one line naming the problem. */
  | { kind: 'problem'; message: string };

/** `knowledge`: the nine and the folder's advice pack (the nine alone when absent). */
export function readNote(text: string, notePath: string, settings: HostSettings, today: CalendarDate, knowledge?: Knowledge): NoteReading {
  // A pack note is the person's own expert, never an application, whatever its properties say.
  if (isPackNote(notePath, settings)) return { kind: 'not-application' };
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
