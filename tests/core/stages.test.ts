import { describe, expect, it } from 'vitest';
import { STAGES, type Stage } from '../../src/core/model';
import { parseStage, STAGE_ALIASES, stageWords } from '../../src/core/stages';

function stageOf(value: unknown, aliases: Record<string, Stage> = {}): string {
  const r = parseStage(value, aliases);
  return r.ok ? r.stage : `problem: ${r.message}`;
}

describe('stage words from every vocabulary in the interop notes', () => {
  it.each<[string, Stage]>([
    ['Wishlist', 'wishlist'], ['Bookmarked', 'wishlist'], ['Prospective', 'wishlist'], ['Reviewing', 'wishlist'],
    ['Pursue', 'wishlist'], ['not-applied', 'wishlist'], ['Applying', 'wishlist'],
    ['Applied', 'applied'],
    ['Screening', 'screening'], ['Recruiter_Screen', 'screening'], ['Recruiter_Conversation', 'screening'],
    ['Phone screen', 'screening'],
    ['Interview', 'interviewing'], ['Interviewing', 'interviewing'], ['Under_Review', 'interviewing'],
    ['Offer', 'offer'], ['Offered', 'offer'], ['Negotiating', 'offer'],
    ['Accepted', 'accepted'], ['Hired', 'accepted'],
    ['Rejected', 'rejected'], ['No-Go', 'rejected'],
    ['Withdrawn', 'withdrawn'], ['Declined', 'withdrawn'], ['Do_Not_Apply', 'withdrawn'],
    ['Ghosted', 'ghosted'], ['No response', 'ghosted'],
  ])('%s means %s', (word, stage) => {
    expect(parseStage(word, {})).toEqual({ ok: true, stage, label: word });
  });

  it('every canonical id reads as itself', () => {
    for (const stage of STAGES) expect(stageOf(stage)).toBe(stage);
  });

  it('ignores case, dashes, underscores and spaces', () => {
    for (const word of ['RECRUITER SCREEN', 'recruiter-screen', 'recruiterScreen', ' Recruiter__Screen ']) {
      expect(stageOf(word)).toBe('screening');
    }
  });

  it('reads the word inside a wikilink, a tag, or a one-element list', () => {
    expect(parseStage('[[Applied]]', {})).toEqual({ ok: true, stage: 'applied', label: 'Applied' });
    expect(parseStage('[[Stages/Interviewing|In interviews]]', {})).toEqual({ ok: true, stage: 'interviewing', label: 'In interviews' });
    expect(parseStage('[[Stages/Maybe|Ongoing]]', {})).toMatchObject({ ok: false, message: expect.stringMatching(/^"Ongoing" is not/) as unknown });
    expect(parseStage('[[Stages/Interviewing]]', {})).toEqual({ ok: true, stage: 'interviewing', label: 'Interviewing' });
    expect(parseStage('#applied', {})).toEqual({ ok: true, stage: 'applied', label: 'applied' });
    expect(stageOf('#job/offer')).toBe('offer');
    expect(stageOf(['Offered'])).toBe('offer');
    expect(stageOf([['Applied']])).toBe('applied'); // YAML's reading of an unquoted [[Applied]]
  });

  it('no word maps to two stages', () => {
    const seen = new Map<string, Stage>();
    for (const stage of STAGES) {
      for (const word of STAGE_ALIASES[stage]) {
        const form = word.toLowerCase().replace(/[^a-z0-9]/g, '');
        expect(seen.get(form) ?? stage, word).toBe(stage);
        seen.set(form, stage);
      }
    }
  });

  it('stageWords lists the canonical ids and the aliases, each once', () => {
    const words = stageWords();
    expect(words.slice(0, STAGES.length)).toEqual([...STAGES]);
    expect(words).toContain('Recruiter_Screen'.toLowerCase().replace('_', ' '));
    expect(new Set(words).size).toBe(words.length);
  });
});

describe('the person\'s own aliases', () => {
  it('win over the built-in words and match the same loose way', () => {
    const aliases: Record<string, Stage> = { 'No-Go': 'withdrawn', 'Entretien': 'interviewing' };
    expect(stageOf('no go', aliases)).toBe('withdrawn');
    expect(stageOf('ENTRETIEN', aliases)).toBe('interviewing');
    expect(stageOf('Applied', aliases)).toBe('applied');
  });

  it('an alias pointing to no stage (a hand-edited settings file) is ignored', () => {
    expect(stageOf('Maybe', { Maybe: 'someday' as Stage })).toMatch(/^problem: "Maybe" is not a known stage/);
  });
});

describe('values that are not a stage', () => {
  const known = '(known: wishlist, applied, screening, interviewing, offer, accepted, rejected, withdrawn, ghosted)';
  it.each<[unknown, string]>([
    ['Maybe', `"Maybe" is not a known stage ${known}`],
    [3, `is the number 3, not a stage word ${known}`],
    [true, `is true, not a stage word ${known}`],
    [null, `is empty ${known}`],
    ['   ', `is empty ${known}`],
    [[], `is an empty list ${known}`],
    [['Applied', 'Rejected'], `lists several values (Applied, Rejected); keep one stage ${known}`],
    [{ name: 'Applied' }, `is not a word ${known}`],
  ])('%j: %s', (value, message) => {
    expect(parseStage(value, {})).toEqual({ ok: false, message });
  });

  it('a huge value is shown shortened and never matched', () => {
    const r = parseStage('Applied'.repeat(100_000), {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeLessThan(200);
  });
});
