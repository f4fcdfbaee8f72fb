// What the command-line tool prints: JSON shapes (stable, for scripts) and the follow-up list.
import type { AdviceReport, Backer, Expert, FollowUp, Voice } from '../core/model';
import { phrasesOf, summaryOf, verdictHeadline, verdictReason, whyNow } from '../core/wording';

function expertJson(expert: Expert): { name: string; organization: string; pack?: string; source?: string } {
  // A pack's expert says which note and which source the advice comes from; the nine need neither.
  return { name: expert.name, organization: expert.organization, ...(expert.pack ? { pack: expert.pack, ...(expert.source ? { source: expert.source } : {}) } : {}) };
}

function voiceJson(v: Voice): Record<string, unknown> {
  // `specific` kept for scripts written before reach and firmness existed.
  return { ...expertJson(v.expert), because: v.because, specific: v.reach === 'direct', stance: v.stance, firmness: v.firmness, reach: v.reach };
}

function backerJson(b: Backer): Record<string, unknown> {
  return { ...expertJson(b.expert), reach: b.reach, firmness: b.firmness, note: b.note };
}

export function followUpJson(f: FollowUp, taskNote?: string): Record<string, unknown> {
  return {
    id: f.id,
    application: f.applicationPath,
    applicationName: f.applicationName,
    kind: f.kind,
    title: f.title,
    due: f.due,
    ...(f.scheduled ? { scheduled: f.scheduled } : {}),
    priority: f.priority,
    reason: f.reason,
    experts: f.experts.map(expertJson),
    ...(f.context ? { context: f.context } : {}),
    ...(f.draft !== undefined ? { draft: f.draft } : {}),
    ...(taskNote ? { taskNote } : {}),
  };
}

export function reportJson(report: AdviceReport, followUps: FollowUp[], taskNotePath: (f: FollowUp) => string): Record<string, unknown> {
  const app = report.application;
  const phrases = phrasesOf(report);
  return {
    path: app.path,
    ...(app.company ? { company: app.company } : {}),
    ...(app.role ? { role: app.role } : {}),
    stage: app.stage,
    stageLabel: app.stageLabel,
    today: report.today,
    moment: report.moment,
    situation: report.situation,
    momentSummary: summaryOf(report),
    connectNow: report.verdict.connectNow,
    verdict: {
      headline: verdictHeadline(report),
      reason: verdictReason(report),
      alreadyConnected: report.verdict.alreadyConnected,
      firmness: report.verdict.firmness,
      basis: report.verdict.basis,
      for: report.verdict.for.map(voiceJson),
      against: report.verdict.against.map(voiceJson),
      general: report.verdict.general.map(voiceJson),
    },
    advice: report.advice.map((a) => ({
      id: a.id,
      title: a.title,
      detail: a.detail,
      reason: whyNow(report, a, phrases),
      stance: a.stance,
      experts: a.experts.map(expertJson),
      backers: a.backers.map(backerJson),
    })),
    followUps: followUps.map((f) => followUpJson(f, taskNotePath(f))),
    warnings: app.warnings.map((w) => (w.field ? { field: w.field, message: w.message } : { message: w.message })),
  };
}

/** One line per follow-up: "2026-03-10  Send a thank-you letter to Ana Silva  (Orchid Labs - Analyst)". */
export function followUpLines(followUps: FollowUp[]): string {
  return followUps.map((f) => `${f.due}  ${f.title}  (${f.applicationName})`).join('\n');
}

/** A list written element by element, each turned into its JSON shape only when it is written. */
export class JsonList<T> {
  constructor(readonly items: readonly T[], readonly shape: (item: T) => unknown) {}
}

/**
 * Writes exactly `JSON.stringify(value, null, 2)` (a JsonList as the array of its shapes), but the
 * top object's lists one element at a time: a 10,000-note scan never holds its whole output, nor
 * every follow-up's JSON shape, in memory at once.
 */
export function writeJson(value: Record<string, unknown>, write: (text: string) => void): void {
  const keys = Object.keys(value).filter((k) => value[k] !== undefined && typeof value[k] !== 'function');
  if (keys.length === 0) {
    write('{}');
    return;
  }
  write('{\n');
  keys.forEach((key, k) => {
    const item = value[key];
    const list = item instanceof JsonList ? item : Array.isArray(item) ? new JsonList(item as unknown[], (x) => x) : undefined;
    write(`  ${JSON.stringify(key)}: `);
    if (list && list.items.length > 0) {
      write('[\n');
      const last = list.items.length - 1;
      list.items.forEach((element, i) => {
        // What stringify makes of an element at this depth: its lines indented by two more levels.
        const text = JSON.stringify(list.shape(element), null, 2) ?? 'null';
        write(`    ${text.replace(/\n/g, '\n    ')}${i < last ? ',\n' : '\n'}`);
      });
      write('  ]');
    } else {
      write(list ? '[]' : (JSON.stringify(item, null, 2) ?? 'null').replace(/\n/g, '\n  '));
    }
    write(k < keys.length - 1 ? ',\n' : '\n');
  });
  write('}');
}
