// The whole hunt inside Obsidian: the vault's schema learned from the metadata cache, a new
// application created with vault.create, a stage change written by processFrontMatter, the pipeline
// numbers for the pane, and the Bases dashboard. Every decision is the core's.
import { normalizePath, TFile } from 'obsidian';
import type { App, CachedMetadata } from 'obsidian';
import { dashboardDecision, DASHBOARD_NAME, renderDashboard } from '../core/dashboard';
import type { DashboardDecision } from '../core/dashboard';
import { huntOverviewOf } from '../core/hunt-overview';
import type { AdvisedNote, HuntOverview } from '../core/hunt-overview';
import type { Knowledge } from '../core/knowledge';
import type { CalendarDate } from '../core/model';
import { planNewApplication } from '../core/new-application';
import type { NewApplication } from '../core/new-application';
import { applyEdits, planStageChange } from '../core/stage-change';
import type { StageChangePlan } from '../core/stage-change';
import { learnSchema } from '../core/vault-schema';
import type { VaultSchema } from '../core/vault-schema';
import { adviseOnNote, applicationNotes, frontmatterOf, isApplicationNote } from './application-notes';
import { summaryOf } from '../core/wording';
import type { Settings } from '../core/settings';
import type { VaultNotes } from './vault-notes';

/** The vault's schema, from the application notes the metadata cache knows. */
export function vaultSchema(notes: VaultNotes, settings: Settings): VaultSchema {
  const samples = applicationNotes(notes, settings).map((f) => ({ path: f.path, frontmatter: frontmatterOf(notes.app, f) }));
  return learnSchema(samples, settings);
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

function takenPaths(app: App): (path: string) => boolean {
  // Any case: two notes differing only in case clash on macOS, Windows, and in sync.
  const taken = new Set(app.vault.getFiles().map((f) => f.path.toLowerCase()));
  return (path) => taken.has(normalizePath(path).toLowerCase());
}

async function templateOf(app: App, settings: Settings): Promise<Outcome<{ text: string; frontmatter: unknown } | undefined>> {
  const name = settings.templateNote.trim();
  if (name === '') return { ok: true, value: undefined };
  const path = normalizePath(/\.md$/i.test(name) ? name : `${name}.md`);
  const file = app.vault.getFileByPath(path);
  if (!file) return { ok: false, message: `The template note "${path}" (a setting) is not there: nothing was created.` };
  return { ok: true, value: { text: await app.vault.cachedRead(file), frontmatter: frontmatterOf(app, file) } };
}

/** Creates the note (and its folder), never over another one. */
export async function createApplication(notes: VaultNotes, settings: Settings, input: NewApplication, today: CalendarDate): Promise<Outcome<TFile>> {
  const { app } = notes;
  const template = await templateOf(app, settings);
  if (!template.ok) return template;
  const schema = vaultSchema(notes, settings);
  const plan = planNewApplication(input, {
    schema,
    settings: settings,
    today,
    folder: settings.newApplicationsFolder,
    taken: takenPaths(app),
    ...(template.value ? { template: template.value } : {}),
  });
  if (!plan.ok) return { ok: false, message: `${plan.message.charAt(0).toUpperCase()}${plan.message.slice(1)}: nothing was created.` };
  try {
    if (plan.folder !== '' && !app.vault.getFolderByPath(normalizePath(plan.folder))) await app.vault.createFolder(normalizePath(plan.folder));
    return { ok: true, value: await app.vault.create(normalizePath(plan.path), plan.content) };
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] ?? '' : '';
    return { ok: false, message: `"${plan.path}" could not be created${why ? ` (${why})` : ''}: nothing was written.` };
  }
}

export interface StageMove {
  word: string;
  on: CalendarDate;
  interviewDate?: CalendarDate;
}

/** The plan for a move, on the frontmatter the cache has now (to ask for an interview date first). */
export function planMove(notes: VaultNotes, file: TFile, settings: Settings, move: StageMove): StageChangePlan {
  return planStageChange(frontmatterOf(notes.app, file) ?? {}, move, vaultSchema(notes, settings), settings);
}

/**
 * Moves the note to the stage through processFrontMatter (atomic). The plan is made again on the
 * frontmatter Obsidian hands over, so a change made meanwhile is never lost; a refusal writes nothing.
 */
export async function moveToStage(notes: VaultNotes, file: TFile, settings: Settings, move: StageMove): Promise<Outcome<Extract<StageChangePlan, { ok: true }>>> {
  const { app } = notes;
  const schema = vaultSchema(notes, settings);
  let done: StageChangePlan = { ok: false, message: 'nothing was planned' };
  try {
    await app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
      done = planStageChange(fm, move, schema, settings);
      if (!done.ok) throw new Refused(done.message);
      applyEdits(fm, done.edits);
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: `"${file.basename}": ${error.message}. Nothing was written.` };
    return { ok: false, message: `"${file.basename}": its properties (YAML) can't be read, so the stage was not changed. Fix them and try again.` };
  }
  const plan: StageChangePlan = done;
  return plan.ok ? { ok: true, value: plan } : { ok: false, message: plan.message };
}

class Refused extends Error {}

interface PipelineRow {
  /** The cached metadata the row was computed from: Obsidian replaces it when the note changes. */
  source: CachedMetadata | null;
  /** Present when the note is an application. */
  advised?: AdvisedNote;
}

/**
 * The whole hunt between draws, owned by the plugin: a note is advised again only when its metadata
 * changed, or the day, the settings, the experts (a pack note edited or removed can change every
 * application's follow-ups) or the vault's date order did, so the pane on a non-application note
 * does not re-plan every note.
 */
export class PipelineCache {
  private key = '';
  /** The experts the rows were advised with: the pack's knowledge is a new object at each reading. */
  private knowledge: Knowledge | undefined;
  private readonly rows = new Map<string, PipelineRow>();

  constructor(private readonly notes: VaultNotes) {}

  /** The whole hunt, for the pane. */
  overview(settings: Settings, today: CalendarDate): HuntOverview {
    const { app } = this.notes;
    // The day/month order learnt from the vault, too: another note's change can turn it.
    const key = JSON.stringify([today, settings, this.notes.dateOrderTurns(settings)]);
    const { knowledge } = this.notes.pack;
    if (key !== this.key || knowledge !== this.knowledge) {
      this.key = key;
      this.knowledge = knowledge;
      this.rows.clear();
    }
    const present = new Set<string>();
    for (const file of app.vault.getMarkdownFiles()) {
      present.add(file.path);
      const source = app.metadataCache.getFileCache(file);
      const row = this.rows.get(file.path);
      if (!row || row.source !== source) this.rows.set(file.path, read(this.notes, file, source, settings, today));
    }
    for (const path of [...this.rows.keys()]) if (!present.has(path)) this.rows.delete(path);
    return huntOverviewOf([...this.rows.values()].flatMap((r) => (r.advised ? [r.advised] : [])), settings, today);
  }
}

function read(notes: VaultNotes, file: TFile, source: CachedMetadata | null, settings: Settings, today: CalendarDate): PipelineRow {
  if (!isApplicationNote(notes, file, settings)) return { source };
  const frontmatter = frontmatterOf(notes.app, file);
  const advised = adviseOnNote(notes, file, frontmatter, settings, today);
  if (advised.kind !== 'advice') return { source };
  const { report, followUps } = advised;
  return { source, advised: { path: file.path, frontmatter, application: report.application, followUps, momentSummary: summaryOf(report) } };
}

/** Writes `Job hunt.base` at the vault's root, unless the person's own edited one is there. */
export async function createDashboard(notes: VaultNotes, settings: Settings): Promise<{ decision: DashboardDecision; file?: TFile }> {
  const { app } = notes;
  const schema = vaultSchema(notes, settings);
  // Applications anywhere in the vault, unless the person keeps them to one folder (a setting).
  const folder = settings.applicationScope === 'folder' ? normalizePath(settings.applicationsFolder.trim() || '/').replace(/^\/$/, '') : '';
  const text = renderDashboard(schema, { applications: folder, tasks: normalizePath(settings.tasksFolder) });
  const existing = app.vault.getFileByPath(DASHBOARD_NAME);
  const decision = dashboardDecision(existing ? await app.vault.read(existing) : undefined, text);
  if (decision === 'create') return { decision, file: await app.vault.create(DASHBOARD_NAME, text) };
  if (decision === 'refresh' && existing) {
    // Atomic, and only if it is still ours and untouched at the moment of writing.
    let replaced = true;
    await app.vault.process(existing, (current) => {
      replaced = dashboardDecision(current, text) === 'refresh';
      return replaced ? text : current;
    });
    return { decision: replaced ? 'refresh' : 'edited', file: existing };
  }
  return existing instanceof TFile ? { decision, file: existing } : { decision };
}
