// Editable drafts the person may send themselves: a LinkedIn connection note that always fits the
// character limit, a handwritten thank-you letter, a short check-in message. Nothing here sends anything.
import type { Application, Person } from './model';
import { joinNames, oneLine } from './text';

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
// no segmenting (the segmenter was the slowest step of planning follow-ups).
const SIMPLE_TEXT = /^[\t\n\x20-\x7e\u00a0-\u02ff]*$/;

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
  const words = oneLine(name).split(' ').filter((w) => w !== '');
  const first = words.find((w) => !HONORIFICS.has(w.replace(/\.$/, '').toLowerCase()));
  return first ?? words[0] ?? '';
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
    while ((level[index] ?? 0) < clause.variants.length) {
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
  let kept: string[] = [];
  for (const ch of chars) {
    if (!fits(kept.join('') + ch + '…', limit)) break;
    kept.push(ch);
  }
  const lastSpace = kept.lastIndexOf(' ');
  if (lastSpace > 0) kept = kept.slice(0, lastSpace);
  const head = kept.join('').replace(/[\s,;:.!?-]+$/u, '');
  return head === '' ? (fits('…', limit) ? '…' : '') : `${head}…`;
}

function greeting(person: Person | undefined): string {
  const name = person ? firstName(person.name) : '';
  return name ? `Hi ${name},` : 'Hello,';
}

/**
 * A LinkedIn connection note to the hiring manager, within `limit` characters: why this person
 * (they hire for the role), why now (where the application stands), and something they can
 * check (the role applied for). Its angle follows the application's stage.
 */
export function connectionNoteDraft(app: Application, limit: number, yourName: string): string {
  return connectionNoteDraftFor(app, app.hiringManager, limit, yourName);
}

function connectionClauses(app: Application, to: Person | undefined, yourName: string): Clause[] {
  const hello: Clause = { variants: [greeting(to)] };
  const sign: Clause = { variants: [`Best, ${signature(yourName)}`], dropOrder: 2 };
  const company = oneLine(app.company ?? '');
  const role = oneLine(app.role ?? '');
  switch (app.stage) {
    case 'wishlist':
      return [
        hello,
        { variants: [`I'm interested in ${roleAtCompany(app)} and plan to apply.`] },
        {
          variants: [
            'Since you lead the hiring, would you have 15 minutes for a call about what you enjoy there and where I could help?',
            'Would you have 15 minutes for a short call?',
          ],
          dropOrder: 3,
        },
        sign,
      ];
    case 'rejected':
      return [
        hello,
        { variants: [`thank you for considering me for ${roleAtCompany(app)}.`] },
        {
          variants: [
            "I'd value a word on what I could have done better, and I'd be glad to hear if something fits later.",
            "I'd value a word on what I could have done better.",
          ],
          dropOrder: 3,
        },
        sign,
      ];
    case 'accepted':
      return [
        hello,
        {
          variants: [
            company ? `I'm delighted to be joining ${company}${role ? ` as ${role}` : ''}.` : "I'm delighted to be joining the team.",
          ],
        },
        { variants: ['Looking forward to working with you.'], dropOrder: 1 },
        sign,
      ];
    default:
      return [
        hello,
        { variants: [`I recently applied for ${roleAtCompany(app)}.`] },
        {
          variants: [
            "As you're hiring for it, I wanted to introduce myself before my application reaches you.",
            'As you lead the hiring, I wanted to say hello.',
          ],
          dropOrder: 3,
        },
        { variants: ["I'd be glad to connect and learn more about the team."], dropOrder: 1 },
        sign,
      ];
  }
}

/** A short note for someone other than the hiring manager (same rules, same limit). */
export function connectionNoteDraftFor(app: Application, to: Person | undefined, limit: number, yourName: string): string {
  // A limit from settings may be anything: NaN or negative leaves no room, Infinity no limit.
  const max = Number.isNaN(limit) ? 0 : Math.max(0, Math.floor(limit));
  return fitNote(connectionClauses(app, to, yourName), max);
}

/**
 * A thank-you letter to write by hand and post, addressed to the interviewers, naming the role and
 * the company. The bracketed part is for the person to fill in from the conversation.
 */
export function thankYouLetterDraft(app: Application, interviewers: Person[], yourName: string): string {
  const names = joinNames(interviewers.map((p) => p.name));
  const company = oneLine(app.company ?? '');
  return [
    `Dear ${names || "[interviewer's name]"},`,
    '',
    `Thank you for the time you gave me when we met about ${roleAtCompany(app)}. ` +
      'I enjoyed our conversation, especially [one thing you talked about].',
    '',
    `It left me keener than ever to join ${company || 'your team'}, and I hope we speak again soon.`,
    '',
    'With thanks,',
    signature(yourName),
  ].join('\n');
}

/** A brief, polite check-in message about an application that has gone quiet. */
export function checkInDraft(app: Application, to: Person | undefined, yourName: string): string {
  return [
    greeting(to),
    '',
    `I wanted to check in on my application for ${roleAtCompany(app)}. ` +
      "I'm still very interested. Is there anything more I can send, or a rough idea of the next steps?",
    '',
    'Best,',
    signature(yourName),
  ].join('\n');
}
