// The dialogs of the whole hunt: a new application (a form), a stage in the person's own words (a
// suggester), an interview date when a move to interviewing needs one. They only collect input;
// the commands hand it to the adapters.
import { Modal, Setting, SuggestModal } from 'obsidian';
import type { App } from 'obsidian';
import type { NewApplication } from '../core/new-application';
import type { Stage } from '../core/model';

/** The form behind "New job application". `submit` returns a problem to show, or undefined when done. */
export class NewApplicationModal extends Modal {
  readonly values: NewApplication = { company: '', role: '' };
  private problemEl: HTMLElement | undefined;

  constructor(
    app: App,
    private readonly stages: { stage: Stage; word: string }[],
    private readonly create: (values: NewApplication) => Promise<string | undefined>,
  ) {
    super(app);
  }

  override onOpen(): void {
    const { contentEl } = this;
    contentEl.empty();
    this.setTitle('New job application');
    const text = (name: string, key: keyof NewApplication, placeholder = ''): void => {
      new Setting(contentEl).setName(name).addText((t) => t.setPlaceholder(placeholder).onChange((v) => { this.values[key] = v; }));
    };
    text('Company', 'company', 'Orchid Labs');
    text('Role', 'role', 'Analyst');
    text('Job posting', 'url', 'https://');
    text('Hiring manager', 'hiringManager');
    text('Recruiter', 'recruiter');
    new Setting(contentEl).setName('Stage').addDropdown((d) => {
      for (const s of this.stages) d.addOption(s.word, s.word);
      const first = this.stages[0]?.word ?? '';
      this.values.stage = first;
      d.setValue(first).onChange((v) => { this.values.stage = v; });
    });
    text('Applied on', 'applied', '2026-03-09; empty: today, once past the first stage');
    this.problemEl = contentEl.createDiv({ cls: 'jha-modal-problem' });
    new Setting(contentEl).addButton((b) => b.setButtonText('Create').setCta().onClick(() => void this.submit()));
  }

  /** Creates the note; a problem (unknown stage, impossible date, missing company) keeps the form open. */
  async submit(): Promise<string | undefined> {
    const problem = await this.create({ ...this.values });
    if (problem) {
      this.problemEl?.setText(problem);
      return problem;
    }
    this.close();
    return undefined;
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}

export interface StageChoice {
  stage: Stage;
  word: string;
  /** The stage the note is at now. */
  current: boolean;
}

/** "Move application to stage...": the person's own stage words, in pipeline order. */
export class StageSuggestModal extends SuggestModal<StageChoice> {
  constructor(
    app: App,
    private readonly choices: StageChoice[],
    private readonly chosen: (choice: StageChoice) => void,
  ) {
    super(app);
    this.setPlaceholder('Move to stage...');
  }

  getSuggestions(query: string): StageChoice[] {
    const q = query.trim().toLowerCase();
    return this.choices.filter((c) => c.word.toLowerCase().includes(q) || c.stage.includes(q));
  }

  renderSuggestion(choice: StageChoice, el: HTMLElement): void {
    el.createDiv({ text: choice.word });
    const notes = [choice.word.toLowerCase() !== choice.stage ? choice.stage : '', choice.current ? 'now' : ''].filter((n) => n !== '');
    if (notes.length > 0) el.createDiv({ cls: 'jha-muted', text: notes.join(' · ') });
  }

  onChooseSuggestion(choice: StageChoice): void {
    this.chosen(choice);
  }
}

/** When is the interview? Asked on a move to interviewing when the note has no interview date. */
export class InterviewDateModal extends Modal {
  private date = '';
  private answered = false;
  private closed = false;

  constructor(
    app: App,
    private readonly answer: (date: string | undefined) => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle('When is the interview?');
    const { contentEl } = this;
    contentEl.createEl('p', { text: 'With its date, the research and the thank-you letters are planned. You can add it later in the note.' });
    new Setting(contentEl).setName('Interview date').addText((t) => t.setPlaceholder('2026-03-12').onChange((v) => { this.date = v.trim(); }));
    new Setting(contentEl)
      .addButton((b) => b.setButtonText('Skip').onClick(() => this.finish(undefined)))
      .addButton((b) => b.setButtonText('Save').setCta().onClick(() => this.finish(this.date || undefined)));
  }

  /** Answers once, with the date or without one. */
  finish(date: string | undefined): void {
    if (!this.answered) {
      this.answered = true;
      this.answer(date);
    }
    if (!this.closed) this.close();
  }

  override onClose(): void {
    this.closed = true;
    this.contentEl.empty();
    // Closed with Escape: the move goes ahead without a date.
    this.finish(undefined);
  }
}
