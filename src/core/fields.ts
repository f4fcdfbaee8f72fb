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
  recruiter: ['recruiter', 'recruiters', 'talent partner', 'talent acquisition', 'sourcer', 'hr contact', 'hr'],
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
    // A huge hostile key is worked out each time rather than kept.
    if (key.length <= 200) normalizedKeys.set(key, form);
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
  const own: unknown = isRecord(fieldMap) ? fieldMap[meaning] : undefined;
  return typeof own === 'string' && own.trim() !== '' ? [own.trim()] : FIELD_ALIASES[meaning];
}

/**
 * A map of fields, as frontmatter and JSON settings hold them: a plain object, never a list, a
 * date or null. The one such check, so "is this a set of fields" means the same everywhere.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/** A note's keys in matching form, computed once per note so each lookup is cheap. */
export type FieldIndex = ReadonlyArray<{ key: string; form: string; value: unknown }>;

export function fieldIndex(frontmatter: Record<string, unknown>): FieldIndex {
  // Every note and every contact or round object: a plain loop, no [key, value] pair per entry.
  const keys = Object.keys(frontmatter);
  const index: { key: string; form: string; value: unknown }[] = [];
  for (const key of keys) index.push({ key, form: normalizeKey(key), value: frontmatter[key] });
  return index;
}

function ranks(names: string[]): Map<string, number> {
  const rank = new Map<string, number>();
  names.forEach((name, i) => {
    const form = normalizeKey(name);
    if (!rank.has(form)) rank.set(form, i);
  });
  return rank;
}

const DEFAULT_RANKS = new Map<FieldMeaning, Map<string, number>>(
  (Object.keys(FIELD_ALIASES) as FieldMeaning[]).map((m) => [m, ranks(FIELD_ALIASES[m])]),
);

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
  return findIn(fieldIndex(frontmatter), meaning, fieldMap);
}

/** {@link findField} on a note's {@link fieldIndex}. */
export function findIn(
  index: FieldIndex,
  meaning: FieldMeaning,
  fieldMap: CoreSettings['fieldMap'] | undefined,
): { key: string; value: unknown } | undefined {
  const names = fieldNames(meaning, fieldMap);
  const rank = names === FIELD_ALIASES[meaning] ? DEFAULT_RANKS.get(meaning) ?? ranks(names) : ranks(names);
  let best: { key: string; value: unknown; blank: boolean; r: number } | undefined;
  for (const { key, form, value } of index) {
    const r = rank.get(form);
    if (r === undefined) continue;
    const blank = isBlank(value);
    if (!best || better(blank, r, key, best)) best = { key, value, blank, r };
  }
  return best ? { key: best.key, value: best.value } : undefined;
}

/** Each meaning's field of one note, as {@link findIn} chooses it. */
export type NoteFields = Partial<Record<FieldMeaning, { key: string; value: unknown }>>;

/** For each key form, the meanings it may hold and its rank among each meaning's names. */
type MeaningsByForm = Map<string, { meaning: FieldMeaning; rank: number }[]>;

function meaningsByForm(fieldMap: CoreSettings['fieldMap'] | undefined): MeaningsByForm {
  const byForm: MeaningsByForm = new Map();
  for (const meaning of MEANINGS) {
    for (const [form, rank] of ranks(fieldNames(meaning, fieldMap))) {
      const list = byForm.get(form) ?? [];
      list.push({ meaning, rank });
      byForm.set(form, list);
    }
  }
  return byForm;
}

const MEANINGS = Object.keys(FIELD_ALIASES) as FieldMeaning[];
const DEFAULT_BY_FORM = meaningsByForm(undefined);
// A person's own field names, keyed by the names themselves (a settings object may be edited in
// place, so never by the object): worked out once per set of names.
const byFormOfNames = new Map<string, MeaningsByForm>();

/** The person's own field names, one line per meaning; undefined when they mapped none. */
function ownNames(fieldMap: CoreSettings['fieldMap'] | undefined): string | undefined {
  if (typeof fieldMap !== 'object' || fieldMap === null) return undefined;
  let names = '';
  let any = false;
  for (const meaning of MEANINGS) {
    const own: unknown = fieldMap[meaning];
    const name = typeof own === 'string' ? own.trim() : '';
    if (name !== '') any = true;
    names += `${name}\n`;
  }
  return any ? names : undefined;
}

/**
 * Every meaning's field in one pass over the note's keys, each chosen as {@link findIn} chooses it
 * (a filled value, then the earlier name, then the key's spelling): reading a note looks up a
 * dozen meanings, and one scan of its keys replaces a scan per meaning.
 */
export function findAllIn(index: FieldIndex, fieldMap: CoreSettings['fieldMap'] | undefined): NoteFields {
  let byForm = DEFAULT_BY_FORM;
  const own = ownNames(fieldMap);
  if (own !== undefined) {
    const names = own;
    const known = byFormOfNames.get(names);
    if (known) byForm = known;
    else {
      byForm = meaningsByForm(fieldMap);
      if (byFormOfNames.size >= 100) byFormOfNames.clear();
      byFormOfNames.set(names, byForm);
    }
  }
  const best: Partial<Record<FieldMeaning, { key: string; value: unknown; blank: boolean; r: number }>> = {};
  for (const { key, form, value } of index) {
    const meanings = byForm.get(form);
    if (meanings === undefined) continue;
    const blank = isBlank(value);
    for (const { meaning, rank } of meanings) {
      const seen = best[meaning];
      if (!seen || better(blank, rank, key, seen)) best[meaning] = { key, value, blank, r: rank };
    }
  }
  const fields: NoteFields = {};
  for (const meaning of Object.keys(best) as FieldMeaning[]) {
    const found = best[meaning];
    if (found) fields[meaning] = { key: found.key, value: found.value };
  }
  return fields;
}

function better(blank: boolean, r: number, key: string, best: { key: string; blank: boolean; r: number }): boolean {
  if (blank !== best.blank) return !blank;
  if (r !== best.r) return r < best.r;
  return key < best.key;
}
