// The section "Across your applications", as every host shows it: which task notes are due, which
// applications wait too long, in which order, how many. Dates are calendar days: the same lists in
// every time zone, today being whatever day the host says it is.
import fc from 'fast-check';
import process from 'node:process';
import { afterEach, describe, expect, it } from 'vitest';
import { ACROSS_LIST_LENGTH, acrossLists, byDue, byWait, firstOf, leavesListAsIs } from '../../src/core/across';
import type { Application, CalendarDate } from '../../src/core/model';
import type { TaskNoteAt } from '../../src/core/across';
import { addDays } from '../../src/core/dates';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { readTaskNote, TASK_ID_FIELD } from '../../src/core/task-note';
import { anApplication } from './builders';
import { runs } from '../stress';

const TODAY = '2026-03-11';
const ZONES = ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC'];
const zone = process.env.TZ;

afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

/** A task note as a host reads it from its frontmatter (a bare YAML date comes as a Date at midnight UTC). */
function taskNote(path: string, fields: Record<string, unknown>): TaskNoteAt {
  const name = path.replace(/^.*\//, '').replace(/\.md$/, '');
  const task = readTaskNote({ [TASK_ID_FIELD]: path, status: 'open', ...fields }, name);
  if (!task) throw new Error('not a task note');
  return { ...task, path };
}

const yamlDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** The section's two lists, as a host asks for them with all it read. */
const dueTaskNotes = (tasks: TaskNoteAt[], today: CalendarDate) => acrossLists(tasks, [], today, DEFAULT_SETTINGS).due;
const waitingApplications = (apps: Application[], today: CalendarDate, settings: { waitingTooLongDays: number }) => acrossLists([], apps, today, settings).waiting;

describe('due today or overdue', () => {
  it('lists open task notes due today or before, not tomorrow, in every time zone', () => {
    for (const tz of ZONES) {
      process.env.TZ = tz;
      const tasks = [
        taskNote('Tasks/Today.md', { title: 'Thank Ana', due: yamlDate(TODAY) }),
        taskNote('Tasks/Yesterday.md', { title: 'Research Acme', due: '2026-03-10' }),
        taskNote('Tasks/Tomorrow.md', { title: 'Ask for feedback', due: yamlDate('2026-03-12') }),
        taskNote('Tasks/Undated.md', { title: 'Connect with Dana' }),
      ];
      expect(dueTaskNotes(tasks, TODAY).map((t) => t.title), tz).toEqual(['Research Acme', 'Thank Ana']);
      // The next day, tomorrow's task is due too.
      expect(dueTaskNotes(tasks, '2026-03-12').map((t) => t.title), tz).toEqual(['Research Acme', 'Thank Ana', 'Ask for feedback']);
    }
  });

  it('leaves out task notes done, completed or given up (cancelled)', () => {
    const tasks = [
      taskNote('Tasks/Done.md', { title: 'Done one', status: 'done', due: '2026-03-01' }),
      taskNote('Tasks/Completed.md', { title: 'Ticked elsewhere', completedDate: '2026-03-02', due: '2026-03-01' }),
      taskNote('Tasks/Cancelled.md', { title: 'Dropped', status: 'Cancelled', due: '2026-03-01' }),
      taskNote('Tasks/Open.md', { title: 'Still to do', status: 'in-progress', due: '2026-03-01' }),
    ];
    expect(dueTaskNotes(tasks, TODAY).map((t) => t.title)).toEqual(['Still to do']);
  });

  it('orders the earliest day first, then by title, then by path, whatever order the notes were read in', () => {
    const tasks = [
      taskNote('B/Thank.md', { title: 'Thank Ana', due: '2026-03-09' }),
      taskNote('A/Thank.md', { title: 'Thank Ana', due: '2026-03-09' }),
      taskNote('Tasks/Ask.md', { title: 'Ask for feedback', due: '2026-03-09' }),
      taskNote('Tasks/Old.md', { title: 'Zeta follow-up', due: '2026-02-01' }),
    ];
    const expected = ['Tasks/Old.md', 'Tasks/Ask.md', 'A/Thank.md', 'B/Thank.md'];
    expect(dueTaskNotes(tasks, TODAY).map((t) => t.path)).toEqual(expected);
    expect(dueTaskNotes([...tasks].reverse(), TODAY).map((t) => t.path)).toEqual(expected);
  });

  it(`shows the ${ACROSS_LIST_LENGTH} earliest of many`, () => {
    const tasks = Array.from({ length: ACROSS_LIST_LENGTH + 12 }, (_, i) => taskNote(`Tasks/T${String(i).padStart(2, '0')}.md`, { title: 'Follow up', due: addDays(TODAY, -i) }));
    const shown = dueTaskNotes(tasks, TODAY);
    expect(shown).toHaveLength(ACROSS_LIST_LENGTH);
    expect(shown[0]?.due).toBe(addDays(TODAY, -(ACROSS_LIST_LENGTH + 11)));
    expect(shown.at(-1)?.due).toBe(addDays(TODAY, -12));
  });
});

describe('waiting too long', () => {
  const settings = { ...DEFAULT_SETTINGS, waitingTooLongDays: 14 };
  const applied = (path: string, day: string) => anApplication().at(path).stage('applied').applied(day).build();

  it('lists an application from the day its wait reaches the setting, with the line saying how long', () => {
    const apps = [applied('Jobs/Acme.md', addDays(TODAY, -14)), applied('Jobs/Birch.md', addDays(TODAY, -13))];
    const shown = waitingApplications(apps, TODAY, settings);
    expect(shown.map((w) => w.noteName)).toEqual(['Acme']);
    expect(shown[0]?.summary).toMatch(/^You applied 2 weeks ago \(2026-02-25\)/);
    expect(waitingApplications(apps, TODAY, { waitingTooLongDays: 13 }).map((w) => w.noteName)).toEqual(['Acme', 'Birch']);
    // A day later (the host's today), Birch has waited long enough too.
    expect(waitingApplications(apps, addDays(TODAY, 1), settings).map((w) => w.noteName)).toEqual(['Acme', 'Birch']);
  });

  it('leaves out applications with an interview coming, an answer, or an offer', () => {
    const apps = [
      anApplication().at('Jobs/Interview.md').stage('interviewing').applied('2026-01-01').interview('2026-03-20').build(),
      anApplication().at('Jobs/Rejected.md').stage('rejected').applied('2026-01-01').decision('2026-02-01').build(),
      anApplication().at('Jobs/Offer.md').stage('offer').applied('2026-01-01').build(),
      anApplication().at('Jobs/Ghosted.md').stage('ghosted').applied('2026-01-01').build(),
    ];
    expect(waitingApplications(apps, TODAY, settings).map((w) => w.noteName)).toEqual(['Ghosted']);
  });

  it('orders the longest wait first, ties by path, and shows at most the list length', () => {
    const apps = Array.from({ length: ACROSS_LIST_LENGTH + 5 }, (_, i) => applied(`Jobs/${String.fromCharCode(90 - (i % 26))}${i}.md`, addDays(TODAY, -20 - Math.floor(i / 2))));
    const shown = waitingApplications([...apps].reverse(), TODAY, settings);
    expect(shown).toHaveLength(ACROSS_LIST_LENGTH);
    const sorted = apps.map((a) => ({ path: a.path, days: 20 + Math.floor(apps.indexOf(a) / 2) })).sort(byWait).slice(0, ACROSS_LIST_LENGTH);
    expect(shown.map((w) => w.path)).toEqual(sorted.map((w) => w.path));
    // Equal waits: by path.
    const tie = waitingApplications([applied('Jobs/b.md', '2026-02-01'), applied('Jobs/a.md', '2026-02-01')], TODAY, settings);
    expect(tie.map((w) => w.path)).toEqual(['Jobs/a.md', 'Jobs/b.md']);
  });
});

describe('the two lists as the pane draws them', () => {
  it('gives each due task note its day and each waiting application its line', () => {
    const lists = acrossLists(
      [taskNote('Tasks/Thank Ana (ab12).md', { due: '2026-03-10' })],
      [anApplication().at('Jobs/Acme - Analyst.md').stage('applied').applied('2026-02-01').build()],
      TODAY,
      DEFAULT_SETTINGS,
    );
    expect(lists.due).toEqual([{ title: 'Thank Ana (ab12)', path: 'Tasks/Thank Ana (ab12).md', due: '2026-03-10' }]);
    expect(lists.waiting.map(({ noteName, path }) => ({ noteName, path }))).toEqual([{ noteName: 'Acme - Analyst', path: 'Jobs/Acme - Analyst.md' }]);
    expect(lists.waiting[0]?.summary).toMatch(/^You applied .*\(2026-02-01\)/);
  });
});

describe('the first rows without sorting them all', () => {
  it('are the sorted list cut at its length, and a row after a full list leaves it as it is', () => {
    const task = fc.record({ due: fc.integer({ min: 0, max: 40 }), title: fc.constantFrom('A', 'B', 'b', 'Ä'), path: fc.constantFrom('x.md', 'y.md', 'z/x.md') });
    fc.assert(
      fc.property(fc.array(task, { maxLength: 80 }), fc.array(task, { minLength: 1, maxLength: 1 }), (raw, [extra]) => {
        const rows = raw.map((r, i) => ({ id: String(i), done: false, title: r.title, due: addDays('2026-01-01', r.due), path: `${i}/${r.path}` }));
        const first = firstOf(rows, byDue);
        expect(first).toEqual([...rows].sort(byDue).slice(0, ACROSS_LIST_LENGTH));
        const row = { id: 'x', done: false, title: extra!.title, due: addDays('2026-01-01', extra!.due), path: `new/${extra!.path}` };
        if (leavesListAsIs(first, row, byDue)) expect(firstOf([...rows, row], byDue)).toEqual(first);
      }),
      { numRuns: runs(300) },
    );
  });
});
