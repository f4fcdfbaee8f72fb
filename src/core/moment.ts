// Where an application stands today, from its stage, its dates and today's date, as facts (no
// English: wording.ts words them). Rules, in order (the stage decides first; dates only refine
// the stages still in progress):
// - accepted -> hired, offer -> offer, rejected, withdrawn, ghosted: the stage says it all. A long
//   silence never turns into "ghosted" by itself: only the person can call it that.
// - wishlist -> not-applied, whatever the dates say.
// - applied / screening / interviewing:
//   - an interview today or later -> interview-ahead (an interview today is still ahead);
//   - else the latest interview 1 to 14 days ago -> just-interviewed;
//   - else the latest interview longer ago -> waiting (an answer after the interview: the
//     situation "waiting-after-interview");
//   - else, with no interview at all: stage interviewing -> interview-ahead (the note gives no
//     date, but interviews are under way); applied date in the future -> not-applied; applied
//     0 to 7 days ago -> just-applied; 8 days or more -> waiting; no applied date -> waiting (we
//     cannot claim "just", and waiting is true either way).
import { dayNumber } from './dates';
import type { Application, CalendarDate, Contact, Facts, Interview, Moment, Situation } from './model';
import { isRecruiterRole } from './people';
import { momentSummary } from './wording';

/** Applied this many days ago or fewer (0 = today): still "just applied". */
export const JUST_APPLIED_DAYS = 7;
/** The latest interview this many days ago or fewer: "just interviewed". */
export const JUST_INTERVIEWED_DAYS = 14;

export interface MomentReading {
  moment: Moment;
  situation: Situation;
  facts: Facts;
}

/** Whom to write to: the hiring manager, else the recruiter, else a contact whose role says recruiter. */
export function contactOf(app: Application): Contact | undefined {
  if (app.hiringManager) return { person: app.hiringManager, as: 'hiring-manager' };
  if (app.recruiter) return { person: app.recruiter, as: 'recruiter' };
  const fromPanel = app.interviewers.find((p) => isRecruiterRole(p.role));
  return fromPanel ? { person: fromPanel, as: 'recruiter' } : undefined;
}

/** The moment, the situation and the facts behind them, in one pass over the note's dates. */
export function readMoment(app: Application, today: CalendarDate): MomentReading {
  const now = dayNumber(today);
  const facts: Facts = { pastRounds: [], undatedInterview: false };
  // Rounds come sorted by date: the past ones first, then the next one.
  for (const round of app.interviews) {
    if (round.date < today) {
      facts.pastRounds.push(round);
    } else if (!facts.next) {
      facts.next = round;
      facts.daysToNext = dayNumber(round.date) - now;
    }
  }
  const last: Interview | undefined = facts.pastRounds[facts.pastRounds.length - 1];
  if (last) {
    facts.last = last;
    facts.daysSinceLast = now - dayNumber(last.date);
  }
  if (app.applied) facts.daysSinceApplied = now - dayNumber(app.applied);
  if (app.decision) facts.daysSinceDecision = now - dayNumber(app.decision);
  const contact = contactOf(app);
  if (contact) facts.contact = contact;

  const moment = momentFrom(app, facts);
  if (moment === 'interview-ahead' && !facts.next) facts.undatedInterview = true;
  const situation: Situation = moment === 'waiting' && last ? 'waiting-after-interview' : moment;
  return { moment, situation, facts };
}

function momentFrom(app: Application, facts: Facts): Moment {
  switch (app.stage) {
    case 'accepted':
      return 'hired';
    case 'offer':
    case 'rejected':
    case 'withdrawn':
    case 'ghosted':
      return app.stage;
    case 'wishlist':
      return 'not-applied';
    case 'applied':
    case 'screening':
    case 'interviewing':
      break;
  }
  if (facts.next) return 'interview-ahead';
  if (facts.daysSinceLast !== undefined) return facts.daysSinceLast <= JUST_INTERVIEWED_DAYS ? 'just-interviewed' : 'waiting';
  if (app.stage === 'interviewing') return 'interview-ahead';
  if (facts.daysSinceApplied === undefined) return 'waiting';
  if (facts.daysSinceApplied < 0) return 'not-applied';
  return facts.daysSinceApplied <= JUST_APPLIED_DAYS ? 'just-applied' : 'waiting';
}

/** The moment and its one-line summary ("You applied 3 days ago (2026-03-06) and have no interview yet."). */
export function momentOf(app: Application, today: CalendarDate): { moment: Moment; summary: string } {
  const reading = readMoment(app, today);
  return { moment: reading.moment, summary: momentSummary(app, today, reading) };
}
