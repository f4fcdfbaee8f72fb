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
export function followUpLine(f: FollowUp): string {
  return `${f.due}  ${f.title}  (${f.applicationName})`;
}

export function followUpLines(followUps: FollowUp[]): string {
  return followUps.map(followUpLine).join('\n');
}

/** A list written element by element, each turned into its JSON shape only when it is written. */
export class JsonList<T> {
  constructor(readonly items: readonly T[], readonly shape: (item: T) => unknown) {}
}

/** A list whose elements are already printed by `listElementJson`: written as they are. */
class PrintedJsonList {
  constructor(readonly length: number, readonly element: (i: number) => string) {}
}

// JSON.stringify puts the element of a list in a top-level field four spaces in: stringifying it
// there and cutting the wrapper off gives its lines indented as writeJson needs, with no pass to
// re-indent them (a tenth of a 10,000-note scan's output time).
const WRAPPED_BEFORE = '{\n  "l": [\n    '.length;
const WRAPPED_AFTER = '\n  ]\n}'.length;

/** `value` as writeJson prints it as an element of a top-level list (lines four spaces in). */
export function listElementJson(value: unknown): string {
  const text = JSON.stringify({ l: [value] }, null, 2);
  return text.slice(WRAPPED_BEFORE, text.length - WRAPPED_AFTER);
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
    const list = item instanceof PrintedJsonList ? item
      : item instanceof JsonList ? printing(item)
      : Array.isArray(item) ? printing(new JsonList(item as unknown[], (x) => x)) : undefined;
    write(`  ${JSON.stringify(key)}: `);
    if (list && list.length > 0) {
      write('[\n');
      const last = list.length - 1;
      for (let i = 0; i <= last; i++) write(`    ${list.element(i)}${i < last ? ',\n' : '\n'}`);
      write('  ]');
    } else {
      write(list ? '[]' : (JSON.stringify(item, null, 2) ?? 'null').replace(/\n/g, '\n  '));
    }
    write(k < keys.length - 1 ? ',\n' : '\n');
  });
  write('}');
}

function printing<T>(list: JsonList<T>): PrintedJsonList {
  return new PrintedJsonList(list.items.length, (i) => listElementJson(list.shape(list.items[i] as T)));
}
