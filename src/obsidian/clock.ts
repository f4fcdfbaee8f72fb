// Today's calendar date on this device. The only place the plugin reads the clock: the core takes
// the day as a parameter.
import { calendarDate } from '../core/dates';
import type { CalendarDate } from '../core/model';

export function localToday(): CalendarDate {
  const now = new Date();
  return calendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? '1970-01-01';
}
