// What the advice pane says, worked out from the pane's state before anything is drawn: which
// follow-ups come next, the verdict's reason in terms of who speaks to this moment, and each fact
// said once. Pure (no DOM), so it is tested directly and the renderer only lays it out.
import { compareDates, relativeDay } from '../core/dates';
import type { CalendarDate, FollowUp, Person, Stance, Voice } from '../core/model';
import { marksOf, phrasesOf, summaryOf, verdictBalance, verdictHeadline, whyNow } from '../core/wording';
import type { FollowUpState } from '../core/memory';
import type { AdvicePaneState } from './advice-pane-render';

/** The pane's sections that fold, each remembered open or closed. */
export const PANE_SECTIONS = ['experts', 'advice', 'followups', 'draft', 'vault'] as const;
export type PaneSection = (typeof PANE_SECTIONS)[number];

/** How a section opens the first time: the advice titles are short enough to show, the rest waits for a click. */
export const SECTION_OPEN_BY_DEFAULT: Record<PaneSection, boolean> = {
  experts: false,
  advice: true,
  followups: false,
  draft: false,
  vault: false,
};

/** How many follow-ups the first screen shows under "Next". */
export const NEXT_COUNT = 3;

export interface FollowUpRow {
  followUp: FollowUp;
  state: FollowUpState;
  /** The task note, when one exists (then it can be ticked off). */
  path?: string;
  /** "2026-03-12 · in 3 days". */
  when: string;
  /** The follow-up's reason, less what the header already said. */
  adds: string;
}

export interface AdviceRow {
  id: string;
  title: string;
  /** "Zack McCarty (Bluestone), Megan Chiamese (365 Cannabis)". */
  experts: string;
  detail: string;
  /** Why now, less what the header already said; empty when it adds nothing. */
  adds: string;
  stance: Stance;
}

export interface PaneView {
  /** "Orchid Labs", or the note's name when the note names no company. */
  title: string;
  /** "Analyst", when the note names a role. */
  role?: string;
  stage: string;
  /** Where the application stands: said once, here. */
  moment: string;
  hiringManager?: Person;
  recruiter?: Person;
  warnings: string[];
  verdict: {
    tone: 'yes' | 'no' | 'done';
    headline: string;
    /** Who speaks to this moment and what they say: the reason the verdict comes out this way. */
    reason: string;
    for: readonly Voice[];
    against: readonly Voice[];
    /** Spoke only in general words that reach this moment: shown apart, never as a side. */
    general: readonly Voice[];
  };
  /** Up to NEXT_COUNT follow-ups still to do, soonest first. */
  next: FollowUpRow[];
  /** Every follow-up, soonest first, done ones included (struck through). */
  followUps: FollowUpRow[];
  /** Planned follow-ups without a task note yet (the create button's count). */
  plannedCount: number;
  advice: AdviceRow[];
}

/**
 * What a reason adds to the moment summary shown above it. Reasons are written to stand alone
 * ("Your interview with Ana was 3 days ago (2026-03-06): write to her now"); under a header that
 * already says where the application stands, the clause they share with it is dropped.
 */
export function whatItAdds(reason: string, moment: string): string {
  const r = reason.trim();
  if (r === moment.trim()) return '';
  const clauses = moment
    .split(/[;.]\s+|[;.]$/)
    .map((c) => c.trim())
    .filter((c) => c.length >= 12);
  for (const clause of clauses) {
    if (!r.startsWith(clause)) continue;
    const rest = r
      .slice(clause.length)
      .replace(/^[\s:;,.—-]+/, '')
      .replace(/^(and|so|but)\s+/i, '')
      .trim();
    if (rest === '' || /^[.;:]*$/.test(rest)) return '';
    return rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  return r;
}

function when(due: CalendarDate, today: CalendarDate | undefined): string {
  return today ? `${due} · ${relativeDay(due, today)}` : due;
}

const OPEN_STATES: ReadonlySet<FollowUpState> = new Set(['planned', 'created']);

/** The pane's content for an application note (undefined for any other state). */
export function paneView(state: AdvicePaneState): PaneView | undefined {
  const report = state.report;
  if (!report) return undefined;
  const a = report.application;
  const today = state.today ?? report.today;
  const moment = summaryOf(report);
  const rows = [...(state.followUps ?? [])]
    .sort((x, y) => compareDates(x.due, y.due) || compareDates(x.id, y.id))
    .map((f): FollowUpRow => {
      const s = state.states?.[f.id] ?? { state: 'planned' as const };
      const row: FollowUpRow = { followUp: f, state: s.state, when: when(f.due, today), adds: whatItAdds(f.reason, moment) };
      if (s.path) row.path = s.path;
      return row;
    });
  const v = report.verdict;
  const phrases = phrasesOf(report);
  const view: PaneView = {
    title: a.company ?? state.noteName ?? a.noteName,
    stage: a.stageLabel,
    moment,
    warnings: a.warnings.map((w) => w.message),
    verdict: {
      tone: v.alreadyConnected ? 'done' : v.connectNow ? 'yes' : 'no',
      headline: verdictHeadline(report),
      reason: verdictBalance(report),
      for: v.for,
      against: v.against,
      general: v.general,
    },
    next: rows.filter((r) => OPEN_STATES.has(r.state)).slice(0, NEXT_COUNT),
    followUps: rows,
    plannedCount: rows.filter((r) => r.state === 'planned').length,
    advice: report.advice.map((item) => ({
      id: item.id,
      title: item.title,
      experts: item.backers
        .map((b) => {
          const marks = marksOf(b);
          return `${b.expert.name} (${b.expert.organization})${marks.length > 0 ? `, ${marks.join(', ')}` : ''}`;
        })
        .join('; '),
      detail: item.detail,
      adds: whatItAdds(whyNow(report, item, phrases), moment),
      stance: item.stance,
    })),
  };
  if (a.role) view.role = a.role;
  if (a.hiringManager) view.hiringManager = a.hiringManager;
  if (a.recruiter) view.recruiter = a.recruiter;
  return view;
}
