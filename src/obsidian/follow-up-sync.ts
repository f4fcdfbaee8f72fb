// Follow-ups that create themselves: once after start-up, and whenever an application's stage or
// dates change. A fingerprint of those fields per note makes the same change arriving again (a burst
// of metadata events, a sync touching the file) do nothing; one queue keeps two runs from racing.
import type { TFile } from 'obsidian';
import type { Application, CalendarDate } from '../core/model';
import type { Advised } from '../core/pipeline';
import { adviseOnNote, applicationNotes, frontmatterOf, isApplicationNote, readBodiesInScope } from './application-notes';
import type { VaultMemory } from './memory';
import type { VaultNotes } from './vault-notes';
import type { Settings } from '../core/settings';
import { appendTasksLines, createTaskNotes } from './task-notes';
import type { CreationResult } from './task-notes';

const SLICE_MS = 8;
const nextTurn = (): Promise<void> => new Promise((resolve) => window.setTimeout(resolve, 0));

export interface CreatedFor {
  application: TFile;
  notes: TFile[];
}

export interface FollowUpSyncHost {
  /** The plugin's reading of the vault: it fills the bodies kept for inline fields from the events here. */
  notes: VaultNotes;
  settings(): Settings;
  memory: VaultMemory;
  today(): CalendarDate;
  /** Task notes were created (one call per run, all applications together). */
  created(created: CreatedFor[]): void;
  problem(message: string): void;
  /**
   * Automatic creation would create these task notes, and the person has not answered yet whether
   * it may (the first time in a vault): show them and ask. Nothing is created until they agree.
   */
  askConsent(plan: ConsentPlan): void;
}

/** What automatic creation would create, shown before it does so for the first time. */
export interface ConsentPlan {
  folder: string;
  applications: { name: string; path: string; count: number }[];
  total: number;
}

/** The fields whose change may change the plan: stage, dates, connection. */
export function fingerprint(a: Application): string {
  return JSON.stringify([a.stage, a.applied, a.decision, a.followUp, a.connected, a.interviews.map((i) => [i.date, i.status])]);
}

export class FollowUpSync {
  private readonly fingerprints = new Map<string, string>();
  private queue: Promise<unknown> = Promise.resolve();
  private lastScan: CalendarDate | undefined;
  private stopped = false;

  constructor(private readonly host: FollowUpSyncHost) {}

  /** Plans and creates the follow-ups of one application, after any run already under way. */
  createFor(file: TFile, options: { appendLines?: boolean } = {}): Promise<CreationResult | undefined> {
    return this.enqueue(() => this.create(file, options.appendLines ?? true));
  }

  /** Every application once (start-up, and again when the day changes). */
  scanAll(): Promise<void> {
    const { notes } = this.host;
    const { app } = notes;
    const settings = this.host.settings();
    this.lastScan = this.host.today();
    const asking = settings.autoCreate && settings.autoCreateConsent !== 'answered';
    return this.enqueue(async () => {
      // Inline fields (`Stage:: Applied`) are in the notes' text, which the metadata cache lacks.
      await readBodiesInScope(notes, settings);
      const files = applicationNotes(notes, settings);
      const created: CreatedFor[] = [];
      const plan: ConsentPlan = { folder: settings.tasksFolder, applications: [], total: 0 };
      const memory = asking ? this.host.memory.current() : undefined;
      let slice = performance.now();
      for (const file of files) {
        // Thousands of applications must not freeze Obsidian after start-up: the event loop gets
        // a turn whenever the scan has run for a few milliseconds.
        if (performance.now() - slice > SLICE_MS) {
          await nextTurn();
          slice = performance.now();
        }
        const advised = adviseOnNote(notes, file, frontmatterOf(app, file), settings, this.host.today());
        if (advised.kind !== 'advice') continue;
        this.fingerprints.set(file.path, fingerprint(advised.report.application));
        if (!settings.autoCreate) continue;
        if (memory) {
          // Not asked yet: count what would be made (never made before, no task note with its id).
          const count = advised.followUps.filter((f) => !memory.known(f)).length;
          if (count > 0) plan.applications.push({ name: file.basename, path: file.path, count });
          plan.total += count;
          continue;
        }
        const result = await this.create(file, true, false, advised);
        if (result && result.created.length > 0) created.push({ application: file, notes: result.created });
      }
      if (created.length > 0) this.host.created(created);
      if (plan.total > 0) this.host.askConsent(plan);
    });
  }

  /** When the calendar day has turned since the last scan, moments may have moved: scan again. */
  newDay(): Promise<void> | undefined {
    return this.lastScan !== undefined && this.lastScan !== this.host.today() ? this.scanAll() : undefined;
  }

  /** The metadata cache has new frontmatter for this note; `text`: the note's text, as the event gives it. */
  changed(file: TFile, text?: string): Promise<void> | undefined {
    const { notes } = this.host;
    if (text !== undefined) notes.bodies.remember(file, text);
    const settings = this.host.settings();
    if (!isApplicationNote(notes, file, settings)) return undefined;
    const advised = adviseOnNote(notes, file, frontmatterOf(notes.app, file), settings, this.host.today());
    if (advised.kind !== 'advice') return undefined;
    const print = fingerprint(advised.report.application);
    if (this.fingerprints.get(file.path) === print) return undefined;
    this.fingerprints.set(file.path, print);
    if (!settings.autoCreate) return undefined;
    // Not asked yet: the question shows what the whole vault would get, this note included.
    if (settings.autoCreateConsent !== 'answered') return this.scanAll();
    return this.enqueue(() => this.create(file, true)).then(() => undefined);
  }

  renamed(oldPath: string, newPath: string): void {
    this.host.notes.bodies.renamed(oldPath, newPath);
    const print = this.fingerprints.get(oldPath);
    this.fingerprints.delete(oldPath);
    if (print !== undefined) this.fingerprints.set(newPath, print);
  }

  deleted(path: string): void {
    this.host.notes.bodies.deleted(path);
    this.fingerprints.delete(path);
  }

  /** The plugin is unloading: runs still queued do nothing. */
  stop(): void {
    this.stopped = true;
  }

  /** Resolves when every queued run has finished (for tests and unload). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private enqueue<T>(run: () => Promise<T>): Promise<T | undefined> {
    const next = this.queue.then(run, run).catch((error: unknown) => {
      this.host.problem(error instanceof Error ? error.message : 'Follow-up tasks could not be created.');
      return undefined;
    });
    this.queue = next;
    return next;
  }

  /** `advised`: the pipeline's answer for this note when the caller has it already, this very turn. */
  private async create(file: TFile, appendLines: boolean, notify = true, advised?: Advised): Promise<CreationResult | undefined> {
    if (this.stopped) return undefined;
    const { notes } = this.host;
    const { app } = notes;
    const settings = this.host.settings();
    // The note may have been renamed or deleted while this run waited in the queue.
    if (!app.vault.getFileByPath(file.path)) return undefined;
    const answer = advised ?? adviseOnNote(notes, file, frontmatterOf(app, file), settings, this.host.today());
    if (answer.kind !== 'advice') return undefined;
    const { followUps } = answer;
    const result = await createTaskNotes(app, followUps, settings, this.host.memory, this.host.today());
    if (appendLines && settings.tasksLines && result.created.length > 0) {
      // Lines only for notes made now: one made elsewhere already had its line added there.
      const made = new Set(result.created.map((f) => f.path));
      const fresh = followUps.filter((f) => made.has(this.host.memory.current().entryFor(f)?.path ?? ''));
      await appendTasksLines(app, file, fresh, settings, this.host.memory);
    }
    for (const p of result.problems) this.host.problem(p);
    if (notify && result.created.length > 0) this.host.created([{ application: file, notes: result.created }]);
    return result;
  }
}
