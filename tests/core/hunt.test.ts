// The whole hunt in the core: learning the vault's schema, a new application note, a stage change
// with its history, the pipeline's numbers, the export rows and the Bases dashboard.
import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readApplication } from '../../src/core/application';
import { DASHBOARD_NAME, dashboardDecision, renderDashboard, VIEW_BOTH, VIEW_BY_STAGE, VIEW_FOLLOW_UPS } from '../../src/core/dashboard';
import { editFrontmatter, yamlScalar } from '../../src/core/frontmatter-edit';
import { exportRows, huntOverview, spreadsheetSafe } from '../../src/core/hunt-overview';
import type { HuntApplication } from '../../src/core/hunt-overview';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { FollowUp } from '../../src/core/model';
import { freeNotePath, planNewApplication } from '../../src/core/new-application';
import type { NewApplicationContext } from '../../src/core/new-application';
import { applyEdits, planStageChange, readStageHistory } from '../../src/core/stage-change';
import { learnSchema, stageChoices } from '../../src/core/vault-schema';
import { ApplicationBuilder } from './builders';
import { runs } from '../stress';

const settings = DEFAULT_SETTINGS;
const TODAY = '2026-03-09';
const EMPTY = learnSchema([], settings);

/** The frontmatter of a note's text, as the CLI reads it (dates stay strings). */
function fm(text: string): Record<string, unknown> {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---/.exec(text);
  return (load(m?.[1] ?? '', { schema: CORE_SCHEMA }) ?? {}) as Record<string, unknown>;
}

const STATUS_VAULT = [
  { path: 'Jobs/2026/Acme - Analyst.md', frontmatter: { status: 'applied', date_applied: '2026-02-01', employer: 'Acme', position: 'Analyst', tags: ['jobs'] } },
  { path: 'Jobs/2026/Birch - Designer.md', frontmatter: { status: 'interview', date_applied: '2026-02-03', employer: 'Birch', position: 'Designer', tags: ['jobs'] } },
  { path: 'Jobs/2026/Cedar - Writer.md', frontmatter: { status: 'applied', date_applied: '2026-02-05', employer: 'Cedar', position: 'Writer' } },
  { path: 'Archive/Old - Job.md', frontmatter: { stage: 'Rejected', applied: '2025-01-01' } },
  { path: 'Ideas.md', frontmatter: { topic: 'not an application' } },
];

describe('learning the vault schema', () => {
  it('takes the field names, stage words, folder and tag most applications use', () => {
    const schema = learnSchema(STATUS_VAULT, settings);
    expect(schema.learnedFrom).toBe(4);
    expect(schema.fields).toMatchObject({ stage: 'status', applied: 'date_applied', company: 'employer', role: 'position', history: 'stage_history' });
    expect(schema.stageWords.applied).toBe('applied');
    expect(schema.stageWords.interviewing).toBe('interview');
    expect(schema.stageWords.rejected).toBe('Rejected');
    expect(schema.folder).toBe('Jobs/2026');
    expect(schema.tag).toBe('jobs');
  });

  it('writes stages nobody reached yet in the case the vault uses', () => {
    const lower = learnSchema(STATUS_VAULT.slice(0, 3), settings);
    expect(stageChoices(lower).map((c) => c.word)).toEqual(['wishlist', 'applied', 'screening', 'interview', 'offer', 'accepted', 'rejected', 'withdrawn', 'ghosted']);
  });

  it('gives the default schema in an empty vault, and the person’s own field map and stage words win', () => {
    expect(EMPTY.fields).toMatchObject({ stage: 'stage', applied: 'applied', hiringManager: 'hiring_manager', url: 'url', history: 'stage_history' });
    expect(EMPTY.stageWords.wishlist).toBe('Wishlist');
    expect(EMPTY.folder).toBeUndefined();
    expect(EMPTY.tag).toBe('job-application');
    const own = learnSchema(STATUS_VAULT, { fieldMap: { stage: 'pipeline' }, stageAliases: { Talking: 'screening' } });
    expect(own.fields.stage).toBe('pipeline');
    expect(own.stageWords.screening).toBe('Talking');
  });
});

describe('editing frontmatter as text', () => {
  const note = '---\n# my comment\nstage: Applied   \ncompany: "Acme"\nstage_history:\n  - "2026-03-01: Wishlist"\n\ntags: [a, b]\n---\nBody with stage: Applied\n';

  it('sets one field and appends to a list, keeping every other byte', () => {
    const out = editFrontmatter(note, [
      { kind: 'set', key: 'stage', value: 'Interviewing' },
      { kind: 'append', key: 'stage_history', item: '2026-03-09: Interviewing' },
    ]);
    expect(out).toEqual({
      ok: true,
      text: '---\n# my comment\nstage: Interviewing\ncompany: "Acme"\nstage_history:\n  - "2026-03-01: Wishlist"\n  - "2026-03-09: Interviewing"\n\ntags: [a, b]\n---\nBody with stage: Applied\n',
    });
  });

  it('keeps CRLF and a byte-order mark, adds missing fields before the closing line, and makes a frontmatter when there is none', () => {
    const crlf = '\uFEFF---\r\nstage: Applied\r\n---\r\nBody\r\n';
    const out = editFrontmatter(crlf, [{ kind: 'set', key: 'decision', value: '2026-03-09' }, { kind: 'append', key: 'stage_history', item: '2026-03-09: Rejected' }]);
    expect(out.ok && out.text).toBe('\uFEFF---\r\nstage: Applied\r\ndecision: 2026-03-09\r\nstage_history:\r\n  - "2026-03-09: Rejected"\r\n---\r\nBody\r\n');
    const none = editFrontmatter('# Just a body\n', [{ kind: 'set', key: 'stage', value: 'Applied' }]);
    expect(none.ok && none.text).toBe('---\nstage: Applied\n---\n# Just a body\n');
  });

  it('replaces a value spread over several lines, turns a single value into a list, and refuses a flow list', () => {
    const multi = editFrontmatter('---\nstage:\n  - - Applied\nx: 1\n---\n', [{ kind: 'set', key: 'stage', value: 'Offer' }]);
    expect(multi.ok && multi.text).toBe('---\nstage: Offer\nx: 1\n---\n');
    const single = editFrontmatter('---\nstage_history: "2026-03-01: Applied"\n---\n', [{ kind: 'append', key: 'stage_history', item: '2026-03-09: Offer' }]);
    expect(single.ok && fm(single.text).stage_history).toEqual(['2026-03-01: Applied', '2026-03-09: Offer']);
    expect(editFrontmatter(note, [{ kind: 'append', key: 'tags', item: 'c' }])).toEqual({ ok: false, message: expect.stringMatching(/^tags is written as \[/) as unknown });
  });

  it('quotes every value that YAML would read as something else, so it reads back as written', () => {
    for (const value of ['Applied', 'yes', 'null', '12', '1e3', 'a: b', '[[Ana Silva]]', '#tag', "O'Brien & Co", '- dash', 'x #y', ' lead', 'tail ', '@at', '"q"', 'line\nbreak']) {
      const out = editFrontmatter('---\n---\n', [{ kind: 'set', key: 'company', value }]);
      expect(out.ok && fm(out.text).company, `${JSON.stringify(value)} as ${yamlScalar(value)}`).toBe(value);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 20 }), (value, item) => {
        const out = editFrontmatter('---\nother: kept\n---\nbody\n', [{ kind: 'set', key: 'company', value }, { kind: 'append', key: 'stage_history', item }]);
        expect(out.ok && fm(out.text)).toEqual({ other: 'kept', company: value, stage_history: [item] });
        expect(out.ok && out.text.endsWith('\n---\nbody\n')).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });
});

function context(extra: Partial<NewApplicationContext> = {}): NewApplicationContext {
  return { schema: EMPTY, settings, today: TODAY, taken: () => false, ...extra };
}

describe('a new application note', () => {
  it('is `Company - Role.md` in the default folder with the default schema and a first history entry', () => {
    const plan = planNewApplication({ company: 'Orchid Labs', role: 'Analyst', stage: 'applied', hiringManager: 'Dana Whitfield', url: 'https://example.com/jobs/1' }, context());
    expect(plan.ok && plan.path).toBe('Job applications/Orchid Labs - Analyst.md');
    if (!plan.ok) return;
    expect(fm(plan.content)).toEqual({
      company: 'Orchid Labs', role: 'Analyst', stage: 'Applied', applied: TODAY, hiring_manager: 'Dana Whitfield',
      url: 'https://example.com/jobs/1', stage_history: [`${TODAY}: Applied`], tags: ['job-application'],
    });
    expect(plan.content).toContain('\n# Orchid Labs - Analyst\n');
    const read = readApplication({ frontmatter: fm(plan.content), path: plan.path });
    expect(read.ok && read.application).toMatchObject({ stage: 'applied', company: 'Orchid Labs', applied: TODAY });
  });

  it('writes in the vault’s own schema and words, in its usual folder', () => {
    const schema = learnSchema(STATUS_VAULT, settings);
    const plan = planNewApplication({ company: 'Dune', role: 'Editor', stage: 'Interviewing', applied: '2026-03-02' }, context({ schema }));
    expect(plan.ok && plan.path).toBe('Jobs/2026/Dune - Editor.md');
    expect(plan.ok && fm(plan.content)).toEqual({ employer: 'Dune', position: 'Editor', status: 'interview', date_applied: '2026-03-02', stage_history: [`${TODAY}: interview`], tags: ['jobs'] });
  });

  it('defaults to wishlist without an applied date, and fills today once the stage is past it', () => {
    const wish = planNewApplication({ company: 'A', role: 'B' }, context());
    expect(wish.ok && fm(wish.content)).toMatchObject({ stage: 'Wishlist' });
    expect(wish.ok && fm(wish.content).applied).toBeUndefined();
    const sent = planNewApplication({ company: 'A', role: 'B', stage: 'Screening' }, context());
    expect(sent.ok && fm(sent.content).applied).toBe(TODAY);
  });

  it('gives a name with unsafe characters a safe file name; the title keeps the original', () => {
    const plan = planNewApplication({ company: 'AT&T / R&D: "Labs"', role: 'Dev|Ops? <Lead> #1 [[x]]' }, context());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.path).toBe('Job applications/AT&T R&D Labs - Dev Ops Lead 1 x.md');
    expect(plan.title).toBe('AT&T / R&D: "Labs" - Dev|Ops? <Lead> #1 [[x]]');
    expect(fm(plan.content)).toMatchObject({ company: 'AT&T / R&D: "Labs"', role: 'Dev|Ops? <Lead> #1 [[x]]', aliases: [plan.title] });
    // The heading shows the name as text: no tag, link or HTML comes out of it.
    expect(plan.content).toContain('# AT\\&T / R\\&D: "Labs" - Dev\\|Ops? \\<Lead\\> \\#1 \\[\\[x\\]\\]\n');
    const dots = planNewApplication({ company: '../..', role: 'CON' }, context({ folder: '../../outside' }));
    expect(dots.ok && dots.path).toBe('outside/- CON.md');
  });

  it('never takes a name that is taken: the next free one', () => {
    const taken = new Set(['job applications/acme - analyst.md', 'job applications/acme - analyst 2.md']);
    const plan = planNewApplication({ company: 'Acme', role: 'Analyst' }, context({ taken: (p) => taken.has(p.toLowerCase()) }));
    expect(plan.ok && plan.path).toBe('Job applications/Acme - Analyst 3.md');
    expect(freeNotePath('', 'X', () => true)).toBeUndefined();
  });

  it('refuses, in one line, an unknown stage (listing the known ones), an impossible date, a missing company', () => {
    expect(planNewApplication({ company: 'A', role: 'B', stage: 'Maybe' }, context())).toEqual({
      ok: false, message: '"Maybe" is not a stage (known: Wishlist, Applied, Screening, Interviewing, Offer, Accepted, Rejected, Withdrawn, Ghosted)',
    });
    expect(planNewApplication({ company: 'A', role: 'B', applied: '2026-02-30' }, context())).toEqual({ ok: false, message: 'applied date "2026-02-30" is not a calendar date (YYYY-MM-DD)' });
    expect(planNewApplication({ company: ' ', role: 'B' }, context())).toEqual({ ok: false, message: 'a new application needs a company' });
  });

  it('fills the person’s template note: its field names, its other fields and its body', () => {
    const text = '---\nApp-Stage: \nEmployer: \nJob-Title: \npriority: high\n---\n# {{title}}\n\nCreated {{date}}. Notes on {{company}}:\n';
    const plan = planNewApplication({ company: 'Acme <b>', role: 'Analyst', stage: 'applied' }, context({ template: { text, frontmatter: fm(text) } }));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(fm(plan.content)).toEqual({ 'App-Stage': 'Applied', Employer: 'Acme <b>', 'Job-Title': 'Analyst', priority: 'high', applied: TODAY, stage_history: [`${TODAY}: Applied`], aliases: ['Acme <b> - Analyst'] });
    expect(plan.content).toContain(`# Acme \\<b\\> - Analyst\n\nCreated ${TODAY}. Notes on Acme \\<b\\>:\n`);
  });
});

describe('moving an application to another stage', () => {
  const note = { stage: 'Applied', applied: '2026-03-01', stage_history: ['2026-03-01: Applied'] };

  it('sets the stage, appends the history entry, and asks for the interview date when there is none', () => {
    const plan = planStageChange(note, { word: 'interviewing', on: TODAY }, EMPTY, settings);
    expect(plan).toMatchObject({ ok: true, stage: 'interviewing', word: 'Interviewing', from: 'Applied', historyEntry: `${TODAY}: Interviewing`, asksInterviewDate: true });
    const withDate = planStageChange(note, { word: 'Interviewing', on: TODAY, interviewDate: '2026-03-12' }, EMPTY, settings);
    const after = { ...note };
    if (withDate.ok) applyEdits(after, withDate.edits);
    expect(after).toEqual({ stage: 'Interviewing', applied: '2026-03-01', interview: '2026-03-12', stage_history: ['2026-03-01: Applied', `${TODAY}: Interviewing`] });
  });

  it('fills the applied and decision dates only when they are empty, in the note’s own field names', () => {
    const wish = { status: 'Bookmarked', date_applied: '', tags: ['job-application'] };
    const plan = planStageChange(wish, { word: 'rejected', on: TODAY }, EMPTY, settings);
    const after: Record<string, unknown> = { ...wish };
    if (plan.ok) applyEdits(after, plan.edits);
    expect(after).toEqual({ status: 'Rejected', date_applied: TODAY, decision: TODAY, tags: ['job-application'], stage_history: [`${TODAY}: Rejected`] });
    const kept = planStageChange({ stage: 'Applied', applied: '2026-01-01', rejected_on: '2026-02-02' }, { word: 'rejected', on: TODAY }, EMPTY, settings);
    expect(kept.ok && kept.edits.map((e) => e.key)).toEqual(['stage', 'stage_history']);
    // A vault that names the decision for its outcome gets that name at that stage, the generic one elsewhere.
    const named = learnSchema([
      { path: 'a.md', frontmatter: { stage: 'Rejected', rejected_on: '2026-01-02' } },
      { path: 'b.md', frontmatter: { stage: 'Accepted', hired_on: '2026-01-03' } },
    ], settings);
    const reject = planStageChange({ stage: 'Applied', applied: '2026-03-01' }, { word: 'rejected', on: TODAY }, named, settings);
    const withdraw = planStageChange({ stage: 'Applied', applied: '2026-03-01' }, { word: 'withdrawn', on: TODAY }, named, settings);
    expect(reject.ok && reject.edits.map((e) => e.key)).toEqual(['stage', 'rejected_on', 'stage_history']);
    expect(withdraw.ok && withdraw.edits.map((e) => e.key)).toEqual(['stage', 'decision', 'stage_history']);
  });

  it('refuses an unknown stage with the known ones in the vault’s words, an impossible date, and the same stage', () => {
    const schema = learnSchema(STATUS_VAULT, settings);
    expect(planStageChange(note, { word: 'Pondering', on: TODAY }, schema, settings)).toEqual({
      ok: false, message: '"Pondering" is not a stage (known: wishlist, applied, screening, interview, offer, accepted, Rejected, withdrawn, ghosted)',
    });
    expect(planStageChange(note, { word: 'Offer', on: '2026-02-30' }, EMPTY, settings)).toEqual({ ok: false, message: '"2026-02-30" is not a calendar date (YYYY-MM-DD)' });
    expect(planStageChange(note, { word: 'applied', on: TODAY }, EMPTY, settings)).toEqual({ ok: false, message: 'already at Applied; nothing changed' });
  });

  it('reads the history as strings or as the one-key maps unquoted YAML makes, oldest first', () => {
    const history = readStageHistory({ stage_history: ['2026-03-09: Rejected', { '2026-03-01': 'Applied' }, 'not an entry', '2026-02-30: Offer'] }, EMPTY, settings);
    expect(history).toEqual([{ date: '2026-03-01', label: 'Applied', stage: 'applied' }, { date: '2026-03-09', label: 'Rejected', stage: 'rejected' }]);
  });
});

function hunt(builder: ApplicationBuilder, history: [string, string][] = [], followUps: Partial<FollowUp>[] = []): HuntApplication {
  const application = builder.build();
  return {
    application,
    history: history.map(([date, label]) => ({ date, label, stage: readStageHistory({ stage_history: [`${date}: ${label}`] }, EMPTY, settings)[0]?.stage })),
    followUps: followUps.map((f) => ({ id: 'x', kind: 'check-in', title: 'Check in', due: TODAY, priority: 'normal', reason: '', experts: [], applicationPath: application.path, applicationName: application.noteName, ...f })),
    momentSummary: `summary of ${application.noteName}`,
  };
}

describe('the pipeline at a glance and the export', () => {
  const apps = [
    hunt(new ApplicationBuilder().at('A/Wish.md').stage('wishlist').applied(undefined)),
    hunt(new ApplicationBuilder().at('A/Sent.md').stage('applied').applied('2026-03-01'), [['2026-03-01', 'Applied']], [{ title: 'Check in with Marco', due: '2026-03-15' }, { title: 'Connect with Dana', due: '2026-03-09' }]),
    hunt(new ApplicationBuilder().at('A/Talks.md').stage('interviewing').applied('2026-02-01'), [['2026-02-01', 'Applied'], ['2026-02-11', 'Screening'], ['2026-02-20', 'Interviewing']]),
    hunt(new ApplicationBuilder().at('A/No.md').stage('rejected').applied('2026-02-10').decision('2026-02-14')),
    hunt(new ApplicationBuilder().at('A/Quiet.md').stage('ghosted').applied('2026-01-05')),
    hunt(new ApplicationBuilder().at('A/Left.md').stage('withdrawn').applied(undefined)),
  ];

  it('counts per stage, the response rate and how long answers took', () => {
    const o = huntOverview(apps, EMPTY, TODAY);
    expect(o.total).toBe(6);
    expect(Object.fromEntries(o.stages.map((s) => [s.word, s.count]))).toEqual({ Wishlist: 1, Applied: 1, Screening: 0, Interviewing: 1, Offer: 0, Accepted: 0, Rejected: 1, Withdrawn: 1, Ghosted: 1 });
    expect([o.appliedTo, o.answered]).toEqual([4, 2]);
    expect(o.responseRate).toBe(0.5);
    // Talks: answered 10 days after sending (its screening); No: the rejection 4 days after.
    expect(o.answerDays).toEqual({ median: 7, fastest: 4, slowest: 10, samples: 2 });
  });

  it('lists each open application with its next step, soonest first', () => {
    const o = huntOverview(apps, EMPTY, TODAY);
    expect(o.open.map((a) => [a.noteName, a.next?.title ?? a.summary])).toEqual([
      ['Sent', 'Connect with Dana'],
      ['Talks', 'summary of Talks'],
      ['Wish', 'summary of Wish'],
    ]);
    const none = huntOverview([], EMPTY, TODAY);
    expect(none).toMatchObject({ total: 0, appliedTo: 0, open: [] });
    expect(none.responseRate).toBeUndefined();
    expect(none.answerDays).toBeUndefined();
  });

  it('exports one row per application with its last stage change and next follow-up', () => {
    const rows = exportRows(apps);
    expect(rows.map((r) => r.path)).toEqual(['A/Quiet.md', 'A/Talks.md', 'A/No.md', 'A/Sent.md', 'A/Left.md', 'A/Wish.md']);
    expect(rows[3]).toEqual({ company: 'Orchid Labs', role: 'Analyst', stage: 'Applied', applied: '2026-03-01', lastStageChange: '2026-03-01', nextFollowUp: 'Connect with Dana', nextFollowUpDue: '2026-03-09', path: 'A/Sent.md' });
    expect(rows[1]?.lastStageChange).toBe('2026-02-20');
  });

  it('keeps spreadsheets from running a cell as a formula', () => {
    expect(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx', 'Acme', '2026-03-09', ''].map(spreadsheetSafe)).toEqual([
      `'=HYPERLINK("x")`, "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", 'Acme', '2026-03-09', '',
    ]);
  });
});

describe('the Bases dashboard', () => {
  const folders = { applications: 'Job "apps"\\2026', tasks: 'Job hunt tasks' };

  it('is valid YAML with the three views, in the vault’s field names', () => {
    const schema = learnSchema(STATUS_VAULT, settings);
    const text = renderDashboard(schema, folders);
    const base = load(text) as { views: { type: string; name: string; filters: { and: string[] }; groupBy?: { property: string }; order: string[] }[] };
    expect(base.views.map((v) => [v.type, v.name])).toEqual([['table', VIEW_BY_STAGE], ['table', VIEW_FOLLOW_UPS], ['table', VIEW_BOTH]]);
    expect(base.views[0]?.groupBy?.property).toBe('note.status');
    expect(base.views[0]?.filters.and).toEqual(['file.inFolder("Job \\"apps\\"\\\\2026")', 'file.hasProperty("status")', '!file.inFolder("Job hunt tasks")']);
    expect(base.views[0]?.order).toContain('note.date_applied');
    expect(base.views[1]?.filters.and).toEqual(['file.inFolder("Job hunt tasks")', 'file.hasTag("task")', 'status != "done"']);
    expect(DASHBOARD_NAME).toBe('Job hunt.base');
  });

  it('is replaced only while it is untouched: one the person edited is theirs', () => {
    const old = renderDashboard(EMPTY, { applications: 'Old', tasks: 'Job hunt tasks' });
    const fresh = renderDashboard(EMPTY, folders);
    expect(dashboardDecision(undefined, fresh)).toBe('create');
    expect(dashboardDecision(fresh, fresh)).toBe('unchanged');
    expect(dashboardDecision(old, fresh)).toBe('refresh');
    expect(dashboardDecision(old.replace(/\n/g, '\r\n'), fresh)).toBe('refresh');
    expect(dashboardDecision(old.replace('direction: ASC', 'direction: DESC'), fresh)).toBe('edited');
    // Bases rewrites the file when views are changed in its interface: the fingerprint line goes.
    expect(dashboardDecision(old.split('\n').slice(1).join('\n'), fresh)).toBe('edited');
  });
});
