// Note bodies, for Dataview inline fields (`Status:: Applied`): Obsidian's metadata cache holds the
// frontmatter but not inline fields, so the plugin keeps the text below the frontmatter of each note
// that holds `::` (other notes keep nothing), stamped with the file's modification time and size so
// a stale body is never used. Filled from the metadata cache's change events (which carry the text)
// and, before each scan of the vault, by reading the notes in scope not read yet. The plugin's one
// NoteBodies lives in its VaultNotes (vault-notes.ts).
import { getFrontMatterInfo } from 'obsidian';
import type { App, TFile } from 'obsidian';

interface Kept {
  mtime: number;
  size: number;
  /** '' when the note holds no `::` (nothing to read there). */
  body: string;
}

const SLICE_MS = 8;
const nextTurn = (): Promise<void> => new Promise((resolve) => window.setTimeout(resolve, 0));

/** The text below the frontmatter when the note holds `::` anywhere in it, else ''. */
export function bodyForFields(text: string): string {
  if (!text.includes('::')) return '';
  const body = text.slice(getFrontMatterInfo(text).contentStart);
  return body.includes('::') ? body : '';
}

export class NoteBodies {
  private readonly kept = new Map<string, Kept>();
  /** Counts every change of a note seen (text, rename, delete): what was learnt from the vault before is stale. */
  generation = 0;

  constructor(private readonly app: App) {}

  /** The note's body as last read, if that is still its current text; undefined when not known. */
  bodyOf(file: TFile): string | undefined {
    const k = this.kept.get(file.path);
    return k && k.mtime === file.stat.mtime && k.size === file.stat.size ? k.body : undefined;
  }

  remember(file: TFile, text: string): void {
    if (file.extension !== 'md') return;
    this.generation++;
    this.kept.set(file.path, { mtime: file.stat.mtime, size: file.stat.size, body: bodyForFields(text) });
  }

  /** Reads the notes whose body is not known yet, giving the event loop a turn every few milliseconds. */
  async read(files: Iterable<TFile>): Promise<void> {
    let slice = performance.now();
    for (const file of files) {
      if (this.bodyOf(file) !== undefined) continue;
      try {
        this.remember(file, await this.app.vault.cachedRead(file));
      } catch {
        // Gone or unreadable: read as a note without inline fields; the next change reads it again.
      }
      if (performance.now() - slice > SLICE_MS) {
        await nextTurn();
        slice = performance.now();
      }
    }
  }

  renamed(oldPath: string, newPath: string): void {
    this.generation++;
    const k = this.kept.get(oldPath);
    this.kept.delete(oldPath);
    if (k) this.kept.set(newPath, k);
  }

  deleted(path: string): void {
    this.generation++;
    this.kept.delete(path);
  }
}
