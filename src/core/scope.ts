// Which notes count as applications, for every host: any note with a stage field, only those in the
// applications folder, or only those with the applications tag; never a note in the tasks folder,
// never a note of the advice pack (in the packs folder: the person's own experts).
// The plugin, VS Code and the CLI all ask this through adviseOn, so a note outside the scope is
// advised and planned for by none of them.
import { isRecord } from './fields';
import type { CoreSettings } from './model';
import { tasksFolderPath } from './task-note';

/** What the scope rule looks at in a note. */
export interface ScopedNote {
  /** Vault-relative, with `/`. */
  path: string;
  frontmatter: unknown;
  /** The text below the frontmatter, for tags written in it. */
  body?: string;
  /** The note's tags as the host knows them (Obsidian's metadata cache); else read from the note. */
  tags?: readonly string[];
}

/** A folder setting as a vault path: `\` or `/`, no empty or `.` segments; '' for the whole vault. */
function folderPath(folder: string): string {
  return folder.replace(/\\/g, '/').split('/').map((s) => s.trim()).filter((s) => s !== '' && s !== '.').join('/');
}

function tagWords(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Code (fenced blocks and inline spans) holds no tags. */
const CODE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))|`[^`\n]*`/gm;
/** `#tag` after a space or at a line's start: letters, digits, `_`, `-` and `/`, not digits alone. */
const BODY_TAG = /(?:^|[\s(])#([\p{L}\p{N}_/-]+)/gu;

/**
 * A note's tags, without `#`, as Obsidian counts them: the `tags` (or `tag`) property, a list or
 * words separated by commas or spaces, and `#tags` in the text outside code.
 */
export function noteTags(frontmatter: unknown, body = ''): string[] {
  const tags: string[] = [];
  if (isRecord(frontmatter)) {
    for (const word of [...tagWords(frontmatter.tags), ...tagWords(frontmatter.tag)]) {
      const tag = word.trim().replace(/^#/, '');
      if (tag !== '') tags.push(tag);
    }
  }
  if (body.includes('#')) {
    for (const m of body.replace(CODE, ' ').matchAll(BODY_TAG)) {
      const tag = m[1] ?? '';
      if (!/^[\d/]*$/.test(tag)) tags.push(tag);
    }
  }
  return tags;
}

let lastPacksFolder: string | undefined;
let lastPacksFolderPath = '';
/** The same path with its closing `/`: what a pack note's path starts with. */
let lastPacksPrefix = '/';

/** The advice pack's folder as a vault path; '' when the setting is empty (no pack). */
export function packsFolderPath(settings: Pick<CoreSettings, 'packsFolder'>): string {
  // Asked for every note a scan or the pane reads (is it a pack note?), always with the same setting.
  if (settings.packsFolder !== lastPacksFolder) {
    lastPacksFolderPath = folderPath(settings.packsFolder);
    lastPacksPrefix = `${lastPacksFolderPath}/`;
    lastPacksFolder = settings.packsFolder;
  }
  return lastPacksFolderPath;
}

/** Whether the note is one of the advice pack's (in the packs folder or below): never an application. */
export function isPackNote(path: string, settings: Pick<CoreSettings, 'packsFolder'>): boolean {
  return packsFolderPath(settings) !== '' && path.startsWith(lastPacksPrefix);
}

let lastTasksFolder: string | undefined;
let lastTasksPrefix = '';

/** The tasks folder's path with its closing `/`, kept for the setting it was made from (asked for every note). */
function tasksPrefix(folder: string): string {
  if (folder !== lastTasksFolder) {
    lastTasksPrefix = `${tasksFolderPath(folder)}/`;
    lastTasksFolder = folder;
  }
  return lastTasksPrefix;
}

/**
 * Whether the note is in the tasks folder or below. Such notes are never applications, and their
 * dates do not count toward the vault's day/month order (the CLI's walk skips that folder).
 */
function isInTasksFolder(path: string, settings: Pick<CoreSettings, 'tasksFolder'>): boolean {
  return path.startsWith(tasksPrefix(settings.tasksFolder));
}

/**
 * Folders that hold no notes, skipped by every host's walk of a vault or workspace folder: hidden
 * ones (.obsidian, .git, .trash: Obsidian indexes none of them) and a code project's `node_modules`.
 */
export function isNotNotesFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Whether the note's dates count toward the vault's day/month order (a date such as 03/04/2026
 * under Automatic): every note but those in the tasks folder and in folders of code or settings
 * (`node_modules`, hidden folders), the notes the CLI's walk reads. Every host asks this.
 */
export function countsTowardDateOrder(path: string, settings: Pick<CoreSettings, 'tasksFolder'>): boolean {
  if (isInTasksFolder(path, settings)) return false;
  const folders = path.split('/').slice(0, -1);
  return !folders.some(isNotNotesFolder);
}

/** Why the settings do not count this note as an application; undefined when they do. */
export function outsideScope(note: ScopedNote, settings: CoreSettings): string | undefined {
  if (isPackNote(note.path, settings)) return `in the advice pack folder "${packsFolderPath(settings)}" (a setting), so an advice pack note (one of your experts), not an application`;
  if (isInTasksFolder(note.path, settings)) return 'in the tasks folder, so a task note, not an application';
  if (settings.applicationScope === 'folder') {
    const folder = folderPath(settings.applicationsFolder);
    if (folder !== '' && !note.path.startsWith(`${folder}/`)) return `outside the applications folder "${folder}" (a setting), so not read as an application`;
  } else if (settings.applicationScope === 'tag') {
    const wanted = settings.applicationsTag.trim().replace(/^#/, '').toLowerCase();
    const tags = note.tags ?? noteTags(note.frontmatter, note.body);
    // A nested tag counts for its parent: #job-application/remote is a #job-application.
    const tagged = tags.some((t) => {
      const tag = t.replace(/^#/, '').toLowerCase();
      return tag === wanted || tag.startsWith(`${wanted}/`);
    });
    if (!tagged) return `not tagged #${wanted} (a setting), so not read as an application`;
  }
  return undefined;
}
