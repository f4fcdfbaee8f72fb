// The pane's list of applications waiting too long reads each note's stage and dates only
// (src/core/waiting.ts). Whatever a note holds, in any field names, stage words, date styles,
// inline fields, scope or date order the core reads, its answer must be the full read's: the same
// notes waiting, for the same number of days.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/core/dates';
import { FIELD_ALIASES } from '../../src/core/fields';
import type { CoreSettings, DateOrderSetting, Stage } from '../../src/core/model';
import { momentOf } from '../../src/core/moment';
import { applicationOn, type NoteInput } from '../../src/core/pipeline';
import { defaultSettings } from '../../src/core/settings';
import { stageWords } from '../../src/core/stages';
import { waitingReader } from '../../src/core/waiting';
import { runs } from '../stress';

/** What the list showed before: the note read in full (people too), its moment, the days since its latest day. */
function byFullRead(note: NoteInput, settings: CoreSettings, today: string): number | undefined {
  const read = applicationOn(note, settings);
  if (read.kind !== 'application') return undefined;
  const a = read.application;
  const { moment } = momentOf(a, today);
  if (moment !== 'waiting' && moment !== 'ghosted') return undefined;
  const last = [a.applied, ...a.interviews.map((i) => i.date)].filter((d): d is string => d !== undefined && d <= today).sort().pop();
  return last ? daysBetween(last, today) : 0;
}

const spelled = (names: readonly string[]): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...names), fc.constantFrom('same', 'upper', 'dashed', 'spaced')).map(([name, how]) =>
    how === 'upper' ? name.toUpperCase() : how === 'dashed' ? name.replace(/[_ ]/g, '-') : how === 'spaced' ? name.replace(/[-_]/g, ' ') : name);

const day = fc.integer({ min: 0, max: 150 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)));
const iso = day.map((d) => d.toISOString().slice(0, 10));
const date = fc.oneof(
  iso,
  iso.map((d) => `${d}T10:30`),
  iso.map((d) => ` ${d} `),
  day,
  day.map((d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`),
  day.map((d) => `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`),
  day.map((d) => `${d.getUTCDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'][d.getUTCMonth()] ?? 'Jul'} ${d.getUTCFullYear()}`),
  day.map((d) => `${['January', 'February', 'March', 'April', 'May', 'June'][d.getUTCMonth()] ?? 'July'} ${d.getUTCDate()}, ${d.getUTCFullYear()}`),
  iso.map((d) => [d]),
  iso.map((d) => [[d]]),
  fc.constantFrom('03/04/2026', '04/03/2026', '2026/03/04', '2026-02-30', '13/13/2026', '3/4/26', 'soon', '', null, 42, true, [], ['2026-03-01', '2026-03-02'], new Date(Number.NaN)),
);
const stageWord = fc.oneof(
  fc.constantFrom(...stageWords()),
  fc.constantFrom('[[Applied]]', '[[Stages/Interviewing|In interviews]]', '#applied', '#job/ghosted', 'Recruiter_Screen', 'APPLIED', 'Applied!'),
  fc.constantFrom(...stageWords()).map((w) => [[w]]),
  fc.constantFrom('nonsense', 'open', '', null, 3, ['Applied', 'Offer'], [], 'Pipeline'),
);
const round = fc.oneof(
  date,
  fc.record({
    [0]: fc.constantFrom('date', 'Date', 'day', 'when', 'on', 'datum'),
    date,
    name: fc.constantFrom('Screen', 'Panel', ''),
    interviewers: fc.constantFrom(['[[Ana Silva]]'], 'Ben Ito', []),
    time: fc.constantFrom('10:00', undefined),
  }).map(({ [0]: key, date: d, ...rest }) => ({ [key]: d, ...rest })),
  fc.constant({ name: 'Final' }),
  // Two date keys in one round: the earlier name wins, a blank one loses.
  fc.tuple(fc.constantFrom('when', 'Day', 'ON', 'date'), fc.constantFrom('date', 'day', 'Date'), date, fc.oneof(date, fc.constantFrom('', null))).map(([a, b, x, y]) => ({ [a]: x, [b]: y })),
);
const interviews = fc.oneof(date, fc.array(round, { maxLength: 5 }));

const field = fc.oneof(
  fc.tuple(spelled(FIELD_ALIASES.stage), stageWord),
  fc.tuple(spelled(FIELD_ALIASES.applied), date),
  fc.tuple(spelled(FIELD_ALIASES.decision), date),
  fc.tuple(spelled(FIELD_ALIASES.followUp), date),
  fc.tuple(spelled(FIELD_ALIASES.interview), interviews),
  fc.tuple(fc.constantFrom('Phase', 'Sent on', 'company', 'tags', 'type', 'hiring_manager', 'contacts', 'title'), fc.oneof(stageWord, date, fc.constantFrom('job-application', ['job-application'], 'Acme'))),
  fc.tuple(fc.constantFrom('job-hunt-advisor-id'), fc.constantFrom('a1b2', '', 7)),
  fc.tuple(fc.string({ maxLength: 6 }), fc.anything({ withDate: true, maxDepth: 2 })),
);
const frontmatter = fc.oneof(
  { weight: 8, arbitrary: fc.array(field, { maxLength: 9 }).map((pairs) => Object.fromEntries(pairs) as Record<string, unknown>) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, [], 'text', new Date(0)) },
);
const inlineLine = fc.oneof(
  fc.tuple(fc.constantFrom('Stage', 'status', 'Phase'), fc.constantFrom('Applied', 'Ghosted', 'Offer', 'nonsense')).map(([k, v]) => `${k}:: ${v}`),
  fc.tuple(fc.constantFrom('applied', 'Date applied', 'interview', 'decision'), iso).map(([k, v]) => `- [${k}:: ${v}] noted`),
  fc.constantFrom('Just prose.', '```\nstage:: Offer\n```', '(interviewer:: Ana)', '- [ ] task [applied:: 2026-01-02]'),
);
const body = fc.option(fc.array(inlineLine, { maxLength: 4 }).map((lines) => lines.join('\n')), { nil: undefined });
const path = fc.constantFrom('Applications/Acme.md', 'Job hunt tasks/Follow up.md', 'Elsewhere/Note.md', 'Applications/2026/Tern.md', 'Tasks/x.md', 'Job hunt advice/Ana Expert.md');

const settingsArb = fc.record({
  dateOrder: fc.constantFrom<DateOrderSetting>('auto', 'auto', 'MDY', 'DMY', 'YMD'),
  fieldMap: fc.constantFrom({}, {}, { stage: 'Phase' }, { applied: 'Sent on' }, { stage: ' ' }),
  stageAliases: fc.constantFrom<Record<string, Stage>>({}, { Pipeline: 'applied', open: 'ghosted', Applied: 'offer' }),
  applicationScope: fc.constantFrom('any-note-with-stage', 'folder', 'tag'),
  applicationsFolder: fc.constantFrom('Applications', '', './Applications/'),
  tasksFolder: fc.constantFrom('Job hunt tasks', 'Tasks', ''),
  packsFolder: fc.constantFrom('Job hunt advice', '', 'Applications/2026'),
}).map((own) => ({ ...defaultSettings(), ...own }));

const noteArb = fc.record({ path, frontmatter, body, tags: fc.option(fc.constantFrom(['job-application'], ['idea'], []), { nil: undefined }) });

describe('waiting days read from the stage and dates only', () => {
  it('are those of the full read, for every kind of note, scope, date order and vault', () => {
    fc.assert(
      fc.property(settingsArb, fc.constantFrom('2026-03-09', '2026-01-15', '2026-05-30'), fc.array(noteArb, { minLength: 1, maxLength: 12 }), (settings, today, notes) => {
        // The vault's other notes teach the day/month order of an ambiguous date.
        const vault = notes.map((n) => n.frontmatter);
        const inputs: NoteInput[] = notes.map(({ tags, body: text, ...n }) => ({
          ...n,
          ...(text !== undefined ? { body: text } : {}),
          ...(tags !== undefined ? { tags } : {}),
          vaultNotes: () => vault,
        }));
        // One reader for the pass, as the pane uses it: its memory of words and dates must not leak between notes.
        const reader = waitingReader(settings, today);
        for (const note of inputs) expect(reader(note)).toBe(byFullRead(note, settings, today));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('count from the latest applied or interview day up to today, and leave out what is not waiting', () => {
    const settings = defaultSettings();
    const read = (frontmatter: Record<string, unknown>, today = '2026-03-09'): number | undefined => waitingReader(settings, today)({ path: 'A.md', frontmatter });
    expect(read({ stage: 'Applied', applied: '2026-02-01' })).toBe(36);
    expect(read({ stage: 'applied', date_applied: '2026-01-10', interviews: [{ date: '2026-02-20' }, '2026-01-30'] })).toBe(17);
    expect(read({ 'App-Stage': 'Ghosted', applied: '2026-03-08' })).toBe(1);
    expect(read({ status: 'Applied' })).toBe(0);
    expect(read({ stage: 'Applied', applied: '2026-03-05' })).toBeUndefined();
    expect(read({ stage: 'Interviewing', interviews: ['2026-03-20'] })).toBeUndefined();
    expect(read({ stage: 'Offer', applied: '2026-01-01' })).toBeUndefined();
    expect(read({ stage: 'nonsense', applied: '2026-01-01' })).toBeUndefined();
    expect(read({ stage: 'Applied', applied: '2026-01-01', 'job-hunt-advisor-id': 'abc' })).toBeUndefined();
  });

  it('read a day/month date in the order the vault shows', () => {
    const settings = defaultSettings();
    const reader = waitingReader(settings, '2026-05-30');
    const note = (vault: unknown[]): NoteInput => ({ path: 'A.md', frontmatter: { stage: 'Applied', applied: '03/04/2026' }, vaultNotes: () => vault });
    expect(reader(note([{ applied: '14/11/2025' }]))).toBe(57); // 3 April
    expect(reader(note([{ applied: '11/14/2025' }]))).toBe(87); // 4 March
    expect(reader(note([]))).toBe(0); // unreadable without an order: no applied day
  });
});
