import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  NAME_PLACEHOLDER,
  checkInDraft,
  connectionNoteDraft,
  connectionNoteDraftFor,
  countLinkedInChars,
  thankYouLetterDraft,
  truncateToFit,
} from '../../src/core/drafts';
import { anApplication, person } from './builders';

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

  test('signs with a placeholder when the person has not given their name', () => {
    expect(connectionNoteDraft(app, 300, '  ')).toContain(NAME_PLACEHOLDER);
  });

  test('fits the default 200-character limit with the why-this-person and why-now parts kept', () => {
    const note = connectionNoteDraft(app, 200, 'Sam Lee');
    expect(countLinkedInChars(note)).toBeLessThanOrEqual(200);
    expect(note).toContain('applied for the Analyst role at Orchid Labs');
    expect(note).toMatch(/hiring/);
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
    expect(note).toMatch(/^Hi Ana, I recently applied for the Senior/);
    expect(note.endsWith('…')).toBe(true);
    // The cut falls after a whole word, never in the middle of one.
    const lastWord = note.slice(0, -1).split(' ').pop() ?? '';
    expect(connectionNoteDraft(long, 10_000, 'Sam Lee').split(' ')).toContain(lastWord);
  });

  test('adapts to the stage: a call before applying, feedback after a rejection, thanks once hired', () => {
    const wishlist = anApplication().stage('wishlist').hiringManager('Ana Silva').build();
    expect(connectionNoteDraft(wishlist, 300, 'Sam')).toMatch(/15 minutes/);
    const rejected = anApplication().stage('rejected').hiringManager('Ana Silva').build();
    expect(connectionNoteDraft(rejected, 300, 'Sam')).toMatch(/done better/);
    const hired = anApplication().stage('accepted').hiringManager('Ana Silva').build();
    expect(connectionNoteDraft(hired, 300, 'Sam')).toMatch(/joining Orchid Labs as Analyst/);
  });

  test('without a hiring manager, role or company it still reads as a sentence', () => {
    const bare = anApplication().company(undefined).role(undefined).build();
    const note = connectionNoteDraft(bare, 200, 'Sam');
    expect(note).toMatch(/^Hello, I recently applied for a role on your team\./);
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

describe('thankYouLetterDraft', () => {
  const app = anApplication().build();

  test('addresses every interviewer, names role and company, and signs', () => {
    const letter = thankYouLetterDraft(app, [person('Ana Silva'), person('Ben Ito')], 'Sam Lee');
    expect(letter.split('\n')[0]).toBe('Dear Ana Silva and Ben Ito,');
    expect(letter).toContain('the Analyst role at Orchid Labs');
    expect(letter.trimEnd().split('\n').pop()).toBe('Sam Lee');
  });

  test('leaves clear placeholders when names are unknown', () => {
    const letter = thankYouLetterDraft(app, [], '');
    expect(letter).toMatch(/^Dear \[interviewer's name\],/);
    expect(letter.trimEnd().endsWith(NAME_PLACEHOLDER)).toBe(true);
  });
});

describe('checkInDraft', () => {
  test('greets the contact and names the application', () => {
    const text = checkInDraft(anApplication().build(), person('Rita Moreno'), 'Sam');
    expect(text).toMatch(/^Hi Rita,/);
    expect(text).toContain('the Analyst role at Orchid Labs');
  });
});
