// Command-line arguments: a small hand-written parser, so every mistake gets one plain line
// (exit 2) instead of a library's generic message.
import { isCalendarDate } from '../core/dates';
import type { CalendarDate } from '../core/model';
import { checkSetting } from '../core/settings';
import type { CalloutPlacement } from '../core/settings';

export type CommandName = 'advise' | 'followups' | 'new' | 'stage' | 'export';

export interface CommandOptions {
  command: CommandName;
  /** The note (advise) or folder (followups), as typed. */
  target: string;
  today?: CalendarDate;
  json: boolean;
  write: boolean;
  /** followups: print each application's whole advice too. */
  details: boolean;
  tasksFolder?: string;
  limit?: number;
  vault?: string;
  placement?: CalloutPlacement;
  /** stage: the stage word, as typed. */
  stageWord?: string;
  /** new: the application's fields, as typed. */
  application?: NewApplicationOptions;
  /** stage: the day it happened (default today); the interview's day. */
  on?: CalendarDate;
  interview?: CalendarDate;
  /** new: the folder for the note (default: the setting, else where most applications are). */
  folder?: string;
  /** export: the format. */
  csv: boolean;
  /** The advice pack folder, as typed (relative to where the tool runs). */
  packs?: string;
  /** Advise with the built-in experts only. */
  noPacks: boolean;
}

export interface NewApplicationOptions {
  company?: string;
  role?: string;
  url?: string;
  hiringManager?: string;
  recruiter?: string;
  stage?: string;
  applied?: CalendarDate;
}

export type ParsedArgs =
  | { kind: 'run'; options: CommandOptions }
  | { kind: 'help'; command?: CommandName }
  | { kind: 'version' };

/** A mistake in how the tool was called: exit 2, one line. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: CommandName) {
    super(message);
  }
}

const COMMANDS: readonly CommandName[] = ['advise', 'followups', 'new', 'stage', 'export'];
const FLAGS = ['json', 'write', 'details', 'csv', 'no-packs'] as const;
const HUNT_VALUED = ['company', 'role', 'url', 'hiring-manager', 'recruiter', 'stage', 'applied', 'folder', 'on', 'interview'] as const;
const VALUED = ['today', 'tasks-folder', 'limit', 'vault', 'placement', 'packs', ...HUNT_VALUED] as const;
/** Options only some commands take; any other command refuses them. */
const ONLY_FOR: Partial<Record<Flag | Valued, readonly CommandName[]>> = {
  write: ['advise', 'followups'], details: ['followups'], placement: ['advise', 'followups'], csv: ['export'],
  company: ['new'], role: ['new'], url: ['new'], 'hiring-manager': ['new'], recruiter: ['new'], stage: ['new'], applied: ['new'], folder: ['new'],
  on: ['stage'], interview: ['stage'],
  packs: ['advise', 'followups', 'stage', 'export'], 'no-packs': ['advise', 'followups', 'stage', 'export'],
};
/** What each command reads, and how many of them. */
const TARGETS: Record<CommandName, { what: string; takes: string; count: number }> = {
  advise: { what: 'a note (.md file)', takes: 'one note', count: 1 },
  followups: { what: 'a folder', takes: 'one folder', count: 1 },
  new: { what: 'the vault (a folder)', takes: 'one vault folder', count: 1 },
  stage: { what: 'a note (.md file) and a stage', takes: 'one note and one stage', count: 2 },
  export: { what: 'a folder', takes: 'one folder', count: 1 },
};
type Flag = (typeof FLAGS)[number];
type Valued = (typeof VALUED)[number];

function isCommand(word: string | undefined): word is CommandName {
  return COMMANDS.includes(word as CommandName);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') return { kind: 'help' };
  if (first === '--version' || first === '-v') return { kind: 'version' };
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { kind: 'help' };
    if (!isCommand(topic)) throw new UsageError(`unknown command "${topic}" (commands: ${COMMANDS.join(', ')})`);
    return { kind: 'help', command: topic };
  }
  if (!isCommand(first)) {
    throw new UsageError(`unknown command "${first}" (commands: ${COMMANDS.join(', ')})`);
  }
  const command = first;
  const flags = new Set<Flag>();
  const values = new Map<Valued, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--help' || arg === '-h') return { kind: 'help', command };
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`, command);
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if ((FLAGS as readonly string[]).includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`, command);
      flags.add(name as Flag);
      continue;
    }
    if ((VALUED as readonly string[]).includes(name)) {
      let value: string | undefined;
      if (eq !== -1) value = arg.slice(eq + 1);
      else {
        value = rest[i + 1];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`, command);
        i++;
      }
      values.set(name as Valued, value);
      continue;
    }
    throw new UsageError(`unknown option "--${name}"`, command);
  }

  const { what, takes, count } = TARGETS[command];
  if (positional.length < count) throw new UsageError(`${command} needs ${what}`, command);
  if (positional.length > count) throw new UsageError(`${command} takes ${takes}, got ${positional.length}: ${positional.join(' ')}`, command);
  for (const name of [...flags, ...values.keys()]) {
    const only = ONLY_FOR[name];
    if (only && !only.includes(command)) throw new UsageError(`--${name} is for ${only.join(' and ')}`, command);
  }
  if (flags.has('csv') && flags.has('json')) throw new UsageError('export writes --csv or --json, not both', command);
  if (flags.has('no-packs') && values.has('packs')) throw new UsageError('--packs and --no-packs contradict each other', command);

  const options: CommandOptions = {
    command,
    target: positional[0]!,
    json: flags.has('json'),
    write: flags.has('write'),
    details: flags.has('details'),
    csv: flags.has('csv'),
    noPacks: flags.has('no-packs'),
  };
  if (command === 'stage') options.stageWord = positional[1]!;
  readHuntOptions(values, options);
  const today = dateOption(values, 'today', command);
  if (today !== undefined) options.today = today;
  const limit = values.get('limit');
  if (limit !== undefined) {
    const check = checkSetting('connectionNoteLimit', limit);
    if (!check.ok) throw new UsageError(`--limit: ${check.message}`, command);
    options.limit = check.value;
  }
  const placement = values.get('placement');
  if (placement !== undefined) {
    const check = checkSetting('calloutPlacement', placement);
    if (!check.ok) throw new UsageError(`--placement: ${check.message}`, command);
    options.placement = check.value;
  }
  const tasksFolder = values.get('tasks-folder');
  if (tasksFolder !== undefined) options.tasksFolder = tasksFolder;
  const vault = values.get('vault');
  if (vault !== undefined) options.vault = vault;
  const packs = values.get('packs');
  if (packs !== undefined) options.packs = packs;
  return { kind: 'run', options };
}

/** A date option: a calendar day, or a usage error naming the option and the value. */
function dateOption(values: Map<Valued, string>, name: Valued, command: CommandName): CalendarDate | undefined {
  const value = values.get(name);
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) throw new UsageError(`--${name} ${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)`, command);
  return value;
}

/** The options of `new` and `stage`. */
function readHuntOptions(values: Map<Valued, string>, options: CommandOptions): void {
  const { command } = options;
  if (command === 'new') {
    const application: NewApplicationOptions = {};
    const text: [Valued, keyof NewApplicationOptions][] = [['company', 'company'], ['role', 'role'], ['url', 'url'], ['hiring-manager', 'hiringManager'], ['recruiter', 'recruiter'], ['stage', 'stage']];
    for (const [name, key] of text) {
      const value = values.get(name);
      if (value !== undefined) application[key] = value;
    }
    if (!application.company?.trim() || !application.role?.trim()) throw new UsageError('new needs --company and --role', command);
    const applied = dateOption(values, 'applied', command);
    if (applied !== undefined) application.applied = applied;
    options.application = application;
    const folder = values.get('folder');
    if (folder !== undefined) options.folder = folder;
  }
  const on = dateOption(values, 'on', command);
  if (on !== undefined) options.on = on;
  const interview = dateOption(values, 'interview', command);
  if (interview !== undefined) options.interview = interview;
}

const COMMON_OPTIONS = `  --today YYYY-MM-DD    the day to advise for (default: this computer's date)
  --json                print JSON instead of text
  --vault <folder>      the vault's root (default: the nearest folder above holding
                        .obsidian or .job-hunt-advisor.json, else the folder itself)
  --tasks-folder <path> vault-relative folder for task notes (default: "Job hunt tasks")
  --limit <n>           character limit for LinkedIn connection notes (default: 200)
  -h, --help            show this help`;

const PACK_OPTIONS = `  --packs <folder>      your advice pack: a folder of notes, one per expert of your own, read
                        beside the nine (default: the packsFolder setting, "Job hunt advice"
                        in the vault, when that folder is there)
  --no-packs            advise with the nine built-in experts only`;

export const HELP: Record<'main' | CommandName, string> = {
  main: `job-hunt-advisor: advice on connecting with the hiring manager, and follow-up tasks,
for the job-application notes you already keep. Nothing is ever sent for you.

Usage:
  job-hunt-advisor advise <note.md> [--today YYYY-MM-DD] [--json] [--write]
  job-hunt-advisor followups <folder> [--today YYYY-MM-DD] [--json] [--write] [--details]
  job-hunt-advisor new <vault> --company <name> --role <title> [--stage <word>] [--applied YYYY-MM-DD]
  job-hunt-advisor stage <note.md> <stage> [--on YYYY-MM-DD] [--interview YYYY-MM-DD]
  job-hunt-advisor export <folder> [--csv | --json]
  job-hunt-advisor help <command>

Exit codes: 0 done; 1 some notes could not be read (one line each on stderr);
2 the command itself was wrong.`,
  advise: `job-hunt-advisor advise <note.md> [options]

Reads one application note and prints: should you send the hiring manager a LinkedIn
connection request now (and which experts say so), the advice for this moment, and the
follow-ups it plans. Nothing is written unless you add --write.

Options:
  --write               insert or refresh the advice callout in the note (inside its
                        %% job-hunt-advisor %% block); nothing else in the note changes
  --placement top|end   where a new callout goes (default: top, below the frontmatter)
${PACK_OPTIONS}
${COMMON_OPTIONS}`,
  followups: `job-hunt-advisor followups <folder> [options]

Reads every application note below the folder (skipping hidden folders such as .obsidian,
node_modules and the tasks folder) and lists the follow-ups due, as a dry run.

Options:
  --write               create the task notes (TaskNotes format) in the tasks folder; notes
                        that exist already, even renamed, are never created again or changed,
                        and one you deleted or completed never comes back (remembered in
                        .job-hunt-advisor/created.json inside the vault)
  --details             also print each application's verdict and advice
${PACK_OPTIONS}
${COMMON_OPTIONS}`,
  new: `job-hunt-advisor new <vault> --company <name> --role <title> [options]

Creates a new application note, "Company - Role.md", in the applications folder (the
"newApplicationsFolder" setting, else the folder most of your applications are in, else
"Job applications"), with the field names and stage words your applications already use (or
your template note, the "templateNote" setting). A name that is taken gets " 2", " 3"...; a name
with characters files cannot hold gets a safe file name, and the note keeps the original as its
title and alias. Prints the path it created. Nothing is ever overwritten.

Options:
  --company <name>         the company (required)
  --role <title>           the role (required)
  --url <address>          the job posting
  --hiring-manager <name>  the hiring manager
  --recruiter <name>       the recruiter
  --stage <word>           the stage, in your words (default: wishlist)
  --applied YYYY-MM-DD     when you applied (default: today, once the stage is past wishlist)
  --folder <path>          vault-relative folder for the note (overrides the setting)
${COMMON_OPTIONS}`,
  stage: `job-hunt-advisor stage <note.md> <stage> [options]

Moves an application to another stage: sets its stage field in your words, fills the applied
and decision dates when they are empty, and adds "YYYY-MM-DD: Stage" to its stage_history list.
Only those lines of the frontmatter change. Then prints the follow-ups now planned. A stage word
it does not know is refused, with the ones it knows.

Options:
  --on YYYY-MM-DD          the day it happened (default: today)
  --interview YYYY-MM-DD   the interview's day, when moving to interviewing
${PACK_OPTIONS}
${COMMON_OPTIONS}`,
  export: `job-hunt-advisor export <folder> [--csv | --json]

Writes every application below the folder to standard output, one row each: company, role,
stage, applied, last stage change, next follow-up and its due date, and the note's path.
CSV (the default) follows RFC 4180, starts with a byte-order mark so spreadsheets read UTF-8, and
puts a ' before any cell that starts with = + - @ so no spreadsheet runs it as a formula.

Options:
  --csv                    CSV (the default)
${PACK_OPTIONS}
${COMMON_OPTIONS}`,
};
