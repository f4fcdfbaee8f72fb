// @vitest-environment happy-dom
// The advice pack in the plugin: read from the packs folder through the metadata cache and
// cachedRead, and live: creating, editing, renaming or deleting a pack note changes the open pane
// and the advice a moment later. Its problems are one line each naming the note; pack notes are
// never advised and never get task notes.
import { WorkspaceLeaf as MockLeaf } from 'obsidian-test-mocks/obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADVICE_VIEW_TYPE, AdvicePane } from '../../src/ui/advice-pane';
import { AdvisorSettingTab } from '../../src/ui/settings-tab';
import { PACK_RELOAD_DELAY_MS } from '../../src/obsidian/advice-pack';
import { isApplicationNote } from '../../src/obsidian/application-notes';
import { APPLICATION_PATH, file, makeApp, read, savedData, settle, startPlugin, taskNotes } from './harness';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Running } from './harness';
import { recordNotices } from './notices';

const notices: string[] = [];
recordNotices((text) => notices.push(text));

/** A careers adviser who says connect before an interview (the harness's application has one in 3 days). */
const RITA = `---
expert: Rita Okafor
organization: Careers Service
source: "https://careers.example.org/guides/interviews"
moments:
  interview-ahead:
    stance: connect
    firmness: firm
---

## Say hello before the interview

Moments: interview-ahead

A short note to the hiring manager the week before shows you are keen.
`;
const SAM = RITA.replace('Rita Okafor', 'Sam Adeyemi').replace('Careers Service', 'My old manager').replace('## Say hello before the interview', '## Write before you meet');
const RITA_PATH = 'Job hunt advice/Rita Okafor.md';

/** The pane, open beside the application or `path` (the mock's workspace does not make views itself). */
async function openPane(r: Running, path = APPLICATION_PATH): Promise<AdvicePane> {
  await r.app.workspace.getLeaf(false).openFile(file(r.app, path));
  const create = r.mock.views__.get(ADVICE_VIEW_TYPE);
  if (!create) throw new Error('view not registered');
  const leaf = MockLeaf.create2__(r.mockApp).asOriginalType3__();
  const view = create(leaf);
  if (!(view instanceof AdvicePane)) throw new Error('no pane');
  view.load();
  await view.onOpen();
  // Where the plugin looks for its open panes to redraw them.
  const getLeavesOfType = r.app.workspace.getLeavesOfType.bind(r.app.workspace);
  vi.spyOn(r.app.workspace, 'getLeavesOfType').mockImplementation((type) => (type === ADVICE_VIEW_TYPE ? [Object.assign(leaf, { view })] : getLeavesOfType(type)));
  expect(view.contentEl.textContent).toContain('Kestrel Health');
  return view;
}

const text = (pane: AdvicePane): string => pane.contentEl.textContent ?? '';

// A reload comes a moment after the last change (and the pane's redraw a moment after that): the
// clock is a fake one that the tests move on, instead of waiting for real.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});
const STEP_MS = 50;

/** Moves the clock on in small steps until `check` passes: a reload's result, and no later than needed. */
async function soon(check: () => void): Promise<void> {
  for (let waited = 0; ; waited += STEP_MS) {
    try {
      check();
      return;
    } catch (error) {
      if (waited >= PACK_RELOAD_DELAY_MS * 10) throw error;
    }
    await vi.advanceTimersByTimeAsync(STEP_MS);
  }
}

/** Moves the clock on by `ms`, for what must still hold after any reload had its time. */
const later = (ms: number): Promise<void> => vi.advanceTimersByTimeAsync(ms).then(() => undefined);

describe('the advice pack in the plugin', () => {
  it("reads the packs folder at start-up: the pack's expert speaks in the pane, marked as the person's own", async () => {
    const r = await startPlugin(makeApp({ [RITA_PATH]: RITA }));
    const pane = await openPane(r);
    await soon(() => expect(text(pane)).toContain('Rita Okafor'));
    expect(text(pane)).toMatch(/Rita Okafor \(Careers Service\)[^.]*your pack/);
    expect(text(pane)).toContain('Say hello before the interview');
    // One firm voice for against two hedged ones: still a tie, so not yet.
    expect(text(pane)).toMatch(/not yet/i);
  });

  it('follows the pack live: a new note changes the verdict, an edit moves its expert, a rename out of the folder or a delete takes them away', async () => {
    const r = await startPlugin(makeApp({ [RITA_PATH]: RITA }), { settings: { autoCreate: false } });
    const pane = await openPane(r);
    await soon(() => expect(text(pane)).toContain('Rita Okafor'));
    const headline = (): string => pane.contentEl.querySelector('.jha-verdict-headline')?.textContent ?? '';
    expect(headline()).toMatch(/not yet/i);

    // Created: a second voice for connecting tips the balance.
    await r.app.vault.create('Job hunt advice/Sam Adeyemi.md', SAM);
    await soon(() => expect(text(pane)).toContain('Sam Adeyemi'));
    expect(headline()).not.toMatch(/not yet/i);

    // Edited: Rita now says wait, and her advice item's heading changes with the note.
    await r.app.vault.modify(file(r.app, RITA_PATH), RITA.replace('stance: connect', 'stance: wait').replace('Say hello before the interview', 'Let the interview speak first'));
    await soon(() => expect(text(pane)).toContain('Let the interview speak first'));
    expect(text(pane)).not.toContain('Say hello before the interview');
    expect(headline()).toMatch(/not yet/i);

    // Renamed inside the folder: still there (the id comes from the name, not the path).
    await r.app.fileManager.renameFile(file(r.app, RITA_PATH), 'Job hunt advice/Rita.md');
    await r.app.vault.modify(file(r.app, 'Job hunt advice/Rita.md'), read(r.app, 'Job hunt advice/Rita.md')); // the mock's cache is keyed by path
    await settle(r);
    await later(PACK_RELOAD_DELAY_MS * 2);
    expect(text(pane)).toContain('Rita Okafor');
    // Moved out of the folder: no longer part of the pack.
    await r.app.fileManager.renameFile(file(r.app, 'Job hunt advice/Rita.md'), 'Archive/Rita.md');
    await soon(() => expect(text(pane)).not.toContain('Rita Okafor'));
    // Deleted: gone too, and the nine are as they were.
    await r.app.fileManager.trashFile(file(r.app, 'Job hunt advice/Sam Adeyemi.md'));
    await soon(() => expect(text(pane)).not.toContain('Sam Adeyemi'));
    expect(headline()).toMatch(/not yet/i);
    expect(text(pane)).toContain('Craig Rosen');
  });

  it("the whole hunt follows the pack: an application's next step in the pipeline is the one its advice now plans", async () => {
    const r = await startPlugin(makeApp({ [RITA_PATH]: RITA }), { settings: { autoCreate: false } });
    // On a note that is not an application, the pane shows the whole hunt, each open application's next step.
    const pane = await openPane(r, 'Ideas.md');
    const next = (): string => pane.contentEl.querySelector('.jha-pipeline-next')?.textContent ?? '';
    await soon(() => expect(text(pane)).toContain('Your job hunt: 1 application'));
    await later(PACK_RELOAD_DELAY_MS * 2);
    // Rita alone ties the verdict: no connection request yet, the research before the interview comes first.
    expect(next()).toMatch(/^Look up Ana Silva/);

    // A second voice for connecting: the request is planned for today, so it is the next step.
    await r.app.vault.create('Job hunt advice/Sam Adeyemi.md', SAM);
    await soon(() => expect(next()).toMatch(/^Connect with Ana Silva .* 2026-03-09/));

    // And back: with Sam gone, the request is no longer planned.
    await r.app.fileManager.trashFile(file(r.app, 'Job hunt advice/Sam Adeyemi.md'));
    await soon(() => expect(next()).toMatch(/^Look up Ana Silva/));
  });

  it('a mistake in a pack note is one line naming it, in the pane and once in a notice; the rest of the pack still counts', async () => {
    notices.length = 0;
    const broken = SAM.replace('stance: connect', 'stance: maybe');
    const r = await startPlugin(makeApp({ [RITA_PATH]: RITA, 'Job hunt advice/Sam Adeyemi.md': broken }));
    const pane = await openPane(r);
    await soon(() => expect(pane.contentEl.querySelector('.jha-pack-problems')).not.toBeNull());
    const lines = Array.from(pane.contentEl.querySelectorAll('.jha-pack-problems .jha-problem')).map((e) => e.textContent ?? '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/^Job hunt advice\/Sam Adeyemi\.md: /);
      expect(line).not.toContain('\n');
    }
    expect(lines.join(' ')).toContain('maybe');
    expect(text(pane)).toContain('Rita Okafor');
    const said = (): string[] => notices.filter((n) => n.includes('Sam Adeyemi.md'));
    expect(said()).toEqual(lines.map((l) => `Job Hunt Advisor: ${l}`));
    // Saved again unchanged: not said a second time. Fixed: the problem leaves the pane.
    await r.app.vault.modify(file(r.app, 'Job hunt advice/Sam Adeyemi.md'), broken + '\n');
    await later(PACK_RELOAD_DELAY_MS * 2);
    expect(said()).toHaveLength(lines.length);
    await r.app.vault.modify(file(r.app, 'Job hunt advice/Sam Adeyemi.md'), SAM);
    await soon(() => expect(pane.contentEl.querySelector('.jha-pack-problems')).toBeNull());
    expect(text(pane)).toContain('Sam Adeyemi');
  });

  it('pack notes are never applications: no advice command, no task notes, whatever their properties say', async () => {
    const withStage = RITA.replace('expert: Rita Okafor', 'expert: Rita Okafor\nstage: Applied\ncompany: Careers Service');
    const r = await startPlugin(makeApp({ [RITA_PATH]: withStage }));
    await settle(r);
    expect(isApplicationNote(r.plugin.notes, file(r.app, RITA_PATH), r.plugin.settings)).toBe(false);
    expect(taskNotes(r.app).some((t) => read(r.app, t.path).includes('Rita Okafor.md'))).toBe(false);
    expect(read(r.app, RITA_PATH)).toBe(withStage);
  });

  it("the settings tab offers the pack's experts beside the nine, and switching one off takes them out", async () => {
    const r = await startPlugin(makeApp({ [RITA_PATH]: RITA }));
    const pane = await openPane(r);
    await soon(() => expect(text(pane)).toContain('Rita Okafor'));
    const [tab] = r.mock.settingTabs__;
    if (!(tab instanceof AdvisorSettingTab)) throw new Error('no settings tab');
    (tab as { display(): void }).display();
    expect(tab.containerEl.textContent).toContain(`Careers Service · from your pack (${RITA_PATH})`);
    await tab.change('expertOn.pack:rita-okafor', false);
    expect(r.plugin.settings.expertsOff).toEqual(['pack:rita-okafor']);
    expect(text(pane)).not.toContain('Rita Okafor');
  });

  it('a switch naming nobody (a typo, a pack note since deleted) is one line in a notice and the pane, and the settings tab can forget it', async () => {
    notices.length = 0;
    const r = await startPlugin(makeApp({ [RITA_PATH]: RITA }), { settings: { expertsOff: ['craig-rosn', 'pack:rita-okafor'] } });
    const pane = await openPane(r);
    const lines = (): string[] => Array.from(pane.contentEl.querySelectorAll('.jha-pack-problems .jha-problem')).map((e) => e.textContent ?? '');
    const typo = 'Experts switched off (expertsOff): "craig-rosn" names none of the nine experts or your pack\'s, so it switches nobody off (did you mean "craig-rosen"?)';
    const gone = 'Experts switched off (expertsOff): "pack:rita-okafor" names none of the nine experts or your pack\'s, so it switches nobody off (a pack note since removed or renamed?)';
    await soon(() => expect(lines()).toEqual([typo]));
    // The entry that names someone still works: Rita is off.
    expect(text(pane)).not.toContain('Rita Okafor');
    await r.app.fileManager.trashFile(file(r.app, RITA_PATH));
    await soon(() => expect(lines()).toEqual([typo, gone]));
    expect(notices.filter((n) => n.includes('names none'))).toEqual([`Job Hunt Advisor: ${typo}`, `Job Hunt Advisor: ${gone}`]);

    // The settings tab shows each such entry as a switch left off; switching it on forgets it.
    const [tab] = r.mock.settingTabs__;
    if (!(tab instanceof AdvisorSettingTab)) throw new Error('no settings tab');
    (tab as { display(): void }).display();
    expect(tab.containerEl.textContent).toContain('"craig-rosn"');
    expect(tab.containerEl.textContent).toContain('Switch on to forget it.');
    await tab.change('expertOn.craig-rosn', true);
    expect(r.plugin.settings.expertsOff).toEqual(['pack:rita-okafor']);
    expect(lines()).toEqual([gone]);
    expect(notices.filter((n) => n.includes('names none'))).toHaveLength(2);
  });

  it('opened in the pane, a pack note says it is one: the expert it defines, where they count, its problems, or that they are switched off', async () => {
    const typo = RITA.replace('organization: Careers Service', 'organization: Careers Service\nmoment: offer');
    const r = await startPlugin(makeApp({ [RITA_PATH]: typo }), { settings: { autoCreate: false } });
    const pane = await openPane(r);
    await soon(() => expect(text(pane)).toContain('Rita Okafor'));
    await r.app.workspace.getLeaf(false).openFile(file(r.app, RITA_PATH));
    r.app.workspace.trigger('file-open', file(r.app, RITA_PATH)); // as Obsidian does (the mock does not)
    await soon(() => expect(text(pane)).toContain('Advice pack note: Rita Okafor (Careers Service)'));
    const note = (): string => pane.contentEl.querySelector('.jha-pack-note')?.textContent ?? '';
    expect(note()).toContain('Source: https://careers.example.org/guides/interviews');
    expect(note()).toContain('In use: Rita Okafor speaks beside the nine experts, marked as your pack. Their stance counts in the verdict at: interview-ahead.');
    expect(note()).toContain('Say hello before the interview');
    expect(note()).toContain('"moment" is not a key of an advice pack note (did you mean "moments"?)');
    expect(text(pane)).not.toContain('is not an application note');
    // Switched off: the pane says so.
    r.plugin.settings.expertsOff = ['pack:rita-okafor'];
    await r.plugin.saveSettings();
    await soon(() => expect(note()).toContain('Switched off in the settings: Rita Okafor counts in no verdict'));
    // Broken beyond reading: not in use, and why.
    await r.app.vault.modify(file(r.app, RITA_PATH), RITA.replace('expert: Rita Okafor\n', ''));
    await soon(() => expect(note()).toContain('Not in use'));
    expect(note()).toContain('no expert name');
  });

  it("with an id in the note, the switch survives renaming the expert; one stored under the name's id shows off and moves to the id", async () => {
    const withId = RITA.replace('expert: Rita Okafor', 'expert: Rita Okafor\nid: rita');
    // Switched off before the note had its id (stored under the id from the name).
    const r = await startPlugin(makeApp({ [RITA_PATH]: withId }), { settings: { expertsOff: ['pack:rita-okafor'] } });
    const pane = await openPane(r);
    const [tab] = r.mock.settingTabs__;
    if (!(tab instanceof AdvisorSettingTab)) throw new Error('no settings tab');
    await soon(() => expect(r.plugin.pack.experts().map((e) => e.id)).toContain('pack:rita'));
    expect(text(pane)).not.toContain('Rita Okafor');
    expect(tab.getControlValue('expertOn.pack:rita')).toBe(false);
    expect(r.plugin.pack.switchesNamingNobody()).toEqual([]);
    // Switched on and off again from the tab: stored under the stable id.
    await tab.change('expertOn.pack:rita', true);
    await tab.change('expertOn.pack:rita', false);
    expect(r.plugin.settings.expertsOff).toEqual(['pack:rita']);
    // Renamed in the note: still off.
    await r.app.vault.modify(file(r.app, RITA_PATH), withId.replace('expert: Rita Okafor', 'expert: Rita Okafor-Mensah'));
    await soon(() => expect(r.plugin.pack.experts().map((e) => e.name)).toContain('Rita Okafor-Mensah'));
    expect(text(pane)).not.toContain('Rita Okafor');
    expect(tab.getControlValue('expertOn.pack:rita')).toBe(false);
  });

  it('a different packs folder in the settings is read at once; an empty one means no pack', async () => {
    const r = await startPlugin(makeApp({ 'Mentors/Rita Okafor.md': RITA }));
    const pane = await openPane(r);
    expect(text(pane)).not.toContain('Rita Okafor');
    r.plugin.settings.packsFolder = 'Mentors';
    await r.plugin.saveSettings();
    await soon(() => expect(text(pane)).toContain('Rita Okafor'));
    r.plugin.settings.packsFolder = '';
    await r.plugin.saveSettings();
    await soon(() => expect(text(pane)).not.toContain('Rita Okafor'));
  });

  it('settings changed on another device (data.json synced) count at once: a new packs folder is read, a wrong value is said as at start', async () => {
    const r = await startPlugin(makeApp({ 'Mentors/Rita Okafor.md': RITA }));
    const pane = await openPane(r);
    expect(text(pane)).not.toContain('Rita Okafor');
    notices.length = 0;
    const saved = savedData(r) as { settings: Record<string, unknown> };
    r.mock.data__ = { ...saved, settings: { ...saved.settings, packsFolder: 'Mentors', waitingTooLongDays: -3 } };
    await r.plugin.onExternalSettingsChange();
    await soon(() => expect(text(pane)).toContain('Rita Okafor'));
    expect(r.plugin.settings.packsFolder).toBe('Mentors');
    const said = notices.filter((n) => n.includes('waitingTooLongDays'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/its default is used until you change it in the settings\.$/);
    expect(r.plugin.settings.waitingTooLongDays).toBe(DEFAULT_SETTINGS.waitingTooLongDays);
  });
});
