// @vitest-environment happy-dom
// Issue 12 for the plugin, in an in-memory vault with the real plugin loaded: nothing lost,
// nothing duplicated, under any bytes or names. The CLI's side is tests/robustness/reliability.
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { adviseInEditor, removeAdvice } from '../../src/obsidian/advice-notes';
import type { App } from 'obsidian-test-mocks/obsidian';
import { LEDGER_FOLDER, LEDGER_PATH, renderLedger } from '../../src/core/ledger';
import { APPLICATION_PATH, editorWith, file, KESTREL, lossy, makeApp, read, savedData, settle, startPlugin, taskNotes, TODAY, unloadedAfterEach, writeRawBytes } from '../obsidian/harness';
import type { Running } from '../obsidian/harness';
import { recordNotices } from '../obsidian/notices';

const notices: string[] = [];
recordNotices((text) => notices.push(text));

const running = unloadedAfterEach(() => {
  notices.length = 0;
});

/** The plugin on a vault whose application note holds `bytes` on disk. */
async function withBytes(bytes: Uint8Array, data: unknown = { settings: { autoCreate: false } }): Promise<Running> {
  const app = makeApp({ [APPLICATION_PATH]: lossy(bytes) });
  writeRawBytes(app, APPLICATION_PATH, bytes);
  const r = await startPlugin(app, data);
  running.push(r);
  return r;
}

const NOT_UTF8 = /^(Job Hunt Advisor: )?"Kestrel Health" is not UTF-8 text \(byte 0x[0-9A-F]{2} at offset \d+, .*\); not read, nothing written\.$/;

describe('bytes that are not UTF-8 are never written back', () => {
  const withTail = (...tail: number[]): Uint8Array => Buffer.concat([Buffer.from(KESTREL), Buffer.from(tail), Buffer.from('\n')]);
  const attacks: [string, Uint8Array][] = [
    ['Windows-1252', Buffer.concat([Buffer.from(KESTREL, 'latin1'), Buffer.from([0x93, 0x68, 0x69, 0x94, 0x20, 0x80, 0x0a])])],
    ['Latin-1', Buffer.from(`${KESTREL}Réunion à Genève\n`, 'latin1')],
    ['CESU-8', withTail(0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80)],
    ['an encoded lone surrogate', withTail(0xed, 0xbf, 0xbf)],
    ['an overlong sequence', withTail(0xc1, 0xbf)],
    ['a code point past U+10FFFF', withTail(0xf7, 0xbf, 0xbf, 0xbf)],
  ];

  it.each(attacks)('%s: the advice command in the background says so in one notice and writes nothing', async (_, bytes) => {
    const r = await withBytes(bytes);
    const shown = read(r.app, APPLICATION_PATH);
    await r.plugin.insertCallout(file(r.app, APPLICATION_PATH));
    expect(read(r.app, APPLICATION_PATH)).toBe(shown);
    expect(notices).toEqual([expect.stringMatching(NOT_UTF8)]);
    expect(Buffer.from(await r.app.vault.readBinary(file(r.app, APPLICATION_PATH))).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each(attacks)('%s: the advice command in the open editor changes nothing', async (_, bytes) => {
    const r = await withBytes(bytes);
    const shown = read(r.app, APPLICATION_PATH);
    const editor = editorWith(r.app, shown);
    const outcome = await adviseInEditor(r.plugin.notes, editor, file(r.app, APPLICATION_PATH), r.plugin.settings, '2026-03-09');
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(NOT_UTF8) as unknown });
    expect(editor.getValue()).toBe(shown);
  });

  it('removing the advice from such a note is refused too', async () => {
    const r = await withBytes(Buffer.concat([Buffer.from(KESTREL, 'latin1'), Buffer.from('%% job-hunt-advisor: start %%\n\n> [!job-hunt-advice] x\n\n%% job-hunt-advisor: end %%\n\xe9\n', 'latin1')]));
    const shown = read(r.app, APPLICATION_PATH);
    const outcome = await removeAdvice(r.app, file(r.app, APPLICATION_PATH));
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(NOT_UTF8) as unknown });
    expect(read(r.app, APPLICATION_PATH)).toBe(shown);
    const editor = editorWith(r.app, shown);
    expect(await removeAdvice(r.app, file(r.app, APPLICATION_PATH), editor)).toMatchObject({ ok: false });
    expect(editor.getValue()).toBe(shown);
  });

  it('a Tasks line is never appended to such a note; its task notes are still made', async () => {
    const r = await withBytes(Buffer.from(`${KESTREL}Notes in Latin-1: é\n`, 'latin1'), { settings: { autoCreate: true, tasksLines: true } });
    await settle(r);
    const shown = lossy(Buffer.from(`${KESTREL}Notes in Latin-1: é\n`, 'latin1'));
    expect(read(r.app, APPLICATION_PATH)).toBe(shown);
    expect(r.app.vault.getMarkdownFiles().some((f) => f.path.startsWith('Job hunt tasks/'))).toBe(true);
  });

  it('UTF-8 holding a real U+FFFD and a byte-order mark is advised, in the editor and the background', async () => {
    const text = `\uFEFF${KESTREL}A replacement character I typed: \uFFFD\n`;
    const r = await withBytes(Buffer.from(text, 'utf8'));
    await r.plugin.insertCallout(file(r.app, APPLICATION_PATH));
    expect(read(r.app, APPLICATION_PATH)).toContain('[!job-hunt-advice]');
    const editor = editorWith(r.app, text);
    expect(await adviseInEditor(r.plugin.notes, editor, file(r.app, APPLICATION_PATH), r.plugin.settings, '2026-03-09')).toEqual({ ok: true, changed: true });
    expect(notices).toEqual([]);
  });
});

describe('lines typed inside the block', () => {
  it('keep their blank lines and CRLF endings when the plugin refreshes in the background', async () => {
    const r = await withBytes(Buffer.from(KESTREL.replace(/\n/g, '\r\n')));
    const f = file(r.app, APPLICATION_PATH);
    await r.plugin.insertCallout(f);
    const typed = 'Call notes:\r\n\r\n- asked about the team\r\n\r\n\r\nFollow up Friday.';
    const edited = read(r.app, APPLICATION_PATH).replace('\r\n%% job-hunt-advisor: end %%', `\r\n${typed}\r\n%% job-hunt-advisor: end %%`);
    await r.app.vault.modify(f, edited);
    await r.plugin.insertCallout(f);
    const after = read(r.app, APPLICATION_PATH);
    expect(after).toContain(`%% job-hunt-advisor: end %%\r\n${typed}\r\n`);
    expect(after.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });
});

describe('an unreadable ledger is never taken for an empty one', () => {
  type Adapter = App['vault']['adapter'] & { textFiles: Map<string, string> };
  const ENTRY = { id: '0123456789abcdef', application: APPLICATION_PATH, kind: 'check-in' as const, title: 'Check in', path: 'Job hunt tasks/x.md', created: TODAY };
  const adapterOf = (app: App): Adapter => app.vault.adapter as Adapter;
  /** Reading `path` never answers, as a read of a FIFO with no writer. */
  const hangOn = (app: App, path: string): void => {
    const a = adapterOf(app);
    const never = (): Promise<never> => new Promise(() => undefined);
    const read = a.read.bind(a);
    const readBinary = a.readBinary.bind(a);
    a.read = (p) => (p === path ? never() : read(p));
    a.readBinary = (p) => (p === path ? never() : readBinary(p));
  };
  const attacks: [string, (app: App) => Promise<void>, string, RegExp][] = [
    ['a folder in its place', (app) => app.vault.adapter.mkdir(LEDGER_PATH), LEDGER_PATH, /is a folder/],
    ['a file where its folder goes', (app) => app.vault.adapter.write(LEDGER_FOLDER, 'x'), LEDGER_FOLDER, /is not a folder/],
    ['a FIFO in its place (size 0, a read never answers)', async (app) => {
      await app.vault.adapter.write(LEDGER_PATH, '');
      hangOn(app, LEDGER_PATH);
    }, LEDGER_PATH, /is empty, or not a regular file/],
    ['no permission to read it', async (app) => {
      await app.vault.adapter.write(LEDGER_PATH, renderLedger([ENTRY]));
      const a = adapterOf(app);
      const readBinary = a.readBinary.bind(a);
      a.readBinary = (p) => (p === LEDGER_PATH ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' })) : readBinary(p));
    }, LEDGER_PATH, /cannot be read \(EACCES: permission denied/],
    ['Latin-1 bytes', async (app) => {
      const bytes = Buffer.from(renderLedger([{ ...ENTRY, title: 'Café' }]), 'latin1');
      await app.vault.adapter.write(LEDGER_PATH, lossy(bytes));
      writeRawBytes(app, LEDGER_PATH, bytes);
    }, LEDGER_PATH, /is not UTF-8 text \(byte 0xE9/],
    ['text that is not JSON', (app) => app.vault.adapter.write(LEDGER_PATH, 'not a ledger'), LEDGER_PATH, /is not JSON \(line 1\)/],
    ['a ledger cut short', (app) => app.vault.adapter.write(LEDGER_PATH, renderLedger([ENTRY, { ...ENTRY, id: 'fedcba9876543210' }]).slice(0, -40)), LEDGER_PATH, /is not JSON/],
    ['JSON of another shape', (app) => app.vault.adapter.write(LEDGER_PATH, '{"created": {}}'), LEDGER_PATH, /is JSON, but not a list/],
    ['a sync-conflict copy that is garbage', async (app) => {
      await app.vault.adapter.write(LEDGER_PATH, renderLedger([ENTRY]));
      await app.vault.adapter.write(`${LEDGER_FOLDER}/created.sync-conflict-1.json`, '\u0000');
    }, `${LEDGER_FOLDER}/created.sync-conflict-1.json`, /is not JSON/],
  ];

  it.each(attacks)('%s: one notice naming it, no task note, the file left as it was', async (_, make, shown, problem) => {
    const mock = makeApp();
    await make(mock);
    const before = adapterOf(mock).textFiles.get(shown);
    const r = await startPlugin(mock, { settings: { autoCreate: true } });
    running.push(r);
    await settle(r);
    await r.plugin.createFollowUps(file(r.app, APPLICATION_PATH));
    expect(taskNotes(r.app)).toEqual([]);
    expect(new Set(notices).size).toBe(1);
    expect(notices[0]).toMatch(new RegExp(`^Job Hunt Advisor: ${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(notices[0]).toMatch(problem);
    expect(notices[0]).toMatch(/none is created/);
    expect(adapterOf(mock).textFiles.get(shown)).toBe(before);
  });

  it('data.json entries of an older version stay in data.json while the ledger is unreadable', async () => {
    const mock = makeApp();
    await mock.vault.adapter.mkdir(LEDGER_PATH);
    const r = await startPlugin(mock, { settings: { autoCreate: false }, generated: { [APPLICATION_PATH]: [ENTRY] } });
    running.push(r);
    expect(r.plugin.sync).toBeDefined(); // loaded all the same
    expect(JSON.stringify(savedData(r))).toContain(ENTRY.id);
    expect((await r.app.vault.adapter.stat(LEDGER_PATH))?.type).toBe('folder');
  });
});

describe('names that differ only in case', () => {
  const NOTE = (company: string): string => `---\nstage: Applied\ncompany: ${company}\nrole: Analyst\napplied: 2026-03-02\nhiring_manager: Jane Doe\n---\n`;
  const linkedTo = (r: Running): string[] => taskNotes(r.app).map((f) => String(r.app.metadataCache.getFileCache(f)?.frontmatter?.projects)).sort();

  it.each([
    ['Applications/Acme.md', 'Applications/ACME.md', false],
    ['Jobs/acme - analyst.md', 'Jobs/Acme - Analyst.md', false],
    ['Jobs/Acme.md', 'Archive/ACME.md', true],
  ] as const)('%s and %s (case-insensitive disk: %s) each get their own task notes, whose names differ in more than case', async (a, b, insensitive) => {
    const mock = makeApp({ [a]: NOTE('Acme'), [b]: NOTE('ACME') });
    (mock.vault.adapter as unknown as { insensitive__: boolean }).insensitive__ = insensitive;
    const r = await startPlugin(mock, { settings: { autoCreate: true } });
    running.push(r);
    await settle(r);
    const links = linkedTo(r);
    const per = (p: string): number => links.filter((l) => l.includes(`[[${p.replace(/\.md$/, '')}|`)).length;
    expect(per(a)).toBeGreaterThan(0);
    expect(per(b)).toBe(per(a));
    const paths = taskNotes(r.app).map((f) => f.path.toLowerCase());
    expect(new Set(paths).size).toBe(paths.length);
    await r.plugin.createFollowUps(file(r.app, b));
    expect(taskNotes(r.app)).toHaveLength(paths.length);
  });
});
