// Why the verdict comes out as it does: who speaks to this exact moment, general remarks counted
// as such, never as votes.
import { describe, expect, it } from 'vitest';
import type { Expert, ExpertPosition } from '../../src/core/model';
import { whoSpeaks } from '../../src/core/verdict-text';

const expert = (name: string): Expert => ({ id: name.toLowerCase().replace(/ /g, '-'), name, organization: 'Org' });
const pos = (name: string, specific: boolean): ExpertPosition => ({ expert: expert(name), because: 'because', specific });

describe('the verdict reason', () => {
  it('names who speaks to this exact moment, and only counts the general remarks', () => {
    expect(whoSpeaks([pos('Ana', true), pos('Ben', false)], [pos('Cy', true), pos('Di', true)])).toBe(
      'Cy and Di speak to this moment and say wait; Ana speaks to this moment and says connect; 1 more speaks only in general.',
    );
  });
  it('says so when nobody speaks to this moment, without making a general remark a vote', () => {
    expect(whoSpeaks([pos('Ana', false)], [])).toBe('No expert speaks to this exact moment; in general 1 leans towards connecting and 0 towards waiting.');
    expect(whoSpeaks([], [])).toBe('No expert speaks to this moment.');
  });
});

