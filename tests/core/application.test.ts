import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isApplicationFrontmatter, readApplication } from '../../src/core/application';
import { type Application, type ReadResult, type Stage } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { runs } from '../stress';

interface Fixture {
  path: string;
  vocabulary: string[];
  frontmatter: Record<string, unknown>;
}

const fixtureDir = new URL('./fixtures/', import.meta.url);
const fixtures = new Map<string, Fixture>(
  readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(f, fixtureDir), 'utf8')) as Fixture]),
);

function fixture(name: string): Fixture {
  const found = fixtures.get(name);
  if (!found) throw new Error(`missing fixture ${name}`);
  return found;
}

function read(frontmatter: unknown, path = 'Applications/Test.md', settings = DEFAULT_SETTINGS): ReadResult {
  return readApplication({ frontmatter, path }, settings);
}

function app(result: ReadResult): Application {
  if (!result.ok) throw new Error(`expected an application, got: ${result.problem.message}`);
  return result.application;
}

function readFixture(name: string): Application {
  const f = fixture(name);
  return app(read(f.frontmatter, f.path));
}

describe('every schema seen in real vaults', () => {
  it('status + interview rounds: rounds sorted by date, interviewers merged, hiring manager from a link', () => {
    const a = readFixture('schema-a-status-interview-rounds');
    expect(a).toMatchObject({
      noteName: 'Acme - Data Analyst',
      stage: 'interviewing',
      stageLabel: 'Interviewing',
      company: 'Acme',
      role: 'Data Analyst',
      applied: '2026-02-20',
      followUp: '2026-03-20',
      connected: false,
      hiringManager: { name: 'Jane Doe', link: 'Jane Doe', role: 'Hiring manager' },
      warnings: [],
    });
    expect(a.interviews.map((i) => [i.date, i.time, i.name, i.status])).toEqual([
      ['2026-03-02', '09:30', 'Recruiter call', 'done'],
      ['2026-03-12', '10:00', 'Onsite', 'scheduled'],
    ]);
    expect(a.interviewers.map((p) => p.name)).toEqual(['Cleo Park', 'Ana Silva', 'Ben Ito']);
  });

  it('App-Stage + Pascal-Case names: Recruiter_Screen is screening, the empty hiring manager is absent', () => {
    const a = readFixture('schema-b-app-stage-pascal');
    expect(a).toMatchObject({
      stage: 'screening',
      stageLabel: 'Recruiter_Screen',
      company: 'Orchid Labs',
      role: 'Business Analyst',
      applied: '2026-03-01',
      followUp: '2026-03-15',
      recruiter: { name: 'Mia Chen', role: 'Recruiter' },
      interviews: [],
    });
    expect(a.hiringManager).toBeUndefined();
    expect(a.interviewers.map((p) => p.name)).toEqual(['Sam Lee', 'Ravi Rao']);
  });

  it('application_status + lowercase words: one interview date-time, aliased link, connected by date', () => {
    const a = readFixture('schema-c-application-status-lowercase');
    expect(a).toMatchObject({
      stage: 'interviewing',
      company: 'Northwind',
      role: 'Product Manager',
      applied: '2026-02-10',
      interviews: [{ date: '2026-03-11', time: '15:00', interviewers: [] }],
      hiringManager: { name: 'Jane Doe', link: 'People/Jane Doe', role: 'Hiring manager' },
      recruiter: { name: 'Omar Haddad', role: 'Talent partner' },
      connected: true,
    });
  });

  it('contact objects: the hiring manager and recruiter come from their roles, with their profile', () => {
    const a = readFixture('schema-d-stage-contact-objects');
    expect(a).toMatchObject({
      stage: 'offer',
      stageLabel: 'Negotiating',
      company: 'Globex',
      role: 'Senior Engineer',
      applied: '2026-01-15',
      decision: '2026-03-05',
      connected: false,
      hiringManager: {
        name: 'Hank Scorpio',
        role: 'Hiring Manager',
        email: 'hank@globex.example',
        linkedin: 'https://www.linkedin.com/in/hank-scorpio',
      },
      recruiter: { name: 'Lena Ruiz', role: 'Recruiter' },
    });
    expect(a.interviews.map((i) => i.date)).toEqual(['2026-02-03', '2026-02-17']);
    expect(a.interviewers.map((p) => p.name)).toEqual(['Tom Ng']);
  });

  it('a half-filled template reads without warnings: empty fields are simply absent', () => {
    const a = readFixture('schema-e-prospective-template');
    expect(a).toMatchObject({ stage: 'wishlist', company: 'Initech', interviews: [], interviewers: [], warnings: [] });
    expect(a.role).toBeUndefined();
    expect(a.applied).toBeUndefined();
    expect(a.recruiter).toBeUndefined();
  });

  it('unquoted [[links]] (YAML lists inside lists) still give the stage, company and people', () => {
    const a = readFixture('schema-f-unquoted-links');
    expect(a).toMatchObject({
      stage: 'applied',
      company: 'Umbrella Corp',
      hiringManager: { name: 'Alice Abernathy', link: 'People/Alice Abernathy' },
    });
    expect(a.interviewers).toEqual([{ name: 'Carlos Oliveira', link: 'Carlos Oliveira' }, { name: 'Jill Valentine' }]);
  });

  const expectedByWord: Record<string, Stage> = {
    wishlist: 'wishlist', applied: 'applied', screening: 'screening', interviewing: 'interviewing', offer: 'offer',
    accepted: 'accepted', rejected: 'rejected', withdrawn: 'withdrawn', ghosted: 'ghosted', reviewing: 'wishlist',
    donotapply: 'withdrawn', pursue: 'wishlist', recruiterscreen: 'screening', recruiterconversation: 'screening',
    interview: 'interviewing', underreview: 'interviewing', offered: 'offer', nogo: 'rejected', notapplied: 'wishlist',
    declined: 'withdrawn', bookmarked: 'wishlist', applying: 'wishlist', negotiating: 'offer', prospective: 'wishlist',
  };
  for (const [name, f] of fixtures) {
    it(`${name}: every stage word of its vocabulary reads, in that schema's field`, () => {
      const stageKey = Object.keys(f.frontmatter).find((k) => /stage|status/i.test(k)) ?? 'stage';
      for (const word of f.vocabulary) {
        const a = app(read({ ...f.frontmatter, [stageKey]: word }, f.path));
        expect(a.stage, word).toBe(expectedByWord[word.toLowerCase().replace(/[-_ ]/g, '')]);
        expect(a.stageLabel).toBe(word);
      }
    });
  }
});

describe('notes that are not readable applications', () => {
  it('a note without a stage field is skipped quietly, saying what was looked for', () => {
    const r = read({ company: 'Acme', tags: ['meeting'] }, 'Notes/Meeting.md');
    expect(r).toMatchObject({ ok: false, notAnApplication: true });
    if (r.ok) return;
    // The path travels as data; the message is the problem alone.
    expect(r.problem.notePath).toBe('Notes/Meeting.md');
    expect(r.problem.message).toMatch(/^no stage field \(looked for stage, App-Stage, application_status/);
  });

  it('a note marked as a job application without a stage is reported, not skipped', () => {
    const r = read({ type: 'job-application', company: 'Acme' }, 'Jobs/Acme.md');
    expect(r).toMatchObject({ ok: false, notAnApplication: false });
  });

  it.each([
    [undefined, 'missing'],
    [null, 'missing'],
    ['just text', 'a string'],
    [['a', 'b'], 'a list'],
    [42, 'a number'],
  ])('frontmatter %j gets one line naming the note', (frontmatter, says) => {
    const r = read(frontmatter, 'Inbox/Odd.md');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.notePath).toBe('Inbox/Odd.md');
    expect(r.problem.message).toMatch(/^frontmatter is/);
    expect(r.problem.message).toContain(says);
    expect(r.problem.message).not.toContain('\n');
  });

  it('an unknown stage is reported with the value and the known stages, never guessed', () => {
    const r = read({ stage: 'Maybe later', company: 'Acme' }, 'Jobs/Acme.md');
    expect(r).toMatchObject({
      ok: false,
      notAnApplication: false,
      problem: { notePath: 'Jobs/Acme.md', field: 'stage' },
    });
    if (r.ok) return;
    expect(r.problem.message).toBe(
      'stage "Maybe later" is not a known stage (known: wishlist, applied, screening, interviewing, offer, accepted, rejected, withdrawn, ghosted)',
    );
  });

  it.each([
    [3, 'stage is the number 3'],
    [['Applied', 'Rejected'], 'stage lists several values (Applied, Rejected)'],
    [null, 'stage is empty'],
    [{ nested: true }, 'stage is not a word'],
  ])('a stage of %j is a clear problem', (stage, says) => {
    const r = read({ stage, company: 'Acme' }, 'Jobs/Acme.md');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.notePath).toBe('Jobs/Acme.md');
    expect(r.problem.message.startsWith(says)).toBe(true);
  });

  it("another plugin's `status: open` (a task note) is not taken for a broken application", () => {
    const task = { title: 'Buy milk', status: 'open', priority: 'normal', tags: ['task'] };
    expect(read(task)).toMatchObject({ ok: false, notAnApplication: true });
    expect(isApplicationFrontmatter(task)).toBe(false);
    // ...but the same word next to a company is an application with a stage to fix.
    expect(read({ ...task, company: 'Acme' })).toMatchObject({ ok: false, notAnApplication: false });
  });
});

describe('dates, people and connection', () => {
  it('an impossible or unreadable date is a warning naming field and value, and is ignored', () => {
    const a = app(read({ stage: 'applied', applied: '2026-02-30', followUpDate: 'next tuesday' }, 'Jobs/X.md'));
    expect(a.applied).toBeUndefined();
    expect(a.followUp).toBeUndefined();
    expect(a.warnings.map((w) => [w.notePath, w.message])).toEqual([
      ['Jobs/X.md', 'applied "2026-02-30" is not a date; ignored'],
      ['Jobs/X.md', 'followUpDate "next tuesday" is not a date; ignored'],
    ]);
  });

  it('a js-yaml Date at UTC midnight is the same calendar day', () => {
    const a = app(read({ stage: 'applied', applied: new Date(Date.UTC(2026, 2, 9)) }));
    expect(a.applied).toBe('2026-03-09');
  });

  it('a filled field wins over an empty one of another name, whatever the key order', () => {
    expect(app(read({ stage: 'applied', applied: '', date_applied: '2026-03-01' })).applied).toBe('2026-03-01');
    expect(app(read({ date_applied: '2026-03-01', applied: null, stage: 'applied' })).applied).toBe('2026-03-01');
  });

  it('interviewers are merged across rounds and the interviewers field, without repeats', () => {
    const a = app(
      read({
        stage: 'interviewing',
        interviews: [
          { date: '2026-03-10', interviewers: ['[[Ana Silva]]', 'Ben Ito'] },
          { date: '2026-03-12', interviewers: 'ana silva, Cleo Park' },
        ],
        interviewers: ['Ben Ito', 'Dan Roe'],
      }),
    );
    expect(a.interviewers.map((p) => p.name)).toEqual(['Ana Silva', 'Ben Ito', 'Cleo Park', 'Dan Roe']);
  });

  it('a round without a date is a warning; a single interview date takes the interviewers field', () => {
    const rounds = app(read({ stage: 'interviewing', interviews: [{ roundName: 'Final', status: 'tbd' }] }));
    expect(rounds.interviews).toEqual([]);
    expect(rounds.warnings[0]?.message).toContain('interviews: round "Final" has no date');
    const single = app(read({ stage: 'interviewing', interview: '2026-03-10', interviewer: '[[Ana Silva]]' }));
    expect(single.interviews).toEqual([{ date: '2026-03-10', interviewers: [{ name: 'Ana Silva', link: 'Ana Silva' }] }]);
  });

  it.each([
    [true, true], ['yes', true], ['Yes', true], ['2026-03-02', true], [new Date(Date.UTC(2026, 2, 2)), true],
    [false, false], ['no', false], ['', false], [null, false],
  ])('connected: %j means %j', (value, connected) => {
    expect(app(read({ stage: 'applied', connected: value })).connected).toBe(connected);
  });

  it('a connected value it cannot read is a warning, taken as not connected', () => {
    const a = app(read({ stage: 'applied', connected: 'sort of' }));
    expect(a.connected).toBe(false);
    expect(a.warnings[0]?.message).toContain('connected "sort of" is neither yes, no nor a date');
  });
});

describe('the person\'s own settings', () => {
  it('a field map overrides the built-in names for that meaning', () => {
    const settings = { ...DEFAULT_SETTINGS, fieldMap: { stage: 'Phase', applied: 'Sent on' } };
    const a = app(read({ Phase: 'Applied', stage: 'Rejected', 'Sent on': '2026-03-03', applied: '2026-01-01' }, 'x.md', settings));
    expect(a.stage).toBe('applied');
    expect(a.applied).toBe('2026-03-03');
  });

  it('stage aliases win over the built-in words', () => {
    const settings = { ...DEFAULT_SETTINGS, stageAliases: { 'No-Go': 'withdrawn' as Stage, 'En cours': 'interviewing' as Stage } };
    expect(app(read({ stage: 'No-Go' }, 'x.md', settings)).stage).toBe('withdrawn');
    expect(app(read({ stage: 'en cours' }, 'x.md', settings)).stage).toBe('interviewing');
  });
});

describe('isApplicationFrontmatter', () => {
  it.each<[unknown, boolean]>([
    [{ stage: 'Applied' }, true],
    [{ 'App-Stage': 'Recruiter_Screen' }, true],
    [{ stage: 'Maybe', company: 'Acme' }, true], // an application with a stage to fix
    [{ stage: '', company: 'Acme' }, true],
    [{ company: 'Acme' }, false],
    [{ status: 'open', title: 'Buy milk' }, false],
    [{ status: 'draft', tags: ['job-application'] }, true],
    [null, false],
    [['stage'], false],
  ])('%j: %s', (frontmatter, expected) => {
    expect(isApplicationFrontmatter(frontmatter)).toBe(expected);
  });
});

describe('names as people write them', () => {
  it.each([
    'AT&T / R&D \\ ../..',
    'Café Niño 🚀',
    'شركة النور',
    'a'.repeat(300),
    'Name: with * ? " < > | # ^ [ ] characters',
  ])('company and role %j are kept as written', (name) => {
    const a = app(read({ stage: 'applied', company: name, role: name, hiring_manager: name }));
    expect(a.company).toBe(name);
    expect(a.role).toBe(name);
    expect(a.hiringManager?.name).toBe(name);
  });

  it('a byte-order mark left on the first key does not hide it', () => {
    expect(app(read({ '\uFEFFstage': 'Applied' })).stage).toBe('applied');
  });
});

describe('hostile input', () => {
  it('prototype-pollution keys are read as plain data and pollute nothing', () => {
    const frontmatter = JSON.parse('{"__proto__": {"stage": "offer", "polluted": true}, "constructor": {"prototype": {"x": 1}}, "stage": "applied"}') as unknown;
    const a = app(read(frontmatter));
    expect(a.stage).toBe('applied');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('huge values stay one short line', () => {
    const huge = 'x'.repeat(5_000_000);
    const r = read({ stage: huge, company: huge });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.message.length).toBeLessThan(250);
    const a = app(read({ stage: 'applied', applied: huge, interviews: Array.from({ length: 10_000 }, () => '2026-03-10') }));
    expect(a.warnings[0]?.message.length).toBeLessThan(150);
    expect(a.interviews.length).toBeLessThanOrEqual(50);
  });

  it('message values with line breaks stay on one line', () => {
    const r = read({ stage: 'Maybe\nlater\r\nor never', company: 'Acme' });
    if (r.ok) throw new Error('expected a problem');
    expect(r.problem.message).not.toMatch(/[\r\n]/);
  });

  // Several spellings of one field, so notes where two keys compete are common.
  const relevantKeys = [
    'stage', 'Stage', 'Status', 'status', 'App-Stage', 'company', 'Company', 'employer', 'role', 'title', 'applied',
    'Applied', 'date_applied', 'dateApplied', 'interviews',
    'interview', 'decision', 'followUpDate', 'hiring_manager', 'recruiter', 'interviewers', 'contacts', 'connected',
    'type', 'tags', '__proto__', 'constructor', 'toString',
  ];
  const value = fc.oneof(
    fc.constantFrom('Applied', '[[Applied]]', 'Interview', '2026-03-10', '2026-02-30', '[[People/Jane Doe|Jane]]', 'job-application', ''),
    fc.anything({ withDate: true, withNullPrototype: true, withObjectString: true, maxDepth: 3 }),
  );
  const frontmatter = fc.dictionary(fc.oneof(fc.constantFrom(...relevantKeys), fc.string()), value, { maxKeys: 12 });

  it('never throws, on any JSON-like input', () => {
    fc.assert(
      fc.property(fc.oneof(frontmatter, fc.anything({ withDate: true, withNullPrototype: true })), (input) => {
        const r = read(input, 'Fuzz/Note.md');
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.problem.message).not.toMatch(/[\r\n]/);
        expect(typeof isApplicationFrontmatter(input)).toBe('boolean');
      }),
      { numRuns: runs(2000) },
    );
  });

  it('gives the same answer whatever the order of the keys', () => {
    fc.assert(
      fc.property(frontmatter, fc.integer({ min: 1, max: 1000 }), (fm, seed) => {
        const entries = Object.entries(fm);
        const shuffled = entries.map((e, i) => [e, (i * 7919 + seed) % 1009] as const).sort((a, b) => a[1] - b[1]).map(([e]) => e);
        expect(read(Object.fromEntries(shuffled))).toEqual(read(Object.fromEntries(entries)));
      }),
      { numRuns: runs(1000) },
    );
  });
});
