// The command-line tool as a function: arguments and an output channel in, an exit code out.
// main.ts hands it the real process; tests hand it their own.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { insertOrRefreshBlock, renderAdviceCallout } from '../core/callout';
import { compareFollowUps } from '../core/followups';
import type { AdviceReport, CalendarDate, FollowUp } from '../core/model';
import { LEDGER_PATH, UnreadableLedger } from '../core/ledger';
import { FollowUpMemory } from '../core/memory';
import type { FoundNote } from '../core/memory';
import { adviseOn } from '../core/pipeline';
import { BUILT_IN_KNOWLEDGE } from '../core/knowledge';
import { expertsOffProblems } from '../core/packs';
import { formatReportText } from '../core/report-text';
import { checkSetting } from '../core/settings';
import type { Settings } from '../core/settings';
import { readTaskNoteId, renderTaskNote, taskNotePath, tasksFolderPath } from '../core/task-note';
import { HELP, parseArgs, UsageError } from './args';
import type { CommandOptions } from './args';
import { ConfigProblem, loadSettings } from './config';
import { readFrontmatter } from './frontmatter';
import { LOCK_PATH, olderPluginMemory, readLedger, withLedgerLock, writeLedger } from './ledger';
import type { LockOptions } from './ledger';
import { runExport, runNew, runStage } from './hunt';
import type { HuntKit } from './hunt';
import { loadPack, PackFolderMissing } from './packs';
import type { LoadedPack } from './packs';
import { followUpJson, followUpLines, reportJson, JsonList, writeJson } from './output';
import { CONFIG_FILE, describeFsError, FileProblem, findVaultRoot, NotUtf8, OutsideVault, Vault } from './vault';
import type { WriteHooks } from './vault';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Where relative paths start. */
  cwd: string;
  /** Today on this computer's calendar: only the command-line tool reads the clock, never the core. */
  today: () => CalendarDate;
  /** Tests only: act inside a write, as another program could at that instant. */
  hooks?: WriteHooks;
  /** Tests only: how long to wait for another run's lock on the ledger. */
  lock?: LockOptions;
}

export const EXIT_OK = 0;
export const EXIT_NOTE_PROBLEM = 1;
export const EXIT_USAGE = 2;

export const VERSION = '0.1.0';

/** Prints `<path>: <problem>` lines and remembers that something went wrong. */
class Problems {
  count = 0;
  constructor(private readonly io: CliIO) {}
  report(shownPath: string, message: string): void {
    this.count++;
    this.io.stderr(`${shownPath}: ${message}\n`);
  }
  warn(shownPath: string, message: string): void {
    this.io.stderr(`${shownPath}: ${message}\n`);
  }
}

interface Setup {
  vault: Vault;
  settings: Settings;
  today: CalendarDate;
  lock?: LockOptions;
  /** Every note's frontmatter, read once and only if a note holds a date needing the vault's order. */
  vaultFrontmatter?: unknown[];
  /** The person's advice pack, when there is one. */
  pack?: LoadedPack;
}

/** A path as the person would type it from here; absolute when it is elsewhere. */
function shownFrom(cwd: string, absolute: string): string {
  const rel = path.relative(cwd, absolute);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? absolute : rel;
}

/** The frontmatter of every note in the vault (a date like 03/04/2026 reads in the order they show). */
function vaultFrontmatter(setup: Setup): unknown[] {
  if (setup.vaultFrontmatter) return setup.vaultFrontmatter;
  const all: unknown[] = [];
  for (const note of setup.vault.listNotes(setup.vault.root, [setup.settings.tasksFolder])) {
    try {
      const parsed = readFrontmatter(setup.vault.read(note));
      if (parsed.ok && parsed.hasFrontmatter) all.push(parsed.frontmatter);
    } catch {
      // Unreadable here is reported where the note itself is read.
    }
  }
  setup.vaultFrontmatter = all;
  return all;
}

function setUp(options: CommandOptions, io: CliIO, start: string): Setup {
  let root: string;
  if (options.vault !== undefined) {
    root = path.resolve(io.cwd, options.vault);
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
      throw new UsageError(`--vault "${options.vault}" is not a folder`, options.command);
    }
  } else {
    root = findVaultRoot(start) ?? start;
  }
  const vault = new Vault(root, io.hooks);
  if (!vault.contains(start)) throw new UsageError(`"${options.target}" is not inside the vault ${root}`, options.command);
  const settings = loadSettings(root);
  if (options.tasksFolder !== undefined) {
    const check = checkSetting('tasksFolder', options.tasksFolder);
    if (!check.ok) throw new UsageError(`--tasks-folder: ${check.message}`, options.command);
    settings.tasksFolder = check.value;
  }
  if (options.limit !== undefined) settings.connectionNoteLimit = options.limit;
  if (options.placement !== undefined) settings.calloutPlacement = options.placement;
  try {
    // Leaving the vault (by `..` or a link) is refused; anything else is checked, read and written
    // as the one path the core makes of it (`a/../b` is `b`, `NUL` is `NUL_`).
    vault.resolve(settings.tasksFolder.replace(/\\/g, '/').replace(/^\/+/, ''));
    settings.tasksFolder = tasksFolderPath(settings.tasksFolder);
    vault.resolve(settings.tasksFolder);
  } catch (error) {
    if (error instanceof OutsideVault) throw new UsageError(`tasks folder ${error.message}`, options.command);
    throw error;
  }
  // A new note gets no advice: its pack is not read.
  const pack = options.command === 'new' ? undefined : packOf(options, io, vault, settings);
  // `--packs` names the pack folder for this run: its notes are the pack's, never applications (scope.ts).
  if (pack && options.packs !== undefined && vault.contains(pack.folder)) settings.packsFolder = vault.relative(pack.folder);
  // An expertsOff entry naming nobody is said (not with --no-packs: it may name a pack expert).
  if (options.command !== 'new' && !options.noPacks) {
    for (const { message } of expertsOffProblems(pack?.knowledge ?? BUILT_IN_KNOWLEDGE, settings.expertsOff)) io.stderr(`${shownFrom(io.cwd, path.join(root, CONFIG_FILE))}: ${message}\n`);
  }
  return { vault, settings, today: options.today ?? io.today(), ...(io.lock ? { lock: io.lock } : {}), ...(pack ? { pack } : {}) };
}

function packOf(options: CommandOptions, io: CliIO, vault: Vault, settings: Settings): LoadedPack | undefined {
  const choice = { noPacks: options.noPacks, packsFolder: settings.packsFolder, cwd: io.cwd, ...(options.packs !== undefined ? { packs: options.packs } : {}) };
  try {
    return loadPack(vault, choice, (absolute, message) => io.stderr(`${shownFrom(io.cwd, absolute)}: ${message}\n`));
  } catch (error) {
    if (error instanceof PackFolderMissing) throw new UsageError(error.message, options.command);
    throw error;
  }
}

type NoteReading =
  | { ok: true; report: AdviceReport; followUps: FollowUp[]; text: string; frontmatter: unknown }
  | { ok: false; message: string; notAnApplication: boolean };

/** `shown`: the path to name the note by, or how to make it (only a note with warnings needs it). */
function readNote(absolute: string, setup: Setup, problems: Problems, shown: string | (() => string), found?: FoundNote[]): NoteReading {
  const { vault, settings, today, pack } = setup;
  let text: string;
  try {
    text = vault.read(absolute);
  } catch (error) {
    // Not UTF-8: said of a note that would be an application; any other such file is not a note.
    const notANote = error instanceof NotUtf8 && !readFrontmatterLossy(error.bytes);
    return { ok: false, message: error instanceof FileProblem ? error.message : describeFsError(error), notAnApplication: notANote };
  }
  const parsed = readFrontmatter(text);
  if (!parsed.ok) return { ok: false, message: parsed.message, notAnApplication: false };
  const frontmatter = parsed.hasFrontmatter ? parsed.frontmatter : undefined;
  const notePath = vault.relative(absolute);
  // A task note we created (anywhere, even moved) is known, so it is never made twice.
  if (found && readTaskNoteId(frontmatter) !== undefined) found.push({ path: notePath, frontmatter });
  const vaultNotes = (): unknown[] => vaultFrontmatter(setup);
  const advised = adviseOn({ path: notePath, frontmatter, body: parsed.body, vaultNotes }, today, settings, pack?.knowledge);
  if (advised.kind === 'not-an-application') return { ok: false, message: advised.reason.message, notAnApplication: true };
  if (advised.kind === 'problem') return { ok: false, message: advised.problem.message, notAnApplication: false };
  for (const warning of advised.report.application.warnings) problems.warn(typeof shown === 'string' ? shown : shown(), warning.message);
  return { ok: true, report: advised.report, followUps: advised.followUps, text, frontmatter };
}

/** Whether bytes that are not UTF-8 still open with a frontmatter block (so it would be an application). */
function readFrontmatterLossy(bytes: Uint8Array): boolean {
  const parsed = readFrontmatter(new TextDecoder().decode(bytes));
  return !parsed.ok || parsed.hasFrontmatter;
}

/** The note or folder named on the command line: missing is a problem (1), the wrong kind a usage error (2). */
function targetExists(absolute: string, options: CommandOptions, problems: Problems): boolean {
  const wantsFolder = options.command === 'followups';
  if (!fs.existsSync(absolute)) {
    problems.report(options.target, wantsFolder ? 'no such folder' : 'no such file');
    return false;
  }
  if (fs.statSync(absolute).isDirectory() !== wantsFolder) {
    throw new UsageError(
      wantsFolder
        ? `"${options.target}" is a file: followups reads a folder (for one note, use advise)`
        : `"${options.target}" is a folder: advise reads one note (for a folder, use followups --details)`,
      options.command,
    );
  }
  return true;
}

function runAdvise(options: CommandOptions, io: CliIO): number {
  const absolute = path.resolve(io.cwd, options.target);
  const problems = new Problems(io);
  if (!targetExists(absolute, options, problems)) return EXIT_NOTE_PROBLEM;
  const setup = setUp(options, io, path.dirname(absolute));
  const reading = readNote(absolute, setup, problems, options.target);
  if (!reading.ok) {
    problems.report(options.target, reading.message);
    return EXIT_NOTE_PROBLEM;
  }
  const { report, followUps, text } = reading;
  let written: boolean | undefined;
  if (options.write) {
    // The core keeps a byte-order mark, the line endings and every byte outside its block.
    const updated = insertOrRefreshBlock(text, renderAdviceCallout(report, followUps, { folded: setup.settings.calloutFolded }), setup.settings.calloutPlacement);
    written = updated !== text;
    if (written) {
      try {
        setup.vault.replace(absolute, text, updated);
      } catch (error) {
        if (error instanceof OutsideVault) throw new UsageError(error.message, 'advise');
        problems.report(options.target, error instanceof FileProblem ? error.message : describeFsError(error));
        return EXIT_NOTE_PROBLEM;
      }
    }
  }
  if (options.json) {
    const json = reportJson(report, followUps, (f) => taskNotePath(f, setup.settings));
    io.stdout(`${JSON.stringify(options.write ? { ...json, written } : json, null, 2)}\n`);
  } else {
    io.stdout(formatReportText(report, followUps).replace(/\n*$/, '\n'));
    if (options.write) io.stdout(written ? `\nAdvice callout written to ${options.target}.\n` : `\n${options.target} already holds this advice: nothing changed.\n`);
  }
  return EXIT_OK;
}

/** The task notes in the tasks folder, renamed or completed ones included. */
function tasksFolderNotes(vault: Vault, tasksFolder: string, problems: Problems): FoundNote[] {
  const folder = vault.resolve(tasksFolder);
  if (!fs.existsSync(folder)) return [];
  const found: FoundNote[] = [];
  for (const note of vault.listNotes(folder, [], (p, message) => problems.report(vault.relative(p), message))) {
    try {
      const parsed = readFrontmatter(vault.read(note));
      if (parsed.ok) found.push({ path: vault.relative(note), frontmatter: parsed.frontmatter });
    } catch {
      // An unreadable task note carries no id we could match; its path still blocks a duplicate.
    }
  }
  return found;
}

interface WriteResult {
  created: string[];
  /** Follow-ups that have a task note, or had one (made before, then deleted): left alone. */
  skipped: string[];
}

/**
 * Whether the note is there under this very name: on a case-insensitive disk `Kestrel.md` "exists"
 * after a rename to `KESTREL.md`, and the ledger's entries for it would never count as moved.
 */
function applicationExists(vault: Vault, relative: string): boolean {
  try {
    const absolute = vault.resolve(relative);
    return fs.existsSync(absolute) && fs.readdirSync(path.dirname(absolute)).includes(path.basename(absolute));
  } catch {
    return false; // outside the vault, or its folder unreadable: not an application of this one
  }
}

/** `found`: task notes met while scanning (anywhere in the folder read). */
function writeTaskNotes(followUps: FollowUp[], setup: Setup, problems: Problems, found: FoundNote[]): WriteResult {
  // One run at a time creates and records task notes in a vault: two at once would each write a
  // ledger missing the other's entries, and a deleted task could come back.
  try {
    readLedger(setup.vault); // an unreadable ledger (or a file where its folder goes) is named before any lock
    return withLedgerLock(setup.vault, () => writeTaskNotesLocked(followUps, setup, problems, found), setup.lock);
  } catch (error) {
    if (error instanceof OutsideVault) {
      // The memory's folder leads out of the vault: nothing is created that could not be remembered.
      problems.report(LEDGER_PATH, `${error.message}; nothing created`);
      return { created: [], skipped: [] };
    }
    if (error instanceof UnreadableLedger) {
      problems.report(error.path, error.message.slice(error.path.length + 2));
      return { created: [], skipped: [] };
    }
    if (!(error instanceof FileProblem)) throw error;
    problems.report(LOCK_PATH, error.message);
    return { created: [], skipped: [] };
  }
}

function writeTaskNotesLocked(followUps: FollowUp[], setup: Setup, problems: Problems, found: FoundNote[]): WriteResult {
  const result: WriteResult = { created: [], skipped: [] };
  // The one memory: the vault's ledger (every host's) and the task notes in it.
  const ledger = readLedger(setup.vault);
  const memory = FollowUpMemory.from([ledger.text], [...found, ...tasksFolderNotes(setup.vault, setup.settings.tasksFolder, problems)]);
  memory.merge(ledger.entries); // the sync-conflict copies too
  memory.merge(olderPluginMemory(setup.vault)); // what an older plugin kept in data.json
  memory.markGoneApplications((application) => applicationExists(setup.vault, application));
  for (const f of followUps) {
    const planned = renderTaskNote(f, setup.settings);
    if (memory.known(f)) {
      result.skipped.push(planned.path);
      memory.remember(f, planned.path, setup.today);
      continue;
    }
    try {
      if (setup.vault.create(planned.path, planned.content)) result.created.push(planned.path);
      else result.skipped.push(planned.path);
      memory.remember(f, planned.path, setup.today);
    } catch (error) {
      problems.report(planned.path, error instanceof Error ? error.message : String(error));
    }
  }
  try {
    writeLedger(setup.vault, ledger, memory.all());
  } catch (error) {
    if (error instanceof UnreadableLedger) problems.report(error.path, `${error.problem}; not replaced, so the task notes just created are not remembered in it`);
    else problems.report(LEDGER_PATH, error instanceof Error ? error.message : String(error));
  }
  return result;
}

function runFollowUps(options: CommandOptions, io: CliIO): number {
  const folder = path.resolve(io.cwd, options.target);
  const problems = new Problems(io);
  if (!targetExists(folder, options, problems)) return EXIT_NOTE_PROBLEM;
  const setup = setUp(options, io, folder);
  // Paths as the person would type them from here; absolute when the notes are elsewhere.
  const shown = (absolute: string): string => shownFrom(io.cwd, absolute);
  // Only what is printed is kept: a note's text and report are dropped once it is planned (a
  // 10,000-note scan would otherwise hold the whole vault in memory), unless --details shows them.
  const reports: { report: AdviceReport; followUps: FollowUp[] }[] = [];
  const planned: FollowUp[] = [];
  let applications = 0;
  const found: FoundNote[] = [];
  // The pack's notes are advice, not applications.
  const skip = [setup.settings.tasksFolder, ...(setup.pack ? [setup.pack.folder] : [])];
  for (const note of setup.vault.listNotes(folder, skip, (p, message) => problems.report(shown(p), message))) {
    const reading = readNote(note, setup, problems, () => shown(note), found);
    if (reading.ok) {
      applications++;
      for (const f of reading.followUps) planned.push(f);
      if (options.details) reports.push({ report: reading.report, followUps: reading.followUps });
    } else if (!reading.notAnApplication) problems.report(shown(note), reading.message);
  }
  // Each application's follow-ups come planned in order; across applications, the same order.
  const all = planned.sort(compareFollowUps);
  const written = options.write ? writeTaskNotes(all, setup, problems, found) : undefined;
  const taskNote = (f: FollowUp): string => taskNotePath(f, setup.settings);

  if (options.json) {
    // Task-note paths only when they are written: naming 10,000 files safely is not free.
    const json: Record<string, unknown> = { today: setup.today, followUps: new JsonList(all, (f) => followUpJson(f, written ? taskNote(f) : undefined)) };
    if (options.details) json.applications = new JsonList(reports, (r) => reportJson(r.report, r.followUps, taskNote));
    if (written) Object.assign(json, written);
    writeJson(json, io.stdout);
    io.stdout('\n');
    return problems.count > 0 ? EXIT_NOTE_PROBLEM : EXIT_OK;
  }

  const out: string[] = [];
  if (options.details) {
    for (const r of reports) out.push(formatReportText(r.report, r.followUps).replace(/\n*$/, ''), '', '-'.repeat(72), '');
  }
  const count = `${applications} application${applications === 1 ? '' : 's'}`;
  if (applications === 0) out.push(`No application notes found below ${options.target}.`);
  else if (all.length === 0) out.push(`No follow-ups to plan for the ${count} on ${setup.today}.`);
  else out.push(`Follow-ups for the ${count} below ${options.target}, as of ${setup.today}:`, '', followUpLines(all));
  if (written) {
    out.push('');
    if (written.created.length > 0) out.push(`Created ${written.created.length} task note(s):`, ...written.created.map((p) => `  ${p}`));
    if (written.skipped.length > 0) out.push(`${written.skipped.length} follow-up(s) already have a task note, or had one: left alone.`);
  } else if (all.length > 0) {
    out.push('', `Dry run: nothing written. Add --write to create these as task notes in "${setup.settings.tasksFolder}".`);
  }
  io.stdout(`${out.join('\n')}\n`);
  return problems.count > 0 ? EXIT_NOTE_PROBLEM : EXIT_OK;
}

export function run(argv: readonly string[], io: CliIO): number {
  let command: CommandOptions['command'] | undefined;
  try {
    const parsed = parseArgs(argv);
    if (parsed.kind === 'help') {
      io.stdout(`${HELP[parsed.command ?? 'main']}\n`);
      return EXIT_OK;
    }
    if (parsed.kind === 'version') {
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    command = parsed.options.command;
    const kit: HuntKit = { io, setUp: (start) => setUp(parsed.options, io, start), readNote, problems: () => new Problems(io) };
    const hunt = { new: runNew, stage: runStage, export: runExport };
    if (command === 'advise') return runAdvise(parsed.options, io);
    if (command === 'followups') return runFollowUps(parsed.options, io);
    return hunt[command](parsed.options, kit);
  } catch (error) {
    if (error instanceof UsageError) {
      const topic = error.command ?? command;
      io.stderr(`job-hunt-advisor: ${error.message}\nTry: job-hunt-advisor ${topic ? `${topic} ` : ''}--help\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ConfigProblem || error instanceof OutsideVault) {
      io.stderr(`job-hunt-advisor: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // Never a stack trace: one line, and a hint that this is our fault, not the note's.
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    io.stderr(`job-hunt-advisor: unexpected error: ${message}\n`);
    return EXIT_NOTE_PROBLEM;
  }
}
