// What the advice view shows for the active editor: the same state the Obsidian pane draws, so the
// webview draws it with the same renderer (src/ui/advice-pane-render.ts).
import type { FollowUpStatus } from '../core/memory';
import type { CalendarDate } from '../core/model';
import { applicationPart, notApplicationHelp } from '../ui/advice-pane-note';
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
    state.notApplication = notApplicationHelp(settings);
    return state;
  }
  return Object.assign(state, applicationPart(reading.report, reading.followUps, (f) => states[f.id] ?? { state: 'planned' }, settings));
}
