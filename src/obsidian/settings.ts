// The plugin's settings and what it remembers between sessions, as stored in data.json. Everything
// read back from disk is checked field by field: a hand-edited or older data.json never breaks loading.
import type { CalendarDate, FollowUpKind } from '../core/model';
import { isRecord } from '../core/people';
import { readSettings } from '../core/settings';
import type { Settings } from '../core/settings';

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
  settings: Settings;
  /** Application note path -> the follow-ups generated for it. Follows renames. */
  generated: Record<string, GeneratedFollowUp[]>;
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
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

/**
 * Whatever loadData() returned (null on first run), as valid plugin data, and what was wrong in its
 * settings (each wrong value replaced by its default).
 */
export function readPluginData(raw: unknown): { data: PluginData; problems: string[] } {
  const r = isRecord(raw) ? raw : {};
  const { settings, problems } = readSettings(r.settings);
  return { data: { settings, generated: readGenerated(r.generated) }, problems: problems.map((p) => p.message) };
}
