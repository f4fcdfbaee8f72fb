// Editable drafts the person may send themselves: a LinkedIn connection note that always fits the
// character limit, a handwritten thank-you letter, a short check-in message. Nothing here sends anything.
import type { Application, Contact, Facts, Interview, Person, Situation } from './model';
import { oneLine } from './text';

/** Signature used when the person has not told us their name. */
export const NAME_PLACEHOLDER = '[Your name]';

interface GraphemeSegmenter {
  segment(text: string): Iterable<{ segment: string }>;
}
type SegmenterConstructor = new (locale?: string, options?: { granularity: 'grapheme' }) => GraphemeSegmenter;

// Intl.Segmenter is missing from older runtimes (and from our ES2020 lib types): look it up softly.
const SegmenterClass = (Intl as unknown as { Segmenter?: SegmenterConstructor }).Segmenter;
// Made on first need: building one loads ICU's break rules, a few ms of every start of the tool,
// and most texts (plain Latin) never need it.
let segmenter: GraphemeSegmenter | undefined;

/** The user-perceived characters of a text (grapheme clusters; code points where Intl.Segmenter is missing). */
export function splitGraphemes(text: string): string[] {
  if (!SegmenterClass || SIMPLE_TEXT.test(text)) return Array.from(text);
  segmenter ??= new SegmenterClass(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

// Latin text without combining marks, emoji or CR has one character per UTF-16 unit, so it needs
// no segmenting (the segmenter was the slowest step of planning follow-ups). The typographic
// dashes, quotes and the ellipsis are single characters too: a draft cut with "…" stays simple.
const SIMPLE_TEXT = /^[\t\n\x20-\x7e\u00a0-\u02ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*$/;

/** Characters as LinkedIn's counter shows them: every visible character, spaces and punctuation included. */
export function countLinkedInChars(text: string): number {
  return SIMPLE_TEXT.test(text) ? text.length : splitGraphemes(text).length;
}

// A text box may also count UTF-16 units (HTML maxlength does): a draft that fits both is never cut.
function fits(text: string, limit: number): boolean {
  return text.length <= limit && countLinkedInChars(text) <= limit;
}

const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'sir', 'dame']);

/** "Ana" from "Dr. Ana Silva": the greeting uses the first name. */
export function firstName(name: string): string {
  const line = oneLine(name);
  let first = '';
  // Word by word up to the first that is not an honorific; most names stop at their first word.
  for (let start = 0; start < line.length; ) {
    let end = line.indexOf(' ', start);
    if (end < 0) end = line.length;
    if (end > start) {
      const word = line.slice(start, end);
      // Honorifics are short ("Prof."): a longer word is never one, so most names skip the look-up.
      if (word.length > 5 || !HONORIFICS.has(word.replace(/\.$/, '').toLowerCase())) return word;
      if (first === '') first = word;
    }
    start = end + 1;
  }
  return first;
}

/** "the Analyst role at Orchid Labs", degrading gracefully when the note lacks role or company. */
export function roleAtCompany(app: Application): string {
  const role = oneLine(app.role ?? '');
  const company = oneLine(app.company ?? '');
  if (role && company) return `the ${role} role at ${company}`;
  if (role) return `the ${role} role`;
  if (company) return `a role at ${company}`;
  return 'a role on your team';
}

function signature(yourName: string): string {
  return oneLine(yourName) || NAME_PLACEHOLDER;
}

/**
 * One sentence of a note. `variants` go from fullest to shortest; `dropOrder` says which optional
 * clause gives way first when the note is too long (required clauses have none).
 */
interface Clause {
  variants: string[];
  dropOrder?: number;
  /** The last variant stays: the clause shortens but is never dropped. */
  lastStays?: boolean;
}

/**
 * Shrinks gracefully: shorten or drop optional clauses in their order, then cut at a word boundary
 * with an ellipsis; a single word longer than the limit is cut between characters, never inside one.
 */
function fitNote(clauses: Clause[], limit: number): string {
  const level = clauses.map(() => 0);
  const render = (): string =>
    clauses
      .map((c, i) => c.variants[level[i] ?? 0] ?? '')
      .filter((t) => t !== '')
      .join(' ');
  let text = render();
  if (fits(text, limit)) return text;
  const optional = clauses
    .map((clause, index) => ({ clause, index }))
    .filter((x) => x.clause.dropOrder !== undefined)
    .sort((a, b) => (a.clause.dropOrder ?? 0) - (b.clause.dropOrder ?? 0));
  for (const { clause, index } of optional) {
    const floor = clause.lastStays ? clause.variants.length - 1 : clause.variants.length;
    while ((level[index] ?? 0) < floor) {
      level[index] = (level[index] ?? 0) + 1;
      text = render();
      if (fits(text, limit)) return text;
    }
  }
  return truncateToFit(text, limit);
}

/** The longest start of `text` that fits with a trailing "…", cut at a space when there is one. */
export function truncateToFit(text: string, limit: number): string {
  if (fits(text, limit)) return text;
  if (limit < 1) return '';
  const chars = splitGraphemes(text);
  // The most characters whose start plus "…" fits. A longer start never fits better, so a binary
  // search finds the same count as trying one more character at a time, with a handful of counts
  // instead of one count (a grapheme segmenting of the whole start) per character.
  const fitsWith = (n: number): boolean => fits(chars.slice(0, n).join('') + '…', limit);
  let low = 0;
  let high = chars.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (fitsWith(mid)) low = mid;
    else high = mid - 1;
  }
  let kept = chars.slice(0, low);
  const lastSpace = kept.lastIndexOf(' ');
  if (lastSpace > 0) kept = kept.slice(0, lastSpace);
  const head = kept.join('').replace(/[\s,;:.!?-]+$/u, '');
  return head === '' ? (fits('…', limit) ? '…' : '') : `${head}…`;
}

function greeting(person: Person | undefined): string {
  const name = person ? firstName(person.name) : '';
  return name ? `Hi ${name},` : 'Hello,';
}

/** What a connection note is written from: the note, where it stands, and to whom. */
export interface NoteContext {
  app: Application;
  situation: Situation;
  facts: Facts;
  /** The person written to (the hiring manager, else a recruiter); undefined: a greeting without a name. */
  to?: Contact;
}

/** "3 weeks ago", "a few days ago", from the days since applying; undefined when the note gives no date. */
function sinceApplied(days: number | undefined): string | undefined {
  if (days === undefined || days < 0) return undefined;
  if (days <= 1) return days === 0 ? 'today' : 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.round(days / 7)} weeks ago`;
  return `${Math.round(days / 30)} months ago`;
}

function connectionClauses(c: NoteContext, yourName: string): Clause[] {
  const { app, facts } = c;
  const hello: Clause = { variants: [greeting(c.to?.person)] };
  const name = oneLine(yourName);
  // LinkedIn shows who sent the request: without a name the note simply ends, with no placeholder.
  const sign: Clause[] = name ? [{ variants: [`Best, ${name}`], dropOrder: 1 }] : [];
  const company = oneLine(app.company ?? '');
  const role = oneLine(app.role ?? '');
  const recruiter = c.to?.as === 'recruiter';
  const askWho: Clause[] = recruiter ? [{ variants: ['Could you tell me who leads the hiring for it?'] }] : [];
  // Shortened first, never dropped: the small ask is the point of the note before an interview.
  const smallAsk: Clause = {
    variants: [
      ...(recruiter ? [] : ['Would you have 15 minutes for a call about what you enjoy there and where I could help?']),
      'Would you have 15 minutes for a short call about the team?',
      'Would you have 15 minutes for a short call?',
    ],
    dropOrder: 0,
    lastStays: true,
  };
  switch (c.situation) {
    case 'not-applied':
      return [hello, { variants: [`I'm interested in ${roleAtCompany(app)} and plan to apply.`] }, ...askWho, smallAsk, ...sign];
    case 'just-applied':
      return [
        hello,
        { variants: [`I've just applied for ${roleAtCompany(app)}.`] },
        ...(recruiter ? askWho : [{ variants: ['As you lead the hiring, I wanted to introduce myself.', ''], dropOrder: 2 }]),
        smallAsk,
        ...sign,
      ];
    case 'waiting': {
      const since = sinceApplied(facts.daysSinceApplied);
      return [
        hello,
        { variants: [`I applied for ${roleAtCompany(app)}${since && since !== 'today' ? ` ${since}` : ''} and am still very interested.`] },
        ...askWho,
        { variants: ['Would you have 15 minutes to tell me more about the team?', 'Would you have 15 minutes for a short call?'], dropOrder: 0, lastStays: true },
        ...sign,
      ];
    }
    case 'interview-ahead':
      return [hello, { variants: [`I'm looking forward to our conversation about ${roleAtCompany(app)}.`] }, ...sign];
    case 'just-interviewed':
    case 'waiting-after-interview':
      return [hello, { variants: [`thank you for the conversation about ${roleAtCompany(app)}.`] }, { variants: ["I'd be glad to stay in touch.", ''], dropOrder: 1 }, ...sign];
    case 'offer':
      return [hello, { variants: [`thank you for the offer for ${roleAtCompany(app)}.`] }, { variants: ["I'd be glad to connect.", ''], dropOrder: 1 }, ...sign];
    case 'hired':
      return [
        hello,
        { variants: [company ? `I'm delighted to be joining ${company}${role ? ` as ${role}` : ''}.` : "I'm delighted to be joining the team."] },
        { variants: ['Looking forward to working with you.', ''], dropOrder: 1 },
        ...sign,
      ];
    case 'rejected':
      return [
        hello,
        { variants: [`thank you for considering me for ${roleAtCompany(app)}.`] },
        {
          variants: [
            "I'd value a word on what I could have done better, and would be glad to hear if something fits later.",
            "I'd value a word on what I could have done better.",
          ],
          dropOrder: 3,
        },
        ...sign,
      ];
    case 'withdrawn':
      return [
        hello,
        { variants: [`I withdrew my application for ${role ? `the ${role} role` : 'the role'}, but I enjoyed learning about ${company || 'the team'}.`] },
        { variants: ["I'd be glad to stay in touch for the future.", ''], dropOrder: 1 },
        ...sign,
      ];
    case 'ghosted':
      return [
        hello,
        { variants: [`I'm still interested in ${roleAtCompany(app)}, whatever comes of my application.`] },
        { variants: ["I'd be glad to stay in touch.", ''], dropOrder: 1 },
        ...sign,
      ];
  }
}

/**
 * A LinkedIn connection note for this moment, to the person the note names, within `limit`
 * characters: optional clauses shorten or go first (the signature, then the small ask), then the
 * text is cut at a word. Only moments before an interview carry the small ask.
 */
export function connectionNote(context: NoteContext, limit: number, yourName: string): string {
  // A limit from settings may be anything: NaN or negative leaves no room, Infinity no limit.
  const max = Number.isNaN(limit) ? 0 : Math.max(0, Math.floor(limit));
  return fitNote(connectionClauses(context, yourName), max);
}

/** "on 2026-03-06 (Technical interview)": the round as the letter names it. */
function roundPhrase(round: Interview): string {
  const name = oneLine(round.name ?? '');
  return name ? `at the ${name} on ${round.date}` : `on ${round.date}`;
}

/**
 * A thank-you letter to one interviewer, to write by hand and post, naming the round, the role and
 * the company, the same whatever the day it is written (its task note must not depend on it). The bracketed part is for the person to fill in from the
 * conversation (the note cannot know it); the name is bracketed only when the note gives none.
 */
export function thankYouLetter(app: Application, round: Interview, to: Person | undefined, yourName: string): string {
  const name = to ? oneLine(to.name) : '';
  const company = oneLine(app.company ?? '');
  return [
    `Dear ${name || "[interviewer's name]"},`,
    '',
    `Thank you for the time you gave me when we met ${roundPhrase(round)} about ${roleAtCompany(app)}. ` +
      'I enjoyed our conversation, especially [one thing you talked about].',
    '',
    `It left me keener than ever to join ${company || 'your team'}, and I hope we speak again soon.`,
    '',
    'With thanks,',
    signature(yourName),
  ].join('\n');
}

/** A brief, polite check-in message about an application that has gone quiet. */
export function checkInDraft(app: Application, to: Person | undefined, yourName: string, after?: Interview): string {
  const ask = after
    ? `Thank you again for the interview ${roundPhrase(after)} about ${roleAtCompany(app)}. I'm still very interested: is there any news, or a rough idea of the next steps?`
    : `I wanted to check in on my application for ${roleAtCompany(app)}. ` +
      "I'm still very interested. Is there anything more I can send, or a rough idea of the next steps?";
  return [greeting(to), '', ask, '', 'Best,', signature(yourName)].join('\n');
}
