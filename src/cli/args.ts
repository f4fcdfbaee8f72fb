// Command-line arguments: a small hand-written parser, so every mistake gets one plain line
// (exit 2) instead of a library's generic message.
import { isCalendarDate } from '../core/dates';
import type { CalendarDate } from '../core/model';

export type CommandName = 'advise' | 'followups';
export type Placement = 'top' | 'end';

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
  placement?: Placement;
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

const COMMANDS: readonly CommandName[] = ['advise', 'followups'];
const FLAGS = ['json', 'write', 'details'] as const;
const VALUED = ['today', 'tasks-folder', 'limit', 'vault', 'placement'] as const;
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

  const what = command === 'advise' ? 'a note (.md file)' : 'a folder';
  if (positional.length === 0) throw new UsageError(`${command} needs ${what}`, command);
  if (positional.length > 1) {
    throw new UsageError(`${command} takes one ${command === 'advise' ? 'note' : 'folder'}, got ${positional.length}: ${positional.join(' ')}`, command);
  }
  if (flags.has('details') && command !== 'followups') throw new UsageError('--details is for followups', command);

  const options: CommandOptions = {
    command,
    target: positional[0]!,
    json: flags.has('json'),
    write: flags.has('write'),
    details: flags.has('details'),
  };
  const today = values.get('today');
  if (today !== undefined) {
    if (!isCalendarDate(today)) throw new UsageError(`--today ${JSON.stringify(today)} is not a calendar date (YYYY-MM-DD)`, command);
    options.today = today;
  }
  const limit = values.get('limit');
  if (limit !== undefined) {
    const n = Number(limit);
    if (!/^\d+$/.test(limit) || n < 50 || n > 3000) {
      throw new UsageError(`--limit "${limit}" must be a whole number of characters between 50 and 3000`, command);
    }
    options.limit = n;
  }
  const placement = values.get('placement');
  if (placement !== undefined) {
    if (placement !== 'top' && placement !== 'end') throw new UsageError(`--placement must be "top" or "end", not ${JSON.stringify(placement)}`, command);
    options.placement = placement;
  }
  const tasksFolder = values.get('tasks-folder');
  if (tasksFolder !== undefined) options.tasksFolder = tasksFolder;
  const vault = values.get('vault');
  if (vault !== undefined) options.vault = vault;
  return { kind: 'run', options };
}

const COMMON_OPTIONS = `  --today YYYY-MM-DD    the day to advise for (default: this computer's date)
  --json                print JSON instead of text
  --vault <folder>      the vault's root (default: the nearest folder above holding
                        .obsidian or .job-hunt-advisor.json, else the folder itself)
  --tasks-folder <path> vault-relative folder for task notes (default: "Job hunt tasks")
  --limit <n>           character limit for LinkedIn connection notes (default: 200)
  -h, --help            show this help`;

export const HELP: Record<'main' | CommandName, string> = {
  main: `job-hunt-advisor: advice on connecting with the hiring manager, and follow-up tasks,
for the job-application notes you already keep. Nothing is ever sent for you.

Usage:
  job-hunt-advisor advise <note.md> [--today YYYY-MM-DD] [--json] [--write]
  job-hunt-advisor followups <folder> [--today YYYY-MM-DD] [--json] [--write] [--details]
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
${COMMON_OPTIONS}`,
};
