// The nine experts behind the advice, named exactly as the source article names them.
// Their advice (in our own words) lives in knowledge.ts.
import type { Expert } from './model';

export const EXPERTS = [
  { id: 'zack-mccarty', name: 'Zack McCarty', organization: 'Qwick' },
  { id: 'megan-chiamos', name: 'Megan Chiamos', organization: '365 Cannabis' },
  { id: 'ryan-nouis', name: 'Ryan Nouis', organization: 'TruPath' },
  { id: 'craig-rosen', name: 'Craig Rosen', organization: 'InterviewFocus' },
  { id: 'michael-staton', name: 'Michael Staton', organization: 'Lyon Shield Security' },
  { id: 'thylan-le', name: 'Thylan Le', organization: 'Markitors' },
  { id: 'deborah-bubis', name: 'Deborah Bubis', organization: 'Recruiter and Sourcer' },
  { id: 'steven-brown', name: 'Steven Brown', organization: 'DP Electric Inc' },
  { id: 'justin-barlow', name: 'Justin Barlow', organization: 'Nigel Wright' },
] as const satisfies readonly Expert[];

export type ExpertId = (typeof EXPERTS)[number]['id'];

const byId = new Map<string, Expert>(EXPERTS.map((e) => [e.id, e]));

export function expertById(id: string): Expert {
  const expert = byId.get(id);
  if (!expert) throw new Error(`Unknown expert id "${id}"`);
  return expert;
}
