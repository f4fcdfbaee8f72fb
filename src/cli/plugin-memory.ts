// What the Obsidian plugin remembers having created, read (never written) so the command-line tool
// does not bring back a task note the person deleted after the plugin made it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRecord } from '../core/people';
import { readRegularText } from './vault';

const PLUGIN_ID = 'job-hunt-advisor';


/**
 * Follow-up ids in the plugin's data.json (`generated: {application path: [{id, ...}]}`), from
 * every hidden folder of the vault's root that holds the plugin: Obsidian's configuration folder
 * can be renamed. Anything unreadable counts as nothing remembered.
 */
export function idsRememberedByPlugin(vaultRoot: string): Set<string> {
  const ids = new Set<string>();
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(vaultRoot, { withFileTypes: true });
  } catch {
    return ids;
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith('.')) continue;
    const file = path.join(vaultRoot, entry.name, 'plugins', PLUGIN_ID, 'data.json');
    let data: unknown;
    try {
      data = JSON.parse(readRegularText(file));
    } catch {
      continue;
    }
    const generated = isRecord(data) ? data.generated : undefined;
    if (!isRecord(generated)) continue;
    for (const list of Object.values(generated)) {
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        if (isRecord(item) && typeof item.id === 'string') ids.add(item.id.toLowerCase());
      }
    }
  }
  return ids;
}
