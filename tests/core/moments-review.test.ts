// Application notes written as people write them, in three schemas, at every moment: read by the
// real reader, advised and planned by the real engine, and checked as a reviewer reads the output
// (who is written to, by name; one letter per interviewer; no placeholder for a fact the note has;
// nothing the note does not say).
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/core/advice';
import { readApplication } from '../../src/core/application';
import { planFollowUps } from '../../src/core/followups';
import type { AdviceReport, FollowUp } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { phrasesOf, verdictHeadline, verdictReason, whyNow } from '../../src/core/wording';

const TODAY = '2026-05-11';
const SETTINGS = { ...DEFAULT_SETTINGS, yourName: 'Priya Raman' };

function run(frontmatter: Record<string, unknown>): { report: AdviceReport; followUps: FollowUp[]; text: string } {
  const read = readApplication({ frontmatter, path: 'Jobs/Note.md' }, SETTINGS);
  if (!read.ok) throw new Error(read.problem.message);
  const report = advise(read.application, TODAY);
  const followUps = planFollowUps(report, SETTINGS);
  const phrases = phrasesOf(report);
  const text = [verdictHeadline(report), verdictReason(report), ...report.advice.map((a) => whyNow(report, a, phrases)), ...followUps.flatMap((f) => [f.title, f.reason, f.draft ?? ''])].join('\n');
  return { report, followUps, text };
}

// Schema A: snake_case fields, plain names. Schema B: camelCase with a contacts list and roles.
// Schema C: Title-Case fields with interview rounds as objects.
const NOTES: Record<string, Record<string, unknown>> = {
  'A, wishlist': { stage: 'Wishlist', company: 'Fernhill Bakery Co', role: 'Data Engineer', hiring_manager: 'Tomasz Wierzbicki' },
  'B, applied last week, a talent partner only': {
    status: 'Applied',
    employer: 'Quayside Health',
    position: 'Product Analyst',
    dateApplied: '2026-05-06',
    contacts: [{ name: 'Noor Haddad', role: 'Talent Acquisition Partner' }],
  },
  'C, applied five weeks ago': { 'App-Stage': 'Applied', Company: 'Larchmont', 'Job-Title': 'QA Lead', 'Applied-Date': '2026-04-06', hiring_manager: 'Eve Moss' },
  'A, interviewing with no date': { stage: 'Interviewing', company: 'Fernhill Bakery Co', role: 'Data Engineer', applied: '2026-04-20', recruiter: 'Sam Okoye' },
  'C, second round ahead, first round past': {
    'App-Stage': 'Interviewing',
    Company: 'Larchmont',
    'Job-Title': 'QA Lead',
    hiring_manager: 'Eve Moss',
    interviews: [
      { date: '2026-05-04', type: 'Phone screen', with: 'Jon Bell (HR)' },
      { date: '2026-05-14', type: 'Panel', with: ['Eve Moss', 'Raj Patel'] },
    ],
  },
  'B, interviewed four days ago by two people': {
    status: 'Interviewing',
    employer: 'Quayside Health',
    position: 'Product Analyst',
    interview: '2026-05-07',
    interviewers: ['Lena Park', 'Omar Diaz'],
    contacts: [{ name: 'Lena Park', role: 'Hiring manager' }],
  },
  'A, offer': { stage: 'Offer', company: 'Fernhill Bakery Co', role: 'Data Engineer', hiring_manager: 'Tomasz Wierzbicki', decision: '2026-05-09' },
  'C, rejected, only a sourcer named': { 'App-Stage': 'Rejected', Company: 'Larchmont', 'Job-Title': 'QA Lead', contacts: [{ name: 'Ada Brooks', role: 'Sourcer' }] },
  'B, withdrawn': { status: 'Withdrawn', employer: 'Quayside Health', position: 'Product Analyst', contacts: [{ name: 'Lena Park', role: 'Hiring manager' }] },
  'A, ghosted after an interview': { stage: 'Ghosted', company: 'Fernhill Bakery Co', role: 'Data Engineer', interview: '2026-03-30', hiring_manager: 'Tomasz Wierzbicki' },
  'C, hired': { 'App-Stage': 'Accepted', Company: 'Larchmont', 'Job-Title': 'QA Lead', hiring_manager: 'Eve Moss', decision: '2026-05-10' },
};

describe('notes in three schemas at every moment, read as a reviewer reads them', () => {
  const all = Object.entries(NOTES).map(([name, fm]) => ({ name, ...run(fm) }));

  it('never leaves a placeholder for a name the note gives, and never claims what it does not say', () => {
    for (const { name, text, followUps } of all) {
      expect(text, name).not.toMatch(/undefined|\[interviewer's name\]|\[Your name\]|after your call|will look at your|before they read/);
      for (const f of followUps) if (f.kind === 'connection-request' && f.draft) expect(f.draft.length, name).toBeLessThanOrEqual(SETTINGS.connectionNoteLimit);
    }
  });

  it('keeps every moment to five advice items at most', () => {
    for (const { name, report } of all) expect(report.advice.length, name).toBeLessThanOrEqual(5);
  });

  const get = (name: string) => all.find((a) => a.name === name)!;

  it('before applying: connect with the named hiring manager, the note asks for a short call', () => {
    const { report, followUps } = get('A, wishlist');
    expect(report.verdict.connectNow).toBe(true);
    const request = followUps.find((f) => f.kind === 'connection-request')!;
    expect(request.draft).toMatch(/^Hi Tomasz, I'm interested in the Data Engineer role at Fernhill Bakery Co and plan to apply\..*15 minutes/);
  });

  it('a talent acquisition partner is the recruiter, and the one written to when no hiring manager is named', () => {
    const { report, followUps } = get('B, applied last week, a talent partner only');
    expect(report.facts.contact).toMatchObject({ as: 'recruiter', person: { name: 'Noor Haddad' } });
    const request = followUps.find((f) => f.kind === 'connection-request')!;
    expect(request.title).toBe('Connect with Noor Haddad (recruiter, Quayside Health) on LinkedIn and ask who the hiring manager is');
    expect(request.draft).toMatch(/^Hi Noor,.*who leads the hiring/);
  });

  it('weeks after applying, the report says how long ago; the draft (in a task note) never says "just applied" nor counts days', () => {
    const { report, followUps, text } = get('C, applied five weeks ago');
    expect(report.moment).toBe('waiting');
    expect(text).toContain('5 weeks ago');
    const draft = followUps.find((f) => f.kind === 'connection-request')!.draft!;
    expect(draft).toMatch(/I applied for .* and am still very interested/);
    expect(draft).not.toMatch(/just applied|recently|ago/);
  });

  it('interviewing with no date plans the step of finding out, addressed to the recruiter', () => {
    const { followUps } = get('A, interviewing with no date');
    expect(followUps.map((f) => f.title)).toContain('Ask Sam Okoye when your interview is and whom you will meet, then look them up');
  });

  it('a past round gets its letter though another round is ahead, and the next round one letter per interviewer', () => {
    const { followUps } = get('C, second round ahead, first round past');
    const letters = followUps.filter((f) => f.kind === 'thank-you-letter').map((f) => f.title);
    expect(letters).toEqual([
      'Send a thank-you letter to Jon Bell',
      'Send a thank-you letter to Eve Moss',
      'Send a thank-you letter to Raj Patel',
    ]);
  });

  it('after an interview: one letter each, overdue, and a check-in when nothing is heard', () => {
    const { report, followUps } = get('B, interviewed four days ago by two people');
    expect(report.verdict.connectNow).toBe(false);
    const letters = followUps.filter((f) => f.kind === 'thank-you-letter');
    expect(letters.map((l) => l.draft?.split('\n')[0])).toEqual(['Dear Lena Park,', 'Dear Omar Diaz,']);
    // Shown due today; their task notes keep the day after the interview, so task plugins show them overdue.
    expect(letters.every((l) => l.dueByNote !== undefined && l.dueByNote < l.due)).toBe(true);
    expect(followUps.find((f) => f.kind === 'check-in')?.due).toBe('2026-05-14');
  });

  it('with an offer: connect, hedged, with a note that thanks for the offer and asks for nothing', () => {
    const { report, followUps } = get('A, offer');
    expect(report.verdict).toMatchObject({ connectNow: true, firmness: 'hedged' });
    expect(report.verdict.for.map((v) => v.expert.name)).toEqual(['Craig Rosen']);
    const draft = followUps.find((f) => f.kind === 'connection-request')!.draft!;
    expect(draft).toMatch(/thank you for the offer/);
    expect(draft).not.toMatch(/15 minutes|applied/);
  });

  it('rejected with only a sourcer named: ask her for feedback by name', () => {
    const { followUps } = get('C, rejected, only a sourcer named');
    const ask = followUps.find((f) => f.kind === 'ask-feedback')!;
    expect(ask.title).toBe('Ask Ada Brooks for feedback and connect on LinkedIn');
    expect(ask.draft).toMatch(/^Hi Ada, thank you for considering me/);
    expect(ask.reason).not.toMatch(/find out who/);
  });

  it('withdrawn and ghosted: no expert spoke to them, so the verdict rests on general words and says so', () => {
    for (const name of ['B, withdrawn', 'A, ghosted after an interview']) {
      const { report, text } = get(name);
      expect(report.verdict.basis, name).toBe('general');
      expect(report.verdict.for, name).toEqual([]);
      expect(text, name).toContain('None of the experts speaks to this moment itself');
      expect(text, name).not.toMatch(/Michael Staton/);
    }
  });

  it('hired: Michael Staton, and a note about joining', () => {
    const { report, followUps } = get('C, hired');
    expect(report.verdict.for.map((v) => v.expert.name)).toEqual(['Michael Staton']);
    expect(followUps.find((f) => f.kind === 'connect-after-hire')?.draft).toMatch(/^Hi Eve, I'm delighted to be joining Larchmont as QA Lead\./);
  });
});
