// @vitest-environment happy-dom
// First run: before automatic creation writes task notes into a vault the first time, the plugin
// shows how many, for which applications and in which folder, and asks once; the answer is kept.
import { describe, expect, it, vi } from 'vitest';
import { ConsentModal } from '../../src/ui/consent-modal';
import { APPLICATION_PATH, makeApp, savedData, settle, startPlugin, taskNotes } from '../obsidian/harness';

const ORCHID = '---\nstage: Applied\ncompany: Orchid Labs\nrole: Analyst\napplied: 2026-03-08\nhiring_manager: Dana Whitfield\n---\n';

async function firstRun() {
  const asked: ConsentModal[] = [];
  const open = vi.spyOn(ConsentModal.prototype, 'open').mockImplementation(function (this: ConsentModal) {
    asked.push(this);
    this.onOpen();
  });
  const r = await startPlugin(makeApp({ 'Applications/Orchid Labs.md': ORCHID }), { settings: { autoCreateConsent: 'ask' } });
  await settle(r);
  open.mockRestore();
  return { r, asked };
}

describe('the first-run question about automatic creation', () => {
  it('creates nothing before asking, and says how many task notes, for which applications, in which folder', async () => {
    const { r, asked } = await firstRun();
    expect(taskNotes(r.app)).toHaveLength(0);
    expect(asked).toHaveLength(1);
    const text = asked[0]?.contentEl.textContent ?? '';
    expect(text).toMatch(/would create \d+ task notes for 2 applications, in the folder "Job hunt tasks"/);
    expect(text).toContain('Kestrel Health: ');
    expect(text).toContain('Orchid Labs: ');
    // A change to an application while the question is open asks nothing more and creates nothing.
    await r.app.vault.modify(r.app.vault.getFileByPath(APPLICATION_PATH)!, ORCHID.replace('Orchid Labs', 'Kestrel Health'));
    r.app.metadataCache.trigger('changed', r.app.vault.getFileByPath(APPLICATION_PATH)!, '', {});
    await settle(r);
    expect(taskNotes(r.app)).toHaveLength(0);
  });

  it('"Create them": creates them, remembers the answer, and does not ask again after a restart', async () => {
    const { r, asked } = await firstRun();
    const total = Number(/create (\d+) task notes/.exec(asked[0]?.contentEl.textContent ?? '')?.[1]);
    Array.from(asked[0]?.contentEl.querySelectorAll('button') ?? []).find((b) => b.textContent === 'Create them')?.click();
    await settle(r);
    expect(taskNotes(r.app)).toHaveLength(total);
    const saved = savedData(r) as { settings: { autoCreateConsent: string; autoCreate: boolean } };
    expect(saved.settings).toMatchObject({ autoCreateConsent: 'answered', autoCreate: true });
  });

  it('"Not automatically": nothing is created, automatic creation stays off, and that is remembered', async () => {
    const { r, asked } = await firstRun();
    Array.from(asked[0]?.contentEl.querySelectorAll('button') ?? []).find((b) => b.textContent === 'Not automatically')?.click();
    await settle(r);
    expect(taskNotes(r.app)).toHaveLength(0);
    const saved = savedData(r) as { settings: { autoCreateConsent: string; autoCreate: boolean } };
    expect(saved.settings).toMatchObject({ autoCreateConsent: 'answered', autoCreate: false });
  });
});
