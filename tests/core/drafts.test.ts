import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  NAME_PLACEHOLDER,
  checkInDraft,
  connectionNote,
  countLinkedInChars,
  thankYouLetter,
  truncateToFit,
} from '../../src/core/drafts';
import type { Application, Person } from '../../src/core/model';
import { readMoment } from '../../src/core/moment';
import { anApplication, interview, person } from './builders';

const TODAY = '2026-03-09';

/** The connection note the planner writes for this note today, to the person it names. */
function connectionNoteDraft(app: Application, limit: number, yourName: string, today = TODAY): string {
  const { situation, facts } = readMoment(app, today);
  return connectionNote({ app, situation, facts, ...(facts.contact ? { to: facts.contact } : {}) }, limit, yourName);
}

function connectionNoteDraftFor(app: Application, to: Person, limit: number, yourName: string): string {
  const { situation, facts } = readMoment(app, TODAY);
  return connectionNote({ app, situation, facts, to: { person: to, as: 'hiring-manager' } }, limit, yourName);
}

describe('countLinkedInChars', () => {
  test('counts spaces and punctuation like any other character', () => {
    expect(countLinkedInChars('Hi Ana, thanks!')).toBe(15);
  });

  test('an emoji, a flag or an accented letter written with a combining mark is one character', () => {
    expect(countLinkedInChars('👩‍💻')).toBe(1);
    expect(countLinkedInChars('🇵🇹')).toBe(1);
    expect(countLinkedInChars('Jose\u0301')).toBe(4);
    expect(countLinkedInChars('שלום')).toBe(4);
  });
});

describe('connectionNoteDraft', () => {
  const app = anApplication().hiringManager('Ana Silva').applied('2026-03-07').build();

  test('greets the hiring manager by first name, names the role and company, and signs', () => {
    const note = connectionNoteDraft(app, 300, 'Sam Lee');
    expect(note).toMatch(/^Hi Ana,/);
    expect(note).toContain('the Analyst role at Orchid Labs');
    expect(note).toContain('hiring');
    expect(note).toMatch(/Sam Lee$/);
  });

  test('without the person\'s name it ends without a signature (LinkedIn shows who sent it), never a placeholder', () => {
    const note = connectionNoteDraft(app, 300, '  ');
    expect(note).not.toContain(NAME_PLACEHOLDER);
    expect(note).not.toMatch(/Best,/);
  });

  test('signed when the name fits: the signature is whole or absent, and goes before the small ask', () => {
    const name = 'Samantha Leigh-Worthington';
    expect(connectionNoteDraft(app, 300, name)).toMatch(/Best, Samantha Leigh-Worthington$/);
    let unsignedWithAsk = false;
    for (let limit = 300; limit >= 60; limit--) {
      const note = connectionNoteDraft(app, limit, name);
      if (note.includes('Samantha')) expect(note.endsWith(`Best, ${name}`), note).toBe(true);
      else if (note.includes('15 minutes')) unsignedWithAsk = true;
    }
    expect(unsignedWithAsk).toBe(true);
  });

  test('fits the default 200-character limit with the why-this-person and why-now parts kept', () => {
    const note = connectionNoteDraft(app, 200, 'Sam Lee');
    expect(countLinkedInChars(note)).toBeLessThanOrEqual(200);
    expect(note).toContain('applied for the Analyst role at Orchid Labs');
    expect(note).toMatch(/hiring/);
  });

  test('says "just applied" only within days of applying; weeks on it says how long ago, and never "before it reaches you"', () => {
    const fresh = connectionNoteDraft(anApplication().hiringManager('Ana Silva').applied('2026-03-07').build(), 300, 'Sam');
    expect(fresh).toContain("I've just applied");
    const old = connectionNoteDraft(anApplication().hiringManager('Ana Silva').applied('2026-02-02').build(), 300, 'Sam');
    expect(old).toContain('applied for the Analyst role at Orchid Labs 5 weeks ago');
    expect(old).not.toMatch(/just applied|recently|reaches you/);
  });

  test('drops optional clauses before it cuts anything', () => {
    const roomy = connectionNoteDraft(app, 1000, 'Sam Lee');
    const tight = connectionNoteDraft(app, 120, 'Sam Lee');
    expect(countLinkedInChars(tight)).toBeLessThanOrEqual(120);
    expect(tight).not.toContain('…');
    expect(roomy.length).toBeGreaterThan(tight.length);
    expect(tight).toContain('Orchid Labs');
  });

  test('a very long company name is cut at a word boundary with an ellipsis', () => {
    const long = anApplication()
      .company('The International Consolidated Amalgamated Federation of Very Long Company Names and Associated Subsidiaries Limited')
      .role('Senior Principal Staff Distinguished Analyst of Everything Data')
      .hiringManager('Ana Silva')
      .build();
    const note = connectionNoteDraft(long, 100, 'Sam Lee');
    expect(countLinkedInChars(note)).toBeLessThanOrEqual(100);
    expect(note).toMatch(/^Hi Ana, I applied for the Senior/);
    expect(note.endsWith('…')).toBe(true);
    // The cut falls after a whole word, never in the middle of one.
    const lastWord = note.slice(0, -1).split(' ').pop() ?? '';
    expect(connectionNoteDraft(long, 10_000, 'Sam Lee').split(' ')).toContain(lastWord);
  });

  test('adapts to the moment: a call before any interview, never after; thanks for an offer; feedback after a no; joining once hired', () => {
    const at = (stage: Parameters<ReturnType<typeof anApplication>['stage']>[0]) => connectionNoteDraft(anApplication().stage(stage).hiringManager('Ana Silva').applied('2026-03-07').build(), 300, 'Sam');
    expect(at('wishlist')).toMatch(/plan to apply.*15 minutes/);
    expect(at('applied')).toMatch(/15 minutes/);
    expect(at('offer')).toMatch(/thank you for the offer/);
    expect(at('rejected')).toMatch(/done better/);
    expect(at('accepted')).toMatch(/joining Orchid Labs as Analyst/);
    expect(at('withdrawn')).toMatch(/withdrew my application/);
    expect(at('ghosted')).toMatch(/still interested/);
    for (const stage of ['offer', 'rejected', 'accepted', 'withdrawn', 'ghosted'] as const) {
      expect(at(stage), stage).not.toMatch(/15 minutes|applied for|introduce myself|reaches you/);
    }
  });

  test('to a recruiter, when the note names no hiring manager: by name, asking who leads the hiring', () => {
    const app = anApplication().recruiter('Rita Okafor', { role: 'Talent Acquisition' }).applied('2026-03-07').build();
    const note = connectionNoteDraft(app, 200, 'Sam');
    expect(note).toMatch(/^Hi Rita,/);
    expect(note).toContain('who leads the hiring');
    const after = connectionNoteDraft(anApplication().stage('rejected').recruiter('Rita Okafor').build(), 200, 'Sam');
    expect(after).toMatch(/^Hi Rita, thank you for considering me/);
    expect(after).not.toContain('who leads the hiring');
  });

  test('without a hiring manager, role or company it still reads as a sentence', () => {
    const bare = anApplication().company(undefined).role(undefined).applied('2026-03-07').build();
    const note = connectionNoteDraft(bare, 200, 'Sam');
    expect(note).toMatch(/^Hello, I've just applied for a role on your team\./);
    expect(note).not.toMatch(/undefined|null/);
  });

  test('skips an honorific when greeting and keeps names to one line', () => {
    const note = connectionNoteDraftFor(anApplication().build(), person('Dr. Ana\nSilva'), 200, 'Sam');
    expect(note).toMatch(/^Hi Ana,/);
    expect(note).not.toContain('\n');
  });

  test('property: fits any limit, for any names, counted as LinkedIn counts and as UTF-16 units', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('wishlist', 'applied', 'rejected', 'accepted', 'interviewing'),
        (company, role, name, limit, stage) => {
          const app = anApplication().company(company).role(role).stage(stage).hiringManager(name).build();
          const note = connectionNoteDraft(app, limit, name);
          expect(countLinkedInChars(note)).toBeLessThanOrEqual(limit);
          expect(note.length).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });

  test('a nonsense limit leaves an empty draft instead of throwing', () => {
    expect(connectionNoteDraft(app, Number.NaN, 'Sam')).toBe('');
    expect(connectionNoteDraft(app, -5, 'Sam')).toBe('');
  });
});

describe('truncateToFit', () => {
  test('never splits an emoji or a flag', () => {
    // A flag is one character on screen but four UTF-16 units: both counts must fit.
    expect(truncateToFit('🇵🇹🇵🇹🇵🇹🇵🇹🇵🇹', 7)).toBe('🇵🇹…');
    expect(truncateToFit('👩‍💻👩‍💻👩‍💻', 3)).toBe('…');
  });
});

describe('thankYouLetter', () => {
  const app = anApplication().build();
  const round = interview('2026-03-06', [person('Ana Silva'), person('Ben Ito')], { name: 'Technical interview' });

  test('addresses one interviewer, names the round, role and company, and signs', () => {
    const letter = thankYouLetter(app, round, person('Ben Ito'), 'Sam Lee');
    expect(letter.split('\n')[0]).toBe('Dear Ben Ito,');
    expect(letter).not.toContain('Ana Silva');
    expect(letter).toContain('at the Technical interview on 2026-03-06 about the Analyst role at Orchid Labs');
    expect(letter).not.toMatch(/later than/);
    expect(letter.trimEnd().split('\n').pop()).toBe('Sam Lee');
  });

  test('leaves clear placeholders only for what the note does not give', () => {
    const letter = thankYouLetter(app, interview('2026-03-06'), undefined, '');
    expect(letter).toMatch(/^Dear \[interviewer's name\],/);
    expect(letter.trimEnd().endsWith(NAME_PLACEHOLDER)).toBe(true);
    expect(thankYouLetter(app, round, person('Ana Silva'), 'Sam')).not.toContain("[interviewer's name]");
  });
});

describe('checkInDraft', () => {
  test('greets the contact and names the application', () => {
    const text = checkInDraft(anApplication().build(), person('Rita Moreno'), 'Sam');
    expect(text).toMatch(/^Hi Rita,/);
    expect(text).toContain('the Analyst role at Orchid Labs');
  });

  test('after an interview it names the interview, not the application', () => {
    const text = checkInDraft(anApplication().build(), person('Rita Moreno'), 'Sam', interview('2026-03-02'));
    expect(text).toContain('the interview on 2026-03-02');
    expect(text).not.toContain('check in on my application');
  });
});
