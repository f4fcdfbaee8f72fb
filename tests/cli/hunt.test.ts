// `new`, `stage` and `export` end to end, in-process, on temporary vaults: what is written, what is
// printed, and that bad input writes nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, snapshotFiles, tempVault } from './helpers';

const created: string[] = [];
function vault(files: Record<string, string> = {}, copyExample = false): string {
  const dir = tempVault(files, copyExample);
  created.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function frontmatter(file: string): Record<string, unknown> {
  const text = fs.readFileSync(file, 'utf8');
  return load(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '', { schema: CORE_SCHEMA }) as Record<string, unknown>;
}

const STATUS_NOTE = (company: string, status: string): string => `---\nstatus: ${status}\nemployer: ${company}\nposition: Analyst\ndate_applied: 2026-02-01\n---\n# ${company}\n`;

describe('job-hunt-advisor new', () => {
  it('creates `Company - Role.md` in the default schema and folder of an empty vault, and prints its path', () => {
    const dir = vault({ '.job-hunt-advisor.json': '{}' });
    const ran = cli(dir, 'new', '.', '--company', 'Orchid Labs', '--role', 'Analyst', '--stage', 'applied', '--hiring-manager', 'Dana Whitfield', '--url', 'https://example.com/job/1');
    expect(ran).toEqual({ code: 0, stdout: 'Job applications/Orchid Labs - Analyst.md\n', stderr: '' });
    expect(frontmatter(path.join(dir, 'Job applications/Orchid Labs - Analyst.md'))).toEqual({
      company: 'Orchid Labs', role: 'Analyst', stage: 'Applied', applied: '2026-03-10', hiring_manager: 'Dana Whitfield',
      url: 'https://example.com/job/1', stage_history: ['2026-03-10: Applied'], tags: ['job-application'],
    });
    // The same again never overwrites: the next free name.
    expect(cli(dir, 'new', '.', '--company', 'Orchid Labs', '--role', 'Analyst').stdout).toBe('Job applications/Orchid Labs - Analyst 2.md\n');
  });

  it('writes in the field names and stage words the vault already uses, where its applications are', () => {
    const dir = vault({ '.job-hunt-advisor.json': '{}', 'Jobs/Acme.md': STATUS_NOTE('Acme', 'applied'), 'Jobs/Birch.md': STATUS_NOTE('Birch', 'interview') });
    const ran = cli(dir, 'new', '.', '--company', 'Cedar', '--role', 'Writer', '--stage', 'interviewing', '--applied', '2026-03-01');
    expect(ran.stdout).toBe('Jobs/Cedar - Writer.md\n');
    expect(frontmatter(path.join(dir, 'Jobs/Cedar - Writer.md'))).toEqual({ employer: 'Cedar', position: 'Writer', status: 'interview', date_applied: '2026-03-01', stage_history: ['2026-03-10: interview'] });
  });

  it('gives unsafe names a safe file name whose note keeps the original title, and fills a template note', () => {
    const dir = vault({ '.job-hunt-advisor.json': JSON.stringify({ templateNote: 'Templates/Application', newApplicationsFolder: 'Hunt' }), 'Templates/Application.md': '---\nstage:\ncompany:\nrole:\nsource: referral\n---\n## {{title}}\n\nAdded {{date}}.\n' });
    const ran = cli(dir, 'new', '.', '--company', 'R&D: "Labs"/EU', '--role', 'Dev|Ops?');
    expect(ran).toMatchObject({ code: 0, stdout: 'Hunt/R&D Labs EU - Dev Ops.md\n' });
    const text = fs.readFileSync(path.join(dir, 'Hunt/R&D Labs EU - Dev Ops.md'), 'utf8');
    expect(frontmatter(path.join(dir, 'Hunt/R&D Labs EU - Dev Ops.md'))).toEqual({
      stage: 'Wishlist', company: 'R&D: "Labs"/EU', role: 'Dev|Ops?', source: 'referral', stage_history: ['2026-03-10: Wishlist'], aliases: ['R&D: "Labs"/EU - Dev|Ops?'],
    });
    expect(text).toContain('## R\\&D: "Labs"/EU - Dev\\|Ops?\n\nAdded 2026-03-10.\n');
  });

  it('refuses a missing vault folder, an unknown stage (listing the known ones), an impossible date or a missing template, in one line, writing nothing', () => {
    const dir = vault({ 'Jobs/Acme.md': STATUS_NOTE('Acme', 'applied') });
    const before = snapshotFiles(dir);
    const missing = cli(dir, 'new', 'nowhere', '--company', 'A', '--role', 'B');
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'nowhere: no such folder; nothing written\n' });
    const stage = cli(dir, 'new', '.', '--company', 'A', '--role', 'B', '--stage', 'Pondering');
    expect(stage.code).toBe(2);
    expect(stage.stderr.split('\n')[0]).toBe('job-hunt-advisor: "Pondering" is not a stage (known: wishlist, applied, screening, interviewing, offer, accepted, rejected, withdrawn, ghosted); nothing written');
    expect(cli(dir, 'new', '.', '--company', 'A', '--role', 'B', '--applied', '2026-02-30')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^job-hunt-advisor: --applied "2026-02-30" is not a calendar date/) as unknown });
    expect(cli(dir, 'new', '.', '--company', 'A')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^job-hunt-advisor: new needs --company and --role\n/) as unknown });
    fs.writeFileSync(path.join(dir, '.job-hunt-advisor.json'), JSON.stringify({ templateNote: 'Templates/Gone' }));
    const noTemplate = cli(dir, 'new', '.', '--company', 'A', '--role', 'B');
    expect(noTemplate).toEqual({ code: 1, stdout: '', stderr: '.: template note Templates/Gone.md: no such file or folder; nothing written\n' });
    fs.rmSync(path.join(dir, '.job-hunt-advisor.json'));
    expect(snapshotFiles(dir)).toEqual(before);
  });
});

describe('job-hunt-advisor stage', () => {
  it('moves a new application through applied, interviewing and rejected: the stage, its dates, the history and the follow-ups', () => {
    const dir = vault({ '.job-hunt-advisor.json': '{}' });
    cli(dir, 'new', '.', '--company', 'Kestrel Health', '--role', 'Designer', '--hiring-manager', 'Ana Silva');
    const note = 'Job applications/Kestrel Health - Designer.md';
    const applied = cli(dir, 'stage', note, 'applied', '--on', '2026-03-02');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(`${note}: Wishlist -> Applied on 2026-03-02`);
    expect(applied.stdout).toMatch(/Follow-ups now planned:\n.*Connect with Ana Silva/);
    const interviewing = cli(dir, 'stage', note, 'Interviewing', '--interview', '2026-03-12');
    expect(interviewing.stdout).toContain('Applied -> Interviewing on 2026-03-10');
    expect(interviewing.stdout).toMatch(/Follow-ups now planned:\n(.*\n)*.*who will interview you on 2026-03-12(.*\n)*.*thank-you letter/);
    const rejected = cli(dir, 'stage', note, 'rejected', '--on', '2026-03-20');
    // Shown by date: the application was sent (backdated) before the note was made.
    expect(rejected.stdout).toContain('Stage history:\n  2026-03-02: Applied\n  2026-03-10: Wishlist\n  2026-03-10: Interviewing\n  2026-03-20: Rejected\n');
    expect(rejected.stdout).toMatch(/feedback/i);
    expect(frontmatter(path.join(dir, note))).toMatchObject({
      stage: 'Rejected', applied: '2026-03-02', interview: '2026-03-12', decision: '2026-03-20',
      stage_history: ['2026-03-10: Wishlist', '2026-03-02: Applied', '2026-03-10: Interviewing', '2026-03-20: Rejected'],
    });
  });

  it('changes only its own lines: comments, other fields, CRLF and the body stay byte for byte', () => {
    const text = '---\r\n# my own comment\r\nstatus: Applied   \r\nemployer: "Acme"\r\nnotes: |\r\n  keep me\r\n---\r\nBody, with stage: Applied in it.\r\n';
    const dir = vault({ 'Acme.md': text });
    expect(cli(dir, 'stage', 'Acme.md', 'offer', '--on', '2026-03-09').code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'Acme.md'), 'utf8')).toBe(
      '---\r\n# my own comment\r\nstatus: Offer\r\nemployer: "Acme"\r\nnotes: |\r\n  keep me\r\napplied: 2026-03-09\r\ndecision: 2026-03-09\r\nstage_history:\r\n  - "2026-03-09: Offer"\r\n---\r\nBody, with stage: Applied in it.\r\n',
    );
  });

  it('refuses an unknown stage, an impossible date, a missing note, a history it cannot extend safely, writing nothing', () => {
    const dir = vault({ 'Acme.md': '---\nstage: Applied\nstage_history: [2026-03-01 Applied]\n---\n', 'Birch.md': '---\nstage: Applied\n---\n' });
    const before = snapshotFiles(dir);
    const unknown = cli(dir, 'stage', 'Birch.md', 'Pondering');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('job-hunt-advisor: Birch.md: "Pondering" is not a stage (known: Wishlist, Applied, Screening, Interviewing, Offer, Accepted, Rejected, Withdrawn, Ghosted); nothing written');
    expect(cli(dir, 'stage', 'Birch.md', 'offer', '--on', '2026-13-01')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^job-hunt-advisor: --on "2026-13-01" is not a calendar date/) as unknown });
    expect(cli(dir, 'stage', 'Gone.md', 'offer')).toEqual({ code: 1, stdout: '', stderr: 'Gone.md: no such file; nothing written\n' });
    expect(cli(dir, 'stage', 'Acme.md', 'offer')).toEqual({ code: 1, stdout: '', stderr: 'Acme.md: stage_history is written as [...; make it a list with one entry per line first; nothing written\n' });
    expect(cli(dir, 'stage', 'Birch.md', 'applied').stderr).toMatch(/^job-hunt-advisor: Birch.md: already at Applied; nothing changed\n/);
    expect(cli(dir, 'stage', 'Birch.md')).toMatchObject({ code: 2 });
    expect(snapshotFiles(dir)).toEqual(before);
  });
});

describe('job-hunt-advisor stage, planning as followups does', () => {
  interface Planned { application?: string; title: string; due?: string | null }
  const plan = (list: Planned[], note: string): string[] => list.filter((f) => f.application === undefined || f.application === note).map((f) => `${f.due ?? ''} ${f.title}`).sort();

  // What `stage` prints as planned is what `followups` then plans for the note: the same reading,
  // with the note's inline fields, the folder's advice pack and the experts switched off.
  it.each([
    ['the example vault, its pack and all', {}],
    ['a pack expert switched off', { '.job-hunt-advisor.json': JSON.stringify({ expertsOff: ['pack:ines-moreau'] }) }],
    ['an interviewer named only in an inline field', { 'Applications/Inline Co - Analyst.md': '---\nstage: Applied\ncompany: Inline Co\nrole: Analyst\napplied: 2026-03-01\n---\nInterviewers:: Noor Haddad\nInterview date:: 2026-03-16\n' }],
  ])('%s', (_, files) => {
    const dir = vault(files, true);
    // Every application moved on, half to interviewing, half to rejected (one already there stays).
    const said = new Map<string, Planned[]>();
    fs.readdirSync(path.join(dir, 'Applications')).forEach((name, i) => {
      const note = `Applications/${name}`;
      const moved = i % 2 === 0 ? cli(dir, 'stage', note, 'interviewing', '--interview', '2026-03-16', '--json') : cli(dir, 'stage', note, 'rejected', '--on', '2026-03-12', '--json');
      if (moved.code === 0) said.set(note, (JSON.parse(moved.stdout) as { followUps: Planned[] }).followUps);
    });
    expect(said.size).toBeGreaterThan(4);
    const planned = (JSON.parse(cli(dir, 'followups', '.', '--json').stdout) as { followUps: Planned[] }).followUps;
    for (const [note, list] of said) expect(plan(list, note), note).toEqual(plan(planned, note));
  });
});

describe('job-hunt-advisor export', () => {
  /** RFC 4180 records, for reading the CSV back as a spreadsheet would. */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { row.push(cell); cell = ''; }
      else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
      else cell += c;
    }
    return rows;
  }

  const hostile = {
    'Jobs/Formula.md': '---\nstage: Applied\ncompany: "=HYPERLINK(\\"http://x\\",\\"pay\\")"\nrole: "+1, -2 \\"quoted\\""\napplied: 2026-03-01\nstage_history:\n  - "2026-03-01: Applied"\n---\n',
    'Jobs/At.md': '---\nstage: Rejected\ncompany: "@SUM(A1)"\nrole: "-Lead"\napplied: 2026-02-01\n---\n',
    'Jobs/Line\nbreak.md': '---\nstage: Wishlist\ncompany: Plain\nrole: Analyst\n---\n',
  };

  it('writes one RFC 4180 row per application, with every hostile value kept as text', () => {
    const dir = vault(hostile);
    const ran = cli(dir, 'export', '.', '--today', '2026-03-09');
    expect(ran.code).toBe(0);
    expect(ran.stdout.startsWith('\uFEFFCompany,Role,Stage,Applied,Last stage change,Next follow-up,Next follow-up due,Note\r\n')).toBe(true);
    const rows = parseCsv(ran.stdout.slice(1));
    expect(rows.map((r) => r.length)).toEqual([8, 8, 8, 8]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], r[7]])).toEqual([
      ["'@SUM(A1)", "'-Lead", 'Rejected', '2026-02-01', '', 'Jobs/At.md'],
      ["'=HYPERLINK(\"http://x\",\"pay\")", '\'+1, -2 "quoted"', 'Applied', '2026-03-01', '2026-03-01', 'Jobs/Formula.md'],
      ['Plain', 'Analyst', 'Wishlist', '', '', 'Jobs/Line\nbreak.md'],
    ]);
    // Every cell a spreadsheet could run starts with the quote that makes it text.
    expect(rows.flat().filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(rows[2]?.[5]).not.toBe('');
  });

  it('writes JSON with the values as they are, and refuses both formats or a missing folder', () => {
    const dir = vault(hostile);
    const json = JSON.parse(cli(dir, 'export', '.', '--json', '--today', '2026-03-09').stdout) as { today: string; applications: Record<string, string>[] };
    expect(json.today).toBe('2026-03-09');
    expect(json.applications.map((a) => a.company)).toEqual(['@SUM(A1)', '=HYPERLINK("http://x","pay")', 'Plain']);
    expect(Object.keys(json.applications[0] ?? {})).toEqual(['company', 'role', 'stage', 'applied', 'lastStageChange', 'nextFollowUp', 'nextFollowUpDue', 'path']);
    expect(cli(dir, 'export', '.', '--csv', '--json')).toMatchObject({ code: 2, stderr: expect.stringMatching(/not both/) as unknown });
    expect(cli(dir, 'export', 'nowhere')).toEqual({ code: 1, stdout: '', stderr: 'nowhere: no such folder; nothing written\n' });
  });

  it('exports the example vault: every application, with its next follow-up', () => {
    const dir = vault({}, true);
    const json = JSON.parse(cli(dir, 'export', '.', '--json', '--today', '2026-03-09').stdout) as { applications: Record<string, string>[] };
    expect(json.applications).toHaveLength(7);
    expect(json.applications.every((a) => a.path?.startsWith('Applications/'))).toBe(true);
    expect(json.applications.find((a) => a.company === 'Orchid Labs')).toMatchObject({ stage: 'Applied', applied: '2026-03-08', nextFollowUpDue: '2026-03-09' });
  });
});
