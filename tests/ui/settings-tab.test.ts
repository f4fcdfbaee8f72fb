// @vitest-environment happy-dom
// The settings tab: it draws without headings of its own, reads stage words the way people write
// them, and turning automatic creation on catches up at once.
import { describe, expect, it } from 'vitest';
import { formatStageAliases, parseStageAliases } from '../../src/ui/settings-tab';
import { makeApp, settle, startPlugin, taskNotes } from '../obsidian/harness';

describe('the settings tab', () => {
  it('draws its sections with setHeading, never with HTML headings', async () => {
    const r = await startPlugin(makeApp());
    const [tab] = r.mock.settingTabs__;
    if (!tab) throw new Error('no settings tab');
    // The test stands in for Obsidian before 1.13, which calls display() to draw the tab.
    const obsidian: { display(): void } = tab;
    obsidian.display();
    expect(tab.containerEl.querySelector('h1, h2, h3, h4, h5, h6')).toBeNull();
    expect(tab.containerEl.textContent).toContain('Tasks folder');
    expect(tab.containerEl.textContent).toContain('Extra stage words');
  });

  it('reads extra stage words, and says which lines it could not read', () => {
    const { aliases, rejected } = parseStageAliases('Phone call: screening\nPipeline: Applied\nnonsense\nLater: someday\n');
    expect(aliases).toEqual({ 'Phone call': 'screening', Pipeline: 'applied' });
    expect(rejected).toEqual(['nonsense', 'Later: someday']);
    expect(parseStageAliases(formatStageAliases(aliases)).aliases).toEqual(aliases);
  });

  it('turning automatic creation on creates the planned tasks at once', async () => {
    const r = await startPlugin(makeApp(), { settings: { autoCreate: false } });
    expect(taskNotes(r.app)).toHaveLength(0);
    r.plugin.settings.autoCreate = true;
    r.plugin.autoCreateChanged(true);
    await settle(r);
    expect(taskNotes(r.app).length).toBeGreaterThan(0);
  });
});
