// Why the verdict comes out as it does, in one sentence: who speaks to this exact moment and what
// they say. Shared by the pane and the callout. A remark an expert made in general is counted as
// such, never as a vote on this moment.
import type { Expert, ExpertPosition, Verdict } from './model';

function names(list: readonly { expert: Expert }[]): string {
  const all = list.map((p) => p.expert.name);
  if (all.length <= 1) return all.join('');
  return `${all.slice(0, -1).join(', ')} and ${all[all.length - 1] ?? ''}`;
}

const verb = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** "Craig Rosen and Thylan Le speak to this moment and say wait; 3 more speak only in general." */
export function whoSpeaks(forConnect: readonly ExpertPosition[], against: readonly ExpertPosition[]): string {
  const sayFor = forConnect.filter((p) => p.specific);
  const sayAgainst = against.filter((p) => p.specific);
  if (sayFor.length + sayAgainst.length > 0) {
    const parts: string[] = [];
    if (sayAgainst.length > 0) parts.push(`${names(sayAgainst)} ${verb(sayAgainst.length, 'speaks', 'speak')} to this moment and ${verb(sayAgainst.length, 'says', 'say')} wait`);
    if (sayFor.length > 0) parts.push(`${names(sayFor)} ${verb(sayFor.length, 'speaks', 'speak')} to this moment and ${verb(sayFor.length, 'says', 'say')} connect`);
    const general = forConnect.length - sayFor.length + against.length - sayAgainst.length;
    if (general > 0) parts.push(`${general} more ${verb(general, 'speaks', 'speak')} only in general`);
    return `${parts.join('; ')}.`;
  }
  if (forConnect.length + against.length === 0) return 'No expert speaks to this moment.';
  return `No expert speaks to this exact moment; in general ${forConnect.length} ${verb(forConnect.length, 'leans', 'lean')} towards connecting and ${against.length} towards waiting.`;
}

/** The verdict's reason for showing under its headline. */
export function verdictReason(verdict: Verdict): string {
  if (verdict.alreadyConnected) return 'Your note says you are already connected.';
  return whoSpeaks(verdict.for, verdict.against);
}
