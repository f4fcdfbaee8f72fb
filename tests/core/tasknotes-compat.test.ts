// TaskNotes publishes its model as @tasknotes/model: reading our task notes with it proves the
// plugin sees each field exactly as we mean it, not just that our YAML parses.
import { DEFAULT_FIELD_MAPPING, mapTaskFromFrontmatter, parseLinkToPath, parseTaskDocument, validateTask } from '@tasknotes/model';
import { describe, expect, test } from 'vitest';
import { advise } from '../../src/core/advice';
import { planFollowUps } from '../../src/core/followups';
import { DEFAULT_CORE_SETTINGS } from '../../src/core/model';
import type { FollowUp } from '../../src/core/model';
import { TASK_ID_FIELD, readTaskNoteId, renderTaskNote } from '../../src/core/task-note';
import { anApplication } from './builders';
import { aFollowUp } from './report-builders';

const SETTINGS = { ...DEFAULT_CORE_SETTINGS, yourName: 'Sam Lee' };

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
      contexts: ['@letter'],
      projects: ['[[Orchid Labs - Analyst]]'],
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
    expect(doc.task.projects?.map(parseLinkToPath)).toEqual(['Orchid Labs - Analyst']);
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
      expect(task).toMatchObject({ title: f.title, status: 'open', priority: f.priority, due: f.due, tags: ['task'] });
      expect(task.scheduled).toBe(f.scheduled);
      expect(validateTask(task).valid).toBe(true);
    }
  });
});
