// Switching experts off (the expertsOff setting) goes through the one pipeline: a switched-off
// expert no longer votes, backs no advice, and the follow-ups only their advice justified are gone.
import { describe, expect, it } from 'vitest';
import { adviseOn } from '../../src/core/pipeline';
import type { AdviceReport, FollowUp } from '../../src/core/model';
import { checkSetting, defaultSettings, readSettings } from '../../src/core/settings';
import { unknownExpertsOff } from '../../src/core/advice';
import { BUILT_IN_KNOWLEDGE } from '../../src/core/knowledge';
import { knowledgeWithPack, readAdvicePack } from '../../src/core/packs';

const TODAY = '2026-03-09';
const JUST_INTERVIEWED = {
  stage: 'Interviewing',
  company: 'Kestrel Health',
  role: 'Product Designer',
  applied: '2026-02-20',
  interviews: [{ date: '2026-03-08', interviewers: ['Ana Silva', 'Ben Ito'] }],
  hiring_manager: 'Ana Silva',
};
const JUST_APPLIED = { stage: 'Applied', company: 'Orchid Labs', role: 'Analyst', applied: '2026-03-07', hiring_manager: 'Cy Oh' };

function advised(frontmatter: unknown, off: string[]): { report: AdviceReport; followUps: FollowUp[] } {
  const out = adviseOn({ path: 'Jobs/Note.md', frontmatter }, TODAY, { ...defaultSettings(), expertsOff: off });
  if (out.kind !== 'advice') throw new Error(`not advised: ${out.kind}`);
  return out;
}

function everyoneNamed(report: AdviceReport): string[] {
  const { verdict } = report;
  return [...verdict.for, ...verdict.against, ...verdict.general, ...report.advice.flatMap((a) => a.backers)].map((v) => v.expert.name);
}

describe('switching an expert off', () => {
  it('takes them out of the verdict, the advice attribution and the follow-ups only they justified', () => {
    const on = advised(JUST_INTERVIEWED, []);
    expect(everyoneNamed(on.report)).toContain('Craig Rosen');
    expect(on.followUps.map((f) => f.kind)).toContain('thank-you-letter');

    const off = advised(JUST_INTERVIEWED, ['craig-rosen']);
    expect(everyoneNamed(off.report)).not.toContain('Craig Rosen');
    expect(off.report.advice.map((a) => a.id)).not.toContain('thank-you-letter');
    expect(off.followUps.map((f) => f.kind)).not.toContain('thank-you-letter');
    // Others are untouched: Thylan Le still holds the request after the interview.
    expect(off.report.verdict.against.map((v) => v.expert.name)).toContain('Thylan Le');
  });

  it('names no switched-off expert anywhere in a follow-up (the connection request names every expert who advises connecting)', () => {
    for (const note of [JUST_APPLIED, { ...JUST_APPLIED, hiring_manager: undefined }]) {
      const on = advised(note, []);
      const request = on.followUps.find((f) => f.kind === 'connection-request');
      const named = request?.experts.map((e) => e.name) ?? [];
      expect(named.length).toBeGreaterThan(1);
      const [gone, ...kept] = named;
      const off = advised(note, [gone ?? '']);
      for (const f of off.followUps) {
        expect(f.experts.map((e) => e.name)).not.toContain(gone);
        expect(JSON.stringify(f)).not.toContain(gone);
      }
      const still = off.followUps.find((f) => f.kind === 'connection-request');
      if (still) expect(still.experts.map((e) => e.name)).toEqual(kept.filter((n) => still.experts.some((e) => e.name === n)));
    }
  });

  it('by name as well as by id, whatever the case', () => {
    const byId = advised(JUST_INTERVIEWED, ['craig-rosen']);
    expect(advised(JUST_INTERVIEWED, ['craig rosen']).report).toEqual(byId.report);
    expect(advised(JUST_INTERVIEWED, ['Craig Rosen']).followUps).toEqual(byId.followUps);
  });

  it('can change the verdict: with every voice for connecting off, the answer is not yet', () => {
    const on = advised(JUST_APPLIED, []);
    expect(on.report.verdict.connectNow).toBe(true);
    const { verdict } = on.report;
    const voicesFor = [...verdict.for, ...verdict.general.filter((v) => v.stance === 'connect')].map((v) => v.expert.id);
    expect(voicesFor.length).toBeGreaterThan(0);
    const off = advised(JUST_APPLIED, voicesFor);
    expect(off.report.verdict.connectNow).toBe(false);
    expect(off.followUps.map((f) => f.kind)).not.toContain('connection-request');
    // Switched back on, the same answer as before.
    expect(advised(JUST_APPLIED, []).report).toEqual(on.report);
  });

  it('is a setting of the one table: a list of ids or names, checked with one line', () => {
    expect(defaultSettings().expertsOff).toEqual([]);
    expect(defaultSettings().expertsOff).not.toBe(defaultSettings().expertsOff);
    expect(checkSetting('expertsOff', [' craig-rosen ', 'Rita Okafor', 'craig-rosen'])).toEqual({ ok: true, value: ['craig-rosen', 'Rita Okafor'] });
    for (const bad of ['craig-rosen', [''], [3], null]) {
      const check = checkSetting('expertsOff', bad);
      expect(check.ok, JSON.stringify(bad)).toBe(false);
      if (!check.ok) expect(check.message).toMatch(/^Experts switched off \(expertsOff\)/);
    }
    expect(readSettings({ expertsOff: ['thylan-le'] }).settings.expertsOff).toEqual(['thylan-le']);
  });

  it('names the entries that match no expert, so a typo is not silently ignored', () => {
    expect(unknownExpertsOff(BUILT_IN_KNOWLEDGE, ['craig-rosen', 'Thylan Le', 'Craig Rossen'])).toEqual(['Craig Rossen']);
  });

  it("a pack's expert switches off the same way, by id or by name, and their advice goes with them", () => {
    const pack = readAdvicePack([{
      path: 'Job hunt advice/Rita Okafor.md',
      frontmatter: { expert: 'Rita Okafor', organization: 'Careers Service', moments: { 'just-applied': { stance: 'connect', firmness: 'firm' } } },
      body: '## Write the week you apply\n\nMoments: just-applied\n\nA short hello that names the role.\n',
    }]);
    expect(pack.problems).toEqual([]);
    const knowledge = knowledgeWithPack(pack);
    const run = (off: string[]): AdviceReport => {
      const out = adviseOn({ path: 'Jobs/Note.md', frontmatter: JUST_APPLIED }, TODAY, { ...defaultSettings(), expertsOff: off }, knowledge);
      if (out.kind !== 'advice') throw new Error(out.kind);
      return out.report;
    };
    expect(everyoneNamed(run([]))).toContain('Rita Okafor');
    expect(run([]).advice.map((a) => a.title)).toContain('Write the week you apply');
    for (const off of [['pack:rita-okafor'], ['Rita Okafor']]) {
      const report = run(off);
      expect(everyoneNamed(report)).not.toContain('Rita Okafor');
      expect(report.advice.map((a) => a.title)).not.toContain('Write the week you apply');
    }
    expect(unknownExpertsOff(knowledge, ['rita okafor', 'pack:rita-okafor', 'Nobody'])).toEqual(['Nobody']);
  });
});
