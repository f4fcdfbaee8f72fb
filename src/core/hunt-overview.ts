// The whole hunt at a glance, and the same facts as export rows: counts per stage in the
// person's words, how many applications got an answer and how long answers took, and each open
// application's next step. Computed from what the hosts already read; nothing is guessed.
import { daysBetween } from './dates';
import { STAGES } from './model';
import type { Application, CalendarDate, CoreSettings, FollowUp, Stage } from './model';
import { readStageHistory } from './stage-change';
import type { StageHistoryEntry } from './stage-change';
import { learnSchema } from './vault-schema';
import type { VaultSchema } from './vault-schema';

/** One application with what the overview needs: its history, its planned follow-ups, its moment. */
export interface HuntApplication {
  application: Application;
  history: StageHistoryEntry[];
  followUps: FollowUp[];
  /** "You applied 3 days ago and have no interview yet." */
  momentSummary: string;
}

export interface OpenApplication {
  path: string;
  noteName: string;
  company?: string;
  role?: string;
  stage: Stage;
  word: string;
  /** The soonest planned follow-up, when there is one. */
  next?: { title: string; due: CalendarDate };
  summary: string;
}

export interface HuntOverview {
  today: CalendarDate;
  total: number;
  /** Every stage in pipeline order, in the vault's words, with how many applications are there now. */
  stages: { stage: Stage; word: string; count: number }[];
  /** Applications sent (past wishlist, not withdrawn before sending). */
  appliedTo: number;
  /** Of those, how many got past "applied": a screen, an interview, an offer or a rejection. */
  answered: number;
  /** answered / appliedTo, undefined when nothing was sent yet. */
  responseRate?: number;
  /** Days from sending to the first answer, over the applications whose dates tell. */
  answerDays?: { median: number; fastest: number; slowest: number; samples: number };
  open: OpenApplication[];
}

const ANSWERED: readonly Stage[] = ['screening', 'interviewing', 'offer', 'accepted', 'rejected'];
const OPEN: readonly Stage[] = ['wishlist', 'applied', 'screening', 'interviewing', 'offer'];

/** Whether the application has gone past "applied": somebody answered. */
export function isAnswered(stage: Stage): boolean {
  return ANSWERED.includes(stage);
}

function wasSent(a: Application): boolean {
  if (a.stage === 'wishlist') return false;
  return a.stage !== 'withdrawn' || a.applied !== undefined;
}

/** The day the first answer came: its history entry, else the decision or first interview date. */
function answeredOn(h: HuntApplication): CalendarDate | undefined {
  const a = h.application;
  const fromHistory = h.history.find((e) => e.stage !== undefined && isAnswered(e.stage) && (a.applied === undefined || e.date >= a.applied));
  if (fromHistory) return fromHistory.date;
  const dates = [a.interviews[0]?.date, a.stage === 'rejected' || a.stage === 'offer' || a.stage === 'accepted' ? a.decision : undefined];
  return dates.filter((d): d is CalendarDate => d !== undefined).sort()[0];
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : Math.round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
}

/** The soonest follow-up, ties broken by title so the answer never depends on the planner's order. */
export function nextFollowUp(followUps: readonly FollowUp[]): FollowUp | undefined {
  let best: FollowUp | undefined;
  for (const f of followUps) if (!best || f.due < best.due || (f.due === best.due && f.title < best.title)) best = f;
  return best;
}

export function huntOverview(applications: readonly HuntApplication[], schema: VaultSchema, today: CalendarDate): HuntOverview {
  const counts = new Map<Stage, number>();
  const waits: number[] = [];
  let appliedTo = 0;
  let answered = 0;
  const open: OpenApplication[] = [];
  for (const h of applications) {
    const a = h.application;
    counts.set(a.stage, (counts.get(a.stage) ?? 0) + 1);
    if (wasSent(a)) {
      appliedTo++;
      if (isAnswered(a.stage)) {
        answered++;
        const on = answeredOn(h);
        if (on && a.applied && on >= a.applied) waits.push(daysBetween(a.applied, on));
      }
    }
    if (OPEN.includes(a.stage)) {
      const item: OpenApplication = { path: a.path, noteName: a.noteName, stage: a.stage, word: a.stageLabel, summary: h.momentSummary };
      if (a.company) item.company = a.company;
      if (a.role) item.role = a.role;
      const next = nextFollowUp(h.followUps);
      if (next) item.next = { title: next.title, due: next.due };
      open.push(item);
    }
  }
  // Soonest step first; applications with nothing planned after, by name.
  open.sort((x, y) => {
    const dx = x.next?.due ?? '\uffff';
    const dy = y.next?.due ?? '\uffff';
    return dx !== dy ? (dx < dy ? -1 : 1) : x.noteName < y.noteName ? -1 : x.noteName > y.noteName ? 1 : 0;
  });
  const overview: HuntOverview = {
    today,
    total: applications.length,
    stages: STAGES.map((stage) => ({ stage, word: schema.stageWords[stage], count: counts.get(stage) ?? 0 })),
    appliedTo,
    answered,
    open,
  };
  if (appliedTo > 0) overview.responseRate = answered / appliedTo;
  if (waits.length > 0) {
    const sorted = [...waits].sort((x, y) => x - y);
    overview.answerDays = { median: median(sorted), fastest: sorted[0] ?? 0, slowest: sorted[sorted.length - 1] ?? 0, samples: sorted.length };
  }
  return overview;
}

/** An application note as a host read it and the pipeline advised on it. */
export interface AdvisedNote {
  path: string;
  frontmatter: unknown;
  application: Application;
  followUps: FollowUp[];
  momentSummary: string;
}

/**
 * The whole hunt from every advised note: the vault's schema (its history field, its stage words)
 * is learned from all of them together, then each note's stage history read with it.
 */
export function huntOverviewOf(notes: readonly AdvisedNote[], settings: Pick<CoreSettings, 'fieldMap' | 'stageAliases'>, today: CalendarDate): HuntOverview {
  const schema = learnSchema(notes.map((n) => ({ path: n.path, frontmatter: n.frontmatter })), settings);
  const applications: HuntApplication[] = notes.map((n) => ({
    application: n.application,
    history: readStageHistory(n.frontmatter, schema, settings),
    followUps: n.followUps,
    momentSummary: n.momentSummary,
  }));
  return huntOverview(applications, schema, today);
}

// ---- Export -------------------------------------------------------------------------------------

/** One application as a row of the export (the proof of applications some benefit offices ask for). */
export interface ExportRow {
  company: string;
  role: string;
  stage: string;
  applied: string;
  lastStageChange: string;
  nextFollowUp: string;
  nextFollowUpDue: string;
  path: string;
}

/** The columns, in order, with their headings. */
export const EXPORT_COLUMNS: readonly { key: keyof ExportRow; header: string }[] = [
  { key: 'company', header: 'Company' },
  { key: 'role', header: 'Role' },
  { key: 'stage', header: 'Stage' },
  { key: 'applied', header: 'Applied' },
  { key: 'lastStageChange', header: 'Last stage change' },
  { key: 'nextFollowUp', header: 'Next follow-up' },
  { key: 'nextFollowUpDue', header: 'Next follow-up due' },
  { key: 'path', header: 'Note' },
];

export function exportRow(h: HuntApplication): ExportRow {
  const a = h.application;
  const next = nextFollowUp(h.followUps);
  const last = h.history[h.history.length - 1];
  return {
    company: a.company ?? '',
    role: a.role ?? '',
    stage: a.stageLabel,
    applied: a.applied ?? '',
    lastStageChange: last?.date ?? '',
    nextFollowUp: next?.title ?? '',
    nextFollowUpDue: next?.due ?? '',
    path: a.path,
  };
}

/** Rows sorted by applied date (unsent last), then by note, so two exports of one vault are identical. */
export function exportRows(applications: readonly HuntApplication[]): ExportRow[] {
  return applications.map(exportRow).sort((x, y) => {
    const ax = x.applied || '\uffff';
    const ay = y.applied || '\uffff';
    return ax !== ay ? (ax < ay ? -1 : 1) : x.path < y.path ? -1 : x.path > y.path ? 1 : 0;
  });
}

/**
 * A cell a spreadsheet shows as text, never runs: one starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return would be read as a formula (CSV injection), so it gets a leading `'`, which
 * Excel, LibreOffice and Google Sheets hide and treat as "this is text".
 */
export function spreadsheetSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
