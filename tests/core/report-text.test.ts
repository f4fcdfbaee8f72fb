import { describe, expect, it } from 'vitest';
import { advise } from '../../src/core/advice';
import { planFollowUps } from '../../src/core/followups';
import { formatReportText } from '../../src/core/report-text';
import { anApplication } from './builders';
import { aFollowUp, anAdvice, aReport } from './report-builders';

describe('formatReportText', () => {
  it('reads as a report: application, verdict with experts, ranked advice, follow-ups', async () => {
    const report = aReport(undefined, {
      advice: [anAdvice(), anAdvice({ id: 'b', title: 'Keep the ask small', detail: 'Offer a short call, not a favour.' })],
    });
    const text = formatReportText(report, [aFollowUp({ id: 'z', due: '2026-03-20', title: 'Check in with Jane Doe', priority: 'normal' }), aFollowUp()]);
    await expect(text).toMatchFileSnapshot('./__golden__/report-hand-built.txt');
    expect(text.startsWith('Orchid Labs – Analyst (applied)\n')).toBe(true);
    expect(text).toContain('Connect with Jane Doe on LinkedIn? Yes, now.');
    expect(text).toMatch(/2026-03-10 \(tomorrow\): Send a LinkedIn connection request to Jane Doe \[high priority\][\s\S]*2026-03-20 \(in 11 days\): Check in/);
  });

  it('shows the stage word the person used when it differs from ours', () => {
    const app = anApplication().stage('screening', 'Recruiter_Screen').build();
    expect(formatReportText(aReport(app), [])).toContain('(Recruiter_Screen, read as screening)');
  });

  it('says when there is nothing to do', () => {
    const text = formatReportText(aReport(undefined, { advice: [] }), []);
    expect(text).toContain('(nothing specific at this moment)');
    expect(text).toContain('(none planned)');
  });

  it('keeps note text from moving the cursor, colouring the terminal or breaking lines', () => {
    const app = anApplication().company('Evil\u001b[2J\u001b[31mCorp').hiringManager('Jane\r\nDoe\u0007').build();
    const text = formatReportText(aReport(app), [aFollowUp({ title: 'Write\nto Jane' })]);
    // eslint-disable-next-line no-control-regex -- the point is that none are left
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('Connect with Jane Doe on LinkedIn?');
    expect(text).toContain('(tomorrow): Write to Jane');
  });

  it('wraps long text without losing words', () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const text = formatReportText(aReport(undefined, { advice: [anAdvice({ detail: long })] }), []);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(88);
    expect(text.match(/word\d+/g)).toHaveLength(60);
  });
});

// The real engine's output for a few applications, so a change in wording or ranking shows up here.
describe('formatReportText on advise() and planFollowUps()', () => {
  const today = '2026-03-09';
  const cases = {
    'just-applied': anApplication().company('Orchid Labs').role('Analyst').applied('2026-03-08').hiringManager('Jane Doe').build(),
    'interview-ahead': anApplication().stage('interviewing', 'Interviewing').applied('2026-02-20').hiringManager('Jane Doe').interview('2026-03-13', 'Ana Silva', 'Ben Ito').build(),
    rejected: anApplication().company('Northwind').role(undefined).stage('rejected', 'No-Go').applied('2026-02-01').decision('2026-03-06').hiringManager('Omar Haddad').build(),
  };
  for (const [name, app] of Object.entries(cases)) {
    it(`renders the ${name} application`, async () => {
      const report = advise(app, today);
      await expect(formatReportText(report, planFollowUps(report))).toMatchFileSnapshot(`./__golden__/report-${name}.txt`);
    });
  }
});
