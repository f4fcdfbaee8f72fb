// The config file's expertsOff list: the CLI's verdict, advice and follow-ups leave those experts out.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempVault } from './helpers';

const JUST_INTERVIEWED = '---\nstage: Interviewing\ncompany: Kestrel\nrole: Designer\napplied: 2026-02-20\ninterview: 2026-03-08\nhiring_manager: Ana Silva\n---\n';

describe('experts switched off in the config file', () => {
  it('are gone from the verdict, the advice and the follow-ups only they justified', () => {
    const dir = tempVault({ 'Kestrel.md': JUST_INTERVIEWED });
    const before = cli(dir, 'advise', 'Kestrel.md', '--today', '2026-03-09');
    expect(before.stdout).toContain('Craig Rosen (InterviewFocus)');
    expect(before.stdout).toMatch(/thank-you letter/i);

    fs.writeFileSync(path.join(dir, '.job-hunt-advisor.json'), JSON.stringify({ expertsOff: ['craig-rosen'] }));
    const after = cli(dir, 'advise', 'Kestrel.md', '--today', '2026-03-09');
    expect(after.code).toBe(0);
    expect(after.stderr).toBe('');
    expect(after.stdout).not.toContain('Craig Rosen');
    expect(after.stdout).not.toMatch(/thank-you letter/i);
    expect(after.stdout).toContain('Thylan Le (Markitors)');
    const followups = cli(dir, 'followups', 'Kestrel.md', '--today', '2026-03-09');
    expect(followups.stdout).not.toMatch(/thank-you/i);
  });

  it('a list that is not one is one line naming the setting', () => {
    const dir = tempVault({ 'Kestrel.md': JUST_INTERVIEWED, '.job-hunt-advisor.json': JSON.stringify({ expertsOff: 'craig-rosen' }) });
    const r = cli(dir, 'advise', 'Kestrel.md', '--today', '2026-03-09');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')[0]).toMatch(/\.job-hunt-advisor\.json: Experts switched off \(expertsOff\) must be a list of expert ids or names, not "craig-rosen"$/);
  });

  it('an entry that names nobody (a typo, a pack note since removed) is one line naming the config file and the entry; the rest still applies', () => {
    const pack = '---\nexpert: Rita Okafor\norganization: Careers Service\nmoments:\n  just-interviewed:\n    stance: wait\n    firmness: firm\n---\n';
    const dir = tempVault({
      'Kestrel.md': JUST_INTERVIEWED,
      'Job hunt advice/Rita Okafor.md': pack,
      '.job-hunt-advisor.json': JSON.stringify({ expertsOff: ['craig-rosen', 'Rita Okafur', 'pack:sam-lee'] }),
    });
    const r = cli(dir, 'advise', 'Kestrel.md', '--today', '2026-03-09');
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      '.job-hunt-advisor.json: Experts switched off (expertsOff): "Rita Okafur" names none of the nine experts or your pack\'s, so it switches nobody off (did you mean "Rita Okafor"?)',
      '.job-hunt-advisor.json: Experts switched off (expertsOff): "pack:sam-lee" names none of the nine experts or your pack\'s, so it switches nobody off (a pack note since removed or renamed?)',
    ]);
    // The entry that names someone still switches them off; the pack expert the typo missed still speaks.
    expect(r.stdout).not.toContain('Craig Rosen');
    expect(r.stdout).toContain('Rita Okafor');
    // Said once per run, also for a whole folder.
    const scan = cli(dir, 'followups', '.', '--today', '2026-03-09');
    expect(scan.stderr.match(/names none of the nine/g)).toHaveLength(2);
    // Once fixed, nothing is said.
    fs.writeFileSync(path.join(dir, '.job-hunt-advisor.json'), JSON.stringify({ expertsOff: ['craig-rosen', 'Rita Okafor'] }));
    expect(cli(dir, 'advise', 'Kestrel.md', '--today', '2026-03-09').stderr).toBe('');
  });
});
