// The one memory of created follow-ups, for every host: "is this follow-up already known?" and
// "remember that I made it". It holds the ledger (`.job-hunt-advisor/created.json`, see ledger.ts)
// and the task notes found in the vault. A follow-up is known by its id, or by its kind, title and
// the application it links to: renaming an application changes its follow-ups' ids, while the task
// notes' links (updated by Obsidian) and the ledger (updated by hosts that see the rename) follow
// it. Hosts supply only I/O (MemoryIO); nothing here reads a file.
import type { TaskNoteAt } from './across';
import { mergeLedgers, parseLedger, renderLedger } from './ledger';
import type { LedgerEntry } from './ledger';
import type { CalendarDate, FollowUp } from './model';
import { isRecord } from './fields';
import { parseWikilink } from './people';
import { readTaskNoteId } from './task-note';
import { oneLine } from './text';

/** A note in the vault that may be one of our task notes: its path and its frontmatter. */
export interface FoundNote {
  path: string;
  frontmatter: unknown;
}

/**
 * What a host supplies, async and tiny so that Node's fs, Obsidian's adapter and VS Code's
 * workspace.fs all fit. Paths are vault-relative.
 */
export interface MemoryIO {
  /**
   * The text of `created.json` ('' when there is none) first, then those of the sync-conflict
   * copies beside it (isLedgerFileName); an unreadable copy is left out.
   */
  readLedgers(): Promise<string[]>;
  /** Writes `created.json` (making its folder when needed): the one write of the memory. */
  writeLedger(text: string): Promise<void>;
  /** Notes that may be task notes of ours (their frontmatter is checked here). */
  listTaskNotes(): Promise<FoundNote[]>;
}

/** Kind and title in any case; the application exactly (`Acme` and `ACME` are two notes). */
const key = (kind: string, title: string, application = ''): string => `${oneLine(kind).toLowerCase()}\u0000${oneLine(title).toLowerCase()}\u0000${oneLine(application)}`;
const withoutMd = (path: string): string => path.replace(/\.md$/i, '');

/** The application a task note's `projects` link names: a wikilink's target or a Markdown link's path. */
function linkedApplication(frontmatter: Record<string, unknown>): string | undefined {
  const first: unknown = Array.isArray(frontmatter.projects) ? frontmatter.projects[0] : frontmatter.projects;
  if (typeof first !== 'string') return undefined;
  const wiki = parseWikilink(first);
  if (wiki) return withoutMd(wiki.target);
  const markdown = /^\s*\[[^\]]*\]\(([^)]+)\)\s*$/.exec(first)?.[1];
  if (!markdown) return undefined;
  try {
    return withoutMd(decodeURIComponent(markdown));
  } catch {
    return withoutMd(markdown);
  }
}

/** The names a follow-up's application goes by in links: its path without `.md`, and its note name. */
function applicationNames(f: FollowUp): string[] {
  return [withoutMd(f.applicationPath), f.applicationName];
}

export class FollowUpMemory {
  private entries: LedgerEntry[];
  /** The text of created.json when read ('' when there was none): written back only when it differs. */
  private readonly readText: string;
  private byId = new Map<string, LedgerEntry>();
  private byKindTitleApplication = new Map<string, LedgerEntry>();
  /** Task notes: id -> the application it links to; title + linked application -> its id. */
  private readonly noteIds = new Map<string, string | undefined>();
  private readonly noteByTitle = new Map<string, string>();
  /** Kind + title (and title alone, for entries without a kind) of entries whose application note is gone. */
  private readonly goneByTitle = new Map<string, string>();

  private constructor(entries: LedgerEntry[], readText: string, notes: readonly FoundNote[]) {
    this.entries = entries;
    this.readText = readText;
    this.index();
    for (const note of notes) this.addTaskNote(note);
  }

  /** `ledgers[0]` is created.json ('' when missing); the rest are its sync-conflict copies. */
  static from(ledgers: readonly string[], notes: readonly FoundNote[]): FollowUpMemory {
    return new FollowUpMemory(mergeLedgers(...ledgers.map(parseLedger)), ledgers[0] ?? '', notes);
  }

  private index(): void {
    this.byId = new Map(this.entries.map((e) => [e.id, e]));
    this.byKindTitleApplication = new Map();
    for (const e of this.entries) this.byKindTitleApplication.set(key(e.kind ?? '', e.title, withoutMd(e.application)), e);
  }

  /** A note of the vault: remembered when it carries a follow-up id. False when it is not ours. */
  addTaskNote(note: FoundNote): boolean {
    const id = readTaskNoteId(note.frontmatter);
    if (id === undefined || !isRecord(note.frontmatter)) return false;
    const { title } = note.frontmatter;
    const application = linkedApplication(note.frontmatter);
    this.noteIds.set(id, application);
    if (typeof title === 'string' && title.trim() !== '' && application) this.noteByTitle.set(key('', title, application), id);
    return true;
  }

  /**
   * The ids under which this follow-up is known (a task note exists, or one was made and perhaps
   * deleted or completed since), or undefined when it never was.
   */
  known(f: FollowUp): string[] | undefined {
    const ids = new Set<string>();
    const id = f.id.toLowerCase();
    if (this.byId.has(id) || this.noteIds.has(id)) ids.add(id);
    const legacy = f.legacyId?.toLowerCase();
    if (legacy !== undefined) {
      // An older version's id folded the path's case: it is this follow-up only where the entry or
      // the task note names this very application (else ACME.md would take Acme.md's).
      const names = applicationNames(f);
      const entry = this.byId.get(legacy);
      if (entry && names.includes(withoutMd(entry.application))) ids.add(legacy);
      const linked = this.noteIds.get(legacy);
      if (linked !== undefined && names.includes(linked)) ids.add(legacy);
    }
    for (const name of applicationNames(f)) {
      const entry = this.byKindTitleApplication.get(key(f.kind, f.title, name)) ?? this.byKindTitleApplication.get(key('', f.title, name));
      if (entry) ids.add(entry.id);
      const note = this.noteByTitle.get(key('', f.title, name));
      if (note) ids.add(note);
    }
    const gone = this.goneByTitle.get(key(f.kind, f.title)) ?? this.goneByTitle.get(key('', f.title));
    if (gone) ids.add(gone);
    return ids.size > 0 ? [...ids] : undefined;
  }

  /**
   * Entries whose application note no longer exists (renamed where this host did not see it, or
   * deleted) are matched by kind and title alone: a task note the person deleted has no link left
   * to follow, and the title comes from the note's fields, which a rename keeps.
   */
  markGoneApplications(exists: (applicationPath: string) => boolean): void {
    for (const e of this.entries) {
      if (e.application !== '' && !exists(e.application)) this.goneByTitle.set(key(e.kind ?? '', e.title), e.id);
    }
  }

  /** Every entry remembered, for a host that writes the ledger its own way (the CLI, under its lock). */
  all(): readonly LedgerEntry[] {
    return this.entries;
  }

  /** The ledger's entry for this follow-up, by id or (after a rename) by kind, title and application. */
  entryFor(f: FollowUp): LedgerEntry | undefined {
    return (this.known(f) ?? []).map((id) => this.byId.get(id)).find((e) => e !== undefined);
  }

  /**
   * Remembers that a task note for this follow-up exists (made now, or found made before), under
   * its id of today: after a rename the host did not see, the old entry no longer names this
   * application, so a deletion from now on is still remembered.
   */
  remember(f: FollowUp, path: string, today: CalendarDate): void {
    if (this.byId.has(f.id.toLowerCase())) return;
    this.entries = mergeLedgers(this.entries, [
      { id: f.id.toLowerCase(), application: f.applicationPath, kind: f.kind, title: f.title, path, created: today },
    ]);
    this.index();
  }

  /** Entries whose application is this note. */
  entriesFor(applicationPath: string): readonly LedgerEntry[] {
    return this.entries.filter((e) => e.application === applicationPath);
  }

  /** The application whose note holds a Tasks line for this follow-up id. */
  applicationWithLine(id: string): string | undefined {
    const entry = this.byId.get(id.toLowerCase());
    return entry?.line ? entry.application : undefined;
  }

  /** Marks that a Tasks line was added to the application note for these follow-ups. */
  markLine(ids: readonly string[]): void {
    for (const id of ids) {
      const entry = this.byId.get(id.toLowerCase());
      if (entry) entry.line = true;
    }
  }

  /** A note moved (an application, a folder of them, or a task note): the entries follow it. */
  renamed(oldPath: string, newPath: string): void {
    const moved = (path: string): string =>
      path === oldPath ? newPath : path.startsWith(`${oldPath}/`) ? newPath + path.slice(oldPath.length) : path;
    for (const e of this.entries) {
      e.application = moved(e.application);
      e.path = moved(e.path);
    }
    this.index();
  }

  /** Adds entries remembered elsewhere (another device's plugin data, an older ledger): a union. */
  merge(entries: readonly LedgerEntry[]): void {
    this.entries = mergeLedgers(this.entries, [...entries]);
    this.index();
  }

  /**
   * Entries another writer added since this memory was read: new ids join; for an id known here,
   * this memory's entry stays (it may have followed a rename since), marked with a Tasks line if
   * either says so.
   */
  keepOthers(entries: readonly LedgerEntry[]): void {
    const added = entries.filter((e) => !this.byId.has(e.id));
    for (const e of entries) {
      const mine = this.byId.get(e.id);
      if (mine && e.line) mine.line = true;
    }
    if (added.length > 0) this.merge(added);
  }

  /** The ledger's text holding everything remembered; undefined when created.json already says it. */
  changedText(): string | undefined {
    const text = renderLedger(this.entries);
    return text === this.readText ? undefined : text;
  }
}

/**
 * Adds a task note to our task notes by id (a sync conflict copy may give an id two), each id's
 * kept by path: the first of two is the same whatever order a host read the notes in.
 */
export function addTaskNoteById<T extends TaskNoteAt>(byId: Map<string, T[]>, task: T): void {
  const list = byId.get(task.id);
  if (!list) byId.set(task.id, [task]);
  else {
    list.push(task);
    list.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0)); // code-unit order: the same on every device
  }
}

/** Where a planned follow-up stands, as every host shows it. */
export type FollowUpState = 'planned' | 'created' | 'done' | 'dismissed';

export interface FollowUpStatus {
  state: FollowUpState;
  /** The task note, when it exists. */
  path?: string;
}

/**
 * A follow-up's state from our task notes (by id, as readTaskNote reads them) and the one memory:
 * its task note, an open one before a done one (a sync conflict copy may give two); else
 * dismissed when one was made and is gone (deleted on purpose); else planned.
 */
export function followUpStatus(f: FollowUp, taskNotes: ReadonlyMap<string, readonly TaskNoteAt[]>, memory: FollowUpMemory): FollowUpStatus {
  const id = f.id.toLowerCase();
  const ids = memory.known(f) ?? [];
  const notes = [id, ...ids.filter((other) => other !== id)].flatMap((other) => taskNotes.get(other) ?? []);
  const note = notes.find((n) => !n.done) ?? notes[0];
  if (note) return { state: note.done ? 'done' : 'created', path: note.path };
  return ids.length > 0 ? { state: 'dismissed' } : { state: 'planned' };
}

/** The memory from a host's I/O. A ledger that is there but unreadable throws (UnreadableLedger). */
export async function loadMemory(io: MemoryIO): Promise<FollowUpMemory> {
  const [ledgers, notes] = await Promise.all([io.readLedgers(), io.listTaskNotes()]);
  return FollowUpMemory.from(ledgers, notes);
}

/**
 * Writes the ledger when it changed: read again first, since another host (the CLI, a second
 * device through sync) may have added entries while this one created its task notes; the text
 * written is the union, so neither loses the other's.
 */
export async function saveMemory(io: MemoryIO, memory: FollowUpMemory): Promise<void> {
  const now = await io.readLedgers();
  memory.keepOthers(mergeLedgers(...now.map(parseLedger)));
  const text = renderLedger(memory.all());
  if (text !== (now[0] ?? '')) await io.writeLedger(text);
}
