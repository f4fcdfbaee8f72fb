// @vitest-environment happy-dom
// The plugin reads the neighbours' formats as the command-line tool does: dates as people write
// them, under the vault's own day/month order.
import { describe, expect, it } from 'vitest';
import { adviseOnNote, frontmatterOf } from '../../src/obsidian/application-notes';
import type { Settings } from '../../src/core/settings';
import type { App as AppOriginal } from 'obsidian';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { file, makeApp, original } from './harness';

function readApplicationNote(app: AppOriginal, path: string, settings: Settings) {
  const f = file(app, path);
  const advised = adviseOnNote(app, f, frontmatterOf(app, f), settings, '2026-04-05');
  if (advised.kind !== 'advice') throw new Error(`not advised: ${advised.kind}`);
  return { ok: true as const, application: advised.report.application };
}

const AMBIGUOUS = '---\nstage: Applied\ncompany: Acme\napplied: 03/04/2026\n---\n';

describe('dates people write, in the plugin', () => {
  it('an ambiguous date reads in the order the other notes show', () => {
    const app = original(makeApp({ 'Applications/Acme.md': AMBIGUOUS, 'Applications/Other.md': '---\nstage: Applied\napplied: 25.02.2026\n---\n' }));
    const read = readApplicationNote(app, 'Applications/Acme.md', { ...DEFAULT_SETTINGS });
    expect(read.ok && read.application.applied).toBe('2026-04-03');
    expect(read.ok && read.application.warnings).toEqual([]);
  });

  it('with no order shown or set, it is a warning naming the setting, and no date is guessed', () => {
    const app = original(makeApp({ 'Applications/Acme.md': AMBIGUOUS }));
    const read = readApplicationNote(app, 'Applications/Acme.md', { ...DEFAULT_SETTINGS });
    expect(read.ok && read.application.applied).toBeUndefined();
    expect(read.ok && read.application.warnings.map((w) => w.message).join('\n')).toContain('set Date order (dateOrder) to MDY or DMY');
    const set = readApplicationNote(app, 'Applications/Acme.md', { ...DEFAULT_SETTINGS, dateOrder: 'MDY' });
    expect(set.ok && set.application.applied).toBe('2026-03-04');
  });
});
