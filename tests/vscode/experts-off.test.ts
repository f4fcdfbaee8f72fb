// VS Code: experts switched off in its settings (or in the folder's .job-hunt-advisor.json, which
// the CLI reads too) are left out of the callout the advise command writes.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { addDays } from '../../src/core/dates';
import { CONFIG_FILE } from '../../src/cli/vault';
import { localToday } from '../../src/vscode/extension';
import { readHostSettings } from '../../src/vscode/settings';
import { advisedText, configure, tempFolder } from './helpers';
import type { Folder } from './helpers';


const NOTE = 'Applications/Kestrel.md';
// An interview three days ahead: Craig Rosen and Thylan Le both speak to it.
const noteText = ['---', 'stage: Interviewing', 'company: Kestrel Health', 'role: Designer', `interview: ${addDays(localToday(), 3)}`, 'hiring_manager: Ana Silva', '---', '# Kestrel', ''].join('\n');

let folder: Folder;
beforeEach(() => {
  folder = tempFolder();
  vi.mocked(vscode.workspace.applyEdit).mockResolvedValue(true);
});
afterEach(() => {
  folder.remove();
  vi.clearAllMocks();
});

const callout = (): Promise<string> => advisedText(folder, NOTE, noteText);

describe('experts switched off in VS Code', () => {
  it('are left out of the verdict and the advice of the callout', async () => {
    configure({});
    expect(await callout()).toContain('Craig Rosen');
    configure({ expertsOff: ['craig-rosen'] });
    const text = await callout();
    expect(text).not.toContain('Craig Rosen');
    expect(text).toContain('Thylan Le');
  });

  it("the folder's config file switches them off for VS Code as for the CLI", async () => {
    configure({});
    writeFileSync(path.join(folder.root, CONFIG_FILE), JSON.stringify({ expertsOff: ['Thylan Le'] }));
    const text = await callout();
    expect(text).not.toContain('Thylan Le');
    expect(text).toContain('Craig Rosen');
  });

  it('a value that is not a list is one problem line, and nobody is switched off', () => {
    const reading = readHostSettings({ inspect: (key) => (key === 'expertsOff' ? { workspaceValue: 'craig-rosen' } : undefined) });
    expect(reading.settings.expertsOff).toEqual([]);
    expect(reading.problems).toEqual(['Setting jobHuntAdvisor.expertsOff: Experts switched off (expertsOff) must be a list of expert ids or names, not "craig-rosen"']);
  });

  it('an entry that names nobody (a typo, a pack note since removed) is one warning naming it, said once; the others still apply', async () => {
    configure({ expertsOff: ['craig-rosen', 'Thylan Lee'] });
    const text = await callout();
    expect(text).not.toContain('Craig Rosen');
    expect(text).toContain('Thylan Le');
    await callout();
    const warned = vi.mocked(vscode.window.showWarningMessage).mock.calls.map((c) => String(c[0])).filter((m) => m.includes('expertsOff'));
    expect(warned).toEqual(['Job Hunt Advisor: Experts switched off (expertsOff): "Thylan Lee" names none of the nine experts or your pack\'s, so it switches nobody off (did you mean "Thylan Le"?).']);
  });
});
