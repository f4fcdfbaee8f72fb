import { describe, expect, it } from 'vitest';
import { FIELD_MEANINGS } from '../../src/core/model';
import { checkSetting, DEFAULT_SETTINGS, defaultSettings, readSettings, SETTINGS, SETTING_KEYS } from '../../src/core/settings';

describe('the settings table', () => {
  it('gives every setting a default that its own check accepts', () => {
    for (const key of SETTING_KEYS) {
      const check = checkSetting(key, SETTINGS[key].default);
      expect(check, key).toEqual({ ok: true, value: SETTINGS[key].default });
    }
  });

  it('refuses a number outside its bounds with one line naming the setting and the bounds', () => {
    for (const bad of [10, 49, 3001, 200.5, -1, '12x', 'ten', null]) {
      const check = checkSetting('connectionNoteLimit', bad);
      expect(check.ok, String(bad)).toBe(false);
      if (!check.ok) {
        expect(check.message).toMatch(/^Connection note length limit \(connectionNoteLimit\) must be a whole number from 50 to 3000, not /);
        expect(check.message).not.toContain('\n');
      }
    }
    expect(checkSetting('connectionNoteLimit', 50)).toEqual({ ok: true, value: 50 });
    expect(checkSetting('connectionNoteLimit', ' 300 ')).toEqual({ ok: true, value: 300 });
    expect(checkSetting('waitingTooLongDays', 0).ok).toBe(false);
    expect(checkSetting('waitingTooLongDays', 365)).toEqual({ ok: true, value: 365 });
  });

  it('checks choices, folders, tags and maps', () => {
    expect(checkSetting('calloutPlacement', 'middle')).toEqual({ ok: false, message: 'Where the callout goes (calloutPlacement) must be one of "top", "end", not "middle"' });
    expect(checkSetting('tasksFolder', '  ').ok).toBe(false);
    expect(checkSetting('tasksFolder', ' Tasks ')).toEqual({ ok: true, value: 'Tasks' });
    expect(checkSetting('applicationsTag', '#job')).toEqual({ ok: true, value: 'job' });
    expect(checkSetting('fieldMap', { stage: ' Phase ', role: '' })).toEqual({ ok: true, value: { stage: 'Phase' } });
    const meaning = checkSetting('fieldMap', { colour: 'x' });
    expect(meaning.ok).toBe(false);
    if (!meaning.ok) expect(meaning.message).toContain(FIELD_MEANINGS.join(', '));
    expect(checkSetting('stageAliases', { Pipeline: 'applied' })).toEqual({ ok: true, value: { Pipeline: 'applied' } });
    expect(checkSetting('stageAliases', { Pipeline: 'maybe' }).ok).toBe(false);
  });

  it('reads stored settings: wrong values become their default and are said, unknown keys listed', () => {
    const reading = readSettings({ connectionNoteLimit: 10, yourName: ' Sam ', old: true });
    expect(reading.settings.connectionNoteLimit).toBe(DEFAULT_SETTINGS.connectionNoteLimit);
    expect(reading.settings.yourName).toBe('Sam');
    expect(reading.problems.map((p) => p.key)).toEqual(['connectionNoteLimit']);
    expect(reading.unknown).toEqual(['old']);
    expect(readSettings(null)).toEqual({ settings: defaultSettings(), problems: [], unknown: [] });
  });

  it('hands out fresh defaults: changing one never changes the next', () => {
    const a = defaultSettings();
    a.fieldMap.stage = 'Phase';
    expect(defaultSettings().fieldMap).toEqual({});
  });
});
