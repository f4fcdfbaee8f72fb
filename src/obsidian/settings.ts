// The plugin's settings and what it remembers between sessions, as stored in data.json. Everything
// read back from disk is checked field by field: a hand-edited or older data.json never breaks loading.
import { DEFAULT_CORE_SETTINGS, STAGES } from '../core/model';
import type { CalendarDate, CoreSettings, FieldMeaning, FollowUpKind, Stage } from '../core/model';

/** Which notes count as applications. Every one of them still needs a stage field to be read. */
export type ApplicationScope = 'any-note-with-stage' | 'folder' | 'tag';

export interface PluginSettings {
  tasksFolder: string;
  /** Create the planned follow-up task notes by themselves. */
  autoCreate: boolean;
  applicationScope: ApplicationScope;
  applicationsFolder: string;
  /** Without the `#`. */
  applicationsTag: string;
  fieldMap: Partial<Record<FieldMeaning, string>>;
  stageAliases: Record<string, Stage>;
  calloutPlacement: 'top' | 'end';
  connectionNoteLimit: number;
  /** Also append a Tasks-plugin line to the application note for each task note created. */
  tasksLines: boolean;
  yourName: string;
  /** After this many days without an answer, an application is listed as waiting too long. */
  waitingTooLongDays: number;
}

export const DEFAULT_SETTINGS: PluginSettings = {
  tasksFolder: DEFAULT_CORE_SETTINGS.tasksFolder,
  autoCreate: true,
  applicationScope: 'any-note-with-stage',
  applicationsFolder: '',
  applicationsTag: 'job-application',
  fieldMap: {},
  stageAliases: {},
  calloutPlacement: 'top',
  connectionNoteLimit: DEFAULT_CORE_SETTINGS.connectionNoteLimit,
  tasksLines: false,
  yourName: '',
  waitingTooLongDays: 14,
};

/** A follow-up task note this plugin created once, remembered so it is never created again. */
export interface GeneratedFollowUp {
  id: string;
  kind: FollowUpKind;
  /** Title when created: after a rename of the application its id changes, its kind and title don't. */
  title: string;
  /** Where the task note was created. */
  path: string;
  created: CalendarDate;
  /** True once a Tasks-plugin line for it was appended to the application note. */
  line?: boolean;
}

export interface PluginData {
  settings: PluginSettings;
  /** Application note path -> the follow-ups generated for it. Follows renames. */
  generated: Record<string, GeneratedFollowUp[]>;
}

export const FIELD_MEANINGS: FieldMeaning[] = [
  'stage', 'company', 'role', 'applied', 'interview', 'decision', 'followUp', 'hiringManager', 'recruiter',
  'interviewers', 'contacts', 'connected',
];

export function toCoreSettings(s: PluginSettings): CoreSettings {
  return {
    fieldMap: s.fieldMap,
    stageAliases: s.stageAliases,
    connectionNoteLimit: s.connectionNoteLimit,
    tasksFolder: s.tasksFolder,
    yourName: s.yourName,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function whole(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

function readSettings(raw: unknown): PluginSettings {
  const r = isRecord(raw) ? raw : {};
  const d = DEFAULT_SETTINGS;
  const fieldMap: PluginSettings['fieldMap'] = {};
  if (isRecord(r.fieldMap)) {
    for (const meaning of FIELD_MEANINGS) {
      const name = r.fieldMap[meaning];
      if (typeof name === 'string' && name.trim() !== '') fieldMap[meaning] = name.trim();
    }
  }
  const stageAliases: Record<string, Stage> = {};
  if (isRecord(r.stageAliases)) {
    for (const [word, stage] of Object.entries(r.stageAliases)) if (isStage(stage) && word.trim() !== '') stageAliases[word.trim()] = stage;
  }
  const scopes: ApplicationScope[] = ['any-note-with-stage', 'folder', 'tag'];
  return {
    tasksFolder: text(r.tasksFolder, d.tasksFolder).trim() || d.tasksFolder,
    autoCreate: typeof r.autoCreate === 'boolean' ? r.autoCreate : d.autoCreate,
    applicationScope: scopes.find((s) => s === r.applicationScope) ?? d.applicationScope,
    applicationsFolder: text(r.applicationsFolder, d.applicationsFolder),
    applicationsTag: text(r.applicationsTag, d.applicationsTag).replace(/^#/, ''),
    fieldMap,
    stageAliases,
    calloutPlacement: r.calloutPlacement === 'end' ? 'end' : 'top',
    connectionNoteLimit: whole(r.connectionNoteLimit, d.connectionNoteLimit, 20, 3000),
    tasksLines: typeof r.tasksLines === 'boolean' ? r.tasksLines : d.tasksLines,
    yourName: text(r.yourName, d.yourName),
    waitingTooLongDays: whole(r.waitingTooLongDays, d.waitingTooLongDays, 1, 365),
  };
}

function readGenerated(raw: unknown): Record<string, GeneratedFollowUp[]> {
  const out: Record<string, GeneratedFollowUp[]> = {};
  if (!isRecord(raw)) return out;
  for (const [path, list] of Object.entries(raw)) {
    if (!Array.isArray(list)) continue;
    const entries: GeneratedFollowUp[] = [];
    for (const item of list) {
      if (!isRecord(item) || typeof item.id !== 'string' || typeof item.kind !== 'string') continue;
      const entry: GeneratedFollowUp = {
        id: item.id,
        kind: item.kind as FollowUpKind,
        title: text(item.title, ''),
        path: text(item.path, ''),
        created: text(item.created, ''),
      };
      if (item.line === true) entry.line = true;
      entries.push(entry);
    }
    if (entries.length > 0) out[path] = entries;
  }
  return out;
}

/** Whatever loadData() returned (null on first run), as valid plugin data. */
export function readPluginData(raw: unknown): PluginData {
  const r = isRecord(raw) ? raw : {};
  return { settings: readSettings(r.settings), generated: readGenerated(r.generated) };
}
