// One note's text, as the advice for it: the same steps as the command-line tool (frontmatter read
// the same safe way, then the core), so a note gets the same callout from every host.
import { advise } from '../core/advice';
import { readApplication } from '../core/application';
import { insertOrRefreshBlock, renderAdviceCallout } from '../core/callout';
import { planFollowUps } from '../core/followups';
import type { AdviceReport, CalendarDate, FollowUp } from '../core/model';
import { readTaskNoteId } from '../core/task-note';
import { readFrontmatter } from '../cli/frontmatter';
import type { HostSettings } from './settings';

export type NoteReading =
  | { kind: 'application'; report: AdviceReport; followUps: FollowUp[] }
  /** Not an application (no stage field, a task note of ours): nothing to advise on. */
  | { kind: 'not-application' }
  /** Looks like one, but something in it cannot be read: one line naming the problem. */
  | { kind: 'problem'; message: string };

/** The note's own message, without the path the core puts in front. */
function withoutPath(message: string, notePath: string): string {
  return message.startsWith(`${notePath}: `) ? message.slice(notePath.length + 2) : message;
}

export function readNote(text: string, notePath: string, settings: HostSettings, today: CalendarDate): NoteReading {
  const parsed = readFrontmatter(text);
  if (!parsed.ok) return { kind: 'problem', message: parsed.message };
  if (!parsed.hasFrontmatter || readTaskNoteId(parsed.frontmatter) !== undefined) return { kind: 'not-application' };
  const result = readApplication({ frontmatter: parsed.frontmatter, body: parsed.body, path: notePath }, settings);
  if (!result.ok) return result.notAnApplication ? { kind: 'not-application' } : { kind: 'problem', message: withoutPath(result.problem.message, notePath) };
  const report = advise(result.application, today);
  return { kind: 'application', report, followUps: planFollowUps(report, settings) };
}

/** The note's text with the advice block inserted or refreshed; the same text when nothing changes. */
export function withAdvice(text: string, reading: Extract<NoteReading, { kind: 'application' }>, settings: HostSettings): string {
  return insertOrRefreshBlock(text, renderAdviceCallout(reading.report, reading.followUps, { folded: settings.calloutFolded }), settings.calloutPlacement);
}
