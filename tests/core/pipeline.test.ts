import { describe, expect, it } from 'vitest';
import { compareFollowUps } from '../../src/core/followups';
import { adviseOn } from '../../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { TASK_ID_FIELD } from '../../src/core/task-note';

const TODAY = '2026-03-09';
const INTERVIEWING = {
  stage: 'Interviewing',
  company: 'Kestrel Health',
  role: 'Product Designer',
  applied: '2026-02-20',
  interviews: [{ date: '2026-03-12', interviewers: ['[[Ana Silva]]', 'Ben Ito'] }, { date: '2026-03-19', interviewers: ['Cy Oh'] }],
  hiring_manager: '[[Ana Silva]]',
};

describe('adviseOn: the one way from a note to its advice', () => {
  it('an application gives its report and its follow-ups, planned in the one order', () => {
    const advised = adviseOn({ path: 'Jobs/Kestrel.md', frontmatter: INTERVIEWING }, TODAY, DEFAULT_SETTINGS);
    if (advised.kind !== 'advice') throw new Error(`not advised: ${advised.kind}`);
    expect(advised.report.application.path).toBe('Jobs/Kestrel.md');
    expect(advised.report.today).toBe(TODAY);
    expect(advised.followUps.length).toBeGreaterThan(2);
    expect([...advised.followUps].sort(compareFollowUps)).toEqual(advised.followUps);
    for (const f of advised.followUps) expect(f.applicationPath).toBe('Jobs/Kestrel.md');
  });

  it('a note without frontmatter, or one of our task notes, is not an application: the path is data, not a prefix', () => {
    const none = adviseOn({ path: 'Ideas.md', frontmatter: undefined, body: '# Ideas\n' }, TODAY, DEFAULT_SETTINGS);
    expect(none).toEqual({ kind: 'not-an-application', reason: { notePath: 'Ideas.md', message: 'no frontmatter, so no stage: not read as an application' } });
    const task = adviseOn({ path: 'Tasks/T.md', frontmatter: { [TASK_ID_FIELD]: '0123456789abcdef', status: 'open' } }, TODAY, DEFAULT_SETTINGS);
    expect(task.kind).toBe('not-an-application');
    const meeting = adviseOn({ path: 'Notes/Meeting.md', frontmatter: { tags: ['meeting'] } }, TODAY, DEFAULT_SETTINGS);
    expect(meeting.kind).toBe('not-an-application');
  });

  it('a broken application is a problem naming the field, with the path beside the message', () => {
    const advised = adviseOn({ path: 'Jobs/Acme.md', frontmatter: { stage: 'Maybe later', company: 'Acme' } }, TODAY, DEFAULT_SETTINGS);
    if (advised.kind !== 'problem') throw new Error(`not a problem: ${advised.kind}`);
    expect(advised.problem).toMatchObject({ notePath: 'Jobs/Acme.md', field: 'stage' });
    expect(advised.problem.message).toMatch(/^stage "Maybe later" is not a known stage/);
  });

  it('warnings carry the path as data too', () => {
    const advised = adviseOn({ path: 'Jobs/X.md', frontmatter: { stage: 'applied', applied: '2026-02-30' } }, TODAY, DEFAULT_SETTINGS);
    if (advised.kind !== 'advice') throw new Error('not advised');
    expect(advised.report.application.warnings).toEqual([{ notePath: 'Jobs/X.md', field: 'applied', message: 'applied "2026-02-30" is not a date; ignored' }]);
  });

  it("a person named by a link gets the profile the host finds in their own note", () => {
    const seen: string[] = [];
    const advised = adviseOn(
      {
        path: 'Jobs/Kestrel.md',
        frontmatter: INTERVIEWING,
        profileOf: (link, from) => {
          seen.push(`${link} from ${from}`);
          return link === 'Ana Silva' ? 'https://www.linkedin.com/in/example-ana' : undefined;
        },
      },
      TODAY,
      DEFAULT_SETTINGS,
    );
    if (advised.kind !== 'advice') throw new Error('not advised');
    const a = advised.report.application;
    expect(a.hiringManager?.linkedin).toBe('https://www.linkedin.com/in/example-ana');
    expect(a.interviewers.find((p) => p.name === 'Ana Silva')?.linkedin).toBe('https://www.linkedin.com/in/example-ana');
    expect(a.interviewers.find((p) => p.name === 'Ben Ito')?.linkedin).toBeUndefined();
    expect(seen).toContain('Ana Silva from Jobs/Kestrel.md');
  });
});
