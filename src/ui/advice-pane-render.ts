// Draws the advice pane from a state the adapters computed. Only the DOM and Obsidian's DOM helpers
// (createEl, createDiv, createSpan, empty): no other Obsidian API, so the same code draws the pane in
// a plain browser page for screenshots. Every text from a note is set as text, never as HTML.
import { countLinkedInChars } from '../core/drafts';
import { relativeDay } from '../core/dates';
import type { AdviceReport, CalendarDate, ExpertPosition, FollowUp, Person } from '../core/model';

export type PaneFollowUpState = 'planned' | 'created' | 'done' | 'dismissed';

export interface DueFollowUp {
  title: string;
  /** The task note. */
  path: string;
  due: CalendarDate;
}

export interface WaitingApplication {
  noteName: string;
  path: string;
  /** "You applied 3 weeks ago and have heard nothing since." */
  summary: string;
}

export interface AdvicePaneState {
  /** The note the pane follows; absent when no note is open. */
  notePath?: string;
  noteName?: string;
  /** Present when the note is an application. */
  report?: AdviceReport;
  followUps?: FollowUp[];
  /** Follow-up id -> its state; missing ids are planned. */
  states?: Record<string, { state: PaneFollowUpState; path?: string }>;
  /** The connection note to send with a request (when the verdict says connect). */
  draft?: string;
  draftLimit?: number;
  /** Why the note could not be read (broken YAML, an unknown stage word): shown instead of advice. */
  problem?: string;
  /** For a note that is not an application: how the plugin recognises one. */
  notApplication?: { stageFields: string[]; stageExamples: string[]; scope?: string };
  /** Across the vault. Undefined: not computed (the section is left out). */
  due?: DueFollowUp[];
  waiting?: WaitingApplication[];
  today?: CalendarDate;
}

export interface AdvicePaneActions {
  onCreateFollowUps?: () => void;
  onInsertCallout?: () => void;
  onCopyDraft?: (text: string) => void;
  /** Open a note by link text or path, from the note the pane follows. */
  onOpen?: (linktext: string) => void;
}

const STATE_LABEL: Record<PaneFollowUpState, string> = {
  planned: 'Planned',
  created: 'Created',
  done: 'Done',
  dismissed: 'Deleted',
};

function link(parent: HTMLElement, text: string, target: string | undefined, actions: AdvicePaneActions, cls = ''): HTMLElement {
  if (!target || !actions.onOpen) return parent.createSpan({ text, cls });
  const open = actions.onOpen;
  const el = parent.createEl('button', { text, cls: `jha-link ${cls}`.trim(), attr: { type: 'button', title: target } });
  el.addEventListener('click', () => open(target));
  return el;
}

function button(parent: HTMLElement, text: string, run: (() => void) | undefined, cls = ''): void {
  if (!run) return;
  const el = parent.createEl('button', { text, cls: `jha-button ${cls}`.trim(), attr: { type: 'button' } });
  el.addEventListener('click', () => run());
}

function isWebUrl(url: string): boolean {
  return /^https:\/\/|^http:\/\//i.test(url.trim());
}

function person(parent: HTMLElement, role: string, p: Person | undefined, actions: AdvicePaneActions): void {
  if (!p) return;
  const row = parent.createDiv({ cls: 'jha-person' });
  row.createSpan({ cls: 'jha-person-role', text: `${role}: ` });
  link(row, p.name, p.link, actions, 'jha-person-name');
  if (p.linkedin && isWebUrl(p.linkedin)) {
    row.appendText(' · ');
    row.createEl('a', { text: 'Profile', cls: 'jha-linkedin', href: p.linkedin.trim(), attr: { target: '_blank', rel: 'noopener noreferrer' } });
  }
}

function positions(parent: HTMLElement, title: string, list: ExpertPosition[], cls: string): void {
  const col = parent.createDiv({ cls: `jha-side ${cls}` });
  col.createDiv({ cls: 'jha-side-title', text: `${title} (${list.length})` });
  if (list.length === 0) {
    col.createDiv({ cls: 'jha-muted', text: 'No expert.' });
    return;
  }
  const ul = col.createEl('ul', { cls: 'jha-positions' });
  for (const pos of list) {
    const li = ul.createEl('li');
    li.createSpan({ cls: 'jha-expert', text: pos.expert.name });
    li.createSpan({ cls: 'jha-org', text: ` (${pos.expert.organization})` });
    li.createDiv({ cls: 'jha-because', text: pos.because });
  }
}

function verdict(parent: HTMLElement, report: AdviceReport): void {
  const v = report.verdict;
  const tone = v.alreadyConnected ? 'jha-verdict-done' : v.connectNow ? 'jha-verdict-yes' : 'jha-verdict-no';
  const section = parent.createDiv({ cls: `jha-section jha-verdict ${tone}` });
  section.createDiv({ cls: 'jha-kicker', text: 'Connect with the hiring manager on LinkedIn now?' });
  section.createDiv({ cls: 'jha-verdict-headline', text: v.headline });
  section.createDiv({ cls: 'jha-verdict-reason', text: v.reason });
  if (v.alreadyConnected) return;
  const sides = section.createDiv({ cls: 'jha-sides' });
  positions(sides, 'For', v.for, 'jha-for');
  positions(sides, 'Against', v.against, 'jha-against');
}

function draftBox(parent: HTMLElement, title: string, text: string, limit: number | undefined, actions: AdvicePaneActions, profile?: string): void {
  const box = parent.createDiv({ cls: 'jha-draft' });
  const head = box.createDiv({ cls: 'jha-draft-head' });
  head.createSpan({ cls: 'jha-draft-title', text: title });
  if (limit !== undefined) {
    const used = countLinkedInChars(text);
    head.createSpan({ cls: `jha-count${used > limit ? ' jha-over' : ''}`, text: `${used}/${limit} characters` });
  }
  box.createEl('pre', { cls: 'jha-draft-text', text });
  const row = box.createDiv({ cls: 'jha-buttons' });
  const copy = actions.onCopyDraft;
  button(row, 'Copy draft', copy ? () => copy(text) : undefined, 'jha-copy');
  // Where to paste it: the person's profile, when their note gives one. Sending stays with the person.
  if (profile && isWebUrl(profile)) {
    row.createEl('a', { text: 'Open their profile', cls: 'jha-linkedin', href: profile.trim(), attr: { target: '_blank', rel: 'noopener noreferrer' } });
  }
}

function adviceCards(parent: HTMLElement, report: AdviceReport): void {
  const section = parent.createDiv({ cls: 'jha-section jha-advice' });
  section.createEl('h4', { cls: 'jha-heading', text: 'Advice for now' });
  if (report.advice.length === 0) section.createDiv({ cls: 'jha-muted', text: 'No advice for this moment.' });
  for (const a of report.advice) {
    const card = section.createDiv({ cls: `jha-card jha-stance-${a.stance}` });
    card.createDiv({ cls: 'jha-card-title', text: a.title });
    card.createDiv({ cls: 'jha-card-detail', text: a.detail });
    if (a.reason) card.createDiv({ cls: 'jha-card-reason', text: a.reason });
    if (a.experts.length > 0) {
      card.createDiv({ cls: 'jha-card-experts', text: a.experts.map((e) => `${e.name} (${e.organization})`).join(' · ') });
    }
  }
}

function followUpList(parent: HTMLElement, state: AdvicePaneState, actions: AdvicePaneActions): void {
  const followUps = state.followUps ?? [];
  const section = parent.createDiv({ cls: 'jha-section jha-followups' });
  section.createEl('h4', { cls: 'jha-heading', text: 'Follow-ups' });
  if (followUps.length === 0) section.createDiv({ cls: 'jha-muted', text: 'Nothing to plan at this stage.' });
  const today = state.today ?? state.report?.today;
  const ul = section.createEl('ul', { cls: 'jha-followup-list' });
  let planned = 0;
  for (const f of followUps) {
    const s = state.states?.[f.id] ?? { state: 'planned' as const };
    if (s.state === 'planned') planned++;
    const li = ul.createEl('li', { cls: `jha-followup jha-state-${s.state}` });
    const top = li.createDiv({ cls: 'jha-followup-top' });
    top.createSpan({ cls: `jha-badge jha-badge-${s.state}`, text: STATE_LABEL[s.state] });
    link(top, f.title, s.path, actions, 'jha-followup-title');
    const when = today ? `${f.due} (${relativeDay(f.due, today)})` : f.due;
    li.createDiv({ cls: 'jha-followup-due', text: `Due ${when}` });
    li.createDiv({ cls: 'jha-followup-reason', text: f.reason });
    if (f.draft) {
      const details = li.createEl('details', { cls: 'jha-followup-draft' });
      details.createEl('summary', { text: 'Draft' });
      const connection = f.kind === 'connection-request';
      const profile = connection ? state.report?.application.hiringManager?.linkedin : undefined;
      draftBox(details, connection ? 'Connection note' : 'Draft', f.draft, connection ? state.draftLimit : undefined, actions, profile);
    }
  }
  const buttons = section.createDiv({ cls: 'jha-buttons' });
  if (planned > 0) button(buttons, planned === 1 ? 'Create 1 task' : `Create ${planned} tasks`, actions.onCreateFollowUps, 'mod-cta');
  button(buttons, 'Insert advice callout', actions.onInsertCallout);
}

function notApplication(parent: HTMLElement, state: AdvicePaneState): void {
  const section = parent.createDiv({ cls: 'jha-section jha-explain' });
  if (!state.notePath) {
    section.createDiv({ cls: 'jha-muted', text: 'Open an application note to see advice for it.' });
    return;
  }
  section.createDiv({ cls: 'jha-explain-title', text: `"${state.noteName ?? state.notePath}" is not an application note.` });
  const info = state.notApplication;
  const fields = info?.stageFields.slice(0, 5).join(', ') ?? 'stage, status';
  const words = info?.stageExamples.slice(0, 6).join(', ') ?? 'Applied, Interviewing, Offer';
  section.createEl('p', { text: `A note is an application when its properties have a stage field (${fields}) holding a stage word such as ${words}.` });
  if (info?.scope) section.createEl('p', { text: info.scope });
  section.createEl('p', {
    text: 'If your notes name the field differently, or use other stage words, map them in the settings, in the section about your notes.',
  });
}

function vaultWide(parent: HTMLElement, state: AdvicePaneState, actions: AdvicePaneActions): void {
  if (!state.due && !state.waiting) return;
  const section = parent.createDiv({ cls: 'jha-section jha-vault' });
  section.createEl('h4', { cls: 'jha-heading', text: 'Across your applications' });
  const today = state.today;
  section.createDiv({ cls: 'jha-subheading', text: 'Due today or overdue' });
  const due = state.due ?? [];
  if (due.length === 0) section.createDiv({ cls: 'jha-muted', text: 'Nothing due.' });
  const dueList = section.createEl('ul', { cls: 'jha-vault-list' });
  for (const d of due) {
    const li = dueList.createEl('li');
    link(li, d.title, d.path, actions);
    li.createSpan({ cls: 'jha-muted', text: ` · ${today ? relativeDay(d.due, today) : d.due}` });
  }
  section.createDiv({ cls: 'jha-subheading', text: 'Waiting too long' });
  const waiting = state.waiting ?? [];
  if (waiting.length === 0) section.createDiv({ cls: 'jha-muted', text: 'No application is waiting too long.' });
  const waitList = section.createEl('ul', { cls: 'jha-vault-list' });
  for (const w of waiting) {
    const li = waitList.createEl('li');
    link(li, w.noteName, w.path, actions);
    li.createDiv({ cls: 'jha-muted', text: w.summary });
  }
}

/** Draws the whole pane into `container` (emptied first). */
export function renderAdvicePane(container: HTMLElement, state: AdvicePaneState, actions: AdvicePaneActions): void {
  container.empty();
  const pane = container.createDiv({ cls: 'jha-pane' });
  const report = state.report;
  if (state.problem) {
    pane.createDiv({ cls: 'jha-problem', text: state.problem });
  } else if (!report) {
    notApplication(pane, state);
  } else {
    const a = report.application;
    const header = pane.createDiv({ cls: 'jha-header' });
    header.createDiv({ cls: 'jha-title', text: state.noteName ?? a.noteName });
    const what = [a.role, a.company].filter((x): x is string => Boolean(x)).join(' at ');
    header.createDiv({ cls: 'jha-subtitle', text: what ? `${what} · ${a.stageLabel}` : a.stageLabel });
    header.createDiv({ cls: 'jha-moment', text: report.momentSummary });
    person(header, 'Hiring manager', a.hiringManager, actions);
    person(header, 'Recruiter', a.recruiter, actions);
    for (const w of a.warnings) header.createDiv({ cls: 'jha-warning', text: w.message });
    verdict(pane, report);
    if (state.draft && report.verdict.connectNow && !report.verdict.alreadyConnected) {
      draftBox(pane.createDiv({ cls: 'jha-section' }), 'Connection note draft', state.draft, state.draftLimit, actions, a.hiringManager?.linkedin);
    }
    adviceCards(pane, report);
    followUpList(pane, state, actions);
  }
  vaultWide(pane, state, actions);
}
