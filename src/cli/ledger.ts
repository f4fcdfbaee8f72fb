// The command-line tool's memory inside the vault (see src/core/ledger.ts): read from the ledger
// and every sync-conflict copy of it, written back as their union, and only when that changes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isLedgerFileName, LEDGER_FOLDER, LEDGER_PATH, mergeLedgers, parseLedger, renderLedger } from '../core/ledger';
import type { LedgerEntry } from '../core/ledger';
import type { Vault } from './vault';
import { readRegularText } from './vault';

export interface LedgerReading {
  entries: LedgerEntry[];
  /** The text of created.json as it is on disk ('' when there is none). */
  text: string;
}

/** Everything the ledger files remember. Unreadable files count as remembering nothing. */
export function readLedger(vault: Vault): LedgerReading {
  const folder = path.join(vault.root, LEDGER_FOLDER);
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter(isLedgerFileName).sort();
  } catch {
    return { entries: [], text: '' };
  }
  let text = '';
  const lists: LedgerEntry[][] = [];
  for (const name of names) {
    try {
      const content = readRegularText(path.join(folder, name));
      if (name === 'created.json') text = content;
      lists.push(parseLedger(content));
    } catch {
      // A folder or an unreadable file named like a ledger: nothing remembered from it.
    }
  }
  return { entries: mergeLedgers(...lists), text };
}

/** Writes the union of what was read and what was added, when it differs from created.json. */
export function writeLedger(vault: Vault, read: LedgerReading, added: readonly LedgerEntry[]): void {
  const text = renderLedger(mergeLedgers(read.entries, [...added]));
  if (text !== read.text) vault.writeOwn(LEDGER_PATH, text);
}
