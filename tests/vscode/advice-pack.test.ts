// VS Code reads the same advice pack as the plugin and the CLI: the packs folder of the workspace
// folder, read through workspace.fs, again after a FileSystemWatcher reports a change to a pack
// note; problems in the Problems panel on the note; pack notes never advised.
import path from 'node:path';
import { rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { addDays } from '../../src/core/dates';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { activate, localToday, readDocument } from '../../src/vscode/extension';
import { viewState } from '../../src/vscode/view-state';
import { advisedText, configure, openEditor, problemsPanel, resolvedView, tempFolder, watched } from './helpers';
import type { AdvicePaneState } from '../../src/ui/advice-pane-render';
import type { Folder } from './helpers';


const NOTE = 'Applications/Kestrel.md';
const noteText = ['---', 'stage: Interviewing', 'company: Kestrel Health', 'role: Designer', `interview: ${addDays(localToday(), 3)}`, 'hiring_manager: Ana Silva', '---', '# Kestrel', ''].join('\n');
const RITA_PATH = 'Job hunt advice/Rita Okafor.md';
const RITA = ['---', 'expert: Rita Okafor', 'organization: Careers Service', 'moments:', '  interview-ahead:', '    stance: connect', '    firmness: firm', '---', '', '## Say hello before the interview', '', 'Moments: interview-ahead', '', 'A short note the week before shows you are keen.', ''].join('\n');

let folder: Folder;
beforeEach(() => {
  folder = tempFolder();
  configure({});
  vi.mocked(vscode.workspace.applyEdit).mockResolvedValue(true);
  vi.spyOn(vscode.workspace, 'getWorkspaceFolder').mockReturnValue({ uri: folder.uri, name: 'vault', index: 0 });
  activate({ subscriptions: [] as { dispose(): unknown }[], extensionUri: folder.uri } as unknown as vscode.ExtensionContext);
});
afterEach(() => {
  folder.remove();
  vi.clearAllMocks();
});

const callout = (): Promise<string> => advisedText(folder, NOTE, noteText);

/** A pack note changed on disk, as VS Code's file watcher reports it. */
async function changedOnDisk(rel: string, kind: 'create' | 'change' | 'remove'): Promise<void> {
  for (const listener of watched[kind]) await listener(vscode.Uri.file(path.join(folder.root, rel)));
}

describe('the advice pack in VS Code', () => {
  it("advises with the folder's pack: its expert in the verdict and the advice, marked as the person's own", async () => {
    folder.write(RITA_PATH, RITA);
    const text = await callout();
    expect(text).toContain('Rita Okafor (your pack) speaks to this moment and favours connecting');
    expect(text).toContain('Craig Rosen');
  });

  it('reads the pack again when the watcher reports a pack note created, changed or deleted', async () => {
    expect(await callout()).not.toContain('Rita Okafor');
    folder.write(RITA_PATH, RITA);
    await changedOnDisk(RITA_PATH, 'create');
    expect(await callout()).toContain('Rita Okafor (your pack) speaks to this moment and favours connecting');
    folder.write(RITA_PATH, RITA.replace('stance: connect', 'stance: wait'));
    // Unreported, the change is not seen yet (the pack is kept between notes)...
    expect(await callout()).toContain('favours connecting');
    // ...reported by the watcher, it is.
    await changedOnDisk(RITA_PATH, 'change');
    const edited = await callout();
    expect(edited).toContain('Rita Okafor (your pack)');
    expect(edited).not.toContain('favours connecting');
    rmSync(path.join(folder.root, RITA_PATH));
    await changedOnDisk(RITA_PATH, 'remove');
    expect(await callout()).not.toContain('Rita Okafor');
  });

  it("the view lists what is wrong with the pack on every note, as the Obsidian pane does: each pack note's problem, then an expertsOff entry naming nobody", async () => {
    configure({ expertsOff: ['craig-rosn'] });
    folder.write(RITA_PATH, RITA);
    folder.write('Job hunt advice/Sam.md', RITA.replace('Rita Okafor', 'Sam Adeyemi').replace('stance: connect', 'stance: maybe'));
    const posted = resolvedView();
    openEditor(folder.write(NOTE, noteText), noteText);
    (vi.mocked(vscode.window.onDidChangeActiveTextEditor).mock.calls[0]?.[0] as () => void)();
    await vi.waitFor(() => expect(posted.length).toBeGreaterThan(0), { timeout: 10_000, interval: 10 });
    const state = (posted.at(-1) as { state: AdvicePaneState }).state;
    const lines = state.packProblems ?? [];
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((l) => l.startsWith('Job hunt advice/Sam.md: '))).toBe(true);
    expect(lines.join(' ')).toContain('maybe');
    expect(lines.at(-1)).toBe('Experts switched off (expertsOff): "craig-rosn" names none of the nine experts or your pack\'s, so it switches nobody off (did you mean "craig-rosen"?)');
    // The rest of the pack still counts.
    expect(JSON.stringify(state.report)).toContain('Rita Okafor');
  });

  it('puts each problem of a pack note in the Problems panel, on that note, one line each; the rest still counts', async () => {
    folder.write(RITA_PATH, RITA);
    folder.write('Job hunt advice/Sam.md', RITA.replace('Rita Okafor', 'Sam Adeyemi').replace('stance: connect', 'stance: maybe'));
    expect(await callout()).toContain('Rita Okafor');
    await vi.waitFor(() => expect(problemsPanel.size).toBe(1));
    const [[uri, lines] = ['', []]] = [...problemsPanel];
    expect(uri).toBe(vscode.Uri.file(path.join(folder.root, 'Job hunt advice/Sam.md')).toString());
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^Advice pack: Job hunt advice\/Sam\.md: [^\n]*$/);
    expect(lines.join(' ')).toContain('maybe');
    // Fixed: the problem leaves the panel once the pack is read again.
    writeFileSync(path.join(folder.root, 'Job hunt advice/Sam.md'), RITA.replace('Rita Okafor', 'Sam Adeyemi'));
    await changedOnDisk('Job hunt advice/Sam.md', 'change');
    expect(await callout()).toContain('Sam Adeyemi');
    expect(problemsPanel.size).toBe(0);
  });

  it('a pack note is never read as an application, whatever its properties say; the packs folder is a setting', async () => {
    const withStage = RITA.replace('expert: Rita Okafor', 'expert: Rita Okafor\nstage: Applied\ncompany: Careers Service');
    const document = openEditor(folder.write(RITA_PATH, withStage), withStage);
    const reading = await readDocument(document);
    // Shown as what it is: the pack note of Rita Okafor, in use, with what the reader could not use.
    expect(reading).toEqual({
      kind: 'pack-note',
      view: expect.objectContaining({ path: RITA_PATH, expert: { name: 'Rita Okafor', organization: 'Careers Service' }, moments: ['interview-ahead'], items: ['Say hello before the interview'], use: 'in-use' }) as unknown,
    });
    if (reading?.kind !== 'pack-note') throw new Error('not a pack note');
    expect(reading.view.problems).toEqual([expect.stringMatching(/^"stage" is not a key of an advice pack note/), expect.stringMatching(/^"company" is not a key/)]);
    const state = viewState({ path: RITA_PATH, name: 'Rita Okafor' }, reading, {}, DEFAULT_SETTINGS, localToday());
    expect(state.packNote?.expert?.name).toBe('Rita Okafor');
    expect(state.notApplication).toBeUndefined();
    configure({ expertsOff: ['Rita Okafor'] });
    expect(await readDocument(document)).toMatchObject({ kind: 'pack-note', view: { use: 'switched-off' } });
    configure({});
    folder.write('Mentors/Rita Okafor.md', RITA);
    configure({ packsFolder: 'Mentors' });
    expect(await callout()).toContain('Rita Okafor (your pack)');
  });
});
