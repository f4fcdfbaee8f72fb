// Moving an application to another stage: the stage field in the person's words, the date that
// goes with it when it is still empty, and one more `YYYY-MM-DD: Stage` entry in its history.
// The same plan is applied by the plugin (processFrontMatter) and the CLI (a text edit).
import { isCalendarDate, readCalendarDate } from './dates';
import { fieldIndex, findIn, isBlank, normalizeKey } from './fields';
import type { FrontmatterEdit } from './frontmatter-edit';
import type { CalendarDate, CoreSettings, Stage } from './model';
import { isRecord } from './fields';
import { parseStage } from './stages';
import { stageFromWord } from './vault-schema';
import type { VaultSchema } from './vault-schema';

export interface StageHistoryEntry {
  date: CalendarDate;
  /** The stage word as recorded. */
  label: string;
  /** Undefined when the word is not a stage we know (kept, shown as written). */
  stage?: Stage;
}

/** A typed date is a calendar day (a plain boolean, so a refusal can still quote what was typed). */
export function isDay(text: string): boolean {
  return isCalendarDate(text);
}

/** Stages that close with an answer: the decision date is filled when they are reached. */
const DECISION_STAGES: readonly Stage[] = ['offer', 'accepted', 'rejected', 'withdrawn'];

/** The history field of a note: the vault's name for it, whatever the spelling in this note. */
export function historyKey(frontmatter: Record<string, unknown>, schema: VaultSchema): string {
  const form = normalizeKey(schema.fields.history);
  return Object.keys(frontmatter).find((k) => normalizeKey(k) === form) ?? schema.fields.history;
}

function entryOf(item: unknown, settings: Pick<CoreSettings, 'stageAliases'>): StageHistoryEntry | undefined {
  let date: unknown;
  let label: unknown;
  if (typeof item === 'string') {
    const m = /^\s*(\S+)\s*:\s*(.*?)\s*$/.exec(item);
    if (!m) return undefined;
    [, date, label] = m;
  } else if (isRecord(item) && Object.keys(item).length === 1) {
    // `- 2026-03-09: Applied` without quotes is a one-key map in YAML.
    const [only] = Object.entries(item);
    [date, label] = only ?? [];
  } else {
    return undefined;
  }
  const day = readCalendarDate(date instanceof Date || typeof date === 'string' ? date : undefined);
  if (day.kind !== 'date' || typeof label !== 'string' || label.trim() === '') return undefined;
  const stage = parseStage(label, settings.stageAliases ?? {});
  return stage.ok ? { date: day.date, label: label.trim(), stage: stage.stage } : { date: day.date, label: label.trim() };
}

/** The note's stage history, oldest first; entries that are not `date: word` are left out. */
export function readStageHistory(frontmatter: unknown, schema: VaultSchema, settings: Pick<CoreSettings, 'stageAliases'>): StageHistoryEntry[] {
  if (!isRecord(frontmatter)) return [];
  const value = frontmatter[historyKey(frontmatter, schema)];
  const items: unknown[] = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const entries = items.map((i) => entryOf(i, settings)).filter((e): e is StageHistoryEntry => e !== undefined);
  // Stable by date: entries of one day keep the order they were written in.
  return entries.map((e, i) => ({ e, i })).sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i)).map(({ e }) => e);
}

export interface StageChangeRequest {
  /** The stage as the person typed or picked it. */
  word: string;
  /** The day it happened. */
  on: CalendarDate;
  /** The interview's day, when moving to interviewing and the note has none. */
  interviewDate?: CalendarDate;
}

export type StageChangePlan =
  | {
      ok: true;
      stage: Stage;
      /** The stage word written. */
      word: string;
      /** The stage before, as written, when it could be read. */
      from?: string;
      edits: FrontmatterEdit[];
      /** `2026-03-09: Interviewing`. */
      historyEntry: string;
      /** True when the stage means an interview and the note has no interview date: the host asks for one. */
      asksInterviewDate: boolean;
    }
  | { ok: false; message: string };

/**
 * Plans the change on the note's current frontmatter. Refused (one line, nothing to write) for a
 * stage word nobody knows, an impossible date, or a move to the stage it is already at.
 */
export function planStageChange(
  frontmatter: unknown,
  request: StageChangeRequest,
  schema: VaultSchema,
  settings: Pick<CoreSettings, 'fieldMap' | 'stageAliases'>,
): StageChangePlan {
  const fm = isRecord(frontmatter) ? frontmatter : {};
  const target = stageFromWord(request.word, schema, settings);
  if (!target.ok) return target;
  if (!isDay(request.on)) return { ok: false, message: `"${request.on}" is not a calendar date (YYYY-MM-DD)` };
  if (request.interviewDate !== undefined && !isDay(request.interviewDate)) {
    return { ok: false, message: `interview date "${request.interviewDate}" is not a calendar date (YYYY-MM-DD)` };
  }
  const index = fieldIndex(fm);
  const stageField = findIn(index, 'stage', settings.fieldMap);
  const current = stageField ? parseStage(stageField.value, settings.stageAliases ?? {}) : undefined;
  if (current?.ok && current.stage === target.stage && current.label === target.word) {
    return { ok: false, message: `already at ${current.label}; nothing changed` };
  }
  const edits: FrontmatterEdit[] = [{ kind: 'set', key: stageField?.key ?? schema.fields.stage, value: target.word }];
  const fill = (meaning: 'applied' | 'decision', key: string, day: CalendarDate): void => {
    const found = findIn(index, meaning, settings.fieldMap);
    if (!found || isBlank(found.value)) edits.push({ kind: 'set', key: found?.key ?? key, value: day });
  };
  if (target.stage !== 'wishlist') fill('applied', schema.fields.applied, request.on);
  // The decision date under the name the vault gives it at this stage (`rejected_on`), else the generic one.
  if (DECISION_STAGES.includes(target.stage)) fill('decision', schema.decisionFields[target.stage] ?? schema.fields.decision, request.on);
  const interview = findIn(index, 'interview', settings.fieldMap);
  const noInterview = !interview || isBlank(interview.value);
  let asksInterviewDate = false;
  if (target.stage === 'interviewing' && noInterview) {
    if (request.interviewDate) edits.push({ kind: 'set', key: interview?.key ?? schema.fields.interview, value: request.interviewDate });
    else asksInterviewDate = true;
  }
  const historyEntry = `${request.on}: ${target.word}`;
  edits.push({ kind: 'append', key: historyKey(fm, schema), item: historyEntry });
  const plan: StageChangePlan = { ok: true, stage: target.stage, word: target.word, edits, historyEntry, asksInterviewDate };
  if (current?.ok) plan.from = current.label;
  return plan;
}

/** Applies the plan to a frontmatter object (Obsidian's processFrontMatter hands one over). */
export function applyEdits(frontmatter: Record<string, unknown>, edits: readonly FrontmatterEdit[]): void {
  for (const edit of edits) {
    if (edit.kind === 'set') {
      frontmatter[edit.key] = edit.value;
      continue;
    }
    if (edit.kind === 'remove') {
      delete frontmatter[edit.key];
      continue;
    }
    const value = frontmatter[edit.key];
    const list: unknown[] = Array.isArray(value) ? (value as unknown[]).slice() : isBlank(value) ? [] : [value];
    list.push(edit.item);
    frontmatter[edit.key] = list;
  }
}
