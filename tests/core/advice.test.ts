import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advise, compileKnowledge } from '../../src/core/advice';
import { addDays } from '../../src/core/dates';
import { planFollowUps } from '../../src/core/followups';
import { BUILT_IN_KNOWLEDGE, MAX_ADVICE } from '../../src/core/knowledge';
import { STAGES } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { AdviceReport, Application, FollowUpKind, Situation, Voice } from '../../src/core/model';
import { phrasesOf, summaryOf, verdictHeadline, verdictReason, whyNow } from '../../src/core/wording';
import { anApplication, type ApplicationBuilder } from './builders';

const TODAY = '2026-03-20';
const ago = (n: number): string => addDays(TODAY, -n);
const ahead = (n: number): string => addDays(TODAY, n);

const names = (vs: readonly Voice[]): string[] => vs.map((v) => v.expert.name);
const withAna = (): ApplicationBuilder => anApplication().hiringManager('Ana Silva');

interface Row {
  app: Application;
  connect: boolean;
  firmness: 'firm' | 'hedged';
  basis: 'direct' | 'general';
  for: string[];
  against: string[];
  general: string[];
  /** Advice ids, in order, with every expert behind each. */
  advice: [string, string[]][];
  followUps: FollowUpKind[];
}

// The table a reviewer reads against the article (../shared/reference): at each situation, who
// speaks to it and how, what they advise, and what gets planned. An expert appears only where the
// article has them speak; a general remark sits in `general`, never in `against`.
const TABLE: Record<Situation, Row> = {
  'not-applied': {
    app: withAna().stage('wishlist').build(),
    connect: true,
    firmness: 'firm',
    basis: 'direct',
    for: ['Zack McCarty', 'Megan Chiamos', 'Deborah Bubis', 'Steven Brown'],
    against: [],
    general: ['Ryan Nouis', 'Craig Rosen', 'Justin Barlow'],
    advice: [
      ['introduce-yourself', ['Zack McCarty', 'Megan Chiamos']],
      ['small-ask', ['Zack McCarty', 'Deborah Bubis']],
      ['learn-not-flatter', ['Zack McCarty', 'Justin Barlow']],
      ['long-game', ['Steven Brown']],
      ['show-your-work', ['Steven Brown']],
    ],
    followUps: ['connection-request'],
  },
  'just-applied': {
    app: withAna().stage('applied').applied(ago(3)).build(),
    connect: true,
    firmness: 'firm',
    basis: 'direct',
    for: ['Zack McCarty', 'Megan Chiamos', 'Ryan Nouis', 'Justin Barlow'],
    against: [],
    general: ['Craig Rosen', 'Deborah Bubis'],
    advice: [
      ['connect-after-applying', ['Ryan Nouis', 'Justin Barlow']],
      ['introduce-yourself', ['Zack McCarty', 'Megan Chiamos']],
      ['small-ask', ['Zack McCarty', 'Deborah Bubis']],
      ['learn-not-flatter', ['Zack McCarty', 'Justin Barlow']],
    ],
    followUps: ['connection-request', 'check-in'],
  },
  waiting: {
    app: withAna().stage('applied').applied(ago(35)).build(),
    connect: true,
    firmness: 'firm',
    basis: 'direct',
    for: ['Zack McCarty'],
    against: [],
    general: ['Megan Chiamos', 'Ryan Nouis', 'Craig Rosen', 'Deborah Bubis', 'Justin Barlow'],
    advice: [
      ['introduce-yourself', ['Zack McCarty']],
      ['small-ask', ['Zack McCarty', 'Deborah Bubis']],
      ['learn-not-flatter', ['Zack McCarty', 'Justin Barlow']],
    ],
    followUps: ['connection-request', 'check-in'],
  },
  'interview-ahead': {
    app: withAna().stage('interviewing').applied(ago(20)).interview(ahead(4), 'Ben Ito').build(),
    connect: false,
    firmness: 'hedged',
    basis: 'direct',
    for: [],
    against: ['Craig Rosen', 'Thylan Le'],
    general: [],
    advice: [
      ['study-interviewers', ['Craig Rosen']],
      ['thank-you-letter', ['Craig Rosen']],
      ['view-profile', ['Thylan Le']],
      ['hold-request', ['Craig Rosen', 'Thylan Le']],
    ],
    followUps: ['research-interviewers', 'view-profile', 'thank-you-letter'],
  },
  'just-interviewed': {
    app: withAna().stage('interviewing').applied(ago(20)).interview(ago(1), 'Ana Silva', 'Ben Ito').build(),
    connect: false,
    firmness: 'firm',
    basis: 'direct',
    for: [],
    against: ['Craig Rosen', 'Thylan Le'],
    general: [],
    advice: [
      ['thank-you-letter', ['Craig Rosen']],
      ['hold-request', ['Craig Rosen', 'Thylan Le']],
      ['view-profile', ['Thylan Le']],
    ],
    followUps: ['view-profile', 'thank-you-letter', 'thank-you-letter', 'check-in'],
  },
  'waiting-after-interview': {
    app: withAna().stage('interviewing').applied(ago(60)).interview(ago(30), 'Ben Ito').build(),
    connect: false,
    firmness: 'hedged',
    basis: 'direct',
    for: [],
    against: ['Craig Rosen'],
    general: ['Thylan Le'],
    advice: [
      ['hold-request', ['Craig Rosen']],
      ['thank-you-letter', ['Craig Rosen']],
    ],
    followUps: ['thank-you-letter', 'check-in'],
  },
  offer: {
    app: withAna().stage('offer').decision(ago(1)).build(),
    connect: true,
    firmness: 'hedged',
    basis: 'direct',
    for: ['Craig Rosen'],
    against: [],
    general: [],
    advice: [['connect-after-offer', ['Craig Rosen']]],
    followUps: ['connection-request'],
  },
  hired: {
    app: withAna().stage('accepted').decision(ago(1)).build(),
    connect: true,
    firmness: 'firm',
    basis: 'direct',
    for: ['Michael Staton'],
    against: [],
    general: [],
    advice: [['connect-once-hired', ['Michael Staton']]],
    followUps: ['connect-after-hire'],
  },
  rejected: {
    app: withAna().stage('rejected').decision(ago(5)).build(),
    connect: true,
    firmness: 'hedged',
    basis: 'direct',
    for: ['Michael Staton'],
    against: [],
    general: [],
    advice: [
      ['connect-after-no', ['Michael Staton']],
      ['ask-feedback', ['Michael Staton']],
    ],
    followUps: ['ask-feedback'],
  },
  withdrawn: {
    app: withAna().stage('withdrawn').build(),
    connect: true,
    firmness: 'firm',
    basis: 'general',
    for: [],
    against: [],
    general: ['Steven Brown'],
    advice: [['long-game', ['Steven Brown']]],
    followUps: ['connection-request'],
  },
  ghosted: {
    app: withAna().stage('ghosted').applied(ago(60)).build(),
    connect: true,
    firmness: 'firm',
    basis: 'general',
    for: [],
    against: [],
    general: ['Steven Brown'],
    advice: [['long-game', ['Steven Brown']]],
    followUps: ['connection-request', 'check-in'],
  },
};

describe('at each moment: the verdict, who speaks to it, the advice and the follow-ups', () => {
  for (const [situation, row] of Object.entries(TABLE) as [Situation, Row][]) {
    it(situation, () => {
      const report = advise(row.app, TODAY);
      expect(report.situation).toBe(situation);
      const v = report.verdict;
      expect({ connect: v.connectNow, firmness: v.firmness, basis: v.basis }).toEqual({ connect: row.connect, firmness: row.firmness, basis: row.basis });
      expect({ for: names(v.for), against: names(v.against), general: names(v.general) }).toEqual({
        for: row.for,
        against: row.against,
        general: row.general,
      });
      expect(report.advice.map((a) => [a.id, a.experts.map((e) => e.name)])).toEqual(row.advice);
      const kinds = planFollowUps(report, DEFAULT_SETTINGS).map((f) => f.kind);
      expect([...kinds].sort()).toEqual([...row.followUps].sort());
    });
  }
});

describe('honest attribution', () => {
  const reports = Object.values(TABLE).map((row) => advise(row.app, TODAY));

  it('never calls a general remark a vote: the reason says "in general", never "disagree"', () => {
    for (const r of reports) {
      const reason = verdictReason(r);
      expect(reason).not.toMatch(/disagree/);
      for (const g of r.verdict.general) {
        const speakers = reason.slice(0, reason.indexOf('In general'));
        expect(speakers, reason).not.toContain(g.expert.name);
        expect(reason, reason).toContain('In general');
      }
    }
  });

  it('keeps a hedge a hedge: a verdict carried by hedged voices says so', () => {
    const offer = advise(TABLE.offer.app, TODAY);
    expect(verdictHeadline(offer)).toMatch(/^Yes, it may help/);
    expect(verdictReason(offer)).toContain('with a hedge');
    const ahead = advise(TABLE['interview-ahead'].app, TODAY);
    expect(verdictHeadline(ahead)).toMatch(/^Better not yet/);
    // Thylan Le is firm right after an interview: no hedge on that verdict.
    expect(verdictHeadline(advise(TABLE['just-interviewed'].app, TODAY))).toMatch(/^Not yet:/);
  });

  it('rests a verdict on general words only when nobody speaks to the moment, and says so', () => {
    const withdrawn = advise(TABLE.withdrawn.app, TODAY);
    expect(verdictReason(withdrawn)).toContain('None of the experts speaks to this moment itself');
    expect(verdictHeadline(withdrawn)).toMatch(/if you would still like to work there/);
  });

  it('marks an expert who backs advice only in general words', () => {
    const waiting = advise(TABLE.waiting.app, TODAY);
    const ask = waiting.advice.find((a) => a.id === 'small-ask');
    expect(ask?.backers.map((b) => [b.expert.name, b.reach])).toEqual([
      ['Zack McCarty', 'direct'],
      ['Deborah Bubis', 'general'],
    ]);
  });
});

describe('reasons that are true of the note', () => {
  const all = (r: AdviceReport): string => [summaryOf(r), verdictHeadline(r), verdictReason(r), ...r.advice.map((a) => whyNow(r, a))].join('\n');

  it('never claims a call, a profile visit or a résumé not yet read', () => {
    for (const row of Object.values(TABLE)) {
      const text = all(advise(row.app, TODAY));
      expect(text).not.toMatch(/after your call|will look at your|before they read/i);
    }
  });

  it('says "before then" only when the note gives a date to be before', () => {
    const undated = advise(withAna().stage('interviewing').applied(ago(10)).build(), TODAY);
    expect(undated.facts.undatedInterview).toBe(true);
    const text = all(undated);
    expect(text).not.toMatch(/before then/);
    expect(text).toContain('gives no date');
  });

  it('cites the interview, not the applied date, once an interview is what matters', () => {
    const r = advise(TABLE['interview-ahead'].app, TODAY);
    for (const a of r.advice) expect(whyNow(r, a)).not.toMatch(/You applied/);
  });

  it('names the person the note names: the hiring manager, else the recruiter', () => {
    const recruiterOnly = anApplication().recruiter('Rita Okafor', { role: 'Talent Acquisition' }).stage('rejected').decision(ago(3)).build();
    const r = advise(recruiterOnly, TODAY);
    expect(r.facts.contact?.as).toBe('recruiter');
    expect(verdictHeadline(r)).toContain('Rita Okafor');
    expect(verdictHeadline(r)).not.toMatch(/find out who/);
    expect(r.advice.map((a) => whyNow(r, a)).join(' ')).toContain('Ask Rita Okafor');
  });

  it('says "the hiring manager" and "the company" when the note names neither', () => {
    const bare = anApplication().company(undefined).stage('applied').applied(ago(2)).build();
    const r = advise(bare, TODAY);
    expect(verdictHeadline(r)).toMatch(/find out who the hiring manager is/);
    const p = phrasesOf(r);
    expect([p.to, p.company]).toEqual(['the hiring manager', 'the company']);
  });
});

describe('an existing connection', () => {
  it('ends the question at every stage and keeps only advice that is not about the request', () => {
    for (const stage of STAGES) {
      const r = advise(withAna().stage(stage).applied(ago(3)).connected().build(), TODAY);
      expect(r.verdict.alreadyConnected).toBe(true);
      expect(r.verdict.connectNow).toBe(false);
      expect(r.advice.every((a) => a.stance === 'none'), stage).toBe(true);
      expect(verdictHeadline(r)).toMatch(/^Already connected with Ana Silva/);
    }
  });
});

describe('short advice', () => {
  it(`never gives more than ${MAX_ADVICE} items, and never two items of one idea`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STAGES),
        fc.option(fc.integer({ min: -10, max: 200 }), { nil: undefined }),
        fc.array(fc.integer({ min: -30, max: 60 }), { maxLength: 4 }),
        fc.boolean(),
        (stage, applied, rounds, connected) => {
          let b = withAna().stage(stage).applied(applied === undefined ? undefined : ago(applied)).connected(connected);
          for (const r of rounds) b = b.interview(ago(r), 'Ben Ito');
          const report = advise(b.build(), TODAY);
          expect(report.advice.length).toBeLessThanOrEqual(MAX_ADVICE);
          expect(new Set(report.advice.map((a) => a.id)).size).toBe(report.advice.length);
          for (const a of report.advice) expect(new Set(a.experts).size).toBe(a.experts.length);
        },
      ),
    );
  });
});

describe('switching experts off', () => {
  it('takes them out of the verdict and the advice, and can change the verdict', () => {
    const off = compileKnowledge(BUILT_IN_KNOWLEDGE, new Set(['craig-rosen']));
    const offer = advise(TABLE.offer.app, TODAY, off);
    expect(offer.verdict.basis).toBe('none');
    expect(offer.verdict.connectNow).toBe(false);
    const ahead = advise(TABLE['interview-ahead'].app, TODAY, off);
    expect(names(ahead.verdict.against)).toEqual(['Thylan Le']);
    expect(ahead.advice.flatMap((a) => a.experts.map((e) => e.name))).not.toContain('Craig Rosen');
  });
});

describe('every report', () => {
  it('is the same for the same application and day', () => {
    const app = TABLE['just-interviewed'].app;
    expect(advise(app, TODAY)).toEqual(advise(structuredClone(app), TODAY));
  });
});
