// The knowledge base: what the nine experts of the source article advise, in our own words.
// Facts (who said what, for which moment) carry over from the article; its sentences do not.
// Two tables: TIPS (the advice shown to the person) and POSITIONS (each expert's answer to
// "connect with the hiring manager now?", the voices the verdict weighs).
import type { ExpertId } from './experts';
import type { Moment, Stance, Tip } from './model';

/**
 * Where an application stands, as the experts see it. One more than the moments: waiting for an
 * answer after an interview is not the same as waiting after applying (the experts who want you to
 * connect to get an interview no longer speak to it; those who say wait for an offer still do).
 */
export type Situation = Moment | 'waiting-after-interview';

/**
 * A tip as written here. It applies in situations (a moment, or waiting after an interview, where
 * advice meant to win an interview no longer fits); the public Tip carries the moments.
 */
interface TipEntry extends Omit<Tip, 'moments'> {
  expertIds: ExpertId[];
  situations: Situation[];
  /** Situations the expert addressed directly; in the other situations the tip is general advice. */
  specificTo: Situation[];
}

const ENTRIES: TipEntry[] = [
  // Zack McCarty (Qwick): reach out to get an interview in the first place.
  {
    id: 'mccarty-introduce-small-ask',
    title: 'Introduce yourself and ask for something small',
    detail:
      'Before any interview, a direct contact with the hiring manager makes one much likelier. Say who you are ' +
      'and what draws you to the company, then ask for very little: fifteen minutes on the phone, or a coffee you pay for.',
    expertIds: ['zack-mccarty'],
    situations: ['not-applied', 'just-applied', 'waiting'],
    specificTo: ['not-applied', 'just-applied', 'waiting'],
    stance: 'connect',
  },
  {
    id: 'mccarty-learn-dont-flatter',
    title: 'Go to learn about the company, not to flatter',
    detail:
      'The point of the contact is to understand the company better. Trying to charm your way into the job works against you.',
    expertIds: ['zack-mccarty'],
    situations: ['not-applied', 'just-applied', 'waiting'],
    specificTo: ['not-applied', 'just-applied', 'waiting'],
    stance: 'neutral',
  },
  // Megan Chiamos (365 Cannabis): the introduction as a trailer for the application.
  {
    id: 'chiamos-preview-message',
    title: 'Make your note a preview of your application',
    detail:
      'A plain introduction is enough and does not overstep. Treat the message as a trailer for your résumé and ' +
      'cover letter, so the hiring manager starts watching for your name among the candidates.',
    expertIds: ['megan-chiamos'],
    situations: ['not-applied', 'just-applied', 'waiting'],
    specificTo: ['not-applied', 'just-applied'],
    stance: 'connect',
  },
  // Ryan Nouis (TruPath): connect straight after applying.
  {
    id: 'nouis-connect-after-applying',
    title: 'Connect right after you apply',
    detail:
      'A request sent just after the application shows you looked the hiring manager up and care about both the ' +
      'company and the person. It goes past the usual steps and lifts your application above the pile.',
    expertIds: ['ryan-nouis'],
    situations: ['not-applied', 'just-applied', 'waiting'],
    specificTo: ['just-applied'],
    stance: 'connect',
  },
  // Craig Rosen (InterviewFocus): no request before an offer; research and a handwritten letter instead.
  {
    id: 'rosen-no-request-before-offer',
    title: 'Hold the connection request until you have an offer',
    detail:
      'The etiquette he was taught keeps LinkedIn connections with the people hiring you for after a job offer.',
    expertIds: ['craig-rosen'],
    situations: ['not-applied', 'just-applied', 'waiting', 'interview-ahead', 'just-interviewed', 'waiting-after-interview', 'ghosted'],
    specificTo: ['interview-ahead', 'just-interviewed', 'waiting-after-interview'],
    stance: 'wait',
  },
  {
    id: 'rosen-study-interviewers',
    title: "Study each interviewer's profile for common ground",
    detail:
      'Read the LinkedIn profile of every person you will meet and note what you share with them (a school, a ' +
      'sport, a hobby, people you both know) so you can bring it up in the interview.',
    expertIds: ['craig-rosen'],
    situations: ['interview-ahead'],
    specificTo: ['interview-ahead'],
    stance: 'neutral',
  },
  {
    id: 'rosen-handwritten-thanks',
    title: 'Handwrite a thank-you letter to each interviewer',
    detail:
      'Rather than a connection request, send every person who interviewed you a letter written by hand (an email ' +
      'does not count), as soon as the interview is over.',
    expertIds: ['craig-rosen'],
    situations: ['interview-ahead', 'just-interviewed'],
    specificTo: ['just-interviewed'],
    stance: 'neutral',
  },
  // Michael Staton (Lyon Shield Security): connect once the decision is made, whichever way it went.
  {
    id: 'staton-connect-once-hired',
    title: 'Connect once the job is yours',
    detail: 'When the decision is made in your favour, there is nothing left to hold back: connect.',
    expertIds: ['michael-staton'],
    situations: ['offer', 'hired'],
    specificTo: ['offer', 'hired'],
    stance: 'connect',
  },
  {
    id: 'staton-connect-after-rejection',
    title: "Connect even though you didn't get the job",
    detail: 'A rejection is no reason to stay strangers: adding the hiring manager keeps a door open for later.',
    expertIds: ['michael-staton'],
    situations: ['rejected', 'ghosted'],
    specificTo: ['rejected'],
    stance: 'connect',
  },
  {
    id: 'staton-ask-feedback',
    title: 'Ask what you could have done better',
    detail:
      'Ask the hiring manager what would have made you a stronger candidate, and to get in touch if another ' +
      'suitable opening comes up.',
    expertIds: ['michael-staton'],
    situations: ['rejected', 'ghosted'],
    specificTo: ['rejected'],
    stance: 'neutral',
  },
  // Thylan Le (Markitors): a profile view, yes; a request straight after the interview, no.
  {
    id: 'le-view-profile',
    title: "View the hiring manager's profile before and after the interview",
    detail:
      'LinkedIn tells people who looked at their profile. A visit before the interview and another after it shows ' +
      'you took the time and care about the company, without pushing.',
    expertIds: ['thylan-le'],
    situations: ['interview-ahead', 'just-interviewed', 'waiting-after-interview'],
    specificTo: ['interview-ahead', 'just-interviewed'],
    stance: 'neutral',
  },
  {
    id: 'le-no-request-right-after-interview',
    title: "Don't send the request straight after the interview",
    detail: 'Respect the process: a connection request in the days around the interview comes too soon.',
    expertIds: ['thylan-le'],
    situations: ['interview-ahead', 'just-interviewed'],
    specificTo: ['just-interviewed'],
    stance: 'wait',
  },
  // Deborah Bubis (Recruiter and Sourcer): a short call first, then the connection.
  {
    id: 'bubis-ask-for-call',
    title: 'Ask for a 15-minute call',
    detail:
      'If the role or the company interests you, ask the hiring manager for a quarter of an hour: hear what they ' +
      'enjoy about working there, and talk about what you could bring to the job.',
    expertIds: ['deborah-bubis'],
    situations: ['not-applied', 'just-applied', 'waiting'],
    specificTo: ['not-applied'],
    stance: 'neutral',
  },
  {
    id: 'bubis-connect-after-call',
    title: 'Follow the call with a connection request',
    detail: 'A request sent after that short conversation makes you a candidate they remember.',
    expertIds: ['deborah-bubis'],
    situations: ['not-applied', 'just-applied', 'waiting'],
    // General on purpose: the call is her specific advice, and it should be read before its follow-up.
    specificTo: [],
    stance: 'connect',
  },
  // Steven Brown (DP Electric Inc): the long game, and your own content.
  {
    id: 'brown-long-game',
    title: 'Play the long game with future hiring managers',
    detail:
      'Some of the best hires grow out of conversations that last months. At a company you like and could see ' +
      'yourself joining, connect with the person who might hire you one day.',
    expertIds: ['steven-brown'],
    situations: ['not-applied', 'just-applied', 'waiting', 'waiting-after-interview', 'rejected', 'withdrawn', 'ghosted'],
    specificTo: ['not-applied', 'withdrawn', 'ghosted'],
    stance: 'connect',
  },
  {
    id: 'brown-build-content',
    title: 'Post content that shows what you are about',
    detail:
      'What you publish on your own LinkedIn page tells a hiring manager who you are: the whole of your ' +
      'working reputation can be read there in one place.',
    expertIds: ['steven-brown'],
    situations: [
      'not-applied', 'just-applied', 'waiting', 'interview-ahead', 'just-interviewed', 'waiting-after-interview',
      'offer', 'hired', 'rejected', 'withdrawn', 'ghosted',
    ],
    specificTo: [],
    stance: 'neutral',
  },
  // Justin Barlow (Nigel Wright): connecting as one part of applying, without pressure.
  {
    id: 'barlow-connect-no-pressure',
    title: 'Connect as part of applying, without pressure',
    detail:
      'Make the request one piece of a wider plan for the application, and never push. After reading your CV the ' +
      'hiring manager can find you easily, and sees you are aiming at their company in particular.',
    expertIds: ['justin-barlow'],
    situations: ['not-applied', 'just-applied', 'waiting'],
    specificTo: ['just-applied'],
    stance: 'connect',
  },
];

const momentOfSituation = (s: Situation): Moment => (s === 'waiting-after-interview' ? 'waiting' : s);

/** Every tip, in the order the article's experts appear. */
export const TIPS: Tip[] = ENTRIES.map(({ specificTo: _specificTo, situations, ...tip }) => ({
  ...tip,
  moments: [...new Set(situations.map(momentOfSituation))],
}));

const entryById = new Map<string, TipEntry>(ENTRIES.map((e) => [e.id, e]));

/** True when the tip applies in this situation (finer than `tip.moments`). */
export function tipApplies(tip: Tip, situation: Situation): boolean {
  return entryById.get(tip.id)?.situations.includes(situation) ?? false;
}

/** The situations a tip's expert addressed directly (empty for general advice). */
export function tipSpecificTo(tip: Tip): Situation[] {
  return entryById.get(tip.id)?.specificTo ?? [];
}


/** One expert's answer to "connect now?" in some situations. */
export interface Position {
  expertId: ExpertId;
  stance: Exclude<Stance, 'neutral'>;
  situations: Situation[];
  /** True when the expert addressed these situations directly; general advice weighs less. */
  specific: boolean;
  /** Why, in our words, for these situations. */
  because: string;
}

const BEFORE_INTERVIEWS_IN_PROCESS: Situation[] = ['interview-ahead', 'just-interviewed', 'waiting-after-interview'];

export const POSITIONS: Position[] = [
  {
    expertId: 'zack-mccarty',
    stance: 'connect',
    situations: ['not-applied', 'just-applied', 'waiting'],
    specific: true,
    because: 'Reaching out before any interview makes getting one much likelier, as long as the ask stays small.',
  },
  {
    expertId: 'megan-chiamos',
    stance: 'connect',
    situations: ['not-applied', 'just-applied'],
    specific: true,
    because: 'An introduction around the time you apply previews your résumé, so your name gets noticed.',
  },
  {
    expertId: 'megan-chiamos',
    stance: 'connect',
    situations: ['waiting'],
    specific: false,
    because: 'An introduction still helps you stand out among the other candidates.',
  },
  {
    expertId: 'ryan-nouis',
    stance: 'connect',
    situations: ['just-applied'],
    specific: true,
    because: 'Just after applying is the moment he recommends: it shows research and lifts the application.',
  },
  {
    expertId: 'ryan-nouis',
    stance: 'connect',
    situations: ['not-applied', 'waiting'],
    specific: false,
    because: 'Connecting around your application shows you go past the usual steps.',
  },
  {
    expertId: 'craig-rosen',
    stance: 'wait',
    situations: ['not-applied', 'just-applied', 'waiting', 'ghosted'],
    specific: false,
    because: 'The etiquette he knows keeps the request for after a job offer, and you have none.',
  },
  {
    expertId: 'craig-rosen',
    stance: 'wait',
    situations: ['interview-ahead', 'waiting-after-interview'],
    specific: true,
    because: 'While interviews are under way he would not connect before an offer; study the profiles instead.',
  },
  {
    expertId: 'craig-rosen',
    stance: 'wait',
    situations: ['just-interviewed'],
    specific: true,
    because: 'Right after the interview a handwritten thank-you letter replaces the request; connecting waits for an offer.',
  },
  {
    expertId: 'craig-rosen',
    stance: 'connect',
    situations: ['offer'],
    specific: true,
    because: 'His line was the job offer, and you now have one.',
  },
  {
    expertId: 'craig-rosen',
    stance: 'connect',
    situations: ['hired'],
    specific: false,
    because: 'The offer he would wait for has come and been accepted.',
  },
  {
    expertId: 'michael-staton',
    stance: 'connect',
    situations: ['offer'],
    specific: true,
    because: 'The company has decided in your favour, and once the decision is made he says connect.',
  },
  {
    expertId: 'michael-staton',
    stance: 'connect',
    situations: ['hired'],
    specific: true,
    because: 'You got the job: exactly when he says to connect freely.',
  },
  {
    expertId: 'michael-staton',
    stance: 'connect',
    situations: ['rejected'],
    specific: true,
    because: 'Even without the job, connecting lets you ask what to improve and be remembered for later openings.',
  },
  {
    expertId: 'michael-staton',
    stance: 'connect',
    situations: ['ghosted'],
    specific: false,
    because: 'Silence is close to a no; after a no he would still connect and ask for feedback.',
  },
  {
    expertId: 'thylan-le',
    stance: 'wait',
    situations: ['interview-ahead'],
    specific: true,
    because: 'Before the interview, view the profile but hold the request: connecting this early oversteps.',
  },
  {
    expertId: 'thylan-le',
    stance: 'wait',
    situations: ['just-interviewed'],
    specific: true,
    because: 'He would not connect right after an interview; a profile view shows interest without rushing.',
  },
  {
    expertId: 'thylan-le',
    stance: 'wait',
    situations: ['waiting-after-interview'],
    specific: false,
    because: 'The process is still open; he would show interest with a profile view rather than a request.',
  },
  {
    expertId: 'deborah-bubis',
    stance: 'connect',
    situations: ['not-applied'],
    specific: true,
    because: 'Interest in a role or a company is reason enough, ideally after a short call.',
  },
  {
    expertId: 'deborah-bubis',
    stance: 'connect',
    situations: ['just-applied', 'waiting', ...BEFORE_INTERVIEWS_IN_PROCESS],
    specific: false,
    because: 'If the role interests you she sees no reason not to connect, best after a short call.',
  },
  {
    expertId: 'steven-brown',
    stance: 'connect',
    situations: ['not-applied', 'withdrawn', 'ghosted'],
    specific: true,
    because: 'The long game: connect with possible future hiring managers at companies you like.',
  },
  {
    expertId: 'steven-brown',
    stance: 'connect',
    situations: ['just-applied', 'waiting', ...BEFORE_INTERVIEWS_IN_PROCESS, 'offer', 'hired', 'rejected'],
    specific: false,
    because: 'Connections with future hiring managers pay off over months, whatever happens with this opening.',
  },
  {
    expertId: 'justin-barlow',
    stance: 'connect',
    situations: ['just-applied'],
    specific: true,
    because: 'As part of the application, it lets them look you up after reading your CV.',
  },
  {
    expertId: 'justin-barlow',
    stance: 'connect',
    situations: ['not-applied', 'waiting', ...BEFORE_INTERVIEWS_IN_PROCESS],
    specific: false,
    because: 'Fine within your wider application strategy, as long as you are not pushy.',
  },
];
