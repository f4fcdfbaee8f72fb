import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPERTS } from '../../src/core/experts';
import { POSITIONS, TIPS, tipApplies, tipSpecificTo, type Situation } from '../../src/core/knowledge';
import { MOMENTS } from '../../src/core/model';

const SITUATIONS: Situation[] = [...MOMENTS, 'waiting-after-interview'];
const ARTICLE = new URL('../../../shared/reference/expert-advice-connecting-with-hiring-managers.txt', import.meta.url);

describe('the knowledge base', () => {
  it('gives every one of the nine experts at least one tip and one position', () => {
    for (const expert of EXPERTS) {
      expect(TIPS.some((t) => t.expertIds.includes(expert.id)), expert.name).toBe(true);
      expect(POSITIONS.some((p) => p.expertId === expert.id), expert.name).toBe(true);
    }
  });

  it("keeps Craig Rosen's three points apart: no request before an offer, study the interviewers, handwritten thanks", () => {
    const rosen = TIPS.filter((t) => t.expertIds.includes('craig-rosen'));
    expect(rosen.map((t) => t.id).sort()).toEqual(['rosen-handwritten-thanks', 'rosen-no-request-before-offer', 'rosen-study-interviewers']);
    expect(rosen.find((t) => t.id === 'rosen-no-request-before-offer')?.stance).toBe('wait');
    expect(rosen.find((t) => t.id === 'rosen-handwritten-thanks')?.moments).toContain('just-interviewed');
    expect(rosen.find((t) => t.id === 'rosen-study-interviewers')?.moments).toEqual(['interview-ahead']);
  });

  it('has unique ids, known experts and moments, and short titles', () => {
    expect(new Set(TIPS.map((t) => t.id)).size).toBe(TIPS.length);
    const ids = new Set<string>(EXPERTS.map((e) => e.id));
    for (const tip of TIPS) {
      expect(tip.expertIds.every((id) => ids.has(id)), tip.id).toBe(true);
      expect(tip.moments.length, tip.id).toBeGreaterThan(0);
      expect(tip.moments.every((m) => (MOMENTS as readonly string[]).includes(m)), tip.id).toBe(true);
      expect(tip.title.length, tip.title).toBeLessThanOrEqual(70);
      expect(tip.detail.length, tip.id).toBeGreaterThan(40);
    }
  });

  it('has advice for every moment and a voice on the request in every situation', () => {
    for (const situation of SITUATIONS) {
      expect(TIPS.some((t) => tipApplies(t, situation)), situation).toBe(true);
      expect(POSITIONS.some((p) => p.situations.includes(situation)), situation).toBe(true);
    }
  });

  it('tags a tip as specific only where it applies, and its moments follow its situations', () => {
    for (const tip of TIPS) {
      for (const s of tipSpecificTo(tip)) expect(tipApplies(tip, s), `${tip.id} ${s}`).toBe(true);
      for (const m of MOMENTS) expect(tip.moments.includes(m), `${tip.id} ${m}`).toBe(tipApplies(tip, m) || (m === 'waiting' && tipApplies(tip, 'waiting-after-interview')));
    }
  });

  it("never lets a tip contradict its own expert's position where the expert speaks to the moment", () => {
    for (const tip of TIPS.filter((t) => t.stance !== 'neutral')) {
      for (const situation of tipSpecificTo(tip)) {
        const positions = POSITIONS.filter((p) => tip.expertIds.includes(p.expertId) && p.situations.includes(situation));
        expect(positions.length, `${tip.id} at ${situation}`).toBeGreaterThan(0);
        for (const p of positions) expect(p.stance, `${tip.id} at ${situation}`).toBe(tip.stance);
      }
    }
  });

  it('gives each expert at most one position per situation', () => {
    for (const situation of SITUATIONS) {
      const experts = POSITIONS.filter((p) => p.situations.includes(situation)).map((p) => p.expertId);
      expect(new Set(experts).size, situation).toBe(experts.length);
    }
  });

  it.skipIf(!existsSync(ARTICLE))('paraphrases the article: no run of 8 words copied from it', () => {
    const words = (t: string): string[] => t.toLowerCase().replace(/[’']/g, "'").match(/[a-z0-9']+/g) ?? [];
    const article = words(readFileSync(ARTICLE, 'utf8'));
    const runs = new Set<string>();
    for (let i = 0; i + 8 <= article.length; i++) runs.add(article.slice(i, i + 8).join(' '));
    const ours = [...TIPS.flatMap((t) => [t.title, t.detail]), ...POSITIONS.map((p) => p.because)];
    for (const text of ours) {
      const w = words(text);
      for (let i = 0; i + 8 <= w.length; i++) expect(runs.has(w.slice(i, i + 8).join(' ')), text).toBe(false);
    }
    // The check itself can fail: a sentence of the article is caught.
    const copied = article.slice(0, 8).join(' ');
    expect(runs.has(copied)).toBe(true);
  });
});
