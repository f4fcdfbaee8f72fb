// What the plugin has generated, per application: the memory that keeps a task note the person
// deleted or completed from ever coming back, on this device and (through synced plugin data) others.
import type { FollowUp } from '../core/model';
import type { GeneratedFollowUp } from './settings';

export class GeneratedFollowUps {
  constructor(
    /** The live record inside plugin data: changed in place, then saved by `save`. */
    private readonly record: Record<string, GeneratedFollowUp[]>,
    private readonly save: () => Promise<void>,
  ) {}

  forApplication(applicationPath: string): readonly GeneratedFollowUp[] {
    return this.record[applicationPath] ?? [];
  }

  /**
   * The entry for this follow-up: same id, or (after the application was renamed, which changes
   * ids) same kind and title.
   */
  find(applicationPath: string, f: FollowUp): GeneratedFollowUp | undefined {
    const list = this.forApplication(applicationPath);
    return list.find((g) => g.id === f.id) ?? list.find((g) => g.kind === f.kind && g.title === f.title);
  }

  /** The application whose note got a Tasks line for this follow-up id, if any. */
  applicationWithLine(id: string): string | undefined {
    for (const [path, list] of Object.entries(this.record)) if (list.some((g) => g.id === id && g.line)) return path;
    return undefined;
  }

  async add(applicationPath: string, entries: GeneratedFollowUp[]): Promise<void> {
    if (entries.length === 0) return;
    const list = (this.record[applicationPath] ??= []);
    for (const entry of entries) if (!list.some((g) => g.id === entry.id)) list.push(entry);
    await this.save();
  }

  async markLine(applicationPath: string, ids: string[]): Promise<void> {
    let changed = false;
    for (const g of this.forApplication(applicationPath)) {
      if (ids.includes(g.id) && !g.line) {
        g.line = true;
        changed = true;
      }
    }
    if (changed) await this.save();
  }

  /** The application note moved: its memory moves with it (a folder rename moves every note inside). */
  async rename(oldPath: string, newPath: string): Promise<void> {
    let changed = false;
    for (const path of Object.keys(this.record)) {
      let target: string | undefined;
      if (path === oldPath) target = newPath;
      else if (path.startsWith(`${oldPath}/`)) target = newPath + path.slice(oldPath.length);
      if (target === undefined) continue;
      const moved = this.record[path] ?? [];
      delete this.record[path];
      const existing = this.record[target] ?? [];
      this.record[target] = [...existing, ...moved.filter((m) => !existing.some((e) => e.id === m.id))];
      changed = true;
    }
    // A task note we made moved too: remember where it is now.
    for (const list of Object.values(this.record)) {
      for (const g of list) {
        if (g.path === oldPath) {
          g.path = newPath;
          changed = true;
        }
      }
    }
    if (changed) await this.save();
  }
}

/**
 * Adds what another device remembered (plugin data arriving by sync) to this device's memory.
 * A union, never a replacement: forgetting an entry could bring a deleted task back.
 */
export function mergeGenerated(into: Record<string, GeneratedFollowUp[]>, from: Record<string, GeneratedFollowUp[]>): boolean {
  let changed = false;
  for (const [path, list] of Object.entries(from)) {
    const mine = (into[path] ??= []);
    for (const entry of list) {
      if (!mine.some((m) => m.id === entry.id)) {
        mine.push(entry);
        changed = true;
      }
    }
  }
  return changed;
}
