// The Tasks-plugin line in an application note: TaskNotes must never take that note for a task,
// and the line and its task note are found from each other and ticked together.
import { executeConformanceOperation } from '@tasknotes/model';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { renderTasksLine } from '../../src/core/task-note';
import { readTasksLines, reconcileDone, setTasksLineDone, tasksLineId } from '../../src/core/tasks-line';
import { aFollowUp } from './report-builders';

const APPLICATION = '---\nstage: Interviewing\ncompany: Orchid Labs\ntags: [job-application]\n---\n\nMy notes.\n';
const letter = aFollowUp({ id: '8c1dfbf1c86d5828', title: 'Send a thank-you letter to Ana Silva', due: '2026-03-10' });
const connect = aFollowUp({ id: '0123456789abcdef', title: 'Connect with Ana Silva #task on LinkedIn', due: '2026-03-09' });
const withLines = `${APPLICATION}${renderTasksLine(letter, DEFAULT_SETTINGS)}\n${renderTasksLine(connect, DEFAULT_SETTINGS)}\n`;

/** TaskNotes' own task detection (its default: the `task` tag, in the frontmatter or the body). */
function isTaskForTaskNotes(body: string, frontmatter: Record<string, unknown>): boolean {
  const r = executeConformanceOperation('config.detect_task_file', { frontmatter, body, filePath: 'Applications/Orchid.md' });
  return (r as { result?: { value?: boolean } }).result?.value === true;
}

describe('the application note with its Tasks lines', () => {
  test('is not a task for TaskNotes (the old `#task` line made it one)', () => {
    const fm = { stage: 'Interviewing', tags: ['job-application'] };
    expect(isTaskForTaskNotes(withLines, fm)).toBe(false);
    // The check can fail: TaskNotes does see a body #task.
    expect(isTaskForTaskNotes(`${withLines}- [ ] Send it #task 📅 2026-03-10\n`, fm)).toBe(true);
  });

  test('each line names its task note by id, and reads back open', () => {
    expect(readTasksLines(withLines)).toEqual([
      { id: '8c1dfbf1c86d5828', done: false },
      { id: '0123456789abcdef', done: false },
    ]);
  });

  test('ticking one line ticks only that one, with the done date Tasks writes, and keeps every other byte', () => {
    const crlf = withLines.replace(/\n/g, '\r\n');
    const ticked = setTasksLineDone(crlf, letter.id, true, '2026-03-11');
    expect(readTasksLines(ticked)).toEqual([
      { id: '8c1dfbf1c86d5828', done: true },
      { id: '0123456789abcdef', done: false },
    ]);
    expect(ticked).toContain('- [x] Send a thank-you letter to Ana Silva [[Job hunt tasks/');
    expect(ticked).toMatch(/📅 2026-03-10 ✅ 2026-03-11 🆔 jha-8c1dfbf1c86d5828\r\n/u);
    expect(ticked.split('\r\n').filter((l) => !l.includes('jha-8c1d'))).toEqual(crlf.split('\r\n').filter((l) => !l.includes('jha-8c1d')));
    // Opened again: back to the very bytes it had.
    expect(setTasksLineDone(ticked, letter.id, false, '2026-03-12')).toBe(crlf);
  });

  test('a line the person ticked by hand reads as done; other Tasks statuses are left alone', () => {
    const text = withLines.replace('- [ ] Send', '- [X] Send').replace('- [ ] Connect', '- [-] Connect');
    expect(readTasksLines(text).map((l) => l.done)).toEqual([true, undefined]);
    expect(setTasksLineDone(text, connect.id, true, '2026-03-11')).toBe(text);
  });

  test('lines quoted in a code block are not ours to read or tick', () => {
    const quoted = `${APPLICATION}\`\`\`\n${renderTasksLine(letter, DEFAULT_SETTINGS)}\n\`\`\`\n`;
    expect(readTasksLines(quoted)).toEqual([]);
    expect(setTasksLineDone(quoted, letter.id, true, '2026-03-11')).toBe(quoted);
  });

  test('the Tasks id only holds what Tasks allows', () => {
    expect(tasksLineId('AB:cd/12')).toBe('jha-abcd12');
  });
});

describe('keeping a line and its task note in step', () => {
  test.each([
    // line, note, last agreed -> both become
    [true, false, false, true], // the line was ticked
    [false, true, false, true], // the task note was completed
    [false, true, true, false], // the line was unticked
    [true, false, true, false], // the task note was reopened
    [true, false, undefined, true], // unknown which: done wins
    [false, true, undefined, true],
    [true, true, false, true],
    [false, false, true, false],
  ] as const)('line %s, note %s, last %s: %s', (line, note, last, both) => {
    expect(reconcileDone(line, note, last)).toBe(both);
  });
});
