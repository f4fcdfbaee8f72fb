// The commands of the whole hunt: "New job application", "Move application to stage...", "Create
// job hunt dashboard". None has a default hotkey; the stage command is offered on application notes only.
import { Notice, TFile } from 'obsidian';
import type { App, Plugin } from 'obsidian';
import { fieldIndex, findIn } from '../core/fields';
import { parseStage } from '../core/stages';
import { stageChoices } from '../core/vault-schema';
import { isApplicationNote, frontmatterOf } from '../obsidian/application-notes';
import { createApplication, createDashboard, moveToStage, planMove, vaultSchema } from '../obsidian/hunt';
import { InterviewDateModal, NewApplicationModal, StageSuggestModal } from './hunt-dialogs';
import type { StageChoice } from './hunt-dialogs';
import { problemNotice } from './notices';
import type { CalendarDate } from '../core/model';
import type { Settings } from '../core/settings';
import type { VaultNotes } from '../obsidian/vault-notes';

/** What these commands need from the plugin (the plugin itself, in main.ts). */
export interface HuntHost {
  app: App;
  /** The plugin's reading of the vault: which notes are applications, in what schema. */
  notes: VaultNotes;
  settings: Settings;
  today(): CalendarDate;
  activatePane(): Promise<void>;
  redrawPanes(): void;
}

/** Opens the form; on success the new note opens, with its advice in the pane. */
export function openNewApplication(host: HuntHost): NewApplicationModal {
  const stages = stageChoices(vaultSchema(host.notes, host.settings));
  const modal = new NewApplicationModal(host.app, stages, async (values) => {
    const created = await createApplication(host.notes, host.settings, values, host.today());
    if (!created.ok) return created.message;
    await host.app.workspace.getLeaf(false).openFile(created.value);
    new Notice(`Created "${created.value.path}".`);
    await host.activatePane();
    host.redrawPanes();
    return undefined;
  });
  modal.open();
  return modal;
}

function currentStage(host: HuntHost, file: TFile): string | undefined {
  const fm = frontmatterOf(host.app, file);
  const field = fm ? findIn(fieldIndex(fm), 'stage', host.settings.fieldMap) : undefined;
  const reading = field ? parseStage(field.value, host.settings.stageAliases) : undefined;
  return reading?.ok ? reading.stage : undefined;
}

/** Moves the note to the chosen stage; asks for the interview date first when the move needs one. */
export async function moveApplication(host: HuntHost, file: TFile, word: string, interviewDate?: string): Promise<boolean> {
  const move = { word, on: host.today(), ...(interviewDate ? { interviewDate } : {}) };
  const moved = await moveToStage(host.notes, file, host.settings, move);
  if (!moved.ok) {
    problemNotice(moved.message);
    return false;
  }
  const { from, word: to, historyEntry } = moved.value;
  new Notice(`"${file.basename}": ${from ? `${from} → ` : ''}${to}. Stage history: ${historyEntry}.`);
  host.redrawPanes();
  return true;
}

/** The suggester of stages in the person's words; a choice moves the note. */
export function openStagePicker(host: HuntHost, file: TFile): StageSuggestModal {
  const now = currentStage(host, file);
  const choices: StageChoice[] = stageChoices(vaultSchema(host.notes, host.settings)).map((c) => ({ ...c, current: c.stage === now }));
  const modal = new StageSuggestModal(host.app, choices, (choice) => {
    const plan = planMove(host.notes, file, host.settings, { word: choice.word, on: host.today() });
    if (plan.ok && plan.asksInterviewDate) {
      new InterviewDateModal(host.app, (date) => void moveApplication(host, file, choice.word, date)).open();
      return;
    }
    void moveApplication(host, file, choice.word);
  });
  modal.open();
  return modal;
}

export async function makeDashboard(host: HuntHost): Promise<void> {
  const { decision, file } = await createDashboard(host.notes, host.settings);
  const messages = {
    create: 'Created "Job hunt.base": your applications by stage and the follow-ups due, in Bases.',
    refresh: 'Updated "Job hunt.base" (you had not changed it).',
    unchanged: '"Job hunt.base" is up to date.',
    edited: '"Job hunt.base" has your own changes, so it was left as it is. Rename or delete it to get a fresh one.',
  };
  new Notice(messages[decision]);
  if (file && decision !== 'edited') await host.app.workspace.getLeaf(false).openFile(file);
}

export function registerHuntCommands(plugin: Plugin, host: HuntHost): void {
  plugin.addCommand({ id: 'new-application', name: 'New job application', callback: () => void openNewApplication(host) });
  plugin.addCommand({
    id: 'set-stage',
    name: 'Move application to stage...',
    checkCallback: (checking) => {
      const file = host.app.workspace.getActiveFile();
      if (!(file instanceof TFile) || !isApplicationNote(host.notes, file, host.settings)) return false;
      if (!checking) openStagePicker(host, file);
      return true;
    },
  });
  plugin.addCommand({ id: 'create-dashboard', name: 'Create job hunt dashboard', callback: () => void makeDashboard(host) });
}
