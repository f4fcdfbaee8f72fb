// The settings tab. Sections by what the person wants to change; every change is saved at once.
import { PluginSettingTab, Setting } from 'obsidian';
import type { App, Plugin } from 'obsidian';
import { FIELD_MEANINGS, STAGES } from '../core/model';
import type { Stage } from '../core/model';
import { checkSetting, FIELD_MEANING_LABELS, SETTINGS } from '../core/settings';
import type { ApplicationScope, Settings } from '../core/settings';

export interface SettingsHost {
  settings: Settings;
  saveSettings(): Promise<void>;
  autoCreateChanged(on: boolean): void;
}

/** "Pipeline: applied" lines <-> aliases. Lines that don't name a known stage are reported back. */
export function parseStageAliases(text: string): { aliases: Record<string, Stage>; rejected: string[] } {
  const aliases: Record<string, Stage> = {};
  const rejected: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const at = line.lastIndexOf(':');
    const word = line.slice(0, at).trim();
    const stage = line.slice(at + 1).trim().toLowerCase();
    const known = STAGES.find((s) => s === stage);
    if (at <= 0 || word === '' || !known) rejected.push(line.trim());
    else aliases[word] = known;
  }
  return { aliases, rejected };
}

export function formatStageAliases(aliases: Record<string, Stage>): string {
  return Object.entries(aliases)
    .map(([word, stage]) => `${word}: ${stage}`)
    .join('\n');
}

export class AdvisorSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    plugin: Plugin,
    private readonly host: SettingsHost,
  ) {
    super(app, plugin);
  }

  /**
   * Empty on purpose: Obsidian 1.13 then renders the tab with display(), which every supported
   * version (from 1.7.2) understands. Declarative definitions can replace it once 1.13 is the minimum.
   */
  override getSettingDefinitions(): [] {
    return [];
  }

  override display(): void {
    const { containerEl } = this;
    containerEl.empty();
    const s = this.host.settings;
    const save = (): Promise<void> => this.host.saveSettings();

    new Setting(containerEl).setName('Follow-up tasks').setHeading();
    new Setting(containerEl)
      .setName('Tasks folder')
      .setDesc('Where follow-up task notes are created. The folder is created when needed.')
      .addText((t) =>
        t.setPlaceholder('Job hunt tasks').setValue(s.tasksFolder).onChange(async (v) => {
          s.tasksFolder = v.trim() || 'Job hunt tasks';
          await save();
        }),
      );
    new Setting(containerEl)
      .setName('Create follow-up tasks automatically')
      .setDesc('When an application\'s stage or dates change, and once at start-up. A task you deleted or completed is never created again.')
      .addToggle((t) =>
        t.setValue(s.autoCreate).onChange(async (v) => {
          s.autoCreate = v;
          await save();
          this.host.autoCreateChanged(v);
        }),
      );
    new Setting(containerEl)
      .setName('Also add a checklist line to the application note')
      .setDesc('Each new task note also gets a line at the end of its application note, with emoji dates (📅 due) that task plugins read.')
      .addToggle((t) =>
        t.setValue(s.tasksLines).onChange(async (v) => {
          s.tasksLines = v;
          await save();
        }),
      );

    new Setting(containerEl).setName('Your notes').setHeading();
    new Setting(containerEl)
      .setName('Which notes are applications')
      .setDesc('Every application note also needs a stage field.')
      .addDropdown((d) =>
        d
          .addOptions({ 'any-note-with-stage': 'Any note with a stage field', folder: 'Notes in a folder', tag: 'Notes with a tag' })
          .setValue(s.applicationScope)
          .onChange(async (v) => {
            s.applicationScope = v as ApplicationScope;
            await save();
            showScope();
          }),
      );
    const folderSetting = new Setting(containerEl).setName('Applications folder').addText((t) =>
        t.setPlaceholder('Job hunt/applications').setValue(s.applicationsFolder).onChange(async (v) => {
          s.applicationsFolder = v.trim();
          await save();
        }),
      );
    const tagSetting = new Setting(containerEl).setName('Applications tag').addText((t) =>
        t.setPlaceholder('For example: job-application').setValue(s.applicationsTag).onChange(async (v) => {
          s.applicationsTag = v.trim().replace(/^#/, '');
          await save();
        }),
      );
    const showScope = (): void => {
      folderSetting.settingEl.toggle(s.applicationScope === 'folder');
      tagSetting.settingEl.toggle(s.applicationScope === 'tag');
    };
    showScope();
    new Setting(containerEl)
      .setName('Field names')
      .setDesc('Leave a field empty to use the usual names (stage or status, applied or date_applied, ...). Fill it when your notes use a name of their own.');
    for (const meaning of FIELD_MEANINGS) {
      new Setting(containerEl).setName(FIELD_MEANING_LABELS[meaning]).addText((t) =>
        t.setPlaceholder('Usual names').setValue(s.fieldMap[meaning] ?? '').onChange(async (v) => {
          if (v.trim() === '') delete s.fieldMap[meaning];
          else s.fieldMap[meaning] = v.trim();
          await save();
        }),
      );
    }
    const aliasSetting = new Setting(containerEl)
      .setName('Extra stage words')
      .setDesc(`One per line, "your word: stage". Stages: ${STAGES.join(', ')}.`);
    aliasSetting.addTextArea((t) =>
      t.setPlaceholder('Phone call: screening').setValue(formatStageAliases(s.stageAliases)).onChange(async (v) => {
        const { aliases, rejected } = parseStageAliases(v);
        s.stageAliases = aliases;
        aliasSetting.descEl.toggleClass('jha-setting-error', rejected.length > 0);
        aliasSetting.setDesc(rejected.length > 0 ? `Not understood: ${rejected.join('; ')}. Write "your word: stage".` : `One per line, "your word: stage". Stages: ${STAGES.join(', ')}.`);
        await save();
      }),
    );

    new Setting(containerEl).setName('New applications').setHeading();
    new Setting(containerEl)
      .setName('Folder for new applications')
      .setDesc('Leave empty for the folder most of your applications are in (a vault without any gets a new folder for them).')
      .addText((t) => t.setPlaceholder('Job applications').setValue(s.newApplicationsFolder).onChange(async (v) => {
        s.newApplicationsFolder = v.trim();
        await save();
      }));
    new Setting(containerEl)
      .setName('Template note')
      .setDesc('A note new applications start from: its fields and text, with {{title}} and {{date}} filled in. Empty: the field names your applications already use.')
      .addText((t) => t.setPlaceholder('Templates/job application').setValue(s.templateNote).onChange(async (v) => {
        s.templateNote = v.trim();
        await save();
      }));

    new Setting(containerEl).setName('Advice callout').setHeading();
    new Setting(containerEl)
      .setName('Where the callout goes')
      .setDesc('Where the advise command puts the advice the first time. Afterwards it is refreshed where it is.')
      .addDropdown((d) =>
        d
          .addOptions({ top: 'Top of the note, after its properties', end: 'End of the note' })
          .setValue(s.calloutPlacement)
          .onChange(async (v) => {
            s.calloutPlacement = v === 'end' ? 'end' : 'top';
            await save();
          }),
      );

    new Setting(containerEl)
      .setName('Write the callout folded')
      .setDesc('Folded, the callout is one line above your own text; click it to open. Off: written open.')
      .addToggle((t) =>
        t.setValue(s.calloutFolded).onChange(async (v) => {
          s.calloutFolded = v;
          await save();
        }),
      );

    new Setting(containerEl).setName('Drafts').setHeading();
    this.wholeNumber(containerEl, 'connectionNoteLimit', 'Characters allowed in a connection request note: 200 on free accounts, 300 on paid ones.');
    new Setting(containerEl)
      .setName('Your name')
      .setDesc('Signs the drafts. Empty: drafts end with a placeholder to replace.')
      .addText((t) =>
        t.setValue(s.yourName).onChange(async (v) => {
          s.yourName = v.trim();
          await save();
        }),
      );
    this.wholeNumber(containerEl, 'waitingTooLongDays', 'Days without an answer before the pane lists an application as waiting too long.');
  }

  /** A number setting: saved when the settings table accepts it, else its message shown in place. */
  private wholeNumber(containerEl: HTMLElement, key: 'connectionNoteLimit' | 'waitingTooLongDays', description: string): void {
    const s = this.host.settings;
    const setting = new Setting(containerEl).setName(SETTINGS[key].label).setDesc(description);
    setting.addText((t) =>
      t.setPlaceholder(String(SETTINGS[key].default)).setValue(String(s[key])).onChange(async (v) => {
        const check = checkSetting(key, v);
        setting.descEl.toggleClass('jha-setting-error', !check.ok);
        setting.setDesc(check.ok ? description : `${check.message}. ${description}`);
        if (!check.ok) return;
        s[key] = check.value;
        await this.host.saveSettings();
      }),
    );
  }
}
