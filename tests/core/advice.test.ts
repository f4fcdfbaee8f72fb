import { describe, expect, it } from 'vitest';
import { advise } from '../../src/core/advice';
import { addDays } from '../../src/core/dates';
import { TIPS, tipSpecificTo } from '../../src/core/knowledge';
import type { AdviceReport, Application, ExpertPosition } from '../../src/core/model';
import { anApplication, type ApplicationBuilder } from './builders';

const TODAY = '2026-03-20';
const ago = (n: number): string => addDays(TODAY, -n);
const ahead = (n: number): string => addDays(TODAY, n);

const names = (ps: ExpertPosition[]): string[] => ps.map((p) => p.expert.name);
const specific = (ps: ExpertPosition[]): string[] => ps.filter((p) => p.specific).map((p) => p.expert.name);
const general = (ps: ExpertPosition[]): string[] => ps.filter((p) => !p.specific).map((p) => p.expert.name);
const ids = (r: AdviceReport): string[] => r.advice.map((a) => a.id);
const reasonOf = (r: AdviceReport, id: string): string => r.advice.find((a) => a.id === id)?.reason ?? `(no advice ${id})`;

const withAna = (): ApplicationBuilder => anApplication().hiringManager('Ana Silva');

/** One application at every moment, with the hiring manager known. */
const EVERY_MOMENT: Record<string, Application> = {
  'not-applied': withAna().stage('wishlist').build(),
  'just-applied': withAna().stage('applied').applied(ago(3)).build(),
  waiting: withAna().stage('applied').applied(ago(20)).build(),
  'interview-ahead': withAna().stage('interviewing').applied(ago(20)).interview(ahead(4), 'Ana Silva', 'Ben Ito').build(),
  'just-interviewed': withAna().stage('interviewing').applied(ago(20)).interview(ago(2), 'Ana Silva', 'Ben Ito').build(),
  offer: withAna().stage('offer').decision(ago(1)).build(),
  hired: withAna().stage('accepted').decision(ago(1)).build(),
  rejected: withAna().stage('rejected').decision(ago(5)).build(),
  withdrawn: withAna().stage('withdrawn').build(),
  ghosted: withAna().stage('ghosted').applied(ago(60)).build(),
};

describe('the verdict before the interview', () => {
  it('says connect when you have not applied yet, with Craig Rosen as the dissent', () => {
    const r = advise(EVERY_MOMENT['not-applied']!, TODAY);
    expect(r.moment).toBe('not-applied');
    expect(r.verdict.connectNow).toBe(true);
    expect(r.verdict.headline).toBe('Yes: send Ana Silva a connection request now, with a short note.');
    expect(specific(r.verdict.for)).toEqual(['Zack McCarty', 'Megan Chiamos', 'Deborah Bubis', 'Steven Brown']);
    expect(general(r.verdict.for)).toEqual(['Ryan Nouis', 'Justin Barlow']);
    expect(names(r.verdict.against)).toEqual(['Craig Rosen']);
    expect(specific(r.verdict.against)).toEqual([]);
  });

  it('says connect right after applying, Ryan Nouis and Justin Barlow speaking to exactly that', () => {
    const r = advise(EVERY_MOMENT['just-applied']!, TODAY);
    expect(r.verdict.connectNow).toBe(true);
    expect(specific(r.verdict.for)).toEqual(['Zack McCarty', 'Megan Chiamos', 'Ryan Nouis', 'Justin Barlow']);
    expect(names(r.verdict.against)).toEqual(['Craig Rosen']);
    expect(r.verdict.reason).toBe(
      `You applied 3 days ago (${ago(3)}) and have no interview yet. Zack McCarty, Megan Chiamos, Ryan Nouis and Justin Barlow ` +
        'speak to this moment and say connect; Craig Rosen disagrees.',
    );
    // The tips that speak to this exact moment come first, the narrowest first.
    expect(ids(r).slice(0, 4)).toEqual(['nouis-connect-after-applying', 'barlow-connect-no-pressure', 'chiamos-preview-message', 'mccarty-introduce-small-ask']);
    expect(reasonOf(r, 'nouis-connect-after-applying')).toBe(`You applied 3 days ago (${ago(3)}): this is the window he means.`);
    expect(reasonOf(r, 'barlow-connect-no-pressure')).toContain('Ana Silva');
  });

  it('still says connect while waiting, but only Zack McCarty speaks to waiting for an interview', () => {
    const r = advise(EVERY_MOMENT.waiting!, TODAY);
    expect(r.moment).toBe('waiting');
    expect(r.verdict.connectNow).toBe(true);
    expect(specific(r.verdict.for)).toEqual(['Zack McCarty']);
    expect(names(r.verdict.against)).toEqual(['Craig Rosen']);
    expect(ids(r)[0]).toBe('mccarty-introduce-small-ask');
    expect(reasonOf(r, 'nouis-connect-after-applying')).toBe(`You applied 3 weeks ago (${ago(20)}): later than he advises, but the request still shows initiative.`);
  });

  it('moves from just applied to waiting between day 7 and day 8', () => {
    const day7 = advise(withAna().applied(ago(7)).build(), TODAY);
    const day8 = advise(withAna().applied(ago(8)).build(), TODAY);
    expect([day7.moment, day8.moment]).toEqual(['just-applied', 'waiting']);
    expect(specific(day7.verdict.for)).toContain('Ryan Nouis');
    expect(specific(day8.verdict.for)).not.toContain('Ryan Nouis');
    expect(ids(day7)[0]).toBe('nouis-connect-after-applying');
    expect(ids(day8)[0]).toBe('mccarty-introduce-small-ask');
  });

  it('never lists advice against the verdict: the dissent lives in the verdict', () => {
    for (const moment of ['not-applied', 'just-applied', 'waiting']) {
      const r = advise(EVERY_MOMENT[moment]!, TODAY);
      expect(r.advice.filter((a) => a.stance === 'wait'), moment).toEqual([]);
    }
  });
});

describe('the verdict around the interview', () => {
  it('says not yet before an interview: Craig Rosen and Thylan Le speak to it; view and study profiles instead', () => {
    const r = advise(EVERY_MOMENT['interview-ahead']!, TODAY);
    expect(r.verdict.connectNow).toBe(false);
    expect(r.verdict.headline).toBe('Not yet: hold the connection request to Ana Silva for now.');
    expect(specific(r.verdict.against)).toEqual(['Craig Rosen', 'Thylan Le']);
    expect(names(r.verdict.for)).toEqual(['Deborah Bubis', 'Steven Brown', 'Justin Barlow']);
    expect(specific(r.verdict.for)).toEqual([]);
    expect(r.verdict.reason).toContain('Craig Rosen and Thylan Le speak to this moment and say wait; Deborah Bubis, Steven Brown and Justin Barlow disagree.');
    expect(r.advice.filter((a) => a.stance === 'connect')).toEqual([]);
    expect(ids(r)).toContain('rosen-study-interviewers');
    expect(ids(r)).toContain('le-view-profile');
    expect(reasonOf(r, 'rosen-study-interviewers')).toBe(
      `Your interview with Ana Silva and Ben Ito is in 4 days (${ahead(4)}): read the profiles of Ana Silva and Ben Ito before then.`,
    );
    expect(reasonOf(r, 'le-view-profile')).toContain("look at Ana Silva's profile before it");
  });

  it('treats an interview today as ahead, and yesterday as just happened', () => {
    const today = advise(withAna().stage('interviewing').interview(TODAY, 'Ben Ito').build(), TODAY);
    const yesterday = advise(withAna().stage('interviewing').interview(ago(1), 'Ben Ito').build(), TODAY);
    expect(today.moment).toBe('interview-ahead');
    expect(reasonOf(today, 'rosen-study-interviewers')).toBe(`Your interview with Ben Ito is today (${TODAY}): read the profiles of Ben Ito before then.`);
    expect(yesterday.moment).toBe('just-interviewed');
    expect(reasonOf(yesterday, 'rosen-handwritten-thanks')).toBe(`Your interview with Ben Ito was yesterday (${ago(1)}): write to Ben Ito now.`);
    expect([today.verdict.connectNow, yesterday.verdict.connectNow]).toEqual([false, false]);
  });

  it('says not yet right after the interview, and puts the handwritten thank-you letters to each interviewer in the advice', () => {
    const r = advise(EVERY_MOMENT['just-interviewed']!, TODAY);
    expect(r.verdict.connectNow).toBe(false);
    expect(specific(r.verdict.against)).toEqual(['Craig Rosen', 'Thylan Le']);
    expect(ids(r).slice(0, 4)).toEqual([
      'le-no-request-right-after-interview',
      'rosen-no-request-before-offer',
      'rosen-handwritten-thanks',
      'le-view-profile',
    ]);
    expect(reasonOf(r, 'rosen-handwritten-thanks')).toBe(`Your interview with Ana Silva and Ben Ito was 2 days ago (${ago(2)}): write to Ana Silva and Ben Ito now.`);
    expect(r.advice.find((a) => a.id === 'rosen-handwritten-thanks')?.experts).toEqual([{ id: 'craig-rosen', name: 'Craig Rosen', organization: 'InterviewFocus' }]);
  });

  it('keeps saying not yet when the answer after an interview is long in coming, without pre-interview tips', () => {
    const r = advise(withAna().stage('interviewing').applied(ago(60)).interview(ago(30), 'Ana Silva').build(), TODAY);
    expect(r.moment).toBe('waiting');
    expect(r.verdict.connectNow).toBe(false);
    expect(specific(r.verdict.against)).toEqual(['Craig Rosen']);
    expect(general(r.verdict.against)).toEqual(['Thylan Le']);
    expect(names(r.verdict.for)).not.toContain('Zack McCarty');
    expect(ids(r)[0]).toBe('rosen-no-request-before-offer');
    expect(ids(r).filter((id) => id.startsWith('mccarty') || id.startsWith('nouis') || id.startsWith('chiamos'))).toEqual([]);
    expect(reasonOf(r, 'rosen-no-request-before-offer')).toBe(`Your interview with Ana Silva was 4 weeks ago (${ago(30)}), and Orchid Labs has made no offer yet.`);
  });
});

describe('the verdict after the decision', () => {
  it('says connect with an offer in hand: Rosen waited for exactly this, Staton for the decision', () => {
    const r = advise(EVERY_MOMENT.offer!, TODAY);
    expect(r.verdict.connectNow).toBe(true);
    expect(specific(r.verdict.for)).toEqual(['Craig Rosen', 'Michael Staton']);
    expect(r.verdict.against).toEqual([]);
    expect(ids(r)[0]).toBe('staton-connect-once-hired');
    expect(reasonOf(r, 'staton-connect-once-hired')).toBe(`You have an offer, received yesterday (${ago(1)}). Now is the time to connect with Ana Silva.`);
  });

  it('says connect once hired, with Michael Staton', () => {
    const r = advise(EVERY_MOMENT.hired!, TODAY);
    expect(r.verdict.connectNow).toBe(true);
    expect(specific(r.verdict.for)).toEqual(['Michael Staton']);
    expect(r.verdict.against).toEqual([]);
    expect(ids(r)[0]).toBe('staton-connect-once-hired');
  });

  it('says connect after a rejection and ask what to improve', () => {
    const r = advise(EVERY_MOMENT.rejected!, TODAY);
    expect(r.verdict.connectNow).toBe(true);
    expect(specific(r.verdict.for)).toEqual(['Michael Staton']);
    expect(ids(r).slice(0, 2)).toEqual(['staton-connect-after-rejection', 'staton-ask-feedback']);
    expect(reasonOf(r, 'staton-ask-feedback')).toBe(
      `The company turned the application down 5 days ago (${ago(5)}). Ask Ana Silva what would have made your application stronger.`,
    );
  });

  it("says connect after withdrawing, for Steven Brown's long game", () => {
    const r = advise(EVERY_MOMENT.withdrawn!, TODAY);
    expect(r.verdict.connectNow).toBe(true);
    expect(specific(r.verdict.for)).toEqual(['Steven Brown']);
    expect(ids(r)[0]).toBe('brown-long-game');
  });

  it('says connect when ghosted, with Craig Rosen dissenting', () => {
    const r = advise(EVERY_MOMENT.ghosted!, TODAY);
    expect(r.verdict.connectNow).toBe(true);
    expect(specific(r.verdict.for)).toEqual(['Steven Brown']);
    expect(general(r.verdict.for)).toEqual(['Michael Staton']);
    expect(names(r.verdict.against)).toEqual(['Craig Rosen']);
    expect(r.momentSummary).toContain(ago(60));
    expect(ids(r)).toContain('staton-ask-feedback');
  });
});

describe('an existing connection', () => {
  it('stops the request at every moment: no verdict to weigh and no tip about the request', () => {
    for (const [moment, app] of Object.entries(EVERY_MOMENT)) {
      const r = advise({ ...app, connected: true }, TODAY);
      expect(r.moment, moment).toBe(moment);
      expect(r.verdict.alreadyConnected, moment).toBe(true);
      expect(r.verdict.connectNow, moment).toBe(false);
      expect(r.verdict.headline, moment).toBe('Already connected with Ana Silva: no request to send.');
      expect([...r.verdict.for, ...r.verdict.against], moment).toEqual([]);
      expect(r.advice.filter((a) => a.stance !== 'neutral'), moment).toEqual([]);
      expect(r.advice.length, moment).toBeGreaterThan(0);
    }
  });

  it('keeps the advice that is not about the request (thank-you letters, feedback)', () => {
    expect(ids(advise({ ...EVERY_MOMENT['just-interviewed']!, connected: true }, TODAY))).toContain('rosen-handwritten-thanks');
    expect(ids(advise({ ...EVERY_MOMENT.rejected!, connected: true }, TODAY))).toContain('staton-ask-feedback');
  });
});

describe('a hiring manager the note does not name', () => {
  it('tells you to find out who it is, and says "the hiring manager" in every reason', () => {
    for (const [moment, app] of Object.entries(EVERY_MOMENT)) {
      const r = advise({ ...app, hiringManager: undefined }, TODAY);
      expect(r.verdict.headline, moment).toContain('find out who the hiring manager is');
      // Ana Silva still interviews in some of them: she is named as an interviewer, never as the manager.
      for (const a of r.advice) {
        if (!app.interviewers.some((p) => p.name === 'Ana Silva')) expect(a.reason, a.id).not.toContain('Ana Silva');
        expect(a.reason, a.id).not.toMatch(/undefined|Ana Silva's/);
      }
    }
    const ahead4 = advise({ ...EVERY_MOMENT['interview-ahead']!, hiringManager: undefined }, TODAY);
    expect(reasonOf(ahead4, 'le-view-profile')).toBe(`Your interview with Ana Silva and Ben Ito is in 4 days (${ahead(4)}): look at the hiring manager's profile before it, and again after.`);
    const r = advise(anApplication().applied(ago(2)).build(), TODAY);
    expect(r.verdict.headline).toBe('Yes, once you know who to ask: find out who the hiring manager is, then connect.');
    expect(reasonOf(r, 'barlow-connect-no-pressure')).toBe(`You applied 2 days ago (${ago(2)}): one calm request lets the hiring manager find you after reading your CV.`);
    expect(advise(anApplication().stage('interviewing').interview(ahead(1)).build(), TODAY).verdict.headline).toBe(
      'Not yet: hold the request, and meanwhile find out who the hiring manager is.',
    );
  });

  it('falls back to "the company" and "each person you meet" when the note names neither', () => {
    const r = advise(anApplication().company(undefined).stage('interviewing').interview(ahead(2)).build(), TODAY);
    expect(reasonOf(r, 'rosen-study-interviewers')).toBe(`Your interview is in 2 days (${ahead(2)}): read the profiles of each person you meet before then.`);
    expect(reasonOf(r, 'rosen-no-request-before-offer')).toContain('the company has made no offer yet');
  });
});

describe('every report', () => {
  it('ranks advice that speaks to the moment before general advice, each with its experts and a reason', () => {
    for (const [moment, app] of Object.entries(EVERY_MOMENT)) {
      const r = advise(app, TODAY);
      expect(r.today).toBe(TODAY);
      expect(r.application).toBe(app);
      expect(r.verdict.reason.startsWith(r.momentSummary), moment).toBe(true);
      const specificFlags = r.advice.map((a) => tipSpecificTo(TIPS.find((t) => t.id === a.id)!).includes(r.moment));
      expect(specificFlags, moment).toEqual([...specificFlags].sort((a, b) => Number(b) - Number(a)));
      for (const a of r.advice) {
        expect(a.experts.length, a.id).toBeGreaterThan(0);
        expect(a.reason.length, a.id).toBeGreaterThan(10);
        expect(a.reason, a.id).not.toMatch(/undefined|NaN/);
      }
    }
  });

  it('gives the same report for the same application and day', () => {
    const app = EVERY_MOMENT['interview-ahead']!;
    expect(advise(app, TODAY)).toEqual(advise(structuredClone(app), TODAY));
  });
});
