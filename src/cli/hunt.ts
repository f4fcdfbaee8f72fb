// The command-line tool's `new`, `stage` and `export`: files in, files out, and one line per
// problem. Every decision (names, schema, dates, history, rows) is the core's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { editFrontmatter } from '../core/frontmatter-edit';
import { EXPORT_COLUMNS, exportRows, spreadsheetSafe } from '../core/hunt-overview';
import type { HuntApplication } from '../core/hunt-overview';
import type { AdviceReport, CalendarDate, FollowUp } from '../core/model';
import { planNewApplication } from '../core/new-application';
import { applyEdits, planStageChange, readStageHistory } from '../core/stage-change';
import { learnSchema } from '../core/vault-schema';
import { summaryOf } from '../core/wording';
import type { SchemaSample, VaultSchema } from '../core/vault-schema';
import { UsageError } from './args';
import type { CommandOptions } from './args';
import type { Settings } from '../core/settings';
import { readFrontmatter, readsBackAs } from './frontmatter';
import { followUpLines } from './output';
import { describeFsError, FileProblem, OutsideVault } from './vault';
import type { Vault } from './vault';

const EXIT_OK = 0;
const EXIT_NOTE_PROBLEM = 1;

interface HuntSetup {
  vault: Vault;
  settings: Settings;
  today: CalendarDate;
  /** The advice pack's folder: its notes are not applications. */
  pack?: { folder: string };
}

type HuntReading =
  | { ok: true; report: AdviceReport; followUps: FollowUp[]; text: string; frontmatter: unknown }
  | { ok: false; message: string; notAnApplication: boolean };

interface HuntProblems {
  count: number;
  report(shownPath: string, message: string): void;
  warn(shownPath: string, message: string): void;
}

/** Problems no one is told of. */
const quietProblems: HuntProblems = { count: 0, report: () => undefined, warn: () => undefined };

/** What run.ts lends these commands: its output, its set-up and its note reader (no import back, no cycle). */
export interface HuntKit {
  io: { stdout: (text: string) => void; stderr: (text: string) => void; cwd: string };
  setUp(start: string): HuntSetup;
  readNote(absolute: string, setup: HuntSetup, problems: HuntProblems, shown: string): HuntReading;
  problems(): HuntProblems;
}

/** The folder or note named on the command line, or a one-line problem (nothing written). */
function target(options: CommandOptions, kit: HuntKit, problems: HuntProblems, folder: boolean): string | undefined {
  const absolute = path.resolve(kit.io.cwd, options.target);
  if (!fs.existsSync(absolute)) {
    problems.report(options.target, folder ? 'no such folder; nothing written' : 'no such file; nothing written');
    return undefined;
  }
  if (fs.statSync(absolute).isDirectory() !== folder) {
    throw new UsageError(folder ? `"${options.target}" is a file: ${options.command} takes a folder` : `"${options.target}" is a folder: stage takes one note`, options.command);
  }
  return absolute;
}

function shownPath(kit: HuntKit, absolute: string): string {
  const rel = path.relative(kit.io.cwd, absolute);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? absolute : rel;
}

interface Scanned {
  note: string;
  reading: Extract<HuntReading, { ok: true }>;
}

/** Every application note below `folder` (not the tasks folder); unreadable ones reported when `report`. */
function scan(folder: string, setup: HuntSetup, kit: HuntKit, problems: HuntProblems, report: boolean): Scanned[] {
  const found: Scanned[] = [];
  // Warnings about other notes are not what `new` or `stage` was asked about: kept quiet there.
  const quiet = report ? problems : quietProblems;
  for (const note of setup.vault.listNotes(folder, [setup.settings.tasksFolder, ...(setup.pack ? [setup.pack.folder] : [])])) {
    const reading = kit.readNote(note, setup, quiet, shownPath(kit, note));
    if (reading.ok) found.push({ note, reading });
    else if (report && !reading.notAnApplication) problems.report(shownPath(kit, note), reading.message);
  }
  return found;
}

function schemaOf(setup: HuntSetup, kit: HuntKit, problems: HuntProblems): VaultSchema {
  const samples: SchemaSample[] = scan(setup.vault.root, setup, kit, problems, false).map((s) => ({ path: setup.vault.relative(s.note), frontmatter: s.reading.frontmatter }));
  return learnSchema(samples, setup.settings);
}

/** Taken, whatever the case: two notes differing only in case would clash on macOS, Windows and in sync. */
function takenPaths(vault: Vault): (relative: string) => boolean {
  const listed = new Map<string, Set<string>>();
  return (relative) => {
    const absolute = vault.resolve(relative);
    const dir = path.dirname(absolute);
    let names = listed.get(dir);
    if (!names) {
      names = new Set(fs.existsSync(dir) ? fs.readdirSync(dir).map((n) => n.toLowerCase()) : []);
      listed.set(dir, names);
    }
    return names.has(path.basename(absolute).toLowerCase());
  };
}

function template(setup: HuntSetup): { text: string; frontmatter: unknown } | undefined {
  const name = setup.settings.templateNote.trim();
  if (name === '') return undefined;
  const relative = /\.md$/i.test(name) ? name : `${name}.md`;
  let text: string;
  try {
    text = setup.vault.read(setup.vault.resolve(relative));
  } catch (error) {
    if (error instanceof OutsideVault) throw new UsageError(`templateNote ${error.message}`, 'new');
    throw new FileProblem(`template note ${relative}: ${error instanceof Error ? error.message : String(error)}; nothing written`);
  }
  const parsed = readFrontmatter(text);
  if (!parsed.ok) throw new FileProblem(`template note ${relative}: ${parsed.message}; nothing written`);
  return { text, frontmatter: parsed.frontmatter };
}

export function runNew(options: CommandOptions, kit: HuntKit): number {
  const problems = kit.problems();
  const folder = target(options, kit, problems, true);
  if (!folder) return EXIT_NOTE_PROBLEM;
  const setup = kit.setUp(folder);
  const input = options.application ?? {};
  let fromTemplate: ReturnType<typeof template>;
  try {
    fromTemplate = template(setup);
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    problems.report(options.target, error.message);
    return EXIT_NOTE_PROBLEM;
  }
  const plan = planNewApplication(
    { company: input.company ?? '', role: input.role ?? '', ...input },
    {
      schema: schemaOf(setup, kit, problems),
      settings: setup.settings,
      today: setup.today,
      folder: options.folder ?? setup.settings.newApplicationsFolder,
      taken: takenPaths(setup.vault),
      ...(fromTemplate ? { template: fromTemplate } : {}),
    },
  );
  if (!plan.ok) throw new UsageError(`${plan.message}; nothing written`, 'new');
  try {
    if (!setup.vault.create(plan.path, plan.content)) {
      problems.report(plan.path, 'appeared while it was being created; nothing written');
      return EXIT_NOTE_PROBLEM;
    }
  } catch (error) {
    if (error instanceof OutsideVault) throw new UsageError(error.message, 'new');
    problems.report(plan.path, error instanceof Error ? error.message : String(error));
    return EXIT_NOTE_PROBLEM;
  }
  const created = shownPath(kit, path.join(setup.vault.root, plan.path));
  kit.io.stdout(options.json ? `${JSON.stringify({ path: plan.path, title: plan.title }, null, 2)}\n` : `${created}\n`);
  return EXIT_OK;
}

/** True when the edited text reads back as exactly the planned frontmatter: nothing else moved. */
export function runStage(options: CommandOptions, kit: HuntKit): number {
  const problems = kit.problems();
  const note = target(options, kit, problems, false);
  if (!note) return EXIT_NOTE_PROBLEM;
  const setup = kit.setUp(path.dirname(note));
  let text: string;
  try {
    text = setup.vault.read(note);
  } catch (error) {
    problems.report(options.target, error instanceof FileProblem ? error.message : describeFsError(error));
    return EXIT_NOTE_PROBLEM;
  }
  const parsed = readFrontmatter(text);
  if (!parsed.ok) {
    problems.report(options.target, `${parsed.message}; nothing written`);
    return EXIT_NOTE_PROBLEM;
  }
  const schema = schemaOf(setup, kit, problems);
  const request = { word: options.stageWord ?? '', on: options.on ?? setup.today, ...(options.interview ? { interviewDate: options.interview } : {}) };
  const plan = planStageChange(parsed.frontmatter, request, schema, setup.settings);
  if (!plan.ok) throw new UsageError(`${options.target}: ${plan.message}${/nothing changed$/.test(plan.message) ? '' : '; nothing written'}`, 'stage');
  const edited = editFrontmatter(text, plan.edits);
  const expected = structuredClone(parsed.frontmatter ?? {}) as Record<string, unknown>;
  applyEdits(expected, plan.edits);
  if (!edited.ok || !readsBackAs(edited.text, expected)) {
    problems.report(options.target, `${edited.ok ? 'its frontmatter could not be changed without touching other fields' : edited.message}; nothing written`);
    return EXIT_NOTE_PROBLEM;
  }
  try {
    setup.vault.replace(note, text, edited.text);
  } catch (error) {
    if (error instanceof OutsideVault) throw new UsageError(error.message, 'stage');
    problems.report(options.target, error instanceof FileProblem ? error.message : describeFsError(error));
    return EXIT_NOTE_PROBLEM;
  }
  const history = readStageHistory(expected, schema, setup.settings);
  // The note as written, read as every command reads a note (its inline fields, the vault's date
  // order, the advice pack): what is said to be planned is what `followups` then plans.
  const reading = kit.readNote(note, setup, quietProblems, shownPath(kit, note));
  const followUps = reading.ok ? reading.followUps : [];
  if (options.json) {
    const json = { path: setup.vault.relative(note), stage: plan.stage, word: plan.word, from: plan.from ?? null, history, followUps: followUps.map((f) => ({ title: f.title, due: f.due })) };
    kit.io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT_OK;
  }
  const out = [`${options.target}: ${plan.from ? `${plan.from} -> ` : ''}${plan.word} on ${request.on}`, '', 'Stage history:', ...history.map((e) => `  ${e.date}: ${e.label}`)];
  if (plan.asksInterviewDate) out.push('', 'No interview date yet: add it with --interview YYYY-MM-DD (or in the note) to plan the research and the thank-you letters.');
  out.push('', followUps.length > 0 ? `Follow-ups now planned:\n${followUpLines(followUps)}` : 'No follow-ups to plan at this stage.');
  kit.io.stdout(`${out.join('\n')}\n`);
  return EXIT_OK;
}

export function runExport(options: CommandOptions, kit: HuntKit): number {
  const problems = kit.problems();
  const folder = target(options, kit, problems, true);
  if (!folder) return EXIT_NOTE_PROBLEM;
  const setup = kit.setUp(folder);
  const schema = schemaOf(setup, kit, problems);
  const applications: HuntApplication[] = scan(folder, setup, kit, problems, true).map(({ reading }) => ({
    application: reading.report.application,
    history: readStageHistory(reading.frontmatter, schema, setup.settings),
    followUps: reading.followUps,
    momentSummary: summaryOf(reading.report),
  }));
  const rows = exportRows(applications);
  if (options.json) {
    kit.io.stdout(`${JSON.stringify({ today: setup.today, applications: rows }, null, 2)}\n`);
  } else {
    const records = rows.map((row) => EXPORT_COLUMNS.map((c) => spreadsheetSafe(row[c.key])));
    // RFC 4180: CRLF between records, fields with a comma, quote or line break quoted, quotes doubled.
    kit.io.stdout(stringify([EXPORT_COLUMNS.map((c) => c.header), ...records], { bom: true, record_delimiter: 'windows' }));
  }
  return problems.count > 0 ? EXIT_NOTE_PROBLEM : EXIT_OK;
}
