// What the advice pane shows for a note, computed from the vault through the adapters. The pane
// itself only draws this.
import type { App, TFile } from 'obsidian';
import { acrossSection } from '../core/across';
import type { CalendarDate } from '../core/model';
import { isPackNote } from '../core/scope';
import { adviseOnNote, frontmatterOf, isApplicationNote } from '../obsidian/application-notes';
import { followUpStatus } from '../core/memory';
import type { VaultMemory } from '../obsidian/memory';
import type { Settings } from '../core/settings';
import { PipelineCache } from '../obsidian/hunt';
import { VaultIndex } from '../obsidian/vault-index';
import type { VaultNotes } from '../obsidian/vault-notes';
import type { AdvicePaneState } from './advice-pane-render';
import { applicationPart, notApplicationHelp } from './advice-pane-note';

export interface PaneSources {
  app: App;
  settings: Settings;
  /** The one memory of created follow-ups (and the plugin's vault index it reads task notes from). */
  memory: VaultMemory;
  today: CalendarDate;
  /** The plugin's reading of the vault: inline fields, the learnt date order, the pack the advice comes from. */
  notes: VaultNotes;
  /** Kept between draws by the plugin; without it every note is read for this one draw. */
  index?: VaultIndex;
  /** The whole hunt kept between draws by the plugin; without it every application is advised for this one draw. */
  pipeline?: PipelineCache;
}

/**
 * The pane's state for `file` (the active note, or null), with the vault-wide lists; and the whole
 * hunt when the note is not an application or `withPipeline` asks for it.
 */
export function advicePaneState(file: TFile | null, s: PaneSources, withPipeline = false): AdvicePaneState {
  const state = noteState(file, s);
  const problems = s.notes.pack.problems;
  if (problems.length > 0) state.packProblems = problems;
  // With no note open, the vault-wide lists say enough; the whole hunt reads every application.
  if (withPipeline || (file && !state.report)) state.pipeline = (s.pipeline ?? new PipelineCache(s.notes)).overview(s.settings, s.today);
  return state;
}

function noteState(file: TFile | null, s: PaneSources): AdvicePaneState {
  const vault = (s.index ?? new VaultIndex(s.notes)).refresh(s.app, s.settings, s.today);
  const index = vault.taskNotes();
  const state: AdvicePaneState = { today: s.today, ...acrossSection(vault.due(), vault.waiting()) };
  if (!file) return state;
  state.notePath = file.path;
  state.noteName = file.basename;
  const notApplication = notApplicationHelp(s.settings);
  // A note of the advice pack: what it defines, not "not an application" (never one: scope.ts).
  const pack = file.extension === 'md' && isPackNote(file.path, s.settings) ? s.notes.pack.noteView(file.path) : undefined;
  if (pack) {
    state.packNote = pack;
    return state;
  }
  if (file.extension !== 'md' || !isApplicationNote(s.notes, file, s.settings)) {
    const cache = s.app.metadataCache.getFileCache(file);
    // Properties that are there but unreadable: say so, rather than "not an application".
    if (cache?.frontmatterPosition && !cache.frontmatter) state.problem = `${file.basename}: its properties (YAML) can't be read. Fix them and the advice comes back.`;
    else state.notApplication = notApplication;
    return state;
  }
  const advised = adviseOnNote(s.notes, file, frontmatterOf(s.app, file), s.settings, s.today);
  if (advised.kind === 'not-an-application') {
    state.notApplication = notApplication;
    return state;
  }
  if (advised.kind === 'problem') {
    state.problem = `${file.basename}: ${advised.problem.message}`;
    return state;
  }
  const memory = s.memory.current();
  return Object.assign(state, applicationPart(advised.report, advised.followUps, (f) => followUpStatus(f, index, memory), s.settings));
}

