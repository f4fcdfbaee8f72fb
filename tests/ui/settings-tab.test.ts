// @vitest-environment happy-dom
// The settings tab: definitions Obsidian's settings search indexes (1.13 and later) and the same
// rows drawn by hand for older versions; no heading over the first section; bounds and messages
// from the settings table; text saved once the typing stops, not on every keystroke.
import type { SettingDefinitionGroup, SettingDefinitionItem } from 'obsidian';
import { describe, expect, it, vi } from 'vitest';
import { FIELD_MEANINGS } from '../../src/core/model';
import { SETTINGS } from '../../src/core/settings';
import { AdvisorSettingTab, formatStageAliases, parseStageAliases, TEXT_SAVE_DELAY_MS } from '../../src/ui/settings-tab';
import { makeApp, settle, startPlugin, taskNotes } from '../obsidian/harness';
import type { Running } from '../obsidian/harness';

/** Draws the tab as Obsidian before 1.13 does (display() is deprecated from 1.13, and still what those versions call). */
function drawByHand(tab: AdvisorSettingTab): void {
  const before113: { display(): void } = tab;
  before113.display();
}

function theTab(r: Running): AdvisorSettingTab {
  const [tab] = r.mock.settingTabs__;
  if (!(tab instanceof AdvisorSettingTab)) throw new Error('no settings tab');
  return tab;
}

function groups(items: SettingDefinitionItem[]): SettingDefinitionGroup[] {
  return items.filter((i): i is SettingDefinitionGroup => 'type' in i && i.type === 'group');
}

describe('the settings tab', () => {
  it('gives Obsidian definitions for its settings search: no heading over the first group, the field names under a heading of their own', async () => {
    const r = await startPlugin(makeApp());
    const defs = theTab(r).getSettingDefinitions();
    const all = groups(defs);
    expect(all).toHaveLength(defs.length);
    expect(all[0]?.heading).toBeUndefined();
    expect(all.slice(1).every((g) => typeof g.heading === 'string' && g.heading !== '' && !/settings/i.test(g.heading))).toBe(true);
    const fields = all.find((g) => g.heading === 'Field names');
    const keys = (g: SettingDefinitionGroup | undefined): string[] => (g?.items ?? []).map((i) => ('control' in i && i.control ? i.control.key : ''));
    expect(keys(fields)).toEqual(FIELD_MEANINGS.map((m) => `fieldMap.${m}`));
    // Every setting of the table the plugin uses is somewhere in the tab, once.
    const shown = all.flatMap(keys);
    // (The first-run answer is no field: it is given by the question, or by turning the switch on;
    // experts are switched off one switch each, tests/ui/experts-off.test.ts.)
    for (const key of Object.keys(SETTINGS).filter((k) => k !== 'fieldMap' && k !== 'autoCreateConsent' && k !== 'expertsOff')) expect(shown.filter((k) => k === key), key).toHaveLength(1);
  });

  it('offers numbers as number inputs with the table bounds, and a message for a bad value', async () => {
    const r = await startPlugin(makeApp());
    const tab = theTab(r);
    const numbers = groups(tab.getSettingDefinitions()).flatMap((g) => g.items ?? []).flatMap((i) => ('control' in i && i.control?.type === 'number' ? [i.control] : []));
    expect(numbers.map((c) => c.key).sort()).toEqual(['connectionNoteLimit', 'waitingTooLongDays']);
    for (const c of numbers) {
      const rule = SETTINGS[c.key as 'connectionNoteLimit'];
      if (rule.kind !== 'whole') throw new Error('not a whole number');
      expect([c.min, c.max]).toEqual([rule.min, rule.max]);
      expect(c.validate?.(rule.max + 1)).toMatch(new RegExp(`from ${rule.min} to ${rule.max}`));
      expect(c.validate?.(rule.default)).toBeUndefined();
    }
    // The hand-drawn tab: a number input with its bounds; a bad value shows its message and is not kept.
    drawByHand(tab);
    const input = Array.from(tab.containerEl.querySelectorAll<HTMLInputElement>('input[type="number"]'));
    expect(input.map((i) => [i.min, i.max])).toEqual([['50', '3000'], ['1', '365']]);
    const limit = input[0];
    if (!limit) throw new Error('no number input');
    limit.value = '5';
    limit.dispatchEvent(new Event('input'));
    // The row: the setting element the input sits in (a child of the tab's container).
    let row: Element | null = limit;
    while (row && row.parentElement !== tab.containerEl) row = row.parentElement;
    const message = row?.querySelector('.jha-setting-error');
    expect(message?.textContent).toMatch(/Connection note length limit .* from 50 to 3000/);
    expect(r.plugin.settings.connectionNoteLimit).toBe(200);
    limit.value = '300';
    limit.dispatchEvent(new Event('input'));
    expect(message?.textContent).toBe('');
    expect(r.plugin.settings.connectionNoteLimit).toBe(300);
  });

  it('draws the same rows for Obsidian before 1.13: headings through setHeading, none over the first section', async () => {
    const r = await startPlugin(makeApp());
    const tab = theTab(r);
    drawByHand(tab);
    const el = tab.containerEl;
    expect(el.querySelector('h1, h2, h3, h4, h5, h6')).toBeNull();
    expect(el.firstElementChild?.classList.contains('setting-item-heading')).toBe(false);
    const headings = Array.from(el.querySelectorAll('.setting-item-heading')).map((h) => h.textContent);
    expect(headings).toEqual(['Your notes', 'Field names', 'New applications', 'Advice callout', 'Drafts', 'Experts', 'Advice pane']);
    expect(el.textContent).toContain('Tasks folder');
    expect(el.textContent).toContain('Extra stage words');
  });

  it('saves typing once it stops: ten keystrokes, one save (and one rebuild of the vault-wide lists)', async () => {
    const r = await startPlugin(makeApp());
    const tab = theTab(r);
    const saves = vi.spyOn(r.plugin, 'saveSettings');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let typed = '';
      for (const ch of 'Jane Doe 2') {
        typed += ch;
        await tab.change('yourName', typed);
      }
      expect(r.plugin.settings.yourName).toBe('Jane Doe 2');
      expect(saves).not.toHaveBeenCalled();
      vi.advanceTimersByTime(TEXT_SAVE_DELAY_MS + 1);
      expect(saves).toHaveBeenCalledTimes(1);
      // A switch saves at once.
      await tab.change('calloutFolded', false);
      expect(saves).toHaveBeenCalledTimes(2);
      expect(r.plugin.settings.calloutFolded).toBe(false);
    } finally {
      vi.useRealTimers();
    }
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
    await theTab(r).change('autoCreate', true);
    await settle(r);
    expect(taskNotes(r.app).length).toBeGreaterThan(0);
  });
});
