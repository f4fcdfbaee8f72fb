// A new application note in one step: `Company - Role.md` in the applications folder, under a free
// name, with the vault's own field names and stage words (or the person's template note), and a
// first stage-history entry. The host checks which paths are taken and writes the note.
import { escapeMarkdown, oneLine } from './text';
import { fieldIndex, findIn } from './fields';
import { editFrontmatter } from './frontmatter-edit';
import type { FrontmatterEdit } from './frontmatter-edit';
import type { CalendarDate, CoreSettings, FieldMeaning } from './model';
import { isRecord } from './fields';
import { isDay } from './stage-change';
import { safeFileName, safeFolderPath } from './task-note';
import { stageFromWord, DEFAULT_APPLICATIONS_FOLDER } from './vault-schema';
import type { VaultSchema, WrittenField } from './vault-schema';

export interface NewApplication {
  company: string;
  role: string;
  url?: string;
  hiringManager?: string;
  recruiter?: string;
  /** A stage word; default: the vault's word for wishlist. */
  stage?: string;
  /** Default: today, when the stage is past wishlist. */
  applied?: string;
}

export interface NewApplicationContext {
  schema: VaultSchema;
  settings: Pick<CoreSettings, 'fieldMap' | 'stageAliases'>;
  today: CalendarDate;
  /** The folder setting; empty: where most applications are, else `Job applications`. */
  folder?: string;
  /** True when a note (any case) is at this vault-relative path already. */
  taken: (path: string) => boolean;
  /** The person's template note: its text and its frontmatter as the host parsed it. */
  template?: { text: string; frontmatter: unknown };
}

export type PlannedApplication =
  | { ok: true; path: string; content: string; title: string; folder: string }
  | { ok: false; message: string };

/** Past this, a vault has more notes of one name than anyone keeps: something else is wrong. */
const MAX_TRIES = 1000;

/** Where a new application goes: the setting, else the vault's usual folder, else the default. */
export function applicationsFolder(setting: string | undefined, schema: VaultSchema): string {
  const own = safeFolderPath(setting ?? '');
  if (own !== '') return own;
  return schema.folder !== undefined ? safeFolderPath(schema.folder) : DEFAULT_APPLICATIONS_FOLDER;
}

/** `Company - Role`, as a file name every system accepts, and the first free path for it. */
export function freeNotePath(folder: string, title: string, taken: (path: string) => boolean): string | undefined {
  const base = safeFileName(title);
  const prefix = folder === '' ? '' : `${folder}/`;
  for (let n = 1; n <= MAX_TRIES; n++) {
    const path = `${prefix}${n === 1 ? base : `${base} ${n}`}.md`;
    if (!taken(path)) return path;
  }
  return undefined;
}

/** Meanings of the template's own fields, so its spelling of each is the one filled in. */
const MEANING_OF: Partial<Record<WrittenField, FieldMeaning>> = {
  stage: 'stage', company: 'company', role: 'role', applied: 'applied', hiringManager: 'hiringManager', recruiter: 'recruiter',
};

function fieldName(field: WrittenField, ctx: NewApplicationContext): string {
  const meaning = MEANING_OF[field];
  const template = ctx.template?.frontmatter;
  if (meaning && isRecord(template)) {
    const own = findIn(fieldIndex(template), meaning, ctx.settings.fieldMap);
    if (own) return own.key;
  }
  return ctx.schema.fields[field];
}

/**
 * `{{title}}`, `{{date}}`, `{{company}}` and `{{role}}` (Obsidian's Templates syntax) in the
 * template's body, escaped so a name reads as text; its frontmatter gets the values as fields instead.
 */
function fillBody(text: string, values: Record<string, string>): string {
  const frontmatter = /^\uFEFF?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text)?.[0] ?? '';
  const body = text.slice(frontmatter.length).replace(/\{\{\s*(title|date|company|role)\s*\}\}/g, (_, name: string) => escapeMarkdown(values[name] ?? ''));
  return frontmatter + body;
}

/**
 * Plans the note. Refused, with one line and nothing to write, when company or role is missing,
 * the stage is not a stage word, or the applied date is not a calendar date.
 */
export function planNewApplication(input: NewApplication, ctx: NewApplicationContext): PlannedApplication {
  const company = oneLine(input.company ?? '');
  const role = oneLine(input.role ?? '');
  if (company === '' || role === '') return { ok: false, message: `a new application needs ${company === '' ? 'a company' : 'a role'}` };
  const stageWord = oneLine(input.stage ?? '') || ctx.schema.stageWords.wishlist;
  const stage = stageFromWord(stageWord, ctx.schema, ctx.settings);
  if (!stage.ok) return stage;
  const appliedInput = oneLine(input.applied ?? '');
  if (appliedInput !== '' && !isDay(appliedInput)) return { ok: false, message: `applied date "${appliedInput}" is not a calendar date (YYYY-MM-DD)` };
  const applied = appliedInput || (stage.stage === 'wishlist' ? undefined : ctx.today);

  const title = `${company} - ${role}`;
  const folder = applicationsFolder(ctx.folder, ctx.schema);
  const path = freeNotePath(folder, title, ctx.taken);
  if (!path) return { ok: false, message: `no free name for "${title}" in ${folder || 'the vault'}` };

  const edits: FrontmatterEdit[] = [];
  const set = (field: WrittenField, value: string | undefined): void => {
    const text = oneLine(value ?? '');
    if (text !== '') edits.push({ kind: 'set', key: fieldName(field, ctx), value: text });
  };
  set('company', company);
  set('role', role);
  set('stage', stage.word);
  set('applied', applied);
  set('hiringManager', input.hiringManager);
  set('recruiter', input.recruiter);
  set('url', input.url);
  // The stage was reached on the day it was applied, when that is the stage; else today.
  const reached = stage.stage === 'applied' && applied ? applied : ctx.today;
  edits.push({ kind: 'append', key: ctx.schema.fields.history, item: `${reached}: ${stage.word}` });
  const fileName = path.slice(path.lastIndexOf('/') + 1, -3);
  // A name that had to change keeps the original as an alias, so links and search still find it.
  if (fileName !== title) edits.push({ kind: 'append', key: 'aliases', item: title });
  // A template carries its own tags; without one, the vault's marker tag (or the default).
  if (!ctx.template && ctx.schema.tag) edits.push({ kind: 'append', key: 'tags', item: ctx.schema.tag });

  const values = { title, date: ctx.today, company, role };
  // The heading is the title as typed, escaped so a name never reads as Markdown or HTML.
  const start = ctx.template ? fillBody(ctx.template.text, values) : `# ${escapeMarkdown(title)}\n\n`;
  const edited = editFrontmatter(start, edits);
  if (!edited.ok) return { ok: false, message: `the template note cannot take the fields: ${edited.message}` };
  return { ok: true, path, content: edited.text, title, folder };
}
