// What the Obsidian plugin remembers having created, read (never written) so the command-line tool
// does not bring back a task note the person deleted after the plugin made it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRecord } from '../core/people';
import { readRegularText } from './vault';

const PLUGIN_ID = 'job-hunt-advisor';

/** An application's path with a follow-up's title, as one key. */
export function applicationTitleKey(application: string, title: string): string {
  return `${application}\u0000${title.trim()}`;
}


/**
 * Follow-up ids in the plugin's data.json (`generated: {application path: [{id, ...}]}`), from
 * every hidden folder of the vault's root that holds the plugin: Obsidian's configuration folder
 * can be renamed. Anything unreadable counts as nothing remembered. `titles` gets each entry's
 * application and title (applicationTitleKey), which follow renames as ids do not.
 */
export function idsRememberedByPlugin(vaultRoot: string, titles?: Set<string>): Set<string> {
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
    for (const [application, list] of Object.entries(generated)) {
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        if (isRecord(item) && typeof item.id === 'string') ids.add(item.id.toLowerCase());
        // The plugin moves its record when the application is renamed (the id does not follow).
        if (isRecord(item) && typeof item.title === 'string') titles?.add(applicationTitleKey(application, item.title));
      }
    }
  }
  return ids;
}
