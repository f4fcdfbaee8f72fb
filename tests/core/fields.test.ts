import { describe, expect, it } from 'vitest';
import { runs } from '../stress';
import fc from 'fast-check';
import { FIELD_ALIASES, fieldIndex, findAllIn, findField, normalizeKey } from '../../src/core/fields';
import type { FieldMeaning } from '../../src/core/model';

describe('normalizeKey', () => {
  it('ignores case, dashes, underscores and spaces', () => {
    for (const key of ['dateApplied', 'date_applied', 'Date-Applied', 'date applied', 'DATE_APPLIED']) {
      expect(normalizeKey(key)).toBe('dateapplied');
    }
  });
});

describe('findField: the field names people really use', () => {
  it.each<[FieldMeaning, string[]]>([
    ['stage', ['stage', 'status', 'App-Stage', 'application_status']],
    ['company', ['company', 'Company', 'employer']],
    ['role', ['role', 'position', 'title', 'Job-Title']],
    ['applied', ['applied', 'date_applied', 'dateApplied', 'Applied-Date', 'application_date', 'applied_on']],
    ['interview', ['interview', 'interview_date', 'interviews']],
    ['decision', ['decision', 'decision_date', 'offer_date', 'rejected_on']],
    ['followUp', ['followUpDate', 'follow_up', 'Follow-Up-Reminder-Date']],
    ['hiringManager', ['hiring_manager', 'hiringManager', 'Hiring Manager']],
    ['recruiter', ['recruiter']],
    ['interviewers', ['interviewer', 'interviewers']],
    ['contacts', ['contacts', 'people']],
    ['connected', ['connected', 'linkedin_connected', 'connected_on_linkedin']],
  ])('%s is found under %j', (meaning, keys) => {
    for (const key of keys) {
      expect(findField({ unrelated: 1, [key]: 'value' }, meaning, {}), key).toEqual({ key, value: 'value' });
    }
  });

  it('every meaning has names, and no name belongs to two meanings', () => {
    const owner = new Map<string, FieldMeaning>();
    for (const [meaning, names] of Object.entries(FIELD_ALIASES) as [FieldMeaning, string[]][]) {
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        expect(owner.get(normalizeKey(name)) ?? meaning, name).toBe(meaning);
        owner.set(normalizeKey(name), meaning);
      }
    }
  });

  it('returns nothing when no name matches', () => {
    expect(findField({ salary: '90k', location: 'Remote' }, 'company', {})).toBeUndefined();
  });

  it('prefers a filled value, then the more specific name, whatever the key order', () => {
    expect(findField({ status: 'open', stage: 'Applied' }, 'stage', {})).toEqual({ key: 'stage', value: 'Applied' });
    expect(findField({ stage: 'Applied', status: 'open' }, 'stage', {})).toEqual({ key: 'stage', value: 'Applied' });
    expect(findField({ stage: '', status: 'Applied' }, 'stage', {})).toEqual({ key: 'status', value: 'Applied' });
    expect(findField({ Stage: 'b', stage: 'a' }, 'stage', {})).toEqual(findField({ stage: 'a', Stage: 'b' }, 'stage', {}));
  });

  it("the person's field map replaces the built-in names for that meaning only", () => {
    const fm = { Phase: 'Applied', stage: 'Rejected', company: 'Acme' };
    expect(findField(fm, 'stage', { stage: 'phase' })).toEqual({ key: 'Phase', value: 'Applied' });
    expect(findField({ stage: 'Rejected' }, 'stage', { stage: 'Phase' })).toBeUndefined();
    expect(findField(fm, 'company', { stage: 'Phase' })).toEqual({ key: 'company', value: 'Acme' });
    // A blank mapping is no mapping.
    expect(findField(fm, 'stage', { stage: '  ' })).toEqual({ key: 'stage', value: 'Rejected' });
  });

  it('reads an own __proto__ key as plain data', () => {
    const fm = JSON.parse('{"__proto__": "x", "company": "Acme"}') as Record<string, unknown>;
    expect(findField(fm, 'company', {})).toEqual({ key: 'company', value: 'Acme' });
  });
});

describe('findAllIn: every meaning in one pass over the keys', () => {
  const ALL = Object.values(FIELD_ALIASES).flat();
  const meanings = Object.keys(FIELD_ALIASES) as FieldMeaning[];
  // Keys in the spellings notes use (aliases in other cases and separators, and keys of no meaning),
  // values filled or blank; and now and then the person's own name for a meaning.
  const key = fc.oneof(
    fc.constantFrom(...ALL),
    fc.constantFrom(...ALL).map((k) => k.toUpperCase().replace(/ /g, '_')),
    fc.constantFrom('notes', 'salary', 'Stage Name', 'my date'),
  );
  const value = fc.oneof(fc.constant(''), fc.constant(null), fc.constant([]), fc.string({ maxLength: 4 }), fc.constant('2026-03-09'));
  const fieldMap = fc.dictionary(fc.constantFrom(...meanings), fc.oneof(fc.constantFrom(...ALL), fc.constantFrom('my date', 'Stage Name', '  ', '')), { maxKeys: 3 });

  it('chooses for each meaning the field findField chooses (filled first, then the earlier name, then the spelling)', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 12 }), fc.option(fieldMap, { nil: undefined }), (frontmatter, map) => {
        const all = findAllIn(fieldIndex(frontmatter), map);
        for (const meaning of meanings) expect(all[meaning]).toEqual(findField(frontmatter, meaning, map ?? {}));
      }),
      { numRuns: runs(2000) },
    );
  });
});
