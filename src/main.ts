// Job Hunt Advisor for Obsidian: wiring only. The advice comes from src/core, the vault is reached
// through src/obsidian, and what the person sees lives in src/ui.
import { Notice, Plugin, TFile } from 'obsidian';
import type { CalendarDate } from './core/model';
import { adviseNote } from './obsidian/advice-notes';
import { VaultPack } from './obsidian/advice-pack';
import { PipelineCache } from './obsidian/hunt';
import { localToday, utcNow } from './obsidian/clock';
import { FollowUpSync } from './obsidian/follow-up-sync';
import { TasksLineSync } from './obsidian/tasks-line-sync';
import { VaultMemory } from './obsidian/memory';
import { readPluginData, type PluginData } from './obsidian/settings';
import { setFollowUpDone } from './obsidian/task-done';
import { VaultIndex } from './obsidian/vault-index';
import { VaultNotes } from './obsidian/vault-notes';
import type { Settings } from './core/settings';
import { AdvicePane, ADVICE_VIEW_TYPE, redrawAdvicePanes, revealAdvicePane } from './ui/advice-pane';
import { advicePaneState } from './ui/advice-pane-state';
import { registerCommands } from './ui/commands';
import { makeDashboard, openNewApplication, openStagePicker } from './ui/hunt-commands';
import { ConsentQuestion } from './ui/consent-modal';
import { createdNotice, problemNotice } from './ui/notices';
import { AdvisorSettingTab } from './ui/settings-tab';

const DAY_CHECK_MS = 30 * 60 * 1000; // how often to check whether the day has turned (moments move with it)

export default class JobHuntAdvisorPlugin extends Plugin {
  data: PluginData = readPluginData(undefined).data;
  sync!: FollowUpSync;
  readonly consent = new ConsentQuestion(this);
  lines!: TasksLineSync;
  readonly pack = new VaultPack(this.app, { settings: () => this.settings, changed: () => this.redrawPanes(), problem: (line) => problemNotice(line) }); // the packs folder's experts, live
  /** The vault as the plugin reads it (inline fields, the learnt date order, the pack), handed to every reader. */
  readonly notes = new VaultNotes(this.app, this.pack);
  /** What the pane's vault-wide lists need from each note, kept between draws. */
  readonly vaultIndex = new VaultIndex(this.notes);
  readonly pipeline = new PipelineCache(this.notes); // the whole hunt, kept between draws
  /** The one memory of created follow-ups: the vault's ledger, shared with the CLI. */
  readonly memory = new VaultMemory(this.app, this.vaultIndex);
  today: () => CalendarDate = localToday; // today on this device; tests replace it
  override settings: Settings = this.data.settings;

  override async onload(): Promise<void> {
    await this.takeData();
    this.sync = new FollowUpSync({
      notes: this.notes,
      settings: () => this.settings,
      memory: this.memory,
      today: () => this.today(),
      created: (created) => {
        createdNotice(this.app, created);
        this.redrawPanes();
      },
      problem: (message) => problemNotice(message),
      askConsent: (plan) => this.consent.ask(plan),
    });
    this.register(() => this.sync.stop());
    this.lines = new TasksLineSync({ app: this.app, memory: this.memory, today: () => this.today(), now: () => utcNow(), problem: (message) => problemNotice(message) });

    this.registerView(ADVICE_VIEW_TYPE, (leaf) => new AdvicePane(leaf, {
      state: (file, withPipeline) => advicePaneState(file, { app: this.app, settings: this.settings, memory: this.memory, today: this.today(), notes: this.notes, index: this.vaultIndex, pipeline: this.pipeline }, withPipeline),
      setStage: (file) => void openStagePicker(this, file),
      newApplication: () => void openNewApplication(this),
      createDashboard: () => void makeDashboard(this),
      createFollowUps: (file) => this.createFollowUps(file),
      insertCallout: (file) => this.insertCallout(file),
      setDone: (path, done) => this.setDone(path, done),
    }));
    this.addRibbonIcon('briefcase', 'Open job hunt advice', () => void this.activatePane());
    registerCommands(this, this);
    this.addSettingTab(new AdvisorSettingTab(this.app, this, this));

    const { vault, metadataCache, workspace } = this.app;
    this.vaultIndex.watch(this.app, this);
    this.pack.start(this);
    this.registerEvent(vault.on('rename', (file, oldPath) => {
      this.sync.renamed(oldPath, file.path);
      void this.memory.update((memory) => memory.renamed(oldPath, file.path));
    }));
    this.registerEvent(vault.on('delete', (file) => this.sync.deleted(file.path)));
    workspace.onLayoutReady(() => {
      this.vaultIndex.rescan(); // notes the metadata cache indexed before its events reached us
      // The pane's lists read in idle slices now, so opening it later draws at once.
      void this.vaultIndex.buildInSlices(this.app, this.settings, this.today());
      // Registered here, not earlier, so start-up indexing doesn't count as changes.
      this.registerEvent(metadataCache.on('changed', (file, text) => {
        void this.sync.changed(file, text);
        void this.lines.changed(file);
      }));
      this.registerEvent(vault.on('create', (file) => {
        if (file instanceof TFile && file.extension === 'md') this.redrawPanes();
      }));
      void this.sync.scanAll();
      this.registerInterval(window.setInterval(() => void this.sync.newDay(), DAY_CHECK_MS));
    });
  }

  /** data.json as on disk, at start or after a sync: settings checked as the CLI does (a wrong value said); what an older version kept there moves into the ledger. */
  private async takeData(): Promise<void> {
    const stored = readPluginData(await this.loadData());
    for (const message of stored.problems) problemNotice(`${message}; its default is used until you change it in the settings.`);
    Object.assign(this.data.settings, stored.data.settings); // the same object: every part holds it
    if (await this.memory.adopt(stored.generated)) await this.saveData(this.data);
  }

  /** Another device changed the settings (through sync): as if saved here, with a different packs folder read at once. */
  override async onExternalSettingsChange(): Promise<void> {
    await this.takeData();
    this.pack.settingsChanged();
    this.redrawPanes();
  }

  async saveSettings(): Promise<void> {
    await this.saveData(this.data);
    this.pack.settingsChanged();
    this.redrawPanes();
  }

  /** Turning automatic creation on catches up at once rather than at the next change; turning it on is the consent. */
  autoCreateChanged(on: boolean): void {
    if (on) void this.consent.answered(true);
  }

  activatePane(): Promise<void> {
    return revealAdvicePane(this.app.workspace);
  }

  redrawPanes(): void {
    redrawAdvicePanes(this.app.workspace);
  }

  async createFollowUps(file: TFile): Promise<void> {
    const result = await this.sync.createFor(file);
    if (result && result.created.length === 0 && result.problems.length === 0) {
      new Notice(`Nothing new to create for "${file.basename}": its follow-up tasks were created before (you may have deleted or completed some).`);
    }
    this.redrawPanes();
  }

  async setDone(path: string, done: boolean): Promise<void> {
    const outcome = await setFollowUpDone(this.app, path, done, this.today());
    if (!outcome.ok) problemNotice(outcome.message);
  }

  async insertCallout(file: TFile): Promise<void> {
    const outcome = await adviseNote(this.notes, file, this.settings, this.today());
    if (!outcome.ok) problemNotice(outcome.message);
  }
}
