// Optional per-vault settings for the command-line tool: `.job-hunt-advisor.json` at the vault's
// root. Command-line options win over it; it wins over the defaults.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIELD_ALIASES } from '../core/fields';
import { DEFAULT_CORE_SETTINGS, STAGES } from '../core/model';
import type { CoreSettings, FieldMeaning, Stage } from '../core/model';
import type { Placement } from './args';
import { CONFIG_FILE, describeFsError } from './vault';
import { isRecord } from '../core/people';

export interface CliSettings extends CoreSettings {
  calloutPlacement: Placement;
  /** Where `new` puts applications; empty: where most of them are, else "Job applications". */
  applicationsFolder: string;
  /** A vault-relative note `new` starts from; empty: none. */
  templateNote: string;
}

/** The config file is wrong: exit 2, one line naming the file and the key. */
export class ConfigProblem extends Error {}

const FIELD_MEANINGS = Object.keys(FIELD_ALIASES);

const KEYS = ['fieldMap', 'stageAliases', 'connectionNoteLimit', 'tasksFolder', 'yourName', 'calloutPlacement', 'applicationsFolder', 'templateNote'];


export function defaultCliSettings(): CliSettings {
  return { ...DEFAULT_CORE_SETTINGS, fieldMap: {}, stageAliases: {}, calloutPlacement: 'top', applicationsFolder: '', templateNote: '' };
}

/** Reads the vault's config file, when there is one. */
export function loadSettings(vaultRoot: string): CliSettings {
  const settings = defaultCliSettings();
  const file = path.join(vaultRoot, CONFIG_FILE);
  if (!fs.existsSync(file)) return settings;
  const fail = (message: string): never => {
    throw new ConfigProblem(`${file}: ${message}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(error instanceof SyntaxError ? `not valid JSON (${error.message})` : describeFsError(error));
  }
  if (!isRecord(data)) return fail('should hold a JSON object');
  for (const key of Object.keys(data)) {
    if (!KEYS.includes(key)) fail(`unknown setting "${key}" (settings: ${KEYS.join(', ')})`);
  }
  const { fieldMap, stageAliases, connectionNoteLimit, tasksFolder, yourName, calloutPlacement, applicationsFolder, templateNote } = data;
  for (const [key, value] of [['applicationsFolder', applicationsFolder], ['templateNote', templateNote]] as const) {
    if (value === undefined) continue;
    if (typeof value !== 'string') fail(`"${key}" should be a vault-relative path`);
    settings[key] = value as string;
  }
  if (fieldMap !== undefined) {
    if (!isRecord(fieldMap)) fail('"fieldMap" should map meanings to field names');
    for (const [meaning, name] of Object.entries(fieldMap as Record<string, unknown>)) {
      if (!FIELD_MEANINGS.includes(meaning)) {
        fail(`fieldMap: "${meaning}" is not a field meaning (meanings: ${FIELD_MEANINGS.join(', ')})`);
      }
      if (typeof name !== 'string' || name.trim() === '') fail(`fieldMap.${meaning} should be a field name`);
      settings.fieldMap[meaning as FieldMeaning] = name as string;
    }
  }
  if (stageAliases !== undefined) {
    if (!isRecord(stageAliases)) fail('"stageAliases" should map your stage words to stages');
    for (const [word, stage] of Object.entries(stageAliases as Record<string, unknown>)) {
      if (!(STAGES as readonly unknown[]).includes(stage)) {
        fail(`stageAliases: "${word}" should map to one of ${STAGES.join(', ')}`);
      }
      settings.stageAliases[word] = stage as Stage;
    }
  }
  if (connectionNoteLimit !== undefined) {
    if (typeof connectionNoteLimit !== 'number' || !Number.isInteger(connectionNoteLimit) || connectionNoteLimit < 50 || connectionNoteLimit > 3000) {
      fail('"connectionNoteLimit" should be a whole number between 50 and 3000');
    }
    settings.connectionNoteLimit = connectionNoteLimit as number;
  }
  if (tasksFolder !== undefined) {
    if (typeof tasksFolder !== 'string' || tasksFolder.trim() === '') fail('"tasksFolder" should be a folder path');
    settings.tasksFolder = tasksFolder as string;
  }
  if (yourName !== undefined) {
    if (typeof yourName !== 'string') fail('"yourName" should be text');
    settings.yourName = yourName as string;
  }
  if (calloutPlacement !== undefined) {
    if (calloutPlacement !== 'top' && calloutPlacement !== 'end') fail('"calloutPlacement" should be "top" or "end"');
    settings.calloutPlacement = calloutPlacement as Placement;
  }
  return settings;
}
