// Advice packs: a person's own experts, written as plain notes, read into the same shapes as the
// nine built-in experts (knowledge.ts), so the engine treats them alike and the views can still
// tell them apart (every pack expert carries `pack`: the note it comes from).
//
// The format (README, "Advice packs"): frontmatter `expert`, `organization`, `source` and
// `moments: {<moment id>: {stance: connect|wait|none, firmness: firm|hedged, because?: text}}`;
// the body holds one advice item per `##` heading, with a `Moments: a, b` line and its text (and,
// optionally, a `Firmness: firm|hedged` line). Hosts read the notes (the CLI through its safe YAML
// reader, the plugin through its metadata cache) and pass the parsed frontmatter and the body:
// nothing here parses YAML, and nothing in a pack is run, linked or rendered as HTML (the views
// escape it like any note text).
//
// A mistake costs only what it spoils: a bad moment drops that moment, a bad item that item, a
// note without an expert name (or repeating an expert) that note; each says so in one line. The
// built-in knowledge is never touched.
import { BUILT_IN_KNOWLEDGE, TIPS, situationsOfMoment, type ExpertAdvice, type ExpertKnowledge, type Knowledge, type MomentView, type TipText } from './knowledge';
import { MOMENTS, type Expert, type Firmness, type Moment, type Problem, type Situation, type Stance } from './model';
import { FIELD_ALIASES, isRecord, normalizeKey } from './fields';
import { oneLine } from './text';
import { expertsSwitchedOff, namesOfExpert, unknownExpertsOff } from './advice';
import { SETTINGS } from './settings';

/** One pack note as a host read it. */
export interface PackNote {
  /** Vault-relative, with `/`. */
  path: string;
  /** The parsed frontmatter (undefined: the note has none). */
  frontmatter: unknown;
  /** The note's text below the frontmatter. */
  body: string;
}

/** The experts and advice items of a pack, and what was wrong with it. */
export interface AdvicePack {
  /** In the order of the notes given (hosts pass them sorted by path). */
  experts: ExpertKnowledge[];
  /** Advice items of the pack that are not built-in tips, by id (`pack:` and the heading's slug). */
  tips: Record<string, TipText>;
  /** One line per problem, each naming its note. */
  problems: Problem[];
}

export const PACK_STANCES = ['connect', 'wait', 'none'] as const satisfies readonly Stance[];
export const PACK_FIRMNESS = ['firm', 'hedged'] as const satisfies readonly Firmness[];

/** The id a pack expert gets from their name (or their note's `id`): "pack:rita-okafor". Stable when the note moves. */
export function packExpertId(name: string): string {
  return `pack:${slug(name)}`;
}

function slug(text: string): string {
  return (
    oneLine(text)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed'
  );
}

function quoted(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(oneLine(value).slice(0, 60));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'nothing';
  return Array.isArray(value) ? 'a list' : 'a set of fields';
}
/** The frontmatter keys the format knows (README, "Advice packs"), and Obsidian's own properties. */
export const PACK_KEYS = ['expert', 'id', 'organization', 'source', 'moments'] as const;
const OBSIDIAN_KEYS = ['tags', 'tag', 'aliases', 'alias', 'cssclasses', 'cssclass', 'publish', 'position'];
/** An application's field names, in their matching form: such a key in a pack note is said, not ignored. */
const APPLICATION_KEYS = new Set(Object.values(FIELD_ALIASES).flat().map(normalizeKey));
/** The keys of one moment's entry. */
export const PACK_MOMENT_KEYS = ['stance', 'firmness', 'because'] as const;

/** Edit distance (insertions, deletions, substitutions), for "did you mean". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** The known word a slip of the keyboard most likely meant (case aside, at most a third of it changed). */
export function closestWord(word: string, known: readonly string[]): string | undefined {
  const typed = word.trim().toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(typed, candidate.toLowerCase());
    if (d < bestDistance && d <= Math.max(1, Math.floor(candidate.length / 3))) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** One line for a key the format does not know: ignored, with the close known key when there is one. */
function unknownKey(where: string, key: string, known: readonly string[]): string {
  const close = closestWord(key, known);
  return `${where}"${oneLine(key).slice(0, 40)}" is not a key of an advice pack note${close ? ` (did you mean "${close}"?)` : ''}; ignored (keys: ${known.join(', ')})`;
}

const choices = (list: readonly string[]): string => `${list.slice(0, -1).join(', ')} or ${list[list.length - 1] ?? ''}`;

/** One advice item as written under its `##` heading. */
interface WrittenItem {
  title: string;
  /** Absent: no Moments line. */
  moments?: string[];
  firmness?: string;
  text: string;
}

const KEY_LINE = /^\s*(moments|firmness)\s*:\s*(.*)$/i;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** The `##` sections of a body, ignoring headings inside fenced code. Text above the first is the note's own. */
function itemsOf(body: string): WrittenItem[] {
  const items: WrittenItem[] = [];
  let current: WrittenItem | undefined;
  let fence: string | undefined;
  const text: string[] = [];
  const close = (): void => {
    if (current) current.text = text.join('\n').trim();
    text.length = 0;
  };
  for (const line of body.split(/\r?\n/)) {
    const f = FENCE.exec(line);
    if (f) {
      const mark = f[1] ?? '';
      if (fence === undefined) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
    }
    const heading = fence === undefined && !f ? /^\s{0,3}##(?!#)\s*(.*?)\s*#*\s*$/.exec(line) : null;
    if (heading) {
      close();
      current = { title: oneLine(heading[1] ?? ''), text: '' };
      items.push(current);
      continue;
    }
    if (!current) continue;
    const key = fence === undefined ? KEY_LINE.exec(line) : null;
    if (key && (key[1] ?? '').toLowerCase() === 'moments' && current.moments === undefined) {
      current.moments = (key[2] ?? '').split(/[,\s]+/).filter((m) => m !== '');
    } else if (key && (key[1] ?? '').toLowerCase() === 'firmness' && current.firmness === undefined) {
      current.firmness = (key[2] ?? '').trim();
    } else {
      text.push(line);
    }
  }
  close();
  return items;
}

const BUILT_IN_TIP_BY_TITLE = new Map<string, string>(Object.entries(TIPS).map(([id, tip]) => [tip.title.toLowerCase(), id]));

interface Reader {
  problems: Problem[];
  tips: Record<string, TipText>;
}

/**
 * Reads a pack: every note is one expert. `builtIn` is the knowledge a pack expert may not
 * repeat (by name or id); its tips are the ideas a pack item joins when its heading is a tip's title.
 */
export function readAdvicePack(notes: readonly PackNote[], builtIn: Knowledge = BUILT_IN_KNOWLEDGE): AdvicePack {
  const reader: Reader = { problems: [], tips: {} };
  const taken = new Map<string, string>();
  for (const k of builtIn.experts) {
    taken.set(k.expert.id, 'one of the built-in experts');
    taken.set(packExpertId(k.expert.name), 'one of the built-in experts');
  }
  const experts: ExpertKnowledge[] = [];
  for (const note of notes) {
    const problem = (message: string): void => {
      reader.problems.push({ notePath: note.path, message });
    };
    const expert = readExpert(note, reader, builtIn, taken, problem);
    if (expert) experts.push(expert);
  }
  return { experts, tips: reader.tips, problems: reader.problems };
}

function readExpert(note: PackNote, reader: Reader, builtIn: Knowledge, taken: Map<string, string>, problem: (m: string) => void): ExpertKnowledge | undefined {
  const fm = note.frontmatter;
  if (!isRecord(fm)) {
    problem('not read as an advice pack note: it needs frontmatter with expert, organization, source and moments');
    return undefined;
  }
  // Said: a key close to one of the format's (a slip: moment: for moments:) and an application's field
  // (stage:, company:: an application kept in the packs folder). Any other key is the person's own
  // property (a template's created:, a website), which Obsidian invites and the pack does not read.
  for (const key of Object.keys(fm)) {
    if ((PACK_KEYS as readonly string[]).includes(key) || OBSIDIAN_KEYS.includes(key.toLowerCase())) continue;
    if (closestWord(key, PACK_KEYS) || APPLICATION_KEYS.has(normalizeKey(key))) problem(unknownKey('', key, PACK_KEYS));
  }
  const name = typeof fm.expert === 'string' ? oneLine(fm.expert) : '';
  if (!name) {
    problem(`no expert name: the frontmatter needs "expert: <their name>"${fm.expert === undefined ? '' : `, not ${quoted(fm.expert)}`}; nothing in this note was read`);
    return undefined;
  }
  // Their own `id` keeps their off switch when the name is edited; else the id comes from the name.
  const byName = packExpertId(name);
  let id = byName;
  if (typeof fm.id === 'string' && oneLine(fm.id)) id = packExpertId(fm.id.replace(/^pack:/i, ''));
  else if (fm.id !== undefined && fm.id !== null) problem(`id must be text (a short name that stays when you rename the expert), not ${quoted(fm.id)}; the id from the name is used`);
  const already = taken.get(id) ?? taken.get(byName);
  if (already) {
    problem(`expert "${name}"${id === byName ? '' : ` (id ${id})`} is already ${already}; this note was not read`);
    return undefined;
  }
  taken.set(id, `in "${note.path}"`);
  taken.set(byName, `in "${note.path}"`);

  let organization = typeof fm.organization === 'string' ? oneLine(fm.organization) : '';
  if (!organization) {
    problem(`no organization for ${name}: add "organization: <where they work or who they are to you>"`);
    organization = 'organization not given';
  }
  let source: string | undefined;
  if (typeof fm.source === 'string' && oneLine(fm.source)) source = oneLine(fm.source);
  else if (fm.source !== undefined && fm.source !== null) problem(`source must be text (a link or a title), not ${quoted(fm.source)}`);

  const written = itemsOf(note.body);
  const views = readMoments(fm.moments, written, problem);
  const advice = readItems(written, views, reader, builtIn, problem);
  if (Object.keys(views).length === 0 && advice.length === 0) {
    problem(`${name} says nothing usable yet: no valid moment in the frontmatter and no valid advice item (## heading) in the body`);
  }
  return {
    expert: { id, name, organization, ...(source ? { source } : {}), pack: note.path, ...(id === byName ? {} : { aliases: [byName] }) },
    said: advice.map((a) => (reader.tips[a.tip] ?? builtIn.tips[a.tip])?.title ?? '').filter((t) => t !== '').join('; '),
    moments: views,
    advice,
  };
}

function isMoment(value: string): value is Moment {
  return (MOMENTS as readonly string[]).includes(value);
}

function readMoments(raw: unknown, written: WrittenItem[], problem: (m: string) => void): Partial<Record<Situation, MomentView>> {
  const views: Partial<Record<Situation, MomentView>> = {};
  if (raw === undefined || raw === null) return views;
  if (!isRecord(raw)) {
    problem(`moments must be a set of moment ids (${MOMENTS.join(', ')}), each with a stance and a firmness`);
    return views;
  }
  for (const [moment, view] of Object.entries(raw)) {
    if (!isMoment(moment)) {
      problem(`moments: "${oneLine(moment)}" is not a moment (moments: ${MOMENTS.join(', ')}); that entry was left out`);
      continue;
    }
    if (!isRecord(view)) {
      problem(`moments.${moment} must give a stance (${choices(PACK_STANCES)}) and a firmness (${choices(PACK_FIRMNESS)}); left out`);
      continue;
    }
    for (const key of Object.keys(view)) {
      if (!(PACK_MOMENT_KEYS as readonly string[]).includes(key)) problem(unknownKey(`moments.${moment}: `, key, PACK_MOMENT_KEYS));
    }
    const stance = typeof view.stance === 'string' ? view.stance.trim().toLowerCase() : view.stance;
    if (!(PACK_STANCES as readonly unknown[]).includes(stance)) {
      problem(`moments.${moment}: stance ${quoted(view.stance)} is not one of ${choices(PACK_STANCES)}; left out`);
      continue;
    }
    const firmnessRaw = typeof view.firmness === 'string' ? view.firmness.trim().toLowerCase() : view.firmness;
    // Unsaid firmness reads as a hedge: never make an expert say more than they said.
    const firmness = firmnessRaw === undefined || firmnessRaw === null ? 'hedged' : firmnessRaw;
    if (!(PACK_FIRMNESS as readonly unknown[]).includes(firmness)) {
      problem(`moments.${moment}: firmness ${quoted(view.firmness)} is not one of ${choices(PACK_FIRMNESS)}; left out`);
      continue;
    }
    let because = typeof view.because === 'string' ? oneLine(view.because) : '';
    if (view.because !== undefined && view.because !== null && typeof view.because !== 'string') problem(`moments.${moment}: because must be text; left out of the reason`);
    // Without their own reason, the titles of their advice for this moment say why.
    if (!because) because = written.filter((w) => w.moments?.includes(moment) && w.title).map((w) => w.title).join('; ');
    for (const situation of situationsOfMoment(moment)) {
      views[situation] = { reach: 'direct', stance: stance as Stance, firmness: firmness as Firmness, because };
    }
  }
  return views;
}

function readItems(written: WrittenItem[], views: Partial<Record<Situation, MomentView>>, reader: Reader, builtIn: Knowledge, problem: (m: string) => void): ExpertAdvice[] {
  const advice: ExpertAdvice[] = [];
  const seen = new Set<string>();
  for (const item of written) {
    const label = item.title ? `advice "${item.title.slice(0, 60)}"` : 'an advice item';
    if (!item.title) {
      problem('an advice item has an empty ## heading: give it a title; left out');
      continue;
    }
    if (item.moments === undefined || item.moments.length === 0) {
      problem(`${label} has no "Moments:" line (e.g. "Moments: just-applied, waiting"), so it applies nowhere; left out`);
      continue;
    }
    const moments: Moment[] = [];
    for (const m of item.moments) {
      const id = m.toLowerCase();
      if (isMoment(id)) {
        if (!moments.includes(id)) moments.push(id);
      } else problem(`${label}: "${oneLine(m).slice(0, 40)}" is not a moment (moments: ${MOMENTS.join(', ')}); left out of that item`);
    }
    if (moments.length === 0) continue;
    if (!oneLine(item.text)) {
      problem(`${label} is empty: write the advice below its Moments line; left out`);
      continue;
    }
    const situations = moments.flatMap(situationsOfMoment);
    let firmness: Firmness;
    if (item.firmness !== undefined) {
      const f = item.firmness.toLowerCase();
      if (!(PACK_FIRMNESS as readonly string[]).includes(f)) {
        problem(`${label}: firmness "${oneLine(item.firmness).slice(0, 40)}" is not one of ${choices(PACK_FIRMNESS)}; left out`);
        continue;
      }
      firmness = f as Firmness;
    } else {
      // As firm as they were at those moments: a hedge there is a hedge here.
      firmness = situations.some((s) => views[s]?.firmness === 'hedged') ? 'hedged' : 'firm';
    }
    const tip = tipFor(item, situations, views, reader, builtIn);
    if (seen.has(tip)) {
      problem(`${label} appears twice in this note; the second was left out`);
      continue;
    }
    seen.add(tip);
    advice.push({ tip, direct: situations, firmness, note: oneLine(item.text) });
  }
  return advice;
}

/**
 * The tip an item belongs to: a built-in tip with the same title (the pack expert then backs
 * that idea beside the nine), an item of the same title from another pack note, or a new one.
 */
function tipFor(item: WrittenItem, situations: Situation[], views: Partial<Record<Situation, MomentView>>, reader: Reader, builtIn: Knowledge): string {
  const builtInId = BUILT_IN_TIP_BY_TITLE.get(item.title.toLowerCase());
  if (builtInId && builtIn.tips[builtInId]) return builtInId;
  // What the item says about the request, from the expert's stance where it applies: a tip
  // against the verdict is not shown, as for the nine. Mixed or unsaid stances: says nothing of it.
  const stances = new Set(situations.map((s) => views[s]?.stance ?? 'none'));
  const stance: Stance = stances.size === 1 ? [...stances][0]! : 'none';
  const id = `pack:${slug(item.title)}`;
  const existing = reader.tips[id];
  if (existing) {
    if (existing.stance !== stance) reader.tips[id] = { ...existing, stance: 'none' };
    return id;
  }
  reader.tips[id] = { title: item.title, detail: oneLine(item.text), stance, why: (p) => p.summary, plans: [] };
  return id;
}

/** The built-in knowledge with a pack's experts after the nine and its own tips after theirs. */
export function knowledgeWithPack(pack: Pick<AdvicePack, 'experts' | 'tips'>, builtIn: Knowledge = BUILT_IN_KNOWLEDGE): Knowledge {
  return { experts: [...builtIn.experts, ...pack.experts], tips: { ...builtIn.tips, ...pack.tips } };
}

/** Every expert a person can switch off, the nine first: for the settings tab and the `expertsOff` setting. */
export function switchableExperts(pack: Pick<AdvicePack, 'experts'> | undefined): { id: string; name: string; organization: string; pack?: string }[] {
  return [...BUILT_IN_KNOWLEDGE.experts, ...(pack?.experts ?? [])].map((k) => ({ ...k.expert }));
}

/** An `expertsOff` entry that names nobody, and the line saying so. */
export interface SwitchNamingNobody {
  entry: string;
  message: string;
}

/**
 * One line per `expertsOff` entry that names none of the experts advised with (a typo, or a pack
 * expert whose note is gone): it switches nobody off, so the person is told, with the close name.
 * Every host shows these lines, each in its own place (the CLI after its config file's path).
 */
export function expertsOffProblems(knowledge: Knowledge, off: readonly string[]): SwitchNamingNobody[] {
  const unknown = unknownExpertsOff(knowledge, off);
  if (unknown.length === 0) return [];
  const known = knowledge.experts.flatMap(({ expert }) => [expert.name, expert.id]);
  return unknown.map((entry) => {
    const close = closestWord(entry, known);
    const hint = close ? ` (did you mean "${close}"?)` : ' (a pack note since removed or renamed?)';
    return { entry, message: `${SETTINGS.expertsOff.label} (expertsOff): "${oneLine(entry).slice(0, 60)}" names none of the nine experts or your pack's, so it switches nobody off${hint}` };
  });
}

/**
 * What is wrong with the advice pack, as every host's pane or view lists it on every note: each of
 * its notes' problems (`<note>: <what is wrong>`), then each expertsOff entry naming nobody.
 */
export function packProblemLines(problems: readonly Problem[], knowledge: Knowledge, off: readonly string[]): string[] {
  return [...problems.map((p) => `${p.notePath}: ${p.message}`), ...expertsOffProblems(knowledge, off).map((p) => p.message)];
}

/** What a pack note is, for a view opened on it: the expert it defines, where they speak, and whether they count. */
export interface PackNoteView {
  path: string;
  /** The expert this note defines; absent when the note was not read as one (see `problems`). */
  expert?: { name: string; organization: string; source?: string };
  /** The moments their stance speaks to, in the order of the moment ids. */
  moments: Moment[];
  /** The titles of their advice items that were read. */
  items: string[];
  /** In use in the verdicts and advice; switched off in the settings; or not read at all. */
  use: 'in-use' | 'switched-off' | 'not-read';
  /** What is wrong in this note, one line each (without the path). */
  problems: string[];
}

/** The view of one pack note from the pack as last read (`knowledge`, `problems`) and the off switches. */
export function packNoteView(path: string, knowledge: Knowledge, problems: readonly Problem[], expertsOff: readonly string[]): PackNoteView {
  const own = problems.filter((p) => p.notePath === path).map((p) => p.message);
  const found = knowledge.experts.find((k) => k.expert.pack === path);
  if (!found) return { path, moments: [], items: [], use: 'not-read', problems: own };
  const { name, organization, source } = found.expert;
  return {
    path,
    expert: { name, organization, ...(source ? { source } : {}) },
    moments: MOMENTS.filter((m) => found.moments[m] !== undefined),
    items: found.advice.map((a) => knowledge.tips[a.tip]?.title ?? '').filter((t) => t !== ''),
    use: expertsSwitchedOff(knowledge, expertsOff).has(found.expert.id) ? 'switched-off' : 'in-use',
    problems: own,
  };
}

/** Whether `off` switches this expert off (by id, name or former id, in any case): what a switch shows. */
export function isSwitchedOff(expert: Expert, off: readonly string[]): boolean {
  const names = namesOfExpert(expert);
  return off.some((o) => names.includes(o.toLowerCase()));
}

/**
 * `off` with this expert switched on or off. Every entry naming them (their name, an id they had
 * before) gives way to their id alone, so a switch stored under an older id moves to the stable one.
 */
export function withSwitch(expert: Expert, off: readonly string[], on: boolean): string[] {
  const names = namesOfExpert(expert);
  const others = off.filter((o) => !names.includes(o.toLowerCase()));
  return on ? others : [...others, expert.id];
}
