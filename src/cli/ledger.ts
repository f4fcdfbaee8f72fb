// The command-line tool's memory inside the vault (see src/core/ledger.ts): read from the ledger
// and every sync-conflict copy of it, written back as their union, and only when that changes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import { isLedgerFileName, LEDGER_FOLDER, LEDGER_PATH, ledgerText, mergeLedgers, olderPluginDataPath, olderPluginEntries, parseLedger, renderLedger, UnreadableLedger } from '../core/ledger';
import type { LedgerEntry } from '../core/ledger';
import type { Vault } from './vault';
import { describeFsError, FileProblem, readRegularFile, readRegularText } from './vault';

export interface LedgerReading {
  entries: LedgerEntry[];
  /** The text of created.json as it is on disk ('' when there is none). */
  text: string;
}

const isMissing = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'ENOENT';

/**
 * Everything the ledger files remember; none yet when the ledger folder or file is missing. One
 * that is there but cannot be read (a folder in its place, a FIFO, no permission, bytes that are
 * not a ledger) throws UnreadableLedger: it is never taken for an empty memory and replaced.
 */
export function readLedger(vault: Vault): LedgerReading {
  const folder = path.join(vault.root, LEDGER_FOLDER);
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter(isLedgerFileName).sort();
  } catch (error) {
    if (isMissing(error)) return { entries: [], text: '' };
    throw new UnreadableLedger(LEDGER_FOLDER, describeFsError(error));
  }
  let text = '';
  const lists: LedgerEntry[][] = [];
  for (const name of names) {
    const shown = `${LEDGER_FOLDER}/${name}`;
    let bytes: Uint8Array;
    try {
      bytes = readRegularFile(path.join(folder, name));
    } catch (error) {
      if (isMissing(error)) continue; // a sync moved it away meanwhile
      throw new UnreadableLedger(shown, error instanceof FileProblem ? error.message.replace(/(, not a note)?(; not read)?$/, '') : describeFsError(error));
    }
    const content = ledgerText(shown, bytes);
    if (name === 'created.json') text = content;
    lists.push(parseLedger(content));
  }
  return { entries: mergeLedgers(...lists), text };
}

/**
 * What older plugin versions remembered in data.json, below each configuration folder of the vault
 * (any hidden folder with app.json): the core's one migration (olderPluginEntries). Read only,
 * never written: the plugin moves it into the ledger itself.
 */
export function olderPluginMemory(vault: Vault): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(vault.root).filter((name) => name.startsWith('.'));
  } catch {
    return entries;
  }
  for (const name of names) {
    const file = path.join(vault.root, olderPluginDataPath(name));
    if (!fs.existsSync(path.join(vault.root, name, 'app.json')) || !fs.existsSync(file)) continue;
    try {
      entries.push(...olderPluginEntries(readRegularText(file)));
    } catch {
      // The plugin's own file, unreadable: the ledger and the task notes still count.
    }
  }
  return entries;
}

/**
 * Writes the union of what is in the ledger files now (read again: another run or a sync may have
 * added entries since `read`), what was read and what was added, when it differs from created.json.
 * Called under the ledger's lock, so two runs at once never lose each other's entries.
 */
export function writeLedger(vault: Vault, read: LedgerReading, added: readonly LedgerEntry[]): void {
  const now = readLedger(vault);
  const text = renderLedger(mergeLedgers(now.entries, read.entries, [...added]));
  if (text !== now.text) vault.writeOwn(LEDGER_PATH, text);
}

export const LOCK_PATH = `${LEDGER_FOLDER}/created.lock`;

export interface LockOptions {
  /** How long to wait for another run to finish. */
  waitMs: number;
  /** A lock older than this is left over from a run that died: taken over. */
  staleMs: number;
}

const DEFAULT_LOCK: LockOptions = { waitMs: 15_000, staleMs: 120_000 };

interface LockHolder {
  pid?: unknown;
  host?: unknown;
  since?: unknown;
  token?: unknown;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/** Whether the lock at `file` was left by a run that is gone: too old, unreadable, or its process dead. */
function isStale(file: string, staleMs: number): boolean {
  let holder: LockHolder;
  let age: number;
  try {
    age = Date.now() - fs.statSync(file).mtimeMs;
    holder = JSON.parse(readRegularText(file)) as LockHolder;
  } catch {
    return true; // half-written or not ours: a live run writes its lock whole before anything else
  }
  if (age > staleMs) return true;
  return holder.host === os.hostname() && typeof holder.pid === 'number' && !isAlive(holder.pid);
}

/** Another run holds the ledger's lock past the wait: one line, nothing created. */
export class LedgerLocked extends FileProblem {}

/**
 * Runs `work` holding `.job-hunt-advisor/created.lock`, made exclusively (`wx`), so two runs of the
 * tool on one vault (two folders at once, a script and a person) create and record task notes one
 * after the other. A lock left by a run that died (its process gone, or older than `staleMs`) is
 * taken over; a live one is waited for, then refused with one line.
 */
export function withLedgerLock<T>(vault: Vault, work: () => T, options: LockOptions = DEFAULT_LOCK): T {
  const file = vault.resolve(LOCK_PATH);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new FileProblem(`not locked: ${describeFsError(error)}`);
  }
  vault.resolve(LOCK_PATH); // again, now that the folder exists
  const token = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const body = `${JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString(), token })}\n`;
  const started = Date.now();
  for (;;) {
    try {
      fs.writeFileSync(file, body, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw new FileProblem(`not locked: ${describeFsError(error)}`);
    }
    if (isStale(file, options.staleMs)) {
      // Taken over by renaming it aside first: of two runs finding it stale, only one removes it.
      const aside = `${file}.${token}.stale`;
      try {
        fs.renameSync(file, aside);
        fs.rmSync(aside, { force: true });
      } catch {
        // The other run took it over first: try again.
      }
      continue;
    }
    if (Date.now() - started >= options.waitMs) {
      let holder = 'another run';
      try {
        const h = JSON.parse(readRegularText(file)) as LockHolder;
        holder = `another run (process ${String(h.pid)} on ${String(h.host)}, since ${String(h.since)})`;
      } catch {
        // Named as another run.
      }
      throw new LedgerLocked(`${holder} is creating task notes in this vault; nothing created, try again when it is done`);
    }
    sleep(50);
  }
  try {
    return work();
  } finally {
    try {
      if (readRegularText(file).includes(token)) fs.rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  }
}
