// Every setting once: its default, its bounds and what it means, for every host (plugin data.json,
// the CLI's .job-hunt-advisor.json and its options, the settings tab). One function checks a value
// against this table, so an out-of-range value gets the same message wherever it was written.
import { FIELD_MEANINGS, STAGES } from './model';
import type { CoreSettings, FieldMeaning, Stage } from './model';
import { isRecord } from './fields';

export type CalloutPlacement = 'top' | 'end';

/** Everything a person can set. The core reads the CoreSettings part; hosts read the rest. */
export interface Settings extends CoreSettings {
  /** Create the planned follow-up task notes by themselves (plugin). */
  autoCreate: boolean;
  /** "ask" until the person has answered the first-run question about automatic creation (plugin). */
  autoCreateConsent: 'ask' | 'answered';
  /** Where a new advice callout goes. */
  calloutPlacement: CalloutPlacement;
  /** Write the callout folded (`[!job-hunt-advice]-`), so the person's own text stays in view. */
  calloutFolded: boolean;
  /** Also append a Tasks-plugin line to the application note for each task note created. */
  tasksLines: boolean;
  /** After this many days without an answer, an application is listed as waiting too long. */
  waitingTooLongDays: number;
  /** A vault-relative note a new application starts from; empty: none. */
  templateNote: string;
  /** Where a new application goes; empty: the folder most applications are in, else "Job applications". */
  newApplicationsFolder: string;
}

export type SettingKey = keyof Settings;

type Rule<T> = { label: string; default: T } & (
  | { kind: 'whole'; min: number; max: number }
  /** `empty`: whether blank text is a valid value (else it is a problem). */
  | { kind: 'text'; empty: boolean }
  /** A tag, stored without its `#`. */
  | { kind: 'tag' }
  | { kind: 'yes-no' }
  | { kind: 'choice'; choices: readonly T[] }
  | { kind: 'field-names' }
  | { kind: 'stage-words' }
  /** A list of expert ids (or names); a pack's experts are only known once the pack is read. */
  | { kind: 'experts' }
);

/** The table. */
export const SETTINGS: { readonly [K in SettingKey]: Rule<Settings[K]> } = {
  tasksFolder: { label: 'Tasks folder', kind: 'text', empty: false, default: 'Job hunt tasks' },
  autoCreate: { label: 'Create follow-up tasks automatically', kind: 'yes-no', default: true },
  autoCreateConsent: { label: 'Asked before creating tasks automatically', kind: 'choice', choices: ['ask', 'answered'], default: 'ask' },
  tasksLines: { label: 'Checklist line in the application note', kind: 'yes-no', default: false },
  applicationScope: {
    label: 'Which notes are applications',
    kind: 'choice',
    choices: ['any-note-with-stage', 'folder', 'tag'],
    default: 'any-note-with-stage',
  },
  applicationsFolder: { label: 'Applications folder', kind: 'text', empty: true, default: '' },
  applicationsTag: { label: 'Applications tag', kind: 'tag', default: 'job-application' },
  fieldMap: { label: 'Field names', kind: 'field-names', default: {} },
  stageAliases: { label: 'Extra stage words', kind: 'stage-words', default: {} },
  calloutPlacement: { label: 'Where the callout goes', kind: 'choice', choices: ['top', 'end'], default: 'top' },
  calloutFolded: { label: 'Write the callout folded', kind: 'yes-no', default: true },
  connectionNoteLimit: { label: 'Connection note length limit', kind: 'whole', min: 50, max: 3000, default: 200 },
  yourName: { label: 'Your name', kind: 'text', empty: true, default: '' },
  dateOrder: { label: 'Date order', kind: 'choice', choices: ['auto', 'YMD', 'MDY', 'DMY'], default: 'auto' },
  waitingTooLongDays: { label: 'Waiting too long after (days)', kind: 'whole', min: 1, max: 365, default: 14 },
  templateNote: { label: 'Template for new applications', kind: 'text', empty: true, default: '' },
  newApplicationsFolder: { label: 'Folder for new applications', kind: 'text', empty: true, default: '' },
  packsFolder: { label: 'Advice pack folder', kind: 'text', empty: true, default: 'Job hunt advice' },
  expertsOff: { label: 'Experts switched off', kind: 'experts', default: [] },
};

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** What each field meaning is called where a person sets its field name. */
export const FIELD_MEANING_LABELS: Record<FieldMeaning, string> = {
  stage: 'Stage',
  company: 'Company',
  role: 'Role',
  applied: 'Date applied',
  interview: 'Interviews',
  decision: 'Decision date',
  followUp: 'Your own follow-up date',
  hiringManager: 'Hiring manager',
  recruiter: 'Recruiter',
  interviewers: 'Interviewers',
  contacts: 'Contacts',
  connected: 'Already connected',
};

/** Fresh defaults (the maps are new objects, so changing one setting never changes the table). */
export function defaultSettings(): Settings {
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const value: unknown = SETTINGS[key].default;
    out[key] = isRecord(value) ? { ...value } : Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  return out as unknown as Settings;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = defaultSettings();

export type SettingCheck<K extends SettingKey> = { ok: true; value: Settings[K] } | { ok: false; message: string };

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'a set of fields' : typeof value;
}

/**
 * Checks one value against the table: the value to keep (trimmed, a tag without `#`), or one
 * line saying what is wrong, naming the setting by its label and its key.
 */
export function checkSetting<K extends SettingKey>(key: K, value: unknown): SettingCheck<K> {
  const rule = SETTINGS[key] as Rule<unknown>;
  const name = `${rule.label} (${key})`;
  const fail = (should: string, was: unknown = value): SettingCheck<K> => ({ ok: false, message: `${name} must be ${should}, not ${shown(was)}` });
  const ok = (v: unknown): SettingCheck<K> => ({ ok: true, value: v as Settings[K] });
  switch (rule.kind) {
    case 'whole': {
      // Typed into a text box or on a command line: digits are a number, and named as one.
      const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < rule.min || n > rule.max) {
        return fail(`a whole number from ${rule.min} to ${rule.max}`, n);
      }
      return ok(n);
    }
    case 'text':
      if (typeof value !== 'string') return fail('text');
      if (!rule.empty && value.trim() === '') return fail('a folder path');
      return ok(value.trim());
    case 'tag':
      if (typeof value !== 'string') return fail('a tag');
      return ok(value.trim().replace(/^#/, ''));
    case 'yes-no':
      return typeof value === 'boolean' ? ok(value) : fail('true or false');
    case 'choice':
      return rule.choices.includes(value) ? ok(value) : fail(`one of ${rule.choices.map((c) => `"${String(c)}"`).join(', ')}`);
    case 'field-names': {
      if (!isRecord(value)) return fail('a map from field meanings to your field names');
      const map: Partial<Record<FieldMeaning, string>> = {};
      for (const [meaning, field] of Object.entries(value)) {
        if (!(FIELD_MEANINGS as readonly string[]).includes(meaning)) {
          return { ok: false, message: `${name}: "${meaning}" is not a field meaning (meanings: ${FIELD_MEANINGS.join(', ')})` };
        }
        if (typeof field !== 'string') return { ok: false, message: `${name}: ${meaning} must be a field name, not ${shown(field)}` };
        if (field.trim() !== '') map[meaning as FieldMeaning] = field.trim();
      }
      return ok(map);
    }
    case 'stage-words': {
      if (!isRecord(value)) return fail('a map from your stage words to stages');
      const aliases: Record<string, Stage> = {};
      for (const [word, stage] of Object.entries(value)) {
        if (!(STAGES as readonly unknown[]).includes(stage)) {
          return { ok: false, message: `${name}: "${word}" must map to one of ${STAGES.join(', ')}, not ${shown(stage)}` };
        }
        if (word.trim() !== '') aliases[word.trim()] = stage as Stage;
      }
      return ok(aliases);
    }
    case 'experts': {
      if (!Array.isArray(value)) return fail('a list of expert ids or names');
      const ids: string[] = [];
      for (const id of value) {
        if (typeof id !== 'string' || id.trim() === '') return { ok: false, message: `${name}: every entry must be an expert's id or name, not ${shown(id)}` };
        if (!ids.includes(id.trim())) ids.push(id.trim());
      }
      return ok(ids);
    }
  }
}

export interface SettingsReading {
  settings: Settings;
  /** Values that were there but wrong: each replaced by its default. */
  problems: { key: SettingKey; message: string }[];
  /** Keys the table does not know (a typo, or an older version's setting). */
  unknown: string[];
}

/**
 * Settings from stored data (JSON): each known key checked, a wrong value replaced by its default
 * and said so. Missing data (first run) is all defaults, without a problem.
 */
export function readSettings(raw: unknown): SettingsReading {
  const reading: SettingsReading = { settings: defaultSettings(), problems: [], unknown: [] };
  if (!isRecord(raw)) return reading;
  const target = reading.settings as unknown as Record<SettingKey, unknown>;
  for (const [key, value] of Object.entries(raw)) {
    if (!(SETTING_KEYS as string[]).includes(key)) {
      reading.unknown.push(key);
      continue;
    }
    const check = checkSetting(key as SettingKey, value);
    if (check.ok) target[key as SettingKey] = check.value;
    else reading.problems.push({ key: key as SettingKey, message: check.message });
  }
  return reading;
}
