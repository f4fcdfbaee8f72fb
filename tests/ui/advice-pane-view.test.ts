// The pane's view model: reasons drop what the header already said.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/core/advice';
import { paneView, whatItAdds } from '../../src/ui/advice-pane-view';
import { anApplication } from '../core/builders';

describe('the verdict reason', () => {
  const view = (app: ReturnType<ReturnType<typeof anApplication>['build']>) => paneView({ report: advise(app, '2026-03-20'), today: '2026-03-20' })!;

  it('names who speaks to this exact moment, and shows general remarks apart, never as a side', () => {
    const v = view(anApplication().hiringManager('Ana Silva').applied('2026-03-18').build()).verdict;
    expect(v.reason).toMatch(/^Zack McCarty, Megan Chiamos, Ryan Nouis and Justin Barlow speak to this moment and favour connecting/);
    expect(v.reason).toContain('In general, not of this moment:');
    expect(v.against).toEqual([]);
    expect(v.general.map((g) => g.expert.name)).toEqual(['Craig Rosen', 'Deborah Bubis']);
  });

  it('says so when nobody speaks to this moment, without making a general remark a vote', () => {
    const v = view(anApplication().hiringManager('Ana Silva').stage('withdrawn').build()).verdict;
    expect(v.reason).toMatch(/^None of the experts speaks to this moment itself\./);
    expect([v.for, v.against]).toEqual([[], []]);
  });
});

describe('what a reason adds to the moment summary', () => {
  const moment = 'Your interview with Grace Liu was 3 days ago (2026-03-06); no decision yet.';
  it('drops the clause the summary already says', () => {
    expect(whatItAdds('Your interview with Grace Liu was 3 days ago (2026-03-06): write to her now.', moment)).toBe('Write to her now.');
    expect(whatItAdds('Your interview with Grace Liu was 3 days ago (2026-03-06), and Juniper has made no offer yet.', moment)).toBe('Juniper has made no offer yet.');
  });
  it('keeps a reason that says something else, and drops one that only repeats', () => {
    expect(whatItAdds('Grace Liu will look at your page.', moment)).toBe('Grace Liu will look at your page.');
    expect(whatItAdds('Your interview with Grace Liu was 3 days ago (2026-03-06).', moment)).toBe('');
    expect(whatItAdds(moment, moment)).toBe('');
  });
});
