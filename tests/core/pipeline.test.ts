import { describe, expect, it } from 'vitest';
import { compareFollowUps } from '../../src/core/followups';
import { adviseOn, applicationOn } from '../../src/core/pipeline';
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

describe('the scope: which notes count as applications, for every host', () => {
  const S = { ...DEFAULT_SETTINGS };
  const kind = (path: string, settings: typeof S, extra: { body?: string; tags?: string[]; frontmatter?: unknown } = {}): string =>
    adviseOn({ path, frontmatter: INTERVIEWING, ...extra }, TODAY, settings).kind;

  it('any note with a stage, but never one in the tasks folder', () => {
    expect(kind('Anywhere/Kestrel.md', S)).toBe('advice');
    expect(kind(`${S.tasksFolder}/Kestrel.md`, S)).toBe('not-an-application');
  });

  it('follows a changed tasks or packs folder at the next note (never the folder before it), and never a folder that only starts the same', () => {
    expect(kind('Todo/Kestrel.md', { ...S, tasksFolder: 'Todo' })).toBe('not-an-application');
    expect(kind('Todo/Kestrel.md', { ...S, tasksFolder: 'Later' })).toBe('advice');
    expect(kind('Later/Kestrel.md', { ...S, tasksFolder: 'Later' })).toBe('not-an-application');
    expect(kind('Later 2/Kestrel.md', { ...S, tasksFolder: 'Later' })).toBe('advice');
    expect(kind('Mentors/Rita.md', { ...S, packsFolder: 'Mentors' })).toBe('not-an-application');
    expect(kind('Mentors/Rita.md', { ...S, packsFolder: 'Coaches' })).toBe('advice');
    expect(kind('Coaches/Rita.md', { ...S, packsFolder: 'Coaches' })).toBe('not-an-application');
    expect(kind('Mentors/Rita.md', { ...S, packsFolder: '' })).toBe('advice');
  });

  it('never a note of the advice pack (the packs folder and below, either slash), whatever its properties say; an empty setting: no pack folder', () => {
    expect(kind('Job hunt advice/Rita.md', S)).toBe('not-an-application');
    expect(adviseOn({ path: 'Job hunt advice/Rita.md', frontmatter: INTERVIEWING }, TODAY, S)).toMatchObject({ reason: { message: expect.stringMatching(/advice pack note/) as unknown } });
    expect(kind('Job hunt advice/Old/Rita.md', S)).toBe('not-an-application');
    expect(kind('Job hunt advice 2/Rita.md', S)).toBe('advice');
    expect(kind('Mentors/Rita.md', { ...S, packsFolder: '\\Mentors\\' })).toBe('not-an-application');
    expect(kind('Job hunt advice/Rita.md', { ...S, packsFolder: '' })).toBe('advice');
    // The same rule for the lists over the vault (applicationOn) as for advice.
    expect(applicationOn({ path: 'Job hunt advice/Rita.md', frontmatter: INTERVIEWING }, S).kind).toBe('not-an-application');
  });

  it('folder: the folder and below, written with either slash, never a folder that only starts the same', () => {
    const folder = { ...S, applicationScope: 'folder' as const, applicationsFolder: '\\Jobs\\2026\\' };
    expect(kind('Jobs/2026/Kestrel.md', folder)).toBe('advice');
    expect(kind('Jobs/2026/Old/Kestrel.md', folder)).toBe('advice');
    expect(kind('Jobs/2026b/Kestrel.md', folder)).toBe('not-an-application');
    expect(kind('Kestrel.md', folder)).toBe('not-an-application');
    expect(kind('Kestrel.md', { ...folder, applicationsFolder: '/' })).toBe('advice');
  });

  it('tag: in the tags property (list or words), nested, in any case, in the text outside code; or as the host gives them', () => {
    const tag = { ...S, applicationScope: 'tag' as const, applicationsTag: 'job-application' };
    expect(kind('K.md', tag)).toBe('not-an-application');
    expect(kind('K.md', tag, { frontmatter: { ...INTERVIEWING, tags: ['Job-Application'] } })).toBe('advice');
    expect(kind('K.md', tag, { frontmatter: { ...INTERVIEWING, tags: 'todo, #job-application/remote' } })).toBe('advice');
    expect(kind('K.md', tag, { frontmatter: { ...INTERVIEWING, tags: 'job-applications' } })).toBe('not-an-application');
    expect(kind('K.md', tag, { body: 'Sent (#job-application) today' })).toBe('advice');
    expect(kind('K.md', tag, { body: 'an anchor a#job-application is no tag' })).toBe('not-an-application');
    expect(kind('K.md', tag, { body: '`#job-application`\n```\n#job-application\n```\n' })).toBe('not-an-application');
    expect(kind('K.md', tag, { body: '#job-application', tags: ['#other'] })).toBe('not-an-application');
    expect(kind('K.md', tag, { tags: ['#job-application'] })).toBe('advice');
  });
});
