// The commands. Those about one application are offered only on an application note; none has a
// default hotkey.
import { MarkdownView, TFile } from 'obsidian';
import type { App, Editor, MarkdownFileInfo, Plugin } from 'obsidian';
import { findBlock } from '../core/callout';
import type { CalendarDate } from '../core/model';
import { adviseInEditor, removeAdvice } from '../obsidian/advice-notes';
import type { AdviceOutcome } from '../obsidian/advice-notes';
import { frontmatterOf, isApplicationNote } from '../obsidian/application-notes';
import type { Settings } from '../core/settings';
import { registerHuntCommands } from './hunt-commands';
import { problemNotice } from './notices';

export interface CommandHost {
  app: App;
  settings: Settings;
  today(): CalendarDate;
  activatePane(): Promise<void>;
  /** Redraws open advice panes (after a command wrote to a note). */
  redrawPanes(): void;
  createFollowUps(file: TFile): Promise<void>;
}

function fileOf(ctx: MarkdownView | MarkdownFileInfo): TFile | null {
  return ctx.file ?? null;
}

/**
 * Offered on application notes, and on notes whose properties the cache could not read (broken
 * YAML), so running it can say what is wrong instead of the command silently missing.
 */
function offerAdvice(host: CommandHost, editor: Editor, file: TFile): boolean {
  if (isApplicationNote(host.app, file, host.settings)) return true;
  return frontmatterOf(host.app, file) === undefined && /^\uFEFF?---\s*$/.test(editor.getLine(0));
}

export function registerCommands(plugin: Plugin, host: CommandHost): void {
  plugin.addCommand({
    id: 'advise-on-this-application',
    name: 'Advise on this application',
    editorCheckCallback: (checking, editor, ctx) => {
      const file = fileOf(ctx);
      if (!file || !offerAdvice(host, editor, file)) return false;
      if (checking) return true;
      const done = (outcome: AdviceOutcome): void => {
        if (!outcome.ok) problemNotice(outcome.message);
        else void host.activatePane().then(() => host.redrawPanes());
      };
      // A promise only when the note's bytes must be checked first (see adviseInEditor).
      const outcome = adviseInEditor(host.app, editor, file, host.settings, host.today());
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
      if (!file || !isApplicationNote(host.app, file, host.settings)) return false;
      if (!checking) void host.createFollowUps(file);
      return true;
    },
  });

  plugin.addCommand({
    id: 'remove-advice-callout',
    name: 'Remove advice callout',
    editorCheckCallback: (checking, editor, ctx) => {
      const file = fileOf(ctx);
      if (!file || !findBlock(editor.getValue())) return false;
      if (!checking) {
        void removeAdvice(host.app, file, editor).then((outcome) => {
          if (!outcome.ok) problemNotice(outcome.message);
          host.redrawPanes();
        });
      }
      return true;
    },
  });

  registerHuntCommands(plugin, host);
}
