// The example applications the page shows, read and advised by the real core on a fixed day.
import { adviseOn } from '../../src/core/pipeline';
import { type AdviceReport, type Application, type CalendarDate, type CoreSettings, type FollowUp, type Moment } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

interface NoteData {
  path: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

interface PageData {
  today: CalendarDate;
  source: string;
  notes: NoteData[];
  settings: Partial<CoreSettings>;
}

export interface Scene {
  /** File-name friendly: "orchid-labs-analyst". */
  id: string;
  path: string;
  frontmatter: Record<string, unknown>;
  body: string;
  application: Application;
  report: AdviceReport;
  followUps: FollowUp[];
}

/** Three moments that look different in the pane: before an answer, after an interview, after a decision. */
const PREFERRED: Moment[] = ['just-applied', 'just-interviewed', 'rejected', 'interview-ahead', 'waiting', 'offer', 'hired', 'not-applied', 'ghosted', 'withdrawn'];
const SHOWN = 3;

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function loadScenes(): { scenes: Scene[]; all: Scene[]; source: string; today: CalendarDate; settings: CoreSettings } {
  const data = JSON.parse(document.getElementById('notes')?.textContent ?? '{}') as PageData;
  const settings: CoreSettings = { ...DEFAULT_SETTINGS, ...data.settings };
  const all: Scene[] = [];
  for (const note of data.notes) {
    const advised = adviseOn({ frontmatter: note.frontmatter, body: note.body, path: note.path }, data.today, settings);
    if (advised.kind !== 'advice') continue;
    const { report, followUps } = advised;
    all.push({
      id: slug(report.application.noteName),
      path: note.path,
      frontmatter: note.frontmatter,
      body: note.body,
      application: report.application,
      report,
      followUps,
    });
  }
  // One application per moment, in the order above, so the three pictures differ.
  const scenes: Scene[] = [];
  for (const moment of PREFERRED) {
    const pick = all.find((s) => s.report.moment === moment);
    if (pick && scenes.length < SHOWN) scenes.push(pick);
  }
  return { scenes, all, source: data.source, today: data.today, settings };
}
