// The whole hunt at a glance, drawn in the pane from the overview the core computed: how many
// applications are at each stage (in the person's words), how many got an answer and how fast,
// and each open application's next step. DOM helpers only, like the rest of the pane, so the
// screenshot page draws it with the same code. Text from notes is set as text, never as HTML.
import { relativeDay } from '../core/dates';
import type { HuntOverview } from '../core/hunt-overview';

export interface PipelineActions {
  /** Open a note by its path. */
  onOpen?: (path: string) => void;
  onNewApplication?: () => void;
  onCreateDashboard?: () => void;
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** "2 of 4 applications you sent got an answer (50%)." */
export function responseText(o: HuntOverview): string {
  if (o.appliedTo === 0 || o.responseRate === undefined) return 'No application sent yet.';
  const sent = o.appliedTo === 1 ? '1 application you sent' : `${o.appliedTo} applications you sent`;
  return `${o.answered} of ${sent} got an answer (${percent(o.responseRate)}).`;
}

/** "Answers took 7 days (median of 2; fastest 4, slowest 10)." */
export function answerText(o: HuntOverview): string | undefined {
  const a = o.answerDays;
  if (!a) return undefined;
  if (a.samples === 1) return `The one answer with dates took ${days(a.median)}.`;
  return `Answers took ${days(a.median)} (median of ${a.samples}; fastest ${days(a.fastest)}, slowest ${days(a.slowest)}).`;
}

function button(parent: HTMLElement, text: string, run: (() => void) | undefined, cls = ''): void {
  if (!run) return;
  const el = parent.createEl('button', { text, cls: `jha-button ${cls}`.trim(), attr: { type: 'button' } });
  el.addEventListener('click', () => run());
}

export function renderPipeline(parent: HTMLElement, o: HuntOverview, actions: PipelineActions): HTMLElement {
  const section = parent.createDiv({ cls: 'jha-pipeline' });
  section.createDiv({ cls: 'jha-heading', text: o.total === 1 ? 'Your job hunt: 1 application' : `Your job hunt: ${o.total} applications` });
  const counts = section.createEl('ul', { cls: 'jha-pipeline-stages' });
  for (const s of o.stages) {
    // Stages nobody is at are left out, except the main road, so the shape of the hunt shows.
    if (s.count === 0 && !['wishlist', 'applied', 'interviewing', 'offer'].includes(s.stage)) continue;
    const li = counts.createEl('li', { cls: `jha-pipeline-stage jha-stage-${s.stage}`, attr: { 'data-stage': s.stage } });
    li.createSpan({ cls: 'jha-pipeline-word', text: s.word });
    li.createEl('meter', { cls: 'jha-pipeline-meter', attr: { min: '0', max: String(Math.max(1, o.total)), value: String(s.count), 'aria-label': `${s.word}: ${s.count}` } });
    li.createSpan({ cls: 'jha-pipeline-count', text: String(s.count) });
  }
  const stats = section.createDiv({ cls: 'jha-pipeline-stats' });
  stats.createDiv({ cls: 'jha-pipeline-response', text: responseText(o) });
  const answers = answerText(o);
  if (answers) stats.createDiv({ cls: 'jha-pipeline-answers', text: answers });

  section.createDiv({ cls: 'jha-subheading', text: o.open.length === 0 ? 'No open application.' : 'Next step for each open application' });
  const list = section.createEl('ul', { cls: 'jha-pipeline-open' });
  for (const a of o.open) {
    const li = list.createEl('li', { cls: 'jha-pipeline-item' });
    const top = li.createDiv({ cls: 'jha-pipeline-item-top' });
    const open = actions.onOpen;
    if (open) {
      const name = top.createEl('button', { text: a.noteName, cls: 'jha-link', attr: { type: 'button', title: a.path } });
      name.addEventListener('click', () => open(a.path));
    } else {
      top.createSpan({ text: a.noteName });
    }
    top.createSpan({ cls: 'jha-stage', text: a.word });
    const step = a.next ? `${a.next.title} · ${a.next.due} (${relativeDay(a.next.due, o.today)})` : a.summary;
    li.createDiv({ cls: 'jha-pipeline-next jha-muted', text: step });
  }
  const buttons = section.createDiv({ cls: 'jha-buttons' });
  button(buttons, 'New application', actions.onNewApplication, 'mod-cta');
  button(buttons, 'Create dashboard', actions.onCreateDashboard);
  return section;
}
