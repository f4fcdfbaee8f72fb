// The English of a report, worded once from its facts for every view (callout, pane, terminal,
// JSON). The report itself holds dates, people and ids; nothing here decides anything.
import { relativeDay } from './dates';
import { BUILT_IN_KNOWLEDGE, type Phrases } from './knowledge';
import { joinNames, oneLine } from './text';
import type { Advice, AdviceReport, Application, CalendarDate, Facts, Interview, Person, Situation, Voice } from './model';

/** "Ana Silva", "Ana Silva and Ben Ito": people (or experts) by name. */
function namesList(people: readonly { name: string }[]): string {
  return joinNames(people.map((p) => p.name));
}

/** "in 4 days (2026-03-10)", "today (2026-03-06)". */
export function when(date: CalendarDate, today: CalendarDate): string {
  return `${relativeDay(date, today)} (${date})`;
}

/** "Your interview with Ana Silva" / "Your interview": the round's interviewers, when the note names them. */
export function interviewPhrase(interview: Interview): string {
  const names = namesList(interview.interviewers);
  return names ? `Your interview with ${names}` : 'Your interview';
}

/** "You applied 3 days ago (2026-03-06)" / "You applied (the note gives no date)". */
export function appliedPhrase(app: Application, today: CalendarDate): string {
  return app.applied ? `You applied ${when(app.applied, today)}` : 'You applied (the note gives no date)';
}

interface Reading {
  situation: Situation;
  facts: Facts;
}

/** One line tied to the dates: "You applied 3 days ago (2026-03-06) and have no interview yet." */
export function momentSummary(app: Application, today: CalendarDate, reading: Reading): string {
  const { facts } = reading;
  const decided = app.decision ? ` ${when(app.decision, today)}` : '';
  switch (app.stage) {
    case 'accepted':
      return `You accepted the job${decided}.`;
    case 'offer':
      return `You have an offer${app.decision ? `, received ${when(app.decision, today)}` : ''}.`;
    case 'rejected':
      return `The company turned the application down${decided}.`;
    case 'withdrawn':
      return `You withdrew this application${decided}.`;
    case 'ghosted':
      return `The company has gone quiet: ${silenceSince(app, today, facts)}.`;
    case 'wishlist':
      return 'You have not applied yet.';
    default:
      break;
  }
  if (facts.next) return `${interviewPhrase(facts.next)} is ${when(facts.next.date, today)}.`;
  if (facts.last) {
    const phrase = `${interviewPhrase(facts.last)} was ${when(facts.last.date, today)}`;
    return reading.situation === 'just-interviewed' ? `${phrase}; no decision yet.` : `${phrase} and no decision is noted yet.`;
  }
  if (facts.undatedInterview) return 'You are interviewing, but the note gives no interview date.';
  if (app.applied && (facts.daysSinceApplied ?? 0) < 0) return `Your application date is ${when(app.applied, today)}: you have not applied yet.`;
  return `${appliedPhrase(app, today)} and have no interview yet.`;
}

function silenceSince(app: Application, today: CalendarDate, facts: Facts): string {
  if (facts.last) return `no answer since your interview ${when(facts.last.date, today)}`;
  if (app.applied) return `no answer since you applied ${when(app.applied, today)}`;
  return 'no answer, and the note gives no dates';
}

/** The report's moment summary. */
export function summaryOf(report: AdviceReport): string {
  return momentSummary(report.application, report.today, report);
}

/** "Ana Silva" / "Rita Okafor (recruiter)" / "the hiring manager": whom the advice writes to. */
export function contactName(report: AdviceReport): string {
  const contact = report.facts.contact;
  return contact ? oneName(contact.person) : 'the hiring manager';
}

function oneName(person: Person): string {
  return oneLine(person.name);
}

/** What a "why now" template may say about this application; absent facts stay absent. */
export function phrasesOf(report: AdviceReport): Phrases {
  const { application: app, today, facts } = report;
  const hm = app.hiringManager ? oneName(app.hiringManager) : '';
  const nextNames = facts.next ? namesList(facts.next.interviewers) : '';
  const lastNames = facts.last ? namesList(facts.last.interviewers) : '';
  const phrases: Phrases = {
    situation: report.situation,
    to: contactName(report),
    hm: hm || 'the hiring manager',
    hmPossessive: hm ? `${hm}'s` : "the hiring manager's",
    company: oneLine(app.company ?? '') || 'the company',
    summary: summaryOf(report),
    lastIsLate: (facts.daysSinceLast ?? 0) > 1,
  };
  if (app.applied && (facts.daysSinceApplied ?? 0) >= 0) phrases.applied = appliedPhrase(app, today);
  if (facts.next) phrases.next = `${interviewPhrase(facts.next)} is ${when(facts.next.date, today)}`;
  if (facts.last) phrases.last = `${interviewPhrase(facts.last)} was ${when(facts.last.date, today)}`;
  if (nextNames) phrases.nextNames = nextNames;
  if (lastNames) phrases.lastNames = lastNames;
  return phrases;
}

/** The "why now" line of an advice item, from its tip's template; a pack's item says where things stand. */
export function whyNow(report: AdviceReport, item: Advice, phrases: Phrases = phrasesOf(report)): string {
  const tip = (BUILT_IN_KNOWLEDGE.tips as Record<string, { why: (p: Phrases) => string } | undefined>)[item.id];
  return tip ? tip.why(phrases) : phrases.summary;
}

const BEFORE_INTERVIEW: ReadonlySet<Situation> = new Set(['not-applied', 'just-applied', 'waiting']);

/** "Jane Doe", else "the hiring manager": whom the verdict's question is about. */
export function hiringManagerName(report: AdviceReport): string {
  const hm = report.application.hiringManager;
  return hm ? oneName(hm) || 'the hiring manager' : 'the hiring manager';
}

/** "Yes, now" / "Yes, it may help" / "Not yet" / "Already connected": the verdict in a few words. */
export function answerOf(report: AdviceReport): string {
  const v = report.verdict;
  if (v.alreadyConnected) return 'Already connected';
  if (v.connectNow) return v.basis === 'general' ? 'Yes, if you still want to work there' : v.firmness === 'hedged' ? 'Yes, it may help' : 'Yes, now';
  return v.firmness === 'hedged' ? 'Better not yet' : 'Not yet';
}

/** The verdict's headline: what to do, addressed to the person the note names. */
export function verdictHeadline(report: AdviceReport): string {
  const { verdict, facts, application: app } = report;
  const contact = facts.contact;
  const name = contact ? oneName(contact.person) : '';
  if (verdict.alreadyConnected) return `Already connected with ${contactName(report)}: no request to send.`;
  if (verdict.connectNow) {
    const lead = verdict.basis === 'general' ? 'Yes, if you would still like to work there' : verdict.firmness === 'hedged' ? 'Yes, it may help' : 'Yes';
    if (!contact) return `${lead}, once you know who to ask: find out who the hiring manager is, then connect.`;
    if (contact.as === 'recruiter') {
      return BEFORE_INTERVIEW.has(report.situation)
        ? `${lead}: the note names no hiring manager, so connect with ${name} (recruiter) and ask who it is.`
        : `${lead}: the note names no hiring manager, so connect with ${name}, the recruiter.`;
    }
    return `${lead}: send ${name} a connection request now, with a short note.`;
  }
  const lead = verdict.firmness === 'hedged' ? 'Better not yet' : 'Not yet';
  if (!app.hiringManager) return `${lead}: hold the request, and meanwhile find out who the hiring manager is.`;
  return `${lead}: hold the connection request to ${name} for now.`;
}

/** "Zack McCarty and Ryan Nouis speak to this moment and favour connecting. In general, ..." */
export function verdictReason(report: AdviceReport): string {
  const { verdict } = report;
  const summary = summaryOf(report);
  if (verdict.alreadyConnected) return `${summary} The note says you are already connected on LinkedIn, so the advice skips the request.`;
  return `${summary} ${balance(report)}`;
}

function verb(voices: readonly Voice[], one: string, many: string): string {
  return voices.length === 1 ? one : many;
}

/** "Rita Okafor (your pack)": the person's own experts are never mixed up with the nine. */
function voiceName(expert: { name: string; pack?: string }): { name: string } {
  return expert.pack ? { name: `${oneLine(expert.name)} (your pack)` } : expert;
}

function side(voices: readonly Voice[], connect: boolean, speaks: boolean): string {
  const names = namesList(voices.map((v) => voiceName(v.expert)));
  const lead = speaks ? ` ${verb(voices, 'speaks', 'speak')} to this moment and` : '';
  const does = connect ? verb(voices, 'favours connecting', 'favour connecting') : 'would wait';
  const hedged = voices.filter((v) => v.firmness === 'hedged');
  const hedge =
    hedged.length === 0 ? '' : hedged.length === voices.length ? ', with a hedge' : ` (${namesList(hedged.map((v) => voiceName(v.expert)))} with a hedge)`;
  return `${names}${lead} ${does}${hedge}`;
}

/** Who speaks to this moment and what they say, without the moment itself (the pane says it once above). */
export function verdictBalance(report: AdviceReport): string {
  return report.verdict.alreadyConnected ? 'Your note says you are already connected.' : balance(report);
}

function balance(report: AdviceReport): string {
  const { verdict } = report;
  const parts: string[] = [];
  const sides: string[] = [];
  if (verdict.for.length > 0) sides.push(side(verdict.for, true, true));
  if (verdict.against.length > 0) sides.push(side(verdict.against, false, true));
  parts.push(sides.length > 0 ? `${sides.join('; ')}.` : 'None of the experts speaks to this moment itself.');
  const general: string[] = [];
  const generalFor = verdict.general.filter((v) => v.stance === 'connect');
  const generalWait = verdict.general.filter((v) => v.stance === 'wait');
  if (generalFor.length > 0) general.push(side(generalFor, true, false));
  if (generalWait.length > 0) general.push(side(generalWait, false, false));
  if (general.length > 0) parts.push(`In general, not of this moment: ${general.join('; ')}.`);
  return parts.join(' ');
}

/** What to show beside an expert's name: "in general", "hedged", "your pack" (none: spoke firmly to this moment). */
export function marksOf(item: { expert: { pack?: string }; reach: 'direct' | 'general'; firmness: 'firm' | 'hedged' }): string[] {
  const marks: string[] = [];
  if (item.reach === 'general') marks.push('in general');
  if (item.firmness === 'hedged') marks.push('hedged');
  if (item.expert.pack) marks.push('your pack');
  return marks;
}
