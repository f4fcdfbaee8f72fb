// The command-line tool with an advice pack: `--packs <folder>`, the `packsFolder` setting of the
// config file, the default "Job hunt advice" folder in the vault, `--no-packs`; every problem of a
// pack one line on stderr naming the note, the rest still advising.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, snapshotFiles, tempVault, TODAY } from './helpers';

const OFFER = `---
stage: Offer
company: Orchid Labs
role: Analyst
applied: 2026-02-01
decision: 2026-03-06
hiring_manager: Dana Whitfield
---
Offer came by email.
`;

const JUST_APPLIED = `---
stage: Applied
company: Bluefin Logistics
role: Planner
applied: 2026-03-07
hiring_manager: Leo Hartmann
---
`;

const MENTOR = `---
expert: Nadia Brandt
organization: My mentor
source: Coffee chats, spring 2026
moments:
  offer:
    stance: wait
    firmness: firm
---

## Wait for the signed contract

Moments: offer

Until both sides have signed, keep the exchange on email with the recruiter.
`;

const BROKEN = `---
expert: Sam Ortiz
organization: Recruiter friend
moments:
  offer:
    stance: perhaps
    firmness: firm
  interviewing:
    stance: wait
---

## Say thanks

Moments: just-interviewed
`;

function vault(files: Record<string, string>): string {
  // The config file marks the vault's root (so "Job hunt advice" is looked for there).
  return tempVault({ '.job-hunt-advisor.json': '{}', 'Jobs/Orchid Labs.md': OFFER, 'Jobs/Bluefin.md': JUST_APPLIED, ...files });
}

const answer = (stdout: string): string => /Connect with [^?]+\? ([^.]+)\./.exec(stdout)?.[1] ?? '(none)';
/** The text as one line: the terminal output wraps at 88 columns. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('advice packs on the command line', () => {
  it('--packs <folder> changes the verdict where the pack speaks, and only there', () => {
    const dir = vault({ 'Mentors/Nadia Brandt.md': MENTOR });
    const before = cli(dir, 'advise', 'Jobs/Orchid Labs.md', '--today', TODAY);
    expect(answer(before.stdout)).toBe('Yes, it may help');
    const after = cli(dir, 'advise', 'Jobs/Orchid Labs.md', '--today', TODAY, '--packs', 'Mentors');
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
    expect(answer(after.stdout)).toBe('Not yet');
    expect(flat(after.stdout)).toContain('Nadia Brandt (your pack) speaks to this moment and would wait');
    expect(flat(after.stdout)).toContain('Nadia Brandt (My mentor) [your pack]');
    expect(flat(after.stdout)).toContain('From your advice pack - Nadia Brandt (My mentor): Coffee chats, spring 2026 (Mentors/Nadia Brandt.md)');
    // Where she says nothing, nothing changes.
    const applied = (extra: string[]): string => cli(dir, 'advise', 'Jobs/Bluefin.md', '--today', TODAY, ...extra).stdout;
    expect(applied(['--packs', 'Mentors'])).toBe(applied([]));
  });

  it('--json names each pack expert with its note and source, beside the nine without', () => {
    const dir = vault({ 'Mentors/Nadia Brandt.md': MENTOR });
    const r = cli(dir, 'advise', 'Jobs/Orchid Labs.md', '--today', TODAY, '--packs', 'Mentors', '--json');
    const json = JSON.parse(r.stdout) as { verdict: { for: unknown[]; against: unknown[] } };
    expect(json.verdict.against).toEqual([expect.objectContaining({ name: 'Nadia Brandt', pack: 'Mentors/Nadia Brandt.md', source: 'Coffee chats, spring 2026', stance: 'wait' })]);
    expect(json.verdict.for).toEqual([expect.not.objectContaining({ pack: expect.anything() as unknown })]);
  });

  it('reads the default "Job hunt advice" folder of the vault, never as applications; --no-packs leaves it out', () => {
    const dir = vault({ 'Job hunt advice/Nadia Brandt.md': MENTOR });
    const scan = cli(dir, 'followups', '.', '--today', TODAY, '--details');
    expect(scan.stderr).toBe('');
    expect(scan.stdout).toContain('Follow-ups for the 2 applications');
    expect(flat(scan.stdout)).toContain('Nadia Brandt (My mentor) [your pack]');
    const without = cli(dir, 'followups', '.', '--today', TODAY, '--details', '--no-packs');
    expect(without.stdout).not.toContain('Nadia Brandt');
    // --no-packs gives exactly the advice of a vault without a pack.
    const bare = vault({});
    expect(without.stdout).toBe(cli(bare, 'followups', '.', '--today', TODAY, '--details').stdout);
  });

  it('a pack note is never advised or planned for, whatever its properties say: asked about, it says why; --packs names the folder for the run', () => {
    const withStage = MENTOR.replace('expert: Nadia Brandt', 'expert: Nadia Brandt\nstage: Applied\ncompany: Mentoring\napplied: 2026-03-01\nhiring_manager: Dana Whitfield');
    const dir = vault({ 'Job hunt advice/Nadia Brandt.md': withStage, 'Mentors/Sam.md': withStage.replace(/Nadia Brandt/g, 'Sam Ortiz') });
    const asked = cli(dir, 'advise', 'Job hunt advice/Nadia Brandt.md', '--today', TODAY);
    expect(asked.code).toBe(1);
    expect(asked.stdout).toBe('');
    // (The pack reader also says that stage, company... are not keys of a pack note.)
    expect(asked.stderr).toContain(`${path.join('Job hunt advice', 'Nadia Brandt.md')}: "stage" is not a key of an advice pack note`);
    expect(asked.stderr.trimEnd().split('\n').at(-1)).toBe(`${path.join('Job hunt advice', 'Nadia Brandt.md')}: in the advice pack folder "Job hunt advice" (a setting), so an advice pack note (one of your experts), not an application`);
    const flagged = cli(dir, 'advise', 'Mentors/Sam.md', '--today', TODAY, '--packs', 'Mentors');
    expect(flagged.code).toBe(1);
    expect(flagged.stderr).toMatch(/in the advice pack folder "Mentors"/);
    // A scan with task notes written: none for a pack note, from the setting's folder or from --packs.
    for (const [files, extra] of [[{ 'Job hunt advice/Nadia Brandt.md': withStage }, []], [{ 'Mentors/Sam.md': withStage }, ['--packs', 'Mentors']]] as const) {
      const scanned = vault(files);
      const scan = cli(scanned, 'followups', '.', '--today', TODAY, '--write', ...extra);
      expect(scan.code).toBe(0);
      expect(scan.stdout).toContain('Follow-ups for the 2 applications');
      const tasks = [...snapshotFiles(scanned).keys()].filter((f) => f.startsWith('Job hunt tasks'));
      expect(tasks.length).toBeGreaterThan(0);
      expect(tasks.filter((f) => fs.readFileSync(path.join(scanned, f), 'utf8').includes('Mentoring'))).toEqual([]);
    }
  });

  it('packsFolder in the config file names the pack; --packs wins over it', () => {
    const dir = vault({
      'Advice/Mine/Nadia Brandt.md': MENTOR,
      'Other/Sam.md': MENTOR.replace('Nadia Brandt', 'Sam Ortiz'),
      '.job-hunt-advisor.json': JSON.stringify({ packsFolder: 'Advice/Mine' }),
    });
    const configured = cli(dir, 'advise', 'Jobs/Orchid Labs.md', '--today', TODAY);
    expect(flat(configured.stdout)).toContain('Nadia Brandt (your pack)');
    expect(configured.stdout).not.toContain('Sam Ortiz');
    const flag = cli(dir, 'advise', 'Jobs/Orchid Labs.md', '--today', TODAY, '--packs', 'Other');
    expect(flat(flag.stdout)).toContain('Sam Ortiz (your pack)');
    expect(flag.stdout).not.toContain('Nadia Brandt');
  });

  it('prints each problem of a pack as one line naming the note, and still advises with the rest', () => {
    const dir = vault({ 'Job hunt advice/Nadia Brandt.md': MENTOR, 'Job hunt advice/Sam Ortiz.md': BROKEN, 'Job hunt advice/Craig.md': MENTOR.replace('Nadia Brandt', 'Craig Rosen'), 'Job hunt advice/Bad yaml.md': '---\nexpert: [unclosed\n---\n' });
    const r = cli(dir, 'advise', 'Jobs/Orchid Labs.md', '--today', TODAY);
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    const at = (note: string): string[] => lines.filter((l) => l.startsWith(`${path.join('Job hunt advice', note)}: `));
    expect(at('Sam Ortiz.md')).toEqual([
      expect.stringMatching(/stance "perhaps" is not one of connect, wait or none/),
      expect.stringMatching(/"interviewing" is not a moment/),
      expect.stringMatching(/advice "Say thanks" is empty/),
      expect.stringMatching(/says nothing usable yet/),
    ]);
    expect(at('Craig.md')).toEqual([expect.stringMatching(/"Craig Rosen" is already one of the built-in experts/)]);
    expect(at('Bad yaml.md')).toEqual([expect.stringMatching(/broken frontmatter.*not read as advice/)]);
    expect(lines).toHaveLength(6);
    // The good note still counts; the nine are as they were.
    expect(answer(r.stdout)).toBe('Not yet');
    expect(flat(r.stdout)).toContain('Craig Rosen (InterviewFocus) [hedged]');
  });

  it('a --packs folder that is not there is a usage error; a configured one that is not there is said once', () => {
    const dir = vault({});
    const flag = cli(dir, 'advise', 'Jobs/Orchid Labs.md', '--today', TODAY, '--packs', 'Nowhere');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^job-hunt-advisor: --packs "Nowhere" is not a folder\n/);
    fs.writeFileSync(path.join(dir, '.job-hunt-advisor.json'), JSON.stringify({ packsFolder: 'Gone' }));
    const config = cli(dir, 'advise', 'Jobs/Orchid Labs.md', '--today', TODAY);
    expect(config.code).toBe(0);
    expect(config.stderr).toBe('Gone: advice pack folder not found; advising with the built-in experts only\n');
    expect(cli(dir, 'advise', 'Jobs/Orchid Labs.md', '--today', TODAY, '--packs', 'x', '--no-packs').code).toBe(2);
    fs.writeFileSync(path.join(dir, '.job-hunt-advisor.json'), JSON.stringify({ packsFolder: '.' }));
    const whole = cli(dir, 'followups', '.', '--today', TODAY);
    expect(whole.code).toBe(2);
    expect(whole.stderr).toMatch(/the advice pack folder is the whole vault/);
    fs.writeFileSync(path.join(dir, '.job-hunt-advisor.json'), JSON.stringify({ packsFolder: '../outside' }));
    const outside = cli(dir, 'advise', 'Jobs/Orchid Labs.md', '--today', TODAY);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/advice pack folder "..\/outside" is outside the vault/);
  });

  it('writes pack experts marked as yours, escaped, into the callout and the task notes; the pack notes are never written', () => {
    const evil = MENTOR.replace('expert: Nadia Brandt', 'expert: "<b>Nadia</b> [[Home]]"').replace('stance: wait', 'stance: connect').replace('## Wait for the signed contract', '## <script>x</script> sign first');
    const dir = vault({ 'Job hunt advice/Nadia.md': evil });
    const packBefore = snapshotFiles(path.join(dir, 'Job hunt advice'));
    expect(cli(dir, 'advise', 'Jobs/Orchid Labs.md', '--today', TODAY, '--write').code).toBe(0);
    const note = fs.readFileSync(path.join(dir, 'Jobs/Orchid Labs.md'), 'utf8');
    expect(note).toContain('\\<b\\>Nadia\\</b\\> \\[\\[Home\\]\\] (your pack)');
    expect(note).not.toMatch(/(?<!\\)<(b|script)>|(?<!\\)\[\[Home/);
    expect(cli(dir, 'followups', 'Jobs', '--today', TODAY, '--write').code).toBe(0);
    const tasks = fs.readdirSync(path.join(dir, 'Job hunt tasks')).map((f) => fs.readFileSync(path.join(dir, 'Job hunt tasks', f), 'utf8'));
    const request = tasks.find((t) => t.includes('Experts:') && t.includes('Nadia'));
    expect(request).toContain('from your advice pack');
    expect(request).not.toMatch(/(?<!\\)<b>|(?<!\\)\[\[Home/);
    expect(snapshotFiles(path.join(dir, 'Job hunt advice'))).toEqual(packBefore);
  });
  it('expertsOff in the config file switches a pack expert off, by name or id, and a built-in one beside it', () => {
    const dir = vault({ 'Job hunt advice/Nadia Brandt.md': MENTOR });
    const on = cli(dir, 'advise', 'Jobs/Orchid Labs.md', '--today', TODAY);
    expect(answer(on.stdout)).toBe('Not yet');
    for (const off of [['Nadia Brandt'], ['pack:nadia-brandt']]) {
      fs.writeFileSync(path.join(dir, '.job-hunt-advisor.json'), JSON.stringify({ expertsOff: off }));
      const r = cli(dir, 'advise', 'Jobs/Orchid Labs.md', '--today', TODAY);
      expect(r.stderr).toBe('');
      expect(answer(r.stdout)).toBe('Yes, it may help');
      expect(r.stdout).not.toContain('Nadia Brandt');
    }
    fs.writeFileSync(path.join(dir, '.job-hunt-advisor.json'), JSON.stringify({ expertsOff: ['craig-rosen'] }));
    const builtInOff = cli(dir, 'advise', 'Jobs/Orchid Labs.md', '--today', TODAY);
    expect(answer(builtInOff.stdout)).toBe('Not yet');
    expect(builtInOff.stdout).not.toContain('Craig Rosen');
    expect(flat(builtInOff.stdout)).toContain('Nadia Brandt (your pack)');
  });
});
