// What the advice pane shows for a note, computed from the vault through the adapters. The pane
// itself only draws this.
import type { App, TFile } from 'obsidian';
import { advise } from '../core/advice';
import { daysBetween } from '../core/dates';
import { connectionNoteDraft } from '../core/drafts';
import { FIELD_ALIASES } from '../core/fields';
import { planFollowUps } from '../core/followups';
import type { CalendarDate } from '../core/model';
import { applicationNotes, frontmatterOf, isApplicationNote, readApplicationNote } from '../obsidian/application-notes';
import type { GeneratedFollowUps } from '../obsidian/generated-follow-ups';
import { toCoreSettings } from '../obsidian/settings';
import type { PluginSettings } from '../obsidian/settings';
import { followUpStatus, indexTaskNotes } from '../obsidian/task-notes';
import type { AdvicePaneState, DueFollowUp, WaitingApplication } from './advice-pane-render';

export interface PaneSources {
  app: App;
  settings: PluginSettings;
  generated: GeneratedFollowUps;
  today: CalendarDate;
}

function scopeText(settings: PluginSettings): string | undefined {
  if (settings.applicationScope === 'folder') return `Only notes in the folder "${settings.applicationsFolder || '/'}" are read as applications (a setting).`;
  if (settings.applicationScope === 'tag') return `Only notes tagged #${settings.applicationsTag} are read as applications (a setting).`;
  return undefined;
}

/** The pane's state for `file` (the active note, or null), with the vault-wide lists. */
export function advicePaneState(file: TFile | null, s: PaneSources): AdvicePaneState {
  const index = indexTaskNotes(s.app);
  const state: AdvicePaneState = { today: s.today, ...vaultLists(s, index) };
  if (!file) return state;
  state.notePath = file.path;
  state.noteName = file.basename;
  const stageField = s.settings.fieldMap.stage;
  const notApplication = {
    stageFields: stageField ? [stageField] : FIELD_ALIASES.stage,
    stageExamples: ['Applied', 'Screening', 'Interviewing', 'Offer', 'Rejected', 'Ghosted'],
    ...(scopeText(s.settings) ? { scope: scopeText(s.settings) } : {}),
  };
  if (file.extension !== 'md' || !isApplicationNote(s.app, file, s.settings)) {
    const cache = s.app.metadataCache.getFileCache(file);
    // Properties that are there but unreadable: say so, rather than "not an application".
    if (cache?.frontmatterPosition && !cache.frontmatter) state.problem = `${file.basename}: its properties (YAML) can't be read. Fix them and the advice comes back.`;
    else state.notApplication = notApplication;
    return state;
  }
  const read = readApplicationNote(s.app, file, s.settings);
  if (!read.ok) {
    if (read.notAnApplication) state.notApplication = notApplication;
    else state.problem = `${file.basename}: ${read.problem.message}`;
    return state;
  }
  const core = toCoreSettings(s.settings);
  const report = advise(read.application, s.today);
  const followUps = planFollowUps(report, core);
  state.report = report;
  state.followUps = followUps;
  state.states = {};
  for (const f of followUps) state.states[f.id] = followUpStatus(f, index, s.generated);
  state.draftLimit = s.settings.connectionNoteLimit;
  if (report.verdict.connectNow) state.draft = connectionNoteDraft(read.application, core.connectionNoteLimit, core.yourName);
  return state;
}

function vaultLists(s: PaneSources, index: ReturnType<typeof indexTaskNotes>): { due: DueFollowUp[]; waiting: WaitingApplication[] } {
  const due: DueFollowUp[] = [];
  for (const notes of index.values()) {
    for (const n of notes) if (!n.done && n.due && n.due <= s.today) due.push({ title: n.title, path: n.path, due: n.due });
  }
  due.sort((a, b) => a.due.localeCompare(b.due) || a.title.localeCompare(b.title));
  const waiting: (WaitingApplication & { days: number })[] = [];
  for (const file of applicationNotes(s.app, s.settings)) {
    const read = readApplicationNote(s.app, file, s.settings, frontmatterOf(s.app, file));
    if (!read.ok) continue;
    const a = read.application;
    const report = advise(a, s.today);
    if (report.moment !== 'waiting' && report.moment !== 'ghosted') continue;
    const last = [a.applied, ...a.interviews.map((i) => i.date)].filter((d): d is string => Boolean(d) && (d ?? '') <= s.today).sort().pop();
    const days = last ? daysBetween(last, s.today) : 0;
    if (days < s.settings.waitingTooLongDays) continue;
    waiting.push({ noteName: file.basename, path: file.path, summary: report.momentSummary, days });
  }
  waiting.sort((a, b) => b.days - a.days);
  return { due: due.slice(0, 30), waiting: waiting.slice(0, 30).map(({ noteName, path, summary }) => ({ noteName, path, summary })) };
}
