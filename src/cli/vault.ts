// The Node adapter: a vault on disk. Finds notes, reads them, and writes only inside the vault:
// atomically for a note that exists, exclusively for a new one, so nothing is ever half-written
// or overwritten.
import { Buffer, isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import process from 'node:process';
import { isNotNotesFolder } from '../core/scope';
import { decodeUtf8Exactly, notUtf8Message } from '../core/utf8';
import type { Utf8Reading } from '../core/utf8';

export const CONFIG_FILE = '.job-hunt-advisor.json';


/** Something wrong with one file: reported as `<path>: <message>`, never with a stack trace. */
export class FileProblem extends Error {}

/** A note whose bytes are not UTF-8 that survives a round trip: read for nothing, never written. */
export class NotUtf8 extends FileProblem {
  constructor(message: string, readonly bytes: Uint8Array) {
    super(message);
  }
}

/** A path that would leave the vault: refused. */
export class OutsideVault extends Error {}

/** A one-line reason for a failed file operation. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder, not a note';
    case 'ENOTDIR': return 'is not a folder';
    case 'EEXIST': return 'already exists';
    case 'ENOSPC': return 'no space left on the disk';
    case 'EROFS': return 'the disk is read-only';
    default: return error instanceof Error ? error.message.split('\n')[0] ?? 'unknown error' : String(error);
  }
}

/**
 * Whether `dir` is a vault's root: it holds our config file, or Obsidian's configuration folder
 * (a hidden folder with app.json; its name is configurable in Obsidian, so any hidden name counts).
 */
function isVaultRoot(dir: string): boolean {
  if (fs.existsSync(path.join(dir, CONFIG_FILE))) return true;
  let names: string[];
  try {
    // Names only: a folder of thousands of notes is read at each start, and only hidden ones matter.
    names = fs.readdirSync(dir);
  } catch {
    return false;
  }
  return names.some((name) => name.startsWith('.') && fs.existsSync(path.join(dir, name, 'app.json')) && fs.lstatSync(path.join(dir, name)).isDirectory());
}

/** The vault around `start`: the nearest folder up that is a vault's root. */
export function findVaultRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (isVaultRoot(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

let tempCount = 0;

/**
 * A fresh name for a temporary file beside `target`: hidden, so Obsidian never indexes it. Unique
 * by process, time and count (files are created with `wx`, so a clash fails instead of overwriting);
 * no node:crypto, whose loading alone was a tenth of the start-up of one `advise`.
 */
function tempBeside(target: string): string {
  tempCount += 1;
  const unique = `${process.pid.toString(36)}${Date.now().toString(36)}${tempCount.toString(36)}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${unique}.tmp`);
}

/** What a non-regular file is, for the one line that says it is not read. */
function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'is a folder, not a note';
  if (stat.isFIFO()) return 'is a named pipe (FIFO), not a note; not read';
  if (stat.isSocket()) return 'is a socket, not a note; not read';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is a device, not a note; not read';
  return 'is not a regular file; not read';
}

// Notes of a scan are read one after another into one buffer (their text is copied out at once):
// a Buffer of its own for each note was garbage for the collector, and readFileSync asks the size
// again with a second fstat. A note over 1 MB gets its own, so the buffer never stays that big.
const SHARED_MAX = 1 << 20;
let sharedBuffer = Buffer.allocUnsafe(1 << 16);

/** The `size` bytes fstat gave (fewer if the file shrank), as readFileSync reads them: a view valid until the next read. */
function readShared(fd: number, size: number): Buffer {
  if (sharedBuffer.length < size) sharedBuffer = Buffer.allocUnsafe(Math.min(SHARED_MAX, Math.max(size, sharedBuffer.length * 2)));
  let read = 0;
  while (read < size) {
    const n = fs.readSync(fd, sharedBuffer, read, size - read, null);
    if (n === 0) break;
    read += n;
  }
  return sharedBuffer.subarray(0, read);
}

/**
 * The bytes of a regular file, never waiting on anything else: the path is checked first, then
 * opened without blocking (a FIFO swapped in between would otherwise hang the open), and the open
 * file checked again. `listedAsFile`: a folder listing just said it is a regular file, so the first
 * check is left out (a tenth of the reading in a scan); the open file is still checked.
 */
export function readRegularFile(absolute: string, listedAsFile = false, shared = false): Buffer {
  if (!listedAsFile) {
    const before = fs.statSync(absolute);
    if (!before.isFile()) throw new FileProblem(kindOf(before));
  }
  const fd = fs.openSync(absolute, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw new FileProblem(kindOf(opened));
    return shared && opened.size > 0 && opened.size <= SHARED_MAX ? readShared(fd, opened.size) : fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `decodeUtf8Exactly` with Node's own UTF-8 validator in front: well-formed UTF-8 (what the
 * validator accepts, the strict decoder's rule) always encodes back to the same bytes, so the
 * validated text is the answer, at a sixth of the cost of decoding, encoding and comparing; the
 * rest goes to the core for the first bad byte. Property-tested equal to the core's answer.
 */
export function decodeNote(bytes: Buffer): Utf8Reading {
  return isUtf8(bytes) ? { ok: true, text: bytes.toString('utf8') } : decodeUtf8Exactly(bytes);
}

/** A file of the tool's own (config, ledger, plugin data) as text: never waits on a FIFO either. */
export function readRegularText(absolute: string): string {
  return readRegularFile(absolute).toString('utf8');
}

function isWithin(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A relative path path.relative would not give back as it is: empty, `.`/`..` parts, a `/` first, doubled or last. */
const UNNORMAL = /^$|^\/|(?:^|\/)\.{1,2}(?:\/|$)|\/\/|\/$/;

/** Points inside a walk or a write where a test can act, as another program would at that instant. */
export interface WriteHooks {
  /** A folder is about to be made. */
  beforeMakeFolder?: (folder: string) => void;
  /** A new file is about to be written. */
  beforeCreate?: (file: string) => void;
  /** A folder is about to be listed. */
  beforeReadFolder?: (folder: string) => void;
  /** The temporary file is written; the note is about to be checked again. */
  beforeCheck?: (note: string) => void;
  /** The note was checked; it is about to be replaced. */
  beforeRename?: (note: string) => void;
}

export class Vault {
  readonly root: string;
  private readonly rootSlash: string;
  private readonly realRoot: string;
  private readonly hooks: WriteHooks;
  /** Notes the last listing saw as regular files, not yet read: their read skips one `stat`. */
  private readonly listedFiles = new Set<string>();

  constructor(root: string, hooks: WriteHooks = {}) {
    this.hooks = hooks;
    this.root = path.resolve(root);
    this.rootSlash = this.root.endsWith('/') ? this.root : `${this.root}/`;
    try {
      this.realRoot = fs.realpathSync(this.root);
    } catch (error) {
      throw new FileProblem(`${root}: ${describeFsError(error)}`);
    }
  }

  /** Vault-relative path with `/`, as Obsidian writes it. */
  relative(absolute: string): string {
    // A path the walk joined below the root (every note of a scan) is the root, `/` and the rest:
    // cut, not worked out again by path.relative (a twentieth of a scan). Anything else, or a `.`,
    // `..`, doubled or trailing separator, goes the long way.
    if (path.sep === '/' && absolute.startsWith(this.rootSlash) && !UNNORMAL.test(absolute.slice(this.rootSlash.length))) return absolute.slice(this.rootSlash.length);
    return path.relative(this.root, absolute).split(path.sep).join('/');
  }

  contains(absolute: string): boolean {
    return isWithin(this.root, path.resolve(absolute));
  }

  /**
   * The absolute path for a vault-relative one, refused when it would land outside the vault,
   * by `..` or through a symbolic link (checked on the deepest part that exists).
   */
  resolve(relative: string): string {
    const absolute = path.resolve(this.root, relative);
    if (!isWithin(this.root, absolute)) throw new OutsideVault(`"${relative}" is outside the vault (${this.root})`);
    let existing = absolute;
    while (!fs.existsSync(existing)) existing = path.dirname(existing);
    const real = fs.realpathSync(existing);
    if (!isWithin(this.realRoot, real)) throw new OutsideVault(`"${relative}" leads outside the vault through a link`);
    return absolute;
  }

  /**
   * Every `.md` file below `folder`, sorted, skipping hidden folders, node_modules, links and `skip`.
   * A fault never stops the walk: a folder that can't be read (or was deleted meanwhile) and a
   * `.md` that is not a regular file (a FIFO, a socket, a device) each go to `problem`, once.
   */
  listNotes(folder: string, skip: readonly string[], problem: (absolute: string, message: string) => void = () => undefined): string[] {
    const skipped = new Set(skip.map((s) => path.resolve(this.root, s)));
    const notes: string[] = [];
    const walk = (dir: string): void => {
      let entries: fs.Dirent[];
      try {
        this.hooks.beforeReadFolder?.(dir);
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        problem(dir, `folder not read: ${describeFsError(error)}; the rest was read`);
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        const isNote = entry.name.toLowerCase().endsWith('.md');
        // Links are not followed: they could lead out of the vault or round in a loop.
        if (entry.isSymbolicLink()) continue;
        if (entry.isDirectory()) {
          if (!isNotNotesFolder(entry.name) && !skipped.has(full)) walk(full);
        } else if (entry.isFile()) {
          if (isNote) {
            notes.push(full);
            this.listedFiles.add(full);
          }
        } else if (isNote && !isNotNotesFolder(entry.name)) {
          // A FIFO, socket or device named like a note, or a type the folder listing did not give.
          let stat: fs.Stats | undefined;
          try {
            stat = fs.lstatSync(full);
          } catch (error) {
            problem(full, describeFsError(error));
            continue;
          }
          if (stat.isFile()) notes.push(full);
          else if (stat.isDirectory()) walk(full);
          else if (!stat.isSymbolicLink()) problem(full, kindOf(stat));
        }
      }
    };
    walk(path.resolve(folder));
    return notes;
  }

  /**
   * A note's text. Throws FileProblem with a one-line reason: for anything but a regular file
   * (a FIFO would block the read forever, a device never ends), and for bytes that are not UTF-8
   * text that round-trips (NotUtf8, so such a note is never written back with U+FFFD in it).
   */
  read(absolute: string): string {
    let bytes: Buffer;
    try {
      bytes = readRegularFile(absolute, this.listedFiles.delete(absolute), true);
    } catch (error) {
      if (error instanceof FileProblem) throw error;
      throw new FileProblem(describeFsError(error));
    }
    const reading = decodeNote(bytes);
    // The shared buffer is read into again by the next note: the problem keeps a copy.
    if (!reading.ok) throw new NotUtf8(notUtf8Message(reading), Buffer.from(bytes));
    return reading.text;
  }

  /**
   * Replaces a note's text atomically (a temporary file beside it, then a rename), only if the
   * note still holds exactly the bytes of `expected`: a change made meanwhile (by Obsidian, by
   * sync, by the person) is never lost. The note is checked again after the temporary file is
   * written, right before the rename; and the note as it was is kept by a hard link across the
   * rename, so a line appended to it in the last instant is found and the note put back as it was.
   */
  replace(absolute: string, expected: string, text: string): void {
    const target = this.resolve(this.relative(absolute));
    const real = fs.realpathSync(target);
    if (!isWithin(this.realRoot, real)) throw new OutsideVault(`${this.relative(absolute)} leads outside the vault through a link`);
    const want = Buffer.from(expected, 'utf8');
    const unchanged = (file: string): boolean => {
      try {
        return readRegularFile(file).equals(want);
      } catch {
        return false;
      }
    };
    const changed = (): FileProblem => new FileProblem('changed while being read; not written, try again');
    const temp = tempBeside(real);
    const kept = tempBeside(real);
    let renamed = false;
    try {
      const mode = fs.statSync(real).mode;
      fs.writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx', mode });
      this.hooks.beforeCheck?.(real);
      if (!unchanged(real)) throw changed();
      let keeping = true;
      try {
        fs.linkSync(real, kept);
      } catch {
        keeping = false; // no hard links on this file system: the check above is the last word
      }
      this.hooks.beforeRename?.(real);
      fs.renameSync(temp, real);
      renamed = true;
      // Written to in the instant between the check and the rename: the person's bytes win.
      if (keeping && !unchanged(kept)) {
        fs.renameSync(kept, real);
        throw changed();
      }
    } catch (error) {
      if (error instanceof FileProblem) throw error;
      throw new FileProblem(`${renamed ? 'could not be checked after writing' : 'not written'}: ${describeFsError(error)}`);
    } finally {
      fs.rmSync(temp, { force: true });
      fs.rmSync(kept, { force: true });
    }
  }

  /** Makes a folder (and those above it); a failure is one line without the path (the caller names it). */
  private makeFolder(absolute: string): void {
    try {
      this.hooks.beforeMakeFolder?.(absolute);
      fs.mkdirSync(absolute, { recursive: true });
    } catch (error) {
      throw new FileProblem(`not created, its folder could not be made: ${describeFsError(error)}`);
    }
  }

  /**
   * Writes one of the tool's own files (its ledger) atomically: a temporary file beside it, then a
   * rename, so a reader never sees half of it. Only inside the vault, never through a link out.
   */
  writeOwn(relative: string, text: string): void {
    const target = this.resolve(relative);
    this.makeFolder(path.dirname(target));
    this.resolve(relative); // again, now that the folders exist
    const temp = tempBeside(target);
    try {
      fs.writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
      fs.renameSync(temp, target);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw new FileProblem(describeFsError(error));
    }
  }

  /**
   * Creates a new note; returns false, touching nothing, when something is already at that path.
   * The text is complete before the note appears: written aside, then hard-linked into place,
   * which fails instead of replacing an existing file.
   */
  create(relative: string, text: string): boolean {
    const target = this.resolve(relative);
    this.makeFolder(path.dirname(target));
    this.resolve(relative); // again, now that the folders exist
    if (fs.existsSync(target)) return false;
    const temp = tempBeside(target);
    try {
      this.hooks.beforeCreate?.(target);
      fs.writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
      try {
        fs.linkSync(temp, target);
      } catch (error) {
        if ((error as { code?: unknown }).code === 'EEXIST') return false;
        // Some file systems have no hard links: an exclusive create still never overwrites.
        fs.writeFileSync(target, text, { encoding: 'utf8', flag: 'wx' });
      }
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EEXIST') return false;
      throw new FileProblem(`not created: ${describeFsError(error)}`);
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
}
