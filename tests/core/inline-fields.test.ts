// Dataview inline fields in a note's body, read as Dataview reads them (its "Adding Metadata" page
// and its importer): whole-line `Key:: value`, `[key:: value]` and `(key:: value)` anywhere on a
// line, keys matched whatever their case, spaces or emphasis. The frontmatter wins.
import { describe, expect, it } from 'vitest';
import { insertOrRefreshBlock } from '../../src/core/callout';
import { readInlineFields, withInlineFields } from '../../src/core/inline-fields';
import { adviseOn } from '../../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const TODAY = '2026-03-09';

function advised(frontmatter: unknown, body: string, settings = DEFAULT_SETTINGS) {
  const a = adviseOn({ path: 'Jobs/Acme.md', frontmatter, body }, TODAY, settings);
  if (a.kind !== 'advice') throw new Error(`not advised: ${a.kind} ${JSON.stringify(a)}`);
  return a.report.application;
}

describe('reading inline fields as Dataview does', () => {
  it('whole-line fields, with spaces, case and Markdown emphasis in the key', () => {
    const body = [
      '# Acme',
      'Status:: Applied',
      '**Date Applied**:: 2026-03-02',
      '- Company:: [[Acme]]',
      '> Role:: Analyst',
      '## __Next interview__:: 2026-03-12',
    ].join('\n');
    expect(readInlineFields(body)).toEqual([
      { key: 'Status', value: 'Applied' },
      { key: 'Date Applied', value: '2026-03-02' },
      { key: 'Company', value: '[[Acme]]' },
      { key: 'Role', value: 'Analyst' },
      { key: 'Next interview', value: '2026-03-12' },
    ]);
  });

  it('bracketed fields mid-line, several on one line, nested brackets and escapes in the value', () => {
    const line = 'Spoke to the panel [applied:: 2026-03-02] and (interviewer:: Ana Silva (lead)) then [note:: a \\] b].';
    expect(readInlineFields(line)).toEqual([
      { key: 'applied', value: '2026-03-02' },
      { key: 'interviewer', value: 'Ana Silva (lead)' },
      { key: 'note', value: 'a \\] b' },
    ]);
  });

  it('a line with a bracketed field gives no whole-line field; a key holding a bracket is no key', () => {
    expect(readInlineFields('Stage:: Offer [applied:: 2026-03-02]')).toEqual([{ key: 'applied', value: '2026-03-02' }]);
    expect(readInlineFields('[a] b:: c')).toEqual([]);
    expect(readInlineFields('see https://example.com/a::b for std::vector')).toEqual([]);
  });

  it('fields in fenced code, inline code, HTML, comments, a task line or our advice block are not the note\'s', () => {
    const body = [
      '```yaml',
      'Status:: Rejected',
      '```',
      '~~~~',
      'Applied:: 2020-01-01',
      '~~~~',
      'Write `Status:: Offer` to mark it.',
      '%%',
      'Company:: Hidden',
      '%%',
      '- [ ] Send thank-you [due:: 2026-03-10]',
      'Stage:: Interviewing',
    ].join('\n');
    const withBlock = insertOrRefreshBlock(body, '> [!job-hunt-advice] Advice\n> Status:: Withdrawn', 'end');
    expect(readInlineFields(withBlock)).toEqual([{ key: 'Stage', value: 'Interviewing' }]);
  });

  it('a body without "::" is not scanned, and a hostile line stays cheap', () => {
    expect(readInlineFields('plain text\n'.repeat(1000))).toEqual([]);
    // No bracket ever closes: no wrapped field, so the line is one whole-line field, as in Dataview.
    const hostile = '[a:: '.repeat(5000);
    expect(readInlineFields(hostile).map((f) => f.key)).toEqual(['a']);
  });
});

describe('inline fields through the one pipeline', () => {
  it('a note with no frontmatter at all is read from its inline fields', () => {
    const app = advised(undefined, 'Status:: Applied\nCompany:: [[Acme]]\nApplied:: 2026-03-02\n');
    expect(app.stage).toBe('applied');
    expect(app.company).toBe('Acme');
    expect(app.applied).toBe('2026-03-02');
    expect(app.warnings).toEqual([]);
  });

  it('fields the frontmatter lacks come from the body; a repeated key is a list (every interviewer)', () => {
    const body = 'Round one (interview:: 2026-03-12) with (interviewer:: Ana Silva) and (interviewer:: Ben Ito).\n';
    const app = advised({ stage: 'Interviewing', company: 'Acme' }, body);
    expect(app.interviews.map((i) => i.date)).toEqual(['2026-03-12']);
    expect(app.interviewers.map((p) => p.name)).toEqual(['Ana Silva', 'Ben Ito']);
  });

  it('the frontmatter wins; a disagreement is one warning naming the field, an agreement none', () => {
    const app = advised({ stage: 'Applied', applied: '2026-03-02' }, 'Status:: Interviewing\nApplied:: 02.03.2026\n', { ...DEFAULT_SETTINGS, dateOrder: 'DMY' });
    expect(app.stage).toBe('applied');
    expect(app.applied).toBe('2026-03-02');
    expect(app.warnings.map((w) => w.message)).toEqual([
      'Status:: "Interviewing" in the note\'s text differs from stage "Applied" in its properties; the properties are used',
    ]);
    expect(app.warnings[0]?.field).toBe('Status');
    expect(app.warnings[0]?.notePath).toBe('Jobs/Acme.md');
  });

  it('a blank frontmatter field (a template) is filled from the body without a warning', () => {
    const app = advised({ stage: 'Applied', applied: null }, 'Applied:: 2026-03-02\n');
    expect(app.applied).toBe('2026-03-02');
    expect(app.warnings).toEqual([]);
  });

  it("the person's own field name applies to inline fields too", () => {
    const settings = { ...DEFAULT_SETTINGS, fieldMap: { stage: 'Phase' } };
    expect(advised(undefined, 'Phase:: Offer\n', settings).stage).toBe('offer');
  });

  it('frontmatter that is not a set of fields stays a problem, whatever the body holds', () => {
    expect(withInlineFields(['a list'], 'Status:: Applied', DEFAULT_SETTINGS).fields).toEqual(['a list']);
    const a = adviseOn({ path: 'x.md', frontmatter: undefined, body: 'just text' }, TODAY, DEFAULT_SETTINGS);
    expect(a.kind).toBe('not-an-application');
  });
});
