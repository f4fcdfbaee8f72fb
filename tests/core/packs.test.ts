// Advice packs: a person's own experts, read from plain notes into the knowledge's own shapes,
// through the one pipeline: they can change a verdict where they speak and nowhere else, they are
// always marked as the person's own, and a mistake in a pack costs only what it spoils.
import { describe, expect, it } from 'vitest';
import { advise, compiledFor, compileKnowledge } from '../../src/core/advice';
import { renderAdviceCallout } from '../../src/core/callout';
import { BUILT_IN_KNOWLEDGE } from '../../src/core/knowledge';
import type { AdviceReport } from '../../src/core/model';
import { expertsOffProblems, isSwitchedOff, knowledgeWithPack, readAdvicePack, switchableExperts, withSwitch, type PackNote } from '../../src/core/packs';
import { adviseOn } from '../../src/core/pipeline';
import { formatReportText } from '../../src/core/report-text';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { verdictReason } from '../../src/core/wording';
import { ApplicationBuilder } from './builders';

const TODAY = '2026-03-20';

/** A mentor who would hold the request at an offer until it is signed, and connect once hired. */
const MENTOR: PackNote = {
  path: 'Job hunt advice/Nadia Brandt.md',
  frontmatter: {
    expert: 'Nadia Brandt',
    organization: 'My mentor, former hiring manager',
    source: 'Coffee chats, spring 2026',
    moments: {
      offer: { stance: 'wait', firmness: 'firm', because: 'An offer is not a contract: wait until it is signed.' },
      hired: { stance: 'connect', firmness: 'firm' },
    },
  },
  body: [
    'Notes from our chats.',
    '',
    '## Wait for the signed contract',
    '',
    'Moments: offer',
    '',
    'Until both sides have signed, keep the exchange on email with the recruiter.',
    '',
    '## Connect now that the job is yours',
    '',
    'Moments: hired',
    '',
    'Send the request in your first week, with a line about the team.',
    '',
  ].join('\n'),
};

const offer = (): ReturnType<ApplicationBuilder['build']> =>
  new ApplicationBuilder().stage('offer').applied('2026-02-01').decision('2026-03-18').hiringManager('Dana Whitfield').build();
const justApplied = (): ReturnType<ApplicationBuilder['build']> => new ApplicationBuilder().applied('2026-03-18').hiringManager('Dana Whitfield').build();

function withPack(notes: PackNote[], app = offer(), off: string[] = []): AdviceReport {
  const pack = readAdvicePack(notes);
  return advise(app, TODAY, compileKnowledge(knowledgeWithPack(pack), new Set(off)));
}

const names = (voices: readonly { expert: { name: string } }[]): string[] => voices.map((v) => v.expert.name);

describe('a valid pack', () => {
  it('reads one expert per note, in the same typed format as the nine, marked as the pack', () => {
    const pack = readAdvicePack([MENTOR]);
    expect(pack.problems).toEqual([]);
    expect(pack.experts).toHaveLength(1);
    const [nadia] = pack.experts;
    expect(nadia?.expert).toEqual({
      id: 'pack:nadia-brandt',
      name: 'Nadia Brandt',
      organization: 'My mentor, former hiring manager',
      source: 'Coffee chats, spring 2026',
      pack: 'Job hunt advice/Nadia Brandt.md',
    });
    expect(nadia?.moments.offer).toEqual({ reach: 'direct', stance: 'wait', firmness: 'firm', because: 'An offer is not a contract: wait until it is signed.' });
    // Without a reason of their own, the titles of their advice for that moment say why.
    expect(nadia?.moments.hired?.because).toBe('Connect now that the job is yours');
    // The text above the first heading is the note's own, not advice.
    expect(nadia?.advice.map((a) => a.note)).toEqual([
      'Until both sides have signed, keep the exchange on email with the recruiter.',
      'Send the request in your first week, with a line about the team.',
    ]);
  });

  it('changes the verdict at the moment it speaks to, and at no other', () => {
    const before = advise(offer(), TODAY);
    expect(before.verdict.connectNow).toBe(true);
    const after = withPack([MENTOR]);
    expect(after.verdict.connectNow).toBe(false);
    expect(names(after.verdict.against)).toEqual(['Nadia Brandt']);
    expect(names(after.verdict.for)).toEqual(['Craig Rosen']);
    expect(after.advice.map((a) => a.title)).toContain('Wait for the signed contract');

    // Just applied, waiting, interviewing: she said nothing, so nothing changes.
    for (const app of [justApplied(), new ApplicationBuilder().applied('2026-02-01').hiringManager('Dana Whitfield').build()]) {
      expect(withPack([MENTOR], app)).toEqual(advise(app, TODAY));
    }
  });

  it('names pack experts as yours in the verdict, the advice and every view, never as one of the nine', () => {
    const report = withPack([MENTOR]);
    expect(verdictReason(report)).toContain('Nadia Brandt (your pack) speaks to this moment and would wait');
    const text = formatReportText(report, []);
    expect(text).toContain('Nadia Brandt (My mentor, former hiring manager) [your pack]');
    expect(renderAdviceCallout(report, [])).toContain('Nadia Brandt (My mentor, former hiring manager) *your pack*');
  });

  it('an item titled like a built-in tip backs that tip beside the nine, marked as yours', () => {
    const hired = new ApplicationBuilder().stage('accepted').decision('2026-03-15').hiringManager('Dana Whitfield').build();
    const report = withPack([MENTOR], hired);
    const item = report.advice.find((a) => a.id === 'connect-once-hired');
    expect(item?.backers.map((b) => [b.expert.name, b.expert.pack ?? 'built-in'])).toEqual([
      ['Michael Staton', 'built-in'],
      ['Nadia Brandt', 'Job hunt advice/Nadia Brandt.md'],
    ]);
    // Not listed twice as two ideas.
    expect(report.advice.filter((a) => a.title === 'Connect now that the job is yours')).toHaveLength(1);
  });

  it('two pack notes with the same heading back one idea', () => {
    const friend: PackNote = {
      path: 'Job hunt advice/Sam Ortiz.md',
      frontmatter: { expert: 'Sam Ortiz', organization: 'Recruiter friend', moments: { offer: { stance: 'wait', firmness: 'hedged' } } },
      body: '## Wait for the signed contract\nMoments: offer\n\nRecruiters expect candidates to stay formal until the paperwork is done.\n',
    };
    const report = withPack([MENTOR, friend]);
    const item = report.advice.find((a) => a.title === 'Wait for the signed contract');
    expect(item?.backers.map((b) => [b.expert.name, b.firmness])).toEqual([
      ['Nadia Brandt', 'firm'],
      ['Sam Ortiz', 'hedged'],
    ]);
  });

  it('`waiting` covers waiting after an interview too, as for the nine', () => {
    const note: PackNote = {
      path: 'p/Lee.md',
      frontmatter: { expert: 'Lee Park', organization: 'Careers office', moments: { waiting: { stance: 'connect', firmness: 'firm' } } },
      body: '## Nudge after a quiet week\nMoments: waiting\n\nA short, friendly check-in is fair after a week of silence.\n',
    };
    const k = readAdvicePack([note]).experts[0];
    expect(Object.keys(k?.moments ?? {}).sort()).toEqual(['waiting', 'waiting-after-interview']);
    expect(k?.advice[0]?.direct).toEqual(['waiting', 'waiting-after-interview']);
  });

  it('goes through the one pipeline: adviseOn with the pack knowledge', () => {
    const knowledge = knowledgeWithPack(readAdvicePack([MENTOR]));
    const note = { path: 'Jobs/Orchid.md', frontmatter: { stage: 'Offer', company: 'Orchid Labs', applied: '2026-02-01', hiring_manager: 'Dana Whitfield' } };
    const withIt = adviseOn(note, TODAY, DEFAULT_SETTINGS, knowledge);
    const without = adviseOn(note, TODAY, DEFAULT_SETTINGS);
    if (withIt.kind !== 'advice' || without.kind !== 'advice') throw new Error('not advised');
    expect(without.report.verdict.connectNow).toBe(true);
    expect(withIt.report.verdict.connectNow).toBe(false);
    // The verdict decides the connection request follow-up.
    expect(without.followUps.map((f) => f.kind)).toContain('connection-request');
    expect(withIt.followUps.map((f) => f.kind)).not.toContain('connection-request');
  });
});

describe('switching experts off', () => {
  it('a pack expert switched off gives back the verdict of the nine', () => {
    expect(withPack([MENTOR], offer(), ['pack:nadia-brandt'])).toEqual(advise(offer(), TODAY));
  });

  it('a built-in expert switched off leaves the pack expert alone', () => {
    const report = withPack([MENTOR], offer(), ['craig-rosen']);
    expect(names(report.verdict.for)).toEqual([]);
    expect(names(report.verdict.against)).toEqual(['Nadia Brandt']);
    expect(report.advice.flatMap((a) => a.backers).map((b) => b.expert.name)).not.toContain('Craig Rosen');
  });

  it("an `id` in the note keeps the off switch when the expert is renamed; a switch stored under the name's id still counts and moves to the id", () => {
    const withId = (name: string): PackNote => ({ ...MENTOR, frontmatter: { ...(MENTOR.frontmatter as object), expert: name, id: 'nadia' } });
    // As the pipeline switches them off: the entries matched by id or name (compiledFor).
    const withPack = (notes: PackNote[], app: ReturnType<typeof offer>, off: string[]): AdviceReport => advise(app, TODAY, compiledFor(knowledgeWithPack(readAdvicePack(notes)), off));
    const nine = advise(offer(), TODAY);
    // Switched off by the id, under the first name and after a rename: the verdict of the nine both times.
    expect(withPack([withId('Nadia Brandt')], offer(), ['pack:nadia'])).toEqual(nine);
    expect(withPack([withId('Nadia Brandt-Lowe')], offer(), ['pack:nadia'])).toEqual(nine);
    // Without an id, a rename loses the switch (and the entry is then reported as naming nobody).
    const renamed = { ...MENTOR, frontmatter: { ...(MENTOR.frontmatter as object), expert: 'Nadia Brandt-Lowe' } };
    expect(names(withPack([renamed], offer(), ['pack:nadia-brandt']).verdict.against)).toEqual(['Nadia Brandt-Lowe']);
    expect(expertsOffProblems(knowledgeWithPack(readAdvicePack([renamed])), ['pack:nadia-brandt']).map((p) => p.entry)).toEqual(['pack:nadia-brandt']);
    // Migration: the id a switch was stored under before the note had its own (from the name) still switches her off...
    const [nadia] = readAdvicePack([withId('Nadia Brandt')]).experts;
    if (!nadia) throw new Error('not read');
    expect(nadia.expert.id).toBe('pack:nadia');
    expect(withPack([withId('Nadia Brandt')], offer(), ['pack:nadia-brandt'])).toEqual(nine);
    expect(isSwitchedOff(nadia.expert, ['pack:nadia-brandt'])).toBe(true);
    expect(isSwitchedOff(nadia.expert, ['NADIA BRANDT'])).toBe(true);
    // ...and switching her (off or on) stores only the stable id.
    expect(withSwitch(nadia.expert, ['craig-rosen', 'pack:nadia-brandt', 'Nadia Brandt'], false)).toEqual(['craig-rosen', 'pack:nadia']);
    expect(withSwitch(nadia.expert, ['craig-rosen', 'pack:nadia-brandt'], true)).toEqual(['craig-rosen']);
  });

  it('two notes with the same id, or an id that is not text, are one line each', () => {
    const a = { ...MENTOR, frontmatter: { ...(MENTOR.frontmatter as object), id: 'mentor' } };
    const b = broken({ ...OK_FM, id: 'Mentor' });
    const pack = readAdvicePack([a, b]);
    expect(pack.experts.map((k) => k.expert.name)).toEqual(['Nadia Brandt']);
    expect(pack.problems).toEqual([{ notePath: b.path, message: expect.stringMatching(/^expert "Ola Berg" \(id pack:mentor\) is already in "Job hunt advice\/Nadia Brandt.md"/) as unknown }]);
    const odd = readAdvicePack([broken({ ...OK_FM, id: 7 })]);
    expect(odd.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^id must be text .*not 7; the id from the name is used$/)]);
    expect(odd.experts[0]?.expert.id).toBe('pack:ola-berg');
  });

  it('lists every expert a person can switch off, the nine first', () => {
    const all = switchableExperts(readAdvicePack([MENTOR]));
    expect(all).toHaveLength(10);
    expect(all[0]?.id).toBe('zack-mccarty');
    expect(all[9]).toMatchObject({ id: 'pack:nadia-brandt', pack: 'Job hunt advice/Nadia Brandt.md' });
  });
});

/** A pack note with one thing wrong, beside MENTOR (which must load whatever happens). */
function broken(frontmatter: unknown, body = '## Keep a log\nMoments: waiting\n\nWrite down every contact.\n', path = 'Job hunt advice/Broken.md'): PackNote {
  return { path, frontmatter, body };
}
const OK_FM = { expert: 'Ola Berg', organization: 'Library careers desk', moments: { waiting: { stance: 'none', firmness: 'firm' } } };

describe('an invalid pack note', () => {
  const cases: { name: string; note: PackNote; says: RegExp; loads: boolean }[] = [
    { name: 'no frontmatter', note: broken(undefined), says: /needs frontmatter with expert/, loads: false },
    { name: 'missing expert name', note: broken({ ...OK_FM, expert: undefined }), says: /no expert name/, loads: false },
    { name: 'expert name not text', note: broken({ ...OK_FM, expert: 42 }), says: /no expert name.*not 42/, loads: false },
    { name: 'duplicate of a built-in expert', note: broken({ ...OK_FM, expert: 'Craig  Rosen' }), says: /"Craig Rosen" is already one of the built-in experts/, loads: false },
    { name: 'duplicate of another pack note', note: broken({ ...OK_FM, expert: 'nadia brandt' }), says: /already in "Job hunt advice\/Nadia Brandt.md"/, loads: false },
    { name: 'unknown moment', note: broken({ ...OK_FM, moments: { 'after-coffee': { stance: 'connect', firmness: 'firm' } } }), says: /"after-coffee" is not a moment/, loads: true },
    { name: 'unknown stance', note: broken({ ...OK_FM, moments: { waiting: { stance: 'maybe', firmness: 'firm' } } }), says: /stance "maybe" is not one of connect, wait or none/, loads: true },
    { name: 'missing stance', note: broken({ ...OK_FM, moments: { waiting: { firmness: 'firm' } } }), says: /stance nothing is not one of/, loads: true },
    { name: 'bad firmness', note: broken({ ...OK_FM, moments: { waiting: { stance: 'wait', firmness: 'very' } } }), says: /firmness "very" is not one of firm or hedged/, loads: true },
    { name: 'moment without stance and firmness', note: broken({ ...OK_FM, moments: { waiting: 'wait' } }), says: /moments.waiting must give a stance/, loads: true },
    { name: 'moments not a map', note: broken({ ...OK_FM, moments: ['waiting'] }), says: /moments must be a set of moment ids/, loads: true },
    { name: 'missing organization', note: broken({ ...OK_FM, organization: '' }), says: /no organization for Ola Berg/, loads: true },
    { name: 'empty advice item', note: broken(OK_FM, '## Keep a log\nMoments: waiting\n\n   \n'), says: /advice "Keep a log" is empty/, loads: true },
    { name: 'missing Moments line', note: broken(OK_FM, '## Keep a log\n\nWrite down every contact.\n'), says: /advice "Keep a log" has no "Moments:" line/, loads: true },
    { name: 'unknown moment in an item', note: broken(OK_FM, '## Keep a log\nMoments: someday\n\nWrite down every contact.\n'), says: /advice "Keep a log": "someday" is not a moment/, loads: true },
    { name: 'bad firmness in an item', note: broken(OK_FM, '## Keep a log\nMoments: waiting\nFirmness: mostly\n\nWrite it down.\n'), says: /advice "Keep a log": firmness "mostly"/, loads: true },
    { name: 'empty heading', note: broken(OK_FM, '##\nMoments: waiting\n\nWrite it down.\n'), says: /empty ## heading/, loads: true },
    { name: 'the same item twice', note: broken(OK_FM, '## Keep a log\nMoments: waiting\n\nOne.\n\n## Keep a log\nMoments: waiting\n\nTwo.\n'), says: /appears twice/, loads: true },
    { name: 'source not text', note: broken({ ...OK_FM, source: { url: 'x' } }), says: /source must be text/, loads: true },
    { name: 'unknown key (moment: for moments:)', note: broken({ expert: 'Ola Berg', organization: 'Desk', moment: { waiting: { stance: 'wait' } } }), says: /^"moment" is not a key of an advice pack note \(did you mean "moments"\?\); ignored/, loads: true },
    { name: 'a known key in another case (Source:)', note: broken({ ...OK_FM, Source: 'x' }), says: /^"Source" is not a key of an advice pack note \(did you mean "source"\?\); ignored \(keys: expert, id, organization, source, moments\)/, loads: true },
    { name: 'unknown key in a moment (stanse)', note: broken({ ...OK_FM, moments: { waiting: { stanse: 'wait', firmness: 'firm' } } }), says: /^moments.waiting: "stanse" is not a key .*did you mean "stance"/, loads: true },
    { name: 'nothing usable', note: broken({ expert: 'Ola Berg', organization: 'Desk', moments: { soon: { stance: 'wait' } } }, 'Just a note.\n'), says: /says nothing usable yet/, loads: true },
  ];

  for (const c of cases) {
    it(`${c.name}: one line naming the note, the rest of the pack loads, the nine untouched`, () => {
      const pack = readAdvicePack([MENTOR, c.note]);
      const lines = pack.problems.filter((p) => c.says.test(p.message));
      expect(lines, JSON.stringify(pack.problems)).toHaveLength(1);
      expect(lines[0]?.notePath).toBe(c.note.path);
      expect(lines[0]?.message).not.toContain('\n');
      expect(pack.problems.every((p) => p.notePath === c.note.path)).toBe(true);
      expect(pack.experts.map((k) => k.expert.name)).toEqual(c.loads ? ['Nadia Brandt', 'Ola Berg'] : ['Nadia Brandt']);
      // The good note still changes the offer verdict; the nine are as they were.
      expect(withPack([MENTOR, c.note]).verdict.against.map((v) => v.expert.name)).toContain('Nadia Brandt');
      expect(knowledgeWithPack(pack).experts.slice(0, 9)).toEqual(BUILT_IN_KNOWLEDGE.experts);
    });
  }

  it("leaves the person's own properties alone (a template's created, Linter's date modified, a website): no problem, the expert loads", () => {
    const note = broken({ ...OK_FM, created: '2026-11-02', 'date modified': '2026-11-30', website: 'https://example.org' });
    const pack = readAdvicePack([MENTOR, note]);
    expect(pack.problems).toEqual([]);
    expect(pack.experts.map((k) => k.expert.name)).toEqual(['Nadia Brandt', 'Ola Berg']);
  });

  it('only the bad entry is left out: the good moments and items of the same note load', () => {
    const note = broken(
      { expert: 'Ola Berg', organization: 'Desk', moments: { waiting: { stance: 'connect', firmness: 'firm' }, later: { stance: 'wait', firmness: 'firm' } } },
      '## Keep a log\nMoments: waiting\n\nWrite down every contact.\n\n## Broken one\n\nNo moments here.\n',
    );
    const [ola] = readAdvicePack([note]).experts;
    expect(Object.keys(ola?.moments ?? {})).toEqual(['waiting', 'waiting-after-interview']);
    expect(ola?.advice.map((a) => a.note)).toEqual(['Write down every contact.']);
  });

  it("a typo'd key is said once and the rest of the note still counts; Obsidian's own properties are not typos", () => {
    const note = broken({ expert: 'Ola Berg', Organisation: 'Desk', tags: ['advice'], aliases: ['Ola'], cssclasses: ['x'], moments: { offer: { stance: 'wait', firmness: 'firm', becuase: 'Sign first.' } } });
    const pack = readAdvicePack([note]);
    expect(pack.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^"Organisation" is not a key .*\(did you mean "organization"\?\)/),
      expect.stringMatching(/no organization for Ola Berg/),
      expect.stringMatching(/^moments.offer: "becuase" is not a key .*\(did you mean "because"\?\)/),
    ]);
    // The moment still counts: Ola holds the request at an offer.
    expect(withPack([note]).verdict.against.map((v) => v.expert.name)).toEqual(['Ola Berg']);
  });

  it('an unsaid firmness reads as a hedge, never firmer than said', () => {
    const [ola] = readAdvicePack([broken({ expert: 'Ola Berg', organization: 'Desk', moments: { offer: { stance: 'wait' } } }, '## Sleep on it\nMoments: offer\n\nTake a night.\n')]).experts;
    expect(ola?.moments.offer?.firmness).toBe('hedged');
    expect(ola?.advice[0]?.firmness).toBe('hedged');
  });
});

describe('pack text is data, never code or markup', () => {
  it('a heading inside fenced code is not an advice item', () => {
    const [ola] = readAdvicePack([broken(OK_FM, '## Keep a log\nMoments: waiting\n\n```\n## not an item\nMoments: offer\n```\n')]).experts;
    expect(ola?.advice).toHaveLength(1);
    expect(ola?.advice[0]?.direct).toEqual(['waiting', 'waiting-after-interview']);
  });

  it('HTML, links and Markdown in a pack are shown as their characters in the callout', () => {
    const evil: PackNote = {
      path: 'Job hunt advice/Evil.md',
      frontmatter: { expert: '<img src=x onerror=alert(1)>', organization: '[[Secret]] %%hide%%', moments: { offer: { stance: 'wait', firmness: 'firm' } } },
      body: '## <script>alert(1)</script> [click](https://evil.example)\nMoments: offer\n\n<b>bold</b> ==mark==\n',
    };
    const report = withPack([evil]);
    const callout = renderAdviceCallout(report, []);
    // Every tag, link, comment and highlight opener carries its backslash.
    expect(callout).not.toMatch(/(?<!\\)<(img|script|b)|(?<!\\)\[(?!!job)|(?<!\\)%%|(?<!\\)==|(?<!\\)\]\(/);
    expect(callout).toContain('\\<img src\\=x onerror\\=alert(1)\\> (your pack)');
  });
});
