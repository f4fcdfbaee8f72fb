// The advice view's page and the smallest edit the commands apply.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { nonce, viewHtml } from '../../src/vscode/advice-view';
import { smallestChange } from '../../src/core/text-change';
import { readHostSettings, VSCODE_SETTING_KEYS } from '../../src/vscode/settings';
import { DEFAULT_SETTINGS, SETTINGS } from '../../src/core/settings';
import { extensionManifest } from '../../src/vscode/manifest';


describe('the advice view page', () => {
  const webview = { cspSource: 'vscode-resource:', asWebviewUri: (u: vscode.Uri) => u };
  const html = viewHtml(webview, vscode.Uri.file('/ext'), 'abc123');

  it('allows no remote content and runs only the script carrying its nonce', () => {
    const csp = /content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      'style-src vscode-resource:',
      'img-src vscode-resource:',
      'font-src vscode-resource:',
      "script-src 'nonce-abc123'",
    ]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain('nonce="abc123"');
  });

  it('gets a fresh, unguessable nonce each time', () => {
    const a = nonce();
    expect(a).toMatch(/^[0-9a-f]{36}$/);
    expect(nonce()).not.toBe(a);
  });
});

describe('the smallest edit', () => {
  it('turns the old text into the new one, within the changed part only', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (head, a, b, tail) => {
        const before = head + a + tail;
        const after = head + b + tail;
        const change = smallestChange(before, after);
        if (before === after) {
          expect(change).toBeUndefined();
          return;
        }
        if (!change) throw new Error('a change was expected');
        expect(before.slice(0, change.from) + change.insert + before.slice(change.to)).toBe(after);
        // No bigger than the part that differs (give or take the other half of a surrogate pair).
        expect(change.to - change.from).toBeLessThanOrEqual(a.length + 2);
        expect(change.insert.length).toBeLessThanOrEqual(b.length + 2);
        // Never a cut between the two halves of an emoji.
        const low = (s: string, i: number): boolean => /[\uDC00-\uDFFF]/.test(s.charAt(i));
        expect(low(before, change.from)).toBe(false);
        expect(low(before, change.to)).toBe(false);
      }),
    );
  });
});

describe('settings', () => {
  const set = (values: Record<string, unknown>) => ({ inspect: (key: string) => ({ workspaceValue: values[key] }) });
  const read = (values: Record<string, unknown>, file?: string) => readHostSettings(set(values), file === undefined ? undefined : { name: '.job-hunt-advisor.json', text: file });

  it('checks each value against the core table: out of bounds or the wrong type gives the default and one line naming the setting', () => {
    const low = read({ connectionNoteLimit: 20 });
    expect(low.settings.connectionNoteLimit).toBe(DEFAULT_SETTINGS.connectionNoteLimit);
    expect(low.problems).toEqual([expect.stringMatching(/^Setting jobHuntAdvisor\.connectionNoteLimit: .*connectionNoteLimit.* from 50 to 3000, not 20$/)]);
    expect(read({ connectionNoteLimit: 300 }).settings.connectionNoteLimit).toBe(300);
    expect(read({ tasksFolder: 42 }).settings.tasksFolder).toBe(DEFAULT_SETTINGS.tasksFolder);
    expect(read({ calloutPlacement: 'middle' }).settings.calloutPlacement).toBe('top');
    expect(read({ stageAliases: { 'Phone screen': 'screening' } }).settings.stageAliases).toEqual({ 'Phone screen': 'screening' });
  });

  it("reads the folder's .job-hunt-advisor.json, as the command-line tool does, and lets a VS Code setting win over it", () => {
    const file = JSON.stringify({ yourName: 'Sam Rivera', tasksFolder: 'Tasks/', connectionNoteLimit: 300 });
    expect(read({}, file).settings).toMatchObject({ yourName: 'Sam Rivera', tasksFolder: 'Tasks', connectionNoteLimit: 300 });
    expect(read({ yourName: 'Sam R.' }, file).settings.yourName).toBe('Sam R.');
    const broken = read({}, '{ "yourName": ');
    expect(broken.settings.yourName).toBe('');
    expect(broken.problems[0]).toMatch(/^\.job-hunt-advisor\.json: not valid JSON/);
  });

  it('shows VS Code every setting it reads, with the table\'s defaults and bounds', () => {
    const props = (extensionManifest('0.0.0') as { contributes: { configuration: { properties: Record<string, { default?: unknown; minimum?: number; maximum?: number }> } } })
      .contributes.configuration.properties;
    expect(Object.keys(props).sort()).toEqual(VSCODE_SETTING_KEYS.map((k) => `jobHuntAdvisor.${k}`).sort());
    for (const key of VSCODE_SETTING_KEYS) expect(props[`jobHuntAdvisor.${key}`]?.default, key).toEqual(SETTINGS[key].default);
    const limit = props['jobHuntAdvisor.connectionNoteLimit'];
    expect(read({ connectionNoteLimit: limit?.minimum }).problems).toEqual([]);
    expect(read({ connectionNoteLimit: (limit?.minimum ?? 0) - 1 }).problems).toHaveLength(1);
    expect(read({ connectionNoteLimit: limit?.maximum }).problems).toEqual([]);
    expect(read({ connectionNoteLimit: (limit?.maximum ?? 0) + 1 }).problems).toHaveLength(1);
  });
});
