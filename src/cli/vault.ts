// The Node adapter: a vault on disk. Finds notes, reads them, and writes only inside the vault:
// atomically for a note that exists, exclusively for a new one, so nothing is ever half-written
// or overwritten.
import * as fs from 'node:fs';
import * as path from 'node:path';
import process from 'node:process';

export const CONFIG_FILE = '.job-hunt-advisor.json';


/** Something wrong with one file: reported as `<path>: <message>`, never with a stack trace. */
export class FileProblem extends Error {}

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
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((e) => e.isDirectory() && e.name.startsWith('.') && fs.existsSync(path.join(dir, e.name, 'app.json')));
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

function isWithin(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

// Folders Obsidian does not index (hidden ones: .obsidian, .git, .trash) or that are never notes.
function skippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export class Vault {
  readonly root: string;
  private readonly realRoot: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    try {
      this.realRoot = fs.realpathSync(this.root);
    } catch (error) {
      throw new FileProblem(`${root}: ${describeFsError(error)}`);
    }
  }

  /** Vault-relative path with `/`, as Obsidian writes it. */
  relative(absolute: string): string {
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

  /** Every `.md` file below `folder`, sorted, skipping hidden folders, node_modules, links and `skip`. */
  listNotes(folder: string, skip: readonly string[]): string[] {
    const skipped = new Set(skip.map((s) => path.resolve(this.root, s)));
    const notes: string[] = [];
    const walk = (dir: string): void => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        throw new FileProblem(`${dir}: ${describeFsError(error)}`);
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        // Links are not followed: they could lead out of the vault or round in a loop.
        if (entry.isDirectory()) {
          if (!skippedFolder(entry.name) && !skipped.has(full)) walk(full);
        } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
          notes.push(full);
        }
      }
    };
    walk(path.resolve(folder));
    return notes;
  }

  /** A note's text. Throws FileProblem with a one-line reason. */
  read(absolute: string): string {
    try {
      return fs.readFileSync(absolute, 'utf8');
    } catch (error) {
      throw new FileProblem(describeFsError(error));
    }
  }

  /**
   * Replaces a note's text atomically (a temporary file beside it, then a rename), only if the
   * note still holds `expected`: a change made meanwhile (by Obsidian, by sync) is never lost.
   */
  replace(absolute: string, expected: string, text: string): void {
    const target = this.resolve(this.relative(absolute));
    const real = fs.realpathSync(target);
    if (!isWithin(this.realRoot, real)) throw new OutsideVault(`${this.relative(absolute)} leads outside the vault through a link`);
    const temp = tempBeside(real);
    try {
      const mode = fs.statSync(real).mode;
      fs.writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx', mode });
      if (fs.readFileSync(real, 'utf8') !== expected) throw new FileProblem('changed while being read; not written, try again');
      fs.renameSync(temp, real);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      if (error instanceof FileProblem) throw error;
      throw new FileProblem(describeFsError(error));
    }
  }

  /**
   * Writes one of the tool's own files (its ledger) atomically: a temporary file beside it, then a
   * rename, so a reader never sees half of it. Only inside the vault, never through a link out.
   */
  writeOwn(relative: string, text: string): void {
    const target = this.resolve(relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    this.resolve(relative); // again, now that the folders exist
    const temp = tempBeside(target);
    try {
      fs.writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
      fs.renameSync(temp, target);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw new FileProblem(`${relative}: ${describeFsError(error)}`);
    }
  }

  /**
   * Creates a new note; returns false, touching nothing, when something is already at that path.
   * The text is complete before the note appears: written aside, then hard-linked into place,
   * which fails instead of replacing an existing file.
   */
  create(relative: string, text: string): boolean {
    const target = this.resolve(relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    this.resolve(relative); // again, now that the folders exist
    if (fs.existsSync(target)) return false;
    const temp = tempBeside(target);
    try {
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
      throw new FileProblem(`${relative}: ${describeFsError(error)}`);
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
}
