// The advice engine. It answers the article's question (send the hiring manager a LinkedIn
// connection request now, or not yet?) and picks the advice for this moment, all derived from the
// knowledge (knowledge.ts, plus any pack): who speaks to the situation, how firmly, and what they
// advise. Everything that depends only on the situation is worked out once per knowledge, when it
// is compiled; advising one note is then reading its dates and picking the situation's answer.
import { BUILT_IN_KNOWLEDGE, MAX_ADVICE, SITUATIONS, WEIGHTS, type Knowledge } from './knowledge';
import type { Advice, AdviceReport, Application, Backer, CalendarDate, Expert, Firmness, Situation, Voice, Verdict } from './model';
import { readMoment } from './moment';

interface AtSituation {
  verdict: Verdict;
  advice: readonly Advice[];
  /** The advice once connected: nothing about sending or holding the request. */
  adviceConnected: readonly Advice[];
}

/** Knowledge made ready for advising: one answer per situation. */
export interface CompiledKnowledge {
  readonly knowledge: Knowledge;
  readonly at: Readonly<Record<Situation, AtSituation>>;
}

/**
 * Works out, for every situation, the verdict and the ranked advice. `off` holds ids of experts
 * the person switched off: they neither vote nor back advice.
 */
export function compileKnowledge(knowledge: Knowledge, off: ReadonlySet<string> = new Set()): CompiledKnowledge {
  const experts = knowledge.experts.filter((k) => !off.has(k.expert.id));
  const at = {} as Record<Situation, AtSituation>;
  for (const situation of SITUATIONS) {
    const direct: Voice[] = [];
    const general: Voice[] = [];
    for (const k of experts) {
      const view = k.moments[situation];
      if (!view || view.stance === 'none') continue;
      const voice: Voice = { expert: k.expert, stance: view.stance, firmness: view.firmness, reach: view.reach, because: view.because };
      (view.reach === 'direct' ? direct : general).push(voice);
    }
    const verdict = decide(direct, general);
    const candidates = adviceAt(knowledge, experts, situation);
    const agrees = (a: Advice): boolean => a.stance === 'none' || a.stance === (verdict.connectNow ? 'connect' : 'wait');
    at[situation] = {
      verdict,
      advice: candidates.filter(agrees).slice(0, MAX_ADVICE),
      adviceConnected: candidates.filter((a) => a.stance === 'none').slice(0, MAX_ADVICE),
    };
  }
  // The knowledge as advised with: the follow-up planner names experts from it (never one switched off).
  return { knowledge: experts.length === knowledge.experts.length ? knowledge : { ...knowledge, experts }, at };
}

/** The rule is written beside WEIGHTS in knowledge.ts. */
function decide(direct: Voice[], general: Voice[]): Verdict {
  const basis: Verdict['basis'] = direct.length > 0 ? 'direct' : general.length > 0 ? 'general' : 'none';
  const counted = basis === 'direct' ? direct : general;
  let forWeight = 0;
  let waitWeight = 0;
  for (const v of counted) {
    if (v.stance === 'connect') forWeight += WEIGHTS[v.firmness];
    else waitWeight += WEIGHTS[v.firmness];
  }
  const connectNow = forWeight > waitWeight;
  const winners = counted.filter((v) => v.stance === (connectNow ? 'connect' : 'wait'));
  const firmness: Firmness = winners.some((v) => v.firmness === 'firm') ? 'firm' : 'hedged';
  return {
    connectNow,
    alreadyConnected: false,
    firmness,
    basis,
    for: direct.filter((v) => v.stance === 'connect'),
    against: direct.filter((v) => v.stance === 'wait'),
    general,
  };
}

/** Every tip that applies here, with every expert behind it, those speaking to it directly first. */
function adviceAt(knowledge: Knowledge, experts: Knowledge['experts'], situation: Situation): Advice[] {
  const byTip = new Map<string, Backer[]>();
  for (const k of experts) {
    const seen = new Set<string>();
    for (const reach of ['direct', 'general'] as const) {
      for (const item of k.advice) {
        const where = reach === 'direct' ? item.direct : item.general;
        if (!where?.includes(situation) || seen.has(item.tip)) continue;
        seen.add(item.tip);
        const backers = byTip.get(item.tip) ?? [];
        backers.push({ expert: k.expert, reach, firmness: item.firmness, note: item.note });
        byTip.set(item.tip, backers);
      }
    }
  }
  const order = Object.keys(knowledge.tips);
  const items: { advice: Advice; rank: number[] }[] = [];
  for (const [id, backers] of byTip) {
    const tip = knowledge.tips[id];
    if (!tip) continue;
    backers.sort((a, b) => Number(a.reach === 'general') - Number(b.reach === 'general'));
    const direct = backers.some((b) => b.reach === 'direct');
    const firm = backers.some((b) => b.reach === 'direct' && b.firmness === 'firm');
    items.push({
      advice: { id, title: tip.title, detail: tip.detail, stance: tip.stance, backers, experts: backers.map((b) => b.expert) },
      rank: [direct ? 0 : 1, firm ? 0 : 1, order.indexOf(id)],
    });
  }
  items.sort((a, b) => a.rank[0]! - b.rank[0]! || a.rank[1]! - b.rank[1]! || a.rank[2]! - b.rank[2]!);
  return items.map((i) => i.advice);
}

const BUILT_IN = compileKnowledge(BUILT_IN_KNOWLEDGE);

/** What names an expert in `expertsOff`, in lower case: their id, their name, and a pack expert's id from their name when their note gives its own `id`. */
export function namesOfExpert(expert: Expert): string[] {
  return [expert.id, expert.name, ...(expert.aliases ?? [])].map((n) => n.toLowerCase());
}

/** The ids of the knowledge's experts that `off` names, by id or by name (case does not matter). */
export function expertsSwitchedOff(knowledge: Knowledge, off: readonly string[]): Set<string> {
  const ids = new Set<string>();
  if (off.length === 0) return ids;
  const named = new Set(off.map((o) => o.toLowerCase()));
  for (const { expert } of knowledge.experts) if (namesOfExpert(expert).some((n) => named.has(n))) ids.add(expert.id);
  return ids;
}

/** Entries of `off` that name none of the knowledge's experts (a typo, or a pack note since removed). */
export function unknownExpertsOff(knowledge: Knowledge, off: readonly string[]): string[] {
  const known = new Set(knowledge.experts.flatMap(({ expert }) => namesOfExpert(expert)));
  return off.filter((o) => !known.has(o.toLowerCase()));
}

/** Compiled once per knowledge and set of experts switched off; every note after that is a look-up. */
const compiled = new WeakMap<Knowledge, Map<string, CompiledKnowledge>>();

/** The knowledge ready for advising with these experts switched off. */
export function compiledFor(knowledge: Knowledge, off: readonly string[]): CompiledKnowledge {
  if (knowledge === BUILT_IN_KNOWLEDGE && off.length === 0) return BUILT_IN;
  const ids = expertsSwitchedOff(knowledge, off);
  const key = [...ids].sort().join('\n');
  let byOff = compiled.get(knowledge);
  if (!byOff) compiled.set(knowledge, (byOff = new Map<string, CompiledKnowledge>()));
  let found = byOff.get(key);
  if (!found) {
    if (byOff.size >= 32) byOff.clear(); // switches flipped back and forth: keep the memory small
    found = compileKnowledge(knowledge, ids);
    byOff.set(key, found);
  }
  return found;
}

/** The advice for one application today. */
export function advise(app: Application, today: CalendarDate, compiled: CompiledKnowledge = BUILT_IN): AdviceReport {
  const { moment, situation, facts } = readMoment(app, today);
  const here = compiled.at[situation];
  const verdict: Verdict = app.connected
    ? { connectNow: false, alreadyConnected: true, firmness: 'firm', basis: here.verdict.basis, for: [], against: [], general: [] }
    : here.verdict;
  return { application: app, today, moment, situation, facts, verdict, advice: [...(app.connected ? here.adviceConnected : here.advice)] };
}
