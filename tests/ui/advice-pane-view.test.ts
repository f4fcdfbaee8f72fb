// The pane's view model: reasons drop what the header already said.
import { describe, expect, it } from 'vitest';
import { whatItAdds } from '../../src/ui/advice-pane-view';

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
