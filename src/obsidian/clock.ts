// Today's calendar date on this device. The only place the plugin reads the clock: the core takes
// the day as a parameter.
import { calendarDate } from '../core/dates';
import type { CalendarDate } from '../core/model';

export function localToday(): CalendarDate {
  const now = new Date();
  return calendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? '1970-01-01';
}

/** Now as TaskNotes stores date-times: UTC, whole seconds, with Z (tasknotes.dev/spec 3.3.2). */
export function utcNow(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z');
}
