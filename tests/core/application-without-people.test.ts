// The pane's lists read every note without its people (names, contacts, interviewers): the stage,
// the dates and so the moment must be exactly those of the full read, whatever the note holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../stress';
import { readApplication } from '../../src/core/application';
import { momentOf } from '../../src/core/moment';
import { defaultSettings } from '../../src/core/settings';

const day = fc.oneof(
  fc.integer({ min: 1, max: 28 }).map((d) => `2026-0${1 + (d % 4)}-${String(d).padStart(2, '0')}`),
  fc.constantFrom('2026-02-30', 'soon', '', '2026-03-09T10:00', null),
);
const person = fc.oneof(fc.constantFrom('Ana Silva', '[[Ben Ito]]', 'Ana Silva, Ben Ito', '', 'Rita Okafor (Talent Acquisition)'), fc.string({ maxLength: 12 }));
const round = fc.oneof(day, fc.record({ date: day, interviewers: fc.array(person, { maxLength: 3 }), name: fc.constantFrom('Screen', 'Panel') }, { requiredKeys: [] }));
const note = fc.record({
  stage: fc.constantFrom('Applied', 'Interviewing', 'Screening', 'Offer', 'Rejected', 'Ghosted', 'Wishlist', 'accepted', 'nonsense', ''),
  applied: day,
  date_applied: day,
  decision: day,
  interviews: fc.oneof(day, fc.array(round, { maxLength: 4 })),
  interviewers: fc.array(person, { maxLength: 3 }),
  hiring_manager: person,
  recruiter: person,
  contacts: fc.array(fc.record({ name: person, role: fc.constantFrom('Hiring manager', 'Recruiter', 'Interviewer', '') }), { maxLength: 3 }),
  connected: fc.constantFrom(true, false, 'yes', 'maybe'),
}, { requiredKeys: [] });

describe('readApplication without people', () => {
  it('gives the same stage, dates, warnings about dates and moment as the full read', () => {
    const settings = defaultSettings();
    fc.assert(fc.property(note, fc.constantFrom('2026-03-09', '2026-01-15', '2026-04-30'), (frontmatter, today) => {
      const full = readApplication({ frontmatter, path: 'A.md' }, settings);
      const light = readApplication({ frontmatter, path: 'A.md' }, settings, { people: false });
      expect(light.ok).toBe(full.ok);
      if (!full.ok || !light.ok) return;
      const f = full.application;
      const l = light.application;
      expect([l.stage, l.applied, l.decision, l.followUp, l.connected]).toEqual([f.stage, f.applied, f.decision, f.followUp, f.connected]);
      expect(l.interviews.map((i) => [i.date, i.time])).toEqual(f.interviews.map((i) => [i.date, i.time]));
      expect(l.interviewers).toEqual([]);
      expect(momentOf(l, today).moment).toBe(momentOf(f, today).moment);
    }), { numRuns: runs(2000) });
  });
});
