// The follow-ups that already have a task note (or had one), so `followups --write` never makes a
// second. A task note is recognised by the id it carries, or by its title together with the
// application it links to: Obsidian updates that link when the application note is renamed,
// while the id (made from the application's path) changes.
import type { PlannedNote } from '../core/model';
import { readTaskNoteId } from '../core/task-note';
import { readFrontmatter } from './frontmatter';
import { applicationTitleKey } from './plugin-memory';
import { isRecord } from '../core/people';


/**
 * The note a project link points at (`[[Jobs/Acme|Acme]]` and `[Acme](Jobs/Acme.md)` -> "jobs/acme"):
 * the alias is display text only, and Obsidian keeps it as it was when it rewrites a renamed target.
 */
function linkTarget(link: string): string {
  const text = link.trim();
  const wiki = /^\[\[([^|\]]*)(?:\|[^\]]*)?\]\]$/.exec(text);
  const markdown = /^\[[^\]]*\]\(([^)]*)\)$/.exec(text);
  let target = wiki?.[1] ?? markdown?.[1] ?? text;
  if (markdown) {
    try {
      target = decodeURIComponent(target);
    } catch {
      // Not percent-encoded after all: compared as written.
    }
  }
  return target.replace(/\.md$/i, '').trim().toLowerCase();
}

/** Title and first project link's target, compared without case: undefined when either is missing. */
function titleAndProject(frontmatter: unknown): string | undefined {
  if (!isRecord(frontmatter)) return undefined;
  const { title, projects } = frontmatter;
  const project: unknown = Array.isArray(projects) ? projects[0] : projects;
  if (typeof title !== 'string' || typeof project !== 'string' || title.trim() === '' || project.trim() === '') return undefined;
  return `${title.trim().toLowerCase()}\u0000${linkTarget(project)}`;
}

export class KnownTasks {
  private readonly ids = new Set<string>();
  private readonly keys = new Set<string>();
  /** applicationTitleKey of follow-ups remembered for an application under its present path. */
  readonly remembered = new Set<string>();
  /** Titles remembered for an application whose note is gone (renamed outside the plugin, or deleted). */
  private readonly orphanTitles = new Set<string>();

  /**
   * A follow-up remembered for an application that no longer exists at that path: after a rename
   * its id changed, and a task note the person deleted has no link left to follow, so its title
   * is what is matched (the title comes from the note's fields, which a rename keeps).
   */
  addOrphan(title: string): void {
    if (title.trim() !== '') this.orphanTitles.add(title.trim());
  }

  /** Remembers a task note from its frontmatter; false when it is not one of ours. */
  addNote(frontmatter: unknown): boolean {
    const id = readTaskNoteId(frontmatter);
    if (id === undefined) return false;
    this.ids.add(id);
    const key = titleAndProject(frontmatter);
    if (key !== undefined) this.keys.add(key);
    return true;
  }

  addId(id: string): void {
    this.ids.add(id.toLowerCase());
  }

  /** Whether the planned note's follow-up already has (or had) a task note. */
  has(planned: PlannedNote): boolean {
    const f = planned.followUp;
    if (this.ids.has(f.id.toLowerCase())) return true;
    if (this.remembered.has(applicationTitleKey(f.applicationPath, f.title)) || this.orphanTitles.has(f.title.trim())) return true;
    const parsed = readFrontmatter(planned.content);
    const key = parsed.ok ? titleAndProject(parsed.frontmatter) : undefined;
    return key !== undefined && this.keys.has(key);
  }

  /** Remembers a note just created. */
  addPlanned(planned: PlannedNote): void {
    const parsed = readFrontmatter(planned.content);
    if (!parsed.ok || !this.addNote(parsed.frontmatter)) this.addId(planned.followUp.id);
  }
}
