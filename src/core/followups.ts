// Turns the advice for this moment into concrete follow-ups with due dates from the note's own
// dates. A follow-up is never due in the past: when its natural day has gone, it is due today.
// Ids are stable so a task note, once created, is recognised on every later run and device.
import { addDays, compareDates, daysBetween, laterOf } from './dates';
import { checkInDraft, connectionNoteDraft, connectionNoteDraftFor, roleAtCompany, thankYouLetterDraft } from './drafts';
import { expertById } from './experts';
import type { ExpertId } from './experts';
import type { AdviceReport, Application, CalendarDate, CoreSettings, Expert, FollowUp, FollowUpKind, Interview, Moment, Person } from './model';
import { DEFAULT_SETTINGS } from './settings';
import { joinNames, oneLine } from './text';

// ---- Stable ids ------------------------------------------------------------------------------

const utf8 = new TextEncoder();
const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * FNV-1a, 64 bits, over UTF-8: tiny, pure and the same on every machine. Not for secrets.
 * Computed on two 32-bit halves (offset 0xcbf29ce484222325, prime 2^40 + 0x1b3): BigInt per byte
 * made ids a seventh of planning; the result is the same, bit for bit.
 */
function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  // ASCII text is its own UTF-8: its code units are the bytes, with no encoding step.
  const bytes = NOT_ASCII.test(text) ? utf8.encode(text) : undefined;
  const length = bytes ? bytes.length : text.length;
  for (let i = 0; i < length; i++) {
    const byte = bytes ? (bytes[i] ?? 0) : text.charCodeAt(i);
    lo = (lo ^ byte) >>> 0;
    const low = lo * 0x1b3;
    hi = (hi * 0x1b3 + (lo << 8) + Math.floor(low / 0x100000000)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

// Case, Unicode form, separators and spacing must not make a new id: the same note read on
// macOS (NFD names), Windows (backslashes) or after a reformat is the same application.
function normalizePart(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function normalizePath(path: string): string {
  return normalizePart(path.replace(/\\/g, '/'))
    .replace(/\/+/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\//, '');
}

/** A 16-hex-digit id, identical for the same application, kind and subject on every run. */
export function followUpId(applicationPath: string, kind: FollowUpKind, subject: string): string {
  return fnv1a64(`${normalizePath(applicationPath)}\n${kind}\n${normalizePart(subject)}`);
}

// ---- Planning ---------------------------------------------------------------------------------

/** Rounds more than this many days old no longer call for a thank-you letter. */
const THANK_YOU_WINDOW_DAYS = 14;
/** Without a follow-up date of the person's own, check in this long after the last contact. */
const CHECK_IN_AFTER_DAYS = 14;

interface Planning {
  app: Application;
  today: CalendarDate;
  settings: CoreSettings;
  report: AdviceReport;
}

type Draftless = Omit<FollowUp, 'id' | 'applicationPath' | 'applicationName'>;

const KIND_ORDER: FollowUpKind[] = [
  'connection-request',
  'intro-call',
  'research-interviewers',
  'view-profile',
  'thank-you-letter',
  'ask-feedback',
  'connect-after-hire',
  'check-in',
];

/** Hired and rejected have their own connection follow-ups, with the decision in mind. */
const OWN_CONNECTION_FOLLOW_UP: Moment[] = ['hired', 'rejected'];

/**
 * The follow-ups for this application at this moment, earliest due first. The report's verdict
 * decides whether to plan a connection request; the note's dates decide when each is due.
 */
export function planFollowUps(report: AdviceReport, settings: CoreSettings = DEFAULT_SETTINGS): FollowUp[] {
  const p: Planning = { app: report.application, today: report.today, settings, report };
  const planned: { subject: string; followUp: Draftless }[] = [];
  const add = (subject: string, followUp: Draftless | undefined): void => {
    if (followUp) planned.push({ subject, followUp });
  };

  const moment = report.moment;
  const connected = p.app.connected || report.verdict.alreadyConnected;
  if (!OWN_CONNECTION_FOLLOW_UP.includes(moment) && report.verdict.connectNow && !connected) {
    add(p.app.hiringManager?.name ?? '(hiring manager unknown)', connectionRequest(p));
  }
  if (moment === 'not-applied' && connected && p.app.hiringManager) {
    add(p.app.hiringManager.name, introCall(p, p.app.hiringManager));
  }
  if (moment === 'interview-ahead' || moment === 'just-interviewed') {
    for (const round of roundsByDay(p.app.interviews)) {
      if (round.date >= p.today) {
        add(round.date, researchInterviewers(p, round));
        add(round.date, thankYouLetter(p, round));
      } else if (moment === 'just-interviewed' && daysBetween(round.date, p.today) <= THANK_YOU_WINDOW_DAYS) {
        add(round.date, thankYouLetter(p, round));
      }
    }
    const hm = p.app.hiringManager;
    if (hm) {
      const upcoming = p.app.interviews.find((i) => i.date >= p.today);
      if (moment === 'interview-ahead' && upcoming && !upcoming.interviewers.some((i) => samePerson(i, hm))) {
        add(`${hm.name}|before`, viewProfile(p, hm, upcoming, 'before'));
      }
      const last = [...p.app.interviews].reverse().find((i) => i.date < p.today);
      if (moment === 'just-interviewed' && last) add(`${hm.name}|after`, viewProfile(p, hm, last, 'after'));
    }
  }
  if (moment === 'rejected') add(decisionPeople(p.app).map((x) => x.name).join('|'), askFeedback(p, connected));
  if (moment === 'hired' && !connected) add(decisionPeople(p.app).map((x) => x.name).join('|'), connectAfterHire(p));
  if (moment === 'just-applied' || moment === 'waiting' || moment === 'ghosted') {
    const checkIn = checkInFollowUp(p);
    if (checkIn) add(checkIn.subject, checkIn.followUp);
  }

  return planned
    .map(({ subject, followUp }) => ({
      id: followUpId(p.app.path, followUp.kind, subject),
      ...followUp,
      applicationPath: p.app.path,
      applicationName: p.app.noteName,
    }))
    .sort(compareFollowUps);
}

/**
 * The one order of follow-ups, for one application or many: earliest due first, then by
 * application, then in the order the work comes (KIND_ORDER), then by title.
 */
export function compareFollowUps(a: FollowUp, b: FollowUp): number {
  return (
    compareDates(a.due, b.due) ||
    (a.applicationPath < b.applicationPath ? -1 : a.applicationPath > b.applicationPath ? 1 : 0) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    a.title.localeCompare(b.title)
  );
}

// ---- One planner per kind ---------------------------------------------------------------------

function experts(ids: ExpertId[]): Expert[] {
  return ids.map((id) => expertById(id));
}

/** `date`, or today when that day has already gone. */
function notBefore(today: CalendarDate, date: CalendarDate): CalendarDate {
  return laterOf(date, today);
}

function connectionRequest(p: Planning): Draftless {
  const { app, today, report } = p;
  const hm = app.hiringManager;
  const due = app.applied ? notBefore(today, addDays(app.applied, 1)) : today;
  // Those who speak to this exact moment, when there are any: the general voices are in the advice.
  const specific = report.verdict.for.filter((pos) => pos.specific);
  const backers = (specific.length > 0 ? specific : report.verdict.for).map((pos) => pos.expert);
  const fallback: ExpertId[] =
    report.moment === 'not-applied' ? ['zack-mccarty', 'deborah-bubis', 'steven-brown'] : ['ryan-nouis', 'megan-chiamos', 'justin-barlow'];
  const team = backers.length > 0 ? backers : experts(fallback);
  // The verdict's reason already ties the advice to this application's dates and names its experts.
  const when = report.verdict.reason;
  if (!hm) {
    return {
      kind: 'connection-request',
      title: `Find out who the hiring manager is for ${roleAtCompany(app)}`,
      due,
      priority: 'normal',
      reason: `${when} The note names no hiring manager yet: look on the job post, the company page or LinkedIn, add them to the note, and then send the request.`,
      experts: team,
      context: '@research',
    };
  }
  return {
    kind: 'connection-request',
    title: `Connect with ${describe(hm, 'hiring manager', app)} on LinkedIn`,
    due,
    priority: report.moment === 'just-applied' ? 'high' : 'normal',
    reason: `${when} Keep the note short and specific; if it fits, ask for something small such as a 15-minute call. Never pushy.`,
    experts: team,
    draft: connectionNoteDraft(app, p.settings.connectionNoteLimit, p.settings.yourName),
    context: '@linkedin',
  };
}

function introCall(p: Planning, hm: Person): Draftless {
  return {
    kind: 'intro-call',
    title: `Ask ${oneLine(hm.name)} for a 15-minute call about ${roleAtCompany(p.app)}`,
    due: p.today,
    priority: 'normal',
    reason:
      'You are already connected and have not applied yet: a short call to hear what they value about working there, and where you could add value, makes you memorable.',
    experts: experts(['deborah-bubis', 'zack-mccarty']),
    draft: connectionNoteDraftFor({ ...p.app, stage: 'wishlist' }, hm, p.settings.connectionNoteLimit, p.settings.yourName),
    context: '@linkedin',
  };
}

function researchInterviewers(p: Planning, round: Interview): Draftless {
  const names = joinNames(round.interviewers.map((i) => i.name));
  const due = notBefore(p.today, addDays(round.date, -1));
  const hm = p.app.hiringManager;
  const withHiringManager = hm !== undefined && round.interviewers.some((i) => samePerson(i, hm));
  return {
    kind: 'research-interviewers',
    title: names
      ? `Look up ${names} on LinkedIn before your interview on ${round.date}`
      : `Find out who will interview you on ${round.date} and look up their LinkedIn profiles`,
    due,
    priority: daysBetween(p.today, round.date) <= 2 ? 'high' : 'normal',
    reason:
      `Your interview is on ${round.date}. Read each interviewer's profile for common ground to bring up (a school, a former employer, a sport or hobby), ` +
      'but hold the connection request until a decision.' +
      (withHiringManager ? ' A visit to the hiring manager\'s profile also shows them you took the time.' : ''),
    experts: experts(withHiringManager ? ['craig-rosen', 'thylan-le'] : ['craig-rosen']),
    context: '@research',
  };
}

function viewProfile(p: Planning, hm: Person, round: Interview, phase: 'before' | 'after'): Draftless {
  const name = oneLine(hm.name);
  return {
    kind: 'view-profile',
    title: `View ${name}'s LinkedIn profile ${phase} your interview (without connecting)`,
    due: phase === 'before' ? notBefore(p.today, addDays(round.date, -1)) : notBefore(p.today, addDays(round.date, 1)),
    priority: 'low',
    reason:
      `LinkedIn tells ${name} who viewed their profile: a visit ${phase} the interview on ${round.date} shows interest ` +
      'while leaving the connection request until the process is over.',
    experts: experts(['thylan-le']),
    context: '@linkedin',
  };
}

function thankYouLetter(p: Planning, round: Interview): Draftless {
  const names = joinNames(round.interviewers.map((i) => i.name));
  const due = notBefore(p.today, addDays(round.date, 1));
  return {
    kind: 'thank-you-letter',
    title: names ? `Send a thank-you letter to ${names}` : `Send a thank-you letter to the people who interviewed you on ${round.date}`,
    due,
    ...(round.date >= p.today ? { scheduled: round.date } : {}),
    priority: 'high',
    reason:
      `Right after the interview on ${round.date}, write a letter by hand (not an email) to each person who interviewed you: ` +
      'it is the courteous step to take instead of a connection request.',
    experts: experts(['craig-rosen']),
    draft: thankYouLetterDraft(p.app, round.interviewers, p.settings.yourName),
    context: '@letter',
  };
}

function askFeedback(p: Planning, connected: boolean): Draftless {
  const people = decisionPeople(p.app);
  const names = joinNames(people.map((x) => x.name));
  const who = names || `the hiring team at ${oneLine(p.app.company ?? '') || 'the company'}`;
  const due = p.app.decision ? notBefore(p.today, addDays(p.app.decision, 1)) : p.today;
  return {
    kind: 'ask-feedback',
    title: connected ? `Ask ${who} for feedback` : `Ask ${who} for feedback and connect on LinkedIn`,
    due,
    priority: 'normal',
    reason:
      'The decision is made, so a connection is no longer premature. Ask what you could have done better, ' +
      'and to keep you in mind if another opening comes up.',
    experts: experts(['michael-staton']),
    draft: connectionNoteDraftFor(p.app, people[0], p.settings.connectionNoteLimit, p.settings.yourName),
    context: '@linkedin',
  };
}

function connectAfterHire(p: Planning): Draftless {
  const people = decisionPeople(p.app);
  const hm = p.app.hiringManager;
  const title = hm
    ? `Connect with ${describe(hm, 'hiring manager', p.app)} on LinkedIn now that you're hired`
    : people.length > 0
      ? `Connect with ${joinNames(people.map((x) => x.name))} on LinkedIn now that you're hired`
      : `Connect on LinkedIn with the people who hired you at ${oneLine(p.app.company ?? '') || 'your new company'}`;
  return {
    kind: 'connect-after-hire',
    title,
    due: p.app.decision ? notBefore(p.today, p.app.decision) : p.today,
    priority: 'normal',
    reason: 'You got the job: the decision is made, so connecting now is simply welcome.',
    experts: experts(['michael-staton']),
    draft: connectionNoteDraftFor(p.app, people[0], p.settings.connectionNoteLimit, p.settings.yourName),
    context: '@linkedin',
  };
}

function checkInFollowUp(p: Planning): { subject: string; followUp: Draftless } | undefined {
  const { app, today } = p;
  const lastContact = [app.applied, ...app.interviews.map((i) => i.date)]
    .filter((d): d is CalendarDate => d !== undefined && d <= today)
    .sort()
    .pop();
  const base = app.followUp ?? (lastContact ? addDays(lastContact, CHECK_IN_AFTER_DAYS) : undefined);
  if (!base) return undefined;
  const to = app.recruiter ?? app.hiringManager;
  const about = `your application for ${roleAtCompany(app)}`;
  const why = app.followUp
    ? `You set ${app.followUp} as the day to follow up.`
    : `No news since ${lastContact ?? ''}: ${CHECK_IN_AFTER_DAYS} days is a fair time to wait before a polite check-in.`;
  return {
    subject: base,
    followUp: {
      kind: 'check-in',
      title: to ? `Check in with ${oneLine(to.name)} about ${about}` : `Check in about ${about}`,
      due: notBefore(today, base),
      priority: 'normal',
      reason: `${why} Keep it short and friendly; this reminder is a common courtesy, not advice from the article's experts.`,
      experts: [],
      draft: checkInDraft(app, to, p.settings.yourName),
      context: '@email',
    },
  };
}

// ---- Small helpers ----------------------------------------------------------------------------

/** Interviews on the same day are one round for planning: one research task, one letter task. */
function roundsByDay(interviews: Interview[]): Interview[] {
  const byDay = new Map<CalendarDate, Interview>();
  for (const round of interviews) {
    const seen = byDay.get(round.date);
    if (!seen) {
      byDay.set(round.date, { ...round, interviewers: [...round.interviewers] });
      continue;
    }
    for (const person of round.interviewers) {
      if (!seen.interviewers.some((q) => samePerson(q, person))) seen.interviewers.push(person);
    }
  }
  return [...byDay.values()].sort((a, b) => compareDates(a.date, b.date));
}

function samePerson(a: Person, b: Person): boolean {
  return normalizePart(a.name) === normalizePart(b.name);
}

/** Whom to write to once a decision is made: the hiring manager, else the interviewers. */
function decisionPeople(app: Application): Person[] {
  return app.hiringManager ? [app.hiringManager] : app.interviewers;
}

/** "Ana Silva (hiring manager, Orchid Labs)". */
function describe(person: Person, role: string, app: Application): string {
  const company = oneLine(app.company ?? '');
  return `${oneLine(person.name)} (${company ? `${role}, ${company}` : role})`;
}
