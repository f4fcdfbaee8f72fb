// Dataview's inline fields in a note's body (`Status:: Applied`, `[applied:: 2026-03-02]`,
// `(interviewer:: Ana)`), read the way Dataview reads them (its docs, "Adding Metadata", and its
// importer: a whole line `Key:: value`, or fields wrapped in [] or () anywhere on a line) and merged
// with the frontmatter, which wins. Fields in code, comments, a task's own line or our advice block
// are not the note's.
import { proseLinesWithFields } from './callout';
import { readCalendarDate } from './dates';
import { FIELD_ALIASES, fieldIndex, fieldNames, findIn, isBlank, normalizeKey } from './fields';
import type { CoreSettings, FieldMeaning } from './model';
import { isRecord } from './fields';
import { parseStage, shownValue } from './stages';

export interface InlineField {
  /** As written, without Markdown emphasis around it (`**Status**` is `Status`). */
  key: string;
  /** Trimmed text; empty for `Key::` with nothing after it. */
  value: string;
}

/** Longer lines are skipped, as Dataview skips them. */
const MAX_LINE = 32768;
/** More fields than any application note has: the rest of the note is not read. */
const MAX_FIELDS = 2000;
/** Wrapped fields tried per line; keeps a hostile line with thousands of `::` cheap. */
const MAX_TRIES_PER_LINE = 64;

// A task's inline fields are the task's, not the note's (Dataview keeps them on the task).
const TASK_ITEM = /^[\s>]*(?:[-*+]|\d+[.)])\s+\[.\]/;
const LIST_MARKER = /^[\s>]*(?:[-*+]|\d+[.)])\s+/;
// A whole-line key, as Dataview's importer accepts one: leading symbols (`> `, `## `, `**`) dropped,
// then letters, digits, spaces, `_`, `/`, `-` or emoji, then trailing emphasis (`**`, `__`, `~~`).
const FULL_LINE_KEY = /^[^\p{L}\p{N}\w]*((?:[\p{L}\p{N}\w\s/-]|\p{Extended_Pictographic})+?)[_*~`]*$/u;
const CLOSER: Record<string, string> = { '[': ']', '(': ')' };

/** The inline fields of a note's body, in the order written. Cheap for a body without `::`. */
export function readInlineFields(body: string | undefined): InlineField[] {
  if (typeof body !== 'string' || !body.includes('::')) return [];
  const fields: InlineField[] = [];
  for (const line of proseLinesWithFields(body)) {
    if (line.length > MAX_LINE || TASK_ITEM.test(line)) continue;
    const wrapped = wrappedFields(line);
    if (wrapped.length > 0) fields.push(...wrapped);
    else {
      const whole = fullLineField(line.replace(LIST_MARKER, ''));
      if (whole) fields.push(whole);
    }
    if (fields.length >= MAX_FIELDS) break;
  }
  return fields;
}

function cleanKey(key: string): string {
  return key.replace(/[*~`]/g, '').replace(/^_+|_+$/g, '').trim();
}

function fullLineField(text: string): InlineField | undefined {
  const sep = text.indexOf('::');
  if (sep < 0) return undefined;
  const m = FULL_LINE_KEY.exec(text.slice(0, sep).trim());
  const key = m?.[1] ? cleanKey(m[1]) : '';
  if (!/[\p{L}\p{N}]/u.test(key)) return undefined;
  return { key, value: text.slice(sep + 2).trim() };
}

/**
 * `[key:: value]` and `(key:: value)`: the key runs from the bracket to the next `::` and holds no
 * bracket; the value runs to the matching closer (nesting and `\` escapes respected).
 */
function wrappedFields(line: string): InlineField[] {
  const fields: InlineField[] = [];
  let from = 0;
  for (let tries = 0; tries < MAX_TRIES_PER_LINE; tries++) {
    const sep = line.indexOf('::', from);
    if (sep < 0) break;
    // The only possible opener is the last bracket before `::`, and only if it is an opening one.
    let open = -1;
    for (let i = sep - 1; i >= from; i--) {
      const ch = line[i]!;
      if (ch === '[' || ch === '(' || ch === ']' || ch === ')') {
        if (ch === '[' || ch === '(') open = i;
        break;
      }
    }
    if (open < 0) {
      from = sep + 2;
      continue;
    }
    const close = closingAt(line, sep + 2, line[open]!, CLOSER[line[open]!]!);
    if (close < 0) {
      from = sep + 2;
      continue;
    }
    const key = cleanKey(line.slice(open + 1, sep));
    if (key !== '') fields.push({ key, value: line.slice(sep + 2, close).trim() });
    from = close + 1;
  }
  return fields;
}

function closingAt(line: string, start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === open) depth++;
    else if (ch === close && depth-- === 0) return i;
  }
  return -1;
}

// ---- Merged with the frontmatter -------------------------------------------------------------

export interface NoteFields {
  /** The frontmatter with the body's fields added where it has none of the same meaning. */
  fields: unknown;
  /** One per field written in both places with different values (the frontmatter's is used). */
  warnings: Array<{ field: string; message: string }>;
}

/** Repeated keys (`Interviewer:: Ana` twice) make a list; keys match as field names do (case, `-`, `_`, spaces). */
function asRecord(inline: InlineField[]): Record<string, unknown> {
  const byForm = new Map<string, { key: string; values: string[] }>();
  for (const { key, value } of inline) {
    const form = normalizeKey(key);
    const entry = byForm.get(form) ?? { key, values: [] };
    if (!byForm.has(form)) byForm.set(form, entry);
    if (value !== '') entry.values.push(value);
  }
  const record: Record<string, unknown> = {};
  for (const { key, values } of byForm.values()) record[key] = values.length === 0 ? '' : values.length === 1 ? values[0] : values;
  return record;
}

function plain(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plain).join(', ');
  if (isRecord(value)) return JSON.stringify(value);
  return String(value).trim().replace(/^"(.*)"$/, '$1');
}

/** Same meaning, differently written (`2026-03-02` and `02.03.2026` under DMY, `Applied` and `applied`)? */
function agree(a: unknown, b: unknown, meaning: FieldMeaning, settings: CoreSettings): boolean {
  if (plain(a).toLowerCase() === plain(b).toLowerCase()) return true;
  if (meaning === 'stage') {
    const x = parseStage(a, settings.stageAliases ?? {});
    const y = parseStage(b, settings.stageAliases ?? {});
    return x.ok && y.ok && x.stage === y.stage;
  }
  const x = readCalendarDate(Array.isArray(a) ? a[0] : a, settings.dateOrder);
  const y = readCalendarDate(Array.isArray(b) ? b[0] : b, settings.dateOrder);
  return x.kind === 'date' && y.kind === 'date' && x.date === y.date && !Array.isArray(a) && !Array.isArray(b);
}

/**
 * The fields to read a note by: its frontmatter, plus each meaning (stage, company, applied, ...)
 * that only the body holds. When both hold one and disagree, the frontmatter wins and a warning
 * names the field. Frontmatter that is not a set of fields is left for the reader to report.
 */
export function withInlineFields(frontmatter: unknown, body: string | undefined, settings: CoreSettings): NoteFields {
  const inline = readInlineFields(body);
  if (inline.length === 0 || (frontmatter !== undefined && frontmatter !== null && !isRecord(frontmatter))) {
    return { fields: frontmatter, warnings: [] };
  }
  const own = isRecord(frontmatter) ? frontmatter : {};
  const fromBody = fieldIndex(asRecord(inline));
  const fromFrontmatter = fieldIndex(own);
  const merged: Record<string, unknown> = { ...own };
  const warnings: NoteFields['warnings'] = [];
  const claimed = new Set<string>();
  for (const meaning of Object.keys(FIELD_ALIASES) as FieldMeaning[]) {
    const forms = new Set(fieldNames(meaning, settings.fieldMap).map(normalizeKey));
    for (const f of fromBody) if (forms.has(f.form)) claimed.add(f.form);
    const inBody = findIn(fromBody, meaning, settings.fieldMap);
    if (!inBody || isBlank(inBody.value)) continue;
    const inFrontmatter = findIn(fromFrontmatter, meaning, settings.fieldMap);
    if (inFrontmatter && !isBlank(inFrontmatter.value)) {
      if (!agree(inFrontmatter.value, inBody.value, meaning, settings)) {
        warnings.push({
          field: inBody.key,
          message: `${inBody.key}:: "${shownValue(plain(inBody.value))}" in the note's text differs from ${inFrontmatter.key} "${shownValue(plain(inFrontmatter.value))}" in its properties; the properties are used`,
        });
      }
      continue;
    }
    merged[inBody.key] = inBody.value;
  }
  // Other fields (`type:: job-application`) count where the frontmatter has none of that name.
  const ownForms = new Set(fromFrontmatter.map((f) => f.form));
  for (const f of fromBody) if (!claimed.has(f.form) && !ownForms.has(f.form)) merged[f.key] = f.value;
  return { fields: merged, warnings };
}
