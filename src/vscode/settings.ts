// The settings as VS Code configuration. Read with workspace.getConfiguration, checked against the
// same bounds as the other hosts; a value out of bounds falls back to the default.
import { FIELD_ALIASES } from '../core/fields';
import { DEFAULT_CORE_SETTINGS, STAGES } from '../core/model';
import type { CoreSettings, FieldMeaning, Stage } from '../core/model';

export interface HostSettings extends CoreSettings {
  calloutPlacement: 'top' | 'end';
}

export interface VsCodeSetting {
  key: keyof HostSettings;
  /** JSON schema of the configuration property. */
  schema: Record<string, unknown>;
}

const CONNECTION_NOTE_BOUNDS = { minimum: 50, maximum: 3000 };

export const VSCODE_SETTINGS: VsCodeSetting[] = [
  {
    key: 'tasksFolder',
    schema: { type: 'string', default: DEFAULT_CORE_SETTINGS.tasksFolder, markdownDescription: 'Folder, relative to the workspace folder, where follow-up task notes are created. Never outside the workspace.' },
  },
  {
    key: 'calloutPlacement',
    schema: { type: 'string', enum: ['top', 'end'], default: 'top', markdownDescription: 'Where the advice callout goes in a note: after the frontmatter, or at the end.' },
  },
  {
    key: 'connectionNoteLimit',
    schema: { type: 'integer', default: DEFAULT_CORE_SETTINGS.connectionNoteLimit, ...CONNECTION_NOTE_BOUNDS, markdownDescription: 'Character limit of a LinkedIn connection note (200 on free accounts).' },
  },
  {
    key: 'yourName',
    schema: { type: 'string', default: '', markdownDescription: 'Your name, to sign drafts. Empty: drafts end with a placeholder.' },
  },
  {
    key: 'fieldMap',
    schema: {
      type: 'object',
      default: {},
      propertyNames: { enum: Object.keys(FIELD_ALIASES) },
      additionalProperties: { type: 'string' },
      markdownDescription: 'Your own frontmatter field names, by meaning (for example `{"stage": "pipeline"}`).',
    },
  },
  {
    key: 'stageAliases',
    schema: {
      type: 'object',
      default: {},
      additionalProperties: { type: 'string', enum: [...STAGES] },
      markdownDescription: 'Your own stage words, mapped to a stage (for example `{"Phone screen": "screening"}`).',
    },
  },
];

/** Anything with a `get`, like a WorkspaceConfiguration. */
export interface ConfigurationReader {
  get<T>(key: string): T | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The settings, each value checked: a wrong type or an out-of-bounds number gives the default. */
export function readHostSettings(config: ConfigurationReader): HostSettings {
  const tasksFolder = config.get<unknown>('tasksFolder');
  const limit = config.get<unknown>('connectionNoteLimit');
  const yourName = config.get<unknown>('yourName');
  const fieldMap: Partial<Record<FieldMeaning, string>> = {};
  const rawMap = config.get<unknown>('fieldMap');
  if (isRecord(rawMap)) {
    for (const [meaning, name] of Object.entries(rawMap)) {
      if (meaning in FIELD_ALIASES && typeof name === 'string' && name.trim() !== '') fieldMap[meaning as FieldMeaning] = name.trim();
    }
  }
  const stageAliases: Record<string, Stage> = {};
  const rawAliases = config.get<unknown>('stageAliases');
  if (isRecord(rawAliases)) {
    for (const [word, stage] of Object.entries(rawAliases)) {
      if (typeof stage === 'string' && (STAGES as readonly string[]).includes(stage) && word.trim() !== '') stageAliases[word.trim()] = stage as Stage;
    }
  }
  const folder = typeof tasksFolder === 'string' ? tasksFolder.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '').trim() : '';
  return {
    tasksFolder: folder || DEFAULT_CORE_SETTINGS.tasksFolder,
    calloutPlacement: config.get<unknown>('calloutPlacement') === 'end' ? 'end' : 'top',
    connectionNoteLimit:
      typeof limit === 'number' && Number.isInteger(limit) && limit >= CONNECTION_NOTE_BOUNDS.minimum && limit <= CONNECTION_NOTE_BOUNDS.maximum
        ? limit
        : DEFAULT_CORE_SETTINGS.connectionNoteLimit,
    yourName: typeof yourName === 'string' ? yourName : '',
    fieldMap,
    stageAliases,
  };
}
