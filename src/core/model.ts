// The job hunter's vocabulary, shared by every module of the core, the CLI and the plugin.
// Pure types: nothing here reads files, the clock or Obsidian.

/** A calendar date as `YYYY-MM-DD`. Never a Date: a calendar day is the same in every time zone. */
export type CalendarDate = string;

/** Canonical stages. Every stage word a person uses maps to one of these. */
export const STAGES = [
  'wishlist',
  'applied',
  'screening',
  'interviewing',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
  'ghosted',
] as const;
export type Stage = (typeof STAGES)[number];

/** Something wrong with a note, said in one line the person can act on. */
export interface Problem {
  /** Vault-relative path of the note. */
  notePath: string;
  /** The field concerned, as written in the note, when there is one. */
  field?: string;
  /** One line, no stack trace, without the path (hosts name the note their own way): "stage "Maybe" is not a known stage (known: ...)". */
  message: string;
}

/** A person named in a note. */
export interface Person {
  /** Display name: `[[Jane Doe|Jane]]` gives "Jane Doe"; a plain string is kept as written (trimmed). */
  name: string;
  /** Wikilink target when the person was written as a link (`[[People/Jane Doe]]` -> "People/Jane Doe"). */
  link?: string;
  /** What they do in this hiring process, as the note says it ("Hiring manager", "Recruiter"). */
  role?: string;
  email?: string;
  /** A LinkedIn profile URL, when the note (or the person's own note, in the plugin) gives one. */
  linkedin?: string;
}

/** One interview round. */
export interface Interview {
  date: CalendarDate;
  /** "14:30" when given; display only. */
  time?: string;
  /** "Technical screen", "Onsite"... */
  name?: string;
  interviewers: Person[];
  /** Round status as written (e.g. "done", "scheduled"). */
  status?: string;
}

/** An application note, read from its frontmatter. */
export interface Application {
  /** Vault-relative path of the note, with `/` separators. */
  path: string;
  /** The note's name without folder and `.md`: used in links back to it. */
  noteName: string;
  company?: string;
  role?: string;
  stage: Stage;
  /** The stage word as the person wrote it ("Recruiter_Screen"). */
  stageLabel: string;
  applied?: CalendarDate;
  /** All interview rounds, sorted by date. Single `interview` dates become rounds too. */
  interviews: Interview[];
  /** When the decision came (offer, rejection, hire). */
  decision?: CalendarDate;
  /** A follow-up reminder date the person set themselves. */
  followUp?: CalendarDate;
  hiringManager?: Person;
  recruiter?: Person;
  /** Everyone who interviews the candidate, across rounds, without repeats. */
  interviewers: Person[];
  /** True when the note says the LinkedIn connection with the hiring manager already exists. */
  connected: boolean;
  /** Problems that did not stop reading (an impossible date, an unknown field value): shown, never guessed over. */
  warnings: Problem[];
}

/** The result of reading a note: an application, or why it is not one. */
export type ReadResult =
  | { ok: true; application: Application }
  | { ok: false; problem: Problem; /** true when the note simply isn't an application (no stage field): skipped quietly in a scan. */ notAnApplication: boolean };

/**
 * Where the application stands today. Derived from stage, dates and today's date; the advice
 * engine and the follow-up planner both work from it.
 */
export const MOMENTS = [
  'not-applied',
  'just-applied',
  'waiting',
  'interview-ahead',
  'just-interviewed',
  'offer',
  'hired',
  'rejected',
  'withdrawn',
  'ghosted',
] as const;
export type Moment = (typeof MOMENTS)[number];

export interface Expert {
  /** Stable id, e.g. "zack-mccarty" (a pack's experts: "pack:" and their note's `id`, else their name). */
  id: string;
  name: string;
  /** Organization exactly as the source gives it. */
  organization: string;
  /** Where the advice comes from: the article, or a pack note's `source`. */
  source?: string;
  /** The pack note this expert comes from; absent for the nine of the article. */
  pack?: string;
  /** Other ids that still name a pack expert in expertsOff (the id from their name, when the note gives its own `id`). */
  aliases?: string[];
}

/**
 * Where an application stands as the experts see it: the moments, plus waiting for an answer
 * after an interview (the experts who want you to connect to get an interview no longer speak
 * to it; those who say wait for an offer still do).
 */
export type Situation = Moment | 'waiting-after-interview';

/** What an expert (or a piece of advice) says about sending the connection request. */
export type Stance = 'connect' | 'wait' | 'none';
/** How firmly they said it: a hedge ("may help", "consider") stays a hedge. */
export type Firmness = 'firm' | 'hedged';
/** Whether they spoke to this moment itself, or only in general words that reach it. */
export type Reach = 'direct' | 'general';

/** One expert's word on connecting now, at this moment. */
export interface Voice {
  expert: Expert;
  stance: Exclude<Stance, 'none'>;
  firmness: Firmness;
  reach: Reach;
  /** Why, in our words, at this moment. */
  because: string;
}

export interface Verdict {
  /** Send the hiring manager a LinkedIn connection request now? */
  connectNow: boolean;
  /** True when the note says they are already connected: nothing to decide. */
  alreadyConnected: boolean;
  /** Hedged when every voice on the winning side hedged. */
  firmness: Firmness;
  /** Whose words decided: those who speak to this moment, else the general ones, else nobody. */
  basis: 'direct' | 'general' | 'none';
  /** Speak to this moment and favour connecting. */
  for: Voice[];
  /** Speak to this moment and would wait. */
  against: Voice[];
  /** Spoke only in general words that reach this moment: shown as such, never counted as dissent. */
  general: Voice[];
}

/** An expert behind a piece of advice, with their own angle on it. */
export interface Backer {
  expert: Expert;
  reach: Reach;
  firmness: Firmness;
  /** Their angle, in our words. */
  note: string;
}

/** A piece of advice chosen for this application at this moment: one idea, every expert behind it. */
export interface Advice {
  /** The tip's id in the knowledge (a built-in TipId, or a pack item's id). */
  id: string;
  title: string;
  /** A sentence or two, paraphrased. */
  detail: string;
  stance: Stance;
  /** Every expert behind it, those who speak to this moment first. */
  backers: Backer[];
  /** The same experts, for views that list names only. */
  experts: Expert[];
}

/** Whom the person can write to: the hiring manager, else a recruiter the note names. */
export interface Contact {
  person: Person;
  as: 'hiring-manager' | 'recruiter';
}

/** The dates and people that matter at this moment, worked out once; views word them. */
export interface Facts {
  /** Days from the applied date to today (negative: a date still ahead). */
  daysSinceApplied?: number;
  /** The first interview today or later, and the days until it. */
  next?: Interview;
  daysToNext?: number;
  /** The latest interview before today, and the days since. */
  last?: Interview;
  daysSinceLast?: number;
  /** Every interview before today, by date. */
  pastRounds: Interview[];
  /** Days since the decision (offer, hire, rejection), when dated. */
  daysSinceDecision?: number;
  /** Interviews are under way but the note gives no date for any. */
  undatedInterview: boolean;
  contact?: Contact;
}

/**
 * The advice for one application today: facts and ids, no English of its own. The callout, the
 * pane and the terminal word it through wording.ts.
 */
export interface AdviceReport {
  application: Application;
  today: CalendarDate;
  moment: Moment;
  situation: Situation;
  facts: Facts;
  verdict: Verdict;
  /** At most five, those who speak to this moment first. */
  advice: Advice[];
}

export type FollowUpKind =
  | 'connection-request'
  | 'research-interviewers'
  | 'view-profile'
  | 'thank-you-letter'
  | 'ask-feedback'
  | 'connect-after-hire'
  | 'intro-call'
  | 'check-in';

/** A follow-up task the person should do (the product never does it for them). */
export interface FollowUp {
  /** Stable: same application and follow-up give the same id on every run and machine. */
  id: string;
  /** The id older versions gave it (they folded the path's case), when different: matched for this application only. */
  legacyId?: string;
  kind: FollowUpKind;
  /** Names the people: "Send a thank-you letter to Ana Silva and Ben Ito". */
  title: string;
  /** The day to do it by, as the pane and the callout show it: never before today. */
  due: CalendarDate;
  /**
   * The day the application's own dates set for it, even once it has passed (task plugins then show
   * it overdue); absent when none does ("now"). The task note's `due`: it must not depend on today.
   */
  dueByNote?: CalendarDate;
  /** The application's day it hangs on when it has no dueByNote (its applied or interview day). */
  anchor?: CalendarDate;
  scheduled?: CalendarDate;
  priority: 'low' | 'normal' | 'high';
  /** Why this follow-up, tied to the application. */
  reason: string;
  experts: Expert[];
  /** An editable draft (connection note within the character limit, thank-you letter). */
  draft?: string;
  /** "@linkedin", "@letter", ... for task plugins' contexts. */
  context?: string;
  /** The application it belongs to. */
  applicationPath: string;
  applicationName: string;
}

/** Settings shared by the CLI and the plugin. */
export interface CoreSettings {
  /** Field-name overrides: meaning -> the person's field name. */
  fieldMap: Partial<Record<FieldMeaning, string>>;
  /** Extra stage words: word -> canonical stage. */
  stageAliases: Record<string, Stage>;
  /** Character limit for LinkedIn connection notes (200 on free accounts). */
  connectionNoteLimit: number;
  /** Folder (vault-relative) where task notes are created. */
  tasksFolder: string;
  /** The person's own name, to sign drafts. Empty: drafts end with a placeholder. */
  yourName: string;
  /**
   * How to read a numeric date that isn't ISO (`03/04/2026`). `auto`: the order the vault's own
   * unambiguous dates show (hosts learn it and pass it in place of `auto`); with none, an
   * ambiguous date is refused with a message naming this setting, never guessed.
   */
  dateOrder: DateOrderSetting;
  /** Which notes count as applications (src/core/scope.ts); each still needs a stage field. */
  applicationScope: ApplicationScope;
  /** With the `folder` scope: only notes in this folder and below. */
  applicationsFolder: string;
  /** With the `tag` scope: only notes with this tag (or one nested in it), without the `#`. */
  applicationsTag: string;
  /** Experts the person switched off, by id or by name: they neither vote nor back advice. */
  expertsOff: string[];
  /** The advice pack: a vault-relative folder of expert notes (packs.ts), never applications (scope.ts); empty: no pack. */
  packsFolder: string;
}

export type ApplicationScope = 'any-note-with-stage' | 'folder' | 'tag';

/** Year-month-day, month-day-year, day-month-year. */
export type DateOrder = 'YMD' | 'MDY' | 'DMY';
export type DateOrderSetting = 'auto' | DateOrder;

/** What a frontmatter field can mean to us: declared once, here, for every host and setting. */
export const FIELD_MEANINGS = [
  'stage',
  'company',
  'role',
  'applied',
  'interview',
  'decision',
  'followUp',
  'hiringManager',
  'recruiter',
  'interviewers',
  'contacts',
  'connected',
] as const;
export type FieldMeaning = (typeof FIELD_MEANINGS)[number];

/** A note to create: where, and its whole text. */
export interface PlannedNote {
  /** Vault-relative path, inside the tasks folder. */
  path: string;
  content: string;
  followUp: FollowUp;
}
