// The plugin's data.json: its settings, checked by the core's settings table, so a hand-edited or
// older data.json never breaks loading. What it created lives in the vault's ledger (the one memory,
// src/core/memory.ts); data.json's `generated` of older versions is read once, to move it there.
import type { LedgerEntry } from '../core/ledger';
import type { FollowUpKind } from '../core/model';
import { isRecord } from '../core/fields';
import { readSettings } from '../core/settings';
import type { Settings } from '../core/settings';

export interface PluginData {
  settings: Settings;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** data.json's `generated` (application path -> what was made for it) as ledger entries. */
function readGenerated(raw: unknown): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  if (!isRecord(raw)) return out;
  for (const [application, list] of Object.entries(raw)) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isRecord(item) || typeof item.id !== 'string' || item.id.trim() === '') continue;
      const entry: LedgerEntry = { id: item.id.trim().toLowerCase(), application, title: text(item.title), path: text(item.path), created: text(item.created) };
      if (typeof item.kind === 'string' && item.kind !== '') entry.kind = item.kind as FollowUpKind;
      if (item.line === true) entry.line = true;
      out.push(entry);
    }
  }
  return out;
}

export interface StoredData {
  data: PluginData;
  /** What was wrong in its settings (each wrong value replaced by its default). */
  problems: string[];
  /** Follow-ups an older version remembered in data.json: to be moved into the vault's ledger. */
  generated: LedgerEntry[];
}

/** Whatever loadData() returned (null on first run), as valid plugin data. */
export function readPluginData(raw: unknown): StoredData {
  const r = isRecord(raw) ? raw : {};
  const { settings, problems } = readSettings(r.settings);
  return { data: { settings }, problems: problems.map((p) => p.message), generated: readGenerated(r.generated) };
}
