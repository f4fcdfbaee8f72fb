// @vitest-environment happy-dom
// Switching an expert off in the plugin's settings tab: the pane, the callout and the follow-ups
// leave them out at once, the choice is saved in data.json, and switching back brings them back.
import type { SettingDefinitionGroup } from 'obsidian';
import { describe, expect, it, vi } from 'vitest';
import { EXPERTS } from '../../src/core/experts';
import { renderAdvicePane } from '../../src/ui/advice-pane-render';
import { advicePaneState } from '../../src/ui/advice-pane-state';
import { AdvisorSettingTab } from '../../src/ui/settings-tab';
import { APPLICATION_PATH, file, makeApp, read, savedData, settle, startPlugin, taskNotes, TODAY } from '../obsidian/harness';
import type { Running } from '../obsidian/harness';

function theTab(r: Running): AdvisorSettingTab {
  const [tab] = r.mock.settingTabs__;
  if (!(tab instanceof AdvisorSettingTab)) throw new Error('no settings tab');
  return tab;
}

function paneText(r: Running): string {
  const el = document.body.createDiv();
  const state = advicePaneState(file(r.app, APPLICATION_PATH), { app: r.app, settings: r.plugin.settings, memory: r.plugin.memory, notes: r.plugin.notes, today: TODAY });
  renderAdvicePane(el, state, { onOpen: vi.fn(), onCreateFollowUps: vi.fn(), onInsertCallout: vi.fn(), onCopyDraft: vi.fn() });
  return el.textContent ?? '';
}

describe('switching experts off in the settings tab', () => {
  it('has a switch per expert, named with their organization, all on at first', async () => {
    const r = await startPlugin(makeApp());
    const tab = theTab(r);
    const group = tab.getSettingDefinitions().find((g): g is SettingDefinitionGroup => 'type' in g && g.type === 'group' && g.heading === 'Experts');
    const rows = (group?.items ?? []).filter((i) => 'control' in i && i.control?.type === 'toggle').map((i) => ('control' in i && i.control ? { name: i.name, desc: i.desc, type: i.control.type, key: i.control.key } : undefined));
    expect(rows).toEqual(EXPERTS.map((e) => ({ name: e.name, desc: e.organization, type: 'toggle', key: `expertOn.${e.id}` })));
    for (const e of EXPERTS) expect(tab.getControlValue(`expertOn.${e.id}`), e.name).toBe(true);
    // Drawn by hand for Obsidian before 1.13: the same heading and names.
    (tab as { display(): void }).display();
    const text = tab.containerEl.textContent ?? '';
    expect(text).toContain('Experts');
    expect(text).toContain('Deborah Bubis');
    expect(text).toContain('Recruiter and Sourcer');
  });

  it('an expert switched off leaves the pane, the callout and the follow-ups only they justified; switched on, all comes back', async () => {
    const r = await startPlugin(makeApp(), { settings: { autoCreate: false } });
    // Interview ahead: Craig Rosen alone advises studying the interviewers (a research task).
    const before = paneText(r);
    expect(before).toContain('Craig Rosen');
    expect(before).toMatch(/thank-you letter/i);

    await theTab(r).change('expertOn.craig-rosen', false);
    expect(r.plugin.settings.expertsOff).toEqual(['craig-rosen']);
    expect((savedData(r) as { settings: { expertsOff: string[] } }).settings.expertsOff).toEqual(['craig-rosen']);
    const after = paneText(r);
    expect(after).not.toContain('Craig Rosen');
    expect(after).not.toMatch(/thank-you letter/i);
    expect(after).toContain('Thylan Le');
    await r.plugin.insertCallout(file(r.app, APPLICATION_PATH));
    const callout = read(r.app, APPLICATION_PATH);
    expect(callout).toContain('Thylan Le');
    expect(callout).not.toContain('Craig Rosen');
    await r.plugin.createFollowUps(file(r.app, APPLICATION_PATH));
    await settle(r);
    expect(taskNotes(r.app).map((t) => t.basename).join('\n')).not.toMatch(/thank-you/i);

    await theTab(r).change('expertOn.craig-rosen', true);
    expect(r.plugin.settings.expertsOff).toEqual([]);
    expect(paneText(r)).toContain('Craig Rosen');
  });
});
