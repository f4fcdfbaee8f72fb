// How long an application has waited for an answer, for the pane's list of those waiting too long.
// The list looks at every note of the vault, and needs of each only its stage, its applied day and
// its interview days: reading each in full (people, company, warnings) made the pane's first draw
// over a big vault slow. This reads just those, by the core's own tables and rules (field names,
// stage words, dates, the moment), and a property test holds it equal to the full read.
import { learnsDateOrder, MAX_ROUNDS, ROUND_KEYS, single, withVaultDateOrder } from './application';
import { daysBetween, readCalendarDate, type DateReading } from './dates';
import { fieldNames, isBlank, isRecord, normalizeKey } from './fields';
import { withInlineFields } from './inline-fields';
import type { Application, CalendarDate, CoreSettings, DateOrderSetting, FieldMeaning, Interview, Stage } from './model';
import { readMoment } from './moment';
import { applicationOn, type NoteInput } from './pipeline';
import { outsideScope } from './scope';
import { parseStage, type StageReading } from './stages';
import { readTaskNoteId } from './task-note';

/**
 * Days since the latest applied or interview day up to today (0 when the note gives none), when
 * the application's moment is waiting (or the person called it ghosted); undefined otherwise.
 */
export function waitingDaysOf(app: Application, today: CalendarDate): number | undefined {
  const { moment } = readMoment(app, today);
  if (moment !== 'waiting' && moment !== 'ghosted') return undefined;
  let last: CalendarDate | undefined;
  if (app.applied && app.applied <= today) last = app.applied;
  for (const { date } of app.interviews) if (date <= today && (last === undefined || date > last)) last = date;
  return last ? daysBetween(last, today) : 0;
}

/** The same answer from the note read in full (without its people, which no moment depends on). */
export function waitingDaysInFull(note: NoteInput, settings: CoreSettings, today: CalendarDate): number | undefined {
  const read = applicationOn(note, settings, { people: false });
  return read.kind === 'application' ? waitingDaysOf(read.application, today) : undefined;
}

// The stages whose moment the dates never change (moment.ts): offer, hired, rejected, withdrawn,
// not applied. Ghosted is waiting whatever the dates, but its days come from them.
const DATES_UNREAD: ReadonlySet<Stage> = new Set<Stage>(['offer', 'accepted', 'rejected', 'withdrawn', 'wishlist']);
/** Only a text starting with 1 to 3 digits and a separator can be a day/month-ambiguous date (dates.ts). */
const MAYBE_DAY_MONTH = /^\s*\d{1,3}[/.-]/;
/** Each memo of a reader forgets everything past this many values (a vault of one-off values). */
const MEMO = 10_000;
/** Longer values (never a stage word, a date or a field name) are read each time rather than kept. */
const KEPT_LENGTH = 200;

/**
 * A reader for one pass over the vault (the settings and today fixed): the waiting days of each
 * note, as {@link waitingDaysInFull} gives them. Stage words and dates repeat across thousands of
 * notes, so each distinct one is read once per pass.
 */
export function waitingReader(settings: CoreSettings, today: CalendarDate): (note: NoteInput) => number | undefined {
  const meaningsOf = meaningsOfKeys(settings);
  const stages = new Map<string, StageReading>();
  const days = new Map<string, DateReading>();
  const aliases = settings.stageAliases ?? {};

  const stageOf = (value: unknown): StageReading => {
    if (typeof value !== 'string' || value.length > KEPT_LENGTH) return parseStage(value, aliases);
    let stage = stages.get(value);
    if (stage === undefined) {
      if (stages.size >= MEMO) stages.clear();
      stage = parseStage(value, aliases);
      stages.set(value, stage);
    }
    return stage;
  };
  const dayOf = (value: unknown, order: DateOrderSetting): CalendarDate | undefined => {
    if (typeof value !== 'string' || value.length > KEPT_LENGTH || order !== settings.dateOrder) {
      const reading = readCalendarDate(value, order);
      return reading.kind === 'date' ? reading.date : undefined;
    }
    let reading = days.get(value);
    if (reading === undefined) {
      if (days.size >= MEMO) days.clear();
      reading = readCalendarDate(value, order);
      days.set(value, reading);
    }
    return reading.kind === 'date' ? reading.date : undefined;
  };

  // applicationOn and readApplication, step by step, keeping only what the moment reads.
  const quick = (note: NoteInput): number | undefined => {
    if (outsideScope(note, settings) !== undefined) return undefined;
    // Inline fields only where the body has any (readInlineFields: none without `::`).
    const fields = note.body?.includes('::') ? withInlineFields(note.frontmatter, note.body, settings).fields : note.frontmatter;
    if (fields === undefined || readTaskNoteId(note.frontmatter) !== undefined || !isRecord(fields)) return undefined;
    const found = fieldsOf(fields, meaningsOf);
    if (!found.stage) return undefined;
    const stage = stageOf(found.stage.value);
    if (!stage.ok || DATES_UNREAD.has(stage.stage)) return undefined;
    const appliedValue = found.applied ? single(found.applied.value) : undefined;
    const roundValues = found.interview ? roundDateValues(found.interview.value) : [];
    // A date like 03/04/2026 reads in the order the vault's other dates show: asked of the vault
    // only when a date field holds something that could be one.
    const order = note.vaultNotes && mayNeedDateOrder(found, roundValues, settings)
      ? withVaultDateOrder(settings, fields, note.vaultNotes, note.rememberDateOrder).dateOrder
      : settings.dateOrder;
    const app: Application = { path: note.path, noteName: '', stage: stage.stage, stageLabel: stage.label, interviews: [], interviewers: [], connected: false, warnings: [] };
    const applied = appliedValue === undefined ? undefined : dayOf(appliedValue, order);
    if (applied) app.applied = applied;
    if (roundValues.length > 0) {
      const dates: CalendarDate[] = [];
      for (const value of roundValues) {
        const date = dayOf(value, order);
        if (date) dates.push(date);
      }
      // Rounds come sorted by day (readApplication); the moment reads no more than their days.
      app.interviews = dates.sort().map((date): Interview => ({ date, interviewers: [] }));
    }
    return waitingDaysOf(app, today);
  };

  return (note) => {
    try {
      return quick(note);
    } catch {
      // Whatever the quick read trips on, the full read decides (it guards its own reading).
      return waitingDaysInFull(note, settings, today);
    }
  };
}

/** The meanings the moment and the date order read. */
const READ: readonly FieldMeaning[] = ['stage', 'applied', 'interview', 'decision', 'followUp'];
type Found = Partial<Record<FieldMeaning, { key: string; value: unknown; blank: boolean; rank: number }>>;
type Meanings = ReadonlyArray<{ meaning: FieldMeaning; rank: number }>;
type MeaningsOfKey = (key: string) => Meanings | undefined;

/**
 * The meanings a field name holds, with its rank among each one's names (fields.ts: matched in
 * normalizeKey's form), each spelling worked out once per pass.
 */
function meaningsOfKeys(settings: CoreSettings): MeaningsOfKey {
  const byForm = new Map<string, { meaning: FieldMeaning; rank: number }[]>();
  for (const meaning of READ) {
    fieldNames(meaning, settings.fieldMap).forEach((name, rank) => {
      const form = normalizeKey(name);
      const list = byForm.get(form) ?? [];
      if (!list.some((m) => m.meaning === meaning)) list.push({ meaning, rank });
      byForm.set(form, list);
    });
  }
  const byKey = new Map<string, Meanings | null>();
  return (key) => {
    let meanings = byKey.get(key);
    if (meanings === undefined) {
      meanings = byForm.get(normalizeKey(key)) ?? null;
      if (byKey.size >= MEMO) byKey.clear();
      if (key.length <= KEPT_LENGTH) byKey.set(key, meanings);
    }
    return meanings ?? undefined;
  };
}

/**
 * Each read meaning's field, chosen as findAllIn chooses it (a filled value, then the earlier name,
 * then the key's spelling) in one pass over the note's keys, without indexing the others.
 */
function fieldsOf(fields: Record<string, unknown>, meaningsOf: MeaningsOfKey): Found {
  const found: Found = {};
  for (const key in fields) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) continue;
    const meanings = meaningsOf(key);
    if (meanings === undefined) continue;
    const value = fields[key];
    const blank = isBlank(value);
    for (const { meaning, rank } of meanings) {
      const seen = found[meaning];
      if (!seen || (blank !== seen.blank ? !blank : rank !== seen.rank ? rank < seen.rank : key < seen.key)) found[meaning] = { key, value, blank, rank };
    }
  }
  return found;
}

/** The value each interview round's day is read from, as readApplication reads the rounds (a date, a list, rounds with a date key). */
function roundDateValues(raw: unknown): unknown[] {
  const items = Array.isArray(raw) ? raw.slice(0, MAX_ROUNDS) : [raw];
  const values: unknown[] = [];
  for (const item of items) {
    const value = isRecord(item) ? roundDate(item) : single(item);
    if (value !== undefined) values.push(value);
  }
  return values;
}

const ROUND_DATE_KEYS: readonly string[] = ROUND_KEYS.date;

/** A round's day: `pick` over the round's date keys (the first filled name, then the key's spelling), then `single`. */
function roundDate(round: Record<string, unknown>): unknown {
  let best: { rank: number; key: string; value: unknown } | undefined;
  for (const key in round) {
    if (!Object.prototype.hasOwnProperty.call(round, key)) continue;
    const rank = ROUND_DATE_KEYS.indexOf(normalizeKey(key));
    const value = round[key];
    if (rank < 0 || value === null || value === undefined || value === '') continue;
    if (!best || rank < best.rank || (rank === best.rank && key < best.key)) best = { rank, key, value };
  }
  return single(best?.value);
}

/**
 * Whether the note's date fields hold a text that could be a day/month-ambiguous date, looking
 * where dateValuesOf looks (each item of a list; the rounds' days): a cheap over-estimate of
 * needsDateOrder, which then decides.
 */
function mayNeedDateOrder(found: Found, roundValues: readonly unknown[], settings: CoreSettings): boolean {
  if (!learnsDateOrder(settings)) return false;
  if (roundValues.some((v) => mayBeDayMonth(v, 0))) return true;
  for (const field of [found.applied, found.decision, found.followUp]) {
    if (field === undefined) continue;
    const items = Array.isArray(field.value) ? field.value : [field.value];
    for (const item of items) if (isRecord(item) ? mayBeDayMonth(roundDate(item), 0) : mayBeDayMonth(item, 0)) return true;
  }
  return false;
}

/** A date is read from a text, or from a list of one (a YAML link), unwrapped at most four times. */
function mayBeDayMonth(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return MAYBE_DAY_MONTH.test(value);
  return Array.isArray(value) && depth < 4 && value.some((v) => mayBeDayMonth(v, depth + 1));
}
