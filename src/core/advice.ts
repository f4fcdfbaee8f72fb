// The advice engine. First it answers the article's question (send the hiring manager a LinkedIn
// connection request now, or not yet?), then it picks and ranks the tips for this moment.
//
// Weighing: an expert who addressed this exact situation counts 3, general advice counts 1; the
// request is advised only when the side for it weighs more (a tie means not yet: a request can
// wait, it cannot be taken back). With the tables in knowledge.ts this gives:
// - not-applied, just-applied, waiting (no interview yet): connect; Craig Rosen dissents.
// - interview-ahead, just-interviewed, and waiting after an interview: not yet (Rosen and Thylan
//   Le speak to these moments; Bubis, Brown and Barlow's general advice is the dissent).
// - offer: connect. Rosen's line was the offer and Staton's the decision: both are crossed. We
//   don't wait for acceptance: the hiring manager made the offer and will expect contact.
// - hired, rejected (Staton), withdrawn (Brown's long game), ghosted (Brown; silence counts like a
//   no for Staton; Rosen dissents): connect.
// An existing connection ends the question: no verdict to weigh and no tip about the request.
import { expertById } from './experts';
import { POSITIONS, TIPS, tipApplies, tipSpecificTo, type Situation } from './knowledge';
import type { Advice, AdviceReport, Application, CalendarDate, ExpertPosition, Moment, Tip, Verdict } from './model';
import { appliedPhrase, interviewPhrase, lastInterview, momentOf, nextInterview, when } from './moment';
import { joinNames } from './text';

const SPECIFIC_WEIGHT = 3;
const GENERAL_WEIGHT = 1;

/** The facts a reason can name, worked out once. */
interface Context {
  app: Application;
  today: CalendarDate;
  moment: Moment;
  /** The moment as the experts see it (waiting after an interview is its own situation). */
  situation: Situation;
  summary: string;
  /** The hiring manager's name, or "the hiring manager". */
  manager: string;
  company: string;
}

export function advise(app: Application, today: CalendarDate): AdviceReport {
  const { moment, summary } = momentOf(app, today);
  const context: Context = {
    app,
    today,
    moment,
    situation: situationOf(moment, app, today),
    summary,
    manager: app.hiringManager?.name ?? 'the hiring manager',
    company: app.company ?? 'the company',
  };
  const verdict = decide(context);
  return { application: app, today, moment, momentSummary: summary, verdict, advice: chooseAdvice(context, verdict) };
}

function situationOf(moment: Moment, app: Application, today: CalendarDate): Situation {
  // Waiting after an interview is judged by the experts on interview etiquette, not on getting one.
  if (moment === 'waiting' && lastInterview(app, today)) return 'waiting-after-interview';
  return moment;
}

function positionsAt(situation: Situation): { for: ExpertPosition[]; against: ExpertPosition[] } {
  const toPosition = (p: (typeof POSITIONS)[number]): ExpertPosition => ({
    expert: expertById(p.expertId),
    because: p.because,
    specific: p.specific,
  });
  // Those who speak to this exact moment come first on each side.
  const here = POSITIONS.filter((p) => p.situations.includes(situation)).sort((a, b) => Number(b.specific) - Number(a.specific));
  return {
    for: here.filter((p) => p.stance === 'connect').map(toPosition),
    against: here.filter((p) => p.stance === 'wait').map(toPosition),
  };
}

function weight(positions: ExpertPosition[]): number {
  return positions.reduce((sum, p) => sum + (p.specific ? SPECIFIC_WEIGHT : GENERAL_WEIGHT), 0);
}

function decide(context: Context): Verdict {
  const { app, summary, manager } = context;
  if (app.connected) {
    return {
      connectNow: false,
      headline: `Already connected with ${manager}: no request to send.`,
      reason: `${summary} The note says you are already connected on LinkedIn, so the advice skips the request.`,
      for: [],
      against: [],
      alreadyConnected: true,
    };
  }
  const sides = positionsAt(context.situation);
  const connectNow = weight(sides.for) > weight(sides.against);
  const known = app.hiringManager !== undefined;
  let headline: string;
  if (connectNow) {
    headline = known
      ? `Yes: send ${manager} a connection request now, with a short note.`
      : 'Yes, once you know who to ask: find out who the hiring manager is, then connect.';
  } else {
    headline = known
      ? `Not yet: hold the connection request to ${manager} for now.`
      : 'Not yet: hold the request, and meanwhile find out who the hiring manager is.';
  }
  return { connectNow, headline, reason: `${summary} ${balance(sides, connectNow)}`, ...sides, alreadyConnected: false };
}

/** "Craig Rosen and Thylan Le speak to this moment and say wait; Deborah Bubis disagrees." */
function balance(sides: { for: ExpertPosition[]; against: ExpertPosition[] }, connectNow: boolean): string {
  const winners = connectNow ? sides.for : sides.against;
  const dissent = connectNow ? sides.against : sides.for;
  const say = connectNow ? 'connect' : 'wait';
  const specific = winners.filter((p) => p.specific);
  const lead = specific.length > 0
    ? `${joinNames(specific.map((p) => p.expert.name))} ${specific.length === 1 ? 'speaks' : 'speak'} to this moment and ${specific.length === 1 ? 'says' : 'say'} ${say}`
    : winners.length > 0
      ? `${joinNames(winners.map((p) => p.expert.name))} ${winners.length === 1 ? 'says' : 'say'} ${say}`
      : 'No expert speaks for a request at this moment';
  if (dissent.length === 0) return `${lead}.`;
  return `${lead}; ${joinNames(dissent.map((p) => p.expert.name))} ${dissent.length === 1 ? 'disagrees' : 'disagree'}.`;
}

function chooseAdvice(context: Context, verdict: Verdict): Advice[] {
  const { situation } = context;
  const agreeing = verdict.connectNow ? 'connect' : 'wait';
  const shown = TIPS.filter((tip) => {
    if (!tipApplies(tip, situation)) return false;
    if (tip.stance === 'neutral') return true;
    // Once connected, tips about sending (or holding) the request have nothing left to say.
    if (verdict.alreadyConnected) return false;
    // A tip against the verdict is the dissent: the verdict lists it, the advice doesn't repeat it.
    return tip.stance === agreeing;
  });
  const specific = (tip: Tip): boolean => tipSpecificTo(tip).includes(situation);
  const rank = (tip: Tip): number[] => [
    specific(tip) ? 0 : 1,
    tip.stance === agreeing ? 0 : 1,
    // Narrower tips speak more exactly to this moment.
    specific(tip) ? tipSpecificTo(tip).length : 0,
    TIPS.indexOf(tip),
  ];
  const ranked = [...shown].sort((a, b) => compareRanks(rank(a), rank(b)));
  return ranked.map((tip) => ({
    id: tip.id,
    title: tip.title,
    detail: tip.detail,
    experts: tip.expertIds.map(expertById),
    reason: reasonFor(tip, context),
    stance: tip.stance,
  }));
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The date fact that matters most at this moment, as the start of a sentence. */
function dateFact(context: Context): string {
  const { app, today } = context;
  const next = nextInterview(app, today);
  if (next) return `${interviewPhrase(next)} is ${when(next.date, today)}`;
  const last = lastInterview(app, today);
  if (last) return `${interviewPhrase(last)} was ${when(last.date, today)}`;
  if (app.stage === 'wishlist' || !app.applied || app.applied > today) return `You have not applied to ${context.company} yet`;
  return appliedPhrase(app, today);
}

/** The people interviewing (this round's, else everyone the note names), or a fallback phrase. */
function interviewerNames(context: Context): string {
  const { app, today } = context;
  const round = nextInterview(app, today) ?? lastInterview(app, today);
  const people = round && round.interviewers.length > 0 ? round.interviewers : app.interviewers;
  return people.length > 0 ? joinNames(people.map((p) => p.name)) : 'each person you meet';
}

type Reason = (c: Context) => string;

const manager = (c: Context): string => c.manager;
const managers = (c: Context): string => (c.app.hiringManager ? `${c.manager}'s` : "the hiring manager's");

// One line per tip, tied to this application's people and dates.
const REASONS: Record<string, Reason> = {
  'mccarty-introduce-small-ask': (c) =>
    c.moment === 'not-applied'
      ? `${dateFact(c)}: a short call with ${manager(c)} can come before the application.`
      : `${dateFact(c)} and have no interview yet: a small ask to ${manager(c)} can help you get one.`,
  'mccarty-learn-dont-flatter': (c) => `When you talk with ${manager(c)}, ask about ${c.company} rather than selling yourself.`,
  'chiamos-preview-message': (c) => `${dateFact(c)}: let ${manager(c)} know your name before they read your résumé.`,
  'nouis-connect-after-applying': (c) =>
    c.moment === 'just-applied'
      ? `${dateFact(c)}: this is the window he means.`
      : c.moment === 'waiting'
        ? `${dateFact(c)}: later than he advises, but the request still shows initiative.`
        : `Plan to send ${manager(c)} the request the day you apply.`,
  'rosen-no-request-before-offer': (c) => `${dateFact(c)}, and ${c.company} has made no offer yet.`,
  'rosen-study-interviewers': (c) => `${dateFact(c)}: read the profiles of ${interviewerNames(c)} before then.`,
  'rosen-handwritten-thanks': (c) =>
    c.moment === 'just-interviewed'
      ? `${dateFact(c)}: write to ${interviewerNames(c)} now.`
      : `${dateFact(c)}: have paper ready to write to ${interviewerNames(c)} right after.`,
  'staton-connect-once-hired': (c) => `${c.summary} Now is the time to connect with ${manager(c)}.`,
  'staton-connect-after-rejection': (c) => `${c.summary} A connection with ${manager(c)} keeps the door open.`,
  'staton-ask-feedback': (c) => `${c.summary} Ask ${manager(c)} what would have made your application stronger.`,
  'le-view-profile': (c) =>
    c.moment === 'interview-ahead'
      ? `${dateFact(c)}: look at ${managers(c)} profile before it, and again after.`
      : `${dateFact(c)}: a second look at ${managers(c)} profile now shows continued interest.`,
  'le-no-request-right-after-interview': (c) => `${dateFact(c)}: a request to ${manager(c)} now would come too soon.`,
  'bubis-ask-for-call': (c) => `Ask ${manager(c)} for 15 minutes about what they enjoy at ${c.company}.`,
  'bubis-connect-after-call': (c) => `After your call with ${manager(c)}, send the request so they remember you.`,
  'brown-long-game': (c) =>
    `${c.summary} If ${c.company} stays on your list, ${manager(c)} may be the one who hires you later.`,
  'brown-build-content': (c) => `${manager(c) === 'the hiring manager' ? 'The hiring manager' : manager(c)} will look at your LinkedIn page: make it say what you are about.`,
  'barlow-connect-no-pressure': (c) => `${dateFact(c)}: one calm request lets ${manager(c)} find you after reading your CV.`,
};

function reasonFor(tip: Tip, context: Context): string {
  const reason = REASONS[tip.id];
  return reason ? reason(context) : context.summary;
}
