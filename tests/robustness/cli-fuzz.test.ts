// Whatever a note holds, the command-line tool answers with an exit code and one line per problem
// naming the note: never a thrown error, never a stack trace, and never a byte of the note lost.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { removeBlock } from '../../src/core/callout';
import { cli, tempVault, TODAY } from '../cli/helpers';
import { runs } from '../stress';

const dir = tempVault({ '.job-hunt-advisor.json': '{}' });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const KEYS = ['stage', 'status', 'company', 'role', 'applied', 'interview_date', 'interviews', 'hiring_manager', 'interviewers', 'contacts', 'decision', 'linkedin_connected', 'followUpDate', 'type', 'tags'];
const VALUES = [
  'Applied', 'Interviewing', 'Rejected', 'Offer', 'Maybe', '3', '~', 'null', '""', '[Applied, Offer]', '{a: 1}', '2026-03-09',
  '2026-02-30', '9999-12-31', '0001-01-01', '2026-03-12T23:30:00-08:00', '"[[Ana Silva]]"', '[[Ana Silva]]', '"../../x"',
  '"a/b\\\\c"', '"🙂 مرحبا"', '- x\n  - y', '\n  - date: 2026-03-12\n    interviewers: [Ana]', '&a [1]', '*a', '!!binary aGk=', "'unclosed", '[',
  '%% job-hunt-advisor: start %%', '> [!job-hunt-advice]',
];
const BODY = [
  '', 'Body\n', '%% job-hunt-advisor: start %%\n', '%% job-hunt-advisor: end %%\n', '```\n%% job-hunt-advisor: start %%\n', '```\n',
  '> [!job-hunt-advice] mine\n', '\r\n', '---\n', '\uFEFF', 'ok',
];

/** Note texts: mostly frontmatter-shaped, with hostile keys, values, openers and bodies. */
const noteText = fc.oneof(
  { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
  { arbitrary: fc.tuple(
    fc.constantFrom('---', '---', '---', '---js', '---javascript', '---coffee', '---yaml', '--- ', '\uFEFF---', '----'),
    // Mostly distinct keys (a duplicate key is one case among many), often with a readable stage.
    fc.tuple(
      fc.option(fc.constantFrom('stage: Applied', 'status: Interviewing', 'stage: Rejected'), { freq: 2 }),
      fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)), { maxLength: 6, selector: ([k]) => k }),
      fc.boolean(),
    ).map(([stage, rest, dup]) => {
      const lines = rest.map(([k, v]) => `${k}: ${v}`).filter((l) => !(stage !== null && /^(stage|status):/.test(l)));
      return [...(stage === null ? [] : [stage]), ...lines, ...(dup && lines[0] ? [lines[0]] : [])];
    }),
    fc.constantFrom('---', '---', '---', '', '...', '---  '),
    fc.constantFrom('\n', '\r\n'),
    fc.array(fc.oneof(fc.constantFrom(...BODY), fc.string({ maxLength: 20 })), { maxLength: 6 }),
  ).map(([open, fields, close, eol, body]) => [open, ...fields, close].join(eol) + eol + body.join('')), weight: 4 },
);

describe('the command-line tool on generated notes', () => {
  it('advise --write: exit 0 or 1, never throws, stderr lines name the note, nothing outside the block changes', () => {
    const note = path.join(dir, 'Fuzz.md');
    const codes = [0, 0];
    fc.assert(
      fc.property(noteText, (text) => {
        fs.writeFileSync(note, text);
        const r = cli(dir, 'advise', 'Fuzz.md', '--today', TODAY, '--write');
        expect([0, 1]).toContain(r.code);
        codes[r.code] = (codes[r.code] ?? 0) + 1;
        for (const line of r.stderr.split('\n').filter((l) => l !== '')) expect(line.startsWith('Fuzz.md: ')).toBe(true);
        expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
        const after = fs.readFileSync(note, 'utf8');
        // A note it could not read is never touched; one it advised keeps every byte outside the block.
        if (r.code === 1) expect(after).toBe(text);
        else expect(removeBlock(after)).toBe(removeBlock(text));
      }),
      { numRuns: 300, seed: 4 },
    );
    // Both outcomes were exercised, or the property would prove little (so the full count, always).
    expect(codes[0]).toBeGreaterThan(10);
    expect(codes[1]).toBeGreaterThan(20);
  });

  it('followups --write over a folder of them: exit 0 or 1, every stderr line names a note', () => {
    fc.assert(
      fc.property(fc.array(noteText, { minLength: 1, maxLength: 5 }), (texts) => {
        const folder = fs.mkdtempSync(path.join(dir, 'scan-'));
        texts.forEach((t, i) => fs.writeFileSync(path.join(folder, `N${i}.md`), t));
        const r = cli(folder, 'followups', '.', '--today', TODAY, '--write', '--vault', dir);
        expect([0, 1]).toContain(r.code);
        for (const line of r.stderr.split('\n').filter((l) => l !== '')) {
          expect(line).toMatch(/^(N\d\.md|Job hunt tasks\/.+\.md|\.job-hunt-advisor\/created\.json): /);
        }
        expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
        fs.rmSync(folder, { recursive: true, force: true });
      }),
      { numRuns: runs(100), seed: 5 },
    );
  });
});
