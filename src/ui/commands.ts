// The commands. Those about one application are offered only on an application note; none has a
// default hotkey.
import { MarkdownView, TFile } from 'obsidian';
import type { App, Editor, Plugin } from 'obsidian';
import { findBlock } from '../core/callout';
import type { CalendarDate } from '../core/model';
import { adviseInBackground, adviseInEditor, removeAdvice } from '../obsidian/advice-notes';
import type { AdviceOutcome } from '../obsidian/advice-notes';
import { frontmatterOf, isApplicationNote } from '../obsidian/application-notes';
import type { Settings } from '../core/settings';
import type { VaultNotes } from '../obsidian/vault-notes';
import { registerHuntCommands } from './hunt-commands';
import { problemNotice } from './notices';

export interface CommandHost {
  app: App;
  /** The plugin's reading of the vault, which every advice goes through (its pack included). */
  notes: VaultNotes;
  settings: Settings;
  today(): CalendarDate;
  activatePane(): Promise<void>;
  /** Redraws open advice panes (after a command wrote to a note). */
  redrawPanes(): void;
  createFollowUps(file: TFile): Promise<void>;
}

/**
 * The note in the active Markdown view, with its text and its editor when in editing mode (null in
 * reading view, where writes go through `vault.process` instead).
 */
function activeNote(app: App): { file: TFile; text: string; editor: Editor | null } | null {
  const view = app.workspace.getActiveViewOfType(MarkdownView);
  const file = view?.file;
  if (!view || !file) return null;
  if (view.getMode() === 'source') return { file, text: view.editor.getValue(), editor: view.editor };
  return { file, text: view.getViewData(), editor: null };
}

/**
 * Offered on application notes, and on notes whose properties the cache could not read (broken
 * YAML), so running it can say what is wrong instead of the command silently missing.
 */
function offerAdvice(host: CommandHost, text: string, file: TFile): boolean {
  if (isApplicationNote(host.notes, file, host.settings)) return true;
  return frontmatterOf(host.app, file) === undefined && /^\uFEFF?---\s*$/.test(text.split('\n', 1)[0] ?? '');
}

export function registerCommands(plugin: Plugin, host: CommandHost): void {
  // checkCallback, not editorCheckCallback: also offered on a note open in reading view.
  plugin.addCommand({
    id: 'advise-on-this-application',
    name: 'Advise on this application',
    checkCallback: (checking) => {
      const note = activeNote(host.app);
      if (!note || !offerAdvice(host, note.text, note.file)) return false;
      if (checking) return true;
      const done = (outcome: AdviceOutcome): void => {
        if (!outcome.ok) problemNotice(outcome.message);
        else void host.activatePane().then(() => host.redrawPanes());
      };
      // Editing mode: through the editor (cursor, undo). A promise only when the note's bytes must
      // be checked first (see adviseInEditor). Reading view: on disk, atomically.
      const outcome = note.editor
        ? adviseInEditor(host.notes, note.editor, note.file, host.settings, host.today())
        : adviseInBackground(host.notes, note.file, host.settings, host.today());
      if (outcome instanceof Promise) void outcome.then(done);
      else done(outcome);
      return true;
    },
  });

  plugin.addCommand({
    id: 'open-advice-pane',
    name: 'Open advice pane',
    callback: () => void host.activatePane(),
  });

  plugin.addCommand({
    id: 'create-follow-up-tasks',
    name: 'Create follow-up tasks for this application',
    checkCallback: (checking) => {
      const file = host.app.workspace.getActiveFile();
      if (!file || !isApplicationNote(host.notes, file, host.settings)) return false;
      if (!checking) void host.createFollowUps(file);
      return true;
    },
  });

  plugin.addCommand({
    id: 'remove-advice-callout',
    name: 'Remove advice callout',
    checkCallback: (checking) => {
      const note = activeNote(host.app);
      if (!note || !findBlock(note.text)) return false;
      if (!checking) {
        void removeAdvice(host.app, note.file, note.editor).then((outcome) => {
          if (!outcome.ok) problemNotice(outcome.message);
          host.redrawPanes();
        });
      }
      return true;
    },
  });

  registerHuntCommands(plugin, host);
}
