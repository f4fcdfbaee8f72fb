// The command-line tool's memory of the task notes it made (`.job-hunt-advisor/created.json` and
// its sync-conflict copies), read so the plugin never makes again what the tool made, even after
// the person deleted it. Read only: the tool owns the file.
import type { App } from 'obsidian';
import { isLedgerFileName, LEDGER_FOLDER, parseLedger } from '../core/ledger';

/** Follow-up ids the command-line tool remembers. Nothing there, or unreadable: none. */
export async function idsMadeByCli(app: App): Promise<Set<string>> {
  const ids = new Set<string>();
  const { adapter } = app.vault;
  try {
    // A hidden folder: Obsidian does not index it, so it is reached through the adapter.
    if (!(await adapter.exists(LEDGER_FOLDER))) return ids;
    const { files } = await adapter.list(LEDGER_FOLDER);
    for (const path of files) {
      if (!isLedgerFileName(path.slice(path.lastIndexOf('/') + 1))) continue;
      try {
        for (const entry of parseLedger(await adapter.read(path))) ids.add(entry.id);
      } catch {
        // One unreadable copy: the others still count.
      }
    }
  } catch {
    // No folder, or not listable: nothing remembered.
  }
  return ids;
}
