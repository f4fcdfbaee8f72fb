// Draws the advice pane from a state the adapters computed. Only the DOM and Obsidian's DOM helpers
// (createEl, createDiv, createSpan, empty): no other Obsidian API, so the same code draws the pane in
// a plain browser page for screenshots. Every text from a note is set as text, never as HTML.
import type { AcrossLists } from '../core/across';
import { countLinkedInChars } from '../core/drafts';
import { relativeDay } from '../core/dates';
import type { HuntOverview } from '../core/hunt-overview';
import type { FollowUpState, FollowUpStatus } from '../core/memory';
import type { PackNoteView } from '../core/packs';
import type { AdviceReport, CalendarDate, FollowUp, Person, Voice } from '../core/model';
import { marksOf } from '../core/wording';
import { paneView, SECTION_OPEN_BY_DEFAULT } from './advice-pane-view';
import type { AdviceRow, FollowUpRow, PaneSection, PaneView } from './advice-pane-view';
import { renderPipeline } from './pipeline-render';
import type { PipelineActions } from './pipeline-render';

export interface AdvicePaneState {
  /** The note the pane follows; absent when no note is open. */
  notePath?: string;
  noteName?: string;
  /** Present when the note is an application. */
  report?: AdviceReport;
  followUps?: FollowUp[];
  /** Follow-up id -> its state; missing ids are planned. */
  states?: Record<string, FollowUpStatus>;
  /** The connection note to send with a request (when the verdict says connect). */
  draft?: string;
  draftLimit?: number;
  /** Why the note could not be read (broken YAML, an unknown stage word): shown instead of advice. */
  problem?: string;
  /** For a note that is not an application: how the plugin recognises one. */
  notApplication?: { stageFields: string[]; stageExamples: string[]; scope?: string };
  /** Across the vault (the core's section, src/core/across.ts). Undefined: not computed (the section is left out). */
  due?: AcrossLists['due'];
  waiting?: AcrossLists['waiting'];
  today?: CalendarDate;
  /** Sections and advice items open (true) or closed (false), as the person left them. */
  open?: Record<string, boolean>;
  /** The whole hunt: shown on a note that is not an application, or when asked. */
  pipeline?: HuntOverview;
  /** What is wrong in the person's advice pack, one line each naming the note. */
  packProblems?: readonly string[];
  /** The open note is one of the advice pack's: what it defines, shown instead of "not an application". */
  packNote?: PackNoteView;
}

export interface AdvicePaneActions extends PipelineActions {
  /** "Move to stage...", on an application note. */
  onSetStage?: () => void;
  /** Show (or hide) the whole hunt below an application's advice. */
  onShowPipeline?: () => void;
  onCreateFollowUps?: () => void;
  onInsertCallout?: () => void;
  onCopyDraft?: (text: string) => void;
  /** Open a note by link text or path, from the note the pane follows. */
  onOpen?: (linktext: string) => void;
  /** A section (its id) or an advice item (`advice:<id>`) was opened or closed. */
  onToggle?: (key: string, open: boolean) => void;
  /** The checkbox of a created follow-up: mark its task note done (or not done again). */
  onSetDone?: (path: string, done: boolean) => void;
}

const STATE_LABEL: Record<FollowUpState, string> = {
  planned: 'Planned',
  created: 'To do',
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

let foldIds = 0;

function isOpen(state: AdvicePaneState, key: string, byDefault: boolean): boolean {
  return state.open?.[key] ?? byDefault;
}

/**
 * A section that folds like Obsidian's Backlinks and Properties: a header with the section's
 * name and count that opens and closes it (a button, so the keyboard reaches it), the body hidden
 * while closed. The caller fills the body; the person's choice is reported to be remembered.
 */
function fold(parent: HTMLElement, id: PaneSection, title: string, count: number | undefined, state: AdvicePaneState, actions: AdvicePaneActions, byDefault = SECTION_OPEN_BY_DEFAULT[id]): HTMLElement {
  const open = isOpen(state, id, byDefault);
  const section = parent.createDiv({ cls: `jha-fold jha-fold-${id}${open ? ' is-open' : ''}`, attr: { 'data-section': id } });
  const bodyId = `jha-fold-${id}-${++foldIds}`;
  const header = section.createEl('button', {
    cls: 'jha-fold-header',
    attr: { type: 'button', 'aria-expanded': String(open), 'aria-controls': bodyId },
  });
  header.createSpan({ cls: 'jha-fold-chevron', attr: { 'aria-hidden': 'true' } });
  header.createSpan({ cls: 'jha-fold-title', text: title });
  if (count !== undefined) header.createSpan({ cls: 'jha-fold-count', text: String(count) });
  const body = section.createDiv({ cls: 'jha-fold-body', attr: { id: bodyId } });
  body.hidden = !open;
  header.addEventListener('click', () => {
    const now = body.hidden;
    body.hidden = !now;
    header.setAttribute('aria-expanded', String(now));
    section.toggleClass('is-open', now);
    actions.onToggle?.(id, now);
  });
  return body;
}

function header(pane: HTMLElement, view: PaneView, actions: AdvicePaneActions): void {
  const el = pane.createDiv({ cls: 'jha-header' });
  el.createDiv({ cls: 'jha-title', text: view.title });
  const line = el.createDiv({ cls: 'jha-subtitle' });
  if (view.role) line.createSpan({ cls: 'jha-role', text: view.role });
  line.createSpan({ cls: 'jha-stage', text: view.stage });
  el.createDiv({ cls: 'jha-moment', text: view.moment });
  person(el, 'Hiring manager', view.hiringManager, actions);
  person(el, 'Recruiter', view.recruiter, actions);
  for (const w of view.warnings) el.createDiv({ cls: 'jha-warning', text: w });
}

function verdict(pane: HTMLElement, view: PaneView): void {
  const v = view.verdict;
  const section = pane.createDiv({ cls: `jha-verdict jha-verdict-${v.tone}` });
  section.createDiv({ cls: 'jha-verdict-headline', text: v.headline });
  section.createDiv({ cls: 'jha-verdict-reason', text: v.reason });
}

/** The checkbox of a follow-up with a task note, or what stands in its place. */
function tick(parent: HTMLElement, row: FollowUpRow, actions: AdvicePaneActions): void {
  const path = row.path;
  const setDone = actions.onSetDone;
  if (path && setDone && (row.state === 'created' || row.state === 'done')) {
    const box = parent.createEl('input', {
      cls: 'task-list-item-checkbox jha-tick',
      attr: { type: 'checkbox', 'aria-label': `Done: ${row.followUp.title}` },
    });
    box.checked = row.state === 'done';
    box.addEventListener('change', () => setDone(path, box.checked));
    return;
  }
  parent.createSpan({ cls: `jha-badge jha-badge-${row.state}`, text: STATE_LABEL[row.state] });
}

function followUpItem(list: HTMLElement, row: FollowUpRow, actions: AdvicePaneActions, withReason: boolean): HTMLElement {
  const li = list.createEl('li', { cls: `jha-followup jha-state-${row.state}` });
  tick(li, row, actions);
  const text = li.createDiv({ cls: 'jha-followup-text' });
  link(text, row.followUp.title, row.path, actions, 'jha-followup-title');
  text.createDiv({ cls: 'jha-followup-due', text: row.when });
  if (withReason && row.adds) text.createDiv({ cls: 'jha-followup-reason', text: row.adds });
  return text;
}

function next(pane: HTMLElement, view: PaneView, actions: AdvicePaneActions): void {
  const section = pane.createDiv({ cls: 'jha-next' });
  section.createDiv({ cls: 'jha-heading', text: 'Next' });
  if (view.next.length === 0) {
    const done = view.followUps.length > 0;
    section.createDiv({ cls: 'jha-muted', text: done ? 'Every follow-up is done.' : 'Nothing to do at this stage.' });
  } else {
    const ul = section.createEl('ul', { cls: 'jha-followup-list' });
    for (const row of view.next) followUpItem(ul, row, actions, false);
  }
  const buttons = section.createDiv({ cls: 'jha-buttons' });
  if (view.plannedCount > 0) button(buttons, view.plannedCount === 1 ? 'Create 1 task' : `Create ${view.plannedCount} tasks`, actions.onCreateFollowUps, 'mod-cta');
  button(buttons, 'Insert advice callout', actions.onInsertCallout);
}

function positions(parent: HTMLElement, title: string, list: readonly Voice[], cls: string): void {
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
    const marks = marksOf(pos).filter((m) => m !== 'in general');
    li.createSpan({ cls: 'jha-org', text: ` (${pos.expert.organization})${marks.length > 0 ? `, ${marks.join(', ')}` : ''}` });
    li.createDiv({ cls: 'jha-because', text: pos.because });
  }
}

function experts(pane: HTMLElement, view: PaneView, state: AdvicePaneState, actions: AdvicePaneActions): void {
  const v = view.verdict;
  if (v.tone === 'done') return;
  const body = fold(pane, 'experts', 'Experts for and against', v.for.length + v.against.length + v.general.length, state, actions);
  const sides = body.createDiv({ cls: 'jha-sides' });
  positions(sides, 'Connect now', v.for, 'jha-for');
  positions(sides, 'Wait', v.against, 'jha-against');
  if (v.general.length > 0) positions(sides, 'In general only', v.general, 'jha-general');
}

function adviceItem(list: HTMLElement, item: AdviceRow, state: AdvicePaneState, actions: AdvicePaneActions): void {
  const key = `advice:${item.id}`;
  const open = isOpen(state, key, false);
  const li = list.createEl('li', { cls: `jha-advice-item jha-stance-${item.stance}` });
  const detailId = `jha-advice-${++foldIds}`;
  const toggle = li.createEl('button', { cls: 'jha-advice-toggle', attr: { type: 'button', 'aria-expanded': String(open), 'aria-controls': detailId } });
  toggle.createSpan({ cls: 'jha-advice-title', text: item.title });
  if (item.experts) toggle.createSpan({ cls: 'jha-advice-experts', text: item.experts });
  const detail = li.createDiv({ cls: 'jha-advice-detail', attr: { id: detailId } });
  detail.hidden = !open;
  detail.createDiv({ text: item.detail });
  if (item.adds) detail.createDiv({ cls: 'jha-advice-why', text: item.adds });
  toggle.addEventListener('click', () => {
    const now = detail.hidden;
    detail.hidden = !now;
    toggle.setAttribute('aria-expanded', String(now));
    actions.onToggle?.(key, now);
  });
}

function advice(pane: HTMLElement, view: PaneView, state: AdvicePaneState, actions: AdvicePaneActions): void {
  const body = fold(pane, 'advice', 'Advice for now', view.advice.length, state, actions);
  if (view.advice.length === 0) {
    body.createDiv({ cls: 'jha-muted', text: 'No advice for this moment.' });
    return;
  }
  const ul = body.createEl('ul', { cls: 'jha-advice-list' });
  for (const item of view.advice) adviceItem(ul, item, state, actions);
}

function draftBox(parent: HTMLElement, title: string | undefined, text: string, limit: number | undefined, actions: AdvicePaneActions, profile?: string): void {
  const box = parent.createDiv({ cls: 'jha-draft' });
  const head = box.createDiv({ cls: 'jha-draft-head' });
  if (title) head.createSpan({ cls: 'jha-draft-title', text: title });
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

function connectionDraft(pane: HTMLElement, view: PaneView, state: AdvicePaneState, actions: AdvicePaneActions): void {
  if (!state.draft || view.verdict.tone !== 'yes') return;
  const body = fold(pane, 'draft', 'Connection note draft', undefined, state, actions);
  draftBox(body, undefined, state.draft, state.draftLimit, actions, view.hiringManager?.linkedin);
}

function allFollowUps(pane: HTMLElement, view: PaneView, state: AdvicePaneState, actions: AdvicePaneActions): void {
  if (view.followUps.length === 0) return;
  const body = fold(pane, 'followups', 'All follow-ups', view.followUps.length, state, actions);
  const ul = body.createEl('ul', { cls: 'jha-followup-list' });
  for (const row of view.followUps) {
    const text = followUpItem(ul, row, actions, true);
    const f = row.followUp;
    if (!f.draft) continue;
    const details = text.createEl('details', { cls: 'jha-followup-draft' });
    details.createEl('summary', { text: 'Draft' });
    const connection = f.kind === 'connection-request';
    draftBox(details, undefined, f.draft, connection ? state.draftLimit : undefined, actions, connection ? view.hiringManager?.linkedin : undefined);
  }
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

/** A note of the advice pack: the expert it defines, whether they count, and what is wrong in it. Text only. */
function packNote(parent: HTMLElement, note: PackNoteView): void {
  const section = parent.createDiv({ cls: 'jha-section jha-explain jha-pack-note' });
  const expert = note.expert;
  section.createDiv({ cls: 'jha-explain-title', text: expert ? `Advice pack note: ${expert.name} (${expert.organization})` : 'Advice pack note' });
  if (expert?.source) section.createEl('p', { cls: 'jha-muted', text: `Source: ${expert.source}` });
  if (note.use === 'in-use' && expert) {
    const where = note.moments.length > 0 ? ` Their stance counts in the verdict at: ${note.moments.join(', ')}.` : ' Their stance counts at no moment yet.';
    section.createEl('p', { text: `In use: ${expert.name} speaks beside the nine experts, marked as your pack.${where}` });
  } else if (note.use === 'switched-off' && expert) {
    section.createEl('p', { text: `Switched off in the settings: ${expert.name} counts in no verdict and backs no advice until switched on again.` });
  } else {
    section.createEl('p', { text: 'Not in use: this note is not read as an expert until the problems below are fixed.' });
  }
  if (note.items.length > 0) {
    section.createDiv({ cls: 'jha-subheading', text: 'Their advice' });
    const list = section.createEl('ul');
    for (const item of note.items) list.createEl('li', { text: item });
  }
  if (note.problems.length > 0) {
    section.createDiv({ cls: 'jha-subheading', text: 'Problems in this note' });
    for (const line of note.problems) section.createDiv({ cls: 'jha-problem', text: line });
  }
  section.createEl('p', { cls: 'jha-muted', text: 'Notes of the advice pack folder (a setting) are never read as applications.' });
}

function vaultWide(parent: HTMLElement, state: AdvicePaneState, actions: AdvicePaneActions): void {
  if (!state.due && !state.waiting) return;
  const due = state.due ?? [];
  const waiting = state.waiting ?? [];
  // Without an application open, the lists are all the pane has to show: open then.
  const body = fold(parent, 'vault', 'Across your applications', due.length + waiting.length, state, actions, state.report ? SECTION_OPEN_BY_DEFAULT.vault : true);
  const today = state.today;
  body.createDiv({ cls: 'jha-subheading', text: 'Due today or overdue' });
  if (due.length === 0) body.createDiv({ cls: 'jha-muted', text: 'Nothing due.' });
  const dueList = body.createEl('ul', { cls: 'jha-vault-list' });
  for (const d of due) {
    const li = dueList.createEl('li');
    link(li, d.title, d.path, actions);
    li.createSpan({ cls: 'jha-muted', text: ` · ${today ? relativeDay(d.due, today) : d.due}` });
  }
  body.createDiv({ cls: 'jha-subheading', text: 'Waiting too long' });
  if (waiting.length === 0) body.createDiv({ cls: 'jha-muted', text: 'No application is waiting too long.' });
  const waitList = body.createEl('ul', { cls: 'jha-vault-list' });
  for (const w of waiting) {
    const li = waitList.createEl('li');
    link(li, w.noteName, w.path, actions);
    li.createDiv({ cls: 'jha-muted', text: w.summary });
  }
}

/**
 * Draws the whole pane into `container` (emptied first). The first screen answers "what do I do
 * next?": the application, the verdict with its reason, the next follow-ups. The rest folds.
 */
export function renderAdvicePane(container: HTMLElement, state: AdvicePaneState, actions: AdvicePaneActions): void {
  container.empty();
  const pane = container.createDiv({ cls: 'jha-pane' });
  const view = paneView(state);
  if (state.problem) {
    pane.createDiv({ cls: 'jha-problem', text: state.problem });
  } else if (state.packNote) {
    packNote(pane, state.packNote);
  } else if (!view) {
    notApplication(pane, state);
  } else {
    header(pane, view, actions);
    verdict(pane, view);
    next(pane, view, actions);
    const hunt = pane.createDiv({ cls: 'jha-buttons jha-hunt-buttons' });
    button(hunt, 'Move to stage...', actions.onSetStage);
    button(hunt, state.pipeline ? 'Hide the whole hunt' : 'Show the whole hunt', actions.onShowPipeline);
    connectionDraft(pane, view, state, actions);
    advice(pane, view, state, actions);
    experts(pane, view, state, actions);
    allFollowUps(pane, view, state, actions);
  }
  if (state.pipeline) renderPipeline(pane, state.pipeline, actions);
  vaultWide(pane, state, actions);
  packProblems(pane, state);
}

/** The advice pack's problems, as text: a pack is the person's writing, never HTML. */
function packProblems(parent: HTMLElement, state: AdvicePaneState): void {
  if (!state.packProblems?.length) return;
  const section = parent.createDiv({ cls: 'jha-pack-problems' });
  section.createDiv({ cls: 'jha-pack-problems-title', text: 'Your advice pack and expert switches: to fix' });
  for (const line of state.packProblems) section.createDiv({ cls: 'jha-problem', text: line });
}
