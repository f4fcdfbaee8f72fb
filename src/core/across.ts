// The advice pane's section "Across your applications", in every host: the open task notes due
// today or before, earliest first, and the applications waiting too long for an answer, longest
// first, each list cut at the same length. The rules live here once; a host keeps only its reads
// (the Obsidian vault index keeps its rows between draws and asks these rules of each one).
import type { Application, CalendarDate } from './model';
import { momentOf } from './moment';
import type { Settings } from './settings';
import type { TaskNoteState } from './task-note';
import { waitingDaysOf } from './waiting';

/** How many rows each list shows. */
export const ACROSS_LIST_LENGTH = 30;

/** A task note of ours where it is (its path in the vault or workspace folder). */
export interface TaskNoteAt extends TaskNoteState {
  path: string;
}

/** An application waiting for an answer, and for how many days. */
export interface WaitingAt {
  path: string;
  days: number;
}

/** Whether the task note is listed as due: still open, with a due day today or before. */
export function isDue(task: TaskNoteState, today: CalendarDate): boolean {
  return !task.done && task.due !== undefined && task.due <= today;
}

/** Whether an application waiting `days` (undefined: not waiting) is listed as waiting too long. */
export function isWaitingTooLong(days: number | undefined, settings: Pick<Settings, 'waitingTooLongDays'>): days is number {
  return days !== undefined && days >= settings.waitingTooLongDays;
}

/** The days an application has waited, when that is too long; undefined otherwise. */
export function waitingTooLong(app: Application, today: CalendarDate, settings: Pick<Settings, 'waitingTooLongDays'>): number | undefined {
  const days = waitingDaysOf(app, today);
  return isWaitingTooLong(days, settings) ? days : undefined;
}

/** Code-unit order: quick for thousands of rows, and the same on every device. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Earliest due first, then by title, then by path: the same whatever order the notes were read in. */
export function byDue(a: TaskNoteAt, b: TaskNoteAt): number {
  return compare(a.due ?? '', b.due ?? '') || a.title.localeCompare(b.title) || compare(a.path, b.path);
}

/** Longest wait first, then by path. */
export function byWait(a: WaitingAt, b: WaitingAt): number {
  return b.days - a.days || compare(a.path, b.path);
}

/**
 * The first ACROSS_LIST_LENGTH items in `order`, without sorting thousands of rows to show thirty.
 * `order` must break every tie (byDue and byWait end on the path).
 */
export function firstOf<T>(items: Iterable<T>, order: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  for (const item of items) {
    const last = first[first.length - 1];
    if (first.length === ACROSS_LIST_LENGTH && last !== undefined && order(item, last) >= 0) continue;
    let at = first.length;
    while (at > 0 && order(item, first[at - 1] as T) < 0) at -= 1;
    first.splice(at, 0, item);
    if (first.length > ACROSS_LIST_LENGTH) first.pop();
  }
  return first;
}

/**
 * Whether adding or removing `row` leaves the list `firstOf` gave as it is: the list is full and
 * the row comes after its last. A host keeping the list between draws makes it again otherwise.
 */
export function leavesListAsIs<T>(list: readonly T[] | undefined, row: T, order: (a: T, b: T) => number): boolean {
  const last = list?.[ACROSS_LIST_LENGTH - 1];
  return last !== undefined && order(row, last) > 0;
}

/** The task notes listed as due, from all of them. */
function dueTaskNotes<T extends TaskNoteAt>(tasks: Iterable<T>, today: CalendarDate): T[] {
  const due: T[] = [];
  for (const task of tasks) if (isDue(task, today)) due.push(task);
  return firstOf(due, byDue);
}

/** The waiting row's one line ("You applied 3 weeks ago and have heard nothing since."). */
export function waitingSummary(app: Application, today: CalendarDate): string {
  return momentOf(app, today).summary;
}

/** A row of the "Waiting too long" list. */
export interface WaitingApplication extends WaitingAt {
  noteName: string;
  summary: string;
}

/** The applications listed as waiting too long, from all of them. */
function waitingApplications(apps: Iterable<Application>, today: CalendarDate, settings: Pick<Settings, 'waitingTooLongDays'>): WaitingApplication[] {
  const waiting: (WaitingAt & { app: Application })[] = [];
  for (const app of apps) {
    const days = waitingTooLong(app, today, settings);
    if (days !== undefined) waiting.push({ path: app.path, days, app });
  }
  // The summary only for the rows shown.
  return firstOf(waiting, byWait).map(({ path, days, app }) => ({ path, days, noteName: app.noteName, summary: waitingSummary(app, today) }));
}

/** The section as the pane draws it: each row's name, where it is, and its day or its line. */
export interface AcrossLists {
  due: { title: string; path: string; due: CalendarDate }[];
  waiting: { noteName: string; path: string; summary: string }[];
}

/** The section from its two lists (as firstOf cut them). */
export function acrossSection(due: readonly TaskNoteAt[], waiting: readonly WaitingApplication[]): AcrossLists {
  return {
    due: due.map(({ title, path, due: day }) => ({ title, path, due: day ?? '' })),
    waiting: waiting.map(({ noteName, path, summary }) => ({ noteName, path, summary })),
  };
}

/** The section from every task note and application a host read for this draw. */
export function acrossLists(tasks: Iterable<TaskNoteAt>, apps: Iterable<Application>, today: CalendarDate, settings: Pick<Settings, 'waitingTooLongDays'>): AcrossLists {
  return acrossSection(dueTaskNotes(tasks, today), waitingApplications(apps, today, settings));
}
