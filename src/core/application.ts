// Reading an application note's frontmatter into an Application, whatever its field names and
// stage words. Never throws: anything it cannot read becomes a one-line problem naming the note.
import { compareDates, learnDateOrder, readCalendarDate } from './dates';
import { fieldIndex, fieldNames, findAllIn, findIn, isBlank, isRecord, type FieldIndex, type NoteFields } from './fields';
import { withInlineFields } from './inline-fields';
import {
  type Application,
  type CalendarDate,
  type CoreSettings,
  type DateOrder,
  type FieldMeaning,
  type Interview,
  type Person,
  type Problem,
  type ReadResult,
} from './model';
import { isHiringManagerRole, isRecruiterRole, mergePeople, parseWikilink, pick, pickText, readPeople, withMentions } from './people';
import { parseStage, shownValue } from './stages';
import { DEFAULT_SETTINGS } from './settings';
import { compareText, oneLine } from './text';

/** Field names that also mean other things (a task note's `status: open`). */
const AMBIGUOUS_STAGE_KEYS = new Set(['status']);
const MARKER_TYPE_KEYS = new Set(['type', 'category', 'kind']);
const MARKER_TAG_KEYS = new Set(['tags', 'tag']);
/** More interview rounds than any process has: the rest is ignored. */
export const MAX_ROUNDS = 50;

interface Reading {
  index: FieldIndex;
  /** Each meaning's field, found in one pass over the keys. */
  fields: NoteFields;
  path: string;
  settings: CoreSettings;
  warnings: Problem[];
  /** Without people: no names, contacts, interviewers, hiring manager or recruiter read. */
  withoutPeople?: boolean;
}

/**
 * Reads one note. `path` is vault-relative with `/`; `body` is the text below the frontmatter, whose
 * Dataview inline fields count where the frontmatter has no field of the same meaning.
 * `people: false` leaves every person out (the slowest part of reading): the stage, the dates and
 * so the moment are the same, but the application is not one to advise on or write to.
 */
export function readApplication(
  input: { frontmatter: unknown; body?: string; path: string },
  settings: CoreSettings = DEFAULT_SETTINGS,
  { people = true }: { people?: boolean } = {},
): ReadResult {
  const path = typeof input?.path === 'string' ? input.path : 'a note without a path';
  try {
    const note = withInlineFields(input.frontmatter, input.body, settings ?? DEFAULT_SETTINGS);
    const reading = read(note.fields, path, settings ?? DEFAULT_SETTINGS, !people);
    if (reading.ok && note.warnings.length > 0) reading.application.warnings.unshift(...note.warnings.map((w) => ({ notePath: path, ...w })));
    return reading;
  } catch (error) {
    // A last guard: whatever slipped through is still one line, never a stack trace.
    const why = error instanceof Error ? error.message : 'unexpected value';
    return failure(path, `could not be read (${shownValue(why)})`, false);
  }
}

/**
 * Cheap check (for showing commands only on application notes): a stage-like field that reads as
 * one, in the frontmatter or (given the body) in the note's inline fields.
 */
export function isApplicationFrontmatter(frontmatter: unknown, settings: CoreSettings = DEFAULT_SETTINGS, body?: string): boolean {
  try {
    if (body !== undefined) frontmatter = withInlineFields(frontmatter, body, settings).fields;
    if (!isRecord(frontmatter)) return false;
    const index = fieldIndex(frontmatter);
    const stage = findIn(index, 'stage', settings.fieldMap);
    if (!stage) return false;
    if (parseStage(stage.value, settings.stageAliases ?? {}).ok) return true;
    return !stageProblemIsQuiet(index, stage.key, stage.value, settings);
  } catch {
    return false;
  }
}

function failure(path: string, message: string, notAnApplication: boolean, field?: string): ReadResult {
  const problem: Problem = { notePath: path, message };
  if (field !== undefined) problem.field = field;
  return { ok: false, problem, notAnApplication };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list, not a set of fields';
  if (value instanceof Date) return 'a date, not a set of fields';
  return `a ${typeof value}, not a set of fields`;
}

function read(frontmatter: unknown, path: string, settings: CoreSettings, withoutPeople: boolean): ReadResult {
  if (!isRecord(frontmatter)) return failure(path, `frontmatter is ${describe(frontmatter)}`, true);
  const index = fieldIndex(frontmatter);
  const fields = findAllIn(index, settings.fieldMap);
  const stageField = fields.stage;
  if (!stageField) {
    const looked = fieldNames('stage', settings.fieldMap).join(', ');
    // A note marked as an application but without a stage is worth telling; any other note is skipped.
    return failure(path, `no stage field (looked for ${looked})`, !isMarkedApplication(index));
  }
  const stage = parseStage(stageField.value, settings.stageAliases ?? {});
  if (!stage.ok) {
    const quiet = stageProblemIsQuiet(index, stageField.key, stageField.value, settings);
    return failure(path, `${stageField.key} ${stage.message}`, quiet, stageField.key);
  }

  const r: Reading = { index, fields, path, settings, warnings: [], withoutPeople };
  const interviews = readInterviews(r);
  const contacts = people(r, 'contacts');
  const application: Application = {
    path,
    noteName: noteNameOf(path),
    stage: stage.stage,
    stageLabel: stage.label,
    interviews,
    interviewers: mergePeople(
      ...interviews.map((i) => i.interviewers),
      people(r, 'interviewers'),
      contacts.filter((p) => /interview/i.test(p.role ?? '')),
    ),
    connected: readConnected(r),
    warnings: r.warnings,
  };
  setIf(application, 'company', text(r, 'company'));
  setIf(application, 'role', text(r, 'role'));
  setIf(application, 'applied', date(r, 'applied'));
  setIf(application, 'decision', date(r, 'decision'));
  setIf(application, 'followUp', date(r, 'followUp'));
  setIf(application, 'hiringManager', oneOf(r, 'hiringManager', contacts, isHiringManagerRole, 'Hiring manager'));
  // A recruiter may also sit on the panel of a screening round: "Rita Okafor (Talent Acquisition)".
  setIf(application, 'recruiter', oneOf(r, 'recruiter', [...contacts, ...application.interviewers], isRecruiterRole, 'Recruiter'));
  return { ok: true, application };
}

function setIf<K extends keyof Application>(app: Application, key: K, value: Application[K] | undefined): void {
  if (value !== undefined) app[key] = value;
}

/** "Jobs/Acme - Analyst.md" -> "Acme - Analyst": a note's name, as Obsidian shows it. */
export function noteNameOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return /\.md$/i.test(name) ? name.slice(0, -3) : name;
}

/** Other signs a note is an application, so a stray `status: open` elsewhere stays quiet. */
function isMarkedApplication(index: FieldIndex): boolean {
  const marker = /^#?job[-_ ]?applications?$/i;
  for (const { form, value } of index) {
    if (MARKER_TYPE_KEYS.has(form)) {
      const type = single(value);
      if (typeof type === 'string' && marker.test(type.trim())) return true;
    } else if (MARKER_TAG_KEYS.has(form)) {
      const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
      if (list.some((t) => typeof t === 'string' && marker.test(t.trim()))) return true;
    }
  }
  return false;
}

/**
 * An unreadable stage is skipped quietly (notAnApplication) when the note shows no other sign of
 * being an application and the field is either the ambiguous `status` or empty (a template).
 */
function stageProblemIsQuiet(
  index: FieldIndex,
  key: string,
  value: unknown,
  settings: CoreSettings,
): boolean {
  if (isMarkedApplication(index)) return false;
  const signals: FieldMeaning[] = ['company', 'applied', 'interview', 'hiringManager', 'recruiter'];
  if (signals.some((m) => !isBlank(findIn(index, m, settings.fieldMap)?.value))) return false;
  // A field the person named themselves is never ambiguous.
  const own = settings.fieldMap?.stage;
  const mapped = typeof own === 'string' && own.trim() !== '';
  return isBlank(value) || (!mapped && AMBIGUOUS_STAGE_KEYS.has(key.toLowerCase().trim()));
}

/** Unwraps what YAML makes of links: `[[Acme]]` unquoted is [["Acme"]]; a one-element list is its element. */
export function single(value: unknown): unknown {
  let current = value;
  for (let depth = 0; depth < 4 && Array.isArray(current) && current.length === 1; depth++) current = current[0];
  return current;
}

/** Plain text of a company or role: a wikilink gives its display text, a nested list its link. */
function text(r: Reading, meaning: FieldMeaning): string | undefined {
  const field = r.fields[meaning];
  if (!field || isBlank(field.value)) return undefined;
  const raw = field.value;
  const value = single(raw);
  if (Array.isArray(raw) && Array.isArray(raw[0]) && typeof value === 'string') return linkName(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') {
    warn(r, field.key, `${field.key} is not text; ignored`);
    return undefined;
  }
  const link = parseWikilink(value);
  const plain = oneLine(link ? link.display : value);
  return plain === '' ? undefined : plain;
}

function linkName(target: string): string | undefined {
  return parseWikilink(`[[${target}]]`)?.display ?? (target.trim() || undefined);
}

function warn(r: Reading, field: string, message: string): void {
  r.warnings.push({ notePath: r.path, field, message });
}

/** A calendar date; an unreadable one is a warning naming the field and value, and is ignored. */
function date(r: Reading, meaning: FieldMeaning): CalendarDate | undefined {
  const field = r.fields[meaning];
  if (!field) return undefined;
  return dateOf(r, field.key, single(field.value));
}

function dateOf(r: Reading, field: string, value: unknown): CalendarDate | undefined {
  const reading = readCalendarDate(value, r.settings.dateOrder);
  if (reading.kind === 'date') return reading.date;
  if (reading.kind === 'invalid') {
    warn(r, field, `${field} "${shownValue(reading.shown)}" is not a date${reading.why ? ` (${reading.why})` : ''}; ignored`);
  }
  return undefined;
}

function people(r: Reading, meaning: FieldMeaning): Person[] {
  if (r.withoutPeople) return [];
  const field = r.fields[meaning];
  return field ? readPeople(field.value) : [];
}

/**
 * The hiring manager (or recruiter): its own field first, else a contact whose role says so.
 * Whatever the contacts know about the same person (profile, email) is kept.
 */
function oneOf(r: Reading, meaning: FieldMeaning, contacts: Person[], role: (role: string | undefined) => boolean, defaultRole: string): Person | undefined {
  const named = people(r, meaning)[0];
  const fromContacts = contacts.find((p) => role(p.role));
  const chosen = named ?? fromContacts;
  if (!chosen) return undefined;
  const person = withMentions(chosen, contacts);
  return person.role ? person : { ...person, role: defaultRole };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'connected', 'done', 'x', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'not yet', 'pending', '0', 'none']);

/** `true`, "yes" or the date it happened all say the connection exists. */
function readConnected(r: Reading): boolean {
  const field = r.fields.connected;
  if (!field) return false;
  const value = single(field.value);
  if (isBlank(value) || value === false) return false;
  if (value === true || value instanceof Date) return true;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word) || /^\d{4}-\d{2}-\d{2}/.test(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    warn(r, field.key, `${field.key} "${shownValue(value)}" is neither yes, no nor a date; taken as not connected`);
    return false;
  }
  warn(r, field.key, `${field.key} is neither yes, no nor a date; taken as not connected`);
  return false;
}

export const ROUND_KEYS = {
  date: ['date', 'day', 'when', 'on'],
  time: ['time', 'at', 'starttime'],
  name: ['roundname', 'name', 'round', 'title'],
  type: ['roundtype', 'type', 'kind'],
  interviewers: ['interviewers', 'interviewer', 'with', 'panel'],
  status: ['status', 'state', 'outcome'],
};

// ---- The vault's date order ------------------------------------------------------------------

const DATE_MEANINGS: FieldMeaning[] = ['applied', 'decision', 'followUp', 'interview'];

/** The raw date values a note's date fields hold (interview rounds' dates included). */
export function dateValuesOf(frontmatter: unknown, settings: CoreSettings = DEFAULT_SETTINGS): unknown[] {
  if (!isRecord(frontmatter)) return [];
  const index = fieldIndex(frontmatter);
  const values: unknown[] = [];
  for (const meaning of DATE_MEANINGS) {
    const field = findIn(index, meaning, settings.fieldMap);
    if (!field) continue;
    const items = Array.isArray(field.value) ? field.value.slice(0, MAX_ROUNDS) : [field.value];
    for (const item of items) values.push(isRecord(item) ? single(pick(fieldIndex(item), ROUND_KEYS.date)) : single(item));
  }
  return values;
}

/** Whether the day/month order is learnt from the vault (Automatic, the default); a set order never is. */
export function learnsDateOrder(settings: Pick<CoreSettings, 'dateOrder'>): boolean {
  return settings.dateOrder === 'auto' || settings.dateOrder === undefined;
}

/** Whether a note holds a date only a day/month order can read (`03/04/2026` with no order known). */
export function needsDateOrder(frontmatter: unknown, settings: CoreSettings = DEFAULT_SETTINGS): boolean {
  if (!learnsDateOrder(settings)) return false;
  return dateValuesOf(frontmatter, settings).some((v) => {
    const reading = readCalendarDate(v, 'auto');
    return reading.kind === 'invalid' && reading.ambiguous === true;
  });
}

/**
 * The settings to read with: under `auto`, the day/month order the vault's own unambiguous dates
 * show (`notes`: every note's frontmatter, read only when this note needs it); else as they are.
 * `remember`: the host's memory of the last answer (the vault unchanged since, it returns it
 * without learning again); the whole vault is read otherwise.
 */
export function withVaultDateOrder<S extends CoreSettings>(
  settings: S,
  frontmatter: unknown,
  notes: () => Iterable<unknown>,
  remember?: (learn: () => DateOrder | undefined) => DateOrder | undefined,
): S {
  if (!needsDateOrder(frontmatter, settings)) return settings;
  const learn = (): DateOrder | undefined =>
    learnDateOrder(
      (function* () {
        for (const fm of notes()) yield* dateValuesOf(fm, settings);
      })(),
    );
  const learned = remember ? remember(learn) : learn();
  return learned ? { ...settings, dateOrder: learned } : settings;
}

/** Rounds from a single date, a list of dates, or a list of round objects; sorted by date and time. */
function readInterviews(r: Reading): Interview[] {
  const field = r.fields.interview;
  if (!field) return [];
  const raw = field.value;
  const items = Array.isArray(raw) ? raw.slice(0, MAX_ROUNDS) : [raw];
  const rounds: Interview[] = [];
  for (const item of items) {
    const round = isRecord(item) ? roundOf(r, field.key, item) : plainRound(r, field.key, single(item));
    if (round) rounds.push(round);
  }
  // Interviewers listed on their own belong to the round when there is only one.
  const only = rounds.length === 1 ? rounds[0] : undefined;
  if (only && only.interviewers.length === 0) only.interviewers = people(r, 'interviewers');
  // Days as text, the times (free text) in the collator's order, neither loading the collator for ASCII.
  return rounds.sort((a, b) => compareDates(a.date, b.date) || compareText(a.date + (a.time ?? ''), b.date + (b.time ?? '')));
}

function plainRound(r: Reading, field: string, value: unknown): Interview | undefined {
  const day = dateOf(r, field, value);
  if (!day) return undefined;
  const round: Interview = { date: day, interviewers: [] };
  setTime(round, value);
  return round;
}

function roundOf(r: Reading, field: string, record: Record<string, unknown>): Interview | undefined {
  const item = fieldIndex(record);
  const when = single(pick(item, ROUND_KEYS.date));
  const label = pickText(item, ROUND_KEYS.name) ?? pickText(item, ROUND_KEYS.type);
  if (when === undefined) {
    if (!label) return undefined; // an empty round from a template
    warn(r, field, `${field}: round "${shownValue(label)}" has no date; ignored`);
    return undefined;
  }
  const day = dateOf(r, field, when);
  if (!day) return undefined;
  const round: Interview = { date: day, interviewers: r.withoutPeople ? [] : mergePeople(readPeople(pick(item, ROUND_KEYS.interviewers))) };
  const time = pickText(item, ROUND_KEYS.time);
  if (time) round.time = time;
  else setTime(round, when);
  if (label) round.name = label;
  const status = pickText(item, ROUND_KEYS.status);
  if (status) round.status = status;
  return round;
}

/** "2026-03-10T14:30" carries the time too. */
function setTime(round: Interview, value: unknown): void {
  if (typeof value !== 'string') return;
  const m = /^\d{4}-\d{2}-\d{2}[T ](\d{2}:\d{2})/.exec(value.trim());
  if (m?.[1]) round.time = m[1];
}
