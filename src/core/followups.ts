// Turns the advice for this moment into concrete follow-ups with due dates from the note's own
// dates. Shown, a follow-up is never due in the past: when its natural day has gone, it is due today.
// What goes into its task note (title, dueByNote, reason, experts, draft, priority) depends on the
// application only, never on today: two devices creating it on different days, or in different
// zones, write the same bytes to the same path, and a sync keeps one file. Ids are stable so a task
// note, once created, is recognised on every later run and device.
import { addDays, compareDates, laterOf } from './dates';
import { checkInDraft, connectionNote, roleAtCompany, thankYouLetter } from './drafts';
import { BUILT_IN_KNOWLEDGE } from './knowledge';
import type { Knowledge } from './knowledge';
import type { Advice, AdviceReport, Application, CalendarDate, Contact, CoreSettings, Expert, FollowUp, FollowUpKind, Interview, Person, Situation } from './model';
import { DEFAULT_SETTINGS } from './settings';
import { compareText, joinNames, oneLine } from './text';

// ---- Stable ids ------------------------------------------------------------------------------

/** UTF-8 bytes of the text being hashed, reused from call to call (grown when a text needs more). */
let scratch = new Uint8Array(256);

/** Writes `text` as UTF-8 into `scratch` (what TextEncoder gives, a lone surrogate as U+FFFD); its length. */
function toUtf8(text: string): number {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const out = scratch;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
    } else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = text.charCodeAt(i + 1);
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          const point = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          out[n++] = 0xf0 | (point >> 18);
          out[n++] = 0x80 | ((point >> 12) & 0x3f);
          out[n++] = 0x80 | ((point >> 6) & 0x3f);
          out[n++] = 0x80 | (point & 0x3f);
          continue;
        }
        c = 0xfffd;
      }
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
      out[n++] = 0x80 | (c & 0x3f);
    }
  }
  return n;
}

/** FNV-1a's 64-bit offset basis, as two 32-bit halves. */
const FNV_HI = 0xcbf29ce4;
const FNV_LO = 0x84222325;
/** The state {@link fnvOver} leaves: two halves, so hashing allocates nothing. */
let stateHi = 0;
let stateLo = 0;

/**
 * FNV-1a, 64 bits, over UTF-8, continued from the state (hi, lo) over `text`; the new state left in
 * stateHi/stateLo. FNV-1a reads its bytes one after another, so a text's hash can go on from the
 * state after its start: one application's ids all begin with its path, hashed once.
 * Computed on two 32-bit halves (prime 2^40 + 0x1b3): BigInt per byte made ids a seventh of
 * planning; the result is the same, bit for bit. The bytes are written into a reused buffer, not
 * encoded by a TextEncoder into a new one for every id.
 */
function fnvOver(text: string, hi: number, lo: number): void {
  const length = toUtf8(text);
  const bytes = scratch;
  for (let i = 0; i < length; i++) {
    lo = (lo ^ (bytes[i] ?? 0)) >>> 0;
    const low = lo * 0x1b3;
    // The high half mod 2^32: hi * 0x1b3 (Math.imul), the low half times 2^40 (lo << 8), the carry.
    hi = (Math.imul(hi, 0x1b3) + (lo << 8) + ((low / 0x100000000) | 0)) >>> 0;
    lo = low >>> 0;
  }
  stateHi = hi;
  stateLo = lo;
}

/** Char codes of the 16 hex digits. */
const HEX_DIGITS = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** The 16 hex digits of (hi, lo); what toString(16) and padStart give, in one flat string. */
function hex(hi: number, lo: number): string {
  const d = HEX_DIGITS;
  return String.fromCharCode(
    d[hi >>> 28] ?? 0, d[(hi >>> 24) & 15] ?? 0, d[(hi >>> 20) & 15] ?? 0, d[(hi >>> 16) & 15] ?? 0,
    d[(hi >>> 12) & 15] ?? 0, d[(hi >>> 8) & 15] ?? 0, d[(hi >>> 4) & 15] ?? 0, d[hi & 15] ?? 0,
    d[lo >>> 28] ?? 0, d[(lo >>> 24) & 15] ?? 0, d[(lo >>> 20) & 15] ?? 0, d[(lo >>> 16) & 15] ?? 0,
    d[(lo >>> 12) & 15] ?? 0, d[(lo >>> 8) & 15] ?? 0, d[(lo >>> 4) & 15] ?? 0, d[lo & 15] ?? 0,
  );
}

/** FNV-1a, 64 bits, over UTF-8: tiny, pure and the same on every machine. Not for secrets. */
function fnv1a64(text: string): string {
  fnvOver(text, FNV_HI, FNV_LO);
  return hex(stateHi, stateLo);
}

// Unicode form, separators and spacing must not make a new id: the same note read on macOS (NFD
// names), Windows (backslashes) or after a reformat is the same application. Case does: `Acme.md`
// and `ACME.md` are two applications where the file system keeps both.
function normalizePart(text: string): string {
  if (PLAIN.test(text)) return text;
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Printable ASCII, Latin letters (U+00A1-U+024F) and the dashes, quotes and dots of U+2010-U+2027
 * (each its own NFC form, none of them white space), single spaces between words, no combining
 * mark: NFC, spacing and trimming leave it as it is.
 */
const PLAIN = /^[!-~\u00a1-\u024f\u2010-\u2027]+(?: [!-~\u00a1-\u024f\u2010-\u2027]+)*$/;

// One application's follow-ups all carry its path: the last one normalised is kept.
let lastPath = '';
let lastNormalized = '';
let lastFolded = '';

function normalizePath(path: string): string {
  if (path !== lastPath) {
    lastNormalized = normalizedPath(path);
    lastFolded = lastNormalized.toLowerCase();
    lastPath = path;
  }
  return lastNormalized;
}

/** The normalised path in lower case, as ids before case-keeping had it. */
function foldedPath(path: string): string {
  normalizePath(path);
  return lastFolded;
}

function normalizedPath(path: string): string {
  // The usual path: plain, with no `\`, `//`, or leading `/` or `./` to take out.
  if (PLAIN.test(path) && !/\\|\/\/|^\.?\//.test(path)) return path;
  return normalizePart(path.replace(/\\/g, '/'))
    .replace(/\/+/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\//, '');
}

/** A 16-hex-digit id, identical for the same application, kind and subject on every run. */
export function followUpId(applicationPath: string, kind: FollowUpKind, subject: string): string {
  return fnv1a64(`${normalizePath(applicationPath)}\n${kind}\n${normalizePart(subject).toLowerCase()}`);
}

/**
 * The id older versions gave the same follow-up (they folded the path's case too), so their ledger
 * entries and task notes are still recognised; undefined when it is the id itself.
 */
export function legacyFollowUpId(applicationPath: string, kind: FollowUpKind, subject: string): string | undefined {
  const path = normalizePath(applicationPath);
  const folded = foldedPath(applicationPath);
  return folded === path ? undefined : fnv1a64(`${folded}\n${kind}\n${normalizePart(subject).toLowerCase()}`);
}

// ---- Planning ---------------------------------------------------------------------------------
// The follow-ups come from the report: the verdict plans the connection request, each advice item
// plans the kinds its tip justifies (TipText.plans in knowledge.ts), and the note's dates say when.
// The rules for when, as data:

/** Without a follow-up date of the person's own, check in this long after applying... */
const CHECK_IN_AFTER_APPLYING_DAYS = 14;
/** ...or this long after the latest interview, when nothing is heard. */
const CHECK_IN_AFTER_INTERVIEW_DAYS = 7;
/** A thank-you letter is due the day after the interview; later than that it is late, and says so. */
const LETTER_DUE_DAYS = 1;

interface Planning {
  app: Application;
  today: CalendarDate;
  settings: CoreSettings;
  report: AdviceReport;
  /** The experts advised with (the nine, plus the person's pack). */
  knowledge: Knowledge;
  contact?: Contact;
  connected: boolean;
}

type Draftless = Omit<FollowUp, 'id' | 'legacyId' | 'anchor' | 'applicationPath' | 'applicationName'>;

/** The order the work comes in, as a rank per kind (the sort compares ranks, not list positions). */
const KIND_ORDER: Record<FollowUpKind, number> = {
  'connection-request': 0,
  'intro-call': 1,
  'research-interviewers': 2,
  'view-profile': 3,
  'thank-you-letter': 4,
  'ask-feedback': 5,
  'connect-after-hire': 6,
  'check-in': 7,
};

/** The kinds each advice item justifies, with the item (its experts are the follow-up's). */
function justified(report: AdviceReport): Map<FollowUpKind, Advice> {
  const kinds = new Map<FollowUpKind, Advice>();
  const tips = BUILT_IN_KNOWLEDGE.tips;
  for (const item of report.advice) {
    for (const kind of tips[item.id]?.plans ?? []) if (!kinds.has(kind)) kinds.set(kind, item);
  }
  return kinds;
}

/**
 * The follow-ups for this application at this moment, earliest due first. The report's verdict
 * decides whether to plan a connection request; its advice, which other steps; the note's dates,
 * when each is due.
 */
export function planFollowUps(report: AdviceReport, settings: CoreSettings = DEFAULT_SETTINGS, knowledge: Knowledge = BUILT_IN_KNOWLEDGE): FollowUp[] {
  const app = report.application;
  const p: Planning = {
    app,
    today: report.today,
    settings,
    report,
    knowledge,
    connected: app.connected || report.verdict.alreadyConnected,
    ...(report.facts.contact ? { contact: report.facts.contact } : {}),
  };
  const planned: { subject: string; followUp: Draftless }[] = [];
  const add = (subject: string, followUp: Draftless | undefined): void => {
    if (followUp) planned.push({ subject, followUp });
  };
  const kinds = justified(report);
  const { situation, facts } = report;

  // Hired and rejected have their own connection follow-ups, with the decision in mind.
  if (report.verdict.connectNow && !p.connected && situation !== 'hired' && situation !== 'rejected') {
    add(p.contact?.person.name ?? '(hiring manager unknown)', connectionRequest(p));
  }
  const call = kinds.get('intro-call');
  if (call && p.connected && p.contact) add(p.contact.person.name, introCall(p, p.contact.person, call));

  const research = kinds.get('research-interviewers');
  if (research) {
    const view = kinds.get('view-profile');
    for (const round of roundsByDay(app.interviews)) if (round.date >= p.today) add(round.date, researchInterviewers(p, round, research, view));
    if (facts.undatedInterview) add('undated', findInterviewDate(p, research));
  }
  const view = kinds.get('view-profile');
  const hm = app.hiringManager;
  if (view && hm) {
    const next = facts.next;
    if (situation === 'interview-ahead' && next && !next.interviewers.some((i) => samePerson(i, hm))) {
      add(`${hm.name}|before|${next.date}`, viewProfile(p, hm, next, 'before', view));
    }
    if (situation === 'just-interviewed' && facts.last) add(`${hm.name}|after|${facts.last.date}`, viewProfile(p, hm, facts.last, 'after', view));
  }
  const letter = kinds.get('thank-you-letter');
  if (letter) {
    // Every round gets its letters until a decision: one letter per interviewer.
    for (const round of roundsByDay(app.interviews)) {
      const people: (Person | undefined)[] = round.interviewers.length > 0 ? round.interviewers : [undefined];
      for (const person of people) add(person ? `${round.date}|${person.name}` : round.date, thankYouFollowUp(p, round, person, letter));
    }
  }
  const feedback = kinds.get('ask-feedback');
  if (feedback) add(decisionPeople(p).map((x) => x.name).join('|'), askFeedback(p, feedback));
  const hire = kinds.get('connect-after-hire');
  if (hire && !p.connected) add(decisionPeople(p).map((x) => x.name).join('|'), connectAfterHire(p, hire));
  if (CHECK_IN_SITUATIONS.has(situation)) {
    const checkIn = checkInFollowUp(p);
    if (checkIn) add(checkIn.subject, checkIn.followUp);
  }

  // The path and each subject normalised once for both ids (followUpId and legacyFollowUpId's
  // text), and the path hashed once: each id goes on from the path's state over its own tail.
  const path = normalizePath(app.path);
  const folded = foldedPath(app.path);
  fnvOver(path, FNV_HI, FNV_LO);
  const pathHi = stateHi;
  const pathLo = stateLo;
  if (folded !== path) fnvOver(folded, FNV_HI, FNV_LO);
  const foldedHi = stateHi;
  const foldedLo = stateLo;
  const idAfter = (hi: number, lo: number, tail: string): string => {
    fnvOver(tail, hi, lo);
    return hex(stateHi, stateLo);
  };
  return planned
    .map(({ subject, followUp }) => {
      const tail = `\n${followUp.kind}\n${normalizePart(subject).toLowerCase()}`;
      const anchor = followUp.dueByNote ?? followUp.scheduled ?? applicationDay(app);
      // Built in one go, the optional keys only when present (an absent key, not an undefined value).
      const f: FollowUp = {
        id: idAfter(pathHi, pathLo, tail),
        kind: followUp.kind,
        title: followUp.title,
        due: followUp.due,
        priority: followUp.priority,
        reason: followUp.reason,
        experts: followUp.experts,
        applicationPath: app.path,
        applicationName: app.noteName,
      };
      if (folded !== path) f.legacyId = idAfter(foldedHi, foldedLo, tail);
      if (followUp.dueByNote !== undefined) f.dueByNote = followUp.dueByNote;
      if (followUp.scheduled !== undefined) f.scheduled = followUp.scheduled;
      if (followUp.draft !== undefined) f.draft = followUp.draft;
      if (followUp.context !== undefined) f.context = followUp.context;
      if (anchor !== undefined) f.anchor = anchor;
      return f;
    })
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
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    compareText(a.title, b.title)
  );
}

/** The application's own first day: applied, else its first interview, else the decision. */
function applicationDay(app: Application): CalendarDate | undefined {
  return app.applied ?? app.interviews.map((i) => i.date).sort()[0] ?? app.decision;
}

/** Where nothing is heard and a polite check-in is the courteous step (not the experts' advice). */
const CHECK_IN_SITUATIONS = new Set(['just-applied', 'waiting', 'just-interviewed', 'waiting-after-interview', 'ghosted']);

// ---- One planner per kind ---------------------------------------------------------------------

/** `date`, or today when that day has already gone. */
function notBefore(today: CalendarDate, date: CalendarDate): CalendarDate {
  return laterOf(date, today);
}

function backers(item: Advice): Expert[] {
  return item.experts;
}

/**
 * The experts who advise connecting with the hiring manager at some moment before hired or
 * rejected (those moments plan their own follow-ups), each at a moment of their own: the
 * connection request's task note names them all, since which of them speaks to today depends on
 * the day (the pane and the callout say that).
 */
const connectorsOf = new WeakMap<Knowledge, readonly Expert[]>();
function connectors(knowledge: Knowledge): readonly Expert[] {
  let found = connectorsOf.get(knowledge);
  if (!found) {
    found = knowledge.experts
      .filter((k) => Object.entries(k.moments).some(([situation, view]) => situation !== 'hired' && situation !== 'rejected' && view.reach === 'direct' && view.stance === 'connect'))
      .map((k) => k.expert);
    connectorsOf.set(knowledge, found);
  }
  return found;
}

/** The connection request's closing sentence, the same for every application advised with these experts. */
const differOnWhenOf = new WeakMap<Knowledge, string>();
function differOnWhen(knowledge: Knowledge, team: readonly Expert[]): string {
  let text = differOnWhenOf.get(knowledge);
  if (text === undefined) {
    text = ` Experts differ on when: ${joinNames(team.map((e) => e.name))} each advise connecting at a moment of their own; the advice pane shows who speaks for and against it at the moment you are in.`;
    differOnWhenOf.set(knowledge, text);
  }
  return text;
}

/** The draft's moment from the note's stage alone (not from today): an offer thanks for it, and so on. */
const STEADY_DRAFT: Partial<Record<Application['stage'], Situation>> = { wishlist: 'not-applied', offer: 'offer', withdrawn: 'withdrawn', ghosted: 'ghosted' };

/** A connection note that reads the same whatever the day: the application's facts, no "days ago". */
function steadyNote(p: Planning, to: Contact | undefined): string {
  const { app, report } = p;
  const facts = { ...report.facts, daysSinceApplied: undefined };
  const situation = STEADY_DRAFT[app.stage] ?? (app.applied || app.stage !== 'wishlist' ? 'waiting' : 'not-applied');
  return connectionNote({ app, situation, facts, ...(to ? { to } : {}) }, p.settings.connectionNoteLimit, p.settings.yourName);
}

function connectionRequest(p: Planning): Draftless {
  const { app, today, report, contact } = p;
  const natural = app.applied ? addDays(app.applied, 1) : undefined;
  const due = report.situation === 'just-applied' && natural ? notBefore(today, natural) : today;
  const team = connectors(p.knowledge);
  const when = differOnWhen(p.knowledge, team);
  // Built in one go (no spread of a shared base): every application plans one.
  const experts = [...team];
  let step: Draftless;
  if (!contact) {
    step = {
      kind: 'connection-request',
      due,
      priority: 'normal',
      experts,
      title: `Find out who the hiring manager is for ${roleAtCompany(app)}`,
      reason: `The note names no hiring manager or recruiter yet: look on the job post, the company page or LinkedIn, add them to the note, and then send a connection request.${when}`,
      context: '@research',
    };
  } else {
    const recruiter = contact.as === 'recruiter';
    step = {
      kind: 'connection-request',
      due,
      priority: 'normal',
      experts,
      title: recruiter
        ? `Connect with ${describe(contact.person, 'recruiter', app)} on LinkedIn and ask who the hiring manager is`
        : `Connect with ${describe(contact.person, 'hiring manager', app)} on LinkedIn`,
      reason: `Keep the note short and specific, never pushy; if it fits, ask for something small, such as a 15-minute call.${recruiter ? ' The note names no hiring manager, so the recruiter is the one to write to.' : ''}${when}`,
      draft: steadyNote(p, contact),
      context: '@linkedin',
    };
  }
  if (natural) step.dueByNote = natural;
  return step;
}

function introCall(p: Planning, to: Person, item: Advice): Draftless {
  return {
    kind: 'intro-call',
    title: `Ask ${oneLine(to.name)} for a 15-minute call about ${roleAtCompany(p.app)}`,
    due: p.today,
    priority: 'normal',
    reason: 'You are already connected: a short call to hear what they value about working there, and where you could add value, makes you memorable.',
    experts: backers(item),
    draft: steadyNote(p, p.contact ?? { person: to, as: 'hiring-manager' }),
    context: '@linkedin',
  };
}

function researchInterviewers(p: Planning, round: Interview, item: Advice, view: Advice | undefined): Draftless {
  const names = joinNames(round.interviewers.map((i) => i.name));
  const natural = addDays(round.date, -1);
  const hm = p.app.hiringManager;
  const withHiringManager = hm !== undefined && round.interviewers.some((i) => samePerson(i, hm));
  return {
    kind: 'research-interviewers',
    title: names
      ? `Look up ${names} on LinkedIn before your interview on ${round.date}`
      : `Find out who will interview you on ${round.date} and look up their LinkedIn profiles`,
    due: notBefore(p.today, natural),
    dueByNote: natural,
    priority: 'high',
    reason:
      `Your interview is on ${round.date}. Read each interviewer's profile for common ground to bring up (a school, a sport or hobby, people you both know), ` +
      'and hold the connection request for now.' +
      (withHiringManager && view ? " A visit to the hiring manager's profile also shows them you took the time." : ''),
    // The hiring manager on the panel: the profile-visit advice joins in.
    experts: withHiringManager && view ? [...backers(item), ...backers(view).filter((e) => !item.experts.includes(e))] : backers(item),
    context: '@research',
  };
}

function findInterviewDate(p: Planning, item: Advice): Draftless {
  const who = p.contact ? oneLine(p.contact.person.name) : undefined;
  return {
    kind: 'research-interviewers',
    title: who
      ? `Ask ${who} when your interview is and whom you will meet, then look them up`
      : 'Find out when your interview is and whom you will meet, then look them up',
    due: p.today,
    priority: 'high',
    reason:
      'You are interviewing, but the note gives no interview date. Find out the date and the interviewers, add them to the note, ' +
      "and read each interviewer's profile for common ground before you meet.",
    experts: backers(item),
    context: '@research',
  };
}

function viewProfile(p: Planning, hm: Person, round: Interview, phase: 'before' | 'after', item: Advice): Draftless {
  const name = oneLine(hm.name);
  return {
    kind: 'view-profile',
    title: `View ${name}'s LinkedIn profile ${phase} your interview on ${round.date} (without connecting)`,
    due: notBefore(p.today, addDays(round.date, phase === 'before' ? -1 : 1)),
    dueByNote: addDays(round.date, phase === 'before' ? -1 : 1),
    priority: 'low',
    reason:
      `LinkedIn tells ${name} who viewed their profile: a visit ${phase} the interview on ${round.date} shows interest ` +
      'while leaving the connection request for later.',
    experts: backers(item),
    context: '@linkedin',
  };
}

function thankYouFollowUp(p: Planning, round: Interview, person: Person | undefined, item: Advice): Draftless {
  const natural = addDays(round.date, LETTER_DUE_DAYS);
  const name = person ? oneLine(person.name) : '';
  return {
    kind: 'thank-you-letter',
    title: name ? `Send a thank-you letter to ${name}` : `Send a thank-you letter to each person who interviewed you on ${round.date}`,
    due: notBefore(p.today, natural),
    dueByNote: natural,
    scheduled: round.date,
    priority: 'high',
    reason:
      `Right after the interview on ${round.date}, write by hand (not an email) to ${name || 'each person who interviewed you, one letter each'}: ` +
      'the courteous step instead of a connection request. Later than that, a letter still thanks them: say sorry for the delay in a line.',
    experts: backers(item),
    draft: thankYouLetter(p.app, round, person, p.settings.yourName),
    context: '@letter',
  };
}

function askFeedback(p: Planning, item: Advice): Draftless {
  const people = decisionPeople(p);
  const names = joinNames(people.map((x) => x.name));
  const who = names || `the hiring team at ${oneLine(p.app.company ?? '') || 'the company'}`;
  const natural = p.app.decision ? addDays(p.app.decision, 1) : undefined;
  const to = p.contact ?? (people[0] ? { person: people[0], as: 'hiring-manager' as const } : undefined);
  return {
    kind: 'ask-feedback',
    // Connecting goes with it only when the verdict says so (an expert of the person's pack may say wait).
    title: p.connected || !p.report.verdict.connectNow ? `Ask ${who} for feedback` : `Ask ${who} for feedback and connect on LinkedIn`,
    due: natural ? notBefore(p.today, natural) : p.today,
    ...(natural ? { dueByNote: natural } : {}),
    priority: 'normal',
    reason: p.report.verdict.connectNow || p.connected
      ? 'The decision is made, so a connection is no longer early. Ask what you could have done better, ' +
        'and to keep you in mind if another opening comes up.'
      : 'Ask what you could have done better, and to keep you in mind if another opening comes up; ' +
        'the connection request waits, as the verdict says.',
    experts: backers(item),
    draft: connectionNote({ app: p.app, situation: p.report.situation, facts: p.report.facts, ...(to ? { to } : {}) }, p.settings.connectionNoteLimit, p.settings.yourName),
    context: '@linkedin',
  };
}

function connectAfterHire(p: Planning, item: Advice): Draftless {
  const people = decisionPeople(p);
  const hm = p.app.hiringManager;
  const title = hm
    ? `Connect with ${describe(hm, 'hiring manager', p.app)} on LinkedIn now that you're hired`
    : people.length > 0
      ? `Connect with ${joinNames(people.map((x) => x.name))} on LinkedIn now that you're hired`
      : `Connect on LinkedIn with the people who hired you at ${oneLine(p.app.company ?? '') || 'your new company'}`;
  const to = p.contact ?? (people[0] ? { person: people[0], as: 'hiring-manager' as const } : undefined);
  return {
    kind: 'connect-after-hire',
    title,
    due: p.app.decision ? notBefore(p.today, p.app.decision) : p.today,
    ...(p.app.decision ? { dueByNote: p.app.decision } : {}),
    priority: 'normal',
    reason: 'The decision is made, so connecting now is simply welcome.',
    experts: backers(item),
    draft: connectionNote({ app: p.app, situation: p.report.situation, facts: p.report.facts, ...(to ? { to } : {}) }, p.settings.connectionNoteLimit, p.settings.yourName),
    context: '@linkedin',
  };
}

function checkInFollowUp(p: Planning): { subject: string; followUp: Draftless } | undefined {
  const { app, today, report } = p;
  const last = report.facts.last;
  const base =
    app.followUp ??
    (last ? addDays(last.date, CHECK_IN_AFTER_INTERVIEW_DAYS) : app.applied && app.applied <= today ? addDays(app.applied, CHECK_IN_AFTER_APPLYING_DAYS) : undefined);
  if (!base) return undefined;
  const to = p.contact?.as === 'recruiter' ? p.contact.person : (app.recruiter ?? p.contact?.person);
  const about = `your application for ${roleAtCompany(app)}`;
  const why = app.followUp
    ? `You set ${app.followUp} as the day to follow up.`
    : last
      ? `No news since your interview on ${last.date}: a week is a fair time to wait before a polite check-in.`
      : `No news since you applied on ${app.applied ?? ''}: ${CHECK_IN_AFTER_APPLYING_DAYS} days is a fair time to wait before a polite check-in.`;
  return {
    subject: base,
    followUp: {
      kind: 'check-in',
      title: to ? `Check in with ${oneLine(to.name)} about ${about}` : `Check in about ${about}`,
      due: notBefore(today, base),
      dueByNote: base,
      priority: 'normal',
      reason: `${why} Keep it short and friendly; this reminder is a common courtesy, not advice from the article's experts.`,
      experts: [],
      draft: checkInDraft(app, to, p.settings.yourName, lastBefore(app, base)),
      context: '@email',
    },
  };
}

// ---- Small helpers ----------------------------------------------------------------------------

/** The latest interview before `day`: the one a check-in on that day thanks for, whatever today is. */
function lastBefore(app: Application, day: CalendarDate): Interview | undefined {
  return roundsByDay(app.interviews).filter((round) => round.date < day).pop();
}

/** Interviews on the same day are one round for planning: one research task, one letter per person. */
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
  return normalizePart(a.name).toLowerCase() === normalizePart(b.name).toLowerCase();
}

/** Whom to write to once a decision is made: the hiring manager, else the recruiter, else the interviewers. */
function decisionPeople(p: Planning): Person[] {
  return p.contact ? [p.contact.person] : p.app.interviewers;
}

/** "Ana Silva (hiring manager, Orchid Labs)". */
function describe(person: Person, role: string, app: Application): string {
  const company = oneLine(app.company ?? '');
  return `${oneLine(person.name)} (${company ? `${role}, ${company}` : role})`;
}
