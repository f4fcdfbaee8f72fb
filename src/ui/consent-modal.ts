// The first-run question: before automatic creation writes task notes into a vault for the first
// time, it shows how many, for which applications and in which folder, and asks once.
import { Modal } from 'obsidian';
import type { App } from 'obsidian';
import type { Settings } from '../core/settings';
import type { ConsentPlan, FollowUpSync } from '../obsidian/follow-up-sync';

/** How many applications the question names; the rest are counted. */
const NAMED = 8;

export class ConsentModal extends Modal {
  private answered = false;

  constructor(
    app: App,
    private readonly plan: ConsentPlan,
    /** true: create them (and from now on by themselves); false: keep automatic creation off. Not called when closed without an answer. */
    private readonly answer: (yes: boolean) => void,
    private readonly closed: () => void = () => undefined,
  ) {
    super(app);
  }

  override onOpen(): void {
    const { contentEl, plan } = this;
    this.setTitle('Create follow-up tasks automatically?');
    const notes = plan.total === 1 ? '1 task note' : `${plan.total} task notes`;
    const apps = plan.applications.length === 1 ? '1 application' : `${plan.applications.length} applications`;
    contentEl.createEl('p', { text: `Job Hunt Advisor would create ${notes} for ${apps}, in the folder "${plan.folder}":` });
    const list = contentEl.createEl('ul', { cls: 'jha-consent-list' });
    for (const a of plan.applications.slice(0, NAMED)) list.createEl('li', { text: `${a.name}: ${a.count === 1 ? '1 task' : `${a.count} tasks`}` });
    const more = plan.applications.length - NAMED;
    if (more > 0) list.createEl('li', { text: more === 1 ? 'and 1 more application' : `and ${more} more applications` });
    contentEl.createEl('p', {
      text: "After that it creates them by itself when an application's stage or dates change. Nothing is ever sent for you. You can change this in the settings.",
    });
    const buttons = contentEl.createDiv({ cls: 'modal-button-container' });
    const yes = buttons.createEl('button', { text: 'Create them', cls: 'mod-cta', attr: { type: 'button' } });
    yes.addEventListener('click', () => this.decide(true));
    const no = buttons.createEl('button', { text: 'Not automatically', attr: { type: 'button' } });
    no.addEventListener('click', () => this.decide(false));
  }

  override onClose(): void {
    this.contentEl.empty();
    this.closed();
  }

  private decide(yes: boolean): void {
    if (this.answered) return;
    this.answered = true;
    this.close();
    this.answer(yes);
  }
}

export interface ConsentHost {
  app: App;
  settings: Settings;
  sync: FollowUpSync;
  saveSettings(): Promise<void>;
}

/** Asks once at a time, and keeps the answer in the settings. */
export class ConsentQuestion {
  private open = false;

  constructor(private readonly host: ConsentHost) {}

  ask(plan: ConsentPlan): void {
    if (this.open) return;
    this.open = true;
    new ConsentModal(this.host.app, plan, (yes) => void this.answered(yes), () => (this.open = false)).open();
  }

  /** The person's answer (from the question, or by turning the setting on): remembered, then acted on. */
  async answered(yes: boolean): Promise<void> {
    this.host.settings.autoCreateConsent = 'answered';
    this.host.settings.autoCreate = yes;
    await this.host.saveSettings();
    if (yes) await this.host.sync.scanAll();
  }
}
