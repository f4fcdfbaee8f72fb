// The nine experts behind the advice, named exactly as the source article names them. Derived
// from the knowledge (knowledge.ts), where each expert's words live.
import { BUILT_IN_KNOWLEDGE } from './knowledge';
import type { Expert } from './model';

export type { ExpertId } from './knowledge';

export const EXPERTS: readonly Expert[] = BUILT_IN_KNOWLEDGE.experts.map((k) => k.expert);

const byId = new Map<string, Expert>(EXPERTS.map((e) => [e.id, e]));

export function expertById(id: string): Expert {
  const expert = byId.get(id);
  if (!expert) throw new Error(`Unknown expert id "${id}"`);
  return expert;
}
