// The file behind the one memory of created follow-ups (src/core/memory.ts), kept inside the vault
// (`.job-hunt-advisor/created.json`) and read and written the same way by every host, so a task
// note the person deleted or completed never comes back from any of them. Pure: text in, text out.
//
// Merge-friendly by design: entries are keyed by follow-up id and two ledgers merge as a union
// (a sync conflict copy, a `git merge=union`, two devices), so no device can make another forget.
// The file holds one entry per line, sorted by id, so the same entries always give the same bytes.
import type { CalendarDate, FollowUpKind } from './model';
import { isRecord } from './fields';
import { decodeUtf8Exactly } from './utf8';

/** Vault-relative folder of the ledger (hidden: Obsidian does not index it as notes). */
export const LEDGER_FOLDER = '.job-hunt-advisor';
export const LEDGER_PATH = `${LEDGER_FOLDER}/created.json`;

export interface LedgerEntry {
  /** The follow-up id (lowercase), as in the task note's `job-hunt-advisor-id`. */
  id: string;
  /** Vault path of the application note (hosts that see renames keep it current). */
  application: string;
  /** Missing in entries written before kinds were kept. */
  kind?: FollowUpKind;
  title: string;
  /** Where the task note was created. */
  path: string;
  created: CalendarDate;
  /** True once a Tasks-plugin line for it was added to the application note. */
  line?: boolean;
}

/**
 * Ledger files in the ledger folder: `created.json` and the copies sync tools leave beside it on a
 * conflict (`created.sync-conflict-....json`, `created (conflicted copy).json`, `created 2.json`).
 */
export function isLedgerFileName(name: string): boolean {
  return /^created\b.*\.json$/i.test(name);
}

function entryFrom(value: unknown): LedgerEntry | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || value.id.trim() === '') return undefined;
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  const entry: LedgerEntry = {
    id: value.id.trim().toLowerCase(),
    application: text(value.application),
    title: text(value.title),
    path: text(value.path),
    created: text(value.created),
  };
  if (typeof value.kind === 'string' && value.kind !== '') entry.kind = value.kind as FollowUpKind;
  if (value.line === true) entry.line = true;
  return entry;
}

/** The plugin's id: its folder below the vault's configuration folder. */
const PLUGIN_ID = 'job-hunt-advisor';

/** Where older plugin versions kept what they created: their data.json, below the vault's configuration folder. */
export function olderPluginDataPath(configFolder: string): string {
  return `${configFolder}/plugins/${PLUGIN_ID}/data.json`;
}

/**
 * The one migration of an older memory, for every host: what older plugin versions remembered in
 * data.json (`generated`: application path -> what was made for it), as ledger entries. The plugin
 * moves them into the ledger when it loads; until then the CLI and VS Code merge them too, so a
 * person who never opens Obsidian again still never sees a deleted task come back. `data`: the
 * data.json parsed, or its text; anything unreadable gives no entries.
 */
export function olderPluginEntries(data: unknown): LedgerEntry[] {
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data.replace(/^\uFEFF/, ''));
    } catch {
      return [];
    }
  }
  const generated = isRecord(data) ? data.generated : undefined;
  if (!isRecord(generated)) return [];
  const out: LedgerEntry[] = [];
  for (const [application, list] of Object.entries(generated)) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const entry = isRecord(item) ? entryFrom({ ...item, application }) : undefined;
      if (entry) out.push(entry);
    }
  }
  return out;
}

/**
 * Entries of a ledger's text. Never throws: an unreadable ledger gives what can be read. When the
 * whole text is not JSON (two files concatenated by a line-based merge), each line holding one
 * entry is still read.
 */
export function parseLedger(text: string): LedgerEntry[] {
  const clean = text.replace(/^\uFEFF/, '');
  try {
    const data: unknown = JSON.parse(clean);
    const list: unknown = isRecord(data) ? data.created : data;
    if (Array.isArray(list)) return list.map(entryFrom).filter((e): e is LedgerEntry => e !== undefined);
  } catch {
    // Fall through to reading line by line.
  }
  const entries: LedgerEntry[] = [];
  for (const line of clean.split(/\r?\n/)) {
    const m = /^\s*(\{.*\})\s*,?\s*$/.exec(line);
    if (!m?.[1]) continue;
    try {
      const entry = entryFrom(JSON.parse(m[1]));
      if (entry) entries.push(entry);
    } catch {
      // Not an entry line.
    }
  }
  return entries;
}

// ---- A ledger that cannot be trusted ----------------------------------------------------------
// Taking an unreadable ledger for an empty one would forget every task note the person deleted or
// completed, and the next write would replace it: so it is refused, by every host, in one line.

/** A ledger file that is there but cannot be read as one: nothing is created while it stays so. */
export class UnreadableLedger extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}; the memory of created task notes cannot be read, so none is created (restore that file, or remove it to start a new memory)`);
  }
}

// Lines a line-based merge (a `git merge=union`, two ledgers concatenated, a conflict left in) keeps
// around the entry lines: the ledger's own frame and conflict markers.
const FRAME_LINE = /^\s*([{}[\],]*|\{?\s*"about":.*|\{?\s*"created":\s*\[\s*\]?\s*,?|(<{7}|={7}|>{7}|\|{7})( .*)?)\s*$/;

/** What is wrong with a ledger's text, or undefined when it reads as a ledger (merged ones too). */
export function ledgerTextProblem(text: string): string | undefined {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return 'is empty';
  let data: unknown;
  try {
    data = JSON.parse(clean);
  } catch {
    const lines = clean.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (FRAME_LINE.test(line)) continue;
      const m = /^\s*(\{.*\})\s*,?\s*$/.exec(line);
      try {
        if (m?.[1] && isRecord(JSON.parse(m[1]))) continue;
      } catch {
        // Not an entry line: said below.
      }
      return `is not JSON (line ${i + 1})`;
    }
    return undefined;
  }
  const list: unknown = isRecord(data) ? data.created : data;
  return Array.isArray(list) ? undefined : 'is JSON, but not a list of created follow-ups';
}

/** A ledger file's bytes as text; UnreadableLedger when they are not UTF-8 or not a ledger. */
export function ledgerText(path: string, bytes: Uint8Array): string {
  const reading = decodeUtf8Exactly(bytes);
  if (!reading.ok) throw new UnreadableLedger(path, `is not UTF-8 text (byte 0x${reading.byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${reading.offset})`);
  const problem = ledgerTextProblem(reading.text);
  if (problem !== undefined) throw new UnreadableLedger(path, problem);
  return reading.text;
}

/** A total order on entries, so which of two entries for one id is kept never depends on order. */
function before(a: LedgerEntry, b: LedgerEntry): boolean {
  const ka = `${a.created}\u0000${a.path}\u0000${a.application}\u0000${a.title}`;
  const kb = `${b.created}\u0000${b.path}\u0000${b.application}\u0000${b.title}`;
  return ka < kb;
}

/**
 * The union of ledgers by id; for one id in two ledgers, the earliest entry is kept (with a kind
 * and a Tasks line if either copy has them). Sorted by id.
 */
export function mergeLedgers(...lists: readonly LedgerEntry[][]): LedgerEntry[] {
  const byId = new Map<string, LedgerEntry>();
  for (const list of lists) {
    for (const entry of list) {
      const seen = byId.get(entry.id);
      if (!seen) {
        byId.set(entry.id, { ...entry });
        continue;
      }
      const [first, second] = before(entry, seen) ? [entry, seen] : [seen, entry];
      const kept = { ...first };
      if (!kept.kind && second.kind) kept.kind = second.kind;
      if (second.line) kept.line = true;
      byId.set(entry.id, kept);
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The ledger's text: the same entries always give the same bytes. */
export function renderLedger(entries: readonly LedgerEntry[]): string {
  const lines = mergeLedgers([...entries]).map((e) =>
    JSON.stringify({
      id: e.id,
      application: e.application,
      ...(e.kind ? { kind: e.kind } : {}),
      title: e.title,
      path: e.path,
      created: e.created,
      ...(e.line ? { line: true } : {}),
    }),
  );
  return [
    '{',
    '"about": "Follow-up task notes Job Hunt Advisor created. Each is never created again, even when deleted or completed. To merge two copies, keep every entry.",',
    `"created": [${lines.length === 0 ? ']' : ''}`,
    ...lines.map((l, i) => (i < lines.length - 1 ? `${l},` : l)),
    ...(lines.length === 0 ? [] : [']']),
    '}',
    '',
  ].join('\n');
}
