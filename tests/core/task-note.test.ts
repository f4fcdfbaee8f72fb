import fc from 'fast-check';
import process from 'node:process';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { advise } from '../../src/core/advice';
import { expertById } from '../../src/core/experts';
import { planFollowUps } from '../../src/core/followups';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { AdviceReport, CoreSettings, FollowUp, Moment } from '../../src/core/model';
import { TASK_ID_FIELD, readTaskNote, readTaskNoteId, renderTaskNote, renderTasksLine, safeFileName, setTaskDone, taskNotePath } from '../../src/core/task-note';
import { anApplication } from './builders';
import { aFollowUp } from './report-builders';
import { runs } from '../stress';

const SETTINGS: CoreSettings = { ...DEFAULT_SETTINGS, yourName: 'Sam Lee' };

// Any code point but a surrogate, as fast-check's `unit: 'binary'` draws them (the same index to the
// same code point), with a mapping back that is arithmetic: the built-in one fills a Map with all
// 1.1 million code points when it is first made, a second of npm test for this one property.
const SURROGATES = 0xe000 - 0xd800;
const anyCodePoint = fc.nat({ max: 0x10ffff - SURROGATES }).map(
  (i) => String.fromCodePoint(i < 0xd800 ? i : i + SURROGATES),
  (value) => {
    const cp = typeof value === 'string' ? value.codePointAt(0) : undefined;
    if (cp === undefined || String.fromCodePoint(cp) !== value || (cp >= 0xd800 && cp < 0xe000)) throw new Error('not one code point');
    return cp < 0xd800 ? cp : cp - SURROGATES;
  },
);

function frontmatterOf(content: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(content);
  if (!m) throw new Error('no frontmatter');
  return load(m[1] ?? '') as Record<string, unknown>;
}

function bodyOf(content: string): string {
  return content.replace(/^---\n[\s\S]*?\n---\n/, '');
}

const HOSTILE_NAMES = [
  'Ana "The Boss" Silva',
  "O'Brien: Head of Data #1",
  'Line one\nline two',
  'Zoë 👩‍💻 Ståhl',
  'مريم العلي',
  'back\\slash and "quotes" and \'single\'',
  '- [ ] not a task',
  '---',
  '{flow: mapping}',
  '[[Ana Silva]]',
  '%% job-hunt-advisor: end %%',
  '<script>alert(1)</script>',
  'Tab\there\u0007bell\u0085nel\u2028sep',
  '\uFEFFBOM start',
  '@mention & *stars* | pipes',
  'x'.repeat(300),
];

describe('renderTaskNote: TaskNotes default schema', () => {
  const followUp = aFollowUp({
    id: '8c20f7f1c86f8733',
    kind: 'thank-you-letter',
    title: 'Send a thank-you letter to Ana Silva and Ben Ito',
    due: '2026-03-13',
    scheduled: '2026-03-12',
    priority: 'high',
    context: '@letter',
    draft: 'Dear Ana Silva and Ben Ito,\n\nThank you.',
  });

  test('frontmatter holds title, status, priority, dates, tags, contexts, project link and our id', () => {
    const note = renderTaskNote(followUp, SETTINGS);
    expect(frontmatterOf(note.content)).toEqual({
      title: 'Send a thank-you letter to Ana Silva and Ben Ito',
      status: 'open',
      priority: 'high',
      due: '2026-03-13',
      scheduled: '2026-03-12',
      tags: ['task'],
      contexts: ['letter'],
      projects: ['[[Applications/Orchid Labs - Analyst|Orchid Labs - Analyst]]'],
      dateCreated: '2026-03-12T00:00:00Z',
      dateModified: '2026-03-12T00:00:00Z',
      [TASK_ID_FIELD]: '8c20f7f1c86f8733',
    });
    expect(note.followUp).toBe(followUp);
    expect(note.path).toBe('Job hunt tasks/Send a thank-you letter to Ana Silva and Ben Ito (8c20f7f1).md');
  });

  test('an id of digits stays a string, not a number', () => {
    const note = renderTaskNote(aFollowUp({ id: '1234567890123456' }), SETTINGS);
    expect(frontmatterOf(note.content)[TASK_ID_FIELD]).toBe('1234567890123456');
    expect(readTaskNoteId(frontmatterOf(note.content))).toBe('1234567890123456');
  });

  test('the body gives the reason, the experts with organizations, the draft in a fence, and says nothing is sent', () => {
    const body = bodyOf(renderTaskNote({ ...followUp, experts: [expertById('craig-rosen'), expertById('deborah-bubis')] }, SETTINGS).content);
    expect(body).toContain('You applied 2 days ago.');
    expect(body).toContain('Craig Rosen (InterviewFocus); Deborah Bubis (Recruiter and Sourcer)');
    expect(body).toContain('```text\nDear Ana Silva and Ben Ito,\n\nThank you.\n```');
    expect(body).toMatch(/Nothing is sent automatically/);
    expect(body).toContain('Application: [[Applications/Orchid Labs - Analyst|Orchid Labs - Analyst]]');
  });

  test('a draft holding backticks gets a longer fence, so it cannot end the block early', () => {
    const body = bodyOf(renderTaskNote(aFollowUp({ draft: 'see ```code``` and ````more````' }), SETTINGS).content);
    expect(body).toContain('`````text\nsee ```code``` and ````more````\n`````');
  });

  test('no scheduled date, no context, no draft: those parts are simply absent', () => {
    const note = renderTaskNote(aFollowUp({ context: undefined, draft: undefined }), SETTINGS);
    const fm = frontmatterOf(note.content);
    expect(fm).not.toHaveProperty('scheduled');
    expect(fm).not.toHaveProperty('contexts');
    expect(note.content).not.toContain('```');
  });

  test.each(HOSTILE_NAMES)('a title naming %j reads back exactly, on one line', (name) => {
    const title = `Connect with ${name} on LinkedIn`;
    const note = renderTaskNote(aFollowUp({ title, applicationName: name }), SETTINGS);
    const fm = frontmatterOf(note.content);
    // Line breaks, tabs and control characters each become one space.
    expect(fm.title).toBe(title.replace(/[\s\p{Cc}]+/gu, ' ').trim());
    expect(fm.status).toBe('open');
    expect(fm.tags).toEqual(['task']);
    expect(Object.keys(fm)).toHaveLength(10);
  });

  test('names in the body are shown as text, not run as Markdown, HTML or Obsidian comments', () => {
    const body = bodyOf(renderTaskNote(aFollowUp({ reason: 'Write to <b>Ana</b> [[x]] %%hidden%% *now*' }), SETTINGS).content);
    expect(body).toContain('Write to \\<b\\>Ana\\</b\\> \\[\\[x\\]\\] \\%\\%hidden\\%\\% \\*now\\*');
  });

  test('an application name a wikilink cannot carry becomes a Markdown link to its path', () => {
    const fm = frontmatterOf(
      renderTaskNote(aFollowUp({ applicationName: 'C# Dev [remote]', applicationPath: 'Jobs/C# Dev [remote].md' }), SETTINGS).content,
    );
    expect(fm.projects).toEqual(['[C\\# Dev \\[remote\\]](Jobs/C%23%20Dev%20%5Bremote%5D.md)']);
  });
});

describe('safeFileName', () => {
  test.each([
    ['Orchid Labs - Analyst', 'Orchid Labs - Analyst'],
    ['a/b\\c:d*e?f"g<h>i|j#k^l[m]n', 'a b c d e f g h i j k l m n'],
    ['../../etc/passwd', 'etc passwd'],
    ['/abs/path', 'abs path'],
    ['\\\\server\\share', 'server share'],
    ['...hidden', 'hidden'],
    ['trailing dots...', 'trailing dots'],
    ['  lots   of \n\t space  ', 'lots of space'],
    ['bell\u0007and\u0000nul', 'bell and nul'],
    ['evil\u202Egnp.exe', 'evilgnp.exe'],
    ['CON', 'CON_'],
    ['', 'Untitled'],
    ['///', 'Untitled'],
    ['..', 'Untitled'],
    ['مريم العلي', 'مريم العلي'],
    ['Zoë 👩‍💻', 'Zoë 👩‍💻'],
  ])('%j -> %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  test('caps the length by code points without splitting an emoji', () => {
    expect(Array.from(safeFileName('x'.repeat(300)))).toHaveLength(120);
    expect(safeFileName('abcdef', 3)).toBe('abc');
    const emoji = safeFileName('😀'.repeat(100), 45);
    expect(emoji).toBe('😀'.repeat(45));
    // A ZWJ family is kept whole or dropped whole.
    expect(safeFileName('ab👨‍👩‍👧', 4)).toBe('ab');
  });

  test('stays within 200 UTF-8 bytes, which every file system accepts', () => {
    expect(new TextEncoder().encode(safeFileName('日本語'.repeat(100))).length).toBeLessThanOrEqual(200);
  });

  test('property: never empty, never a forbidden character, a leading dot, ".." or a broken surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCodePoint, maxLength: 400 }), fc.integer({ min: 1, max: 200 }), (text, max) => {
        const name = safeFileName(text, max);
        expect(name.length).toBeGreaterThan(0);
        expect(name).not.toMatch(/[\\/:*?"<>|#^[\]\p{Cc}]/u);
        expect(name).not.toMatch(/^[.\s]|[.\s]$|\.\./u);
        expect(Array.from(name).length).toBeLessThanOrEqual(max);
        expect(name).not.toMatch(/\p{Cs}/u);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('taskNotePath', () => {
  test.each([
    ['../../etc', 'Job hunt tasks'],
    ['/abs', 'Job hunt tasks'],
    ['\\\\', 'Job hunt tasks'],
  ])('a hostile title (%j) stays inside the tasks folder', (hostile, folder) => {
    const path = taskNotePath(aFollowUp({ title: `${hostile}/Connect` }), SETTINGS);
    expect(path.startsWith(`${folder}/`)).toBe(true);
    expect(path.split('/')).toHaveLength(2);
  });

  test.each([
    ['../../etc', 'etc'],
    ['/abs/tasks/', 'abs/tasks'],
    ['Job hunt\\Tasks', 'Job hunt/Tasks'],
    ['./a/../b', 'b'],
    ['a/b/../../c/./d', 'c/d'],
    ['NUL/COM1.x/lpt¹', 'NUL_/COM1_.x/lpt¹_'],
    ['', 'Job hunt tasks'],
    ['..', 'Job hunt tasks'],
  ])('a hostile tasks folder %j becomes %j, inside the vault', (tasksFolder, folder) => {
    const path = taskNotePath(aFollowUp({ title: 'Connect' }), { ...SETTINGS, tasksFolder });
    expect(path).toBe(`${folder}/Connect (fuconnec).md`);
  });

  test('property: any title gives one file directly in the tasks folder, ending in the short id', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (title) => {
        const path = taskNotePath(aFollowUp({ id: 'abcdef0123456789', title }), SETTINGS);
        const segments = path.split('/');
        expect(segments).toHaveLength(2);
        expect(segments[0]).toBe('Job hunt tasks');
        expect(segments[1]).toMatch(/ \(abcdef01\)\.md$/);
        expect(segments[1]).not.toMatch(/^\./);
        expect(new TextEncoder().encode(segments[1]).length).toBeLessThanOrEqual(255);
      }),
    );
  });

  test('two follow-ups with the same title land in different files', () => {
    const a = taskNotePath(aFollowUp({ id: '1111111111111111' }), SETTINGS);
    const b = taskNotePath(aFollowUp({ id: '2222222222222222' }), SETTINGS);
    expect(a).not.toBe(b);
  });
});

describe('renderTasksLine', () => {
  test('Tasks emoji format: a link to its task note, fields at the end, the task note\'s id as the Tasks id', () => {
    const f = aFollowUp({ id: '8c1dfbf1c86d5828', title: 'Send a thank-you letter', priority: 'normal', scheduled: '2026-03-09', due: '2026-03-10' });
    expect(renderTasksLine(f, SETTINGS)).toBe(
      '- [ ] Send a thank-you letter [[Job hunt tasks/Send a thank-you letter (8c1dfbf1)|task note]] ⏳ 2026-03-09 📅 2026-03-10 🆔 jha-8c1dfbf1c86d5828',
    );
    expect(renderTasksLine(aFollowUp({ id: 'a1', title: 'Connect', priority: 'high', due: '2026-03-10' }), SETTINGS)).toBe(
      '- [ ] Connect [[Job hunt tasks/Connect (a1)|task note]] ⏫ 📅 2026-03-10 🆔 jha-a1',
    );
    expect(renderTasksLine(aFollowUp({ id: 'a2', title: 'View', priority: 'low', due: '2026-03-10' }), SETTINGS)).toMatch(/ 🔽 📅 2026-03-10 🆔 jha-a2$/);
  });

  test("a title can't break the line, smuggle in Tasks fields or tag the note #task", () => {
    const line = renderTasksLine(aFollowUp({ id: 'a3', title: 'Ana\nSilva 📅 2020-01-01 🔁 every day #task', priority: 'normal', due: '2026-03-10' }), SETTINGS);
    expect(line.startsWith('- [ ] Ana Silva 2020-01-01 every day ＃task [[Job hunt tasks/')).toBe(true);
    expect(line).not.toContain('#');
    // Tasks reads fields back from the end of the line up to the first text that isn't one: the link.
    expect(line.slice(line.lastIndexOf(']]'))).toBe(']] 📅 2026-03-10 🆔 jha-a3');
    expect(line.slice(0, line.indexOf('[['))).not.toMatch(/[📅🔁]/u);
  });
});

describe('task-note names and the Tasks line', () => {
  test.each(['📅', '⏳', '🛫', '➕', '✅', '❌', '🔁', '🔺', '⏫', '🔼', '🔽', '⏬', '🆔', '⛔', '🏁', '✅\uFE0F'])(
    'a title holding %s gives a task-note name without it, so the linked path on the Tasks line carries no field',
    (emoji) => {
      const f = aFollowUp({ id: 'b7', title: `Thank Ana ${emoji} 2020-01-01 at Acme`, priority: 'normal', due: '2026-03-10' });
      const path = taskNotePath(f, SETTINGS);
      expect(path).toBe('Job hunt tasks/Thank Ana 2020-01-01 at Acme (b7).md');
      const line = renderTasksLine(f, SETTINGS);
      // Every signifier on the line is one we put at its end.
      expect(line.slice(0, line.lastIndexOf(']]'))).not.toMatch(/[📅⏳🛫➕✅❌🔁🔺⏫🔼🔽⏬🆔⛔🏁]/u);
    },
  );
});

describe('readTaskNoteId', () => {
  test('reads the id back from a rendered note, however the note was renamed', () => {
    const note = renderTaskNote(aFollowUp({ id: 'ABCDEF0123456789' }), SETTINGS);
    expect(readTaskNoteId(frontmatterOf(note.content))).toBe('abcdef0123456789');
  });

  test.each([undefined, null, 'text', 42, [], {}, { [TASK_ID_FIELD]: '' }, { [TASK_ID_FIELD]: 12 }, { 'other-id': 'x' }])(
    'no id in %j',
    (frontmatter) => {
      expect(readTaskNoteId(frontmatter)).toBeUndefined();
    },
  );
});

describe('readTaskNote: a task note as every host shows it', () => {
  const ours = (fields: Record<string, unknown>): Record<string, unknown> => ({ [TASK_ID_FIELD]: 'ABC123', ...fields });

  test('a note we wrote reads back open, with its title and due day; ticked done (as TaskNotes does) it reads done', () => {
    const note = renderTaskNote(aFollowUp({ id: 'ABCDEF0123456789', title: 'Thank Ana', dueByNote: '2026-03-12' }), SETTINGS);
    const fm = frontmatterOf(note.content);
    expect(readTaskNote(fm, 'Thank Ana (abcdef01)')).toEqual({ id: 'abcdef0123456789', title: 'Thank Ana', done: false, due: '2026-03-12' });
    setTaskDone(fm, true, '2026-03-12', '2026-03-12T08:00:00Z');
    expect(readTaskNote(fm, 'Thank Ana (abcdef01)')?.done).toBe(true);
    setTaskDone(fm, false, '2026-03-13', '2026-03-13T08:00:00Z');
    expect(readTaskNote(fm, 'Thank Ana (abcdef01)')?.done).toBe(false);
  });

  test.each(['done', 'Done', ' COMPLETED ', 'complete', 'cancelled', 'canceled', 'closed'])('status %j is done', (status) => {
    expect(readTaskNote(ours({ status }), 'x')?.done).toBe(true);
  });

  test.each(['open', 'in-progress', 'none', '', 'not done', 'todo'])('status %j is still to do', (status) => {
    expect(readTaskNote(ours({ status }), 'x')?.done).toBe(false);
  });

  test('a completedDate means done whatever the status says (TaskNotes writes it exactly when a task is done)', () => {
    expect(readTaskNote(ours({ status: 'open', completedDate: '2026-03-10' }), 'x')?.done).toBe(true);
    expect(readTaskNote(ours({ status: 42 }), 'x')?.done).toBe(false);
  });

  test("without a title of its own, the note is named by its file, as TaskNotes names it", () => {
    expect(readTaskNote(ours({}), 'Ask for feedback (1a2b)')?.title).toBe('Ask for feedback (1a2b)');
    expect(readTaskNote(ours({ title: '   ' }), 'Ask for feedback (1a2b)')?.title).toBe('Ask for feedback (1a2b)');
    expect(readTaskNote(ours({ title: 7 }), 'Ask for feedback (1a2b)')?.title).toBe('Ask for feedback (1a2b)');
  });

  test('its due day is a calendar day in every time zone; a due that is no date is no due day', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = tz;
        // YAML gives a bare date as a Date at midnight UTC.
        expect(readTaskNote(ours({ due: new Date('2026-03-12T00:00:00Z') }), 'x')?.due).toBe('2026-03-12');
        expect(readTaskNote(ours({ due: '2026-03-12' }), 'x')?.due).toBe('2026-03-12');
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(readTaskNote(ours({ due: 'soon' }), 'x')).not.toHaveProperty('due');
    expect(readTaskNote(ours({}), 'x')).not.toHaveProperty('due');
  });

  test.each([undefined, null, [], {}, { title: 'A task of another plugin', status: 'open', due: '2026-03-01' }])('not ours without a follow-up id: %j', (fm) => {
    expect(readTaskNote(fm, 'x')).toBeUndefined();
  });
});

/** The engine's report for a note at a given moment (checked), as every host plans from it. */
function reportAt(moment: Moment, build: (b: ReturnType<typeof anApplication>) => ReturnType<typeof anApplication>, connectNow: boolean): AdviceReport {
  const report = advise(build(anApplication()).build(), '2026-03-09');
  expect(report.moment).toBe(moment);
  expect(report.verdict.connectNow).toBe(connectNow);
  return report;
}

const GOLDEN: { name: string; report: AdviceReport; kind: FollowUp['kind'] }[] = [
  { name: 'connection-request', kind: 'connection-request', report: reportAt('just-applied', (b) => b.hiringManager('Ana Silva').applied('2026-03-08'), true) },
  { name: 'find-hiring-manager', kind: 'connection-request', report: reportAt('just-applied', (b) => b.applied('2026-03-08'), true) },
  { name: 'intro-call', kind: 'intro-call', report: reportAt('not-applied', (b) => b.stage('wishlist').hiringManager('Ana Silva').connected(), false) },
  {
    name: 'research-interviewers',
    kind: 'research-interviewers',
    report: reportAt('interview-ahead', (b) => b.stage('interviewing').hiringManager('Ana Silva').interview('2026-03-12', 'Ana Silva', 'Ben Ito'), false),
  },
  {
    name: 'view-profile',
    kind: 'view-profile',
    report: reportAt('interview-ahead', (b) => b.stage('interviewing').hiringManager('Cy Oh').interview('2026-03-12', 'Ben Ito'), false),
  },
  {
    name: 'thank-you-letter',
    kind: 'thank-you-letter',
    report: reportAt('just-interviewed', (b) => b.stage('interviewing').interview('2026-03-08', 'Ana Silva', 'Ben Ito'), false),
  },
  { name: 'ask-feedback', kind: 'ask-feedback', report: reportAt('rejected', (b) => b.stage('rejected').hiringManager('Ana Silva').decision('2026-03-09'), true) },
  {
    name: 'connect-after-hire',
    kind: 'connect-after-hire',
    report: reportAt('hired', (b) => b.stage('accepted').hiringManager('Ana Silva').decision('2026-03-09'), true),
  },
  {
    name: 'check-in',
    kind: 'check-in',
    report: reportAt('waiting', (b) => b.recruiter('Rita Moreno').applied('2026-02-20').followUp('2026-03-11').connected(), false),
  },
];

describe('golden task notes, one per kind', () => {
  test.each(GOLDEN)('$name', async ({ name, report, kind }) => {
    const followUp = planFollowUps(report, SETTINGS).find((f) => f.kind === kind);
    expect(followUp, `a ${kind} follow-up`).toBeDefined();
    const note = renderTaskNote(followUp!, SETTINGS);
    await expect(`<!-- ${note.path} -->\n${note.content}`).toMatchFileSnapshot(`./__golden__/task-${name}.md`);
  });
});

test('integration: every follow-up the engine plans renders to a note TaskNotes fields can read back', () => {
  const app = anApplication().stage('interviewing').hiringManager('Ana Silva').applied('2026-02-20').interview('2026-03-12', 'Ana Silva', 'Ben Ito').build();
  const followUps = planFollowUps(advise(app, '2026-03-09'), SETTINGS);
  expect(followUps.length).toBeGreaterThan(0);
  for (const f of followUps) {
    const fm = frontmatterOf(renderTaskNote(f, SETTINGS).content);
    expect(fm).toMatchObject({ title: f.title, due: f.due, priority: f.priority, [TASK_ID_FIELD]: f.id });
  }
});
