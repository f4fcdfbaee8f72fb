// The command-line tool reads the neighbours' formats: dates as people write them (under the
// vault's own day/month order) and Dataview inline fields in the body.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, tempVault } from './helpers';

const made: string[] = [];
function vault(files: Record<string, string>): string {
  const dir = tempVault(files);
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const AMBIGUOUS = '---\nstage: Applied\ncompany: Acme\napplied: 03/04/2026\n---\n';

describe('dates people write', () => {
  it('an ambiguous date is refused, with the setting named, when the vault shows no order', () => {
    const dir = vault({ 'Acme.md': AMBIGUOUS });
    const r = cli(dir, 'advise', 'Acme.md', '--today', '2026-04-05', '--json');
    expect(r.stderr).toContain('applied "03/04/2026" is not a date (it could be 4 March 2026 or 3 April 2026; set Date order (dateOrder) to MDY or DMY); ignored');
  });

  it("it reads in the order the vault's other notes show (day first here)", () => {
    const dir = vault({ 'Acme.md': AMBIGUOUS, 'Other.md': '---\nstage: Applied\napplied: 25.02.2026\n---\n' });
    const r = cli(dir, 'advise', 'Acme.md', '--today', '2026-04-05', '--json');
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { momentSummary: string }).momentSummary).toMatch(/2 days ago/);
  });

  it('the date order set in the config file wins', () => {
    const dir = vault({ 'Acme.md': AMBIGUOUS, 'Other.md': '---\nstage: Applied\napplied: 25.02.2026\n---\n' });
    fs.writeFileSync(path.join(dir, '.job-hunt-advisor.json'), JSON.stringify({ dateOrder: 'MDY' }));
    const r = cli(dir, 'advise', 'Acme.md', '--today', '2026-03-06', '--json');
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { momentSummary: string }).momentSummary).toMatch(/2 days ago/);
  });

  it('a wrong date order in the config file is one line naming it', () => {
    const dir = vault({ 'Acme.md': AMBIGUOUS });
    fs.writeFileSync(path.join(dir, '.job-hunt-advisor.json'), JSON.stringify({ dateOrder: 'DDMM' }));
    const r = cli(dir, 'advise', 'Acme.md', '--today', '2026-03-06');
    expect(r.stderr).toMatch(/Date order \(dateOrder\) must be one of "auto", "YMD", "MDY", "DMY", not "DDMM"/);
  });
});

describe('Dataview inline fields in the body', () => {
  const NOTE = [
    '---',
    'stage: Interviewing',
    '---',
    '# Acme',
    'Company:: [[Acme]]',
    '**Date Applied**:: 2026-02-20',
    'Status:: Applied',
    'Round one (interview:: 2026-03-12) with (interviewer:: Ana Silva) and (interviewer:: Ben Ito).',
    '```',
    'Role:: Not this one',
    '```',
  ].join('\n');

  it('advise reads them where the frontmatter has none, and warns, naming the field, where they disagree', () => {
    const dir = vault({ 'Acme.md': NOTE });
    const r = cli(dir, 'advise', 'Acme.md', '--today', '2026-03-13', '--json');
    const out = JSON.parse(r.stdout) as { company: string; stage: string; role?: string; followUps: { title: string }[]; warnings: { field: string }[] };
    expect(out.company).toBe('Acme');
    expect(out.stage).toBe('interviewing');
    expect(out.role).toBeUndefined(); // only in a code block
    const letters = out.followUps.map((f) => f.title).filter((t) => /thank-you/i.test(t));
    expect(letters.join('\n')).toMatch(/Ana Silva/);
    expect(letters.join('\n')).toMatch(/Ben Ito/);
    expect(out.warnings.map((w) => w.field)).toEqual(['Status']);
    expect(r.stderr.trim().split('\n')).toEqual([
      'Acme.md: Status:: "Applied" in the note\'s text differs from stage "Interviewing" in its properties; the properties are used',
    ]);
  });

  it('followups finds an application written only in inline fields, with no frontmatter', () => {
    const dir = vault({ 'Jobs/Initech.md': 'Stage:: Applied\nCompany:: Initech\nApplied:: 2026-03-02\n', 'Jobs/Notes.md': 'Nothing:: here\n' });
    const r = cli(dir, 'followups', 'Jobs', '--today', '2026-03-09', '--json');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Initech');
    expect(r.stdout).not.toContain('Notes.md');
  });
});
