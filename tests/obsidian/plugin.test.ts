// @vitest-environment happy-dom
// The plugin in a vault: the command writes the note through its editor, follow-up tasks create
// themselves once and only once (repetition, sync between devices, deletion, renames), and
// unloading leaves nothing behind.
import type { Command, Editor as EditorOriginal } from 'obsidian';
import { App, MarkdownView, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { describe, expect, it, vi } from 'vitest';
import { BLOCK_END, BLOCK_START } from '../../src/core/callout';
import { LEDGER_PATH, parseLedger } from '../../src/core/ledger';
import { TASK_ID_FIELD } from '../../src/core/task-note';
import { advicePaneState } from '../../src/ui/advice-pane-state';
import { APPLICATION_PATH, file, KESTREL, makeApp, PROMPTLY, read, savedData, settle, startPlugin, taskNotes, TODAY } from './harness';
import type { Running } from './harness';
import { recordNotices } from './notices';

const notices: { text: string; message: string | DocumentFragment }[] = [];
recordNotices((text, message) => notices.push({ text, message }));

function command(r: Running, id: string): Command {
  const c = r.mock.commands__.get(id);
  if (!c) throw new Error(`no command ${id}`);
  return c;
}

/**
 * Opens `path` as the active Markdown view (the mock's getActiveViewOfType returns null on its
 * own), in editing ('source') or reading ('preview') mode, showing `text`.
 */
function openNote(r: Running, path: string, text: string, mode: 'source' | 'preview' = 'source'): EditorOriginal {
  const view = MarkdownView.create2__(WorkspaceLeaf.create2__(r.mockApp));
  view.editor.setValue(text);
  view.setViewData(text, false);
  view.file = file(r.app, path) as never;
  vi.spyOn(view, 'getMode').mockReturnValue(mode);
  vi.spyOn(r.mockApp.workspace, 'getActiveViewOfType').mockReturnValue(view.asOriginalType7__());
  return view.editor.asOriginalType__();
}

function run(r: Running, id: string, checking = false): boolean | void {
  return command(r, id).checkCallback?.(checking);
}

function ids(r: Running): string[] {
  return taskNotes(r.app).map((f) => String(r.app.metadataCache.getFileCache(f)?.frontmatter?.[TASK_ID_FIELD]));
}

describe('Advise on this application', () => {
  it('is offered on application notes only, in editing and in reading view', async () => {
    const r = await startPlugin(makeApp());
    for (const mode of ['source', 'preview'] as const) {
      openNote(r, APPLICATION_PATH, KESTREL, mode);
      expect(run(r, 'advise-on-this-application', true)).toBe(true);
      openNote(r, 'Ideas.md', '# Not an application\n', mode);
      expect(run(r, 'advise-on-this-application', true)).toBe(false);
      run(r, 'advise-on-this-application');
      expect(read(r.app, 'Ideas.md')).not.toContain(BLOCK_START);
    }
    // No Markdown view active (a canvas, the graph): not offered.
    vi.spyOn(r.mockApp.workspace, 'getActiveViewOfType').mockReturnValue(null);
    expect(run(r, 'advise-on-this-application', true)).toBe(false);
    expect([...r.mock.commands__.values()].every((c) => c.hotkeys === undefined)).toBe(true);
  });

  it('writes the callout through the editor, keeps every byte of the note and the cursor, and is stable when repeated', async () => {
    const r = await startPlugin(makeApp());
    const editor = openNote(r, APPLICATION_PATH, KESTREL);
    const onDisk = read(r.app, APPLICATION_PATH);
    const typed = KESTREL.indexOf('prepare the booking');
    editor.setCursor(editor.offsetToPos(typed));
    run(r, 'advise-on-this-application');
    const once = editor.getValue();
    expect(once).toContain(BLOCK_START);
    expect(once).toContain('[!job-hunt-advice]');
    // Through the editor, not behind its back: the file is left for Obsidian to save.
    expect(read(r.app, APPLICATION_PATH)).toBe(onDisk);
    // Everything the person wrote is still there, around the block.
    const start = once.indexOf(BLOCK_START);
    const end = once.indexOf(BLOCK_END) + BLOCK_END.length;
    expect(once.slice(0, start) + once.slice(end + 1)).toBe(KESTREL);
    // The cursor is still on the word it was on.
    expect(editor.posToOffset(editor.getCursor())).toBe(once.indexOf('prepare the booking'));
    for (let i = 0; i < 100; i++) run(r, 'advise-on-this-application');
    expect(editor.getValue()).toBe(once);
    expect(once.split(BLOCK_START)).toHaveLength(2);
    // One undo step takes the advice out again: the change went through the editor's history.
    editor.undo();
    expect(editor.getValue()).toBe(KESTREL);
  });

  it('in reading view writes the callout on disk (vault.process), keeping every other byte, the same on every run', async () => {
    const r = await startPlugin(makeApp());
    const before = read(r.app, APPLICATION_PATH);
    const editor = openNote(r, APPLICATION_PATH, before, 'preview');
    const process = vi.spyOn(r.app.vault, 'process');
    run(r, 'advise-on-this-application');
    await vi.waitFor(() => expect(read(r.app, APPLICATION_PATH)).toContain(BLOCK_START), PROMPTLY);
    expect(process).toHaveBeenCalledTimes(1);
    // The hidden editor of the reading view was not used.
    expect(editor.getValue()).toBe(before);
    const once = read(r.app, APPLICATION_PATH);
    expect(once).toContain('[!job-hunt-advice]');
    const start = once.indexOf(BLOCK_START);
    const end = once.indexOf(BLOCK_END) + BLOCK_END.length;
    expect(once.slice(0, start) + once.slice(end + 1)).toBe(before);
    run(r, 'advise-on-this-application');
    await vi.waitFor(() => expect(process).toHaveBeenCalledTimes(2), PROMPTLY);
    await settle(r);
    expect(read(r.app, APPLICATION_PATH)).toBe(once);
  });

  it('in reading view, on broken YAML names the note and writes nothing', async () => {
    const broken = '---\nstage: Applied\ncompany: [Acme\n---\nBody\n';
    const r = await startPlugin(makeApp({ 'Applications/Broken.md': '---\nstage: Applied\ncompany: Acme\n---\nBody\n' }));
    // Written behind the cache's back, as a sync would: the cache still has the last good version.
    await r.app.vault.adapter.write('Applications/Broken.md', broken);
    openNote(r, 'Applications/Broken.md', broken, 'preview');
    expect(run(r, 'advise-on-this-application', true)).toBe(true);
    notices.length = 0;
    run(r, 'advise-on-this-application');
    await vi.waitFor(() => expect(notices.map((n) => n.text).join('\n')).toMatch(/"Broken".*Nothing was written/), PROMPTLY);
    expect(read(r.app, 'Applications/Broken.md')).toBe(broken);
  });

  it('on broken YAML names the note and writes nothing', async () => {
    // The person is typing: the editor's YAML is broken, the cache still has the last good version.
    const broken = '---\nstage: Applied\ncompany: [Acme\n---\nBody\n';
    const r = await startPlugin(makeApp({ 'Applications/Broken.md': '---\nstage: Applied\ncompany: Acme\n---\nBody\n' }));
    const editor = openNote(r, 'Applications/Broken.md', broken);
    expect(run(r, 'advise-on-this-application', true)).toBe(true);
    notices.length = 0;
    run(r, 'advise-on-this-application');
    expect(editor.getValue()).toBe(broken);
    expect(notices.map((n) => n.text).join('\n')).toMatch(/"Broken".*Nothing was written/);
  });

  it('remove advice callout gives back the note as it was', async () => {
    const r = await startPlugin(makeApp());
    const editor = openNote(r, APPLICATION_PATH, KESTREL);
    run(r, 'advise-on-this-application');
    expect(run(r, 'remove-advice-callout', true)).toBe(true);
    run(r, 'remove-advice-callout');
    await vi.waitFor(() => expect(editor.getValue()).toBe(KESTREL), PROMPTLY);
    expect(run(r, 'remove-advice-callout', true)).toBe(false);
  });

  it('remove advice callout in reading view gives back the note on disk as it was', async () => {
    const r = await startPlugin(makeApp());
    const before = read(r.app, APPLICATION_PATH);
    openNote(r, APPLICATION_PATH, before, 'preview');
    expect(run(r, 'remove-advice-callout', true)).toBe(false);
    run(r, 'advise-on-this-application');
    await vi.waitFor(() => expect(read(r.app, APPLICATION_PATH)).toContain(BLOCK_START), PROMPTLY);
    openNote(r, APPLICATION_PATH, read(r.app, APPLICATION_PATH), 'preview');
    expect(run(r, 'remove-advice-callout', true)).toBe(true);
    run(r, 'remove-advice-callout');
    await vi.waitFor(() => expect(read(r.app, APPLICATION_PATH)).toBe(before), PROMPTLY);
  });
});

describe('Insert advice callout (pane button) on a note not open in an editor', () => {
  it('writes in the background, the same on every run', async () => {
    const r = await startPlugin(makeApp());
    await r.plugin.insertCallout(file(r.app, APPLICATION_PATH));
    const once = read(r.app, APPLICATION_PATH);
    expect(once).toContain(BLOCK_START);
    await r.plugin.insertCallout(file(r.app, APPLICATION_PATH));
    expect(read(r.app, APPLICATION_PATH)).toBe(once);
  });

  it('leaves a note with broken YAML untouched and names it', async () => {
    const r = await startPlugin(makeApp());
    const broken = '---\nstage: Applied\ncompany: [Acme\n---\nBody\n';
    // Written behind the cache's back, as a sync or another editor would.
    await r.app.vault.adapter.write(APPLICATION_PATH, broken);
    notices.length = 0;
    await r.plugin.insertCallout(file(r.app, APPLICATION_PATH));
    expect(await r.app.vault.adapter.read(APPLICATION_PATH)).toBe(broken);
    expect(notices.map((n) => n.text).join('\n')).toMatch(/"Kestrel Health".*YAML.*Nothing was written/);
  });
});

describe('follow-up tasks that create themselves', () => {
  it('are created once after layout ready, in the tasks folder, with a notice that opens them', async () => {
    notices.length = 0;
    const r = await startPlugin(makeApp());
    const made = taskNotes(r.app);
    expect(made.length).toBeGreaterThan(0);
    for (const f of made) expect(read(r.app, f.path)).toContain(`${TASK_ID_FIELD}:`);
    const created = notices.find((n) => n.text.includes('created'));
    expect(created?.text).toContain('"Kestrel Health"');
    // The notice's link opens the task note.
    const link = (created?.message as DocumentFragment).querySelector('a');
    link?.click();
    await vi.waitFor(() => expect(r.app.workspace.getActiveFile()?.path).toBe(made[0]?.path), PROMPTLY);
  });

  it('a start-up scan over a thousand applications hands the event loop turns instead of freezing Obsidian [stress]', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) many[`Applications/Many ${i}.md`] = KESTREL.replace('Kestrel Health', `Company ${i}`);
    // Automatic creation off: the scan only reads, which is where nothing else would yield.
    const data = { settings: { autoCreate: false }, generated: {} };
    const app = makeApp(many);
    const r = await startPlugin(app, data, false);
    let turns = 0;
    let scanning = true;
    const tick = (): void => {
      turns++;
      if (scanning) window.setTimeout(tick, 0);
    };
    window.setTimeout(tick, 0);
    app.workspace.setLayoutReady__();
    await r.plugin.sync.idle();
    scanning = false;
    expect(turns).toBeGreaterThan(2);
    expect(taskNotes(r.app)).toHaveLength(0);
  });

  it('follow a stage or date change, and the same change arriving again does nothing', async () => {
    const r = await startPlugin(makeApp());
    const before = ids(r);
    // The interview moves to today: thank-you letters and research now have other dates and subjects.
    await r.app.vault.modify(file(r.app, APPLICATION_PATH), KESTREL.replace('2026-03-12', '2026-03-10'));
    await settle(r);
    const after = ids(r);
    expect(after.length).toBeGreaterThan(before.length);
    notices.length = 0;
    // A burst of the same metadata event: nothing new.
    for (let i = 0; i < 50; i++) r.app.metadataCache.trigger('changed', file(r.app, APPLICATION_PATH), '', {});
    await settle(r);
    expect(ids(r)).toEqual(after);
    expect(notices).toHaveLength(0);
    expect(new Set(ids(r)).size).toBe(ids(r).length);
  });

  it('the create command run 100 times creates nothing twice [stress]', async () => {
    const r = await startPlugin(makeApp(), { settings: { autoCreate: false } });
    expect(taskNotes(r.app)).toHaveLength(0);
    await r.app.workspace.getLeaf(false).openFile(file(r.app, APPLICATION_PATH));
    const create = command(r, 'create-follow-up-tasks');
    expect(create.checkCallback?.(true)).toBe(true);
    await Promise.all(Array.from({ length: 100 }, () => r.plugin.createFollowUps(file(r.app, APPLICATION_PATH))));
    const count = taskNotes(r.app).length;
    expect(count).toBeGreaterThan(0);
    expect(new Set(ids(r)).size).toBe(count);
  });

  it('a deleted or completed task never comes back, not even after a restart', async () => {
    const r = await startPlugin(makeApp());
    const [first, second] = taskNotes(r.app);
    if (!first || !second) throw new Error('expected two task notes');
    await r.app.fileManager.trashFile(first);
    await r.app.vault.modify(second, read(r.app, second.path).replace('status: open', 'status: done'));
    await r.plugin.createFollowUps(file(r.app, APPLICATION_PATH));
    await r.app.vault.modify(file(r.app, APPLICATION_PATH), KESTREL.replace('applied: 2026-02-20', 'applied: 2026-02-21'));
    await settle(r);
    expect(r.app.vault.getFileByPath(first.path)).toBeNull();
    // A restart on the same vault with the saved plugin data.
    r.plugin.unload();
    const again = await startPlugin(r.mockApp, savedData(r));
    expect(again.app.vault.getFileByPath(first.path)).toBeNull();
    expect(read(again.app, second.path)).toContain('status: done');
  });

  it('two devices generating on copies of one vault, then synced: no duplicate task note', async () => {
    const a = await startPlugin(makeApp());
    const b = await startPlugin(makeApp());
    const files: Record<string, string> = {};
    for (const device of [a, b]) {
      for (const f of device.app.vault.getMarkdownFiles()) files[f.path] ??= read(device.app, f.path);
    }
    expect(taskNotes(a.app).map((f) => f.path).sort()).toEqual(taskNotes(b.app).map((f) => f.path).sort());
    // The merged vault, with either device's data, or none yet (files synced before data.json).
    for (const data of [savedData(a), savedData(b), undefined]) {
      const merged = await startPlugin(App.createConfigured__({ files }), data);
      await merged.plugin.createFollowUps(file(merged.app, APPLICATION_PATH));
      expect(taskNotes(merged.app)).toHaveLength(taskNotes(a.app).length);
      merged.plugin.unload();
    }
  });

  it('what another device running an older version remembered (its data.json) moves into the vault\'s ledger, never dropped', async () => {
    const r = await startPlugin(makeApp());
    const mine = parseLedger(await r.app.vault.adapter.read(LEDGER_PATH));
    expect(mine.length).toBeGreaterThan(0);
    const theirs = { settings: {}, generated: { 'Applications/Other.md': [{ id: 'abc', kind: 'check-in', title: 'Check in', path: 'x.md', created: '2026-03-01' }] } };
    r.mock.data__ = theirs;
    await r.plugin.onExternalSettingsChange();
    const now = parseLedger(await r.app.vault.adapter.read(LEDGER_PATH));
    expect(now.find((e) => e.id === 'abc')).toMatchObject({ application: 'Applications/Other.md', kind: 'check-in', title: 'Check in' });
    for (const entry of mine) expect(now.map((e) => e.id)).toContain(entry.id);
    // Moved, so data.json keeps settings only.
    expect(savedData(r)).not.toHaveProperty('generated');
  });

  it('renaming an application keeps its record: nothing is created again', async () => {
    const r = await startPlugin(makeApp());
    const [first] = taskNotes(r.app);
    if (!first) throw new Error('expected a task note');
    await r.app.fileManager.trashFile(first);
    const count = taskNotes(r.app).length;
    const renamed = 'Applications/Kestrel Health (designer).md';
    await r.app.fileManager.renameFile(file(r.app, APPLICATION_PATH), renamed);
    // Obsidian's cache follows a renamed file; the mock's is keyed by path, so have it read the note again.
    await r.app.vault.modify(file(r.app, renamed), read(r.app, renamed));
    await settle(r);
    // The ledger follows the rename.
    const ledger = parseLedger(await r.app.vault.adapter.read(LEDGER_PATH));
    expect(ledger.filter((e) => e.application === APPLICATION_PATH)).toEqual([]);
    expect(ledger.filter((e) => e.application === renamed).length).toBeGreaterThan(0);
    await r.plugin.createFollowUps(file(r.app, 'Applications/Kestrel Health (designer).md'));
    await r.app.vault.modify(file(r.app, 'Applications/Kestrel Health (designer).md'), KESTREL.replace('Product Designer', 'Senior Product Designer'));
    await settle(r);
    expect(taskNotes(r.app)).toHaveLength(count);
  });

  it('a missing tasks folder is created, and tasks stay inside it whatever the names', async () => {
    const odd = KESTREL.replace('company: Kestrel Health', 'company: "../../etc/passwd \\\\ Kestrel: <Health>"').replace('"[[Ana Silva]]"\n      - Ben Ito', '"[[Ana Silva]]"\n      - "Ben / Ito ‮evil"');
    const r = await startPlugin(makeApp({ [APPLICATION_PATH]: odd }), { settings: { tasksFolder: 'Job hunt tasks/2026' } });
    expect(r.app.vault.getFolderByPath('Job hunt tasks/2026')).not.toBeNull();
    const made = taskNotes(r.app);
    expect(made.length).toBeGreaterThan(0);
    for (const f of made) expect(f.path).toMatch(/^Job hunt tasks\/2026\/[^/]+\.md$/);
  });
});

describe('which notes are applications (the scope setting)', () => {
  it('a note outside the applications folder gets no task notes, no advice command and no advice in the pane', async () => {
    const r = await startPlugin(makeApp(), { settings: { applicationScope: 'folder', applicationsFolder: 'Jobs' } });
    expect(taskNotes(r.app)).toHaveLength(0);
    openNote(r, APPLICATION_PATH, KESTREL);
    expect(run(r, 'advise-on-this-application', true)).toBe(false);
    await r.plugin.createFollowUps(file(r.app, APPLICATION_PATH));
    expect(taskNotes(r.app)).toHaveLength(0);
    const pane = advicePaneState(file(r.app, APPLICATION_PATH), { app: r.app, settings: r.plugin.settings, memory: r.plugin.memory, notes: r.plugin.notes, today: TODAY });
    expect(pane.report).toBeUndefined();
    expect(pane.notApplication?.scope).toBe('Only notes in the folder "Jobs" are read as applications (a setting).');
  });

  it('tag: only the tagged note (property or text) gets its task notes by itself', async () => {
    const tagged = KESTREL.replace('My own notes:', '#job-application/design My own notes:');
    const other = KESTREL.replace('Kestrel Health', 'Osprey Labs').replace('Kestrel Health', 'Osprey Labs');
    const r = await startPlugin(makeApp({ [APPLICATION_PATH]: tagged, 'Applications/Osprey Labs.md': other }), { settings: { applicationScope: 'tag' } });
    const made = taskNotes(r.app).map((f) => read(r.app, f.path));
    expect(made.length).toBeGreaterThan(0);
    expect(made.every((t) => t.includes('Kestrel Health') && !t.includes('Osprey'))).toBe(true);
  });
});

describe('Tasks-plugin lines', () => {
  it('are appended once per created task, outside the advice block, and never again', async () => {
    const r = await startPlugin(makeApp(), { settings: { tasksLines: true } });
    const once = read(r.app, APPLICATION_PATH);
    const lines = once.split('\n').filter((l) => l.startsWith('- [ ] '));
    expect(lines).toHaveLength(taskNotes(r.app).length);
    expect(once.startsWith(KESTREL)).toBe(true);
    for (let i = 0; i < 5; i++) await r.plugin.createFollowUps(file(r.app, APPLICATION_PATH));
    expect(read(r.app, APPLICATION_PATH)).toBe(once);
  });

  it('never carry #task (TaskNotes would take the application for a task), and each links its task note by id', async () => {
    const r = await startPlugin(makeApp(), { settings: { tasksLines: true } });
    const text = read(r.app, APPLICATION_PATH);
    expect(text).not.toMatch(/#task\b/);
    const lineIds = [...text.matchAll(/🆔 jha-([0-9a-z]+)/gu)].map((m) => m[1]).sort();
    expect(lineIds).toEqual(ids(r).sort());
    for (const link of text.matchAll(/\[\[([^|\]]+)\|task note\]\]/g)) {
      expect(r.app.metadataCache.getFirstLinkpathDest(link[1] ?? '', APPLICATION_PATH)?.path.startsWith('Job hunt tasks/')).toBe(true);
    }
  });

  it('ticking a line completes its task note; reopening the task note unticks the line', async () => {
    const r = await startPlugin(makeApp(), { settings: { tasksLines: true } });
    const app = file(r.app, APPLICATION_PATH);
    const text = read(r.app, APPLICATION_PATH);
    const first = /^- \[ \] .*🆔 jha-([0-9a-z]+)$/mu.exec(text);
    const id = first?.[1] ?? '';
    const note = taskNotes(r.app).find((f) => r.app.metadataCache.getFileCache(f)?.frontmatter?.[TASK_ID_FIELD] === id);
    expect(note).toBeDefined();
    await r.app.vault.modify(app, text.replace(first?.[0] ?? '', (first?.[0] ?? '').replace('- [ ]', '- [x]')));
    await vi.waitFor(() => expect(r.app.metadataCache.getFileCache(note!)?.frontmatter).toMatchObject({ status: 'done', completedDate: '2026-03-09' }), PROMPTLY);
    await r.plugin.lines.idle();
    // The other task notes are still open, and the line kept its tick.
    const open = taskNotes(r.app).filter((f) => f !== note).map((f): unknown => r.app.metadataCache.getFileCache(f)?.frontmatter?.status);
    expect(new Set(open)).toEqual(new Set(['open']));
    expect(read(r.app, APPLICATION_PATH)).toMatch(new RegExp(`^- \\[x\\] .*🆔 jha-${id}$`, 'mu'));
    // Reopened in TaskNotes (status back to open): the line follows.
    await r.app.fileManager.processFrontMatter(note!, (fm: Record<string, unknown>) => {
      fm.status = 'open';
      delete fm.completedDate;
    });
    await vi.waitFor(() => expect(read(r.app, APPLICATION_PATH)).toMatch(new RegExp(`^- \\[ \\] .*🆔 jha-${id}$`, 'mu')), PROMPTLY);
    await r.plugin.lines.idle();
    expect(r.app.metadataCache.getFileCache(note!)?.frontmatter?.status).toBe('open');
  });

  it('completing a task note ticks its line, with the done date', async () => {
    const r = await startPlugin(makeApp(), { settings: { tasksLines: true } });
    const note = taskNotes(r.app)[0]!;
    const id = String(r.app.metadataCache.getFileCache(note)?.frontmatter?.[TASK_ID_FIELD]);
    await r.app.fileManager.processFrontMatter(note, (fm: Record<string, unknown>) => {
      fm.status = 'done';
      fm.completedDate = '2026-03-09';
    });
    await vi.waitFor(() => expect(read(r.app, APPLICATION_PATH)).toMatch(new RegExp(`^- \\[x\\] .* ✅ 2026-03-09 🆔 jha-${id}$`, 'mu')), PROMPTLY);
    await r.plugin.lines.idle();
    expect(read(r.app, APPLICATION_PATH).match(/^- \[x\]/gmu)).toHaveLength(1);
  });
});

describe('Open advice pane', () => {
  it('opens one pane in the right sidebar, however often it is run', async () => {
    const r = await startPlugin(makeApp());
    command(r, 'open-advice-pane').callback?.();
    await vi.waitFor(() => expect(r.app.workspace.getLeavesOfType('job-hunt-advice')).toHaveLength(1), PROMPTLY);
    await r.plugin.activatePane();
    expect(r.app.workspace.getLeavesOfType('job-hunt-advice')).toHaveLength(1);
  });
});

describe('unloading', () => {
  it('stops follow-up runs still queued', async () => {
    const r = await startPlugin(makeApp(), { settings: { autoCreate: false } });
    r.plugin.unload();
    expect(await r.plugin.sync.createFor(file(r.app, APPLICATION_PATH))).toBeUndefined();
    expect(taskNotes(r.app)).toHaveLength(0);
  });

  it('leaves no listener or timer behind', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    try {
      const app = makeApp();
      const count = (): number =>
        [app.vault, app.metadataCache, app.workspace].reduce((n, e) => n + Object.values((e as unknown as { _: Record<string, unknown[]> })._).flat().length, 0);
      const baseline = count();
      const timers = vi.getTimerCount();
      const r = await startPlugin(app);
      expect(count()).toBeGreaterThan(baseline);
      r.plugin.unload();
      expect(count()).toBe(baseline);
      expect(vi.getTimerCount()).toBe(timers);
    } finally {
      vi.useRealTimers();
    }
  });
});
