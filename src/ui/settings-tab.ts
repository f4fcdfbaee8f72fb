// The settings tab, drawn from one list of what it shows: Obsidian 1.13 and later take it as
// setting definitions (so the settings search finds every field), older versions get the same rows
// drawn by display(). Bounds and messages come from the core's settings table. Text is saved a
// moment after the typing stops, so the vault-wide lists are not rebuilt on every keystroke.
import { debounce, PluginSettingTab, Setting } from 'obsidian';
import type { App, Plugin, SettingDefinition, SettingDefinitionItem } from 'obsidian';
import { EXPERTS } from '../core/experts';
import { FIELD_MEANINGS, STAGES } from '../core/model';
import type { Expert, FieldMeaning, Stage } from '../core/model';
import { checkSetting, FIELD_MEANING_LABELS, SETTINGS } from '../core/settings';
import type { Settings, SettingKey } from '../core/settings';
import { isSwitchedOff, withSwitch, type SwitchNamingNobody } from '../core/packs';

export interface SettingsHost {
  settings: Settings;
  saveSettings(): Promise<void>;
  autoCreateChanged(on: boolean): void;
  /** Every expert the advice can come from: the nine, then the person's pack. */
  pack: { experts(): readonly Expert[]; switchesNamingNobody(): readonly SwitchNamingNobody[] };
}

/** A switch per expert: `expertOn.<id>`, on unless the id is in expertsOff. */
const EXPERT_ROW = 'expertOn.';

function expertRow(expert: Expert): Row {
  // The pack note is named, so the person's own expert is never mixed up with the nine.
  const from = expert.pack ? ` · from your pack (${expert.pack})` : '';
  return { key: `${EXPERT_ROW}${expert.id}`, kind: 'toggle', name: expert.name, desc: `${expert.organization}${from}` };
}

/** An entry of expertsOff naming nobody: shown off, so switching it on forgets it. */
function staleRow(stale: SwitchNamingNobody): Row {
  return { key: `${EXPERT_ROW}${stale.entry}`, kind: 'toggle', name: `"${stale.entry}"`, desc: `${stale.message}. Switch on to forget it.` };
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

/** How long after the last keystroke a text setting is saved (and the panes redrawn). */
export const TEXT_SAVE_DELAY_MS = 600;

type Kind = 'text' | 'textarea' | 'toggle' | 'dropdown' | 'number';

/** One row of the tab. `key` is a settings key, `fieldMap.<meaning>` or `stageAliases`. */
export interface Row {
  key: string;
  kind: Kind;
  name: string;
  desc: string;
  placeholder?: string;
  options?: Record<string, string>;
  min?: number;
  max?: number;
  visible?: () => boolean;
}

export interface Section {
  /** None for the first section, as Obsidian's guidelines ask. */
  heading?: string;
  rows: Row[];
}

const STAGE_WORDS_DESC = `One per line, "your word: stage". Stages: ${STAGES.join(', ')}.`;

function bounds(key: 'connectionNoteLimit' | 'waitingTooLongDays'): { min: number; max: number } {
  const rule = SETTINGS[key];
  return rule.kind === 'whole' ? { min: rule.min, max: rule.max } : { min: 0, max: Number.MAX_SAFE_INTEGER };
}

/** What the tab shows, in order. */
export function settingSections(s: Settings, experts: readonly Expert[] = EXPERTS, stale: readonly SwitchNamingNobody[] = []): Section[] {
  return [
    {
      rows: [
        { key: 'tasksFolder', kind: 'text', name: SETTINGS.tasksFolder.label, desc: 'Where follow-up task notes are created. The folder is created when needed.', placeholder: SETTINGS.tasksFolder.default },
        { key: 'autoCreate', kind: 'toggle', name: SETTINGS.autoCreate.label, desc: "When an application's stage or dates change, and once at start-up. The first time, the plugin shows what it would create and asks. A task you deleted or completed is never created again." },
        { key: 'tasksLines', kind: 'toggle', name: 'Also add a checklist line to the application note', desc: 'Each new task note also gets a line at the end of its application note, with emoji dates (📅 due) that task plugins read.' },
      ],
    },
    {
      heading: 'Your notes',
      rows: [
        {
          key: 'applicationScope',
          kind: 'dropdown',
          name: SETTINGS.applicationScope.label,
          desc: 'Every application note also needs a stage field.',
          options: { 'any-note-with-stage': 'Any note with a stage field', folder: 'Notes in a folder', tag: 'Notes with a tag' },
        },
        { key: 'applicationsFolder', kind: 'text', name: SETTINGS.applicationsFolder.label, desc: 'Only notes in this folder (and below) are read as applications.', placeholder: 'Job hunt/applications', visible: () => s.applicationScope === 'folder' },
        { key: 'applicationsTag', kind: 'text', name: SETTINGS.applicationsTag.label, desc: 'Only notes with this tag are read as applications.', placeholder: 'For example: job-application', visible: () => s.applicationScope === 'tag' },
        { key: 'stageAliases', kind: 'textarea', name: SETTINGS.stageAliases.label, desc: STAGE_WORDS_DESC, placeholder: 'Phone call: screening' },
        { key: 'dateOrder', kind: 'dropdown', name: SETTINGS.dateOrder.label, desc: "How to read dates like 03/04/2026. Automatic: the order your notes' own unambiguous dates show (14/11/2026 is day first); with none, such a date is reported, never guessed.", options: { auto: 'Automatic', MDY: 'Month/day/year', DMY: 'Day/month/year', YMD: 'Year/month/day' } },
      ],
    },
    {
      heading: 'Field names',
      rows: FIELD_MEANINGS.map((meaning) => ({
        key: `fieldMap.${meaning}`,
        kind: 'text' as const,
        name: FIELD_MEANING_LABELS[meaning],
        desc: meaning === 'stage' ? 'Empty: the usual names (stage or status, applied or date_applied, ...). Fill a field when your notes use a name of their own.' : '',
        placeholder: 'Usual names',
      })),
    },
    {
      heading: 'New applications',
      rows: [
        { key: 'newApplicationsFolder', kind: 'text', name: SETTINGS.newApplicationsFolder.label, desc: 'Leave empty for the folder most of your applications are in (a vault without any gets a new folder for them).', placeholder: 'Job applications' },
        { key: 'templateNote', kind: 'text', name: 'Template note', desc: 'A note new applications start from: its fields and text, with {{title}} and {{date}} filled in. Empty: the field names your applications already use.', placeholder: 'Templates/job application' },
      ],
    },
    {
      heading: 'Advice callout',
      rows: [
        { key: 'calloutPlacement', kind: 'dropdown', name: SETTINGS.calloutPlacement.label, desc: 'Where the advise command puts the advice the first time. Afterwards it is refreshed where it is.', options: { top: 'Top of the note, after its properties', end: 'End of the note' } },
        { key: 'calloutFolded', kind: 'toggle', name: SETTINGS.calloutFolded.label, desc: 'Folded, the callout is one line above your own text; click it to open. Off: written open.' },
      ],
    },
    {
      heading: 'Drafts',
      rows: [
        { key: 'connectionNoteLimit', kind: 'number', name: SETTINGS.connectionNoteLimit.label, desc: 'Characters allowed in a connection request note: 200 on free accounts, 300 on paid ones.', placeholder: String(SETTINGS.connectionNoteLimit.default), ...bounds('connectionNoteLimit') },
        { key: 'yourName', kind: 'text', name: SETTINGS.yourName.label, desc: 'Signs the drafts. Empty: drafts end with a placeholder to replace.' },
      ],
    },
    {
      // Switched off, an expert no longer counts in the verdict, backs no advice and justifies no follow-up.
      heading: 'Experts',
      rows: [
        { key: 'packsFolder', kind: 'text', name: SETTINGS.packsFolder.label, desc: 'A folder of your own experts, one note each, read beside the nine (see the README, "Advice packs"). Empty: no pack.', placeholder: SETTINGS.packsFolder.default },
        ...experts.map(expertRow),
        ...stale.map(staleRow),
      ],
    },
    {
      heading: 'Advice pane',
      rows: [
        { key: 'waitingTooLongDays', kind: 'number', name: SETTINGS.waitingTooLongDays.label, desc: 'Days without an answer before the pane lists an application as waiting too long.', placeholder: String(SETTINGS.waitingTooLongDays.default), ...bounds('waitingTooLongDays') },
      ],
    },
  ];
}

function fieldMeaning(key: string): FieldMeaning | undefined {
  const meaning = key.startsWith('fieldMap.') ? key.slice('fieldMap.'.length) : '';
  return (FIELD_MEANINGS as readonly string[]).includes(meaning) ? (meaning as FieldMeaning) : undefined;
}

/** The value a row shows. */
export function rowValue(s: Settings, key: string, experts: readonly Expert[] = EXPERTS): unknown {
  const meaning = fieldMeaning(key);
  if (meaning) return s.fieldMap[meaning] ?? '';
  if (key === 'stageAliases') return formatStageAliases(s.stageAliases);
  if (key.startsWith(EXPERT_ROW)) {
    const id = key.slice(EXPERT_ROW.length);
    const expert = experts.find((e) => e.id === id);
    return expert ? !isSwitchedOff(expert, s.expertsOff) : !s.expertsOff.includes(id);
  }
  return (s as unknown as Record<string, unknown>)[key];
}

/** Why a value typed into a row cannot be kept; undefined when it can. */
export function rowProblem(key: string, value: unknown): string | undefined {
  if (fieldMeaning(key) || key.startsWith(EXPERT_ROW)) return undefined;
  if (key === 'stageAliases') {
    const { rejected } = parseStageAliases(typeof value === 'string' ? value : '');
    return rejected.length > 0 ? `Not understood: ${rejected.join('; ')}. Write "your word: stage".` : undefined;
  }
  if (!(key in SETTINGS)) return `Unknown setting ${key}`;
  const check = checkSetting(key as SettingKey, value);
  return check.ok ? undefined : `${check.message}.`;
}

/** Stores a row's value in the settings (in memory); false when the value was refused. */
export function setRowValue(s: Settings, key: string, value: unknown, experts: readonly Expert[] = EXPERTS): boolean {
  const meaning = fieldMeaning(key);
  if (meaning) {
    const name = typeof value === 'string' ? value.trim() : '';
    if (name === '') delete s.fieldMap[meaning];
    else s.fieldMap[meaning] = name;
    return true;
  }
  if (key === 'stageAliases') {
    // The lines it understood are kept even while another line is still being typed.
    s.stageAliases = parseStageAliases(typeof value === 'string' ? value : '').aliases;
    return true;
  }
  if (key.startsWith(EXPERT_ROW)) {
    if (typeof value !== 'boolean') return false;
    const id = key.slice(EXPERT_ROW.length);
    const expert = experts.find((e) => e.id === id);
    // Through the core: every entry naming the expert (their name, an older id) gives way to their id.
    if (expert) s.expertsOff = withSwitch(expert, s.expertsOff, value);
    else s.expertsOff = value ? s.expertsOff.filter((o) => o !== id) : [...s.expertsOff, id];
    return true;
  }
  if (!(key in SETTINGS)) return false;
  const check = checkSetting(key as SettingKey, value);
  if (!check.ok) return false;
  (s as unknown as Record<string, unknown>)[key] = check.value;
  return true;
}

export class AdvisorSettingTab extends PluginSettingTab {
  private pending = false;
  private readonly saveSoon = debounce(
    () => {
      this.pending = false;
      void this.host.saveSettings();
    },
    TEXT_SAVE_DELAY_MS,
    true,
  );

  constructor(
    app: App,
    plugin: Plugin,
    private readonly host: SettingsHost,
  ) {
    super(app, plugin);
  }

  /** Obsidian 1.13 and later: the tab as definitions, which its settings search indexes. */
  override getSettingDefinitions(): SettingDefinitionItem[] {
    const s = this.host.settings;
    return settingSections(s, this.host.pack.experts(), this.host.pack.switchesNamingNobody()).map((section) => ({
      type: 'group' as const,
      ...(section.heading ? { heading: section.heading } : {}),
      items: section.rows.map((row) => this.definition(row)),
    }));
  }

  override getControlValue(key: string): unknown {
    return rowValue(this.host.settings, key, this.host.pack.experts());
  }

  override async setControlValue(key: string, value: unknown): Promise<void> {
    await this.change(key, value);
  }

  /** Stores a change; text is saved once the typing stops, a switch or a choice at once. */
  async change(key: string, value: unknown): Promise<void> {
    if (!setRowValue(this.host.settings, key, value, this.host.pack.experts())) return;
    const typed = typeof value !== 'boolean' && key !== 'applicationScope' && key !== 'calloutPlacement';
    if (typed) {
      this.pending = true;
      this.saveSoon();
      return;
    }
    this.saveSoon.cancel();
    this.pending = false;
    await this.host.saveSettings();
    if (key === 'autoCreate') this.host.autoCreateChanged(value === true);
    // Rows shown only for one choice (the applications folder or tag).
    // Obsidian 1.13 re-evaluates `visible` on refreshDomState; older versions redraw through display().
    const refreshDomState = (this as { refreshDomState?: () => void }).refreshDomState;
    if (key === 'applicationScope') refreshDomState?.call(this);
  }

  override hide(): void {
    // Leaving the tab saves what was typed last, at once.
    if (this.pending) this.saveSoon.run();
    super.hide();
  }

  private definition(row: Row): SettingDefinition {
    const base = { name: row.name, ...(row.desc ? { desc: row.desc } : {}), ...(row.visible ? { visible: row.visible } : {}) };
    const validate = (value: unknown): string | undefined => rowProblem(row.key, value);
    switch (row.kind) {
      case 'toggle':
        return { ...base, control: { type: 'toggle', key: row.key } };
      case 'dropdown':
        return { ...base, control: { type: 'dropdown', key: row.key, options: row.options ?? {} } };
      case 'number':
        return { ...base, control: { type: 'number', key: row.key, min: row.min, max: row.max, step: 1, placeholder: row.placeholder, validate } };
      case 'textarea':
        return { ...base, control: { type: 'textarea', key: row.key, placeholder: row.placeholder, validate } };
      case 'text':
        return { ...base, control: { type: 'text', key: row.key, placeholder: row.placeholder, validate } };
    }
  }

  /** Obsidian before 1.13: the same rows, drawn by hand. */
  override display(): void {
    const { containerEl } = this;
    containerEl.empty();
    const s = this.host.settings;
    const shown: { el: HTMLElement; visible: () => boolean }[] = [];
    const refresh = (): void => {
      for (const r of shown) r.el.toggle(r.visible());
    };
    for (const section of settingSections(s, this.host.pack.experts(), this.host.pack.switchesNamingNobody())) {
      if (section.heading) new Setting(containerEl).setName(section.heading).setHeading();
      for (const row of section.rows) {
        const setting = new Setting(containerEl).setName(row.name);
        if (row.desc) setting.setDesc(row.desc);
        // A bad value: the message under the field, in the error colour; the value is not kept.
        const message = setting.infoEl.createDiv({ cls: 'jha-setting-error' });
        message.hide();
        const report = (value: unknown): void => {
          const problem = rowProblem(row.key, value);
          message.setText(problem ?? '');
          message.toggle(problem !== undefined);
        };
        // Every keystroke: the message at once, the value kept when valid, the save once typing stops.
        const typed = (input: HTMLInputElement | HTMLTextAreaElement): void => {
          input.addEventListener('input', () => {
            report(input.value);
            void this.change(row.key, input.value);
          });
        };
        const raw = rowValue(s, row.key, this.host.pack.experts());
        const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
        switch (row.kind) {
          case 'toggle':
            setting.addToggle((t) => t.setValue(raw === true).onChange((v) => void this.change(row.key, v)));
            break;
          case 'dropdown':
            setting.addDropdown((d) =>
              d.addOptions(row.options ?? {}).setValue(value).onChange(async (v) => {
                await this.change(row.key, v);
                refresh();
              }),
            );
            break;
          case 'textarea':
            setting.addTextArea((t) => {
              t.setPlaceholder(row.placeholder ?? '').setValue(value);
              typed(t.inputEl);
            });
            break;
          case 'text':
          case 'number':
            setting.addText((t) => {
              if (row.kind === 'number') {
                t.inputEl.type = 'number';
                if (row.min !== undefined) t.inputEl.min = String(row.min);
                if (row.max !== undefined) t.inputEl.max = String(row.max);
                t.inputEl.step = '1';
              }
              t.setPlaceholder(row.placeholder ?? '').setValue(value);
              typed(t.inputEl);
            });
            break;
        }
        if (row.visible) shown.push({ el: setting.settingEl, visible: row.visible });
      }
    }
    refresh();
  }
}
