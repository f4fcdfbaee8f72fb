// The pane's state for a scene, as the plugin's adapters would compute it in a vault where the
// person created the first follow-up task of each application and left the others planned; then
// drawn by the project's real pane renderer. Buttons get working no-op actions so all of them show.
import { renderAdvicePane, type AdvicePaneActions, type AdvicePaneState } from '../../src/ui/advice-pane-render';
import { acrossSection, byDue, byWait, firstOf, isDue, waitingSummary, waitingTooLong } from '../../src/core/across';
import type { AcrossLists, TaskNoteAt, WaitingApplication } from '../../src/core/across';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { CoreSettings } from '../../src/core/model';
import type { Scene } from './scenes';

/**
 * The section "Across your applications" by the core's rules (src/core/across.ts), each scene on
 * its own day: its first follow-up as a created task note, its application as it waits.
 */
function vaultLists(all: Scene[], taskPath: (title: string) => string): AcrossLists {
  const due: TaskNoteAt[] = [];
  const waiting: WaitingApplication[] = [];
  for (const scene of all) {
    const today = scene.report.today;
    const first = scene.followUps[0];
    const task = first && { id: first.id, title: first.title, done: false, due: first.due, path: taskPath(first.title) };
    if (task && isDue(task, today)) due.push(task);
    const app = scene.application;
    const days = waitingTooLong(app, today, DEFAULT_SETTINGS);
    if (days !== undefined) waiting.push({ noteName: app.noteName, path: app.path, days, summary: waitingSummary(app, today) });
  }
  return acrossSection(firstOf(due, byDue), firstOf(waiting, byWait));
}

export function paneState(scene: Scene, all: Scene[], settings: CoreSettings): AdvicePaneState {
  const { report, followUps, application } = scene;
  const taskPath = (title: string): string => `${settings.tasksFolder}/${title}.md`;
  const states: NonNullable<AdvicePaneState['states']> = {};
  followUps.forEach((f, n) => {
    states[f.id] = n === 0 ? { state: 'created', path: taskPath(f.title) } : { state: 'planned' };
  });
  const state: AdvicePaneState = {
    today: report.today,
    notePath: application.path,
    noteName: application.noteName,
    report,
    followUps,
    states,
    draftLimit: settings.connectionNoteLimit,
    ...vaultLists(all, taskPath),
  };
  const request = followUps.find((f) => f.kind === 'connection-request' && f.draft !== undefined);
  if (request?.draft !== undefined) state.draft = request.draft;
  return state;
}

const noop = (): void => undefined;

/** What the page's stand-in host was asked to do, for the browser tests to read back. */
export interface PageHostLog {
  setDone: { path: string; done: boolean }[];
  toggled: { key: string; open: boolean }[];
}

/**
 * Draws the scene's pane with a stand-in host that does what the plugin does, in memory: ticking a
 * follow-up marks it done (the plugin writes the task note, then the pane redraws from the vault),
 * folding is remembered across redraws.
 */
export function renderScenePane(container: HTMLElement, scene: Scene, all: Scene[], settings: CoreSettings, log?: PageHostLog): void {
  const state = paneState(scene, all, settings);
  const open: Record<string, boolean> = {};
  const draw = (): void => renderAdvicePane(container, { ...state, open }, actions);
  const actions: AdvicePaneActions = {
    onCreateFollowUps: noop,
    onInsertCallout: noop,
    onCopyDraft: noop,
    onOpen: noop,
    onToggle: (key, isOpen) => {
      open[key] = isOpen;
      log?.toggled.push({ key, open: isOpen });
    },
    onSetDone: (path, done) => {
      log?.setDone.push({ path, done });
      for (const [id, s] of Object.entries(state.states ?? {})) {
        if (s.path === path) state.states![id] = { state: done ? 'done' : 'created', path };
      }
      draw();
    },
  };
  draw();
}
