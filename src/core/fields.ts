// Field names. Every vault names its fields its own way; each meaning has the names seen in real
// vaults (interop-formats.md), and the person's own mapping overrides them.
import type { CoreSettings, FieldMeaning } from './model';

/** Field names per meaning, most specific first. Matched with {@link normalizeKey}. */
export const FIELD_ALIASES: Record<FieldMeaning, string[]> = {
  stage: ['stage', 'App-Stage', 'application_status', 'application stage', 'job status', 'status'],
  company: ['company', 'employer', 'company name', 'organization', 'organisation'],
  role: ['role', 'position', 'Job-Title', 'job', 'title'],
  applied: [
    'applied', 'date_applied', 'dateApplied', 'Applied-Date', 'application_date', 'applied_on', 'applied at',
    'submitted', 'submitted on',
  ],
  interview: ['interviews', 'interview', 'interview_date', 'interview dates', 'next interview'],
  decision: [
    'decision', 'decision_date', 'offer_date', 'offered_on', 'rejected_on', 'rejection_date', 'rejected_date',
    'hired_on', 'closed_on',
  ],
  followUp: ['followUpDate', 'follow_up', 'Follow-Up-Reminder-Date', 'follow up on', 'followup', 'reminder'],
  hiringManager: ['hiring_manager', 'hiringManager', 'hiring manager name'],
  recruiter: ['recruiter', 'recruiters', 'talent partner'],
  interviewers: ['interviewers', 'interviewer'],
  contacts: ['contacts', 'people', 'contact'],
  connected: ['connected', 'linkedin_connected', 'connected_on_linkedin', 'linkedin connection'],
};

/** The matching form of a field name: lower case, without `-`, `_` and spaces ("Applied-Date" -> "applieddate"). */
export function normalizeKey(key: string): string {
  let form = normalizedKeys.get(key);
  if (form === undefined) {
    form = key.toLowerCase().replace(/[-_\s]+/g, '');
    // Bounded, so a vault of one-off keys cannot grow it without end.
    if (normalizedKeys.size >= 10000) normalizedKeys.clear();
    normalizedKeys.set(key, form);
  }
  return form;
}

// A vault repeats the same few field names in thousands of notes: each spelling is normalised once.
const normalizedKeys = new Map<string, string>();

/** A value that says nothing: missing, blank, or an empty list. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/**
 * The names to look for: the person's own field name when they mapped this meaning, else the
 * built-in names. Exported so messages can say what was looked for.
 */
export function fieldNames(meaning: FieldMeaning, fieldMap: CoreSettings['fieldMap'] | undefined): string[] {
  const own: unknown = typeof fieldMap === 'object' && fieldMap !== null ? fieldMap[meaning] : undefined;
  return typeof own === 'string' && own.trim() !== '' ? [own.trim()] : FIELD_ALIASES[meaning];
}

/**
 * Finds the field holding `meaning`. When several names match (a template's empty `applied:` next
 * to a filled `date_applied:`), a filled value wins, then the earlier name in the list, then the
 * key's own spelling: the answer never depends on the order of keys in the note.
 */
export function findField(
  frontmatter: Record<string, unknown>,
  meaning: FieldMeaning,
  fieldMap: CoreSettings['fieldMap'],
): { key: string; value: unknown } | undefined {
  const rank = ranksOf(fieldNames(meaning, fieldMap));
  let best: { key: string; value: unknown; score: [number, number] } | undefined;
  for (const [key, value] of Object.entries(frontmatter)) {
    const r = rank.get(normalizeKey(key));
    if (r === undefined) continue;
    const score: [number, number] = [isBlank(value) ? 1 : 0, r];
    if (!best || better(score, key, best.score, best.key)) best = { key, value, score };
  }
  return best ? { key: best.key, value: best.value } : undefined;
}

// The built-in name lists never change: their ranks are worked out once, not on every note.
const ranks = new WeakMap<readonly string[], Map<string, number>>();

function ranksOf(names: readonly string[]): Map<string, number> {
  let rank = ranks.get(names);
  if (!rank) {
    rank = new Map<string, number>();
    for (const [i, name] of names.entries()) {
      const form = normalizeKey(name);
      if (!rank.has(form)) rank.set(form, i);
    }
    ranks.set(names, rank);
  }
  return rank;
}

function better(score: [number, number], key: string, bestScore: [number, number], bestKey: string): boolean {
  if (score[0] !== bestScore[0]) return score[0] < bestScore[0];
  if (score[1] !== bestScore[1]) return score[1] < bestScore[1];
  return key < bestKey;
}
