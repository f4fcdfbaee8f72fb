import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPERTS } from '../../src/core/experts';
import { BUILT_IN_KNOWLEDGE, SITUATIONS, TIPS, type Phrases } from '../../src/core/knowledge';

const ARTICLE = new URL('../../../shared/reference/expert-advice-connecting-with-hiring-managers.txt', import.meta.url);
const experts = BUILT_IN_KNOWLEDGE.experts;
const byName = (name: string) => experts.find((k) => k.expert.name === name)!;

describe('the knowledge base', () => {
  it('names the nine experts with their organizations exactly as the article gives them', () => {
    expect(EXPERTS.map((e) => [e.name, e.organization])).toEqual([
      ['Zack McCarty', 'Qwick'],
      ['Megan Chiamos', '365 Cannabis'],
      ['Ryan Nouis', 'TruPath'],
      ['Craig Rosen', 'InterviewFocus'],
      ['Michael Staton', 'Lyon Shield Security'],
      ['Thylan Le', 'Markitors'],
      ['Deborah Bubis', 'Recruiter and Sourcer'],
      ['Steven Brown', 'DP Electric Inc'],
      ['Justin Barlow', 'Nigel Wright'],
    ]);
  });

  it('gives every expert something they said and at least one piece of advice; every tip has someone behind it', () => {
    for (const k of experts) {
      expect(k.said.length, k.expert.name).toBeGreaterThan(40);
      expect(k.advice.length, k.expert.name).toBeGreaterThan(0);
    }
    for (const id of Object.keys(TIPS)) expect(experts.some((k) => k.advice.some((a) => a.tip === id)), id).toBe(true);
  });

  it('never has an expert back, at a moment they speak to, a tip that contradicts their own stance there', () => {
    for (const k of experts) {
      for (const item of k.advice) {
        const tip = TIPS[item.tip as keyof typeof TIPS];
        if (tip.stance === 'none') continue;
        for (const s of [...item.direct, ...(item.general ?? [])]) {
          const view = k.moments[s];
          if (view && view.stance !== 'none') expect(view.stance, `${k.expert.name} ${item.tip} at ${s}`).toBe(tip.stance);
        }
      }
    }
  });

  it('keeps the article\'s limits on who spoke to what', () => {
    // Michael Staton spoke of the decision made (hired, or not hired), not of an offer or of silence.
    expect(Object.keys(byName('Michael Staton').moments).sort()).toEqual(['hired', 'rejected']);
    // Steven Brown's long game is about companies you like; withdrawing and silence only in general words.
    expect(byName('Steven Brown').moments.withdrawn?.reach).toBe('general');
    expect(byName('Steven Brown').moments.ghosted?.reach).toBe('general');
    // Craig Rosen's profile study is for an interview ahead, and nowhere else.
    expect(byName('Craig Rosen').advice.find((a) => a.tip === 'study-interviewers')?.direct).toEqual(['interview-ahead']);
    // Thylan Le spoke around the interview only.
    expect(Object.keys(byName('Thylan Le').moments).sort()).toEqual(['interview-ahead', 'just-interviewed', 'waiting-after-interview']);
  });

  it('keeps the hedges: "may", "consider", "you can", "I was told" are hedged', () => {
    expect(byName('Megan Chiamos').moments['just-applied']?.firmness).toBe('hedged');
    expect(byName('Justin Barlow').moments['just-applied']?.firmness).toBe('hedged');
    expect(byName('Michael Staton').moments.rejected?.firmness).toBe('hedged');
    expect(byName('Craig Rosen').moments['interview-ahead']?.firmness).toBe('hedged');
    expect(byName('Thylan Le').moments['interview-ahead']?.firmness).toBe('hedged');
    // ...and the firm words stay firm.
    expect(byName('Thylan Le').moments['just-interviewed']?.firmness).toBe('firm');
    expect(byName('Michael Staton').moments.hired?.firmness).toBe('firm');
  });

  it('has a voice on the request and advice in every situation', () => {
    for (const s of SITUATIONS) {
      expect(experts.some((k) => k.moments[s] !== undefined), s).toBe(true);
      expect(experts.some((k) => k.advice.some((a) => a.direct.includes(s) || a.general?.includes(s))), s).toBe(true);
    }
  });

  it('has a "why now" for every tip that never claims what the phrases leave out', () => {
    const bare: Phrases = { situation: 'interview-ahead', to: 'the hiring manager', hm: 'the hiring manager', hmPossessive: "the hiring manager's", company: 'the company', summary: 'S.', lastIsLate: false };
    for (const [id, tip] of Object.entries(TIPS)) {
      for (const situation of SITUATIONS) {
        const line = tip.why({ ...bare, situation });
        expect(line, id).not.toMatch(/undefined|before then|\bin \d+ days\b|ago \(/);
        expect(line.length, id).toBeGreaterThan(10);
      }
    }
  });

  it.skipIf(!existsSync(ARTICLE))('paraphrases the article: no run of 8 words copied from it', () => {
    const words = (t: string): string[] => t.toLowerCase().replace(/[’']/g, "'").match(/[a-z0-9']+/g) ?? [];
    const article = words(readFileSync(ARTICLE, 'utf8'));
    const runs = new Set<string>();
    for (let i = 0; i + 8 <= article.length; i++) runs.add(article.slice(i, i + 8).join(' '));
    const ours = [
      ...Object.values(TIPS).flatMap((t) => [t.title, t.detail]),
      ...experts.flatMap((k) => [k.said, ...Object.values(k.moments).map((m) => m.because), ...k.advice.map((a) => a.note)]),
    ];
    for (const text of ours) {
      const w = words(text);
      for (let i = 0; i + 8 <= w.length; i++) expect(runs.has(w.slice(i, i + 8).join(' ')), text).toBe(false);
    }
    // The check itself can fail: a sentence of the article is caught.
    expect(runs.has(article.slice(0, 8).join(' '))).toBe(true);
  });
});
