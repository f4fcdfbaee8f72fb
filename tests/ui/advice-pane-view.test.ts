// The pane's view model: the verdict's reason names who speaks to this moment, reasons drop what
// the header already said, and "Next" holds only what is still to do.
import { describe, expect, it } from 'vitest';
import type { Expert, ExpertPosition } from '../../src/core/model';
import { verdictReason, whatItAdds } from '../../src/ui/advice-pane-view';

const expert = (name: string): Expert => ({ id: name.toLowerCase().replace(/ /g, '-'), name, organization: 'Org' });
const pos = (name: string, specific: boolean): ExpertPosition => ({ expert: expert(name), because: 'because', specific });

describe('the verdict reason', () => {
  it('names who speaks to this exact moment, and only counts the general remarks', () => {
    expect(verdictReason([pos('Ana', true), pos('Ben', false)], [pos('Cy', true), pos('Di', true)])).toBe(
      'Cy and Di speak to this moment and say wait; Ana speaks to this moment and says connect; 1 more speaks only in general.',
    );
  });
  it('says so when nobody speaks to this moment, without making a general remark a vote', () => {
    expect(verdictReason([pos('Ana', false)], [])).toBe('No expert speaks to this exact moment; in general 1 leans towards connecting and 0 towards waiting.');
    expect(verdictReason([], [])).toBe('No expert speaks to this moment.');
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
