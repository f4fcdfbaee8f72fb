// Where an application stands today, from its stage, its dates and today's date.
// Rules, in order (the stage decides first; dates only refine the stages still in progress):
// - accepted -> hired, offer -> offer, rejected, withdrawn, ghosted: the stage says it all. A long
//   silence never turns into "ghosted" by itself: only the person can call it that.
// - wishlist -> not-applied, whatever the dates say.
// - applied / screening / interviewing:
//   - an interview today or later -> interview-ahead (an interview today is still ahead);
//   - else the latest interview 1 to 14 days ago -> just-interviewed;
//   - else the latest interview longer ago -> waiting (an answer after the interview);
//   - else, with no interview at all: stage interviewing -> interview-ahead (the note gives no
//     date, but interviews are under way); applied date in the future -> not-applied; applied
//     0 to 7 days ago -> just-applied; 8 days or more -> waiting; no applied date -> waiting (we
//     cannot claim "just", and waiting is true either way).
import { daysBetween, relativeDay } from './dates';
import type { Application, CalendarDate, Interview, Moment } from './model';
import { joinNames } from './text';

/** Applied this many days ago or fewer (0 = today): still "just applied". */
export const JUST_APPLIED_DAYS = 7;
/** The latest interview this many days ago or fewer: "just interviewed". */
export const JUST_INTERVIEWED_DAYS = 14;

export interface MomentReading {
  moment: Moment;
  /** One line tied to the dates: "You applied 3 days ago (2026-03-06) and have no interview yet." */
  summary: string;
}

/** "in 4 days (2026-03-10)", "today (2026-03-06)". */
export function when(date: CalendarDate, today: CalendarDate): string {
  return `${relativeDay(date, today)} (${date})`;
}

/** The first interview on or after today. */
export function nextInterview(app: Application, today: CalendarDate): Interview | undefined {
  return app.interviews.filter((i) => i.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
}

/** The latest interview before today. */
export function lastInterview(app: Application, today: CalendarDate): Interview | undefined {
  return app.interviews.filter((i) => i.date < today).sort((a, b) => b.date.localeCompare(a.date))[0];
}

/** "Your interview with Ana Silva" / "Your interview": the round's interviewers, when the note names them. */
export function interviewPhrase(interview: Interview): string {
  const names = joinNames(interview.interviewers.map((p) => p.name));
  return names ? `Your interview with ${names}` : 'Your interview';
}

/** "You applied 3 days ago (2026-03-06)" / "You applied (the note gives no date)". */
export function appliedPhrase(app: Application, today: CalendarDate): string {
  return app.applied ? `You applied ${when(app.applied, today)}` : 'You applied (the note gives no date)';
}

function decided(app: Application, today: CalendarDate): string {
  return app.decision ? ` ${when(app.decision, today)}` : '';
}

export function momentOf(app: Application, today: CalendarDate): MomentReading {
  switch (app.stage) {
    case 'accepted':
      return { moment: 'hired', summary: `You accepted the job${decided(app, today)}.` };
    case 'offer':
      return { moment: 'offer', summary: `You have an offer${app.decision ? `, received ${when(app.decision, today)}` : ''}.` };
    case 'rejected':
      return { moment: 'rejected', summary: `The company turned the application down${decided(app, today)}.` };
    case 'withdrawn':
      return { moment: 'withdrawn', summary: `You withdrew this application${decided(app, today)}.` };
    case 'ghosted':
      return { moment: 'ghosted', summary: `The company has gone quiet: ${silenceSince(app, today)}.` };
    case 'wishlist':
      return { moment: 'not-applied', summary: 'You have not applied yet.' };
    case 'applied':
    case 'screening':
    case 'interviewing':
      return inProgress(app, today);
  }
}

function silenceSince(app: Application, today: CalendarDate): string {
  const last = lastInterview(app, today);
  if (last) return `no answer since your interview ${when(last.date, today)}`;
  if (app.applied) return `no answer since you applied ${when(app.applied, today)}`;
  return 'no answer, and the note gives no dates';
}

function inProgress(app: Application, today: CalendarDate): MomentReading {
  const next = nextInterview(app, today);
  if (next) return { moment: 'interview-ahead', summary: `${interviewPhrase(next)} is ${when(next.date, today)}.` };

  const last = lastInterview(app, today);
  if (last) {
    const since = daysBetween(last.date, today);
    const phrase = `${interviewPhrase(last)} was ${when(last.date, today)}`;
    if (since <= JUST_INTERVIEWED_DAYS) return { moment: 'just-interviewed', summary: `${phrase}; no decision yet.` };
    return { moment: 'waiting', summary: `${phrase} and no decision is noted yet.` };
  }

  if (app.stage === 'interviewing') {
    return { moment: 'interview-ahead', summary: 'You are interviewing, but the note gives no interview date.' };
  }
  if (!app.applied) return { moment: 'waiting', summary: `${appliedPhrase(app, today)} and have no interview yet.` };

  const since = daysBetween(app.applied, today);
  if (since < 0) {
    return { moment: 'not-applied', summary: `Your application date is ${when(app.applied, today)}: you have not applied yet.` };
  }
  const moment: Moment = since <= JUST_APPLIED_DAYS ? 'just-applied' : 'waiting';
  return { moment, summary: `${appliedPhrase(app, today)} and have no interview yet.` };
}
