// @vitest-environment happy-dom
// Issue 4 for the plugin, in an in-memory vault (obsidian-test-mocks) with the real plugin loaded:
// bad input gets a notice or pane message naming the note, nothing runs, no byte the person wrote is
// lost, no task note is made twice. Cases already covered in tests/obsidian are listed in TESTING.md.
import process from 'node:process';
import fc from 'fast-check';
import type { TFile } from 'obsidian';
import { App } from 'obsidian-test-mocks/obsidian';
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/core/advice';
import { readApplication } from '../../src/core/application';
import { removeBlock } from '../../src/core/callout';
import { planFollowUps } from '../../src/core/followups';
import { LEDGER_PATH, renderLedger } from '../../src/core/ledger';
import { parseWikilink } from '../../src/core/people';
import { TASK_ID_FIELD } from '../../src/core/task-note';
import { adviseInEditor, withAdvice } from '../../src/obsidian/advice-notes';
import { checkSetting, DEFAULT_SETTINGS } from '../../src/core/settings';
import { advicePaneState } from '../../src/ui/advice-pane-state';
import { APPLICATION_PATH, editorWith, file, KESTREL, makeApp, read, settle, startPlugin, unloadedAfterEach, taskNotes, TODAY } from '../obsidian/harness';
import type { Running } from '../obsidian/harness';
import { runs } from '../stress';
import { recordNotices } from '../obsidian/notices';

const notices: string[] = [];
recordNotices((text) => notices.push(text));

const running = unloadedAfterEach(() => {
  notices.length = 0;
});
async function start(files: Record<string, string>, data?: unknown): Promise<Running> {
  const r = await startPlugin(makeApp(files), data);
  running.push(r);
  return r;
}

function ids(r: Running): string[] {
  return taskNotes(r.app).map((f) => String(r.app.metadataCache.getFileCache(f)?.frontmatter?.[TASK_ID_FIELD]));
}

function paneProblem(r: Running, path: string): string | undefined {
  return advicePaneState(file(r.app, path), { app: r.app, settings: r.plugin.settings, memory: r.plugin.memory, notes: r.plugin.notes, today: TODAY }).problem;
}

/** Writes `text` behind the cache's back and gives the cache what Obsidian gives for unreadable YAML. */
async function breakNote(r: Running, path: string, text: string): Promise<TFile> {
  await r.app.vault.adapter.write(path, text);
  const end = text.indexOf('\n---', 3) + 4;
  const position = { start: { line: 0, col: 0, offset: 0 }, end: { line: text.slice(0, end).split('\n').length - 1, col: 3, offset: end } };
  App.fromOriginalType__(r.app).metadataCache.cache__.set(path, { frontmatterPosition: position, sections: [] });
  return file(r.app, path);
}

describe('frontmatter', () => {
  it('broken YAML and duplicate keys: the pane and the command name the note; nothing written or created', async () => {
    const r = await start({}, { settings: { autoCreate: false } });
    const before = ids(r);
    for (const [name, text] of [['Broken', '---\nstage: Applied\ncompany: [Acme\n---\nBody\n'], ['Dup', '---\nstage: Applied\nstage: Rejected\n---\nBody\n']] as const) {
      const path = `Applications/${name}.md`;
      await r.app.vault.create(path, '---\nstage: Applied\n---\n');
      const f = await breakNote(r, path, text);
      expect(paneProblem(r, path)).toMatch(new RegExp(`^${name}: its properties \\(YAML\\) can't be read`));
      await r.plugin.insertCallout(f);
      expect(await r.app.vault.adapter.read(path)).toBe(text);
      expect(notices.at(-1)).toMatch(new RegExp(`"${name}": its properties \\(YAML\\) can't be read.*Nothing was written`));
      const editor = editorWith(r.app, text);
      expect(adviseInEditor(r.plugin.notes, editor, f, r.plugin.settings, TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(new RegExp(`^"${name}": `)) as unknown });
      expect(editor.getValue()).toBe(text);
      await r.plugin.createFollowUps(f);
    }
    expect(ids(r)).toEqual(before);
  });

  it.each(['js', 'javascript', 'coffee'])('---%s front matter is never run: no trace, not an application', async (language) => {
    const g = window as unknown as { jhaRan?: boolean };
    delete g.jhaRan;
    const text = `---${language}\nwindow.jhaRan = true; ({ stage: 'Applied', company: 'Acme' })\n---\nBody\n`;
    const r = await start({ 'Applications/Script.md': text });
    const f = file(r.app, 'Applications/Script.md');
    await r.plugin.insertCallout(f);
    await r.plugin.createFollowUps(f);
    expect(g.jhaRan).toBeUndefined();
    expect(read(r.app, 'Applications/Script.md')).toBe(text);
    expect(taskNotes(r.app).some((t) => read(r.app, t.path).includes('Script'))).toBe(false);
    expect(withAdvice(r.plugin.notes, f, text, r.plugin.settings, TODAY)).toMatchObject({
      ok: false,
      message: expect.stringMatching(new RegExp(`^"Script": its front matter is in ${language}, which is not read .*nothing in it was run`)) as unknown,
    });
  });

  it.each([
    ['a number', 'stage: 3', /^"S": stage is the number 3/],
    ['a list', 'stage: [Applied, Rejected]', /^"S": stage lists several values/],
    ['null', 'stage: null', /^"S": stage is empty/],
    ['huge', `stage: ${'S'.repeat(100_000)}`, /^"S": stage /],
  ])('a stage that is %s: one short message naming the note; the pane says the same; no task', async (_, line, message) => {
    const text = `---\n${line}\ncompany: Acme\n---\nBody\n`;
    const r = await start({ 'Applications/S.md': text });
    const f = file(r.app, 'Applications/S.md');
    const result = withAdvice(r.plugin.notes, f, text, r.plugin.settings, TODAY);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(message) as unknown });
    if (!result.ok) expect(result.message.length).toBeLessThan(400);
    await r.plugin.insertCallout(f);
    expect(read(r.app, 'Applications/S.md')).toBe(text);
    if (!line.startsWith('stage: null')) expect(paneProblem(r, 'Applications/S.md')).toMatch(/^S: stage/);
    expect(taskNotes(r.app).some((t) => read(r.app, t.path).includes('[[S]]'))).toBe(false);
  });

  it('huge values elsewhere: advised, task names capped', async () => {
    const huge = KESTREL.replace('company: Kestrel Health', `company: ${'K'.repeat(200_000)}`).replace('role: Product Designer', `role: ${'R'.repeat(100_000)}`);
    const r = await start({ [APPLICATION_PATH]: huge });
    expect(taskNotes(r.app).length).toBeGreaterThan(0);
    for (const t of taskNotes(r.app)) expect(new TextEncoder().encode(t.name).length).toBeLessThanOrEqual(255);
  });

  it('dates of every shape: every task due on a real day within year 9999 (its own day, even once passed); the same callout in every time zone', async () => {
    const notes: Record<string, string> = {
      'Applications/Impossible.md': '---\nstage: Applied\ncompany: A\napplied: 2026-02-30\n---\n',
      'Applications/Past.md': '---\nstage: Interviewing\ncompany: B\napplied: 0001-01-01\ninterview_date: 0050-03-01\n---\n',
      'Applications/Future.md': '---\nstage: Interviewing\ncompany: C\napplied: 2026-03-01\ninterview_date: 9999-12-31\n---\n',
      'Applications/Offsets.md': '---\nstage: Interviewing\ncompany: D\napplied: 2026-03-01T23:30:00-08:00\ninterview_date: 2026-03-12T00:15:00+14:00\n---\n',
      'Applications/Empty.md': '---\nstage: Applied\ncompany: E\napplied: ""\ninterview_date:\n---\n',
    };
    const r = await start(notes);
    const pane = advicePaneState(file(r.app, 'Applications/Impossible.md'), { app: r.app, settings: r.plugin.settings, memory: r.plugin.memory, notes: r.plugin.notes, today: TODAY });
    expect(pane.report?.application.warnings.map((w) => w.message)).toEqual(['applied "2026-02-30" is not a date; ignored']);
    expect(taskNotes(r.app).length).toBeGreaterThan(0);
    for (const t of taskNotes(r.app)) {
      const due: unknown = r.app.metadataCache.getFileCache(t)?.frontmatter?.due;
      if (due === undefined) continue; // nothing in the note sets a day: "now"
      expect(typeof due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(due) && due >= '0001-01-01' && due <= '9999-12-31', JSON.stringify(due)).toBe(true);
    }
    const zone = process.env.TZ;
    const callouts: string[] = [];
    const offsets = new Set<number>(); // the zone really changed (a worker thread would ignore TZ)
    try {
      for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        offsets.add(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset());
        callouts.push(Object.entries(notes).map(([p, text]) => JSON.stringify(withAdvice(r.plugin.notes, file(r.app, p), text, r.plugin.settings, TODAY))).join('\n'));
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(offsets.size).toBe(3);
    expect(new Set(callouts).size).toBe(1);
    expect(callouts[0]).toContain('2026-03-12');
  });
});

describe('note text', () => {
  const texts: [string, string][] = [
    ['a byte-order mark', `\uFEFF${KESTREL}`],
    ['CRLF', KESTREL.replace(/\n/g, '\r\n')],
    ['no final newline', KESTREL.trimEnd()],
    ['frontmatter only', KESTREL.slice(0, KESTREL.indexOf('---\n# ') + 3)],
    ['markers in a fence and a look-alike callout', `${KESTREL}\n\`\`\`\n%% job-hunt-advisor: start %%\n\`\`\`\n\n> [!job-hunt-advice] my own\n> mine\n`],
    ['a half-deleted block', `${KESTREL}\n%% job-hunt-advisor: start %%\n\n> [!job-hunt-advice] old\n\nkept\n`],
  ];

  it.each(texts)('%s: written in the background and in the editor, every byte around the block kept', async (_, text) => {
    const r = await start({ [APPLICATION_PATH]: text }, { settings: { autoCreate: false } });
    const f = file(r.app, APPLICATION_PATH);
    await r.plugin.insertCallout(f);
    const after = read(r.app, APPLICATION_PATH);
    expect(after).toContain('[!job-hunt-advice]- Connect');
    expect(removeBlock(after)).toBe(text);
    await r.plugin.insertCallout(f);
    expect(read(r.app, APPLICATION_PATH)).toBe(after);
    const editor = editorWith(r.app, text);
    expect(adviseInEditor(r.plugin.notes, editor, f, r.plugin.settings, TODAY)).toEqual({ ok: true, changed: true });
    expect(removeBlock(editor.getValue())).toBe(text);
  });

  it('a block the person typed into keeps their lines on refresh', async () => {
    const r = await start({}, { settings: { autoCreate: false } });
    const f = file(r.app, APPLICATION_PATH);
    await r.plugin.insertCallout(f);
    const edited = read(r.app, APPLICATION_PATH).replace('%% job-hunt-advisor: end %%', 'My line inside.\n%% job-hunt-advisor: end %%');
    await r.app.vault.modify(f, edited);
    await r.plugin.insertCallout(f);
    const after = read(r.app, APPLICATION_PATH);
    expect(after).toContain('My line inside.');
    expect(after.split('%% job-hunt-advisor: start %%')).toHaveLength(2);
  });

  it.each([['no frontmatter', '# Notes\n'], ['an empty file', '']])('%s: a notice naming the note, nothing written', async (_, text) => {
    const r = await start({ 'Applications/Plain.md': text });
    const f = file(r.app, 'Applications/Plain.md');
    await r.plugin.insertCallout(f);
    expect(read(r.app, 'Applications/Plain.md')).toBe(text);
    expect(notices.at(-1)).toMatch(/"Plain": /);
  });

  it('a 5 MB body keeps every byte [stress]', async () => {
    const text = KESTREL + 'A line of my own notes about the role.\n'.repeat(5 * 1024 * 1024 / 40);
    const r = await start({ [APPLICATION_PATH]: text }, { settings: { autoCreate: false } });
    await r.plugin.insertCallout(file(r.app, APPLICATION_PATH));
    expect(removeBlock(read(r.app, APPLICATION_PATH))).toBe(text);
  });

  it('generated note texts never throw: advice or a message naming the note, and nothing outside the block changes', async () => {
    const r = await start({}, { settings: { autoCreate: false } });
    const f = file(r.app, APPLICATION_PATH);
    const line = fc.constantFrom('stage: Applied', 'stage: 3', 'stage: [a, b]', 'stage:', 'applied: 2026-02-30', 'interview_date: 9999-12-31', 'company: "[[x]]"', 'x: [', 'a: *b', '%% job-hunt-advisor: start %%', '> [!job-hunt-advice]', '```', '');
    const text = fc.tuple(fc.constantFrom('---', '---js', '\uFEFF---', ''), fc.array(line, { maxLength: 6 }), fc.constantFrom('---', ''), fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
      .map(([open, fm, close, body, eol]) => [open, ...fm, close, ...body].join(eol));
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 100 })), (t) => {
        const result = withAdvice(r.plugin.notes, f, t, r.plugin.settings, TODAY);
        if (result.ok) expect(removeBlock(result.text)).toBe(removeBlock(t));
        else expect(result.message).toMatch(/^"Kestrel Health": [^\n]+$/);
      }),
      { numRuns: runs(300), seed: 7 },
    );
  });
});

describe('names', () => {
  it('task notes stay in the tasks folder with capped names, and their projects link resolves to the application', async () => {
    const hostile = ['a/b', 'c\\d', '..', '../../x', 'CON', 'x:*?"<>|#^', 'Ana 🙂 Silva', 'مرحبا שלום', '\u202eevil', 'L'.repeat(300)];
    const files: Record<string, string> = {};
    hostile.forEach((name, i) => {
      const q = JSON.stringify(name);
      files[`Applications/App ${i}.md`] = `---\nstage: Interviewing\ncompany: ${q}\nrole: ${q}\ninterview_date: 2026-03-12\ninterviewers: [${q}]\nhiring_manager: ${q}\n---\n`;
    });
    const r = await start(files);
    const made = taskNotes(r.app);
    expect(made.length).toBeGreaterThanOrEqual(hostile.length);
    for (const t of made) {
      expect(t.path).toMatch(/^Job hunt tasks\/[^/]+\.md$/);
      expect(t.name).not.toMatch(/[\\:*?"<>|#^[\]\u202e]|^\./);
      expect(new TextEncoder().encode(t.name).length).toBeLessThanOrEqual(255);
      const project = (r.app.metadataCache.getFileCache(t)?.frontmatter?.projects as string[] | undefined)?.[0] ?? '';
      const target = parseWikilink(project)?.target;
      expect(target).toBeDefined();
      const dest = r.app.metadataCache.getFirstLinkpathDest(target!, t.path);
      expect(dest?.path).toMatch(/^Applications\/(App \d+|Kestrel Health)\.md$/);
    }
  });
});

describe('settings out of range in data.json', () => {
  it('a connection-note limit of 20: the default is used, and the notice says so in the settings table\'s words (the CLI\'s too)', async () => {
    const r = await start({}, { settings: { connectionNoteLimit: 20 } });
    const check = checkSetting('connectionNoteLimit', 20);
    if (check.ok) throw new Error('20 is below the bounds');
    expect(notices.some((n) => n.includes(check.message))).toBe(true);
    expect(r.plugin.settings.connectionNoteLimit).toBe(200);
  });
});

describe('the tasks folder setting', () => {
  it.each([['/', 'Job hunt tasks'], ['', 'Job hunt tasks'], ['..', 'Job hunt tasks'], ['../../outside', 'outside'], ['./', 'Job hunt tasks']])('%j: task notes land inside the vault, in %j', async (folder, expected) => {
    const r = await start({}, { settings: { tasksFolder: folder } });
    const paths = r.app.vault.getMarkdownFiles().map((f) => f.path).filter((p) => p !== APPLICATION_PATH && !p.startsWith('People/') && p !== 'Ideas.md');
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(p.startsWith(`${expected}/`) && !p.slice(expected.length + 1).includes('/')).toBe(true);
  });
});

describe('repetition', () => {
  it('a burst of changed events over several notes, with edits in between, creates each task once', async () => {
    const r = await start({ 'Applications/Other.md': KESTREL.replace('Kestrel Health', 'Other Co') });
    const paths = [APPLICATION_PATH, 'Applications/Other.md'];
    for (let i = 0; i < 200; i++) {
      const p = paths[i % 2]!;
      if (i % 50 === 0) await r.app.vault.modify(file(r.app, p), read(r.app, p).replace(/interview.*\n.*date: 2026-03-1\d/, (m) => m.replace(/1\d$/, String(10 + (i % 5)))));
      r.app.metadataCache.trigger('changed', file(r.app, p), '', {});
    }
    await settle(r);
    expect(new Set(ids(r)).size).toBe(ids(r).length);
  });

  it('the advice command 100 times in the background: one block, the same bytes [stress]', async () => {
    const r = await start({}, { settings: { autoCreate: false } });
    const f = file(r.app, APPLICATION_PATH);
    await r.plugin.insertCallout(f);
    const once = read(r.app, APPLICATION_PATH);
    await Promise.all(Array.from({ length: 100 }, () => r.plugin.insertCallout(f)));
    expect(read(r.app, APPLICATION_PATH)).toBe(once);
  });

  it('task notes the command-line tool made (its ledger in the vault) are never made again by the plugin, even when deleted', async () => {
    const app = makeApp();
    const fm = app.metadataCache.getFileCache(app.vault.getFileByPath(APPLICATION_PATH)!)?.frontmatter;
    const read0 = readApplication({ frontmatter: fm, path: APPLICATION_PATH });
    if (!read0.ok) throw new Error('fixture is an application');
    const planned = planFollowUps(advise(read0.application, TODAY), { ...DEFAULT_SETTINGS });
    expect(planned.length).toBeGreaterThan(0);
    const ledger = renderLedger(planned.map((f) => ({ id: f.id, application: f.applicationPath, title: f.title, path: 'gone.md', created: TODAY })));
    await app.vault.adapter.mkdir('.job-hunt-advisor');
    await app.vault.adapter.write(LEDGER_PATH, ledger);
    const r = await startPlugin(app);
    running.push(r);
    await r.plugin.createFollowUps(file(r.app, APPLICATION_PATH));
    expect(taskNotes(r.app)).toHaveLength(0);
  });
});
