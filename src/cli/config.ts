// Optional per-vault settings for the command-line tool: `.job-hunt-advisor.json` at the vault's
// root. Command-line options win over it; it wins over the defaults.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRecord } from '../core/fields';
import { checkSetting, defaultSettings } from '../core/settings';
import type { SettingKey, Settings } from '../core/settings';
import { CONFIG_FILE, describeFsError, readRegularText } from './vault';

/** The config file is wrong: exit 2, one line naming the file and the key. */
export class ConfigProblem extends Error {}

/** The settings the command-line tool reads (the others are the plugin's own). */
const KEYS: readonly SettingKey[] = [
  'fieldMap', 'stageAliases', 'connectionNoteLimit', 'tasksFolder', 'yourName', 'calloutPlacement', 'newApplicationsFolder', 'templateNote',
  'dateOrder', 'packsFolder', 'applicationScope', 'applicationsFolder', 'applicationsTag', 'expertsOff',
];

/** Reads the vault's config file, when there is one. Every value is checked by the core's settings table. */
export function loadSettings(vaultRoot: string): Settings {
  const settings = defaultSettings();
  const file = path.join(vaultRoot, CONFIG_FILE);
  if (!fs.existsSync(file)) return settings;
  const fail = (message: string): never => {
    throw new ConfigProblem(`${file}: ${message}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(readRegularText(file).replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(error instanceof SyntaxError ? `not valid JSON (${error.message})` : describeFsError(error));
  }
  if (!isRecord(data)) return fail('should hold a JSON object');
  const target = settings as unknown as Record<SettingKey, unknown>;
  for (const [key, value] of Object.entries(data)) {
    if (!(KEYS as readonly string[]).includes(key)) fail(`unknown setting "${key}" (settings: ${KEYS.join(', ')})`);
    const check = checkSetting(key as SettingKey, value);
    if (!check.ok) fail(check.message);
    else target[key as SettingKey] = check.value;
  }
  return settings;
}
