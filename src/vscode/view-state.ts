// What the advice view shows for the active editor: the same state the Obsidian pane draws, so the
// webview draws it with the same renderer (src/ui/advice-pane-render.ts).
import { FIELD_ALIASES } from '../core/fields';
import type { FollowUpStatus } from '../core/memory';
import type { CalendarDate } from '../core/model';
import type { AdvicePaneState } from '../ui/advice-pane-render';
import type { NoteReading } from './application-note';
import type { HostSettings } from './settings';

/** Follow-up id -> whether a task note exists (or existed). Missing ids are planned. */
export type FollowUpStates = Record<string, FollowUpStatus>;

export function viewState(
  note: { path: string; name: string } | undefined,
  reading: NoteReading | undefined,
  states: FollowUpStates,
  settings: HostSettings,
  today: CalendarDate,
): AdvicePaneState {
  const state: AdvicePaneState = { today };
  if (!note || !reading) return state;
  state.notePath = note.path;
  state.noteName = note.name;
  if (reading.kind === 'problem') {
    state.problem = `${note.name}: ${reading.message}`;
    return state;
  }
  if (reading.kind === 'pack-note') {
    state.packNote = reading.view;
    return state;
  }
  if (reading.kind === 'not-application') {
    const stageField = settings.fieldMap.stage;
    state.notApplication = {
      stageFields: stageField ? [stageField] : FIELD_ALIASES.stage,
      stageExamples: ['Applied', 'Screening', 'Interviewing', 'Offer', 'Rejected', 'Ghosted'],
    };
    return state;
  }
  const { report, followUps } = reading;
  state.report = report;
  state.followUps = followUps;
  state.states = {};
  for (const f of followUps) state.states[f.id] = states[f.id] ?? { state: 'planned' };
  state.draftLimit = settings.connectionNoteLimit;
  // The connection note is the planned request's own draft, written for this moment and person.
  const request = followUps.find((f) => f.kind === 'connection-request' && f.draft !== undefined);
  if (request?.draft !== undefined) state.draft = request.draft;
  return state;
}
