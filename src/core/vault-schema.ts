// The way this vault writes its applications, learned from the notes already there: the field
// names, the stage words, the folder, the marker tag. A new note, a stage change and the dashboard
// all write in the person's own schema; an empty vault gets the default one the README shows.
import { fieldIndex, findIn, normalizeKey } from './fields';
import { STAGES } from './model';
import type { CoreSettings, FieldMeaning, Stage } from './model';
import { isRecord } from './fields';
import { parseStage } from './stages';

/** What a new application note can carry, each written under the vault's own field name. */
export type WrittenField = 'stage' | 'company' | 'role' | 'applied' | 'interview' | 'decision' | 'hiringManager' | 'recruiter' | 'url' | 'history';

/** The posting's address: not needed for advice, so not a meaning the reader looks for. */
const URL_FIELDS = ['url', 'job_url', 'posting', 'job posting', 'posting_url', 'link', 'job_link', 'source'];
const HISTORY_FIELDS = ['stage_history', 'status_history', 'history'];
/** Decision dates that fit any outcome; `hired_on` or `rejected_on` only fit their own stage. */
const GENERIC_DECISION = ['decision', 'decision_date', 'decided_on', 'closed_on'];

export interface VaultSchema {
  fields: Record<WrittenField, string>;
  /** A decision date named for its stage (`rejected_on`, `offer_date`), where the vault does so. */
  decisionFields: Partial<Record<Stage, string>>;
  /** The word this vault uses for each stage ("Applied", "interview", "Recruiter_Screen"). */
  stageWords: Record<Stage, string>;
  /** The folder most applications live in ('' for the vault's root); undefined when there are none. */
  folder?: string;
  /** The tag the vault marks applications with, when most of them carry one. */
  tag?: string;
  /** How many application notes it was learned from (0: the default schema). */
  learnedFrom: number;
}

/** The default schema, for a vault with no applications yet (the README documents it). */
export const DEFAULT_FIELDS: Record<WrittenField, string> = {
  stage: 'stage',
  company: 'company',
  role: 'role',
  applied: 'applied',
  interview: 'interview',
  decision: 'decision',
  hiringManager: 'hiring_manager',
  recruiter: 'recruiter',
  url: 'url',
  history: 'stage_history',
};
export const DEFAULT_APPLICATIONS_FOLDER = 'Job applications';
export const DEFAULT_TAG = 'job-application';

function titleCase(stage: string): string {
  return stage.charAt(0).toUpperCase() + stage.slice(1);
}

/** An application note as the schema learner needs it: its path and raw frontmatter. */
export interface SchemaSample {
  path: string;
  frontmatter: unknown;
}

function mostCommon(counts: Map<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const entry of counts) {
    // Ties go to the alphabetically first spelling, so the answer never depends on the scan order.
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  }
  return best?.[0];
}

function count(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The case the vault writes its stage words in, applied to a stage it has not used yet. */
function inVaultCase(stage: Stage, seen: string[]): string {
  // The case most of the vault's words are in; Title Case when it is a draw or nothing is known.
  const lower = seen.filter((w) => w === w.toLowerCase()).length;
  const upper = seen.filter((w) => w === w.toUpperCase() && w !== w.toLowerCase()).length;
  if (lower * 2 > seen.length) return stage;
  if (upper * 2 > seen.length) return stage.toUpperCase();
  return titleCase(stage);
}

function ownKey(index: ReturnType<typeof fieldIndex>, names: string[]): string | undefined {
  const forms = new Set(names.map(normalizeKey));
  return index.find((f) => forms.has(f.form))?.key;
}

const TAG_KEYS = new Set(['tags', 'tag']);

function tagsOf(frontmatter: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(frontmatter)) {
    if (!TAG_KEYS.has(key.toLowerCase())) continue;
    const list: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
    for (const t of list) if (typeof t === 'string' && t.trim() !== '') found.push(t.trim().replace(/^#/, ''));
  }
  return found;
}

/**
 * Learns the schema from the application notes (only notes that read as applications count).
 * Field names: the spelling most notes use for each meaning. Stage words: per stage, the word most
 * notes write; a stage nobody has reached yet is written in the vault's case.
 */
export function learnSchema(samples: readonly SchemaSample[], settings: Pick<CoreSettings, 'fieldMap' | 'stageAliases'>): VaultSchema {
  const keys = new Map<WrittenField, Map<string, number>>();
  const words = new Map<Stage, Map<string, number>>();
  const folders = new Map<string, number>();
  const tags = new Map<string, number>();
  const decisions = new Map<Stage, Map<string, number>>();
  let learnedFrom = 0;
  const meanings: [WrittenField, FieldMeaning | string[]][] = [
    ['stage', 'stage'], ['company', 'company'], ['role', 'role'], ['applied', 'applied'], ['interview', 'interview'],
    ['decision', GENERIC_DECISION], ['hiringManager', 'hiringManager'], ['recruiter', 'recruiter'], ['url', URL_FIELDS], ['history', HISTORY_FIELDS],
  ];
  for (const sample of samples) {
    if (!isRecord(sample.frontmatter)) continue;
    const index = fieldIndex(sample.frontmatter);
    const stageField = findIn(index, 'stage', settings.fieldMap);
    if (!stageField) continue;
    const stage = parseStage(stageField.value, settings.stageAliases ?? {});
    if (!stage.ok) continue;
    learnedFrom++;
    for (const [field, meaning] of meanings) {
      const key = typeof meaning === 'string' ? findIn(index, meaning, settings.fieldMap)?.key : ownKey(index, meaning);
      if (key === undefined) continue;
      if (!keys.has(field)) keys.set(field, new Map());
      count(keys.get(field)!, key);
    }
    const decision = findIn(index, 'decision', settings.fieldMap)?.key;
    if (decision !== undefined) {
      if (!decisions.has(stage.stage)) decisions.set(stage.stage, new Map());
      count(decisions.get(stage.stage)!, decision);
    }
    if (!words.has(stage.stage)) words.set(stage.stage, new Map());
    count(words.get(stage.stage)!, stage.label);
    const slash = sample.path.lastIndexOf('/');
    count(folders, slash === -1 ? '' : sample.path.slice(0, slash));
    for (const tag of new Set(tagsOf(sample.frontmatter))) count(tags, tag);
  }
  const fields = { ...DEFAULT_FIELDS };
  for (const field of Object.keys(fields) as WrittenField[]) {
    const own = field !== 'url' && field !== 'history' ? settings.fieldMap?.[field] : undefined;
    const learned = keys.get(field);
    fields[field] = typeof own === 'string' && own.trim() !== '' ? own.trim() : (learned && mostCommon(learned)) || DEFAULT_FIELDS[field];
  }
  const seen = [...words.values()].flatMap((m) => [...m.keys()]);
  const stageWords = {} as Record<Stage, string>;
  for (const stage of STAGES) {
    const learned = words.get(stage);
    stageWords[stage] = (learned && mostCommon(learned)) || ownAlias(stage, settings.stageAliases) || inVaultCase(stage, seen);
  }
  const decisionFields: Partial<Record<Stage, string>> = {};
  for (const [stage, names] of decisions) {
    const name = mostCommon(names);
    if (name !== undefined) decisionFields[stage] = name;
  }
  const schema: VaultSchema = { fields, decisionFields, stageWords, learnedFrom };
  const folder = mostCommon(folders);
  if (folder !== undefined) schema.folder = folder;
  const tag = mostCommon(tags);
  // A tag only counts as the marker when at least half the applications carry it.
  if (learnedFrom === 0) schema.tag = DEFAULT_TAG;
  else if (tag !== undefined && (tags.get(tag) ?? 0) * 2 >= learnedFrom) schema.tag = tag;
  return schema;
}

/** A word the person mapped to this stage in the settings: theirs, so it is the one to write. */
function ownAlias(stage: Stage, aliases: Record<string, Stage> | undefined): string | undefined {
  if (!isRecord(aliases)) return undefined;
  return Object.keys(aliases).sort().find((word) => aliases[word] === stage);
}

/** The stages as the person names them, in pipeline order: what a stage picker offers. */
export function stageChoices(schema: VaultSchema): { stage: Stage; word: string }[] {
  return STAGES.map((stage) => ({ stage, word: schema.stageWords[stage] }));
}

/** "known: Wishlist, Applied, ..." in the vault's words, for a refusal. */
export function knownStagesText(schema: VaultSchema): string {
  return `known: ${STAGES.map((s) => schema.stageWords[s]).join(', ')}`;
}

/** Reads a stage word typed by the person: the vault's own words first, then every word we know. */
export function stageFromWord(word: string, schema: VaultSchema, settings: Pick<CoreSettings, 'stageAliases'>): { ok: true; stage: Stage; word: string } | { ok: false; message: string } {
  const typed = word.trim();
  const own = STAGES.find((s) => schema.stageWords[s].toLowerCase() === typed.toLowerCase());
  if (own) return { ok: true, stage: own, word: schema.stageWords[own] };
  const reading = parseStage(typed, settings.stageAliases ?? {});
  if (!reading.ok || typed === '') {
    const shown = typed.length > 60 ? `${typed.slice(0, 57)}...` : typed;
    return { ok: false, message: `"${shown}" is not a stage (${knownStagesText(schema)})` };
  }
  // A word of the person's own mapping is written as they spell it; any other as the vault does.
  const alias = Object.keys(settings.stageAliases ?? {}).find((w) => w.toLowerCase() === typed.toLowerCase());
  return { ok: true, stage: reading.stage, word: alias ?? schema.stageWords[reading.stage] };
}
