// The settings as VS Code configuration, made from the core's one table (src/core/settings.ts):
// the same keys, defaults and bounds as the plugin and the command-line tool. A workspace folder's
// own `.job-hunt-advisor.json` (the file the CLI reads) is honoured too, so the CLI and VS Code
// agree on one folder; a value set in VS Code wins over it. Every value is checked by the table.
import { FIELD_MEANINGS, STAGES } from '../core/model';
import { checkSetting, defaultSettings, SETTINGS } from '../core/settings';
import type { SettingKey, Settings } from '../core/settings';
import { isRecord } from '../core/fields';

export type HostSettings = Settings;

/** The settings that mean something in VS Code (the others are the Obsidian plugin's own). */
export const VSCODE_SETTING_KEYS = [
  'tasksFolder',
  'calloutPlacement',
  'calloutFolded',
  'connectionNoteLimit',
  'waitingTooLongDays',
  'yourName',
  'fieldMap',
  'stageAliases',
  'newApplicationsFolder',
  'templateNote',
  'applicationScope',
  'applicationsFolder',
  'applicationsTag',
  'expertsOff',
  'packsFolder',
] as const satisfies readonly SettingKey[];

/** What VS Code's settings editor adds to the table's label. */
const NOTES: Partial<Record<SettingKey, string>> = {
  tasksFolder: 'Relative to the workspace folder; never outside it.',
  fieldMap: 'Your own frontmatter field names, by meaning, for example `{"stage": "pipeline"}`.',
  stageAliases: 'Your own stage words, each mapped to a stage, for example `{"Phone screen": "screening"}`.',
  newApplicationsFolder: 'Relative to the workspace folder. Empty: where most of your applications are.',
  templateNote: 'A note, relative to the workspace folder, that new applications start from.',
  applicationScope: 'Any note with a stage field, only those in the applications folder, or only those with the applications tag.',
  applicationsFolder: 'With the folder scope: relative to the workspace folder, and below.',
  applicationsTag: 'With the tag scope: in the `tags` property or as `#tag` in the text (without the `#` here).',
  packsFolder: 'Relative to the workspace folder: one note per expert of your own (the README, "Advice packs"). Empty: no pack.',
  expertsOff: 'Each by id or name, for example `["craig-rosen", "Rita Okafor"]`: they no longer vote in the verdict or back any advice.',
};

type AnyRule = { label: string; default: unknown } & (
  | { kind: 'whole'; min: number; max: number }
  | { kind: 'text'; empty: boolean }
  | { kind: 'tag' }
  | { kind: 'yes-no' }
  | { kind: 'choice'; choices: readonly unknown[] }
  | { kind: 'field-names' }
  | { kind: 'stage-words' }
  | { kind: 'experts' }
);

/** The JSON schema of one setting, from its rule in the table. */
export function configurationSchema(key: SettingKey): Record<string, unknown> {
  const rule = SETTINGS[key] as AnyRule;
  const description = [rule.label, NOTES[key]].filter(Boolean).join('. ');
  const base = { default: rule.default, markdownDescription: description };
  switch (rule.kind) {
    case 'whole':
      return { type: 'integer', minimum: rule.min, maximum: rule.max, ...base };
    case 'text':
      return rule.empty ? { type: 'string', ...base } : { type: 'string', minLength: 1, ...base };
    case 'tag':
      return { type: 'string', ...base };
    case 'yes-no':
      return { type: 'boolean', ...base };
    case 'choice':
      return { type: 'string', enum: [...rule.choices], ...base };
    case 'field-names':
      return { type: 'object', propertyNames: { enum: [...FIELD_MEANINGS] }, additionalProperties: { type: 'string' }, ...base };
    case 'stage-words':
      return { type: 'object', additionalProperties: { type: 'string', enum: [...STAGES] }, ...base };
    case 'experts':
      return { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, ...base };
  }
}

/** What `WorkspaceConfiguration.inspect` tells: only values the person set count. */
export interface ConfigurationReader {
  inspect(key: string): { workspaceFolderValue?: unknown; workspaceValue?: unknown; globalValue?: unknown } | undefined;
}

export interface HostSettingsReading {
  settings: HostSettings;
  /** One line per wrong value (it was replaced by its default). */
  problems: string[];
}

/**
 * The settings for one workspace folder: the table's defaults, then the folder's
 * `.job-hunt-advisor.json` (its text, when there is one), then what was set in VS Code.
 */
export function readHostSettings(config: ConfigurationReader, folderFile?: { name: string; text: string }): HostSettingsReading {
  const settings = defaultSettings();
  const problems: string[] = [];
  const target = settings as unknown as Record<SettingKey, unknown>;
  const take = (key: SettingKey, value: unknown, where: string): void => {
    const check = checkSetting(key, value);
    if (check.ok) target[key] = check.value;
    else problems.push(`${where}: ${check.message}`);
  };
  if (folderFile) {
    let data: unknown;
    try {
      data = JSON.parse(folderFile.text.replace(/^\uFEFF/, ''));
    } catch (error) {
      problems.push(`${folderFile.name}: not valid JSON (${error instanceof Error ? error.message : String(error)}); its settings are not used`);
    }
    if (isRecord(data)) {
      for (const [key, value] of Object.entries(data)) {
        if ((VSCODE_SETTING_KEYS as readonly string[]).includes(key)) take(key as SettingKey, value, folderFile.name);
      }
    }
  }
  for (const key of VSCODE_SETTING_KEYS) {
    const set = config.inspect(key);
    const value = set?.workspaceFolderValue ?? set?.workspaceValue ?? set?.globalValue;
    if (value !== undefined) take(key, value, `Setting jobHuntAdvisor.${key}`);
  }
  settings.tasksFolder = settings.tasksFolder.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  return { settings, problems };
}
