// What the pane shows of the note it follows, the same in every host (the Obsidian pane and the
// VS Code advice view draw one state with one renderer): an application's report, its follow-ups
// each with its state, the connection note to send; on any other note, how one is recognised.
import { FIELD_ALIASES } from '../core/fields';
import type { FollowUpStatus } from '../core/memory';
import type { AdviceReport, FollowUp } from '../core/model';
import type { Settings } from '../core/settings';
import type { AdvicePaneState } from './advice-pane-render';

function scopeText(settings: Settings): string | undefined {
  if (settings.applicationScope === 'folder') return `Only notes in the folder "${settings.applicationsFolder || '/'}" are read as applications (a setting).`;
  if (settings.applicationScope === 'tag') return `Only notes tagged #${settings.applicationsTag} are read as applications (a setting).`;
  return undefined;
}

/** For a note that is not an application: the stage fields and words that make one, and the scope setting. */
export function notApplicationHelp(settings: Settings): NonNullable<AdvicePaneState['notApplication']> {
  const stageField = settings.fieldMap.stage;
  const scope = scopeText(settings);
  return {
    stageFields: stageField ? [stageField] : FIELD_ALIASES.stage,
    stageExamples: ['Applied', 'Screening', 'Interviewing', 'Offer', 'Rejected', 'Ghosted'],
    ...(scope ? { scope } : {}),
  };
}

/** An application's part of the pane; `statusOf` is each follow-up's state (the core's followUpStatus). */
export function applicationPart(
  report: AdviceReport,
  followUps: FollowUp[],
  statusOf: (f: FollowUp) => FollowUpStatus,
  settings: Settings,
): Pick<AdvicePaneState, 'report' | 'followUps' | 'states' | 'draftLimit' | 'draft'> {
  const states: Record<string, FollowUpStatus> = {};
  for (const f of followUps) states[f.id] = statusOf(f);
  const part: ReturnType<typeof applicationPart> = { report, followUps, states, draftLimit: settings.connectionNoteLimit };
  // The connection note is the planned request's own draft, written for this moment and person.
  const request = followUps.find((f) => f.kind === 'connection-request' && f.draft !== undefined);
  if (request?.draft !== undefined) part.draft = request.draft;
  return part;
}
