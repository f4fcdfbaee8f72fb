// Stage words. People name their stages in many ways; each word maps to one canonical stage, and a
// word we do not know is reported, never guessed.
import { STAGES, type Stage } from './model';
import { oneLine } from './text';

/**
 * Words seen in real vaults for each stage (interop-formats.md), matched ignoring case, `-`, `_`,
 * spaces and punctuation. Choices where a word is ambiguous:
 * - "Applying" means the application is being prepared, not sent: wishlist.
 * - "Do_Not_Apply" and "Declined" are the candidate's own choice to stop: withdrawn.
 * - "No-Go" is the only negative outcome of the vocabulary it comes from (next to Offered and
 *   Accepted): rejected.
 * - "Under_Review" comes after "Interview" in its vocabulary: still interviewing, waiting for word.
 * - "Negotiating" means an offer is on the table: offer. "Hired" is accepted.
 * Anyone who means otherwise sets a stage alias in the settings, which wins.
 */
export const STAGE_ALIASES: Readonly<Record<Stage, readonly string[]>> = {
  wishlist: [
    'wishlist', 'wish list', 'bookmarked', 'bookmark', 'saved', 'prospective', 'prospect', 'reviewing',
    'pursue', 'not applied', 'applying', 'to apply', 'interested', 'researching', 'considering', 'planned',
    'draft', 'idea', 'lead',
  ],
  applied: ['applied', 'application sent', 'submitted', 'sent', 'awaiting response', 'pending'],
  screening: [
    'screening', 'screen', 'recruiter screen', 'recruiter conversation', 'recruiter call', 'phone screen',
    'phone interview', 'hr screen', 'initial call', 'intro call',
  ],
  interviewing: [
    'interviewing', 'interview', 'interviews', 'interview scheduled', 'interviewed', 'under review',
    'onsite', 'on site', 'technical interview', 'final round', 'final interview', 'assessment',
  ],
  offer: ['offer', 'offered', 'offer received', 'negotiating', 'negotiation'],
  accepted: ['accepted', 'hired', 'offer accepted', 'signed', 'joined'],
  rejected: ['rejected', 'rejection', 'no go', 'not selected', 'turned down', 'unsuccessful', 'no offer', 'denied'],
  withdrawn: [
    'withdrawn', 'withdrew', 'withdraw', 'do not apply', 'declined', 'offer declined', 'not interested',
    'abandoned', 'cancelled', 'canceled',
  ],
  ghosted: ['ghosted', 'no response', 'no reply', 'no answer', 'unresponsive', 'silence'],
};

export type StageReading = { ok: true; stage: Stage; label: string } | { ok: false; message: string };

/** Longer than any stage word: a value this long is shown shortened and never matched. */
const MAX_WORD = 80;

/** The matching form of a word: letters and digits only, lower case ("Recruiter_Screen" -> "recruiterscreen"). */
function matchForm(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const BUILT_IN = new Map<string, Stage>();
for (const stage of STAGES) {
  BUILT_IN.set(matchForm(stage), stage);
  for (const word of STAGE_ALIASES[stage]) BUILT_IN.set(matchForm(word), stage);
}

/** Every stage word we recognise without setup: the canonical ids first, then their aliases. */
export function stageWords(): string[] {
  const words = new Set<string>(STAGES);
  for (const stage of STAGES) for (const word of STAGE_ALIASES[stage]) words.add(word);
  return [...words];
}

/** A value as it can be quoted in a one-line message. */
export function shownValue(text: string, max = 60): string {
  const line = oneLine(text);
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}

const KNOWN = `known: ${STAGES.join(', ')}`;

/**
 * The word inside what people write for a stage: `[[Applied]]`, `[[Stages/Applied|Applied]]`,
 * `#applied`, `#job/applied`, or a one-element list (an unquoted `[[Applied]]` in YAML is a list
 * inside a list).
 */
function stageText(value: unknown): { text: string; target?: string } | { message: string } {
  let current = value;
  for (let depth = 0; Array.isArray(current); depth++) {
    if (current.length === 0 || depth > 3) return { message: `is an empty list (${KNOWN})` };
    if (current.length > 1) {
      const items = current.slice(0, 4).map((v) => (typeof v === 'string' ? v : typeof v)).join(', ');
      return { message: `lists several values (${shownValue(items)}); keep one stage (${KNOWN})` };
    }
    current = current[0];
  }
  if (current === null || current === undefined) return { message: `is empty (${KNOWN})` };
  if (typeof current === 'number') return { message: `is the number ${String(current)}, not a stage word (${KNOWN})` };
  if (typeof current === 'boolean') return { message: `is ${String(current)}, not a stage word (${KNOWN})` };
  if (typeof current !== 'string') return { message: `is not a word (${KNOWN})` };
  let text = current.trim();
  const link = /^\[\[([^\]|]*)(?:\|([^\]]*))?\]\]$/.exec(text);
  // `[[Stages/Interviewing|In interviews]]`: the shown words first, else the note linked to.
  const target = link ? lastSegment(link[1] ?? '') : undefined;
  if (link) text = link[2]?.trim() || (target ?? '');
  else if (text.startsWith('#')) text = lastSegment(text.slice(1));
  if (text === '') return { message: `is empty (${KNOWN})` };
  return target ? { text, target } : { text };
}

function lastSegment(path: string): string {
  return (path.split('/').pop() ?? '').trim();
}

/**
 * Reads a stage value. User aliases (word -> stage) win over the built-in words. The failure
 * message starts with the value so a caller can put the field name before it.
 */
export function parseStage(value: unknown, userAliases: Record<string, Stage>): StageReading {
  const found = stageText(value);
  if ('message' in found) return { ok: false, message: found.message };
  const { text, target } = found;
  const stage = stageOfWord(text, userAliases) ?? (target ? stageOfWord(target, userAliases) : undefined);
  if (stage) return { ok: true, stage, label: text };
  return { ok: false, message: `"${shownValue(text)}" is not a known stage (${KNOWN})` };
}

function stageOfWord(word: string, userAliases: Record<string, Stage>): Stage | undefined {
  if (word.length > MAX_WORD) return undefined;
  const form = matchForm(word);
  return userStage(form, userAliases) ?? BUILT_IN.get(form);
}

function userStage(form: string, userAliases: Record<string, Stage>): Stage | undefined {
  if (typeof userAliases !== 'object' || userAliases === null || form === '') return undefined;
  for (const [word, stage] of Object.entries(userAliases)) {
    // Settings come from a file the person can edit: ignore an alias pointing nowhere.
    if (matchForm(word) === form && (STAGES as readonly unknown[]).includes(stage)) return stage;
  }
  return undefined;
}
