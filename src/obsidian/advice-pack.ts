// The person's advice pack in the vault: the notes of the packs folder (a setting), read through the
// metadata cache (frontmatter) and vault.cachedRead (the body), turned into knowledge by the core
// (packs.ts). Kept live: creating, editing, renaming or deleting a pack note reads the pack again,
// a moment after the last change, and the pane and the advice follow. Pack notes are not
// applications: they are never advised and never get task notes. The plugin's one VaultPack reaches
// the advice through its VaultNotes (vault-notes.ts), never through a per-vault map.
import { debounce, TFile } from 'obsidian';
import type { App, Component, TAbstractFile } from 'obsidian';
import { BUILT_IN_KNOWLEDGE, type Knowledge } from '../core/knowledge';
import type { Expert, Problem } from '../core/model';
import { expertsOffProblems, knowledgeWithPack, packNoteView, packProblemLines, readAdvicePack, switchableExperts, type AdvicePack, type PackNote, type PackNoteView, type SwitchNamingNobody } from '../core/packs';
import { isPackNote, packsFolderPath } from '../core/scope';
import type { Settings } from '../core/settings';

/** How long after the last change to a pack note the pack is read again. */
export const PACK_RELOAD_DELAY_MS = 400;

/** The packs folder as a vault path (the core's one rule), or undefined when the setting is empty (no pack). */
function packsFolder(settings: Settings): string | undefined {
  return packsFolderPath(settings) || undefined;
}

export interface PackHost {
  settings(): Settings;
  /** The pack was read again and reads differently: redraw what shows advice. */
  changed(): void;
  /** A problem line not shown before (`<note>: <what is wrong>`). */
  problem(line: string): void;
}

export class VaultPack {
  /** The pack as last read; undefined before the first reading or without a pack folder. */
  current: AdvicePack | undefined;
  /** One line per problem of the last reading, each naming its note. */
  problems: string[] = [];
  knowledge: Knowledge = BUILT_IN_KNOWLEDGE;
  /** Readings started; a reading that is no longer the latest drops its result. */
  private readings = 0;
  private readFolder: string | undefined;
  private shown = new Set<string>();
  /** The problems of the last reading, by note. */
  private noteProblems: Problem[] = [];
  private fingerprint = '';
  private readonly reloadSoon = debounce(() => void this.load(), PACK_RELOAD_DELAY_MS, true);

  constructor(
    private readonly app: App,
    private readonly host: PackHost,
  ) {}

  /** Every expert a person can switch off: the nine, then the pack's. */
  experts(): readonly Expert[] {
    return switchableExperts(this.current);
  }

  /** Reads the pack once the vault is indexed, then follows every change to its notes while `owner` is loaded. */
  start(owner: Component): void {
    const { vault, metadataCache, workspace } = this.app;
    workspace.onLayoutReady(() => {
      void this.load();
      const touched = (file: TAbstractFile, oldPath?: string): void => {
        const settings = this.host.settings();
        if (isPackNote(file.path, settings) || (oldPath !== undefined && isPackNote(oldPath, settings))) this.reloadSoon();
      };
      owner.registerEvent(vault.on('create', (file) => touched(file)));
      owner.registerEvent(vault.on('modify', (file) => touched(file)));
      owner.registerEvent(vault.on('delete', (file) => touched(file)));
      owner.registerEvent(vault.on('rename', (file, oldPath) => touched(file, oldPath)));
      owner.registerEvent(metadataCache.on('changed', (file) => touched(file)));
    });
    owner.register(() => this.reloadSoon.cancel());
  }

  /** The settings were saved: a different packs folder is read at once; switches naming nobody are said. */
  settingsChanged(): void {
    if (packsFolder(this.host.settings()) !== this.readFolder) void this.load();
    else this.say();
  }

  /** What a view opened on a pack note shows: the expert it defines, whether they count, its problems. */
  noteView(path: string): PackNoteView {
    return packNoteView(path, this.knowledge, this.noteProblems, this.host.settings().expertsOff);
  }

  /** expertsOff entries that name none of the nine or the pack's experts as last read. */
  switchesNamingNobody(): SwitchNamingNobody[] {
    return expertsOffProblems(this.knowledge, this.host.settings().expertsOff);
  }

  /** The pack's own lines, then one per expertsOff entry naming nobody (the core's list); each new one said once. */
  private say(): void {
    const problems = packProblemLines(this.noteProblems, this.knowledge, this.host.settings().expertsOff);
    for (const line of problems) {
      if (!this.shown.has(line)) this.host.problem(line);
    }
    this.shown = new Set(problems);
    this.problems = problems;
  }

  /** Reads the pack now. Resolves when this reading (or a later one) is in place. */
  async load(): Promise<void> {
    const reading = ++this.readings;
    const folder = packsFolder(this.host.settings());
    const found: Problem[] = [];
    const notes: PackNote[] = [];
    const files = folder ? this.app.vault.getMarkdownFiles().filter((f) => isPackNote(f.path, this.host.settings())) : [];
    for (const file of files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const note = await this.readNote(file, found);
      if (note) notes.push(note);
    }
    if (reading !== this.readings) return; // a newer reading started meanwhile: it wins
    this.readFolder = folder;
    const pack = folder ? readAdvicePack(notes) : undefined;
    found.push(...(pack?.problems ?? []));
    this.current = pack;
    this.noteProblems = found;
    this.knowledge = pack ? knowledgeWithPack(pack) : BUILT_IN_KNOWLEDGE;
    this.say();
    // Redraw only when something a person would see changed (not for every save of an unchanged note).
    const fingerprint = JSON.stringify([notes, this.problems]);
    if (fingerprint !== this.fingerprint) {
      this.fingerprint = fingerprint;
      this.host.changed();
    }
  }

  private async readNote(file: TFile, problems: Problem[]): Promise<PackNote | undefined> {
    const cache = this.app.metadataCache.getFileCache(file);
    // Properties Obsidian could not read: said once, the rest of the pack still loads.
    if (cache?.frontmatterPosition && !cache.frontmatter) {
      problems.push({ notePath: file.path, message: "its properties (YAML) can't be read, so its expert is left out" });
      return undefined;
    }
    let text: string;
    try {
      text = await this.app.vault.cachedRead(file);
    } catch {
      problems.push({ notePath: file.path, message: 'could not be read, so its expert is left out' });
      return undefined;
    }
    const end = cache?.frontmatterPosition?.end.offset;
    const body = end === undefined ? text : text.slice(end).replace(/^\r?\n/, '');
    return { path: file.path, frontmatter: cache?.frontmatter, body };
  }
}
