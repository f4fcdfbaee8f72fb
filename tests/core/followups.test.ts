import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { advise } from '../../src/core/advice';
import { readApplication } from '../../src/core/application';
import { addDays, isCalendarDate } from '../../src/core/dates';
import { expertById } from '../../src/core/experts';
import { followUpId, legacyFollowUpId, planFollowUps } from '../../src/core/followups';
import { STAGES } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { renderTaskNote } from '../../src/core/task-note';
import type { AdviceReport, Application, CalendarDate, FollowUp, FollowUpKind, Moment } from '../../src/core/model';
import { anApplication } from './builders';
import { runs } from '../stress';

const TODAY = '2026-03-09';

/** The advice engine's report for the application, planned as the CLI and plugin do. */
function plan(app: Application, today: CalendarDate = TODAY, settings = DEFAULT_SETTINGS): FollowUp[] {
  return planFollowUps(advise(app, today), settings);
}

function ofKind(followUps: FollowUp[], kind: FollowUpKind): FollowUp[] {
  return followUps.filter((f) => f.kind === kind);
}

function only(followUps: FollowUp[], kind: FollowUpKind): FollowUp {
  const found = ofKind(followUps, kind);
  expect(found, `one ${kind} in ${JSON.stringify(followUps.map((f) => f.title))}`).toHaveLength(1);
  return found[0]!;
}

/** A report built by hand, for verdicts the engine would not give on its own. */
function handReport(app: Application, moment: Moment, connectNow: boolean, today: CalendarDate = TODAY): AdviceReport {
  const real = advise(app, today);
  return {
    ...real,
    moment,
    situation: moment,
    verdict: {
      connectNow,
      alreadyConnected: false,
      firmness: 'firm',
      basis: 'direct',
      for: connectNow ? [{ expert: expertById('zack-mccarty'), stance: 'connect', firmness: 'firm', reach: 'direct', because: 'To get an interview.' }] : [],
      against: [],
      general: [],
    },
    advice: [],
  };
}

describe('the connection request', () => {
  test('right after applying: due the day after the application, naming the hiring manager', () => {
    const app = anApplication().hiringManager('Ana Silva').applied(TODAY).build();
    const request = only(plan(app), 'connection-request');
    expect(request.due).toBe('2026-03-10');
    expect(request.dueByNote).toBe('2026-03-10');
    expect(request.title).toBe('Connect with Ana Silva (hiring manager, Orchid Labs) on LinkedIn');
    expect(request.priority).toBe('normal');
    expect(request.context).toBe('@linkedin');
    expect(request.draft).toMatch(/^Hi Ana,/);
    expect(request.experts.map((e) => e.name)).toContain('Ryan Nouis');
  });

  test('when that day has passed, it is due today, never in the past', () => {
    const app = anApplication().hiringManager('Ana Silva').applied('2026-03-04').build();
    expect(only(plan(app), 'connection-request').due).toBe(TODAY);
    // Its task note keeps the note's own day (task plugins show it overdue), whatever today is.
    expect(only(plan(app), 'connection-request').dueByNote).toBe('2026-03-05');
  });

  test('never planned when the note says they are already connected', () => {
    for (const stage of STAGES) {
      const app = anApplication().stage(stage).hiringManager('Ana Silva').applied('2026-03-04').connected().build();
      const kinds = plan(app).map((f) => f.kind);
      expect(kinds).not.toContain('connection-request');
      expect(kinds).not.toContain('connect-after-hire');
    }
    // Even if a report claimed "connect now", the note's own word wins.
    const app = anApplication().stage('interviewing').hiringManager('Ana Silva').connected().build();
    expect(ofKind(planFollowUps(handReport(app, 'waiting', true)), 'connection-request')).toEqual([]);
  });

  test('not planned when the verdict says wait (an interview ahead)', () => {
    const app = anApplication().stage('interviewing').hiringManager('Ana Silva').interview('2026-03-12', 'Ana Silva').build();
    expect(ofKind(plan(app), 'connection-request')).toEqual([]);
  });

  test('planned whenever the verdict says connect now, even at a moment the engine usually says wait', () => {
    const app = anApplication().stage('interviewing').hiringManager('Ana Silva').interview('2026-03-12').build();
    const request = only(planFollowUps(handReport(app, 'interview-ahead', true)), 'connection-request');
    // Its task note names every expert who advises connecting at some moment, the same on any day;
    // who speaks to this one is the verdict's (the pane and the callout).
    expect(request.experts.map((e) => e.name)).toContain('Zack McCarty');
    expect(request.experts.map((e) => e.name)).not.toContain('Thylan Le');
    expect(request.reason).toMatch(/Experts differ on when: .*Zack McCarty.* each advise connecting at a moment of their own/);
    expect(planFollowUps(handReport(app, 'interview-ahead', true)).map((f) => f.reason)).toEqual(planFollowUps(handReport(app, 'waiting', true)).map((f) => f.reason));
  });

  test('with no hiring manager named, the follow-up is to find out who it is', () => {
    const app = anApplication().applied('2026-03-08').build();
    const find = only(plan(app), 'connection-request');
    expect(find.title).toBe('Find out who the hiring manager is for the Analyst role at Orchid Labs');
    expect(find.context).toBe('@research');
    expect(find.draft).toBeUndefined();
  });

  test('before applying, to someone already connected: ask for a 15-minute call instead', () => {
    const app = anApplication().stage('wishlist').hiringManager('Ana Silva').connected().build();
    const call = only(plan(app), 'intro-call');
    expect(call.title).toBe('Ask Ana Silva for a 15-minute call about the Analyst role at Orchid Labs');
    expect(call.experts.map((e) => e.name)).toEqual(['Zack McCarty', 'Deborah Bubis']);
    // Before applying the note says so, and asks for the call.
    expect(call.draft).toMatch(/plan to apply.*15 minutes/);
  });
});

describe('around the interview', () => {
  const withInterview = (date: CalendarDate) =>
    anApplication().stage('interviewing').hiringManager('Ana Silva').applied('2026-02-20').interview(date, 'Ana Silva', 'Ben Ito').build();

  test('research the interviewers: due the day before, naming them, with Craig Rosen', () => {
    const research = only(plan(withInterview('2026-03-14')), 'research-interviewers');
    expect(research.title).toBe('Look up Ana Silva and Ben Ito on LinkedIn before your interview on 2026-03-14');
    expect(research.due).toBe('2026-03-13');
    expect(research.priority).toBe('high');
    expect(research.context).toBe('@research');
    // The hiring manager interviews too, so Thylan Le's profile-visit advice joins in.
    expect(research.experts.map((e) => e.name)).toEqual(['Craig Rosen', 'Thylan Le']);
  });

  test('an interview tomorrow or today: research is due today and urgent', () => {
    for (const date of ['2026-03-10', TODAY]) {
      const research = only(plan(withInterview(date)), 'research-interviewers');
      expect(research.due).toBe(TODAY);
      expect(research.priority).toBe('high');
    }
  });

  test('the thank-you letters are planned ahead, one per interviewer: scheduled on the interview day, due the day after', () => {
    const letters = ofKind(plan(withInterview('2026-03-14')), 'thank-you-letter');
    expect(letters.map((l) => l.title)).toEqual(['Send a thank-you letter to Ana Silva', 'Send a thank-you letter to Ben Ito']);
    for (const letter of letters) {
      expect(letter.scheduled).toBe('2026-03-14');
      expect(letter.due).toBe('2026-03-15');
      expect(letter.context).toBe('@letter');
      expect(letter.experts.map((e) => e.name)).toEqual(['Craig Rosen']);
      expect(letter.reason).toMatch(/by hand/);
    }
    expect(letters[0]!.draft).toMatch(/^Dear Ana Silva,/);
    expect(letters[1]!.draft).toMatch(/^Dear Ben Ito,/);
    expect(new Set(letters.map((l) => l.id)).size).toBe(2);
  });

  test('just interviewed: due the day after; once that has passed, shown due today, its note keeping its own day', () => {
    const onTime = ofKind(plan(withInterview('2026-03-08')), 'thank-you-letter');
    expect(onTime.map((l) => [l.due, l.dueByNote])).toEqual([[TODAY, TODAY], [TODAY, TODAY]]);
    const late = ofKind(plan(withInterview('2026-03-03')), 'thank-you-letter');
    expect(late).toHaveLength(2);
    for (const letter of late) {
      expect(letter.due).toBe(TODAY);
      expect(letter.dueByNote).toBe('2026-03-04');
      expect(letter.scheduled).toBe('2026-03-03');
      // What goes into the task note never counts days from today.
      expect(letter.title).not.toMatch(/late|ago/);
      expect(letter.reason).toMatch(/Later than that, a letter still thanks them: say sorry for the delay/);
      expect(letter.reason).not.toMatch(/\d+ days? ago/);
    }
  });

  test('a round long past still gets its letters until a decision, due on their own day', () => {
    const letters = ofKind(plan(withInterview('2026-01-10')), 'thank-you-letter');
    expect(letters.map((l) => [l.title, l.dueByNote])).toEqual([
      ['Send a thank-you letter to Ana Silva', '2026-01-11'],
      ['Send a thank-you letter to Ben Ito', '2026-01-11'],
    ]);
    const decided = anApplication().stage('rejected').hiringManager('Ana Silva').interview('2026-01-10', 'Ben Ito').build();
    expect(ofKind(plan(decided), 'thank-you-letter')).toEqual([]);
  });

  test('a past round gets its letter even with another round ahead', () => {
    const app = anApplication().stage('interviewing').interview('2026-03-05', 'Cleo Park').interview('2026-03-16', 'Dan Roe').build();
    expect(ofKind(plan(app), 'thank-you-letter').map((l) => l.title)).toEqual([
      'Send a thank-you letter to Cleo Park',
      'Send a thank-you letter to Dan Roe',
    ]);
  });

  test('interviewing with no interview date: a step to find out when, and whom you will meet', () => {
    const app = anApplication().stage('interviewing').recruiter('Rita Okafor').applied('2026-02-20').build();
    const step = only(plan(app), 'research-interviewers');
    expect(step.title).toBe('Ask Rita Okafor when your interview is and whom you will meet, then look them up');
    expect(step.due).toBe(TODAY);
    expect(step.experts.map((e) => e.name)).toEqual(['Craig Rosen']);
  });

  test('after the interview, when nothing is heard: a check-in a week on, about the interview', () => {
    const checkIn = only(plan(withInterview('2026-03-06')), 'check-in');
    expect(checkIn.due).toBe('2026-03-13');
    expect(checkIn.draft).toContain('the interview on 2026-03-06');
    expect(only(plan(withInterview('2026-01-10')), 'check-in').due).toBe(TODAY);
  });

  test('interviewers not named yet: find out who, and the letter still gets planned', () => {
    const app = anApplication().stage('interviewing').applied('2026-02-20').interview('2026-03-12').build();
    const followUps = plan(app);
    expect(only(followUps, 'research-interviewers').title).toBe(
      'Find out who will interview you on 2026-03-12 and look up their LinkedIn profiles',
    );
    expect(only(followUps, 'thank-you-letter').title).toBe('Send a thank-you letter to each person who interviewed you on 2026-03-12');
  });

  test('two rounds: one research task and one letter each, and interviews on the same day merge', () => {
    const app = anApplication()
      .stage('interviewing')
      .interview('2026-03-12', 'Ana Silva')
      .interview('2026-03-12', 'Ben Ito')
      .interview('2026-03-20', 'Cleo Park')
      .build();
    const research = ofKind(plan(app), 'research-interviewers');
    expect(research.map((r) => r.title)).toEqual([
      'Look up Ana Silva and Ben Ito on LinkedIn before your interview on 2026-03-12',
      'Look up Cleo Park on LinkedIn before your interview on 2026-03-20',
    ]);
    // One letter per interviewer: Ana Silva, Ben Ito, Cleo Park.
    expect(ofKind(plan(app), 'thank-you-letter')).toHaveLength(3);
  });

  test('a hiring manager who is not on the panel: view their profile before and after, without connecting', () => {
    const app = anApplication().stage('interviewing').hiringManager('Cy Oh').interview('2026-03-12', 'Ana Silva').build();
    const before = only(plan(app), 'view-profile');
    expect(before.title).toBe("View Cy Oh's LinkedIn profile before your interview on 2026-03-12 (without connecting)");
    expect(before.due).toBe('2026-03-11');
    expect(before.experts.map((e) => e.name)).toEqual(['Thylan Le']);
    const after = only(plan(app, '2026-03-13'), 'view-profile');
    expect(after.title).toBe("View Cy Oh's LinkedIn profile after your interview on 2026-03-12 (without connecting)");
    expect(after.due).toBe('2026-03-13');
    expect(after.id).not.toBe(before.id);
  });
});

describe('after the decision', () => {
  test('rejected: ask for feedback and connect, due the day after the decision', () => {
    const app = anApplication().stage('rejected').hiringManager('Ana Silva').decision('2026-03-09').build();
    const ask = only(plan(app), 'ask-feedback');
    expect(ask.title).toBe('Ask Ana Silva for feedback and connect on LinkedIn');
    expect(ask.due).toBe('2026-03-10');
    expect(ask.experts.map((e) => e.name)).toEqual(['Michael Staton']);
    expect(ask.draft).toMatch(/done better/);
  });

  test('rejected, already connected: just ask for feedback; no decision date: due today', () => {
    const app = anApplication().stage('rejected').hiringManager('Ana Silva').connected().build();
    const ask = only(plan(app), 'ask-feedback');
    expect(ask.title).toBe('Ask Ana Silva for feedback');
    expect(ask.due).toBe(TODAY);
  });

  test('rejected with no hiring manager: the interviewers, else the hiring team', () => {
    const withPanel = anApplication().stage('rejected').interview('2026-02-01', 'Ben Ito').build();
    expect(only(plan(withPanel), 'ask-feedback').title).toBe('Ask Ben Ito for feedback and connect on LinkedIn');
    const nobody = anApplication().stage('rejected').build();
    expect(only(plan(nobody), 'ask-feedback').title).toBe('Ask the hiring team at Orchid Labs for feedback and connect on LinkedIn');
  });

  test('hired: connect with the hiring manager, due on the decision day or today', () => {
    const app = anApplication().stage('accepted').hiringManager('Ana Silva').decision('2026-03-12').build();
    const connect = only(plan(app), 'connect-after-hire');
    expect(connect.title).toBe("Connect with Ana Silva (hiring manager, Orchid Labs) on LinkedIn now that you're hired");
    expect(connect.due).toBe('2026-03-12');
    expect(only(plan(anApplication().stage('accepted').hiringManager('Ana Silva').decision('2026-01-02').build()), 'connect-after-hire').due).toBe(TODAY);
  });

  test('withdrawn and offer plan no letters, research or check-ins', () => {
    for (const stage of ['withdrawn', 'offer'] as const) {
      const app = anApplication().stage(stage).hiringManager('Ana Silva').applied('2026-02-01').build();
      const kinds = plan(app).map((f) => f.kind);
      expect(kinds.filter((k) => k !== 'connection-request')).toEqual([]);
    }
  });
});

describe('checking in', () => {
  test("the person's own follow-up date wins", () => {
    const app = anApplication().hiringManager('Ana Silva').recruiter('Rita Moreno').applied('2026-03-05').followUp('2026-03-16').build();
    const checkIn = only(plan(app), 'check-in');
    expect(checkIn.due).toBe('2026-03-16');
    expect(checkIn.title).toBe('Check in with Rita Moreno about your application for the Analyst role at Orchid Labs');
    expect(checkIn.reason).toContain('2026-03-16');
    expect(checkIn.experts).toEqual([]);
  });

  test('without one, two weeks after applying (or after the last interview)', () => {
    const app = anApplication().applied('2026-03-05').build();
    expect(only(plan(app), 'check-in').due).toBe('2026-03-19');
    const afterInterview = anApplication().stage('interviewing').applied('2026-01-05').interview('2026-02-16', 'Ana Silva').build();
    // Two weeks after the interview (2026-03-02) has already gone by: due today.
    expect(only(plan(afterInterview), 'check-in').due).toBe(TODAY);
  });

  test('ghosted: a last check-in, due today when the date has gone', () => {
    const app = anApplication().stage('ghosted').applied('2026-01-05').build();
    expect(only(plan(app), 'check-in').due).toBe(TODAY);
  });

  test('no dates at all: nothing to time a check-in on, so none', () => {
    expect(ofKind(plan(anApplication().build()), 'check-in')).toEqual([]);
  });
});

describe('ids', () => {
  test('the same follow-up gets the same id on every run; another kind or person another id', () => {
    const app = anApplication().hiringManager('Ana Silva').applied(TODAY).build();
    expect(plan(app).map((f) => f.id)).toEqual(plan(app).map((f) => f.id));
    expect(followUpId(app.path, 'connection-request', 'Ana Silva')).not.toBe(followUpId(app.path, 'ask-feedback', 'Ana Silva'));
    expect(followUpId(app.path, 'connection-request', 'Ana Silva')).not.toBe(followUpId(app.path, 'connection-request', 'Ben Ito'));
    expect(followUpId(app.path, 'connection-request', 'Ana Silva')).not.toBe(followUpId('Other.md', 'connection-request', 'Ana Silva'));
  });

  test('is pinned: the same on every machine, time zone and release', () => {
    expect(followUpId('Applications/Orchid Labs - Analyst.md', 'thank-you-letter', '2026-03-12')).toBe(PINNED_ID);
    expect(followUpId('Applications/Orchid Labs - Analyst.md', 'thank-you-letter', '2026-03-12')).toMatch(/^[0-9a-f]{16}$/);
    // The id older versions gave it (the path's case folded), still recognised in their ledgers.
    expect(legacyFollowUpId('Applications/Orchid Labs - Analyst.md', 'thank-you-letter', '2026-03-12')).toBe(PINNED_LEGACY_ID);
    expect(legacyFollowUpId('applications/orchid labs - analyst.md', 'thank-you-letter', '2026-03-12')).toBeUndefined();
    expect(followUpId('applications/orchid labs - analyst.md', 'thank-you-letter', '2026-03-12')).toBe(PINNED_LEGACY_ID);
  });

  test("ignores spacing, Unicode form, path separators and the subject's case; keeps the path's case", () => {
    const id = followUpId('Applications/José – Analyst.md', 'connection-request', 'Ana  Silva');
    expect(followUpId('Applications\\Jose\u0301 – Analyst.md', 'connection-request', ' ana silva ')).toBe(id);
    expect(followUpId('./Applications//José – Analyst.md', 'connection-request', 'ANA SILVA')).toBe(id);
    expect(followUpId('applications/josé – analyst.md', 'connection-request', 'Ana Silva')).not.toBe(id);
    expect(followUpId('Acme.md', 'check-in', '2026-03-16')).not.toBe(followUpId('ACME.md', 'check-in', '2026-03-16'));
    expect(legacyFollowUpId('Acme.md', 'check-in', '2026-03-16')).toBe(legacyFollowUpId('ACME.md', 'check-in', '2026-03-16'));
  });

  test('property: a planned follow-up carries the ids followUpId and legacyFollowUpId give it, whatever the path', () => {
    // Planning hashes the path once and goes on over each id's tail: the same bytes, the same ids,
    // for any text (accents, emoji, lone surrogates, backslashes, spacing) in the path or the name.
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '/', '\\', '.', 'é', 'E\u0301', '😀', '\ud800', '\udc00', '–', '\n'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(text, text, (folder, name) => {
        const path = `${folder}/Note.md`;
        const manager = name.trim() === '' ? 'Ana' : name;
        const request = plan(anApplication().at(path).hiringManager(manager).applied(TODAY).build()).find((f) => f.kind === 'connection-request');
        expect(request?.id).toBe(followUpId(path, 'connection-request', manager));
        expect(request?.legacyId).toBe(legacyFollowUpId(path, 'connection-request', manager));
      }),
      { numRuns: runs(300) },
    );
  });

  test('property: a path or subject written another way (spacing, separators, Unicode form) gets the same id', () => {
    // Written out here the long way; the core takes a shortcut for text already in this form.
    const tidy = (t: string): string => t.normalize('NFC').replace(/\s+/g, ' ').trim();
    const tidyPath = (t: string): string => tidy(t.replace(/\\/g, '/')).replace(/\/+/g, '/').replace(/^(\.\/)+/, '').replace(/^\//, '');
    const text = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '  ', '\t', '/', '//', '\\', '.', './', 'E\u0301', '\u00a0', '~'), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(text, text, (path, subject) => {
        // ("/ a" tidies to " a", which tidies again to "a": compare only where once is enough.)
        fc.pre(tidyPath(tidyPath(path)) === tidyPath(path));
        expect(followUpId(path, 'check-in', subject)).toBe(followUpId(tidyPath(path), 'check-in', tidy(subject).toLowerCase()));
        expect(legacyFollowUpId(path, 'check-in', subject) ?? followUpId(path, 'check-in', subject)).toBe(followUpId(tidyPath(path).toLowerCase(), 'check-in', tidy(subject)));
      }),
      { numRuns: runs(500) },
    );
  });

  test('a name in Latin letters and dashes gets the id of its own NFC form, as one with combining accents does', () => {
    // Every Latin letter the id rules take as already normalised, checked one by one; then names
    // of them written decomposed (NFD) and spaced out.
    const codes = [...Array(0x24f - 0xa1 + 1).keys()].map((i) => 0xa1 + i).concat([...Array(0x18).keys()].map((i) => 0x2010 + i));
    for (const code of codes) {
      const c = String.fromCharCode(code);
      expect(c.normalize('NFC'), `U+${code.toString(16)}`).toBe(c);
      expect(/\s/.test(c), `U+${code.toString(16)}`).toBe(false);
    }
    for (const name of ['Zoë Ørsted', 'Łukasz Żółć – “Ştefan” Ţepeş', 'Ðàñh Ŋguyễn']) {
      const decomposed = `  ${name.normalize('NFD').replace(' ', '\t ')} `;
      expect(followUpId('A.md', 'check-in', decomposed)).toBe(followUpId('A.md', 'check-in', name));
      expect(followUpId(` Jobs/${name.normalize('NFD')}.md`, 'check-in', 'x')).toBe(followUpId(`Jobs/${name}.md`, 'check-in', 'x'));
    }
  });

  test('property: the order of the frontmatter keys never changes an id', () => {
    const frontmatter: Record<string, unknown> = {
      company: 'Orchid Labs',
      role: 'Analyst',
      stage: 'Interviewing',
      applied: '2026-02-20',
      hiring_manager: '[[Ana Silva]]',
      interviews: [{ date: '2026-03-12', interviewers: ['Ana Silva', 'Ben Ito'] }],
      followUpDate: '2026-03-20',
    };
    const idsOf = (fm: Record<string, unknown>): string[] => {
      const read = readApplication({ frontmatter: fm, path: 'Applications/Orchid Labs - Analyst.md' });
      if (!read.ok) throw new Error(read.problem.message);
      return plan(read.application).map((f) => f.id).sort();
    };
    const expected = idsOf(frontmatter);
    expect(expected.length).toBeGreaterThan(1);
    fc.assert(
      fc.property(fc.shuffledSubarray(Object.keys(frontmatter), { minLength: 7, maxLength: 7 }), (keys) => {
        expect(idsOf(Object.fromEntries(keys.map((k) => [k, frontmatter[k]])))).toEqual(expected);
      }),
    );
  });
});

/** Applications of every shape, with dates around a random today. */
const anyPlanning = fc
  .record({
    stage: fc.constantFrom(...STAGES),
    today: fc.integer({ min: 0, max: 700 }).map((n) => addDays('2025-06-01', n)),
    applied: fc.option(fc.integer({ min: -60, max: 10 }), { nil: undefined }),
    interviews: fc.array(fc.record({ offset: fc.integer({ min: -30, max: 30 }), people: fc.array(fc.constantFrom('Ana Silva', 'Ben Ito', 'Cleo Park'), { maxLength: 3 }) }), { maxLength: 3 }),
    decision: fc.option(fc.integer({ min: -30, max: 5 }), { nil: undefined }),
    followUp: fc.option(fc.integer({ min: -30, max: 30 }), { nil: undefined }),
    hiringManager: fc.option(fc.constantFrom('Ana Silva', 'Cy Oh'), { nil: undefined }),
    connected: fc.boolean(),
  })
  .map((r) => {
    const b = anApplication().stage(r.stage).connected(r.connected);
    if (r.applied !== undefined) b.applied(addDays(r.today, r.applied));
    if (r.decision !== undefined) b.decision(addDays(r.today, r.decision));
    if (r.followUp !== undefined) b.followUp(addDays(r.today, r.followUp));
    if (r.hiringManager) b.hiringManager(r.hiringManager);
    for (const i of r.interviews) b.interview(addDays(r.today, i.offset), ...new Set(i.people));
    return { app: b.build(), today: r.today };
  });

test('property: every follow-up is due today or later, scheduled no later than due, with unique ids', () => {
  fc.assert(
    fc.property(anyPlanning, ({ app, today }) => {
      const followUps = plan(app, today);
      for (const f of followUps) {
        expect(isCalendarDate(f.due)).toBe(true);
        expect(f.due >= today).toBe(true);
        if (f.scheduled) expect(f.scheduled <= f.due).toBe(true);
        // Shown, a day gone is today; in the task note it stays the note's own day.
        if (f.dueByNote && f.dueByNote < today) expect(f.due).toBe(today);
        expect(f.title).not.toMatch(/undefined|null|NaN/);
        expect(f.applicationPath).toBe(app.path);
      }
      expect(new Set(followUps.map((f) => f.id)).size).toBe(followUps.length);
      expect([...followUps].map((f) => f.due)).toEqual(followUps.map((f) => f.due).sort());
      if (app.connected) expect(followUps.map((f) => f.kind)).not.toContain('connection-request');
    }),
    { numRuns: runs(300) },
  );
});

test('property: a follow-up planned on any two days renders the same task note, byte for byte, at the same path', () => {
  fc.assert(
    fc.property(anyPlanning, fc.integer({ min: 1, max: 120 }), ({ app, today }, later) => {
      const notes = (day: CalendarDate): Map<string, string> =>
        new Map(plan(app, day).map((f) => {
          const note = renderTaskNote(f, DEFAULT_SETTINGS);
          return [f.id, `${note.path}\n${note.content}`];
        }));
      const first = notes(today);
      const second = notes(addDays(today, later));
      for (const [id, text] of second) if (first.has(id)) expect(text).toBe(first.get(id));
    }),
    { numRuns: runs(300) },
  );
});

const PINNED_ID = '4a4f7e860401fd33';
const PINNED_LEGACY_ID = '8c20f7f1c86f8733';
