// The plugin's data.json: its settings, checked by the core's settings table, so a hand-edited or
// older data.json never breaks loading. What it created lives in the vault's ledger (the one memory,
// src/core/memory.ts); data.json's `generated` of older versions is read once, to move it there.
import { olderPluginEntries } from '../core/ledger';
import type { LedgerEntry } from '../core/ledger';
import { isRecord } from '../core/fields';
import { readSettings } from '../core/settings';
import type { Settings } from '../core/settings';

export interface PluginData {
  settings: Settings;
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
  return { data: { settings }, problems: problems.map((p) => p.message), generated: olderPluginEntries(r) };
}
