// TaskNotes publishes its model as @tasknotes/model: reading our task notes with it proves the
// plugin sees each field exactly as we mean it, not just that our YAML parses.
import process from 'node:process';
import { DEFAULT_FIELD_MAPPING, executeConformanceOperation, mapTaskFromFrontmatter, parseLinkToPath, parseTaskDocument, validateTask } from '@tasknotes/model';
import { describe, expect, test } from 'vitest';
import { advise } from '../../src/core/advice';
import { planFollowUps } from '../../src/core/followups';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { FollowUp } from '../../src/core/model';
import { editFrontmatter } from '../../src/core/frontmatter-edit';
import { taskDoneChange } from '../../src/core/task-done';
import { TASK_ID_FIELD, readTaskNoteId, renderTaskNote, setTaskDone } from '../../src/core/task-note';
import { anApplication } from './builders';
import { specProblems } from './tasknotes-spec';
import { aFollowUp } from './report-builders';

const SETTINGS = { ...DEFAULT_SETTINGS, yourName: 'Sam Lee' };

function readByTaskNotes(f: FollowUp) {
  const note = renderTaskNote(f, SETTINGS);
  return { note, doc: parseTaskDocument(note.content, { path: note.path }) };
}

describe('TaskNotes reads our task notes as we mean them', () => {
  test('title, status, priority, due, scheduled, contexts, projects and tags', () => {
    const { doc } = readByTaskNotes(
      aFollowUp({
        title: 'Send a thank-you letter to Ana Silva and Ben Ito',
        due: '2026-03-13',
        scheduled: '2026-03-12',
        priority: 'high',
        context: '@letter',
      }),
    );
    expect(doc.task).toMatchObject({
      title: 'Send a thank-you letter to Ana Silva and Ben Ito',
      status: 'open',
      priority: 'high',
      due: '2026-03-13',
      scheduled: '2026-03-12',
      contexts: ['letter'],
      projects: ['[[Applications/Orchid Labs - Analyst|Orchid Labs - Analyst]]'],
      dateCreated: '2026-03-12T00:00:00Z',
      dateModified: '2026-03-12T00:00:00Z',
      archived: false,
    });
    expect(doc.task.tags).toEqual(['task']);
    expect(validateTask(doc.task).issues).toEqual([]);
  });

  test('every priority we write is one TaskNotes knows', () => {
    for (const priority of ['low', 'normal', 'high'] as const) {
      expect(readByTaskNotes(aFollowUp({ priority })).doc.task.priority).toBe(priority);
    }
  });

  test('the project link resolves to the application note', () => {
    const { doc } = readByTaskNotes(aFollowUp());
    expect(doc.task.projects?.map(parseLinkToPath)).toEqual(['Applications/Orchid Labs - Analyst']);
  });

  test('our id survives TaskNotes reading, so a renamed task note is still ours', () => {
    const { doc } = readByTaskNotes(aFollowUp({ id: '0123456789abcdef' }));
    expect(doc.frontmatter[TASK_ID_FIELD]).toBe('0123456789abcdef');
    expect(readTaskNoteId(doc.frontmatter)).toBe('0123456789abcdef');
  });

  test.each([
    'Connect with Ana "The Boss" Silva: Head of #Data',
    'Send a thank-you letter to مريم العلي and Zoë 👩‍💻 Ståhl',
    "Write to O'Brien \\ back-slash {flow} [brackets] & *stars*",
    '--- not: frontmatter ---',
  ])('a hostile title reads back exactly: %j', (title) => {
    const { doc } = readByTaskNotes(aFollowUp({ title }));
    expect(doc.task.title).toBe(title);
    expect(doc.task.status).toBe('open');
  });

  test('mapTaskFromFrontmatter agrees on every follow-up the engine plans, at every moment', () => {
    const apps = [
      anApplication().hiringManager('Ana Silva').applied('2026-03-08').build(),
      anApplication().stage('interviewing').hiringManager('Cy Oh').interview('2026-03-12', 'Ana Silva', 'Ben Ito').build(),
      anApplication().stage('interviewing').interview('2026-03-05', 'Ana Silva').build(),
      anApplication().stage('rejected').hiringManager('Ana Silva').decision('2026-03-06').build(),
      anApplication().stage('accepted').hiringManager('Ana Silva').build(),
      anApplication().stage('ghosted').applied('2026-01-10').build(),
    ];
    const followUps = apps.flatMap((app) => planFollowUps(advise(app, '2026-03-09'), SETTINGS));
    expect(new Set(followUps.map((f) => f.kind)).size).toBeGreaterThanOrEqual(6);
    for (const f of followUps) {
      const { note, doc } = readByTaskNotes(f);
      const task = mapTaskFromFrontmatter(DEFAULT_FIELD_MAPPING, doc.frontmatter, note.path);
      expect(task).toMatchObject({ title: f.title, status: 'open', priority: f.priority, tags: ['task'] });
      // The note's own day, even once passed; none when no date of the note sets one.
      expect(task.due).toBe(f.dueByNote);
      expect(task.scheduled).toBe(f.scheduled);
      expect(validateTask(task).valid).toBe(true);
      expect(specProblems(doc.frontmatter), f.title).toEqual([]);
    }
  });
});

describe("TaskNotes' spec, beyond its model package (tasknotes.dev/spec 2.2, 3.3, 6.4, 11.2)", () => {
  const engineFollowUps = (): FollowUp[] =>
    [
      anApplication().hiringManager('Ana Silva').applied('2026-03-08').build(),
      anApplication().stage('interviewing').hiringManager('Cy Oh').interview('2026-03-12', 'Ana Silva', 'Ben Ito').build(),
      anApplication().stage('rejected').hiringManager('Ana Silva').decision('2026-03-06').build(),
    ].flatMap((app) => planFollowUps(advise(app, '2026-03-09'), SETTINGS));

  test('every task note carries dateCreated and dateModified as canonical UTC date-times, contexts as plain words', () => {
    for (const f of engineFollowUps()) {
      const { doc } = readByTaskNotes(f);
      expect(specProblems(doc.frontmatter), f.title).toEqual([]);
      expect(doc.task.dateCreated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      for (const c of doc.task.contexts ?? []) expect(c).not.toMatch(/^@/);
    }
  });

  test('the spec check itself catches what the model package lets through', () => {
    const { doc } = readByTaskNotes(aFollowUp());
    const { dateCreated: _c, dateModified: _m, ...without } = doc.frontmatter;
    expect(validateTask(mapTaskFromFrontmatter(DEFAULT_FIELD_MAPPING, without, 'x.md')).valid).toBe(true);
    expect(specProblems(without)).toEqual(['dateCreated missing', 'dateModified missing']);
    expect(specProblems({ ...doc.frontmatter, status: 'done' })).toEqual(['completedDate missing']);
    expect(specProblems({ ...doc.frontmatter, contexts: ['@linkedin'] })).toEqual(['contexts not plain']);
  });

  test('the created date is the day the follow-up is planned for, the same bytes in every time zone and at any hour', () => {
    const zone = process.env.TZ;
    const contents = new Set<string>();
    try {
      for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Pago_Pago']) {
        process.env.TZ = tz;
        for (const f of engineFollowUps()) contents.add(`${f.id}\n${renderTaskNote(f, SETTINGS).content}`);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(contents.size).toBe(engineFollowUps().length);
    const letter = aFollowUp({ scheduled: '2026-03-12', due: '2026-03-13' });
    expect(readByTaskNotes(letter).doc.task.dateCreated).toBe('2026-03-12T00:00:00Z');
  });

  test('two applications with the same name in different folders: each task note links to its own', () => {
    const paths = ['Jobs/2025/Initech - Backend Developer.md', 'Jobs/2026/Initech - Backend Developer.md'];
    const links = paths.map((applicationPath) => {
      const { doc } = readByTaskNotes(aFollowUp({ applicationPath, applicationName: 'Initech - Backend Developer' }));
      return doc.task.projects?.map(parseLinkToPath)[0];
    });
    expect(links).toEqual(['Jobs/2025/Initech - Backend Developer', 'Jobs/2026/Initech - Backend Developer']);
  });

  test('a note at the vault root keeps the plain name link, which is its path', () => {
    const { doc } = readByTaskNotes(aFollowUp({ applicationPath: 'Initech.md', applicationName: 'Initech' }));
    expect(doc.task.projects).toEqual(['[[Initech]]']);
  });

  test('marking a task note done, then open again, writes what TaskNotes writes and stays valid', () => {
    const fm: Record<string, unknown> = { ...readByTaskNotes(aFollowUp({ due: '2026-03-10' })).doc.frontmatter };
    setTaskDone(fm, true, '2026-03-11', '2026-03-11T08:30:12.345Z');
    const byTaskNotes = executeConformanceOperation('op.complete_nonrecurring', { task: { status: 'open' }, date: '2026-03-11' });
    expect(fm).toMatchObject({ status: 'done', completedDate: '2026-03-11', dateModified: '2026-03-11T08:30:12Z' });
    expect(byTaskNotes).toMatchObject({ ok: true, result: { updatedTask: { status: fm.status, completedDate: fm.completedDate } } });
    expect(specProblems(fm)).toEqual([]);
    setTaskDone(fm, false, '2026-03-12', '2026-03-12T09:00:00Z');
    expect(fm).not.toHaveProperty('completedDate');
    expect(fm.status).toBe('open');
    expect(specProblems(fm)).toEqual([]);
  });

  test('done before the planned day: dateModified is not put before dateCreated', () => {
    const fm: Record<string, unknown> = { ...readByTaskNotes(aFollowUp({ due: '2026-03-20' })).doc.frontmatter };
    setTaskDone(fm, true, '2026-03-11', '2026-03-11T08:30:00Z');
    expect(fm.dateModified).toBe('2026-03-20T00:00:00Z');
    expect(specProblems(fm)).toEqual([]);
  });

  test('the same change as text edits (VS Code): done, then open again, each the note TaskNotes reads, with the rest kept', () => {
    const note = renderTaskNote(aFollowUp({ due: '2026-03-20' }), SETTINGS).content.replace('priority:', '# mine\npriority:');
    const fmOf = (text: string): Record<string, unknown> => ({ ...parseTaskDocument(text, { path: 'x.md' }).frontmatter });
    const done = taskDoneChange(fmOf(note), true, '2026-03-11', '2026-03-11T08:30:00.120Z');
    const doneText = editFrontmatter(note, done.edits);
    expect(doneText.ok).toBe(true);
    if (!doneText.ok) return;
    expect(fmOf(doneText.text)).toEqual(done.expected);
    // Not before dateCreated (the planned day), as setTaskDone says.
    expect(done.expected).toMatchObject({ status: 'done', completedDate: '2026-03-11', dateModified: '2026-03-20T00:00:00Z' });
    expect(doneText.text).toContain('# mine\n');
    const open = taskDoneChange(fmOf(doneText.text), false, '2026-03-12', '2026-03-21T09:00:00Z');
    expect(open.edits).toContainEqual({ kind: 'remove', key: 'completedDate' });
    const openText = editFrontmatter(doneText.text, open.edits);
    expect(openText.ok && openText.text).toBe(note.replace(/dateModified: .*/, 'dateModified: "2026-03-21T09:00:00Z"'));
    expect(specProblems(fmOf(openText.ok ? openText.text : ''))).toEqual([]);
  });

  test('a removed field takes its continuation lines with it, and removing a missing one changes nothing', () => {
    const text = '---\na: 1\nnotes:\n  - one\n  - two\nb: 2\n---\nBody\n';
    const out = editFrontmatter(text, [{ kind: 'remove', key: 'notes' }]);
    expect(out.ok && out.text).toBe('---\na: 1\nb: 2\n---\nBody\n');
    expect(editFrontmatter(text, [{ kind: 'remove', key: 'missing' }])).toEqual({ ok: true, text });
  });
});
