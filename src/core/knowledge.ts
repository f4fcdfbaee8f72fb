// The knowledge base: what the nine experts of the source article said, in our own words, as data.
// One structure per expert: who they are, what they said, and for each situation whether they
// speak to it directly or only in general (absent: not at all), with their stance and how firmly.
// The verdict's for/against, the advice items, their "why now" and the follow-ups they justify are
// all derived from this file by advice.ts and followups.ts; a person's own pack (packs.ts) is read
// into the same shapes. Facts carry over from the article; its sentences do not.
import type { Expert, Firmness, FollowUpKind, Moment, Reach, Situation, Stance } from './model';
import { MOMENTS } from './model';

export const SITUATIONS: readonly Situation[] = [...MOMENTS, 'waiting-after-interview'];

/** An expert's word at one situation. */
export interface MomentView {
  reach: Reach;
  stance: Stance;
  firmness: Firmness;
  /** Why, in our words, at this situation. */
  because: string;
}

/** One of an expert's pieces of advice: which idea, where it applies, how firmly, their angle. */
export interface ExpertAdvice<T extends string = string> {
  tip: T;
  /** Situations the expert spoke to with this advice. */
  direct: Situation[];
  /** Situations their general words reach. */
  general?: Situation[];
  firmness: Firmness;
  /** Their own angle on the idea, in our words. */
  note: string;
}

export interface ExpertKnowledge<T extends string = string> {
  expert: Expert;
  /** What they said, all of it, in our words. */
  said: string;
  moments: Partial<Record<Situation, MomentView>>;
  advice: ExpertAdvice<T>[];
}

/**
 * What a "why now" line may use, already worded from the note's facts by wording.ts. Optional
 * parts are absent when the note does not say them, so a template cannot claim them.
 */
export interface Phrases {
  situation: Situation;
  /** "Ana Silva", or "the hiring manager" when the note names nobody to write to. */
  to: string;
  /** The hiring manager by name, else "the hiring manager". */
  hm: string;
  /** "Ana Silva's" / "the hiring manager's". */
  hmPossessive: string;
  /** "Orchid Labs", else "the company". */
  company: string;
  /** "You accepted the job 2 days ago (2026-03-18)." */
  summary: string;
  /** "You applied 3 days ago (2026-03-17)". */
  applied?: string;
  /** "Your interview with Ana Silva is in 4 days (2026-03-24)". */
  next?: string;
  /** "Your interview with Ana Silva was 2 days ago (2026-03-18)". */
  last?: string;
  /** Names of the next round's interviewers, when the note gives them. */
  nextNames?: string;
  /** Names of the latest round's interviewers, when the note gives them. */
  lastNames?: string;
  /** True when "right after the interview" has passed (more than a day ago). */
  lastIsLate: boolean;
}

/** A piece of advice: one idea, however many experts back it. */
export interface TipText {
  title: string;
  detail: string;
  /** What it says about the connection request (tips against the verdict are not shown). */
  stance: Stance;
  /** The "why now" line for this application. */
  why: (p: Phrases) => string;
  /** The follow-up kinds this advice justifies. */
  plans: readonly FollowUpKind[];
}

export type TipId =
  | 'connect-after-applying'
  | 'introduce-yourself'
  | 'small-ask'
  | 'learn-not-flatter'
  | 'long-game'
  | 'show-your-work'
  | 'study-interviewers'
  | 'view-profile'
  | 'hold-request'
  | 'thank-you-letter'
  | 'connect-after-offer'
  | 'connect-once-hired'
  | 'connect-after-no'
  | 'ask-feedback';

export type ExpertId =
  | 'zack-mccarty'
  | 'megan-chiamos'
  | 'ryan-nouis'
  | 'craig-rosen'
  | 'michael-staton'
  | 'thylan-le'
  | 'deborah-bubis'
  | 'steven-brown'
  | 'justin-barlow';

/**
 * How the verdict weighs the voices, as data. The rule: count the voices that speak to this
 * situation directly, a firm one as FIRM and a hedged one as HEDGED; only when nobody speaks to
 * it directly, count the general voices the same way (and say the verdict rests on them). Connect
 * when the side for connecting weighs more; a tie means not yet (a request can wait, it cannot
 * be taken back). The verdict is hedged when every voice on the winning side hedged.
 */
export const WEIGHTS = { firm: 2, hedged: 1 } as const satisfies Record<Firmness, number>;

/** At most this many advice items at any moment. */
export const MAX_ADVICE = 5;

const ARTICLE = 'Terkel: nine hiring managers and recruiters on connecting with the hiring manager on LinkedIn';

const BEFORE_INTERVIEW: Situation[] = ['not-applied', 'just-applied', 'waiting'];

const firstTime = (p: Phrases, rest: string): string => (p.applied ? `${p.applied} and have no interview yet: ${rest}` : `You have no interview yet: ${rest}`);

export const TIPS = {
  'connect-after-applying': {
    title: 'Send the request soon after you apply',
    detail:
      'Just after the application goes in, a request shows you looked the person up and mean it, and lets them find ' +
      'you easily once they have read your CV.',
    stance: 'connect',
    why: (p) => `${p.applied ?? 'You have applied'}: this is the window for the request.`,
    plans: ['connection-request'],
  },
  'introduce-yourself': {
    title: 'Introduce yourself and say why this company',
    detail: 'Keep the note to who you are and what draws you to the company: a plain hello does not overstep.',
    stance: 'connect',
    why: (p) =>
      p.situation === 'not-applied'
        ? `You have not applied to ${p.company} yet: a short hello to ${p.to} can come first.`
        : p.situation === 'just-applied'
          ? `${p.applied ?? 'You have applied'}: an introduction now puts a name to your application for ${p.to}.`
          : firstTime(p, `introducing yourself to ${p.to} can help you get one.`),
    plans: ['connection-request'],
  },
  'small-ask': {
    title: 'Ask for something small, such as a 15-minute call',
    detail:
      'A quarter of an hour on the phone, or a coffee, to learn about the company and the team is easy to say yes to; ' +
      'the connection request can follow it.',
    stance: 'none',
    why: (p) =>
      p.situation === 'not-applied'
        ? `Before you apply, a short call with ${p.to} tells you what the team values.`
        : firstTime(p, `a small ask of ${p.to} is easy to grant.`),
    plans: ['intro-call'],
  },
  'learn-not-flatter': {
    title: 'Go to learn, and never push',
    detail: 'The contact is for understanding the company and the role; flattery or pressure works against you.',
    stance: 'none',
    why: (p) => `When you write to ${p.to}, ask about ${p.company} rather than selling yourself.`,
    plans: [],
  },
  'long-game': {
    title: 'Play the long game',
    detail:
      'At a company you would like to work for, a connection with the person who might hire you one day can pay off ' +
      'over months, with this opening or a later one.',
    stance: 'connect',
    why: (p) =>
      p.situation === 'not-applied'
        ? `If ${p.company} is a place you would like to work, ${p.to} may be the one who hires you, now or later.`
        : `${p.summary} If ${p.company} still interests you for later, a connection with ${p.to} keeps the door open.`,
    plans: ['connection-request'],
  },
  'show-your-work': {
    title: 'Give your LinkedIn page something to say',
    detail: 'Posts of your own tell a future hiring manager what you are about, with your whole working profile in one place.',
    stance: 'none',
    why: (p) => `If ${p.to} looks you up, your page should say what you are about.`,
    plans: [],
  },
  'study-interviewers': {
    title: "Study each interviewer's profile for common ground",
    detail:
      'Read the LinkedIn profile of everyone you will meet and note what you share (a school, a sport, a hobby, people ' +
      'you both know) to bring up in the conversation.',
    stance: 'none',
    why: (p) =>
      p.next
        ? `${p.next}: read the profiles of ${p.nextNames ?? 'everyone you will meet'} before then.`
        : 'You are interviewing, but the note gives no date: find out when, and whom you will meet, then read their profiles.',
    plans: ['research-interviewers'],
  },
  'thank-you-letter': {
    title: 'Write each interviewer a thank-you letter by hand',
    detail:
      'As soon as the interview is over, post a handwritten letter (an email does not count) to every person who ' +
      'interviewed you; it takes the place of a connection request.',
    stance: 'none',
    why: (p) =>
      p.situation === 'interview-ahead' && !p.last
        ? `${p.next ?? 'You are interviewing'}: have paper ready to write to ${p.nextNames ?? 'each person you meet'} right after the interview.`
        : p.lastIsLate
          ? `${p.last ?? 'Your interview is over'}: later than right after, but a letter to ${p.lastNames ?? 'each person you met'} still thanks them.`
          : `${p.last ?? 'Your interview is over'}: write to ${p.lastNames ?? 'each person you met'} now.`,
    plans: ['thank-you-letter'],
  },
  'view-profile': {
    title: "View the hiring manager's profile, without connecting",
    detail:
      'LinkedIn tells people who looked at their profile. A visit before the interview and another after it shows care ' +
      'and interest, and leaves the process its pace.',
    stance: 'none',
    why: (p) =>
      p.situation === 'interview-ahead'
        ? p.next
          ? `${p.next}: look at ${p.hmPossessive} profile before it, and again after.`
          : `Before your interview, look at ${p.hmPossessive} profile, and again after it.`
        : `${p.last ?? 'Your interview is over'}: a second look at ${p.hmPossessive} profile now shows continued interest.`,
    plans: ['view-profile'],
  },
  'hold-request': {
    title: 'Hold the connection request for now',
    detail: 'While the interviews are under way, a request can read as rushing the process.',
    stance: 'wait',
    why: (p) =>
      p.situation === 'interview-ahead'
        ? `${p.next ?? 'You are interviewing'}: a request to ${p.hm} now would come before any offer.`
        : p.situation === 'just-interviewed'
          ? `${p.last ?? 'Your interview is over'}: a request to ${p.hm} now would come right after it.`
          : `${p.last ?? 'Your interview is over'} and no offer is noted: the request can wait for one.`,
    plans: [],
  },
  'connect-after-offer': {
    title: 'Connect now that you have an offer',
    detail: 'The reason to hold back was the offer; with one in hand, a request to the hiring manager is no longer early.',
    stance: 'connect',
    why: (p) => `${p.summary} The request to ${p.to} no longer comes before an offer.`,
    plans: ['connection-request'],
  },
  'connect-once-hired': {
    title: 'Connect now that the job is yours',
    detail: 'The decision went your way: nothing is left to hold back.',
    stance: 'connect',
    why: (p) => `${p.summary} Connect with ${p.to} now.`,
    plans: ['connect-after-hire'],
  },
  'connect-after-no': {
    title: "Connect even though you didn't get the job",
    detail: 'A no need not end the relationship: a connection keeps you in view for the next opening.',
    stance: 'connect',
    why: (p) => `${p.summary} A connection with ${p.to} keeps you in view for later openings.`,
    plans: [],
  },
  'ask-feedback': {
    title: 'Ask what you could have done better',
    detail: 'Ask what would have made you a stronger candidate, and to think of you if another suitable role comes up.',
    stance: 'none',
    why: (p) => `${p.summary} Ask ${p.to} what would have made your application stronger.`,
    plans: ['ask-feedback'],
  },
} as const satisfies Record<TipId, TipText>;

/** The nine experts, in the article's order. `satisfies` makes a missing expert a type error. */
const NINE = {
  'zack-mccarty': {
    expert: { id: 'zack-mccarty', name: 'Zack McCarty', organization: 'Qwick', source: ARTICLE },
    said:
      'Reaching out to the hiring manager makes an interview much likelier. Introduce yourself, say why the company ' +
      'interests you and ask how to learn more, keeping the ask tiny (a short call, a coffee); the aim is to learn, not to flatter.',
    moments: {
      'not-applied': { reach: 'direct', stance: 'connect', firmness: 'firm', because: 'Reaching out before any interview makes getting one much likelier, if the ask stays small.' },
      'just-applied': { reach: 'direct', stance: 'connect', firmness: 'firm', because: 'Reaching out before any interview makes getting one much likelier, if the ask stays small.' },
      waiting: { reach: 'direct', stance: 'connect', firmness: 'firm', because: 'You have no interview yet, and reaching out is what makes one likelier.' },
    },
    advice: [
      { tip: 'introduce-yourself', direct: BEFORE_INTERVIEW, firmness: 'firm', note: 'Say why the company interests you and ask how to learn more.' },
      { tip: 'small-ask', direct: BEFORE_INTERVIEW, firmness: 'firm', note: 'Keep the request tiny: a quick call, or a coffee you offer to buy.' },
      { tip: 'learn-not-flatter', direct: BEFORE_INTERVIEW, firmness: 'firm', note: 'The point is learning about the company, not charming your way in.' },
    ],
  },
  'megan-chiamos': {
    expert: { id: 'megan-chiamos', name: 'Megan Chiamos', organization: '365 Cannabis', source: ARTICLE },
    said:
      'Connecting can often help a candidate stand out. Do it without overstepping, by simply introducing yourself; ' +
      'the message works as a trailer for your résumé and cover letter, so they look out for your name.',
    moments: {
      'not-applied': { reach: 'direct', stance: 'connect', firmness: 'hedged', because: 'An introduction can help you stand out, as a preview of the application to come.' },
      'just-applied': { reach: 'direct', stance: 'connect', firmness: 'hedged', because: 'An introduction can help you stand out, as a preview of the résumé they are about to see.' },
      waiting: { reach: 'general', stance: 'connect', firmness: 'hedged', because: 'In most cases, she says, connecting can help a candidate stand out.' },
    },
    advice: [
      { tip: 'introduce-yourself', direct: ['not-applied', 'just-applied'], firmness: 'hedged', note: 'Think of the note as a trailer for your résumé and cover letter, so they watch for your name.' },
    ],
  },
  'ryan-nouis': {
    expert: { id: 'ryan-nouis', name: 'Ryan Nouis', organization: 'TruPath', source: ARTICLE },
    said:
      'A request shows you go past the usual steps: you researched the person and care about the company. Sent right ' +
      'after applying, it lifts the application and makes your name stand out.',
    moments: {
      'just-applied': { reach: 'direct', stance: 'connect', firmness: 'firm', because: 'Right after applying is his moment: it shows research and lifts the application.' },
      'not-applied': { reach: 'general', stance: 'connect', firmness: 'firm', because: 'A request shows you go past the usual steps; he times it just after you apply.' },
      waiting: { reach: 'general', stance: 'connect', firmness: 'firm', because: 'A request shows you go past the usual steps; he times it just after you apply.' },
    },
    advice: [{ tip: 'connect-after-applying', direct: ['just-applied'], firmness: 'firm', note: 'It shows you did your research, and lifts your application.' }],
  },
  'craig-rosen': {
    expert: { id: 'craig-rosen', name: 'Craig Rosen', organization: 'InterviewFocus', source: ARTICLE },
    said:
      'He was taught that interview etiquette keeps the request until a job offer. Instead, read the profile of each ' +
      'interviewer for common ground to raise, and right after the interview send everyone who interviewed you a ' +
      'handwritten thank-you letter, not an email (this he recommends strongly).',
    moments: {
      'not-applied': { reach: 'general', stance: 'wait', firmness: 'hedged', because: 'The etiquette he was taught keeps the request until a job offer; he said it of interviews.' },
      'just-applied': { reach: 'general', stance: 'wait', firmness: 'hedged', because: 'The etiquette he was taught keeps the request until a job offer; he said it of interviews.' },
      waiting: { reach: 'general', stance: 'wait', firmness: 'hedged', because: 'The etiquette he was taught keeps the request until a job offer; he said it of interviews.' },
      'interview-ahead': { reach: 'direct', stance: 'wait', firmness: 'hedged', because: 'He was taught not to connect before an offer; study the interviewers instead.' },
      'just-interviewed': { reach: 'direct', stance: 'wait', firmness: 'hedged', because: 'Instead of a request he would send each interviewer a handwritten letter; connecting waits for an offer.' },
      'waiting-after-interview': { reach: 'direct', stance: 'wait', firmness: 'hedged', because: 'There is no offer yet, and the etiquette he was taught waits for one.' },
      offer: { reach: 'direct', stance: 'connect', firmness: 'hedged', because: 'The line he was taught is the job offer, and you now have one.' },
    },
    advice: [
      { tip: 'hold-request', direct: ['interview-ahead', 'just-interviewed', 'waiting-after-interview'], firmness: 'hedged', note: 'The etiquette he was taught waits for a job offer.' },
      { tip: 'study-interviewers', direct: ['interview-ahead'], firmness: 'firm', note: 'Look for shared ground (college, sport, hobby, contacts) to raise in the interview.' },
      {
        tip: 'thank-you-letter',
        direct: ['interview-ahead', 'just-interviewed'],
        general: ['waiting-after-interview'],
        firmness: 'firm',
        note: 'By hand, not by email, to everyone who interviewed you, straight after the interview.',
      },
      { tip: 'connect-after-offer', direct: ['offer'], firmness: 'hedged', note: 'The etiquette he was taught only holds the request back until an offer.' },
    ],
  },
  'michael-staton': {
    expert: { id: 'michael-staton', name: 'Michael Staton', organization: 'Lyon Shield Security', source: ARTICLE },
    said:
      'Once the decision is made and you are hired, connect freely. If you were not chosen, consider connecting all the ' +
      'same, to ask what you could have done better and to be told of future openings.',
    moments: {
      hired: { reach: 'direct', stance: 'connect', firmness: 'firm', because: 'Once the decision is made and you are hired, he says connect freely.' },
      rejected: { reach: 'direct', stance: 'connect', firmness: 'hedged', because: 'Without the job you can still connect, to ask what to improve and to be kept in mind.' },
    },
    advice: [
      { tip: 'connect-once-hired', direct: ['hired'], firmness: 'firm', note: 'The decision is made: connect away.' },
      { tip: 'connect-after-no', direct: ['rejected'], firmness: 'hedged', note: 'Something to consider: the door can stay open.' },
      { tip: 'ask-feedback', direct: ['rejected'], firmness: 'hedged', note: 'Ask what you could have done better, and to hear of future openings.' },
    ],
  },
  'thylan-le': {
    expert: { id: 'thylan-le', name: 'Thylan Le', organization: 'Markitors', source: ARTICLE },
    said:
      'He would not connect right after an interview. Do consider viewing the hiring manager\'s profile before and ' +
      'after it: they are told of the visit, which shows time and interest while respecting the process.',
    moments: {
      'interview-ahead': { reach: 'direct', stance: 'wait', firmness: 'hedged', because: 'View the profile before the interview, but hold the request so as not to rush the process.' },
      'just-interviewed': { reach: 'direct', stance: 'wait', firmness: 'firm', because: 'He would not connect right after an interview; a profile view shows interest instead.' },
      'waiting-after-interview': { reach: 'general', stance: 'wait', firmness: 'hedged', because: 'He warns against connecting too early while the process runs.' },
    },
    advice: [
      { tip: 'view-profile', direct: ['interview-ahead', 'just-interviewed'], firmness: 'hedged', note: 'They are told you looked, which shows interest without pushing.' },
      { tip: 'hold-request', direct: ['just-interviewed'], firmness: 'firm', note: 'He would not connect right after an interview.' },
      { tip: 'hold-request', direct: ['interview-ahead'], firmness: 'hedged', note: 'Connecting too early does not respect the process.' },
    ],
  },
  'deborah-bubis': {
    expert: { id: 'deborah-bubis', name: 'Deborah Bubis', organization: 'Recruiter and Sourcer', source: ARTICLE },
    said:
      'Interest in a role or a company is reason enough to connect. Ask for a 15-minute call about what the hiring ' +
      'manager enjoys at the company and the value you could bring, then follow it with the connection.',
    moments: {
      'not-applied': { reach: 'direct', stance: 'connect', firmness: 'firm', because: 'Interest in a role or a company is reason enough to connect, ideally after a short call.' },
      'just-applied': { reach: 'general', stance: 'connect', firmness: 'firm', because: 'If the role interests you she sees no reason to hold back, best after a short call.' },
      waiting: { reach: 'general', stance: 'connect', firmness: 'firm', because: 'If the role interests you she sees no reason to hold back, best after a short call.' },
    },
    advice: [
      {
        tip: 'small-ask',
        direct: ['not-applied'],
        general: ['just-applied', 'waiting'],
        firmness: 'firm',
        note: 'Ask what they enjoy about working there, talk about what you could bring, then connect so they remember you.',
      },
    ],
  },
  'steven-brown': {
    expert: { id: 'steven-brown', name: 'Steven Brown', organization: 'DP Electric Inc', source: ARTICLE },
    said:
      'He plays a patient game: several strong hires of his began as talks that ran for months, so connect with ' +
      'people who may one day hire you at companies you like, and build content on your own page that shows what you are about.',
    moments: {
      'not-applied': { reach: 'direct', stance: 'connect', firmness: 'firm', because: 'The long game: connect with possible future hiring managers at companies you like.' },
      withdrawn: { reach: 'general', stance: 'connect', firmness: 'firm', because: 'He favours the long game with companies you would still like to work for.' },
      ghosted: { reach: 'general', stance: 'connect', firmness: 'firm', because: 'He favours the long game with companies you would still like to work for.' },
    },
    advice: [
      { tip: 'long-game', direct: ['not-applied'], general: ['withdrawn', 'ghosted'], firmness: 'firm', note: 'Some of the best hires come from conversations that last months.' },
      { tip: 'show-your-work', direct: ['not-applied'], firmness: 'firm', note: 'Your own content is how people learn what you are about.' },
    ],
  },
  'justin-barlow': {
    expert: { id: 'justin-barlow', name: 'Justin Barlow', organization: 'Nigel Wright', source: ARTICLE },
    said:
      'You can connect, as one part of a wider plan for the application and never pushy: it makes you easy to find ' +
      'after they read your CV, and shows you are aiming at their company in particular.',
    moments: {
      'just-applied': { reach: 'direct', stance: 'connect', firmness: 'hedged', because: 'You can connect as part of applying, without pushing; they can find you after your CV.' },
      'not-applied': { reach: 'general', stance: 'connect', firmness: 'hedged', because: 'Connecting can be part of your wider plan for applying, as long as it is not pushy.' },
      waiting: { reach: 'general', stance: 'connect', firmness: 'hedged', because: 'Connecting can be part of your wider plan for applying, as long as it is not pushy.' },
    },
    advice: [
      { tip: 'connect-after-applying', direct: ['just-applied'], firmness: 'hedged', note: 'One part of a wider application plan: they can look you up after reading your CV.' },
      { tip: 'learn-not-flatter', direct: BEFORE_INTERVIEW, firmness: 'firm', note: 'Connecting is fine; being pushy is not.' },
    ],
  },
} as const satisfies Record<ExpertId, ExpertKnowledge<TipId>>;

/** The knowledge the engine reads: experts in order, and the tips they refer to. */
export interface Knowledge {
  experts: readonly ExpertKnowledge[];
  tips: Readonly<Record<string, TipText>>;
}

export const BUILT_IN_KNOWLEDGE: Knowledge = {
  experts: Object.values(NINE),
  tips: TIPS,
};

/** A moment id of a pack maps onto the situations it covers (waiting covers waiting after an interview too). */
export function situationsOfMoment(moment: Moment): Situation[] {
  return moment === 'waiting' ? ['waiting', 'waiting-after-interview'] : [moment];
}
