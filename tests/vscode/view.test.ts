// The advice view's page and the smallest edit the commands apply.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { nonce, viewHtml } from '../../src/vscode/advice-view';
import { smallestChange } from '../../src/vscode/text-edit';
import { readHostSettings } from '../../src/vscode/settings';
import { extensionManifest } from '../../src/vscode/manifest';

// jest-mock-vscode's mock of the whole vscode API, on vitest's spies (its types are jest's).
vi.mock('vscode', async () => {
  const { createVSCodeMock } = await import('jest-mock-vscode');
  return createVSCodeMock(vi as unknown as Parameters<typeof createVSCodeMock>[0]);
});

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
        expect(before.slice(0, change.start) + change.text + before.slice(change.end)).toBe(after);
        // Inside the part that differs (give or take the other half of a surrogate pair).
        expect(change.start).toBeGreaterThanOrEqual(head.length - 1);
        expect(change.end).toBeLessThanOrEqual(before.length - tail.length + 1);
        // Never a cut between the two halves of an emoji.
        const low = (s: string, i: number): boolean => /[\uDC00-\uDFFF]/.test(s.charAt(i));
        expect(low(before, change.start)).toBe(false);
        expect(low(before, change.end)).toBe(false);
      }),
    );
  });
});

describe('settings', () => {
  const config = (values: Record<string, unknown>) => ({ get: <T>(key: string) => values[key] as T | undefined });

  it('falls back to the default for a value out of bounds or of the wrong type', () => {
    expect(readHostSettings(config({ connectionNoteLimit: 10 })).connectionNoteLimit).toBe(200);
    expect(readHostSettings(config({ connectionNoteLimit: 300 })).connectionNoteLimit).toBe(300);
    expect(readHostSettings(config({ tasksFolder: 42 })).tasksFolder).toBe('Job hunt tasks');
    expect(readHostSettings(config({ calloutPlacement: 'middle' })).calloutPlacement).toBe('top');
    expect(readHostSettings(config({ stageAliases: { 'Phone screen': 'screening', Odd: 'nonsense' } })).stageAliases).toEqual({ 'Phone screen': 'screening' });
  });

  it('shows VS Code the same bounds it checks', () => {
    const props = (extensionManifest('0.0.0') as { contributes: { configuration: { properties: Record<string, { minimum?: number; maximum?: number }> } } })
      .contributes.configuration.properties;
    const limit = props['jobHuntAdvisor.connectionNoteLimit'];
    expect(readHostSettings(config({ connectionNoteLimit: limit?.minimum })).connectionNoteLimit).toBe(limit?.minimum);
    expect(readHostSettings(config({ connectionNoteLimit: (limit?.minimum ?? 0) - 1 })).connectionNoteLimit).toBe(200);
    expect(readHostSettings(config({ connectionNoteLimit: limit?.maximum })).connectionNoteLimit).toBe(limit?.maximum);
  });
});
