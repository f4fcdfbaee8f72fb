// Application notes as Obsidian knows them: frontmatter from the metadata cache (never parsed by us
// for background notes), people's own notes resolved through links for their LinkedIn profiles.
import { getAllTags, getFrontMatterInfo, parseYaml } from 'obsidian';
import type { App, TFile } from 'obsidian';
import { isApplicationFrontmatter } from '../core/application';
import { isRecord } from '../core/fields';
import type { CalendarDate, DateOrder } from '../core/model';
import { adviseOn } from '../core/pipeline';
import type { Advised, NoteInput } from '../core/pipeline';
import { countsTowardDateOrder, outsideScope } from '../core/scope';
import { readTaskNoteId } from '../core/task-note';
import type { Settings } from '../core/settings';
import type { VaultNotes } from './vault-notes';

const LINKEDIN_FIELDS = ['linkedin', 'LinkedIn', 'linkedin_url', 'linkedinUrl', 'linkedin-url'];

export function frontmatterOf(app: App, file: TFile): Record<string, unknown> | undefined {
  const fm: unknown = app.metadataCache.getFileCache(file)?.frontmatter;
  return isRecord(fm) ? fm : undefined;
}

/** The note's tags as Obsidian reads them (properties and text), for the core's scope rule. */
function tagsOf(app: App, file: TFile): string[] {
  const cache = app.metadataCache.getFileCache(file);
  return cache ? getAllTags(cache) ?? [] : [];
}

function inScope(app: App, file: TFile, settings: Settings): boolean {
  // Pack notes (the person's experts) and task notes are outside it too: the core's one scope rule.
  if (file.extension !== 'md') return false;
  const needsTags = settings.applicationScope === 'tag';
  return outsideScope({ path: file.path, frontmatter: undefined, ...(needsTags ? { tags: tagsOf(app, file) } : {}) }, settings) === undefined;
}

/**
 * Cheap: in scope and has a stage-like field, in the frontmatter or in the body's inline fields.
 * Used to offer commands only on application notes.
 */
export function isApplicationNote(notes: VaultNotes, file: TFile, settings: Settings): boolean {
  const { app } = notes;
  if (!inScope(app, file, settings)) return false;
  const fm = frontmatterOf(app, file);
  // A task note of ours, wherever the person moved it, is never an application.
  return readTaskNoteId(fm) === undefined && isApplicationFrontmatter(fm, settings, notes.bodies.bodyOf(file));
}

/** Reads the bodies (for inline fields) of the notes in scope not read yet. */
export function readBodiesInScope(notes: VaultNotes, settings: Settings): Promise<void> {
  const { app } = notes;
  return notes.bodies.read(app.vault.getMarkdownFiles().filter((f) => inScope(app, f, settings)));
}

export function applicationNotes(notes: VaultNotes, settings: Settings): TFile[] {
  return notes.app.vault.getMarkdownFiles().filter((f) => isApplicationNote(notes, f, settings));
}

/** A LinkedIn URL written in a person's own note, found through the link that named them. */
function profileOf(app: App, link: string, sourcePath: string): string | undefined {
  const note = app.metadataCache.getFirstLinkpathDest(link, sourcePath);
  const fm = note ? frontmatterOf(app, note) : undefined;
  const url = fm ? LINKEDIN_FIELDS.map((k) => fm[k]).find((v): v is string => typeof v === 'string' && /^https?:\/\//i.test(v.trim())) : undefined;
  return url?.trim();
}

/**
 * Every note's frontmatter from the metadata cache: a date like 03/04/2026 reads in the order they
 * show. The same notes as the CLI's and VS Code's: not the tasks folder's, nor `node_modules`'.
 */
function* vaultFrontmatter(app: App, settings: Settings): Generator<unknown> {
  for (const f of app.vault.getMarkdownFiles()) if (countsTowardDateOrder(f.path, settings)) yield app.metadataCache.getFileCache(f)?.frontmatter;
}

/**
 * The note as the core's pipeline reads it, with what Obsidian knows of it: its tags (when the
 * scope asks for them), its body when it holds inline fields, people's own notes, the vault's dates.
 */
export function noteInput(notes: VaultNotes, file: TFile, frontmatter: unknown, settings: Settings, body = notes.bodies.bodyOf(file)): NoteInput {
  return noteInputs(notes, settings)(file, frontmatter, body);
}

/**
 * {@link noteInput} for many notes with the same settings: the look-ups every note shares made
 * once (the pane's first draw asks for thousands of notes at once).
 */
export function noteInputs(notes: VaultNotes, settings: Settings): (file: TFile, frontmatter: unknown, body?: string) => NoteInput {
  const { app, bodies } = notes;
  const withTags = settings.applicationScope === 'tag';
  const profile = (link: string, from: string): string | undefined => profileOf(app, link, from);
  const vaultNotes = (): Iterable<unknown> => vaultFrontmatter(app, settings);
  const rememberDateOrder = (learn: () => DateOrder | undefined): DateOrder | undefined => notes.dateOrder(settings, learn);
  return (file, frontmatter, body = bodies.bodyOf(file)) => {
    const note: NoteInput = { path: file.path, frontmatter, profileOf: profile, vaultNotes, rememberDateOrder };
    if (body) note.body = body;
    if (withTags) note.tags = tagsOf(app, file);
    return note;
  };
}

/**
 * The core's one pipeline on this note. `frontmatter`: from the metadata cache (frontmatterOf), or
 * from the open editor's text, which is newer than the cache until it is saved; `body` likewise
 * (for inline fields): given with the editor's text, else the one last read.
 */
export function adviseOnNote(notes: VaultNotes, file: TFile, frontmatter: unknown, settings: Settings, today: CalendarDate, body = notes.bodies.bodyOf(file)): Advised {
  // The pack's experts beside the nine: the knowledge is the vault's own, never left to a default.
  return adviseOn(noteInput(notes, file, frontmatter, settings, body), today, settings, notes.pack.knowledge);
}

export type TextFrontmatter = { ok: true; frontmatter: Record<string, unknown> | undefined } | { ok: false; message: string };

/** The frontmatter of a note's text, or why it can't be read (broken YAML). */
export function frontmatterFromText(text: string): TextFrontmatter {
  const plain = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // `---js` and the like: Obsidian reads no properties there, and we run nothing; say why.
  const language = /^---([A-Za-z][\w-]*)[ \t]*\r?\n/.exec(plain)?.[1];
  if (language) return { ok: false, message: `its front matter is in ${language}, which is not read (only YAML properties are); nothing in it was run` };
  const info = getFrontMatterInfo(plain);
  if (!info.exists) return { ok: true, frontmatter: undefined };
  try {
    const parsed: unknown = parseYaml(info.frontmatter);
    if (parsed === null || parsed === undefined) return { ok: true, frontmatter: undefined };
    if (typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, message: 'its properties are not a list of fields' };
    return { ok: true, frontmatter: parsed as Record<string, unknown> };
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] ?? '' : '';
    return { ok: false, message: `its properties (YAML) can't be read${why ? `: ${why.slice(0, 120)}` : ''}` };
  }
}
