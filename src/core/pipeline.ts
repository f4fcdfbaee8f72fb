// The one way through: a note's frontmatter in, the advice and the planned follow-ups out, or why
// the note is not an application, or what is wrong with it. Every host (CLI, plugin, pane, VS Code)
// calls this; none strings reading, advising and planning together itself.
import { advise, compiledFor } from './advice';
import { BUILT_IN_KNOWLEDGE, type Knowledge } from './knowledge';
import { needsDateOrder, readApplication, withVaultDateOrder } from './application';
import { planFollowUps } from './followups';
import type { AdviceReport, Application, CalendarDate, CoreSettings, DateOrder, FollowUp, Person, Problem } from './model';
import { withInlineFields } from './inline-fields';
import type { NoteFields } from './inline-fields';
import { outsideScope } from './scope';
import { readTaskNoteId } from './task-note';

export interface NoteInput {
  /** Vault-relative, with `/`. */
  path: string;
  /** The parsed frontmatter (undefined: the note has none). */
  frontmatter: unknown;
  /** The note's text below the frontmatter, for Dataview inline fields (and tags) written in it. */
  body?: string;
  /** The note's tags as the host knows them (Obsidian's metadata cache); else read from the note. */
  tags?: readonly string[];
  /**
   * A LinkedIn profile from the own note of a person named by a wikilink (their `link`), when the
   * host can look one up (the plugin through its metadata cache).
   */
  profileOf?: (link: string, notePath: string) => string | undefined;
  /**
   * Every note's frontmatter in the vault, asked for only when this note holds a date such as
   * 03/04/2026 and the date order is Automatic: such a date reads in the order the vault shows.
   */
  vaultNotes?: () => Iterable<unknown>;
  /** The host's memory of the order learnt from `vaultNotes`, kept while the vault is unchanged. */
  rememberDateOrder?: (learn: () => DateOrder | undefined) => DateOrder | undefined;
}

export type Advised =
  /** `followUps`: earliest due first, as planned. `report.application.warnings`: what did not stop reading. */
  | { kind: 'advice'; report: AdviceReport; followUps: FollowUp[] }
  /** Skipped quietly in a scan; said when the person asked about this very note. */
  | { kind: 'not-an-application'; reason: Problem }
  | { kind: 'problem'; problem: Problem };

function withProfile(person: Person | undefined, note: NoteInput): Person | undefined {
  if (!person?.link || person.linkedin || !note.profileOf) return person;
  const url = note.profileOf(person.link, note.path);
  return url ? { ...person, linkedin: url } : person;
}

/**
 * `knowledge`: the experts to advise with, the nine plus the person's pack (knowledgeWithPack in
 * packs.ts); the nine alone when absent.
 */
export function adviseOn(note: NoteInput, today: CalendarDate, settings: CoreSettings, knowledge?: Knowledge): Advised {
  const read = applicationOn(note, settings);
  if (read.kind !== 'application') return read;
  let { application } = read;
  if (note.profileOf) {
    const resolve = (p: Person): Person => withProfile(p, note) ?? p;
    application = {
      ...application,
      interviewers: application.interviewers.map(resolve),
      interviews: application.interviews.map((i) => ({ ...i, interviewers: i.interviewers.map(resolve) })),
    };
    const hiringManager = withProfile(application.hiringManager, note);
    const recruiter = withProfile(application.recruiter, note);
    if (hiringManager) application.hiringManager = hiringManager;
    if (recruiter) application.recruiter = recruiter;
  }
  const compiled = compiledFor(knowledge ?? BUILT_IN_KNOWLEDGE, read.settings.expertsOff);
  const report = advise(application, today, compiled);
  return { kind: 'advice', report, followUps: planFollowUps(report, read.settings, compiled.knowledge) };
}

export type NoteRead =
  /** `settings`: those the note was read with (the vault's date order in place of Automatic). */
  | { kind: 'application'; application: Application; settings: CoreSettings }
  | Exclude<Advised, { kind: 'advice' }>;

/**
 * The first half of adviseOn: the note read as an application by the same rules (the scope, task
 * notes, the date order), without advice. For lists over the whole vault: `people: false` leaves
 * out the people, the slowest part, when only the stage and dates (the moment) are wanted.
 */
export function applicationOn(note: NoteInput, settings: CoreSettings, { people = true }: { people?: boolean } = {}): NoteRead {
  const fields = fieldsOf(note, settings);
  if (fields.kind !== 'fields') return fields;
  const reading = note.vaultNotes ? withVaultDateOrder(settings, fields.fields, note.vaultNotes, note.rememberDateOrder) : settings;
  const read = readApplication({ frontmatter: fields.fields, path: note.path }, reading, { people });
  if (!read.ok) return read.notAnApplication ? { kind: 'not-an-application', reason: read.problem } : { kind: 'problem', problem: read.problem };
  if (fields.warnings.length > 0) read.application.warnings.unshift(...fields.warnings.map((w) => ({ notePath: note.path, ...w })));
  return { kind: 'application', application: read.application, settings: reading };
}

/** The note's fields (frontmatter and inline fields), or why it is not read as an application. */
function fieldsOf(note: NoteInput, settings: CoreSettings): { kind: 'fields'; fields: unknown; warnings: NoteFields['warnings'] } | Exclude<NoteRead, { kind: 'application' }> {
  const outside = outsideScope(note, settings);
  if (outside !== undefined) return { kind: 'not-an-application', reason: { notePath: note.path, message: outside } };
  // Dataview's inline fields, where the frontmatter has none of the same meaning (it wins).
  const fields = withInlineFields(note.frontmatter, note.body, settings);
  if (fields.fields === undefined) {
    return { kind: 'not-an-application', reason: { notePath: note.path, message: 'no frontmatter, so no stage: not read as an application' } };
  }
  // A task note we created (anywhere, even moved) is never read as an application.
  if (readTaskNoteId(note.frontmatter) !== undefined) {
    return { kind: 'not-an-application', reason: { notePath: note.path, message: 'a follow-up task note, not an application' } };
  }
  return { kind: 'fields', fields: fields.fields, warnings: fields.warnings };
}

/**
 * Whether adviseOn would ask this note's `vaultNotes`: it holds a date such as 03/04/2026 and the
 * date order is Automatic. A host that must fetch the vault's notes first (VS Code walks the
 * folder) asks this, so other notes never wait for it.
 */
export function needsVaultNotes(note: NoteInput, settings: CoreSettings): boolean {
  const fields = fieldsOf(note, settings);
  return fields.kind === 'fields' && needsDateOrder(fields.fields, settings);
}
