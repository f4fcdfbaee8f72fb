import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates';
import { JUST_APPLIED_DAYS, JUST_INTERVIEWED_DAYS, momentOf } from '../../src/core/moment';
import { anApplication } from './builders';

const TODAY = '2026-03-20';
const ago = (n: number): string => addDays(TODAY, -n);
const ahead = (n: number): string => addDays(TODAY, n);

describe('momentOf', () => {
  it('lets the closing stages decide whatever the dates say', () => {
    const recent = (b: ReturnType<typeof anApplication>) => b.applied(ago(2)).interview(ahead(3), 'Ana Silva');
    expect(momentOf(recent(anApplication().stage('accepted')).build(), TODAY).moment).toBe('hired');
    expect(momentOf(recent(anApplication().stage('offer')).build(), TODAY).moment).toBe('offer');
    expect(momentOf(recent(anApplication().stage('rejected')).build(), TODAY).moment).toBe('rejected');
    expect(momentOf(recent(anApplication().stage('withdrawn')).build(), TODAY).moment).toBe('withdrawn');
    expect(momentOf(recent(anApplication().stage('ghosted')).build(), TODAY).moment).toBe('ghosted');
    expect(momentOf(recent(anApplication().stage('wishlist')).build(), TODAY).moment).toBe('not-applied');
  });

  it('never calls a long silence ghosted: only the stage does', () => {
    const app = anApplication().stage('applied').applied(ago(120)).build();
    expect(momentOf(app, TODAY)).toEqual({ moment: 'waiting', summary: `You applied 4 months ago (${ago(120)}) and have no interview yet.` });
  });

  it('counts applying today up to 7 days ago as just applied, and day 8 as waiting', () => {
    expect(JUST_APPLIED_DAYS).toBe(7);
    const at = (n: number) => momentOf(anApplication().stage('applied').applied(ago(n)).build(), TODAY);
    expect(at(0)).toEqual({ moment: 'just-applied', summary: `You applied today (${TODAY}) and have no interview yet.` });
    expect(at(1).summary).toBe(`You applied yesterday (${ago(1)}) and have no interview yet.`);
    expect(at(7)).toEqual({ moment: 'just-applied', summary: `You applied 7 days ago (${ago(7)}) and have no interview yet.` });
    expect(at(8)).toEqual({ moment: 'waiting', summary: `You applied 8 days ago (${ago(8)}) and have no interview yet.` });
    expect(momentOf(anApplication().stage('screening').applied(ago(3)).build(), TODAY).moment).toBe('just-applied');
    expect(momentOf(anApplication().stage('screening').applied(ago(30)).build(), TODAY).moment).toBe('waiting');
  });

  it('treats an interview today as still ahead, and names the interviewers', () => {
    const app = anApplication().stage('interviewing').applied(ago(20)).interview(TODAY, 'Ana Silva', 'Ben Ito').build();
    expect(momentOf(app, TODAY)).toEqual({ moment: 'interview-ahead', summary: `Your interview with Ana Silva and Ben Ito is today (${TODAY}).` });
  });

  it('finds an interview ahead even when the stage still says applied, and picks the next round', () => {
    const app = anApplication()
      .stage('applied')
      .applied(ago(20))
      .interview(ago(5), 'Cleo Park')
      .interview(ahead(9), 'Ana Silva')
      .interview(ahead(4), 'Ben Ito')
      .build();
    expect(momentOf(app, TODAY)).toEqual({ moment: 'interview-ahead', summary: `Your interview with Ben Ito is in 4 days (${ahead(4)}).` });
  });

  it('counts the latest interview 1 to 14 days ago as just interviewed, then waiting for an answer', () => {
    expect(JUST_INTERVIEWED_DAYS).toBe(14);
    const at = (n: number) => momentOf(anApplication().stage('interviewing').interview(ago(30), 'Cleo Park').interview(ago(n), 'Ana Silva').build(), TODAY);
    expect(at(1)).toEqual({ moment: 'just-interviewed', summary: `Your interview with Ana Silva was yesterday (${ago(1)}); no decision yet.` });
    expect(at(14).moment).toBe('just-interviewed');
    expect(at(15)).toEqual({ moment: 'waiting', summary: `Your interview with Ana Silva was 2 weeks ago (${ago(15)}) and no decision is noted yet.` });
  });

  it('says "your interview" when the note names no interviewer', () => {
    const app = anApplication().stage('screening').interview(ahead(2)).build();
    expect(momentOf(app, TODAY).summary).toBe(`Your interview is in 2 days (${ahead(2)}).`);
  });

  it('handles missing dates without guessing them', () => {
    const interviewing = momentOf(anApplication().stage('interviewing').applied(ago(3)).build(), TODAY);
    expect(interviewing).toEqual({ moment: 'interview-ahead', summary: 'You are interviewing, but the note gives no interview date.' });
    const undated = momentOf(anApplication().stage('applied').applied(undefined).build(), TODAY);
    expect(undated).toEqual({ moment: 'waiting', summary: 'You applied (the note gives no date) and have no interview yet.' });
    const planned = momentOf(anApplication().stage('applied').applied(ahead(2)).build(), TODAY);
    expect(planned).toEqual({ moment: 'not-applied', summary: `Your application date is in 2 days (${ahead(2)}): you have not applied yet.` });
  });

  it('ties the closing summaries to the decision date when there is one', () => {
    expect(momentOf(anApplication().stage('offer').decision(ago(1)).build(), TODAY).summary).toBe(`You have an offer, received yesterday (${ago(1)}).`);
    expect(momentOf(anApplication().stage('offer').build(), TODAY).summary).toBe('You have an offer.');
    expect(momentOf(anApplication().stage('rejected').decision(ago(5)).build(), TODAY).summary).toBe(`The company turned the application down 5 days ago (${ago(5)}).`);
    expect(momentOf(anApplication().stage('accepted').decision(ago(2)).build(), TODAY).summary).toBe(`You accepted the job 2 days ago (${ago(2)}).`);
    expect(momentOf(anApplication().stage('withdrawn').build(), TODAY).summary).toBe('You withdrew this application.');
  });

  it('says since when a ghosted application has been silent', () => {
    expect(momentOf(anApplication().stage('ghosted').applied(ago(40)).build(), TODAY).summary).toBe(
      `The company has gone quiet: no answer since you applied 6 weeks ago (${ago(40)}).`,
    );
    expect(momentOf(anApplication().stage('ghosted').applied(ago(60)).interview(ago(30), 'Ana Silva').build(), TODAY).summary).toBe(
      `The company has gone quiet: no answer since your interview 4 weeks ago (${ago(30)}).`,
    );
    expect(momentOf(anApplication().stage('ghosted').build(), TODAY).summary).toBe('The company has gone quiet: no answer, and the note gives no dates.');
  });
});
